import type { Actor } from '../actor';
import { CONTROLLER, factsFixture, OWNER, PMO, SPONSOR } from '../initiative-fixture';
import type { InitiativeFacts } from '../initiative-facts';
import { initialLifecycleState, type LifecycleState } from '../lifecycle-state';
import type { LifecycleCommand } from './lifecycle-command';
import { decide, isClosureDue, nextEscalationDue } from './lifecycle-decide';
import { evolve } from './lifecycle-evolve';
import type { LifecycleFact } from './lifecycle-fact';
import { confirmedValueOf, plannedValueOf } from './lifecycle-values';

const DAY = 86_400_000;
const START = Date.parse('2027-01-10T09:00:00.000Z');
const evidence = { text: 'signed off', links: [] };

/** Frozen all the way down: `evolve` must build new states, never touch the one it is given. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const partiesOf = ({ title, programId, ownerId, sponsorId, controllerId, category, currency }: InitiativeFacts) => ({
  title,
  programId,
  ownerId,
  sponsorId,
  controllerId,
  category,
  currency,
});

function newInitiative(): LifecycleState {
  let next = 0;
  return deepFreeze(
    initialLifecycleState(
      {
        ...partiesOf(factsFixture()),
        roughValue: null,
        measures: [{ name: 'Carrier rates', category: 'cost', plannedValues: [{ period: '2027-06', amount: 250_000 }] }],
        oneTimeCosts: [{ period: '2027-01', amount: 20_000 }],
        milestones: [{ title: 'Tender sent', dueDate: '2027-02-15' }],
      },
      { initiativeId: 'i-1', code: 'INI-00001', createdBy: OWNER.id, createdAt: new Date(START).toISOString() },
      { sponsorGraceMs: 7 * DAY, steeringCommitteeGraceMs: 14 * DAY },
      () => `id-${(next += 1)}`,
    ),
  );
}

/** Decides and applies a command as the workflow does, failing the test on a refusal. */
class Walk {
  facts: LifecycleFact[] = [];
  private ids = 0;
  constructor(
    public state: LifecycleState,
    public now = START,
  ) {}

  decide(command: LifecycleCommand) {
    return decide(this.state, command, { now: this.now, newId: () => `new-${(this.ids += 1)}` });
  }

  run(command: LifecycleCommand): LifecycleFact[] {
    const decision = this.decide(command);
    if (!decision.ok) throw new Error(`refused: ${decision.violation.message}`);
    for (const fact of decision.facts) this.state = deepFreeze(evolve(this.state, fact));
    this.facts.push(...decision.facts);
    return decision.facts;
  }

  gate(targetStage: number, deciders: Actor[]): void {
    const [requested] = this.run({ type: 'request-gate', actor: OWNER, targetStage, evidence, context: { sameTitleInProgram: [] } });
    const requestId = requested.type === 'gate-requested' ? requested.request.id : '';
    for (const actor of deciders) this.run({ type: 'decide-gate', actor, requestId, approve: true, comment: '' });
  }

  toImplemented(): void {
    this.gate(1, [SPONSOR]);
    this.gate(2, [PMO]);
    this.gate(3, [SPONSOR, CONTROLLER]);
    this.run({ type: 'complete-milestone', actor: OWNER, milestoneId: this.state.milestones[0].id, evidence });
    this.gate(4, [SPONSOR]);
  }
}

const confirmation = (confirmationId = 'c-1', amount = 230_000) => ({
  confirmationId,
  period: '2027-06',
  amount,
  currency: 'EUR',
  controllerId: CONTROLLER.id,
  reference: 'FI-2027-0042',
  confirmedAt: '2027-07-02T10:00:00.000Z',
});

describe('the initiative lifecycle: decide and evolve', () => {
  it('walks from stage 0 to 5: one revision per fact, the baseline frozen at the go decision, closed only on confirmed value', () => {
    const walk = new Walk(newInitiative());
    walk.toImplemented();
    expect(walk.state.stage).toBe(4);
    expect(walk.state.revision).toBe(walk.facts.length);
    expect(walk.state.baselineFrozenAt).not.toBeNull();
    // A forecast never set starts equal to the frozen plan.
    expect(walk.state.measures[0].forecastValues).toEqual([{ period: '2027-06', amount: 250_000 }]);

    expect(walk.run({ type: 'request-closure', actor: OWNER }).map((fact) => fact.type)).toEqual(['closure-requested']);
    expect(walk.state.stage).toBe(4);
    expect(isClosureDue(walk.state)).toBe(false);

    expect(walk.run({ type: 'confirm-value', confirmation: confirmation() }).map((fact) => fact.type)).toEqual(['value-confirmed', 'closed']);
    expect(walk.state).toMatchObject({ stage: 5, status: 'closed', closure: { state: 'closed' } });
    expect(confirmedValueOf(walk.state)).toBe(230_000);
    expect(plannedValueOf(walk.state)).toBe(250_000);
  });

  it('stage 3 opens only with both keys; the first key alone changes nothing but the request', () => {
    const walk = new Walk(newInitiative());
    walk.gate(1, [SPONSOR]);
    walk.gate(2, [PMO]);
    const [requested] = walk.run({ type: 'request-gate', actor: OWNER, targetStage: 3, evidence, context: { sameTitleInProgram: [] } });
    const requestId = requested.type === 'gate-requested' ? requested.request.id : '';
    expect(walk.run({ type: 'decide-gate', actor: CONTROLLER, requestId, approve: true, comment: '' }).map((fact) => fact.type)).toEqual(['gate-approved']);
    expect(walk.state.stage).toBe(2);
    const second = walk.run({ type: 'decide-gate', actor: SPONSOR, requestId, approve: true, comment: 'go' });
    expect(second.map((fact) => fact.type)).toEqual(['gate-approved', 'stage-entered']);
    expect(second[1]).toMatchObject({ fromStage: 2, toStage: 3, decidedBy: [CONTROLLER.id, SPONSOR.id], comment: 'go' });
    expect(walk.state.gateRequests.find((request) => request.id === requestId)?.state).toBe('approved');
  });

  it('refuses with the kind a caller answers by, and changes nothing', () => {
    const walk = new Walk(newInitiative());
    const before = walk.state;
    expect(walk.decide({ type: 'request-gate', actor: SPONSOR, targetStage: 1, evidence, context: { sameTitleInProgram: [] } })).toMatchObject({
      ok: false,
      violation: { kind: 'forbidden' },
    });
    expect(walk.decide({ type: 'request-gate', actor: OWNER, targetStage: 2, evidence, context: { sameTitleInProgram: [] } })).toMatchObject({
      ok: false,
      violation: { kind: 'conflict' },
    });
    expect(walk.decide({ type: 'decide-gate', actor: SPONSOR, requestId: 'nope', approve: true, comment: '' })).toMatchObject({
      ok: false,
      violation: { kind: 'not_found' },
    });
    expect(walk.decide({ type: 'request-closure', actor: OWNER })).toMatchObject({ ok: false, violation: { kind: 'conflict' } });
    expect(walk.state).toBe(before);
  });

  it('a hold blocks gate requests and decisions, pauses the ladder, and a resume closes what was waiting only for it', () => {
    const walk = new Walk(newInitiative());
    walk.toImplemented();
    walk.run({ type: 'request-closure', actor: OWNER });
    walk.run({ type: 'move-aside', actor: SPONSOR, move: 'hold', reason: 'audit' });
    expect(walk.state.status).toBe('on_hold');
    // Value confirmed while on hold is counted, but does not close.
    expect(walk.run({ type: 'confirm-value', confirmation: confirmation() }).map((fact) => fact.type)).toEqual(['value-confirmed']);
    expect(walk.state.stage).toBe(4);
    expect(nextEscalationDue(walk.state, walk.now)).toBeNull();
    walk.now = Date.parse('2027-06-01T00:00:00.000Z');
    expect(walk.run({ type: 'escalate' })).toEqual([]);

    expect(walk.run({ type: 'move-aside', actor: SPONSOR, move: 'resume', reason: 'audit done' }).map((fact) => fact.type)).toEqual(['resumed', 'closed']);
    expect(walk.state.stage).toBe(5);
  });

  it('gate decisions wait for a resume, with the same words as the requests', () => {
    const walk = new Walk(newInitiative());
    const [requested] = walk.run({ type: 'request-gate', actor: OWNER, targetStage: 1, evidence, context: { sameTitleInProgram: [] } });
    const requestId = requested.type === 'gate-requested' ? requested.request.id : '';
    walk.run({ type: 'move-aside', actor: SPONSOR, move: 'hold', reason: 'wait' });
    const decision = walk.decide({ type: 'decide-gate', actor: SPONSOR, requestId, approve: true, comment: '' });
    const request = walk.decide({ type: 'request-gate', actor: OWNER, targetStage: 1, evidence, context: { sameTitleInProgram: [] } });
    expect(decision).toMatchObject({ ok: false, violation: { kind: 'conflict', message: expect.stringContaining('on hold') } });
    expect(request).toMatchObject({ ok: false, violation: decision.ok ? {} : decision.violation });
  });

  it('climbs the ladder lowest rung first, and status follows the rung', () => {
    const walk = new Walk(newInitiative());
    walk.now = Date.parse('2027-03-20T00:00:00.000Z'); // 5 weeks after the due date: every rung at once
    const facts = walk.run({ type: 'escalate' });
    expect(facts.map((fact) => (fact.type === 'milestone-escalated' ? fact.level : 0))).toEqual([1, 2, 3]);
    expect(walk.state.status).toBe('escalated');
    expect(walk.state.escalation).toMatchObject({ level: 3, audience: 'steering_committee' });
    expect(walk.run({ type: 'escalate' })).toEqual([]);

    const [completed] = walk.run({ type: 'complete-milestone', actor: OWNER, milestoneId: walk.state.milestones[0].id, evidence });
    expect(completed).toMatchObject({ type: 'milestone-completed', late: true });
    expect(walk.state).toMatchObject({ status: 'on_track', escalation: null, escalationLevels: {} });
  });

  it('a rollback below stage 3 thaws the baseline and withdraws what was pending; cancel ends the closure request', () => {
    const walk = new Walk(newInitiative());
    walk.gate(1, [SPONSOR]);
    walk.gate(2, [PMO]);
    walk.gate(3, [SPONSOR, CONTROLLER]);
    walk.run({ type: 'complete-milestone', actor: OWNER, milestoneId: walk.state.milestones[0].id, evidence });
    walk.run({ type: 'request-gate', actor: OWNER, targetStage: 4, evidence, context: { sameTitleInProgram: [] } });
    walk.run({ type: 'move-aside', actor: PMO, move: 'rollback', reason: 'wrong volume' });
    expect(walk.state).toMatchObject({ stage: 2, baselineFrozenAt: null });
    expect(walk.state.gateRequests.at(-1)?.state).toBe('withdrawn');

    const closing = new Walk(newInitiative());
    closing.toImplemented();
    closing.run({ type: 'request-closure', actor: OWNER });
    closing.run({ type: 'move-aside', actor: SPONSOR, move: 'cancel', reason: 'market changed' });
    expect(closing.state).toMatchObject({ status: 'cancelled', cancelled: true, closure: { state: 'none' } });
    expect(closing.decide({ type: 'confirm-value', confirmation: confirmation() })).toMatchObject({ ok: false, violation: { kind: 'conflict' } });
  });

  it('counts a repeated confirmation, rejection or S&OP decision once', () => {
    const walk = new Walk(newInitiative());
    walk.toImplemented();
    walk.run({ type: 'move-aside', actor: SPONSOR, move: 'hold', reason: 'x' });
    walk.run({ type: 'portfolio-move', move: { decisionId: 'd-1', move: 'resume', decidedBy: 'lena', reason: 'pivot' } });
    expect(walk.run({ type: 'portfolio-move', move: { decisionId: 'd-1', move: 'resume', decidedBy: 'lena', reason: 'pivot' } })).toEqual([]);
    walk.run({ type: 'request-closure', actor: OWNER });
    const rejection = { confirmationId: 'c-9', controllerId: CONTROLLER.id, reason: 'not in the ledger', rejectedAt: '2027-07-01T00:00:00.000Z' };
    walk.run({ type: 'reject-closure', rejection });
    expect(walk.run({ type: 'reject-closure', rejection })).toEqual([]);
    expect(walk.state.closure).toMatchObject({ state: 'rejected', reason: 'not in the ledger' });
    walk.run({ type: 'confirm-value', confirmation: confirmation('c-1', 100) });
    expect(walk.run({ type: 'confirm-value', confirmation: confirmation('c-1', 100) })).toEqual([]);
    expect(confirmedValueOf(walk.state)).toBe(100);
    // Rejected, not pending: the confirmation alone does not close.
    expect(walk.state.stage).toBe(4);
  });

  it('a revised plan keeps the ids of measures and milestones whose names stay', () => {
    const walk = new Walk(newInitiative());
    const [measureId, milestoneId] = [walk.state.measures[0].id, walk.state.milestones[0].id];
    walk.run({
      type: 'revise-plan',
      actor: OWNER,
      revision: {
        measures: [
          { name: 'carrier rates ', category: 'cost', plannedValues: [{ period: '2027-07', amount: 300_000 }] },
          { name: 'Fuel surcharge', category: 'cost', plannedValues: [{ period: '2027-07', amount: 50_000 }] },
        ],
        milestones: [
          { title: 'Tender sent', dueDate: '2027-03-01' },
          { title: 'Carriers chosen', dueDate: '2027-04-01' },
        ],
      },
    });
    expect(walk.state.measures.map((measure) => measure.id)).toEqual([measureId, 'new-1']);
    expect(walk.state.milestones.map((milestone) => [milestone.id, milestone.dueDate])).toEqual([
      [milestoneId, '2027-03-01'],
      ['new-2', '2027-04-01'],
    ]);
    expect(plannedValueOf(walk.state)).toBe(350_000);
  });

  it('falls back to the rough value while nothing is planned', () => {
    expect(plannedValueOf({ measures: [], roughValue: 90_000 })).toBe(90_000);
  });
});
