// The entry point of the workflow bundle: every workflow type the worker runs.
export { stackProbe } from './stack-probe/stack-probe.workflow';
export { initiativeLifecycle } from './initiative-lifecycle/initiative-lifecycle.workflow';
export { confirmationDelivery } from './confirmation-delivery/confirmation-delivery.workflow';
export { sopCycle } from './sop-cycle/sop-cycle.workflow';
export { monthlySopCycle } from './sop-cycle/monthly-sop-cycle.workflow';
export { initiativeImport } from './initiative-import/initiative-import.workflow';
