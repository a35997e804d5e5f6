import { ApplicationFailure } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import {
  initiativeWorkflowId,
  LIFECYCLE,
  SOP_ACTION,
  SOP_ACTION_REFUSAL,
  SOP_CYCLE,
  SOP_CYCLE_REFUSAL,
  sopActionWorkflowId,
  SOP_DECISION_REFUSED,
  sopCycleWorkflowId,
  TASK_QUEUES,
  WORKFLOW_TYPES,
  decisionCheckWorkflowId,
  type DecisionCheckActivities,
  type DecisionCheckInput,
  type SopActionActivities,
  type SopActionChange,
  type SopCycleActivities,
  type SopCycleChange,
} from '@tollgate/contracts';
import { notFound, type Actor, type SopActionState, type SopCyclePlan, type SopCycleState, type SopPivotProposal } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { LifecycleHarness, PEOPLE, refusal } from '../initiative-lifecycle/testing/lifecycle-harness';

const DAY = 86_400_000;
const planner: Actor = { id: 'dana', roles: ['viewer'] };
const supplyLead: Actor = { id: 'sue', roles: ['viewer'] };
const chair: Actor = { id: 'carl', roles: ['sponsor'] };
const CYCLE_PLAN: SopCyclePlan = {
  owners: { data_gathering: 'dana', demand_review: 'dana', supply_review: 'sue', pre_sop: 'dana', executive_sop: 'carl' },
  durationsMs: { data_gathering: 3 * DAY, demand_review: 4 * DAY, supply_review: 3 * DAY, pre_sop: 4 * DAY, executive_sop: 4 * DAY },
  mitigationWindowMs: 2 * DAY,
};

describe('sopCycle on the time-skipping server', () => {
  let harness: LifecycleHarness;
  const projections: { state: SopCycleState; changes: SopCycleChange[] }[] = [];
  const pivotsByNode = new Map<string, SopPivotProposal[]>();
  const applied: { decisionId: string; moves: { initiativeId: string; move: string }[] }[] = [];
  const actionProjections: { state: SopActionState; changes: SopActionChange[] }[] = [];
  const checked: { input: DecisionCheckInput; at: number }[] = [];

  // The plans service's activities: canned figures in, and the approved pivot carried out
  // as the service does it, by signalling the lifecycle workflows.
  const plansActivities: SopCycleActivities & SopActionActivities & DecisionCheckActivities = {
    followDecisionClaim: async (input) => {
      await harness.env.client.workflow
        .start(WORKFLOW_TYPES.decisionCheck, { taskQueue: TASK_QUEUES.lifecycle, workflowId: decisionCheckWorkflowId(input.decisionId), args: [input] })
        .catch((error: unknown) => {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        });
    },
    checkDecisionClaim: async (input) => {
      // The test server's time, which the timers skip through; the activity's own clock stays in the present.
      checked.push({ input, at: await harness.env.currentTimeMs() });
      return { met: false, expected: input.claim.atLeast, actual: 12_600, checkedAt: new Date().toISOString() };
    },
    projectSopAction: async (input) => void actionProjections.push(input),
    // As the plans service does: each action a workflow of its own, started once.
    openSopActions: async ({ actions }) => {
      for (const state of actions) {
        await harness.env.client.workflow
          .start(WORKFLOW_TYPES.sopAction, { taskQueue: TASK_QUEUES.lifecycle, workflowId: sopActionWorkflowId(state.actionId), args: [{ state }] })
          .catch((error: unknown) => {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          });
      }
    },
    prepareSopCycle: async () => CYCLE_PLAN,
    raiseSopExceptions: async ({ cycleId, orgNodeId }) => [
      { exceptionId: `${cycleId}:below-plan`, kind: 'forecast_below_plan', subject: orgNodeId, ownerId: 'dana' },
      { exceptionId: `${cycleId}:capacity`, kind: 'demand_exceeds_capacity', subject: `${orgNodeId}/widgets`, ownerId: 'sue' },
    ],
    proposeSopPivots: async ({ orgNodeId }) => pivotsByNode.get(orgNodeId) ?? [],
    projectSopCycle: async (input) => void projections.push(input),
    applySopDecision: async ({ decision, moves }) => {
      if (decision.kind === 'promote_scenario') {
        if (decision.subject === 'unknown-scenario') {
          throw ApplicationFailure.nonRetryable('scenario unknown-scenario not found', SOP_DECISION_REFUSED, notFound('scenario unknown-scenario not found'));
        }
        return [`scenario ${decision.subject} is the plan of record`];
      }
      applied.push({ decisionId: decision.decisionId, moves });
      for (const { initiativeId, move } of moves) {
        await harness.env.client.workflow
          .getHandle(initiativeWorkflowId(initiativeId))
          .signal(LIFECYCLE.portfolioMove, { decisionId: decision.decisionId, move, decidedBy: decision.decidedBy, reason: decision.rationale });
      }
      return moves.map(({ initiativeId, move }) => `${move} ${initiativeId}`);
    },
  };

  beforeAll(async () => {
    harness = await LifecycleHarness.start({ plansActivities });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function startCycle(orgNodeId = randomUUID()): Promise<WorkflowHandle> {
    const handle = await harness.env.client.workflow.start(WORKFLOW_TYPES.sopCycle, {
      taskQueue: TASK_QUEUES.lifecycle,
      workflowId: sopCycleWorkflowId(orgNodeId, '2027-03'),
      args: [{ orgNodeId, period: '2027-03', startedBy: 'pat' }],
    });
    await handle.executeUpdate(SOP_CYCLE.started);
    return handle;
  }

  const complete = (handle: WorkflowHandle, actor: Actor, step: string) =>
    handle.executeUpdate(SOP_CYCLE.completeStep, { args: [{ actor, step, note: `${step} done` }] });

  async function walkToExecutive(handle: WorkflowHandle): Promise<SopCycleState> {
    await complete(handle, planner, 'data_gathering');
    await complete(handle, planner, 'demand_review');
    await complete(handle, supplyLead, 'supply_review');
    return complete(handle, planner, 'pre_sop');
  }

  const changesOf = (cycleId: string) => projections.filter((projection) => projection.state.cycleId === cycleId).flatMap((projection) => projection.changes);

  it('walks every step, each completed by its owner, to a published cycle with its decisions', async () => {
    const handle = await startCycle();
    expect((await refusal(complete(handle, planner, 'supply_review'), SOP_CYCLE_REFUSAL)).kind).toBe('conflict');
    expect((await refusal(complete(handle, supplyLead, 'data_gathering'), SOP_CYCLE_REFUSAL)).kind).toBe('forbidden');

    const atExecutive = await walkToExecutive(handle);
    expect(atExecutive.steps[atExecutive.stepIndex].step).toBe('executive_sop');
    expect(atExecutive.exceptions.map((exception) => exception.kind)).toEqual(['forecast_below_plan', 'demand_exceeds_capacity']);

    const [lateException] = atExecutive.exceptions;
    await handle.executeUpdate(SOP_CYCLE.submitMitigation, {
      args: [{ actor: planner, exceptionId: lateException.exceptionId, action: 'push the spring promotion', ownerId: 'dana', dueDate: '2027-03-20' }],
    });
    const { decision } = await handle.executeUpdate(SOP_CYCLE.recordDecision, {
      args: [{ actor: chair, kind: 'accept_mitigation', subject: lateException.exceptionId, rationale: 'covers the gap' }],
    });
    expect(decision).toMatchObject({ kind: 'accept_mitigation', decidedBy: 'carl', rationale: 'covers the gap' });
    const promoted = await handle.executeUpdate(SOP_CYCLE.recordDecision, {
      args: [{ actor: chair, kind: 'promote_scenario', subject: 'scenario-lean', rationale: 'the lean plan fits capacity' }],
    });
    expect(promoted.decision.outcome).toEqual(['scenario scenario-lean is the plan of record']);

    await complete(handle, chair, 'executive_sop');
    const final = (await handle.result()) as SopCycleState;
    expect(final.steps.map((step) => [step.step, step.completedBy])).toEqual([
      ['data_gathering', 'dana'],
      ['demand_review', 'dana'],
      ['supply_review', 'sue'],
      ['pre_sop', 'dana'],
      ['executive_sop', 'carl'],
      ['published', null],
    ]);
    expect(final.decisions.map((known) => known.kind)).toEqual(['accept_mitigation', 'promote_scenario']);
    expect(final.escalations).toEqual([]);
    const changes = changesOf(final.cycleId).map((change) => change.type);
    expect(changes[0]).toBe('cycle-started');
    expect(changes.filter((type) => type === 'decision-recorded')).toHaveLength(2);
    expect(changes).toContain('exceptions-raised');
    expect(projections.filter((projection) => projection.state.cycleId === final.cycleId).at(-1)!.state.stepIndex).toBe(5);
    await harness.keepHistory(handle, 'full-walk', 'sop-cycle');
  });

  it('reminds the owner of each step a day before it is due, once, and then escalates it if it is still not done', async () => {
    const handle = await startCycle();
    const { cycleId } = await handle.query(SOP_CYCLE.state);
    const reminders = () => changesOf(cycleId).filter((change) => change.type === 'step-reminded');
    // Data gathering takes three days: the reminder comes at two.
    await harness.env.sleep(2 * DAY - 60_000);
    expect(reminders()).toEqual([]);
    await harness.env.sleep(2 * 60_000);
    expect(reminders()).toEqual([{ type: 'step-reminded', step: 'data_gathering' }]);
    expect((await handle.query(SOP_CYCLE.state)).steps[0]).toMatchObject({ remindedAt: expect.any(String), overdue: false });
    // Done in time: the next step is reminded in its own time, a day before its four days are up.
    await complete(handle, planner, 'data_gathering');
    await harness.env.sleep(3 * DAY + 60_000);
    expect(reminders()).toEqual([
      { type: 'step-reminded', step: 'data_gathering' },
      { type: 'step-reminded', step: 'demand_review' },
    ]);
    // Left undone, it is escalated at its deadline, and not reminded again.
    await harness.env.sleep(DAY);
    const late = await handle.query(SOP_CYCLE.state);
    expect(late.escalations.map((escalation) => [escalation.kind, escalation.subject])).toEqual([['step_overdue', 'demand_review']]);
    expect(reminders()).toHaveLength(2);
    await harness.keepHistory(handle, 'reminders', 'sop-cycle');
  });

  it('escalates a missing mitigation to the chair when its deadline passes, and a late step too', async () => {
    const handle = await startCycle();
    await complete(handle, planner, 'data_gathering');
    await complete(handle, planner, 'demand_review');
    await complete(handle, supplyLead, 'supply_review');
    const atPreSop = await handle.query(SOP_CYCLE.state);
    const [belowPlan, capacity] = atPreSop.exceptions;
    await handle.executeUpdate(SOP_CYCLE.submitMitigation, {
      args: [{ actor: supplyLead, exceptionId: capacity.exceptionId, action: 'a third shift in April', ownerId: 'sue', dueDate: '2027-04-01' }],
    });

    await harness.env.sleep(2 * DAY - 60_000);
    expect((await handle.query(SOP_CYCLE.state)).escalations).toEqual([]);
    await harness.env.sleep(2 * 60_000);
    const escalated = await handle.query(SOP_CYCLE.state);
    expect(escalated.escalations).toEqual([
      expect.objectContaining({ kind: 'mitigation_missing', subject: belowPlan.exceptionId, ownerId: 'dana', escalatedTo: 'carl' }),
    ]);
    expect(escalated.exceptions.map((exception) => exception.escalated)).toEqual([true, false]);

    // The pre-S&OP step itself runs out two days later.
    await harness.env.sleep(2 * DAY);
    const late = await handle.query(SOP_CYCLE.state);
    expect(late.escalations.map((escalation) => [escalation.kind, escalation.subject])).toEqual([
      ['mitigation_missing', belowPlan.exceptionId],
      ['step_overdue', 'pre_sop'],
    ]);
    expect(late.steps[3].overdue).toBe(true);
    expect(changesOf(late.cycleId).filter((change) => change.type === 'escalated')).toHaveLength(2);
    // Pre-S&OP's owner was reminded a day before it ran out.
    expect(changesOf(late.cycleId).filter((change) => change.type === 'step-reminded')).toEqual([{ type: 'step-reminded', step: 'pre_sop' }]);
    await harness.keepHistory(handle, 'escalations', 'sop-cycle');
  });

  it('an approved pivot holds and resumes the lifecycle workflows it names; a rejected one changes nothing', async () => {
    const running = await harness.create();
    const held = await harness.create();
    await held.executeUpdate(LIFECYCLE.moveAside, { args: [{ actor: PEOPLE.sponsor, move: 'hold', reason: 'supplier strike' }] });
    const runningId = (await running.query(LIFECYCLE.state)).initiativeId;
    const heldId = (await held.query(LIFECYCLE.state)).initiativeId;
    const orgNodeId = randomUUID();
    pivotsByNode.set(orgNodeId, [
      { programId: 'program-logistics', initiativeId: runningId, move: 'hold', score: 10 },
      { programId: 'program-logistics', initiativeId: heldId, move: 'resume', score: 90 },
      { programId: 'program-retail', initiativeId: 'retail-1', move: 'hold', score: 5 },
    ]);
    const handle = await startCycle(orgNodeId);
    const atExecutive = await walkToExecutive(handle);
    expect(atExecutive.pivots).toHaveLength(3);

    expect((await refusal(
      handle.executeUpdate(SOP_CYCLE.recordDecision, { args: [{ actor: planner, kind: 'approve_pivot', subject: 'program-logistics', rationale: 'x' }] }),
      SOP_CYCLE_REFUSAL,
    )).kind).toBe('forbidden');
    const unknown = await refusal(
      handle.executeUpdate(SOP_CYCLE.recordDecision, { args: [{ actor: chair, kind: 'promote_scenario', subject: 'unknown-scenario', rationale: 'x' }] }),
      SOP_CYCLE_REFUSAL,
    );
    expect(unknown).toMatchObject({ kind: 'not_found' });

    const { decision } = await handle.executeUpdate(SOP_CYCLE.recordDecision, {
      args: [{ actor: chair, kind: 'approve_pivot', subject: 'program-logistics', rationale: 'budget moves to the carrier tender' }],
    });
    expect(decision.outcome).toEqual([`hold ${runningId}`, `resume ${heldId}`]);
    await handle.executeUpdate(SOP_CYCLE.recordDecision, { args: [{ actor: chair, kind: 'reject_pivot', subject: 'program-retail', rationale: 'keep retail going' }] });
    expect(applied.filter((entry) => entry.decisionId === decision.decisionId)).toHaveLength(1);
    expect(applied.some((entry) => entry.moves.some((move) => move.initiativeId === 'retail-1'))).toBe(false);

    const [runningState, heldState] = [await running.query(LIFECYCLE.state), await held.query(LIFECYCLE.state)];
    expect(runningState).toMatchObject({ status: 'on_hold', hold: { by: 'carl' } });
    expect(runningState.hold!.reason).toContain(decision.decisionId);
    expect(heldState).toMatchObject({ status: 'on_track', hold: null });
    const decisions = (await handle.query(SOP_CYCLE.state)).decisions;
    expect(decisions.map((known) => [known.kind, known.subject])).toEqual([
      ['approve_pivot', 'program-logistics'],
      ['reject_pivot', 'program-retail'],
    ]);
  });

  it('follows what the executive S&OP decided after the cycle is published: a reminder, the chair told when overdue, done only with evidence, dropped only by the chair', async () => {
    const handle = await startCycle();
    const atExecutive = await walkToExecutive(handle);
    const now = await harness.env.currentTimeMs();
    const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
    const [belowPlan] = atExecutive.exceptions;
    await handle.executeUpdate(SOP_CYCLE.submitMitigation, {
      args: [{ actor: planner, exceptionId: belowPlan.exceptionId, action: 'push the spring promotion', ownerId: 'dana', dueDate: day(10) }],
    });
    const accepted = await handle.executeUpdate(SOP_CYCLE.recordDecision, {
      args: [{ actor: chair, kind: 'accept_mitigation', subject: belowPlan.exceptionId, rationale: 'covers the gap', action: { doneWhen: 'the promotion calendar' } }],
    });
    const resolved = await handle.executeUpdate(SOP_CYCLE.recordDecision, {
      args: [
        {
          actor: chair,
          kind: 'resolution',
          subject: null,
          rationale: 'Chilled needs a second look',
          action: { title: 'Review Chilled demand', ownerId: 'sue', dueDate: day(5), expectedEffect: 'a plan Chilled can meet', doneWhen: 'the revised demand plan' },
        },
      ],
    });
    // Queries only from here: waiting on a result lets the test server skip time to whatever timer comes next.
    expect((await complete(handle, chair, 'executive_sop')).stepIndex).toBe(5);

    // The cycle is over; its actions go on.
    const promotion = harness.env.client.workflow.getHandle(sopActionWorkflowId(accepted.decision.actions![0].actionId));
    const review = harness.env.client.workflow.getHandle(sopActionWorkflowId(resolved.decision.actions![0].actionId));
    expect(await promotion.query(SOP_ACTION.state)).toMatchObject({ status: 'open', title: 'push the spring promotion', ownerId: 'dana', chairId: 'carl', remindedAt: null });

    // Two days before its date, the review's owner is reminded; the promotion, due later, is not.
    await harness.env.sleep(4 * DAY + 60_000);
    expect((await review.query(SOP_ACTION.state)).remindedAt).not.toBeNull();
    expect((await promotion.query(SOP_ACTION.state)).remindedAt).toBeNull();

    expect((await refusal(review.executeUpdate(SOP_ACTION.complete, { args: [{ actor: supplyLead, evidence: { text: ' ', links: [] } }] }), SOP_ACTION_REFUSAL)).kind).toBe(
      'unprocessable',
    );
    const done = await review.executeUpdate(SOP_ACTION.complete, { args: [{ actor: supplyLead, evidence: { text: 'Revised plan signed off', links: ['https://plans/chilled'] } }] });
    expect(done).toMatchObject({ status: 'done', done: { by: 'sue', evidence: { text: 'Revised plan signed off' } } });
    expect(await review.query(SOP_ACTION.state)).toMatchObject({ status: 'done', overdueAt: null });

    // The promotion's date passes with nothing done: the chair is told.
    await harness.env.sleep(7 * DAY);
    expect(await promotion.query(SOP_ACTION.state)).toMatchObject({ status: 'open', escalatedTo: 'carl', overdueAt: expect.any(String) });
    expect((await refusal(promotion.executeUpdate(SOP_ACTION.drop, { args: [{ actor: planner, reason: 'too late now' }] }), SOP_ACTION_REFUSAL)).kind).toBe('forbidden');
    await promotion.executeUpdate(SOP_ACTION.drop, { args: [{ actor: chair, reason: 'the promotion moved to May' }] });
    expect(await promotion.result()).toMatchObject({ status: 'dropped', dropped: { by: 'carl', reason: 'the promotion moved to May' } });

    const changes = (actionId: string) => actionProjections.filter((projection) => projection.state.actionId === actionId).flatMap((projection) => projection.changes.map((change) => change.type));
    expect(changes(accepted.decision.actions![0].actionId)).toEqual(['opened', 'reminded', 'overdue', 'dropped']);
    expect(changes(resolved.decision.actions![0].actionId)).toEqual(['opened', 'reminded', 'done']);
    await harness.keepHistory(promotion, 'dropped-after-overdue', 'sop-action');
  });

  it('checks the figure a decision expects on its day, once, after the cycle is published', async () => {
    const handle = await startCycle();
    await walkToExecutive(handle);
    const now = await harness.env.currentTimeMs();
    const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
    const expects = { figure: 'family_capacity', family: 'widgets', from: '2027-05', atLeast: 15_000, by: day(10) };
    const refused = await refusal(
      handle.executeUpdate(SOP_CYCLE.recordDecision, { args: [{ actor: chair, kind: 'resolution', subject: null, rationale: 'a third shift', expects: { ...expects, by: 'soon' } as never }] }),
      SOP_CYCLE_REFUSAL,
    );
    expect(refused).toMatchObject({ kind: 'unprocessable', unmet: ['expects.by: the day it is checked (YYYY-MM-DD)'] });
    const { decision } = await handle.executeUpdate(SOP_CYCLE.recordDecision, {
      args: [{ actor: chair, kind: 'resolution', subject: null, rationale: 'a third shift', expects: expects as never }],
    });
    expect(decision.expects).toEqual(expects);
    expect((await complete(handle, chair, 'executive_sop')).stepIndex).toBe(5);

    const check = harness.env.client.workflow.getHandle(decisionCheckWorkflowId(decision.decisionId));
    await harness.env.sleep(9 * DAY);
    expect(checked.filter((entry) => entry.input.decisionId === decision.decisionId)).toEqual([]);
    await harness.env.sleep(2 * DAY);
    expect(await check.result()).toMatchObject({ met: false, expected: 15_000, actual: 12_600 });
    const mine = checked.filter((entry) => entry.input.decisionId === decision.decisionId);
    expect(mine).toHaveLength(1);
    expect(mine[0].input.claim).toEqual(expects);
    expect(mine[0].at).toBeGreaterThanOrEqual(Date.parse(`${expects.by}T00:00:00Z`));
  });
});
