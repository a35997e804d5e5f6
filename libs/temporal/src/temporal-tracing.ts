import {
  makeWorkflowExporter,
  type OpenTelemetryWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { startTracing, type Tracing } from '@tollgate/observability';

/** A service's Temporal client calls (start, update, signal, query) as spans that pass their context to the workflow in headers. */
export function clientTracingInterceptors(): WorkflowClientInterceptor[] {
  return [new OpenTelemetryWorkflowClientInterceptor()];
}

/** Each activity runs in a span, child of the workflow's that scheduled it, so what it writes belongs to the same trace. */
export function activityTracingInterceptors(): ActivityInterceptorsFactory[] {
  return [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })];
}

type WorkflowTracingSinks = { exporter: OpenTelemetryWorkflowExporter };

/**
 * The sink through which the sandboxed workflow code hands its finished spans
 * to the worker's span processors. Every worker that runs the bundle needs it:
 * the bundle's interceptors call it, and a worker without it logs an error for each span.
 */
export function workflowTracingSinks(tracing: Tracing = startTracing('worker')): InjectedSinks<WorkflowTracingSinks> {
  return { exporter: makeWorkflowExporter(tracing.processors, tracing.resource) };
}
