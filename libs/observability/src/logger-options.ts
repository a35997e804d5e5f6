import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { withoutPathSecrets } from './path-secrets';
import { activeTraceFields } from './tracing';

/** Structured JSON logs, one line per event; secrets never reach the log. */
export function loggerOptions(service: string, level: string): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      name: service,
      level,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-tollgate-signature"]'],
      serializers: {
        // A path may carry a secret (a calendar's token): the line keeps the path without it, and no parameters.
        req: (request: { url?: string; params?: unknown }) => (request.url && withoutPathSecrets(request.url) !== request.url ? { ...request, url: withoutPathSecrets(request.url), params: undefined } : request),
      },
      autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
      customProps: () => ({ service }),
      // Every line names the trace and span it was written in, to find a request's whole story.
      mixin: () => activeTraceFields(),
    },
  };
}
