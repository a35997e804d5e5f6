import { rolesAtClaim } from './role';

describe('the roles a token carries', () => {
  it("keeps Tollgate's roles at the configured claim path and drops the others", () => {
    const claims = { roles: ['owner', 'offline_access'], realm_access: { roles: ['pmo', 'uma_authorization'] } };
    expect(rolesAtClaim(claims, 'roles')).toEqual(['owner']);
    expect(rolesAtClaim(claims, 'realm_access.roles')).toEqual(['pmo']);
    expect(rolesAtClaim(claims, 'missing.path')).toEqual([]);
  });

  it('answers null for a claim that is not a list of names', () => {
    expect(rolesAtClaim({ roles: 'admin' }, 'roles')).toBeNull();
    expect(rolesAtClaim({ roles: ['admin', 7] }, 'roles')).toBeNull();
  });
});
