import { instantAt, millisecondsOf } from '../../instant';
import type { SopCycleCommand } from './sop-cycle-command';
import { decideSopCycle, type SopCycleRuling } from './sop-cycle-decide';
import { evolveSopCycle } from './sop-cycle-evolve';
import { initialSopCycleState, nextSopDeadline, STEERING_COMMITTEE, type SopCyclePlan, type SopCycleState } from './sop-cycle-state';
import { decisionWork, workOfCurrentStep } from './sop-cycle-work';

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

let ids = 0;
const decide = (state: SopCycleState, command: SopCycleCommand, now = T0): SopCycleRuling => decideSopCycle(state, command, { now, newId: () => `d${++ids}` });
const violationOf = (ruling: SopCycleRuling) => (ruling.ok ? null : ruling.violation);

/** The state after an accepted command; fails the test on a refusal. */
function apply(state: SopCycleState, command: SopCycleCommand, now = T0): SopCycleState {
  const ruling = decide(state, command, now);
  if (!ruling.ok) throw new Error(`refused: ${ruling.violation.message}`);
  return ruling.facts.reduce(evolveSopCycle, state);
}

function atStep(index: number): SopCycleState {
  let state = fresh();
  while (state.stepIndex < index) {
    state = apply(state, { type: 'complete-step', actor: people.pmo, step: state.steps[state.stepIndex].step, note: null }, T0 + state.stepIndex * DAY);
  }
  return state;
}

const completion = (actor: Extract<SopCycleCommand, { type: 'complete-step' }>['actor'], step: string, note: string | null = null) =>
  ({ type: 'complete-step', actor, step, note }) as const;

describe('the S&OP cycle', () => {
  it('walks its steps in order, each due a set time after it begins', () => {
    const state = fresh();
    expect(state.steps[0]).toMatchObject({ step: 'data_gathering', ownerId: 'dana', dueAt: instantAt(T0 + 3 * DAY) });
    expect(violationOf(decide(state, completion(people.planner, 'demand_review')))).toMatchObject({ kind: 'conflict' });
    expect(violationOf(decide(state, completion(people.stranger, 'data_gathering')))).toMatchObject({ kind: 'forbidden' });
    expect(violationOf(decide(state, completion(people.planner, 'data_gathering')))).toBeNull();
    const after = apply(state, completion(people.planner, 'data_gathering', 'figures in'), T0 + DAY);
    expect(after.steps[1]).toMatchObject({ step: 'demand_review', startedAt: instantAt(T0 + DAY), dueAt: instantAt(T0 + 5 * DAY) });
    expect(after.steps[0]).toMatchObject({ completedBy: 'dana', note: 'figures in' });
    // The state decided from is left as it was: an answer or projection made of it cannot change under it.
    expect(state.stepIndex).toBe(0);
    expect(state.steps[0].completedBy).toBeNull();
    const published = atStep(5);
    expect(violationOf(decide(published, completion(people.pmo, 'published')))).toMatchObject({ kind: 'conflict' });
    expect(nextSopDeadline(published)).toBeNull();
  });

  it('asks the engine for the exceptions as pre-S&OP begins and for pivots as the executive S&OP begins', () => {
    expect([0, 1, 2, 3, 4, 5].map((index) => workOfCurrentStep(atStep(index)))).toEqual([null, null, null, 'raise-exceptions', 'propose-pivots', null]);
  });

  it('escalates a late step once: to the chair, or to the steering committee when the chair is late', () => {
    const state = fresh();
    const passing = { type: 'pass-deadlines' } as const;
    expect(decide(state, passing, T0 + 3 * DAY - 1)).toEqual({ ok: true, facts: [] });
    const escalated = decide(state, passing, T0 + 3 * DAY);
    expect(escalated).toEqual({
      ok: true,
      facts: [
        { type: 'escalated', escalations: [{ kind: 'step_overdue', subject: 'data_gathering', ownerId: 'dana', escalatedTo: 'carl', at: instantAt(T0 + 3 * DAY) }] },
      ],
    });
    const after = apply(state, passing, T0 + 3 * DAY);
    expect(decide(after, passing, T0 + 10 * DAY)).toEqual({ ok: true, facts: [] });
    const executive = atStep(4);
    const ruling = decide(executive, passing, millisecondsOf(executive.steps[4].dueAt!));
    expect(ruling.ok && ruling.facts[0].type === 'escalated' && ruling.facts[0].escalations[0]).toMatchObject({
      subject: 'executive_sop',
      escalatedTo: STEERING_COMMITTEE,
    });
  });

  it('reminds the owner of a step a day before it is due, once, and a short step half-way; never one already late', () => {
    const reminding = { type: 'pass-deadlines', remind: true } as const;
    const state = fresh();
    // Data gathering takes three days: its owner is reminded on the second evening, and its timer is set for then.
    expect(nextSopDeadline(state, { reminders: true })).toBe(T0 + 2 * DAY);
    expect(nextSopDeadline(state)).toBe(T0 + 3 * DAY);
    expect(decide(state, reminding, T0 + 2 * DAY - 1)).toEqual({ ok: true, facts: [] });
    expect(decide(state, reminding, T0 + 2 * DAY)).toEqual({
      ok: true,
      facts: [{ type: 'step-reminded', step: 'data_gathering', ownerId: 'dana', dueAt: instantAt(T0 + 3 * DAY), at: instantAt(T0 + 2 * DAY) }],
    });
    // A cycle begun before reminders is not reminded.
    expect(decide(state, { type: 'pass-deadlines' }, T0 + 2 * DAY)).toEqual({ ok: true, facts: [] });
    const reminded = apply(state, reminding, T0 + 2 * DAY);
    expect(reminded.steps[0].remindedAt).toBe(instantAt(T0 + 2 * DAY));
    expect(nextSopDeadline(reminded, { reminders: true })).toBe(T0 + 3 * DAY);
    expect(decide(reminded, reminding, T0 + 2 * DAY + 1)).toEqual({ ok: true, facts: [] });
    // The next step is reminded in its own time.
    const next = apply(reminded, { type: 'complete-step', actor: people.planner, step: 'data_gathering', note: null }, T0 + 2 * DAY + 1);
    expect(nextSopDeadline(next, { reminders: true })).toBe(T0 + 2 * DAY + 1 + 3 * DAY);
    // A step of twelve hours is reminded after six.
    const short = initialSopCycleState({ cycleId: 'c', orgNodeId: 'n', period: '2027-03', startedBy: 'pat', now: T0, plan: { ...plan, durationsMs: { ...plan.durationsMs, data_gathering: DAY / 2 } } });
    expect(nextSopDeadline(short, { reminders: true })).toBe(T0 + DAY / 4);
    // A timer that fires only once the step is late escalates it, without a reminder.
    const late = decide(state, reminding, T0 + 3 * DAY);
    expect(late.ok && late.facts.map((fact) => fact.type)).toEqual(['escalated']);
    expect(nextSopDeadline(apply(state, reminding, T0 + 3 * DAY), { reminders: true })).toBeNull();
  });

  it('escalates each exception whose mitigation is missing when the window closes, and not the mitigated ones', () => {
    const now = T0 + 3 * DAY;
    let state = apply(
      atStep(3),
      {
        type: 'raise-exceptions',
        exceptions: [
          { exceptionId: 'x1', kind: 'forecast_below_plan', subject: 'n', ownerId: 'dana' },
          { exceptionId: 'x2', kind: 'demand_exceeds_capacity', subject: 'n/widgets', ownerId: 'sue' },
        ],
      },
      now,
    );
    expect(nextSopDeadline(state)).toBe(now + 2 * DAY);
    const mitigation = { action: 'add a shift', ownerId: 'sue', dueDate: '2027-04-15' };
    const submit = (actor: (typeof people)['planner'], exceptionId: string, sent = mitigation) => ({ type: 'submit-mitigation', actor, exceptionId, ...sent }) as const;
    expect(violationOf(decide(state, submit(people.stranger, 'x2')))).toMatchObject({ kind: 'forbidden' });
    expect(violationOf(decide(state, submit(people.planner, 'x9')))).toMatchObject({ kind: 'not_found' });
    expect(violationOf(decide(state, submit({ id: 'sue', roles: ['viewer'] }, 'x2', { action: ' ', ownerId: '', dueDate: 'soon' })))).toMatchObject({
      kind: 'unprocessable',
      unmet: ['an action is required', 'an owner of the action is required', 'a due date (YYYY-MM-DD) is required'],
    });
    state = apply(state, submit({ id: 'sue', roles: ['viewer'] }, 'x2'), now + DAY);
    expect(violationOf(decide(state, submit(people.pmo as never, 'x2')))).toMatchObject({ kind: 'conflict' });
    const ruling = decide(state, { type: 'pass-deadlines' }, now + 2 * DAY);
    expect(ruling.ok && ruling.facts.flatMap((fact) => (fact.type === 'escalated' ? fact.escalations : []))).toEqual([
      { kind: 'mitigation_missing', subject: 'x1', ownerId: 'dana', escalatedTo: 'carl', at: instantAt(now + 2 * DAY) },
    ]);
    state = apply(state, { type: 'pass-deadlines' }, now + 2 * DAY);
    expect(state.exceptions.map((exception) => exception.escalated)).toEqual([true, false]);
  });

  it('takes decisions only at the executive S&OP, from its chair or a PMO, with a rationale, once per pivot', () => {
    const decision = (actor: { id: string; roles: readonly string[] }, kind: string, subject: string, rationale: string) =>
      ({ type: 'record-decision', actor: actor as never, kind, subject, rationale }) as const;
    const pivot = (actor: { id: string; roles: readonly string[] }, overrides: Partial<{ kind: string; subject: string; rationale: string }> = {}) =>
      decision(actor, overrides.kind ?? 'approve_pivot', overrides.subject ?? 'program-a', overrides.rationale ?? 'capacity is short');
    expect(violationOf(decide(atStep(3), pivot(people.chair)))).toMatchObject({ kind: 'conflict' });
    let state = apply(atStep(4), {
      type: 'propose-pivots',
      proposals: [
        { programId: 'program-a', initiativeId: 'i1', move: 'hold', score: 1 },
        { programId: 'program-a', initiativeId: 'i2', move: 'accelerate', score: 9 },
        { programId: 'program-a', initiativeId: 'i3', move: 'resume', score: 5 },
      ],
    });
    expect(violationOf(decide(state, pivot(people.planner)))).toMatchObject({ kind: 'forbidden' });
    // An admin manages hierarchy and plans; deciding is the chair's or a PMO's.
    expect(violationOf(decide(state, pivot(people.admin)))).toMatchObject({ kind: 'forbidden', message: expect.stringContaining("or the role 'pmo'") });
    expect(violationOf(decide(state, pivot(people.chair, { rationale: ' ' })))).toMatchObject({ kind: 'unprocessable' });
    expect(violationOf(decide(state, pivot(people.chair, { subject: 'program-b' })))).toMatchObject({ kind: 'not_found' });
    expect(violationOf(decide(state, pivot(people.chair, { kind: 'vote' })))).toMatchObject({ kind: 'unprocessable' });
    expect(violationOf(decide(state, decision(people.chair, 'accept_mitigation', 'x1', 'ok')))).toMatchObject({ kind: 'not_found' });
    expect(violationOf(decide(state, pivot(people.pmo)))).toBeNull();
    state = apply(state, pivot(people.chair));
    expect(violationOf(decide(state, pivot(people.chair, { kind: 'reject_pivot' })))).toMatchObject({ kind: 'conflict' });
    const [approved] = state.decisions;
    expect(approved).toMatchObject({ kind: 'approve_pivot', decidedBy: 'carl', outcome: null });
    expect(decisionWork(state, approved)?.moves).toEqual([
      { initiativeId: 'i1', move: 'hold' },
      { initiativeId: 'i3', move: 'resume' },
    ]);
  });

  it('keeps a decision the plans service carried out with its outcome, and drops one it refused', () => {
    let state = apply(atStep(4), { type: 'propose-pivots', proposals: [{ programId: 'program-a', initiativeId: 'i1', move: 'hold', score: 1 }] });
    state = apply(state, { type: 'record-decision', actor: people.chair as never, kind: 'resolution', subject: null, rationale: 'watch Chilled' });
    expect(state.decisions[0]).toMatchObject({ kind: 'resolution', outcome: [] });
    expect(decisionWork(state, state.decisions[0])).toBeNull();
    state = apply(state, { type: 'record-decision', actor: people.chair as never, kind: 'promote_scenario', subject: 'nope', rationale: 'try it' });
    const promoted = state.decisions[1];
    expect(decisionWork(state, promoted)).toEqual({ decision: promoted, moves: [] });
    const withdrawn = apply(state, { type: 'settle-decision', decisionId: promoted.decisionId, outcome: null });
    expect(withdrawn.decisions.map((decision) => decision.kind)).toEqual(['resolution']);
    const carried = apply(state, { type: 'settle-decision', decisionId: promoted.decisionId, outcome: ['scenario nope is the plan of record'] });
    expect(carried.decisions[1].outcome).toEqual(['scenario nope is the plan of record']);
    expect(violationOf(decide(carried, { type: 'settle-decision', decisionId: promoted.decisionId, outcome: [] }))).toMatchObject({ kind: 'conflict' });
  });

  it('turns an accepted mitigation into an action, once, and a resolution into the action it names', () => {
    let state = apply(
      atStep(3),
      { type: 'raise-exceptions', exceptions: [{ exceptionId: 'x1', kind: 'demand_exceeds_capacity', subject: 'n/chilled', ownerId: 'sue', valueAtRisk: null }] },
      T0 + 3 * DAY,
    );
    state = apply(state, { type: 'submit-mitigation', actor: { id: 'sue', roles: ['viewer'] }, exceptionId: 'x1', action: 'Add a shift', ownerId: 'olive', dueDate: '2027-04-15' });
    state = apply(state, { type: 'complete-step', actor: people.pmo, step: 'pre_sop', note: null }, T0 + 4 * DAY);
    const accept = { type: 'record-decision', actor: people.chair as never, kind: 'accept_mitigation', subject: 'x1', rationale: 'it closes the gap' } as const;
    expect(violationOf(decide(state, { ...accept, action: { ownerId: 'someone-else' } }))).toMatchObject({ kind: 'unprocessable' });
    state = apply(state, { ...accept, action: { doneWhen: 'the new rota' } });
    expect(state.decisions[0].actions).toEqual([
      {
        actionId: expect.any(String),
        title: 'Add a shift',
        ownerId: 'olive',
        dueDate: '2027-04-15',
        expectedEffect: 'no longer demand beyond capacity for chilled at the next review',
        doneWhen: 'the new rota',
        exceptionId: 'x1',
        valueAtRisk: null,
      },
    ]);
    expect(violationOf(decide(state, accept))).toMatchObject({ kind: 'conflict' });
    const resolution = { type: 'record-decision', actor: people.chair as never, kind: 'resolution', subject: null, rationale: 'watch Chilled' } as const;
    expect(violationOf(decide(state, { ...resolution, action: { title: 'Review Chilled demand', ownerId: 'dana', dueDate: '2027-02-30' } }))).toMatchObject({
      kind: 'unprocessable',
      unmet: ['action.dueDate: by when (YYYY-MM-DD)', 'action.expectedEffect: what should change once it is done', 'action.doneWhen: what evidence counts as done'],
    });
    const full = { title: 'Review Chilled demand', ownerId: 'dana', dueDate: '2027-04-01', expectedEffect: 'a demand plan Chilled can meet', doneWhen: 'the revised plan' };
    state = apply(state, { ...resolution, action: full });
    expect(state.decisions[1].actions).toEqual([{ actionId: expect.any(String), ...full, exceptionId: null, valueAtRisk: null }]);
    expect(apply(state, resolution).decisions[2].actions).toEqual([]);
    expect(violationOf(decide(state, { type: 'record-decision', actor: people.chair as never, kind: 'promote_scenario', subject: 's', rationale: 'r', action: full }))).toMatchObject({
      kind: 'unprocessable',
    });
  });

  it('keeps the figure a decision expects by a date, and refuses one that cannot be checked', () => {
    const state = atStep(4);
    const resolution = { type: 'record-decision', actor: people.chair as never, kind: 'resolution', subject: null, rationale: 'a third shift' } as const;
    const expects = { figure: 'family_capacity' as const, family: 'Chilled', from: '2027-05', atLeast: 15_000, by: '2027-05-01' };
    expect(apply(state, { ...resolution, expects }).decisions[0].expects).toEqual(expects);
    expect(violationOf(decide(state, { ...resolution, expects: { ...expects, by: 'May' } }))).toMatchObject({
      kind: 'unprocessable',
      unmet: ['expects.by: the day it is checked (YYYY-MM-DD)'],
    });
  });
});
