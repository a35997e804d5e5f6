import { instantAt } from '../../instant';
import { STEERING_COMMITTEE } from '../cycle/sop-cycle-state';
import { decideSopAction, evolveSopAction, type SopActionCommand } from './sop-action-decide';
import { actionOverdueFrom, nextActionDeadline, openSopAction, type SopActionState } from './sop-action-state';

const DAY = 86_400_000;
const OPENED = Date.UTC(2027, 2, 20);
const DUE = Date.UTC(2027, 3, 15); // the action is due on 2027-04-15: overdue from the 16th
const owner = { id: 'olive', roles: ['viewer'] as const };
const chair = { id: 'carl', roles: ['sponsor'] as const };
const pmo = { id: 'pat', roles: ['pmo'] as const };
const stranger = { id: 'vic', roles: ['viewer'] as const };

const fresh = (ownerId = 'olive') =>
  openSopAction(
    { actionId: 'a1', title: 'Add a Chilled shift', ownerId, dueDate: '2027-04-15', expectedEffect: 'capacity meets demand', doneWhen: 'the rota', exceptionId: 'x1', valueAtRisk: 90_000 },
    { cycleId: 'c', orgNodeId: 'n', period: '2027-03', decisionId: 'd1', chairId: 'carl', now: OPENED },
  );

function apply(state: SopActionState, command: SopActionCommand, now: number): SopActionState {
  const ruling = decideSopAction(state, command, now);
  if (!ruling.ok) throw new Error(ruling.violation.message);
  return ruling.facts.reduce(evolveSopAction, state);
}

describe('an action after the meeting', () => {
  it('reminds its owner before the due date, then escalates to the chair once the day has passed, each once', () => {
    let state = fresh();
    expect(actionOverdueFrom('2027-04-15')).toBe(DUE + DAY);
    expect(nextActionDeadline(state)).toBe(DUE + DAY - 2 * DAY);
    expect(decideSopAction(state, { type: 'pass-deadlines' }, DUE - DAY - 1)).toEqual({ ok: true, facts: [] });
    state = apply(state, { type: 'pass-deadlines' }, DUE - DAY);
    expect(state.remindedAt).toBe(instantAt(DUE - DAY));
    expect(nextActionDeadline(state)).toBe(DUE + DAY);
    expect(decideSopAction(state, { type: 'pass-deadlines' }, DUE)).toEqual({ ok: true, facts: [] });
    state = apply(state, { type: 'pass-deadlines' }, DUE + DAY);
    expect(state).toMatchObject({ status: 'open', overdueAt: instantAt(DUE + DAY), escalatedTo: 'carl' });
    expect(nextActionDeadline(state)).toBeNull();
    expect(decideSopAction(state, { type: 'pass-deadlines' }, DUE + 9 * DAY)).toEqual({ ok: true, facts: [] });
  });

  it('skips a reminder the timer reaches only after the due date, and escalates a chair’s own action to the steering committee', () => {
    const state = apply(fresh('carl'), { type: 'pass-deadlines' }, DUE + 3 * DAY);
    expect(state).toMatchObject({ remindedAt: null, escalatedTo: STEERING_COMMITTEE });
  });

  it('is done only by its owner (or a PMO), only with evidence', () => {
    const state = fresh();
    const evidence = { text: 'Second shift on the rota from 2 April', links: ['https://intranet/rota'] };
    expect(decideSopAction(state, { type: 'complete', actor: stranger, evidence }, OPENED)).toMatchObject({ ok: false, violation: { kind: 'forbidden' } });
    expect(decideSopAction(state, { type: 'complete', actor: owner, evidence: { text: ' ', links: [] } }, OPENED)).toMatchObject({
      ok: false,
      violation: { kind: 'unprocessable', unmet: ['evidence: show what was done (the rota)'] },
    });
    const done = apply(state, { type: 'complete', actor: owner, evidence }, OPENED + DAY);
    expect(done).toMatchObject({ status: 'done', done: { evidence, by: 'olive', at: instantAt(OPENED + DAY) } });
    expect(nextActionDeadline(done)).toBeNull();
    expect(decideSopAction(done, { type: 'drop', actor: chair, reason: 'no longer needed' }, OPENED)).toMatchObject({ ok: false, violation: { kind: 'conflict' } });
    expect(apply(state, { type: 'complete', actor: pmo, evidence }, OPENED).done?.by).toBe('pat');
  });

  it('is dropped only by the chair (or a PMO), with a reason', () => {
    const state = fresh();
    expect(decideSopAction(state, { type: 'drop', actor: owner, reason: 'too hard' }, OPENED)).toMatchObject({ ok: false, violation: { kind: 'forbidden' } });
    expect(decideSopAction(state, { type: 'drop', actor: chair, reason: '  ' }, OPENED)).toMatchObject({ ok: false, violation: { kind: 'unprocessable' } });
    expect(apply(state, { type: 'drop', actor: chair, reason: 'demand fell back' }, OPENED)).toMatchObject({ status: 'dropped', dropped: { reason: 'demand fell back', by: 'carl' } });
    // The state decided from is left as it was.
    expect(state.status).toBe('open');
  });
});
