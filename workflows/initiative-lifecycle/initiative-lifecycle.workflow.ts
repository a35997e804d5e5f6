import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  LIFECYCLE,
  LIFECYCLE_REFUSAL,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  type InitiativeProjectionActivities,
  type LifecycleChange,
  type LifecycleInput,
  type LifecycleOutcome,
} from '@tollgate/contracts';
import {
  checkClosureRequest,
  checkConfirmation,
  checkDecisionReason,
  checkForecastUpdate,
  checkGateSubmission,
  checkMilestoneCompletion,
  checkMilestoneReplan,
  checkPlanRevisionCommand,
  checkPortfolioMove,
  checkSideMove,
  conflict,
  gateDecisionRight,
  isOpen,
  nextEscalationAt,
  notFound,
  readConfirmationRejection,
  readPortfolioMove,
  readValueConfirmation,
  type LifecycleState,
  type RuleViolation,
} from '@tollgate/domain';
import {
  climbEscalationLadder,
  closeIfConfirmed,
  completeMilestone,
  createdChange,
  decideGateRequest,
  moveAside,
  pendingRequest,
  recordConfirmation,
  rejectClosure,
  replanMilestone,
  requestClosure,
  revisePlan,
  submitGateRequest,
  updateForecast,
  type ChangeDraft,
} from './lifecycle-transitions';

/** Continue as new past this many history events, unless the input says otherwise. */
export const DEFAULT_HISTORY_LIMIT = 10_000;

const { projectLifecycleChange } = proxyActivities<InitiativeProjectionActivities>({
  taskQueue: TASK_QUEUES.initiatives,
  startToCloseTimeout: '30 seconds',
  // A change must reach the projection: retried without limit while the service is down.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function refuse(violation: RuleViolation | null): void {
  if (violation) {
    throw ApplicationFailure.create({ type: LIFECYCLE_REFUSAL, message: violation.message, details: [violation], nonRetryable: true });
  }
}

function isoNow(): string {
  return new Date(Date.now()).toISOString();
}

/**
 * The lifecycle of one initiative, from stage 0 (Defined) to 5 (Closed).
 * Gates, milestones, side moves and closure arrive as updates whose
 * validators apply the domain's rules, so a refused command never enters the
 * history; finance's confirmations arrive as signals. Milestone due dates and
 * the escalation ladder are durable timers. Every change is projected into
 * the initiatives service, in order, before the update that made it answers.
 */
export async function initiativeLifecycle(input: LifecycleInput): Promise<LifecycleState> {
  const state = input.state;
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  let projectionTail: Promise<void> = Promise.resolve();
  let projectionsInFlight = 0;
  let created = false;
  let wake = false;
  let lastAttributes = '';

  function keepSearchAttributesCurrent(): void {
    const attributes = [state.stage, state.status, state.closure.state, state.programId, state.ownerId];
    const key = JSON.stringify(attributes);
    if (key === lastAttributes) return;
    lastAttributes = key;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.stage, value: state.stage },
      { key: SEARCH_ATTRIBUTES.status, value: state.status },
      { key: SEARCH_ATTRIBUTES.closure, value: state.closure.state },
      { key: SEARCH_ATTRIBUTES.programId, value: state.programId },
      { key: SEARCH_ATTRIBUTES.ownerId, value: state.ownerId },
    ]);
  }

  /** Numbers the changes, and projects them after every change recorded before them. */
  function record(drafts: ChangeDraft[]): Promise<unknown> {
    if (drafts.length === 0) return projectionTail;
    const at = isoNow();
    const changes: LifecycleChange[] = drafts.map((draft) => ({ ...draft, at, revision: ++state.revision }));
    keepSearchAttributesCurrent();
    wake = true;
    // A snapshot: later changes must not leak into this revision's projection.
    const snapshot = JSON.parse(JSON.stringify(state)) as LifecycleState;
    projectionsInFlight += 1;
    const projected = projectionTail.then(() => projectLifecycleChange({ state: snapshot, changes }));
    projectionTail = projected.then(
      () => void (projectionsInFlight -= 1),
      () => void (projectionsInFlight -= 1),
    );
    return projected;
  }

  async function recorded(drafts: ChangeDraft[], gateRequestId?: string): Promise<LifecycleOutcome> {
    await record(drafts);
    return gateRequestId ? { state, gateRequestId } : { state };
  }

  const open = () => (isOpen(state) ? null : conflict(`the initiative is ${state.cancellation ? 'cancelled' : 'closed'}`));

  // The first change is recorded before any handler exists, so that no
  // command is ever validated against an initiative not yet announced.
  const creation = state.revision === 0 ? record([createdChange(state)]) : Promise.resolve();
  void creation.then(() => (created = true));

  setHandler(LIFECYCLE.state, () => state);

  setHandler(LIFECYCLE.created, async () => {
    await condition(() => created);
    return { state };
  });

  setHandler(
    LIFECYCLE.requestGate,
    (command) => {
      const id = uuid4();
      return recorded([submitGateRequest(state, command, id, isoNow())], id);
    },
    {
      validator: (command) =>
        refuse(checkGateSubmission(command.actor, state, command.targetStage, command.evidence, pendingRequest(state), command.context)),
    },
  );

  setHandler(
    LIFECYCLE.decideGate,
    (command) => {
      const request = state.gateRequests.find((candidate) => candidate.id === command.requestId)!;
      const right = gateDecisionRight(request, command.actor, state, command.approve) as { slot: number; key: 'sponsor' | 'pmo' | 'controller' };
      return recorded(decideGateRequest(state, request, { ...command, ...right }, isoNow()), request.id);
    },
    {
      validator: (command) => {
        const request = state.gateRequests.find((candidate) => candidate.id === command.requestId);
        if (!request) return refuse(notFound(`gate request ${command.requestId} not found`));
        const right = gateDecisionRight(request, command.actor, state, command.approve);
        if ('kind' in right) return refuse(right);
        refuse(open());
        refuse(checkDecisionReason(command.approve, command.comment));
        if (state.hold) refuse(conflict('the initiative is on hold; gates are blocked until it is resumed'));
      },
    },
  );

  setHandler(
    LIFECYCLE.completeMilestone,
    (command) => recorded([completeMilestone(state, command.milestoneId, command.actor, command.evidence, Date.now())]),
    { validator: (command) => refuse(checkMilestoneCompletion(command.actor, state, command.milestoneId, command.evidence)) },
  );

  setHandler(
    LIFECYCLE.replanMilestone,
    (command) => recorded([replanMilestone(state, command.milestoneId, command.actor, command.dueDate, command.reason)]),
    {
      validator: (command) =>
        refuse(checkMilestoneReplan(command.actor, state, command.milestoneId, command.dueDate, command.reason, Date.now())),
    },
  );

  setHandler(
    LIFECYCLE.moveAside,
    (command) => {
      const at = isoNow();
      const drafts = [moveAside(state, command, at)];
      if (command.move === 'resume') drafts.push(...closeIfConfirmed(state, at));
      return recorded(drafts);
    },
    { validator: (command) => refuse(checkSideMove(command.move, command.actor, state, command.reason)) },
  );

  setHandler(
    LIFECYCLE.updateForecast,
    (command) => recorded([updateForecast(state, command.actor, command.forecasts)]),
    { validator: (command) => refuse(checkForecastUpdate(command.actor, state, command.forecasts)) },
  );

  setHandler(
    LIFECYCLE.revisePlan,
    (command) => recorded([revisePlan(state, command.actor, command.revision, uuid4)]),
    { validator: (command) => refuse(checkPlanRevisionCommand(command.actor, state, command.revision)) },
  );

  setHandler(
    LIFECYCLE.requestClosure,
    (command) => {
      const at = isoNow();
      return recorded([requestClosure(state, command.actor, at), ...closeIfConfirmed(state, at)]);
    },
    { validator: (command) => refuse(checkClosureRequest(command.actor, state, state.closure.state)) },
  );

  setHandler(LIFECYCLE.valueConfirmed, (payload) => {
    const reading = readValueConfirmation(payload);
    if (!reading.ok) return void log.warn(`value confirmation ignored: ${reading.reason}`);
    const confirmation = reading.value;
    if (state.confirmations.some((known) => known.confirmationId === confirmation.confirmationId)) return;
    const violation = checkConfirmation(confirmation, state) ?? open();
    if (violation) return void log.warn('value confirmation ignored', { confirmationId: confirmation.confirmationId, reason: violation.message });
    void record([recordConfirmation(state, confirmation), ...closeIfConfirmed(state, isoNow())]);
  });

  setHandler(LIFECYCLE.confirmationRejected, (payload) => {
    const reading = readConfirmationRejection(payload);
    if (!reading.ok) return void log.warn(`confirmation rejection ignored: ${reading.reason}`);
    const rejection = reading.value;
    if (state.rejectedConfirmationIds.includes(rejection.confirmationId)) return;
    if (state.closure.state !== 'pending_confirmation') {
      return void log.warn('confirmation rejection ignored: no closure is pending', { confirmationId: rejection.confirmationId });
    }
    void record([rejectClosure(state, rejection)]);
  });

  setHandler(LIFECYCLE.portfolioMove, (payload) => {
    const reading = readPortfolioMove(payload);
    if (!reading.ok) return void log.warn(`portfolio move ignored: ${reading.reason}`);
    const { decisionId, move, decidedBy, reason } = reading.value;
    const applied = (state.portfolioDecisionIds ??= []);
    if (applied.includes(decisionId)) return;
    const violation = checkPortfolioMove(move, state);
    if (violation) return void log.warn('portfolio move ignored', { decisionId, reason: violation.message });
    applied.push(decisionId);
    const at = isoNow();
    const drafts = [moveAside(state, { actor: { id: decidedBy, roles: [] }, move, reason: `S&OP decision ${decisionId}: ${reason}` }, at)];
    if (move === 'resume') drafts.push(...closeIfConfirmed(state, at));
    void record(drafts);
  });

  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit;

  await creation;
  while (isOpen(state) && !continueAsNewDue()) {
    const now = Date.now();
    if (!state.hold) await record(climbEscalationLadder(state, now));
    const next = state.hold ? null : nextEscalationAt(state.milestones, now, state.policy);
    wake = false;
    const woken = () => wake || !isOpen(state) || continueAsNewDue();
    if (next === null) await condition(woken);
    else await condition(woken, next - now);
  }
  // Nothing in flight may be lost: finish every handler and projection first.
  await condition(() => allHandlersFinished() && projectionsInFlight === 0);
  if (isOpen(state)) {
    return continueAsNew<typeof initiativeLifecycle>({ state, historyLimit: input.historyLimit });
  }
  return state;
}
