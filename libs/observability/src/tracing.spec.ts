import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerOptions } from './logger-options';
import { activeTraceHeaders, contextFromHeaders, inSpan, startTracing, tracingProblems } from './tracing';

const exporter = new InMemorySpanExporter();
startTracing('unit', {}).processors.add(new SimpleSpanProcessor(exporter));

/** A logger made as the services make theirs, writing its lines here. */
function serviceLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const options = loggerOptions('plans', 'info').pinoHttp as { mixin: () => object };
  return { logger: pino({ mixin: options.mixin }, sink), lines };
}

describe('tracing', () => {
  it('names the trace and span in every log line written inside a span, and none outside', async () => {
    const { logger, lines } = serviceLogger();
    logger.info('before any request');
    const span = await inSpan('apply', { parent: ROOT_CONTEXT, kind: SpanKind.CONSUMER, attributes: {} }, async (current) => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info('inside, after an await');
      return current.spanContext();
    });
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[1]).toMatchObject({ msg: 'inside, after an await', trace_id: span.traceId, span_id: span.spanId });
  });

  it('carries a trace through headers, as an outbox row and a Kafka message do', async () => {
    const written = await inSpan('write', { parent: ROOT_CONTEXT, kind: SpanKind.SERVER, attributes: {} }, async (span) => ({ headers: activeTraceHeaders(), span: span.spanContext() }));
    expect(written.headers.traceparent).toBe(`00-${written.span.traceId}-${written.span.spanId}-01`);
    const received = contextFromHeaders({ traceparent: written.headers.traceparent, 'content-type': 'application/json' });
    const consumed = await inSpan('consume', { parent: received, kind: SpanKind.CONSUMER, attributes: {} }, async (span) => span.spanContext());
    expect(consumed.traceId).toBe(written.span.traceId);
    const finished = exporter.getFinishedSpans().find((span) => span.name === 'consume')!;
    expect(finished.parentSpanId).toBe(written.span.spanId);
    expect(activeTraceHeaders()).toEqual({});
  });

  it('records a failure on the span and passes it on', async () => {
    await expect(inSpan('refused', { parent: ROOT_CONTEXT, kind: SpanKind.INTERNAL, attributes: {} }, async () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    const span = exporter.getFinishedSpans().find((one) => one.name === 'refused')!;
    expect(span.status).toMatchObject({ code: 2, message: 'database away' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('links a batch span to the trace of each message in it', async () => {
    const first = await inSpan('one', { parent: ROOT_CONTEXT, kind: SpanKind.PRODUCER, attributes: {} }, async () => activeTraceHeaders());
    await inSpan('batch', { parent: ROOT_CONTEXT, kind: SpanKind.CONSUMER, attributes: {}, links: [contextFromHeaders(first), contextFromHeaders({})] }, async () => undefined);
    const batch = exporter.getFinishedSpans().find((span) => span.name === 'batch')!;
    expect(batch.links.map((link) => link.context.traceId)).toEqual([first.traceparent.split('-')[1]]);
    expect(trace.getActiveSpan()).toBeUndefined();
  });

  it('refuses an OTLP endpoint that is not a URL, naming the variable', () => {
    expect(tracingProblems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT: expected an http(s) URL such as http://collector:4318']);
    expect(tracingProblems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'tollgate-plans' })).toEqual([]);
    expect(tracingProblems({ OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=s3cret,team=ops' })).toEqual([]);
    expect(tracingProblems({ OTEL_EXPORTER_OTLP_HEADERS: 's3cret' })).toEqual(['OTEL_EXPORTER_OTLP_HEADERS: expected key=value pairs separated by commas']);
    // Passed through empty by a deployment: unset.
    expect(tracingProblems({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toEqual([]);
  });
});
