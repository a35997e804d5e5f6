// The entry point of the workflow bundle: every workflow type the worker runs.
export { stackProbe } from './stack-probe/stack-probe.workflow';
export { initiativeLifecycle } from './initiative-lifecycle/initiative-lifecycle.workflow';
// Legacy: finance no longer starts it. Remove it, and the finance queue's signalLifecycle activity, once
// `temporal workflow count --query 'WorkflowType="confirmationDelivery" AND ExecutionStatus="Running"'` answers 0 on every cluster.
export { confirmationDelivery } from './confirmation-delivery/confirmation-delivery.workflow';
export { sopCycle } from './sop-cycle/sop-cycle.workflow';
export { sopAction } from './sop-action/sop-action.workflow';
export { decisionCheck } from './decision-check/decision-check.workflow';
export { monthlySopCycle } from './sop-cycle/monthly-sop-cycle.workflow';
export { initiativeImport } from './initiative-import/initiative-import.workflow';
