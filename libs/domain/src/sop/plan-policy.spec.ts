import { effectiveSopPolicy, type SopPolicy } from './plan-policy';

describe('effective S&OP policy', () => {
  const settings: SopPolicy = {
    ownerId: null,
    valueThreshold: { absolute: 1_000_000, percent: 0.05 },
    volumeThreshold: { absolute: 100, percent: 0.05 },
    pivotCapacity: null,
  };
  const unitPolicy: SopPolicy = {
    ownerId: 'olga',
    valueThreshold: { absolute: 50_000, percent: 0.1 },
    volumeThreshold: { absolute: 20, percent: 0.02 },
    pivotCapacity: { budget: 2_000_000, fte: 4.5 },
  };

  it("follows the node's own policy first, else its nearest ancestor's, whole", () => {
    const programPolicy = { ...unitPolicy, ownerId: 'paul', pivotCapacity: null };
    const lineage = [
      { nodeId: 'program', policy: null },
      { nodeId: 'unit', policy: unitPolicy },
      { nodeId: 'organization', policy: { ...unitPolicy, ownerId: 'chief' } },
    ];
    expect(effectiveSopPolicy('program', lineage, settings)).toEqual({ orgNodeId: 'program', inheritedFrom: 'unit', ...unitPolicy });
    expect(effectiveSopPolicy('program', [{ nodeId: 'program', policy: programPolicy }, ...lineage.slice(1)], settings)).toEqual({
      orgNodeId: 'program',
      inheritedFrom: 'program',
      ...programPolicy,
    });
  });

  it('falls back on the settings where no node up the hierarchy has a policy', () => {
    expect(effectiveSopPolicy('program', [{ nodeId: 'program', policy: null }, { nodeId: 'unit', policy: null }], settings)).toEqual({
      orgNodeId: 'program',
      inheritedFrom: 'settings',
      ...settings,
    });
  });
});
