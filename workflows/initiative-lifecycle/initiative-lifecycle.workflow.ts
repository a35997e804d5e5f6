import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  LIFECYCLE,
  LIFECYCLE_REFUSAL,
  lifecycleSearchAttributes,
  TASK_QUEUES,
  type InitiativeProjectionActivities,
  type LifecycleChange,
  type LifecycleInput,
  type LifecycleOutcome,
  type ProjectionAcknowledgement,
} from '@tollgate/contracts';
import {
  decide,
  evolve,
  instantAt,
  isOpen,
  millisecondsOf,
  nextEscalationDue,
  readConfirmationRejection,
  readPortfolioMove,
  readValueConfirmation,
  type DecisionContext,
  type LifecycleCommand,
  type LifecycleFact,
  type LifecycleState,
  type RuleViolation,
} from '@tollgate/domain';
import { announce } from './lifecycle-announcements';
import { lifecycleDetails } from './lifecycle-details';

/** Continue as new past this many history events, unless the input says otherwise. */
export const DEFAULT_HISTORY_LIMIT = 10_000;

/**
 * From this change on, an update answers as soon as its change is in the
 * workflow's history, with the changes for the service to project itself;
 * the workflow's own projection follows in batches. Runs recorded before it
 * still wait for the projection of each change.
 */
export const ANSWER_BEFORE_PROJECTION = 'answer-before-projection';

/**
 * How long the workflow leaves an update's changes to the service that sent
 * it before projecting them itself: the backstop for a service that stopped
 * between the answer and its write. Everything answered within this window
 * goes in one activity; what a signal or timer changed goes at once.
 */
export const ANSWERED_CHANGES_BACKSTOP_MS = 2_000;

/**
 * From this change on, a command may say what its service has projected
 * already: those changes leave the answers and the backstop, and the
 * backstop waits its window from the oldest change still unacknowledged, so
 * that a burst of commands leaves only its last change to project.
 */
export const PROJECTION_ACKNOWLEDGED = 'projection-acknowledged';

/** The most changes an update's answer carries for the service to project; past it, the backstop alone projects them. */
const MAX_ANSWERED_CHANGES = 50;

const { projectLifecycleChange } = proxyActivities<InitiativeProjectionActivities>({
  taskQueue: TASK_QUEUES.initiatives,
  startToCloseTimeout: '30 seconds',
  // A change must reach the projection: retried without limit while the service is down.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function refuse(violation: RuleViolation): never {
  throw ApplicationFailure.create({ type: LIFECYCLE_REFUSAL, message: violation.message, details: [violation], nonRetryable: true });
}

/** Validators run again on replay no more than they write history: they must not draw from the workflow's random ids. */
const VALIDATING: DecisionContext['newId'] = () => '00000000-0000-4000-8000-000000000000';

/**
 * The lifecycle of one initiative, from stage 0 (Defined) to 5 (Closed).
 * What may change and how is the domain's `decide` and `evolve`; this
 * workflow wires them to updates (whose validators refuse a command before it
 * enters the history), finance's and the S&OP's signals, and the durable
 * timers of the escalation ladder, and carries every change to the
 * initiatives service, in revision order.
 */
export async function initiativeLifecycle(input: LifecycleInput): Promise<LifecycleState> {
  let state = input.state;
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const answersBeforeProjection = patched(ANSWER_BEFORE_PROJECTION);
  const takesAcknowledgements = answersBeforeProjection && patched(PROJECTION_ACKNOWLEDGED);
  let projectedRevision = state.revision;
  let wake = false;
  /** When the escalation timer that the main loop waits on fires; undefined before it first waits. */
  let armedFor: number | null | undefined;
  let lastAttributes = '';

  function keepVisibleCurrent(): void {
    const attributes = lifecycleSearchAttributes(state);
    const key = JSON.stringify(attributes.map((attribute) => attribute.value));
    if (key === lastAttributes) return;
    lastAttributes = key;
    upsertSearchAttributes(attributes);
    if (answersBeforeProjection) setCurrentDetails(lifecycleDetails(state));
  }

  // Changes not yet known to be projected, in revision order: those waiting,
  // and those the running activity carries. The projection takes all that
  // wait at once: one activity per batch.
  const unprojected: LifecycleChange[] = [];
  const inFlight: LifecycleChange[] = [];
  let projecting = false;
  // A change that no service projects itself (a signal's, a timer's, the creation) waits, or the run ends.
  let urgent = false;
  async function projectInBatches(): Promise<void> {
    for (;;) {
      await condition(() => unprojected.length > 0);
      if (takesAcknowledgements) {
        if (!(await backstopDue())) continue;
      } else if (!urgent) await condition(() => urgent, ANSWERED_CHANGES_BACKSTOP_MS);
      urgent = false;
      inFlight.push(...unprojected.splice(0));
      // `state` is the state after the last of them: evolve never changes a state once made.
      const snapshot = state;
      projecting = true;
      await projectLifecycleChange({ state: snapshot, changes: [...inFlight] });
      inFlight.length = 0;
      projecting = false;
      projectedRevision = Math.max(projectedRevision, snapshot.revision);
    }
  }

  /**
   * Waits until the oldest unprojected change has waited its window, or one
   * that no service projects arrives; false when later commands acknowledged
   * everything meanwhile.
   */
  async function backstopDue(): Promise<boolean> {
    while (!urgent && unprojected.length > 0) {
      const waited = Date.now() - millisecondsOf(unprojected[0].at);
      if (waited >= ANSWERED_CHANGES_BACKSTOP_MS) return true;
      await condition(() => urgent || unprojected.length === 0, ANSWERED_CHANGES_BACKSTOP_MS - waited);
    }
    return unprojected.length > 0;
  }

  /**
   * A command's sender wrote every change up to a revision: they leave the
   * answers and the backstop. Read at the edge: what is not a revision, or
   * claims one not reached yet, claims nothing beyond the state.
   */
  function acknowledge(acknowledgement: ProjectionAcknowledgement | undefined): void {
    const revision = acknowledgement?.projectedRevision;
    if (!takesAcknowledgements || typeof revision !== 'number' || !Number.isInteger(revision)) return;
    const upTo = Math.min(revision, state.revision);
    if (upTo <= projectedRevision) return;
    projectedRevision = upTo;
    while (unprojected.length > 0 && unprojected[0].revision <= upTo) unprojected.shift();
  }

  // Before this change: each record is projected after the one before it, and answered after its projection.
  let projectionTail: Promise<void> = Promise.resolve();
  let projectionsInFlight = 0;
  function projectAlone(changes: LifecycleChange[]): Promise<void> {
    const snapshot = state;
    projectionsInFlight += 1;
    const projected = projectionTail.then(async () => {
      await projectLifecycleChange({ state: snapshot, changes });
      projectedRevision = snapshot.revision;
    });
    projectionTail = projected.then(
      () => void (projectionsInFlight -= 1),
      () => void (projectionsInFlight -= 1),
    );
    return projected;
  }

  /**
   * Applies the facts and hands their changes to the projection. Resolves
   * once they are projected, which only runs recorded before this change and
   * the first change of an initiative wait for.
   */
  function record(facts: LifecycleFact[], answered = false): Promise<void> {
    if (facts.length === 0) return answersBeforeProjection ? Promise.resolve() : projectionTail;
    const at = instantAt(Date.now());
    const changes = facts.map((fact) => {
      const before = state;
      state = evolve(state, fact);
      return announce(before, fact, state, at);
    });
    keepVisibleCurrent();
    if (!answersBeforeProjection) {
      wake = true;
      return projectAlone(changes);
    }
    // The loop re-arms its timer only when the next rung moved, or a rung is due now (a milestone resumed
    // after its dates passed during a hold, or planned in the past): a change that leaves both alone costs no timer.
    const now = Date.now();
    if (nextEscalationDue(state, now) !== armedFor || rungsDue(now)) wake = true;
    unprojected.push(...changes);
    if (!answered) urgent = true;
    return Promise.resolve();
  }

  function projectedUpTo(revision: number): Promise<void> {
    return answersBeforeProjection ? condition(() => projectedRevision >= revision) : projectionTail;
  }

  const rungsDue = (now: number) => {
    const escalation = decide(state, { type: 'escalate' }, { now, newId: VALIDATING });
    return escalation.ok && escalation.facts.length > 0;
  };

  const context = (newId: DecisionContext['newId'] = uuid4): DecisionContext => ({ now: Date.now(), newId });

  /** An update's handler and validator, both deciding the same command with the domain's rules. */
  function handleCommand<Command>(
    update: UpdateDefinition<LifecycleOutcome, [Command, ProjectionAcknowledgement?]>,
    toCommand: (command: Command) => LifecycleCommand,
  ): void {
    const handler = async (command: Command, acknowledgement?: ProjectionAcknowledgement): Promise<LifecycleOutcome> => {
      const lifecycleCommand = toCommand(command);
      const decision = decide(state, lifecycleCommand, context());
      if (!decision.ok) refuse(decision.violation);
      acknowledge(acknowledgement);
      const projected = record(decision.facts, true);
      const gateRequestId = lifecycleCommand.type === 'decide-gate' ? lifecycleCommand.requestId : requestedGate(decision.facts);
      // Before this change, an update answered only once its change was projected.
      if (!answersBeforeProjection) {
        await projected;
        return gateRequestId ? { state, gateRequestId } : { state };
      }
      // While the projection is far behind (its database away), the answers stop carrying the backlog: it would only
      // grow each answer and the history; the backstop projects it once it can.
      const changes = inFlight.length + unprojected.length <= MAX_ANSWERED_CHANGES ? [...inFlight, ...unprojected] : [];
      return gateRequestId ? { state, gateRequestId, changes } : { state, changes };
    };
    // The acknowledgement changes nothing a validator decides: it is read by the handler alone.
    const validator = (command: Command, _acknowledgement?: ProjectionAcknowledgement): void => {
      const decision = decide(state, toCommand(command), context(VALIDATING));
      if (!decision.ok) refuse(decision.violation);
    };
    setHandler(update, handler, { validator });
  }

  /** A signal from another service: read at the edge, and ignored with a warning when it cannot apply. */
  function signalled(what: string, decision: ReturnType<typeof decide>, about: Record<string, unknown>): void {
    if (!decision.ok) return void log.warn(`${what} ignored`, { ...about, reason: decision.violation.message });
    void record(decision.facts);
  }

  // The first change is recorded before any handler exists, so that no
  // command is ever validated against an initiative not yet announced.
  if (answersBeforeProjection) void projectInBatches();
  const isNew = state.revision === 0;
  const created = isNew ? record([{ type: 'created', by: state.createdBy }]) : Promise.resolve();
  const creation = answersBeforeProjection && isNew ? created.then(() => projectedUpTo(1)) : created;
  if (answersBeforeProjection) keepVisibleCurrent();

  setHandler(LIFECYCLE.state, () => state);

  setHandler(LIFECYCLE.created, async () => {
    // A new initiative answers once it is in the initiatives service's tables, so that every read after finds it.
    await creation;
    return { state };
  });

  handleCommand(LIFECYCLE.requestGate, (args) => ({ type: 'request-gate', ...args }));
  handleCommand(LIFECYCLE.decideGate, (args) => ({ type: 'decide-gate', ...args }));
  handleCommand(LIFECYCLE.completeMilestone, (args) => ({ type: 'complete-milestone', ...args }));
  handleCommand(LIFECYCLE.replanMilestone, (args) => ({ type: 'replan-milestone', ...args }));
  handleCommand(LIFECYCLE.moveAside, (args) => ({ type: 'move-aside', ...args }));
  handleCommand(LIFECYCLE.updateForecast, (args) => ({ type: 'update-forecast', ...args }));
  handleCommand(LIFECYCLE.revisePlan, (args) => ({ type: 'revise-plan', ...args }));
  handleCommand(LIFECYCLE.requestClosure, (args) => ({ type: 'request-closure', ...args }));

  setHandler(LIFECYCLE.valueConfirmed, (payload) => {
    const reading = readValueConfirmation(payload);
    if (!reading.ok) return void log.warn(`value confirmation ignored: ${reading.reason}`);
    signalled('value confirmation', decide(state, { type: 'confirm-value', confirmation: reading.value }, context()), {
      confirmationId: reading.value.confirmationId,
    });
  });

  setHandler(LIFECYCLE.confirmationRejected, (payload) => {
    const reading = readConfirmationRejection(payload);
    if (!reading.ok) return void log.warn(`confirmation rejection ignored: ${reading.reason}`);
    signalled('confirmation rejection', decide(state, { type: 'reject-closure', rejection: reading.value }, context()), {
      confirmationId: reading.value.confirmationId,
    });
  });

  setHandler(LIFECYCLE.portfolioMove, (payload) => {
    const reading = readPortfolioMove(payload);
    if (!reading.ok) return void log.warn(`portfolio move ignored: ${reading.reason}`);
    signalled('portfolio move', decide(state, { type: 'portfolio-move', move: reading.value }, context()), { decisionId: reading.value.decisionId });
  });

  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit;

  await creation;
  while (isOpen(state) && !continueAsNewDue()) {
    const now = Date.now();
    const escalation = decide(state, { type: 'escalate' }, context());
    const facts = escalation.ok ? escalation.facts : [];
    if (answersBeforeProjection) void record(facts);
    // Runs recorded before this change waited here for every projection in flight, except on hold.
    else if (!state.hold) await record(facts);
    const next = nextEscalationDue(state, now);
    armedFor = next;
    wake = false;
    const woken = () => wake || !isOpen(state) || continueAsNewDue();
    if (next === null) await condition(woken);
    else await condition(woken, next - now);
  }
  // Nothing in flight may be lost: finish every handler and projection first, without waiting out the backstop.
  urgent = true;
  await condition(() => allHandlersFinished() && projectionsInFlight === 0 && unprojected.length === 0 && !projecting);
  if (isOpen(state)) {
    return continueAsNew<typeof initiativeLifecycle>({ state, historyLimit: input.historyLimit });
  }
  return state;
}

function requestedGate(facts: readonly LifecycleFact[]): string | undefined {
  const requested = facts.find((fact) => fact.type === 'gate-requested');
  return requested?.type === 'gate-requested' ? requested.request.id : undefined;
}
