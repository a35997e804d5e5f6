import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
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
  type SopDecisionCommand,
  type SopMitigationCommand,
  type SopStepCommand,
} from '@tollgate/contracts';
import {
  conflict,
  currentStep,
  decideSopCycle,
  decisionWork,
  evolveSopCycle,
  initialSopCycleState,
  isPublished,
  nextSopDeadline,
  openSopAction,
  workOfCurrentStep,
  type RuleViolation,
  type SopCycleCommand,
  type SopCycleFact,
  type SopCycleState,
  type SopDecision,
  type SopDecisionContext,
} from '@tollgate/domain';

const { prepareSopCycle, raiseSopExceptions, proposeSopPivots, projectSopCycle, applySopDecision, openSopActions, followDecisionClaim } = proxyActivities<SopCycleActivities>({
  taskQueue: TASK_QUEUES.plans,
  startToCloseTimeout: '1 minute',
  // The plans service may be down for a while: its work waits, it is never skipped.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [SOP_CYCLE_UNPREPARED, SOP_DECISION_REFUSED] },
});

function refuse(violation: RuleViolation | null): void {
  if (violation) throw ApplicationFailure.create({ type: SOP_CYCLE_REFUSAL, message: violation.message, details: [violation], nonRetryable: true });
}

/** Before this change a decision's actions were recorded and not followed; cycles begun then replay without their children. */
const FOLLOWS_ACTIONS = 'sop-cycle-follows-actions';

/** Before this change a step's owner was told only once the step was late; cycles begun then replay without reminders. */
const REMINDS_STEPS = 'sop-cycle-reminds-steps';

/** Validators run again on replay no more than they write history: they must not draw from the workflow's random ids. */
const VALIDATING: SopDecisionContext['newId'] = () => '00000000-0000-4000-8000-000000000000';

/**
 * One node's monthly S&OP cycle: data gathering, demand review, supply
 * review, pre-S&OP reconciliation, executive S&OP, published. What may change
 * and how is the domain's `decideSopCycle` and `evolveSopCycle`; this
 * workflow wires them to updates, the plans service's activities (the
 * exceptions, the pivots, carrying out decisions) and the deadlines' timers.
 */
export async function sopCycle(input: SopCycleInput): Promise<SopCycleState> {
  const { orgNodeId, period, startedBy } = input;
  // Handlers exist from the first activation, so a command sent with the
  // start is refused, not lost, while the node's plan is fetched.
  let state: SopCycleState | undefined = undefined;
  let projectionTail: Promise<void> = Promise.resolve();
  let announced = false;
  const preparing = () => refuse(state ? null : conflict('the cycle is being prepared; try again in a moment'));
  const context = (newId: SopDecisionContext['newId'] = uuid4): SopDecisionContext => ({ now: Date.now(), newId });

  /** The facts a command makes true, applied; a refusal fails the update (its validator has already asked the same). */
  function apply(command: SopCycleCommand): SopCycleFact[] {
    const ruling = decideSopCycle(state!, command, context());
    if (!ruling.ok) refuse(ruling.violation);
    const facts = ruling.ok ? ruling.facts : [];
    state = facts.reduce(evolveSopCycle, state!);
    return facts;
  }

  /** Projects in order; `evolveSopCycle` never changes a state once made, so each projection carries the state as it was. */
  function project(changes: SopCycleChange[]): Promise<void> {
    const snapshot = state!;
    setCurrentDetails(sopCycleDetails(snapshot));
    projectionTail = projectionTail.then(() => projectSopCycle({ state: snapshot, changes }));
    return projectionTail;
  }

  /** A person's update: validated and handled by the same decision. */
  const validating = <Sent>(toCommand: (sent: Sent) => SopCycleCommand) => ({
    validator: (sent: Sent) => {
      preparing();
      const ruling = decideSopCycle(state!, toCommand(sent), context(VALIDATING));
      if (!ruling.ok) refuse(ruling.violation);
    },
  });

  setHandler(SOP_CYCLE.state, () => state!);
  setHandler(SOP_CYCLE.started, async () => {
    await condition(() => announced);
    return state!;
  });

  const stepCompletion = (command: SopStepCommand): SopCycleCommand => ({ type: 'complete-step', actor: command.actor, step: command.step, note: command.note });
  setHandler(
    SOP_CYCLE.completeStep,
    async (command) => {
      apply(stepCompletion(command));
      const changes: SopCycleChange[] = [{ type: 'step-completed', step: command.step }];
      const work = workOfCurrentStep(state!);
      if (work === 'raise-exceptions') {
        apply({ type: 'raise-exceptions', exceptions: await raiseSopExceptions({ cycleId: state!.cycleId, orgNodeId, period }) });
        changes.push({ type: 'exceptions-raised' });
      }
      if (work === 'propose-pivots') apply({ type: 'propose-pivots', proposals: await proposeSopPivots({ orgNodeId }) });
      await project(changes);
      return state!;
    },
    validating(stepCompletion),
  );

  const mitigation = (command: SopMitigationCommand): SopCycleCommand => ({ type: 'submit-mitigation', ...command });
  setHandler(
    SOP_CYCLE.submitMitigation,
    async (command) => {
      apply(mitigation(command));
      await project([{ type: 'mitigation-submitted', exceptionId: command.exceptionId }]);
      return state!;
    },
    validating(mitigation),
  );

  const decision = (command: SopDecisionCommand): SopCycleCommand => ({ type: 'record-decision', ...command });
  setHandler(
    SOP_CYCLE.recordDecision,
    async (command) => {
      const [recorded] = apply(decision(command));
      const decided = (recorded as Extract<SopCycleFact, { type: 'decision-recorded' }>).decision;
      const work = decisionWork(state!, decided);
      if (work) {
        try {
          apply({ type: 'settle-decision', decisionId: decided.decisionId, outcome: await applySopDecision({ cycleId: state!.cycleId, orgNodeId, ...work }) });
        } catch (error) {
          // A decision that cannot be carried out (an unknown scenario) is withdrawn: it is not one of the cycle's.
          apply({ type: 'settle-decision', decisionId: decided.decisionId, outcome: null });
          const cause = error instanceof ActivityFailure ? error.cause : undefined;
          if (cause instanceof ApplicationFailure && cause.type === SOP_DECISION_REFUSED) refuse(cause.details?.[0] as RuleViolation);
          throw error;
        }
      }
      await followActions(decided);
      await project([{ type: 'decision-recorded', decisionId: decided.decisionId }]);
      return { state: state!, decision: state!.decisions.find((known) => known.decisionId === decided.decisionId)! };
    },
    validating(decision),
  );

  /**
   * Each action the decision asks for runs as a workflow of its own (started
   * by the plans service, not as a child), so that it lives on after the cycle
   * is published and ends on its own.
   */
  async function followActions(decision: SopDecision): Promise<void> {
    const actions = decision.actions ?? [];
    if ((actions.length === 0 && !decision.expects) || !patched(FOLLOWS_ACTIONS)) return;
    const cycle = state!;
    const origin = { cycleId: cycle.cycleId, orgNodeId, period, decisionId: decision.decisionId, chairId: cycle.chairId, now: Date.now() };
    if (actions.length) await openSopActions({ actions: actions.map((spec) => openSopAction(spec, origin)) });
    // The figure the decision expects is checked on its day, by a workflow of its own that outlives the cycle.
    if (decision.expects) await followDecisionClaim({ decisionId: decision.decisionId, cycleId: cycle.cycleId, orgNodeId, claim: decision.expects });
  }

  const plan = await prepareSopCycle({ orgNodeId, period });
  state = initialSopCycleState({ cycleId: workflowInfo().workflowId, orgNodeId, period, startedBy, now: Date.now(), plan });
  await project([{ type: 'cycle-started' }]);
  announced = true;
  return await runDeadlines();

  async function runDeadlines(): Promise<SopCycleState> {
    const remind = patched(REMINDS_STEPS);
    while (!isPublished(state!)) {
      const version = state!.version;
      const deadline = nextSopDeadline(state!, { reminders: remind });
      const changed =
        deadline === null ? await condition(() => state!.version !== version) : await condition(() => state!.version !== version, Math.max(deadline - Date.now(), 1));
      if (!changed) {
        const changes = apply({ type: 'pass-deadlines', remind }).flatMap((fact): SopCycleChange[] =>
          fact.type === 'escalated' ? [{ type: 'escalated', escalations: fact.escalations }] : fact.type === 'step-reminded' ? [{ type: 'step-reminded', step: fact.step }] : [],
        );
        if (changes.length) await project(changes);
      }
    }
    await condition(allHandlersFinished);
    await projectionTail;
    return state!;
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
