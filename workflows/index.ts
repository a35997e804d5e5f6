// The entry point of the workflow bundle: every workflow type the worker runs.
export { stackProbe } from './stack-probe/stack-probe.workflow';
