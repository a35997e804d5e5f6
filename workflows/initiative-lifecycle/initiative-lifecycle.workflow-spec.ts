import type { WorkflowHandle } from '@temporalio/client';
import { LIFECYCLE, SEARCH_ATTRIBUTES } from '@tollgate/contracts';
import type { Actor, LifecycleState, ValueConfirmation } from '@tollgate/domain';
import { LifecycleHarness, PEOPLE, refusal, until } from './testing/lifecycle-harness';

const evidence = (text: string) => ({ text, links: [`https://evidence.example/${encodeURIComponent(text)}`] });
const noDuplicates = { sameTitleInProgram: [] };

describe('initiativeLifecycle on the time-skipping server', () => {
  let harness: LifecycleHarness;

  beforeAll(async () => {
    harness = await LifecycleHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const state = (handle: WorkflowHandle) => handle.query(LIFECYCLE.state);

  async function requestGate(handle: WorkflowHandle, targetStage: number, actor: Actor = PEOPLE.owner): Promise<string> {
    const outcome = await handle.executeUpdate(LIFECYCLE.requestGate, {
      args: [{ actor, targetStage, evidence: evidence(`ready for ${targetStage}`), context: noDuplicates }],
    });
    return outcome.gateRequestId!;
  }

  const decide = (handle: WorkflowHandle, requestId: string, actor: Actor, approve = true, comment = 'agreed') =>
    handle.executeUpdate(LIFECYCLE.decideGate, { args: [{ actor, requestId, approve, comment }] });

  async function completeAllMilestones(handle: WorkflowHandle): Promise<void> {
    for (const milestone of (await state(handle)).milestones) {
      await handle.executeUpdate(LIFECYCLE.completeMilestone, {
        args: [{ actor: PEOPLE.owner, milestoneId: milestone.id, evidence: evidence(milestone.title) }],
      });
    }
  }

  /** Walks an initiative through the gates up to `stage` (at most 4), as its people would. */
  async function walkTo(handle: WorkflowHandle, stage: number): Promise<void> {
    if (stage >= 1) await decide(handle, await requestGate(handle, 1), PEOPLE.sponsor);
    if (stage >= 2) await decide(handle, await requestGate(handle, 2), PEOPLE.pmo);
    if (stage >= 3) {
      const request = await requestGate(handle, 3);
      await decide(handle, request, PEOPLE.sponsor);
      await decide(handle, request, PEOPLE.controller);
    }
    if (stage >= 4) {
      await completeAllMilestones(handle);
      await decide(handle, await requestGate(handle, 4), PEOPLE.sponsor);
    }
  }

  function confirmation(overrides: Partial<ValueConfirmation> = {}): ValueConfirmation {
    return {
      confirmationId: `conf-${Math.random().toString(36).slice(2)}`,
      period: '2027-03',
      amount: 240_000,
      currency: 'EUR',
      controllerId: PEOPLE.controller.id,
      reference: 'GL 2027-03 freight',
      confirmedAt: '2027-04-02T09:00:00.000Z',
      ...overrides,
    };
  }

  async function searchAttributes(handle: WorkflowHandle) {
    const description = await handle.describe();
    const attributes = description.typedSearchAttributes;
    return {
      stage: attributes.get(SEARCH_ATTRIBUTES.stage),
      status: attributes.get(SEARCH_ATTRIBUTES.status),
      closure: attributes.get(SEARCH_ATTRIBUTES.closure),
      programId: attributes.get(SEARCH_ATTRIBUTES.programId),
      ownerId: attributes.get(SEARCH_ATTRIBUTES.ownerId),
    };
  }

  it('walks an initiative from stage 0 to 5, projecting every change in order', async () => {
    const handle = await harness.create();
    const initiativeId = (await state(handle)).initiativeId;
    expect(await searchAttributes(handle)).toEqual({
      stage: 0,
      status: 'on_track',
      closure: 'none',
      programId: 'program-logistics',
      ownerId: PEOPLE.owner.id,
    });

    await walkTo(handle, 3);
    const decided = await state(handle);
    expect(decided.stage).toBe(3);
    expect(decided.baselineFrozenAt).not.toBeNull();
    expect(decided.measures[0].forecastValues).toEqual(decided.measures[0].plannedValues);

    await walkTo4From3(handle);
    const closing = await handle.executeUpdate(LIFECYCLE.requestClosure, { args: [{ actor: PEOPLE.owner }] });
    expect(closing.state.closure.state).toBe('pending_confirmation');
    expect(closing.state.stage).toBe(4);
    expect(await searchAttributes(handle)).toMatchObject({ stage: 4, closure: 'pending_confirmation' });

    await handle.signal(LIFECYCLE.valueConfirmed, confirmation());
    const closed: LifecycleState = await handle.result();
    expect(closed.stage).toBe(5);
    expect(closed.status).toBe('closed');
    expect(closed.closure.state).toBe('closed');
    expect(await searchAttributes(handle)).toMatchObject({ stage: 5, status: 'closed', closure: 'closed' });

    const changes = harness.changesOf(initiativeId);
    expect(changes.map((change) => change.revision)).toEqual(changes.map((_, index) => index + 1));
    expect(changes.filter((change) => change.action === 'stage_changed').map((change) => change.details.toStage)).toEqual([1, 2, 3, 4]);
    const events = changes.flatMap((change) => change.events.map((event) => event.type));
    expect(events[0]).toBe('initiative.created');
    expect(events.filter((type) => type === 'initiative.stage-changed')).toHaveLength(5);
    expect(events.slice(-3)).toEqual(['initiative.stage-changed', 'initiative.closed', 'initiative.status-changed']);
    expect(changes.at(-1)).toMatchObject({ action: 'closed', actorId: 'tollgate-lifecycle', details: { confirmedValue: 240_000 } });
    await harness.keepHistory(handle, 'full-walk');
  });

  async function walkTo4From3(handle: WorkflowHandle): Promise<void> {
    await completeAllMilestones(handle);
    await decide(handle, await requestGate(handle, 4), PEOPLE.sponsor);
  }

  it('stage 3 opens only with both keys, in either order', async () => {
    for (const [first, second] of [
      [PEOPLE.sponsor, PEOPLE.controller],
      [PEOPLE.controller, PEOPLE.sponsor],
    ]) {
      const handle = await harness.create();
      await walkTo(handle, 2);
      const request = await requestGate(handle, 3);
      const half = await decide(handle, request, first);
      expect(half.state.stage).toBe(2);
      expect(half.state.gateRequests.find((candidate) => candidate.id === request)?.state).toBe('pending');
      const full = await decide(handle, request, second);
      expect(full.state.stage).toBe(3);
      expect(full.state.gateRequests.find((candidate) => candidate.id === request)?.approvals.map((approval) => approval.key)).toEqual([
        first.id === PEOPLE.sponsor.id ? 'sponsor' : 'controller',
        second.id === PEOPLE.sponsor.id ? 'sponsor' : 'controller',
      ]);
    }
  });

  it('refuses every decider without the right, and commands out of order, naming why', async () => {
    const handle = await harness.create();
    const gate1 = await requestGate(handle, 1);
    for (const actor of [PEOPLE.pmo, PEOPLE.controller, PEOPLE.stranger, PEOPLE.owner]) {
      expect(await refusal(decide(handle, gate1, actor))).toMatchObject({ kind: 'forbidden' });
    }
    expect(await refusal(requestGate(handle, 1))).toMatchObject({ kind: 'conflict', message: expect.stringContaining('still pending') });
    expect(await refusal(decide(handle, 'no-such-request', PEOPLE.sponsor))).toMatchObject({ kind: 'not_found' });
    await decide(handle, gate1, PEOPLE.sponsor);
    expect(await refusal(decide(handle, gate1, PEOPLE.sponsor))).toMatchObject({ kind: 'conflict', message: `gate request ${gate1} is already approved` });

    expect(await refusal(requestGate(handle, 3))).toMatchObject({ kind: 'conflict' });
    expect(await refusal(requestGate(handle, 2, PEOPLE.sponsor))).toMatchObject({ kind: 'forbidden' });
    const gate2 = await requestGate(handle, 2);
    expect(await refusal(decide(handle, gate2, PEOPLE.controller))).toMatchObject({ kind: 'forbidden' });
    await decide(handle, gate2, PEOPLE.sponsor);
    const gate3 = await requestGate(handle, 3);
    expect(await refusal(decide(handle, gate3, PEOPLE.pmo))).toMatchObject({ kind: 'forbidden' });
    await decide(handle, gate3, PEOPLE.sponsor);
    expect(await refusal(decide(handle, gate3, PEOPLE.sponsor))).toMatchObject({ kind: 'conflict' });

    expect(await refusal(handle.executeUpdate(LIFECYCLE.requestClosure, { args: [{ actor: PEOPLE.owner }] }))).toMatchObject({ kind: 'conflict' });
    expect(
      await refusal(handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.owner, move: 'hold', reason: 'x' }] })),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await refusal(handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'rollback', reason: 'x' }] })),
    ).toMatchObject({ kind: 'forbidden', message: "rolling back a stage requires the role 'pmo'" });
    // Nothing refused reached the projection or moved the stage.
    expect((await state(handle)).stage).toBe(2);
  });

  it('answers unmet gate criteria all at once', async () => {
    const handle = await harness.create({ controllerId: null, measures: [], roughValue: 90_000 });
    const violation = await refusal(
      handle.executeUpdate(LIFECYCLE.requestGate, {
        args: [{ actor: PEOPLE.owner, targetStage: 1, evidence: { text: '', links: [] }, context: { sameTitleInProgram: ['INI-0042'] } }],
      }),
    );
    expect(violation.kind).toBe('unprocessable');
    expect(violation.unmet).toEqual([
      'a controller must be named',
      'at least one measure is needed',
      "another open initiative in the program has the title 'Consolidate freight carriers' (INI-0042)",
      'the request needs evidence: a statement of what was done',
    ]);
  });

  it('a slipping milestone climbs the whole ladder over weeks, and completing it ends the escalation', async () => {
    const handle = await harness.create();
    const initiativeId = (await state(handle)).initiativeId;
    const [tender] = (await state(handle)).milestones;

    await harness.env.sleep('10 days');
    expect((await state(handle)).status).toBe('on_track');
    await harness.env.sleep('1 day');
    expect((await state(handle)).escalation).toEqual({ milestoneId: tender.id, level: 1, audience: 'owner' });
    expect((await state(handle)).status).toBe('at_risk');
    expect(await searchAttributes(handle)).toMatchObject({ status: 'at_risk' });

    await harness.env.sleep('7 days');
    expect((await state(handle)).escalation).toEqual({ milestoneId: tender.id, level: 2, audience: 'sponsor' });
    expect((await state(handle)).status).toBe('escalated');

    await harness.env.sleep('14 days');
    expect((await state(handle)).escalation).toEqual({ milestoneId: tender.id, level: 3, audience: 'steering_committee' });

    await handle.executeUpdate(LIFECYCLE.completeMilestone, {
      args: [{ actor: PEOPLE.owner, milestoneId: tender.id, evidence: evidence('tender finally sent') }],
    });
    expect((await state(handle)).status).toBe('on_track');
    expect((await state(handle)).escalation).toBeNull();

    // No service projects the answered completion here: the workflow's backstop does, shortly after.
    await until(async () => harness.changesOf(initiativeId), (changes) => changes.some((change) => change.action === 'milestone_completed'), 'the completion projected');
    const ladder = harness.changesOf(initiativeId).filter((change) => change.action === 'milestone_escalated');
    expect(ladder.map((change) => [change.details.milestoneId, change.details.level, change.details.audience])).toEqual([
      [tender.id, 1, 'owner'],
      [tender.id, 2, 'sponsor'],
      [tender.id, 3, 'steering_committee'],
    ]);
    const events = harness.changesOf(initiativeId).flatMap((change) => change.events);
    expect(events.find((event) => event.type === 'initiative.milestone-missed')?.data).toMatchObject({ milestoneId: tender.id, ownerId: PEOPLE.owner.id });
    expect(events.filter((event) => event.type === 'initiative.escalated').map((event) => event.data)).toEqual([
      expect.objectContaining({ level: 2, audience: 'sponsor', notify: PEOPLE.sponsor.id }),
      expect.objectContaining({ level: 3, audience: 'steering_committee', notify: null }),
    ]);
    const completed = events.find((event) => event.type === 'initiative.milestone-completed');
    expect(completed?.data).toMatchObject({ late: true });
    await harness.keepHistory(handle, 'escalation-ladder');
  });

  it('a milestone whose dates all passed during a hold climbs the ladder as soon as the initiative resumes', async () => {
    const handle = await harness.create();
    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'hold', reason: 'budget freeze' }] });
    // Past every rung of both milestones (due in 10 and 40 days, the last rung 22 days after).
    await harness.env.sleep('70 days');
    expect((await state(handle)).status).toBe('on_hold');
    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'resume', reason: 'budget released' }] });
    const resumed = await until(() => state(handle), (known) => known.escalation?.level === 3, 'the ladder climbed after the resume');
    expect(resumed.status).toBe('escalated');
  });

  it('re-planning a late milestone, approved by the sponsor, ends its escalation until the new date passes', async () => {
    const handle = await harness.create();
    const [tender] = (await state(handle)).milestones;
    await harness.env.sleep('19 days');
    expect((await state(handle)).escalation?.level).toBe(2);

    const yesterday = new Date((await harness.now()) - 86_400_000).toISOString().slice(0, 10);
    expect(
      await refusal(
        handle.executeUpdate(LIFECYCLE.replanMilestone, { args: [{ actor: PEOPLE.owner, milestoneId: tender.id, dueDate: '2099-01-01', reason: 'x' }] }),
      ),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await refusal(
        handle.executeUpdate(LIFECYCLE.replanMilestone, { args: [{ actor: PEOPLE.sponsor, milestoneId: tender.id, dueDate: yesterday, reason: 'x' }] }),
      ),
    ).toMatchObject({ kind: 'unprocessable' });

    const dueDate = new Date((await harness.now()) + 5 * 86_400_000).toISOString().slice(0, 10);
    await handle.executeUpdate(LIFECYCLE.replanMilestone, {
      args: [{ actor: PEOPLE.sponsor, milestoneId: tender.id, dueDate, reason: 'carriers asked for two more weeks' }],
    });
    expect((await state(handle)).status).toBe('on_track');
    await harness.env.sleep('4 days');
    expect((await state(handle)).status).toBe('on_track');
    await harness.env.sleep('2 days');
    expect((await state(handle)).escalation).toEqual({ milestoneId: tender.id, level: 1, audience: 'owner' });
  });

  it('closure stays pending for months until finance confirms, and ignores confirmations that break the rules', async () => {
    const handle = await harness.create();
    await walkTo(handle, 4);
    await handle.executeUpdate(LIFECYCLE.requestClosure, { args: [{ actor: PEOPLE.owner }] });

    await harness.env.sleep('120 days');
    expect((await state(handle)).closure.state).toBe('pending_confirmation');
    expect((await state(handle)).stage).toBe(4);

    // The sponsor is not a controller who may confirm; USD is not the initiative's currency; a malformed payload.
    await handle.signal(LIFECYCLE.valueConfirmed, confirmation({ controllerId: PEOPLE.sponsor.id }));
    await handle.signal(LIFECYCLE.valueConfirmed, confirmation({ currency: 'USD' }));
    await handle.signal(LIFECYCLE.valueConfirmed, { confirmationId: 'broken' } as unknown as ValueConfirmation);
    expect((await state(handle)).confirmations).toEqual([]);
    expect((await state(handle)).stage).toBe(4);

    const real = confirmation();
    await handle.signal(LIFECYCLE.valueConfirmed, real);
    await handle.signal(LIFECYCLE.valueConfirmed, real);
    const closed: LifecycleState = await handle.result();
    expect(closed.stage).toBe(5);
    expect(closed.confirmations).toEqual([real]);
    await harness.keepHistory(handle, 'closure-after-months');
  });

  it("a controller's rejection ends the pending closure with its reason; the owner may ask again", async () => {
    const handle = await harness.create();
    await walkTo(handle, 4);
    await handle.executeUpdate(LIFECYCLE.requestClosure, { args: [{ actor: PEOPLE.owner }] });
    await handle.signal(LIFECYCLE.confirmationRejected, {
      confirmationId: 'rej-1',
      controllerId: PEOPLE.controller.id,
      reason: 'savings not visible in the March ledger',
      rejectedAt: '2027-04-03T10:00:00.000Z',
    });
    const rejected = await state(handle);
    expect(rejected.closure).toMatchObject({ state: 'rejected', reason: 'savings not visible in the March ledger' });
    expect(rejected.stage).toBe(4);
    expect(await searchAttributes(handle)).toMatchObject({ closure: 'rejected' });

    const again = await handle.executeUpdate(LIFECYCLE.requestClosure, { args: [{ actor: PEOPLE.owner }] });
    expect(again.state.closure.state).toBe('pending_confirmation');
    await handle.signal(LIFECYCLE.valueConfirmed, confirmation());
    expect(((await handle.result()) as LifecycleState).stage).toBe(5);
  });

  it('a gate rejection keeps the stage and records the reason', async () => {
    const handle = await harness.create();
    const request = await requestGate(handle, 1);
    const outcome = await decide(handle, request, PEOPLE.sponsor, false, 'the savings are double counted with INI-0007');
    expect(outcome.state.stage).toBe(0);
    expect(outcome.state.gateRequests[0]).toMatchObject({
      state: 'rejected',
      rejection: { by: PEOPLE.sponsor.id, reason: 'the savings are double counted with INI-0007' },
    });
    const second = await requestGate(handle, 1);
    expect(second).not.toBe(request);
  });

  it('closes at once when value was confirmed before the closure request', async () => {
    const handle = await harness.create();
    await walkTo(handle, 4);
    await handle.signal(LIFECYCLE.valueConfirmed, confirmation());
    const outcome = await handle.executeUpdate(LIFECYCLE.requestClosure, { args: [{ actor: PEOPLE.owner }] });
    expect(outcome.state.stage).toBe(5);
    expect(outcome.state.closure.state).toBe('closed');
  });

  it('hold blocks gates until resumed; the PMO rolls back one stage and unfreezes the baseline; cancel ends it', async () => {
    const handle = await harness.create();
    await walkTo(handle, 3);
    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'hold', reason: 'budget freeze' }] });
    expect((await state(handle)).status).toBe('on_hold');
    expect(await searchAttributes(handle)).toMatchObject({ status: 'on_hold' });
    await completeAllMilestones(handle);
    expect(await refusal(requestGate(handle, 4))).toMatchObject({ kind: 'conflict', message: expect.stringContaining('on hold') });

    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'resume', reason: 'budget released' }] });
    expect((await state(handle)).status).toBe('on_track');

    expect(
      await refusal(handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.pmo, move: 'rollback', reason: ' ' }] })),
    ).toMatchObject({ kind: 'unprocessable' });
    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.pmo, move: 'rollback', reason: 'case rests on a wrong volume' }] });
    const rolledBack = await state(handle);
    expect(rolledBack.stage).toBe(2);
    expect(rolledBack.baselineFrozenAt).toBeNull();

    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'cancel', reason: 'carrier market changed' }] });
    const cancelled: LifecycleState = await handle.result();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancellation).toMatchObject({ by: PEOPLE.sponsor.id, reason: 'carrier market changed' });
  });

  it('answers a new initiative only once it is projected, so that every read after finds it', async () => {
    const release = harness.holdProjections();
    let answered = false;
    const creating = harness.create().then((handle) => ((answered = true), handle));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(false);
    release();
    const { initiativeId } = await state(await creating);
    expect(harness.changesOf(initiativeId).map((change) => change.action)).toEqual(['created']);
  });

  it('answers each command once it is in the history; the projection follows in batches, in revision order', async () => {
    const handle = await harness.create();
    const { initiativeId } = await state(handle);
    const release = harness.holdProjections();
    const requested = await handle.executeUpdate(LIFECYCLE.requestGate, {
      args: [{ actor: PEOPLE.owner, targetStage: 1, evidence: evidence('ready'), context: noDuplicates }],
    });
    const decided = await decide(handle, requested.gateRequestId!, PEOPLE.sponsor);
    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'hold', reason: 'wait for the budget' }] });
    // Answered, and the workflow's state shows it, while nothing past the creation is projected yet.
    expect(decided.state).toMatchObject({ stage: 1, revision: 4 });
    // The answer carries every change not yet projected, for the service to write at once.
    expect(decided.changes?.map((change) => [change.revision, change.action])).toEqual([
      [2, 'gate_requested'],
      [3, 'gate_approved'],
      [4, 'stage_changed'],
    ]);
    expect((await state(handle)).revision).toBe(5);
    expect(harness.changesOf(initiativeId).map((change) => change.revision)).toEqual([1]);

    release();
    const changes = await until(
      async () => harness.changesOf(initiativeId),
      (known) => known.at(-1)?.revision === 5,
      'the projection to catch up',
    );
    expect(changes.map((change) => change.action)).toEqual(['created', 'gate_requested', 'gate_approved', 'stage_changed', 'held']);
    const batches = harness.projections.filter((projection) => projection.state.initiativeId === initiativeId);
    // What arrived while one projection was held went in one activity, with the state after its last change.
    expect(batches.length).toBeLessThan(changes.length);
    expect(batches.at(-1)?.state).toMatchObject({ revision: 5, status: 'on_hold' });
  });

  it('leaves out of its answers and of its own projection what a command says its service has projected', async () => {
    const handle = await harness.create();
    const { initiativeId } = await state(handle);
    const requested = await handle.executeUpdate(LIFECYCLE.requestGate, {
      args: [{ actor: PEOPLE.owner, targetStage: 1, evidence: evidence('ready'), context: noDuplicates }],
    });
    expect(requested.changes?.map((change) => change.revision)).toEqual([2]);
    // The service wrote revision 2 from that answer, and says so with its next command.
    const decided = await handle.executeUpdate(LIFECYCLE.decideGate, {
      args: [{ actor: PEOPLE.sponsor, requestId: requested.gateRequestId!, approve: true, comment: 'agreed' }, { projectedRevision: 2 }],
    });
    expect(decided.changes?.map((change) => [change.revision, change.action])).toEqual([
      [3, 'gate_approved'],
      [4, 'stage_changed'],
    ]);
    // A claim past the state claims no more than the state, and a claim that is no revision claims nothing.
    const held = await handle.executeUpdate(LIFECYCLE.moveAside, {
      args: [{ actor: PEOPLE.sponsor, move: 'hold', reason: 'wait for the budget' }, { projectedRevision: 99 }],
    });
    expect(held.changes?.map((change) => change.revision)).toEqual([5]);
    const resumed = await handle.executeUpdate(LIFECYCLE.moveAside, {
      args: [{ actor: PEOPLE.sponsor, move: 'resume', reason: 'budget released' }, { projectedRevision: 'all' as unknown as number }],
    });
    expect(resumed.changes?.map((change) => change.revision)).toEqual([5, 6]);

    // The workflow's own projection, after its window, writes only what no command acknowledged.
    const changes = await until(
      async () => harness.changesOf(initiativeId),
      (known) => known.at(-1)?.revision === 6,
      'the backstop to project the rest',
    );
    expect(changes.map((change) => change.revision)).toEqual([1, 5, 6]);
    expect(harness.projections.filter((projection) => projection.state.initiativeId === initiativeId).at(-1)?.state).toMatchObject({ revision: 6, status: 'on_track' });
    await harness.keepHistory(handle, 'acknowledged-projection');
  });

  it('continues as new before the history grows large, keeping all state', async () => {
    const handle = await harness.create({}, 60);
    const firstRun = (await handle.describe()).runId;
    await walkTo(handle, 3);
    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'hold', reason: 'pause' }] });
    await handle.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'resume', reason: 'go on' }] });
    const before = await state(handle);

    const latest = harness.env.client.workflow.getHandle(handle.workflowId);
    // The run continues as new once the projection of its last change is done, which the update no longer waits for.
    const description = await until(() => latest.describe(), (described) => described.runId !== firstRun, 'a new run');
    expect(description.status.name).toBe('RUNNING');
    expect(await latest.query(LIFECYCLE.state)).toEqual(before);
    expect(before.stage).toBe(3);
    expect(before.gateRequests).toHaveLength(3);

    // The new run goes on where the old one stopped.
    await completeAllMilestones(latest);
    await decide(latest, await requestGate(latest, 4), PEOPLE.sponsor);
    expect((await latest.query(LIFECYCLE.state)).revision).toBeGreaterThan(before.revision);
  });
});
