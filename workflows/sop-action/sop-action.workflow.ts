import { allHandlersFinished, ApplicationFailure, condition, proxyActivities, setCurrentDetails, setHandler } from '@temporalio/workflow';
import { SOP_ACTION, SOP_ACTION_REFUSAL, TASK_QUEUES, type SopActionActivities, type SopActionChange, type SopActionInput } from '@tollgate/contracts';
import { decideSopAction, evolveSopAction, nextActionDeadline, type RuleViolation, type SopActionCommand, type SopActionFact, type SopActionState } from '@tollgate/domain';

const { projectSopAction } = proxyActivities<SopActionActivities>({
  taskQueue: TASK_QUEUES.plans,
  startToCloseTimeout: '1 minute',
  // The plans service may be down for a while: the action's row waits, it is never skipped.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function refuse(violation: RuleViolation): never {
  throw ApplicationFailure.create({ type: SOP_ACTION_REFUSAL, message: violation.message, details: [violation], nonRetryable: true });
}

/**
 * One action a decision asked for, followed after the meeting until it is
 * done or dropped: its owner is reminded before the due date, the chair is
 * told once it is overdue. What may change is the domain's
 * `decideSopAction`/`evolveSopAction`; this workflow wires them to updates
 * and the two timers, and carries each change to the plans service.
 */
export async function sopAction(input: SopActionInput): Promise<SopActionState> {
  let state = input.state;
  let projectionTail: Promise<void> = Promise.resolve();

  function project(changes: SopActionChange[]): Promise<void> {
    const snapshot = state;
    setCurrentDetails(actionDetails(snapshot));
    projectionTail = projectionTail.then(() => projectSopAction({ state: snapshot, changes }));
    return projectionTail;
  }

  function apply(command: SopActionCommand): SopActionFact[] {
    const ruling = decideSopAction(state, command, Date.now());
    if (!ruling.ok) refuse(ruling.violation);
    state = ruling.facts.reduce(evolveSopAction, state);
    return ruling.facts;
  }

  /** An update's validator: the same decision its handler takes, so a command accepted is a command applied. */
  const check = (command: SopActionCommand): void => {
    const ruling = decideSopAction(state, command, Date.now());
    if (!ruling.ok) refuse(ruling.violation);
  };

  setHandler(SOP_ACTION.state, () => state);
  setHandler(
    SOP_ACTION.complete,
    async ({ actor, evidence }) => {
      apply({ type: 'complete', actor, evidence });
      await project([{ type: 'done' }]);
      return state;
    },
    { validator: ({ actor, evidence }) => check({ type: 'complete', actor, evidence }) },
  );
  setHandler(
    SOP_ACTION.drop,
    async ({ actor, reason }) => {
      apply({ type: 'drop', actor, reason });
      await project([{ type: 'dropped' }]);
      return state;
    },
    { validator: ({ actor, reason }) => check({ type: 'drop', actor, reason }) },
  );

  await project([{ type: 'opened' }]);
  while (state.status === 'open') {
    const version = state.version;
    const deadline = nextActionDeadline(state);
    const changed = deadline === null ? await condition(() => state.version !== version) : await condition(() => state.version !== version, Math.max(deadline - Date.now(), 1));
    if (!changed) {
      const facts = apply({ type: 'pass-deadlines' });
      if (facts.length) await project(facts.map((fact) => ({ type: fact.type }) as SopActionChange));
    }
  }
  await condition(allHandlersFinished);
  await projectionTail;
  return state;
}

/** What an operator reads of the action in the Temporal UI. */
function actionDetails(state: SopActionState): string {
  const late = state.overdueAt ? ` · overdue, escalated to ${state.escalatedTo}` : '';
  return [`**Action** ${state.title}`, `owner ${state.ownerId} · due ${state.dueDate} · ${state.status}${late} · node ${state.orgNodeId}, S&OP ${state.period}`].join('\n\n');
}
