import { sopCyclePlanOf } from './sop-cycle-setup';

const DAY = 86_400_000;

describe('a node’s S&OP setup', () => {
  const owners = { data_gathering: 'dana', demand_review: 'dana', supply_review: 'sue', pre_sop: 'dana', executive_sop: 'carl' };

  it('gives the cycle its owners and durations, with defaults for what is left out', () => {
    expect(sopCyclePlanOf({ owners, durations: { pre_sop: 'P1W' } })).toEqual({
      plan: {
        owners,
        durationsMs: { data_gathering: 3 * DAY, demand_review: 4 * DAY, supply_review: 3 * DAY, pre_sop: 7 * DAY, executive_sop: 4 * DAY },
        mitigationWindowMs: 3 * DAY,
      },
    });
  });

  it('names every problem: calendar months and zero are not exact durations, owners are required', () => {
    expect(sopCyclePlanOf({ owners: { ...owners, supply_review: ' ' }, durations: { demand_review: 'P1M' }, mitigationWindow: 'PT0H' })).toEqual({
      unmet: [
        "durations.demand_review: 'P1M' is not an exact, positive duration (weeks, days, hours)",
        'owners.supply_review: an owner is required',
        "mitigationWindow: 'PT0H' is not an exact, positive duration (weeks, days, hours)",
      ],
    });
  });
});
