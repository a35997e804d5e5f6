import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  SOP_CYCLE,
  SOP_CYCLE_REFUSAL,
  SOP_DECISION_REFUSED,
  TASK_QUEUES,
  SOP_CYCLE_UNPREPARED,
  type SopCycleActivities,
  type SopCycleChange,
  type SopCycleInput,
} from '@tollgate/contracts';
import {
  checkMitigation,
  currentStep,
  checkSopDecision,
  checkStepCompletion,
  completeStep,
  conflict,
  escalateMissedDeadlines,
  initialSopCycleState,
  isPublished,
  nextSopDeadline,
  pivotMoves,
  proposePivots,
  raiseExceptions,
  recordMitigation,
  recordSopDecision,
  type RuleViolation,
  type SopCycleState,
  type SopDecisionKind,
} from '@tollgate/domain';

const { prepareSopCycle, raiseSopExceptions, proposeSopPivots, projectSopCycle, applySopDecision } = proxyActivities<SopCycleActivities>({
  taskQueue: TASK_QUEUES.plans,
  startToCloseTimeout: '1 minute',
  // The plans service may be down for a while: its work waits, it is never skipped.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [SOP_CYCLE_UNPREPARED, SOP_DECISION_REFUSED] },
});

function refuse(violation: RuleViolation | null): void {
  if (violation) throw ApplicationFailure.create({ type: SOP_CYCLE_REFUSAL, message: violation.message, details: [violation], nonRetryable: true });
}

/**
 * One node's monthly S&OP cycle: data gathering, demand review, supply
 * review, pre-S&OP reconciliation, executive S&OP, published. People move it
 * with updates; the workflow keeps the deadlines, computes the exceptions at
 * pre-S&OP, escalates what is late, and carries out the executive decisions.
 */
export async function sopCycle(input: SopCycleInput): Promise<SopCycleState> {
  const { orgNodeId, period, startedBy } = input;
  // Handlers exist from the first activation, so a command sent with the
  // start is refused, not lost, while the node's plan is fetched.
  let state: SopCycleState | undefined = undefined;
  let projectionTail: Promise<void> = Promise.resolve();
  let announced = false;
  const preparing = () => refuse(state ? null : conflict('the cycle is being prepared; try again in a moment'));

  /** Projects in order; each projection carries a snapshot, so later changes cannot leak into it. */
  function project(changes: SopCycleChange[]): Promise<void> {
    const snapshot = JSON.parse(JSON.stringify(state)) as SopCycleState;
    setCurrentDetails(sopCycleDetails(snapshot));
    projectionTail = projectionTail.then(() => projectSopCycle({ state: snapshot, changes }));
    return projectionTail;
  }

  setHandler(SOP_CYCLE.state, () => state!);
  setHandler(SOP_CYCLE.started, async () => {
    await condition(() => announced);
    return state!;
  });

  setHandler(
    SOP_CYCLE.completeStep,
    async (command) => {
      const next = completeStep(state!, command.actor, command.note?.trim() || null, Date.now());
      const changes: SopCycleChange[] = [{ type: 'step-completed', step: command.step }];
      if (next.step === 'pre_sop') {
        raiseExceptions(state!, await raiseSopExceptions({ cycleId: state!.cycleId, orgNodeId, period }), Date.now());
        changes.push({ type: 'exceptions-raised' });
      }
      if (next.step === 'executive_sop') proposePivots(state!, await proposeSopPivots({ orgNodeId }));
      await project(changes);
      return state!;
    },
    { validator: (command) => preparing() ?? refuse(checkStepCompletion(state!, command.actor, command.step)) },
  );

  setHandler(
    SOP_CYCLE.submitMitigation,
    async (command) => {
      recordMitigation(state!, command.actor, command.exceptionId, command, Date.now());
      await project([{ type: 'mitigation-submitted', exceptionId: command.exceptionId }]);
      return state!;
    },
    { validator: (command) => preparing() ?? refuse(checkMitigation(state!, command.actor, command.exceptionId, command)) },
  );

  setHandler(
    SOP_CYCLE.recordDecision,
    async (command) => {
      const cycle = state!;
      const decision = recordSopDecision(
        cycle,
        command.actor,
        { decisionId: uuid4(), kind: command.kind as SopDecisionKind, subject: command.subject, rationale: command.rationale },
        Date.now(),
      );
      if (decision.kind === 'approve_pivot' || decision.kind === 'promote_scenario') {
        const moves = decision.kind === 'approve_pivot' ? pivotMoves(cycle, decision.subject!) : [];
        try {
          decision.outcome = await applySopDecision({ cycleId: cycle.cycleId, orgNodeId, decision, moves });
        } catch (error) {
          // A decision that cannot be carried out (an unknown scenario) is not recorded.
          cycle.decisions.splice(cycle.decisions.indexOf(decision), 1);
          const cause = error instanceof ActivityFailure ? error.cause : undefined;
          if (cause instanceof ApplicationFailure && cause.type === SOP_DECISION_REFUSED) refuse(cause.details?.[0] as RuleViolation);
          throw error;
        }
      } else {
        decision.outcome = [];
      }
      cycle.version += 1;
      await project([{ type: 'decision-recorded', decisionId: decision.decisionId }]);
      return { state: cycle, decision };
    },
    { validator: (command) => preparing() ?? refuse(checkSopDecision(state!, command.actor, command)) },
  );

  const plan = await prepareSopCycle({ orgNodeId, period });
  state = initialSopCycleState({ cycleId: workflowInfo().workflowId, orgNodeId, period, startedBy, now: Date.now(), plan });
  await project([{ type: 'cycle-started' }]);
  announced = true;
  return await runDeadlines(state);

  async function runDeadlines(cycle: SopCycleState): Promise<SopCycleState> {
      while (!isPublished(cycle)) {
      const version = cycle.version;
      const deadline = nextSopDeadline(cycle);
      const changed =
        deadline === null ? await condition(() => cycle.version !== version) : await condition(() => cycle.version !== version, Math.max(deadline - Date.now(), 1));
      if (!changed) {
        const escalations = escalateMissedDeadlines(cycle, Date.now());
        if (escalations.length) await project([{ type: 'escalated', escalations }]);
      }
    }
    await condition(allHandlersFinished);
    await projectionTail;
    return cycle;
  }
}

/** What an operator reads of the cycle in the Temporal UI: where it stands and what the executive S&OP still lacks. */
function sopCycleDetails(state: SopCycleState): string {
  const missing = state.exceptions.filter((exception) => !exception.mitigation).length;
  return [
    `**S&OP ${state.period}** · node ${state.orgNodeId} · chair ${state.chairId}`,
    `step ${currentStep(state).step} · ${state.exceptions.length} exceptions, ${missing} without mitigation · ${state.decisions.length} decisions · ${state.escalations.length} escalations`,
  ].join('\n\n');
}
