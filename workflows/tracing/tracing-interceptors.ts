/**
 * Workflow interceptors (not a workflow): Temporal's OpenTelemetry
 * interceptors, for the runs that started with them.
 *
 * The interceptors change when a handler's promise settles (they wrap it in a
 * span), and so the order of a workflow task's commands. A lifecycle that
 * began before tracing would fail its replay with them, so whether a run is
 * traced is decided once, as it starts, with a patch marker: a run recorded
 * without it replays untraced for the rest of its life; a new run records it
 * first and is traced in every replay.
 */
import { interceptors as openTelemetryInterceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors';
import {
  patched,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowInternalsInterceptor,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

export const TRACING_PATCH = 'tollgate-tracing';

// Only what carries the trace from the client to the activities: a run with every method traced
// (timers, queries, validators, disposal too) failed to replay its own recorded history, where these four
// replay it (the replay test holds histories of both kinds of run).
const TRACED = new Set<string | symbol>(['execute', 'handleUpdate', 'handleSignal', 'scheduleActivity']);

type Interceptor = WorkflowInboundCallsInterceptor | WorkflowOutboundCallsInterceptor | WorkflowInternalsInterceptor;

/**
 * An interceptor that hands each call of TRACED to `traced` while the run is
 * traced, and every other call straight to the next one. `tracing()` is
 * undefined until the run's start has decided it; until then calls pass untraced.
 */
function whenTraced<T extends Interceptor>(traced: T, tracing: () => boolean | undefined): T {
  return new Proxy(traced, {
    get(target, property, receiver) {
      const method = Reflect.get(target, property, receiver);
      if (typeof method !== 'function') return method;
      if (!TRACED.has(property)) return (input: unknown, next: (input: unknown) => unknown) => next(input);
      return (input: unknown, next: (input: unknown) => unknown) => (tracing() ? method.call(target, input, next) : next(input));
    },
  });
}

export const interceptors = (): WorkflowInterceptors => {
  const traced = openTelemetryInterceptors();
  let tracing: boolean | undefined;
  const decided = () => tracing;
  // The run's start: the first call of every run, live or replayed, and one that may record a marker.
  const start: WorkflowInboundCallsInterceptor = {
    execute: (input, next) => {
      tracing ??= patched(TRACING_PATCH);
      return next(input);
    },
  };
  return {
    // Outermost first: the decision is made before the traced interceptor is asked.
    inbound: [start, ...(traced.inbound ?? []).map((one) => whenTraced(one, decided))],
    outbound: (traced.outbound ?? []).map((one) => whenTraced(one, decided)),
    internals: (traced.internals ?? []).map((one) => whenTraced(one, decided)),
  };
};
