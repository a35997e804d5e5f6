import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span, type TextMapGetter } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';

/** The name spans of Tollgate's own code are made under. */
export const TRACER_NAME = 'tollgate';

/**
 * The span processors of the process, which may grow after start: a test
 * adds its in-memory exporter here.
 */
export class SpanProcessors implements SpanProcessor {
  private readonly processors: SpanProcessor[] = [];

  add(processor: SpanProcessor): void {
    this.processors.push(processor);
  }

  onStart(span: Parameters<SpanProcessor['onStart']>[0], parentContext: Context): void {
    for (const processor of this.processors) processor.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    for (const processor of this.processors) processor.onEnd(span);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.shutdown()));
  }
}

/** The process's tracing: where its spans go. */
export interface Tracing {
  processors: SpanProcessors;
  /** Sends what is buffered; called before the process ends. */
  flush(): Promise<void>;
}

// The standard OpenTelemetry variables, checked like every other setting: a
// mistyped endpoint would otherwise drop every span without a word.
// OTLP over HTTP: only http(s) URLs (a bare host:port parses as a URL of scheme "host").
// Empty counts as unset: deployments pass the variables through whether or not they have a value.
const unlessEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const httpUrl = (example: string) => unlessEmpty(z.string().trim().regex(/^https?:\/\/[^\s/]+/, `expected an http(s) URL such as ${example}`));
const tracingEnvironment = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl('http://collector:4318'),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl('http://collector:4318/v1/traces'),
  // Often a collector's API key: checked for its shape, never printed.
  OTEL_EXPORTER_OTLP_HEADERS: unlessEmpty(z.string().regex(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, 'expected key=value pairs separated by commas')),
  OTEL_SERVICE_NAME: unlessEmpty(z.string().trim().min(1)),
});

/** What is wrong with the tracing settings, one line each; empty when they are usable. */
export function tracingProblems(env: Record<string, string | undefined>): string[] {
  const parsed = tracingEnvironment.safeParse(env);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

let current: Tracing | undefined;

/**
 * Starts tracing for the process once (later calls answer the same): a tracer
 * provider with W3C trace context propagation and async context, so that
 * every log line and every event written knows the trace it belongs to.
 * Spans are exported over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `..._TRACES_ENDPOINT`) is set; otherwise they are made but go nowhere.
 */
export function startTracing(serviceName: string, env: Record<string, string | undefined> = process.env): Tracing {
  if (current) return current;
  const problems = tracingProblems(env);
  if (problems.length > 0) throw new Error(`tracing settings refused:\n  ${problems.join('\n  ')}`);
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME || `tollgate-${serviceName}`, 'service.namespace': 'tollgate' });
  const processors = new SpanProcessors();
  // The exporter reads the endpoint, headers and timeout from the standard variables itself.
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) processors.add(new BatchSpanProcessor(new OTLPTraceExporter()));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processors] });
  provider.register({ contextManager: new AsyncLocalStorageContextManager(), propagator: new W3CTraceContextPropagator() });
  current = { processors, flush: () => provider.forceFlush() };
  return current;
}

/** Sends the spans still buffered, when tracing runs; called as the process stops. */
export async function flushTracing(): Promise<void> {
  await current?.flush();
}

/** The trace and span of the active context, for a log line; empty outside any. */
export function activeTraceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return trace.isSpanContextValid(span.spanContext()) ? { trace_id: traceId, span_id: spanId } : {};
}

/** The W3C `traceparent` (and `tracestate`) of the active context, to carry it where async context cannot go: an outbox row. */
export function activeTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

// A request's headers: one value, or several of the same name (the first counts).
const headerGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    return Array.isArray(value) ? value[0] : value;
  },
};

/** The context that trace headers (`traceparent`, `tracestate`) name; the active one when they name none. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers, headerGetter);
}

/**
 * Runs `work` in a new span, child of `parent`, ending it when `work` settles
 * and recording a failure on it.
 */
export async function inSpan<T>(
  name: string,
  { parent, kind, attributes, links = [] }: { parent: Context; kind: SpanKind; attributes: Record<string, string | number>; links?: Context[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const linked = links.map((linkedContext) => trace.getSpanContext(linkedContext)).filter((spanContext) => spanContext !== undefined && trace.isSpanContextValid(spanContext));
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { kind, attributes, links: linked.map((spanContext) => ({ context: spanContext! })) }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

