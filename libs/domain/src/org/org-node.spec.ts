import { checkOrgNodePlacement } from './org-node';

describe('org node placement', () => {
  it('puts organizations at the top, business units under organizations, programs under business units', () => {
    expect(checkOrgNodePlacement('organization', null)).toBeNull();
    expect(checkOrgNodePlacement('business_unit', { id: 'o', kind: 'organization' })).toBeNull();
    expect(checkOrgNodePlacement('program', { id: 'b', kind: 'business_unit' })).toBeNull();
  });

  it('refuses every other placement, naming it', () => {
    expect(checkOrgNodePlacement('organization', { id: 'o', kind: 'organization' })).toMatchObject({ kind: 'unprocessable' });
    expect(checkOrgNodePlacement('program', null)).toMatchObject({ message: 'a program needs a parent: a business unit' });
    expect(checkOrgNodePlacement('program', { id: 'o', kind: 'organization' })).toMatchObject({
      message: 'a program sits under a business unit, not under an organization',
      unmet: ['parent o is an organization'],
    });
    expect(checkOrgNodePlacement('program', undefined, 'ghost')).toMatchObject({ message: 'parent ghost is not an org node' });
  });
});
