import { familyVolumesByPeriod } from './family-volumes';
import { offPlan, type NodePeriodFigures, type OffPlanInitiative } from './off-plan';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 2, 20);
const policy = { value: { absolute: 10_000, percent: 0.05 }, volume: { absolute: 100, percent: 0.05 }, unconfirmedAfterMs: 30 * DAY, gateDecisionWithinMs: 10 * DAY };
const initiative = (id: string, overrides: Partial<OffPlanInitiative>): OffPlanInitiative => ({
  initiativeId: id,
  ownerId: 'olive',
  sponsorId: 'sam',
  stage: 2,
  status: 'on_track',
  planned: 100_000,
  forecast: 100_000,
  confirmed: 0,
  implementedAt: null,
  escalation: null,
  waitingGate: null,
  ...overrides,
});
const onPlan: NodePeriodFigures = {
  orgNodeId: 'n',
  period: '2027-03',
  value: { planned: 500_000, forecast: 495_000, target: 500_000 },
  yearToDate: { from: '2027-01', planned: 1_500_000, forecast: 1_495_000, target: 1_500_000 },
  families: [],
  initiatives: [],
  overdueActions: [],
  earlierCycles: [],
};
const figuresOf = (exceptions: ReturnType<typeof offPlan>) => exceptions.map((exception) => [exception.kind, exception.subject, exception.deviation, exception.owner, exception.valueAtRisk]);

describe('what is off plan under a node', () => {
  it('reports only deviations, ranked by value at risk: value under target and plan, an escalated initiative, a family short of capacity', () => {
    const cells = [
      { line: 'demand', family: 'widgets', period: '2027-03', amount: 5_000 },
      { line: 'capacity', family: 'widgets', period: '2027-03', amount: 4_000 },
      { line: 'demand', family: 'gears', period: '2027-03', amount: 1_000 },
      { line: 'capacity', family: 'gears', period: '2027-03', amount: 1_050 },
      { line: 'demand', family: 'widgets', period: '2027-04', amount: 9_999 },
      { line: 'target', family: '', period: '2027-03', amount: 1 },
    ];
    const volumes = familyVolumesByPeriod(cells);
    expect(volumes.get('2027-03')).toEqual([
      { family: 'gears', demand: 1_000, capacity: 1_050 },
      { family: 'widgets', demand: 5_000, capacity: 4_000 },
    ]);
    expect(volumes.get('2027-04')).toEqual([{ family: 'widgets', demand: 9_999, capacity: 0 }]);
    const exceptions = offPlan(
      {
        ...onPlan,
        value: { planned: 500_000, forecast: 400_000, target: 600_000 },
        families: volumes.get('2027-03')!,
        initiatives: [
          initiative('i1', { status: 'escalated', forecast: 150_000, confirmed: 20_000, escalation: { milestoneId: 'm1', title: 'Line trial', dueDate: '2027-03-06', level: 2 } }),
          initiative('i2', { status: 'at_risk' }),
        ],
      },
      policy,
      'dana',
      NOW,
    );
    expect(figuresOf(exceptions)).toEqual([
      ['forecast_below_target', 'n', -200_000, 'dana', 200_000],
      ['initiative_escalated', 'i1', 0, 'sam', 130_000],
      ['forecast_below_plan', 'n', -100_000, 'dana', 100_000],
      ['demand_exceeds_capacity', 'n/widgets', 1_000, 'dana', null],
    ]);
    expect(exceptions[1].figures.milestone).toEqual({ milestoneId: 'm1', title: 'Line trial', dueDate: '2027-03-06', level: 2, daysLate: 14 });
  });

  it('reports a gate request that waited for its keys past the policy, owed by the sponsor, and not one still within it', () => {
    const keys = [['sponsor'], ['controller']];
    const exceptions = offPlan(
      {
        ...onPlan,
        initiatives: [
          initiative('late', { forecast: 80_000, confirmed: 5_000, waitingGate: { gateRequestId: 'g1', targetStage: 3, submittedAt: '2027-03-08T09:00:00.000Z', keys } }),
          initiative('fresh', { waitingGate: { gateRequestId: 'g2', targetStage: 2, submittedAt: '2027-03-12T00:00:00.000Z', keys: [['sponsor', 'pmo']] } }),
        ],
      },
      policy,
      'dana',
      NOW,
    );
    expect(figuresOf(exceptions)).toEqual([['gate_request_waiting', 'late', 0, 'sam', 75_000]]);
    expect(exceptions[0].figures.gateRequest).toEqual({ gateRequestId: 'g1', targetStage: 3, submittedAt: '2027-03-08T09:00:00.000Z', daysWaiting: 11, keys });
    // Once the sponsor gave their key, the gate waits for the controller's, and the controller owes it.
    const sponsorGave = offPlan(
      { ...onPlan, initiatives: [initiative('late', { forecast: 80_000, confirmed: 5_000, waitingGate: { gateRequestId: 'g1', targetStage: 3, submittedAt: '2027-03-08T09:00:00.000Z', keys: [['controller']], controllerId: 'cleo' } })] },
      policy,
      'dana',
      NOW,
    );
    expect(figuresOf(sponsorGave)).toEqual([['gate_request_waiting', 'late', 0, 'cleo', 75_000]]);
    expect(sponsorGave[0].figures.gateRequest).toEqual({ gateRequestId: 'g1', targetStage: 3, submittedAt: '2027-03-08T09:00:00.000Z', daysWaiting: 11, keys: [['controller']] });
  });

  it('has nothing to say about a period on plan', () => {
    expect(offPlan(onPlan, policy, 'dana', NOW)).toEqual([]);
  });

  it('reports the year to date under target when the month alone is not, and not in January, where the two are one', () => {
    const behind = { ...onPlan, yearToDate: { from: '2027-01', planned: 1_500_000, forecast: 1_200_000, target: 1_500_000 } };
    expect(figuresOf(offPlan(behind, policy, 'dana', NOW))).toEqual([['forecast_below_target_ytd', 'n', -300_000, 'dana', 300_000]]);
    expect(offPlan(behind, policy, 'dana', NOW)[0].figures).toEqual({ from: '2027-01' });
    expect(offPlan({ ...behind, period: '2027-01' }, policy, 'dana', NOW)).toEqual([]);
    // Only this month has a target so far: the year to date is the month, said once.
    const onlyThisMonth = { ...onPlan, value: { planned: 0, forecast: 0, target: 500_000 }, yearToDate: { from: '2027-01', planned: 0, forecast: 0, target: 500_000 } };
    expect(offPlan(onlyThisMonth, policy, 'dana', NOW).map((exception) => exception.kind)).toEqual(['forecast_below_target']);
  });

  it('counts phantom progress as off plan, owed by the initiative’s owner, with what it puts at risk', () => {
    const exceptions = offPlan(
      {
        ...onPlan,
        initiatives: [
          initiative('waiting', { stage: 4, implementedAt: NOW - 45 * DAY }),
          initiative('rosy', { stage: 3, forecast: 60_000 }),
          initiative('fresh', { stage: 4, implementedAt: NOW - 5 * DAY }),
        ],
      },
      policy,
      'dana',
      NOW,
    );
    expect(figuresOf(exceptions)).toEqual([
      ['phantom_progress', 'waiting', -100_000, 'olive', 100_000],
      ['phantom_progress', 'rosy', -40_000, 'olive', 40_000],
    ]);
    expect(exceptions.map((exception) => exception.figures.reasons)).toEqual([['implemented_unconfirmed'], ['on_track_forecast_under_plan']]);
  });

  it('lists overdue actions, owed by their owners', () => {
    const exceptions = offPlan({ ...onPlan, overdueActions: [{ actionId: 'a1', title: 'Add a shift', ownerId: 'olive', dueDate: '2027-03-10', valueAtRisk: 50_000 }] }, policy, 'dana', NOW);
    expect(exceptions).toEqual([
      expect.objectContaining({ kind: 'action_overdue', subject: 'a1', owner: 'olive', valueAtRisk: 50_000, figures: { action: { title: 'Add a shift', dueDate: '2027-03-10' } } }),
    ]);
  });

  it('marks an exception that recurs, and a mitigation accepted last cycle whose date passed without removing it', () => {
    const under = { ...onPlan, value: { planned: 500_000, forecast: 400_000, target: null } };
    const earlier = (dueDate: string, accepted: boolean) => [
      { period: '2027-02', exceptions: [{ kind: 'forecast_below_plan' as const, subject: 'n', mitigation: { dueDate, accepted } }] },
      { period: '2027-01', exceptions: [{ kind: 'forecast_below_plan' as const, subject: 'n', mitigation: null }] },
      { period: '2026-12', exceptions: [] },
      { period: '2026-11', exceptions: [{ kind: 'forecast_below_plan' as const, subject: 'n', mitigation: null }] },
    ];
    expect(offPlan({ ...under, earlierCycles: earlier('2027-03-15', true) }, policy, 'dana', NOW)[0].figures).toEqual({ recurrence: { cycles: 3, mitigationFailed: true } });
    // Not yet due, or never accepted: it has not failed.
    expect(offPlan({ ...under, earlierCycles: earlier('2027-03-31', true) }, policy, 'dana', NOW)[0].figures).toEqual({ recurrence: { cycles: 3, mitigationFailed: false } });
    expect(offPlan({ ...under, earlierCycles: earlier('2027-03-15', false) }, policy, 'dana', NOW)[0].figures).toEqual({ recurrence: { cycles: 3, mitigationFailed: false } });
    expect(offPlan({ ...under, earlierCycles: [{ period: '2027-02', exceptions: [] }] }, policy, 'dana', NOW)[0].figures).toEqual({});
  });
});
