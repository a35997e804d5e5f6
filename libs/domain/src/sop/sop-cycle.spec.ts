import { instantAt, millisecondsOf } from '../instant';
import {
  checkMitigation,
  checkSopDecision,
  checkStepCompletion,
  completeStep,
  escalateMissedDeadlines,
  initialSopCycleState,
  nextSopDeadline,
  pivotMoves,
  proposePivots,
  raiseExceptions,
  recordMitigation,
  recordSopDecision,
  STEERING_COMMITTEE,
  type SopCyclePlan,
} from './sop-cycle';
import { sopCyclePlanOf } from './sop-cycle-setup';
import { familyVolumesByPeriod, periodExceptions } from './period-exceptions';

const DAY = 86_400_000;
const T0 = Date.UTC(2027, 2, 1);
const people = {
  planner: { id: 'dana', roles: ['viewer'] as const },
  chair: { id: 'carl', roles: ['sponsor'] as const },
  pmo: { id: 'pat', roles: ['pmo'] as const },
  stranger: { id: 'vic', roles: ['viewer'] as const },
  admin: { id: 'ada', roles: ['admin'] as const },
};
const plan: SopCyclePlan = {
  owners: { data_gathering: 'dana', demand_review: 'dana', supply_review: 'sue', pre_sop: 'dana', executive_sop: 'carl' },
  durationsMs: { data_gathering: 3 * DAY, demand_review: 4 * DAY, supply_review: 3 * DAY, pre_sop: 4 * DAY, executive_sop: 4 * DAY },
  mitigationWindowMs: 2 * DAY,
};
const fresh = () => initialSopCycleState({ cycleId: 'sop-cycle-n-2027-03', orgNodeId: 'n', period: '2027-03', startedBy: 'pat', now: T0, plan });

function atStep(index: number) {
  const state = fresh();
  while (state.stepIndex < index) completeStep(state, people.pmo, null, T0 + state.stepIndex * DAY);
  return state;
}

describe('the S&OP cycle', () => {
  it('walks its steps in order, each due a set time after it begins', () => {
    const state = fresh();
    expect(state.steps[0]).toMatchObject({ step: 'data_gathering', ownerId: 'dana', dueAt: instantAt(T0 + 3 * DAY) });
    expect(checkStepCompletion(state, people.planner, 'demand_review')).toMatchObject({ kind: 'conflict' });
    expect(checkStepCompletion(state, people.stranger, 'data_gathering')).toMatchObject({ kind: 'forbidden' });
    expect(checkStepCompletion(state, people.planner, 'data_gathering')).toBeNull();
    const next = completeStep(state, people.planner, 'figures in', T0 + DAY);
    expect(next).toMatchObject({ step: 'demand_review', startedAt: instantAt(T0 + DAY), dueAt: instantAt(T0 + 5 * DAY) });
    expect(state.steps[0]).toMatchObject({ completedBy: 'dana', note: 'figures in' });
    const published = atStep(5);
    expect(checkStepCompletion(published, people.pmo, 'published')).toMatchObject({ kind: 'conflict' });
    expect(nextSopDeadline(published)).toBeNull();
  });

  it('escalates a late step once: to the chair, or to the steering committee when the chair is late', () => {
    const state = fresh();
    expect(escalateMissedDeadlines(state, T0 + 3 * DAY - 1)).toEqual([]);
    expect(escalateMissedDeadlines(state, T0 + 3 * DAY)).toEqual([
      { kind: 'step_overdue', subject: 'data_gathering', ownerId: 'dana', escalatedTo: 'carl', at: instantAt(T0 + 3 * DAY) },
    ]);
    expect(escalateMissedDeadlines(state, T0 + 10 * DAY)).toEqual([]);
    const executive = atStep(4);
    const [escalation] = escalateMissedDeadlines(executive, millisecondsOf(executive.steps[4].dueAt!));
    expect(escalation).toMatchObject({ subject: 'executive_sop', escalatedTo: STEERING_COMMITTEE });
  });

  it('escalates each exception whose mitigation is missing when the window closes, and not the mitigated ones', () => {
    const state = atStep(3);
    const now = T0 + 3 * DAY;
    raiseExceptions(
      state,
      [
        { exceptionId: 'x1', kind: 'forecast_below_plan', subject: 'n', ownerId: 'dana' },
        { exceptionId: 'x2', kind: 'demand_exceeds_capacity', subject: 'n/widgets', ownerId: 'sue' },
      ],
      now,
    );
    expect(nextSopDeadline(state)).toBe(now + 2 * DAY);
    const mitigation = { action: 'add a shift', ownerId: 'sue', dueDate: '2027-04-15' };
    expect(checkMitigation(state, people.stranger, 'x2', mitigation)).toMatchObject({ kind: 'forbidden' });
    expect(checkMitigation(state, people.planner, 'x9', mitigation)).toMatchObject({ kind: 'not_found' });
    expect(checkMitigation(state, { id: 'sue', roles: ['viewer'] }, 'x2', { action: ' ', ownerId: '', dueDate: 'soon' })).toMatchObject({
      kind: 'unprocessable',
      unmet: ['an action is required', 'an owner of the action is required', 'a due date (YYYY-MM-DD) is required'],
    });
    recordMitigation(state, { id: 'sue', roles: ['viewer'] }, 'x2', mitigation, now + DAY);
    expect(checkMitigation(state, people.pmo, 'x2', mitigation)).toMatchObject({ kind: 'conflict' });
    const escalations = escalateMissedDeadlines(state, now + 2 * DAY);
    expect(escalations).toEqual([{ kind: 'mitigation_missing', subject: 'x1', ownerId: 'dana', escalatedTo: 'carl', at: instantAt(now + 2 * DAY) }]);
    expect(state.exceptions.map((exception) => exception.escalated)).toEqual([true, false]);
  });

  it('takes decisions only at the executive S&OP, from its chair or a PMO, with a rationale, once per pivot', () => {
    const early = atStep(3);
    const pivot = { kind: 'approve_pivot', subject: 'program-a', rationale: 'capacity is short' };
    expect(checkSopDecision(early, people.chair, pivot)).toMatchObject({ kind: 'conflict' });
    const state = atStep(4);
    proposePivots(state, [
      { programId: 'program-a', initiativeId: 'i1', move: 'hold', score: 1 },
      { programId: 'program-a', initiativeId: 'i2', move: 'accelerate', score: 9 },
      { programId: 'program-a', initiativeId: 'i3', move: 'resume', score: 5 },
    ]);
    expect(checkSopDecision(state, people.planner, pivot)).toMatchObject({ kind: 'forbidden' });
    // An admin manages hierarchy and plans; deciding is the chair's or a PMO's.
    expect(checkSopDecision(state, people.admin, pivot)).toMatchObject({ kind: 'forbidden', message: expect.stringContaining("or the role 'pmo'") });
    expect(checkSopDecision(state, people.chair, { ...pivot, rationale: ' ' })).toMatchObject({ kind: 'unprocessable' });
    expect(checkSopDecision(state, people.chair, { ...pivot, subject: 'program-b' })).toMatchObject({ kind: 'not_found' });
    expect(checkSopDecision(state, people.chair, { ...pivot, kind: 'vote' })).toMatchObject({ kind: 'unprocessable' });
    expect(checkSopDecision(state, people.chair, { kind: 'accept_mitigation', subject: 'x1', rationale: 'ok' })).toMatchObject({ kind: 'not_found' });
    expect(checkSopDecision(state, people.pmo, pivot)).toBeNull();
    recordSopDecision(state, people.chair, { decisionId: 'd1', kind: 'approve_pivot', subject: 'program-a', rationale: 'capacity is short' }, T0);
    expect(checkSopDecision(state, people.chair, { ...pivot, kind: 'reject_pivot' })).toMatchObject({ kind: 'conflict' });
    expect(pivotMoves(state, 'program-a')).toEqual([
      { initiativeId: 'i1', move: 'hold' },
      { initiativeId: 'i3', move: 'resume' },
    ]);
  });
});

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

describe('a period’s exceptions', () => {
  const thresholds = { value: { absolute: 10_000, percent: 0.05 }, volume: { absolute: 100, percent: 0.05 } };

  it('reports only deviations: value under plan and target, a family short of capacity, an escalated initiative', () => {
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
    const exceptions = periodExceptions(
      {
        orgNodeId: 'n',
        period: '2027-03',
        value: { planned: 500_000, forecast: 400_000, target: 600_000 },
        families: volumes.get('2027-03')!,
        escalated: [
          { initiativeId: 'i1', status: 'escalated', sponsorId: 'sam' },
          { initiativeId: 'i2', status: 'at_risk', sponsorId: 'sam' },
        ],
      },
      thresholds,
      'dana',
    );
    expect(exceptions.map((exception) => [exception.kind, exception.subject, exception.deviation, exception.owner])).toEqual([
      ['forecast_below_plan', 'n', -100_000, 'dana'],
      ['forecast_below_target', 'n', -200_000, 'dana'],
      ['demand_exceeds_capacity', 'n/widgets', 1_000, 'dana'],
      ['initiative_escalated', 'i1', 0, 'sam'],
    ]);
  });

  it('has nothing to say about a period on plan', () => {
    const onPlan = { orgNodeId: 'n', period: '2027-03', value: { planned: 500_000, forecast: 495_000, target: 500_000 }, families: [], escalated: [] };
    expect(periodExceptions(onPlan, thresholds, 'dana')).toEqual([]);
  });
});
