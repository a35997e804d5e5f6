import { withoutPathSecrets } from './path-secrets';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { contextFromHeaders, TRACER_NAME } from './tracing';

interface TracedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  route?: { path?: string };
}

interface TracedResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * Express middleware: each request runs in a server span, child of the
 * caller's `traceparent` when it sends one, so that the Temporal call, the
 * workflow, its activities and the events it causes all belong to the
 * request's trace. Only the API's routes: probes, scrapes and the cockpit's
 * files would bury the rest.
 */
export function requestTracing(service: string) {
  const tracer = trace.getTracer(TRACER_NAME);
  return (request: TracedRequest, response: TracedResponse, next: () => void): void => {
    if (!request.path.startsWith('/api/')) return next();
    const parent = contextFromHeaders(request.headers);
    const span = tracer.startSpan(
      `${request.method} ${withoutPathSecrets(request.path)}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': withoutPathSecrets(request.path), 'tollgate.service': service } },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      // Named by its route once routing has found it: one name per operation, not per id.
      if (request.route?.path) {
        span.updateName(`${request.method} ${request.route.path}`);
        span.setAttribute('http.route', request.route.path);
      }
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    response.once('finish', end);
    response.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
