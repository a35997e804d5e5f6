import { DynamicModule, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ServiceConfig } from '@tollgate/config';
import { asyncApiDocument } from '@tollgate/contracts';
import { requestTracing, startTracing } from '@tollgate/observability';
import { Logger } from 'nestjs-pino';
import { documentEdgeAnswers, ErrorAnswerBody } from './error-answers';
import { ExactNumberPipe } from './exact-number.pipe';
import { HttpExceptionFilter } from './http-exception.filter';
import { useJsonBody } from './json-body';
import { StorableTextPipe } from './storable-text.pipe';
import { closeValidatedSchemas, documentValidationRules } from './validation-schema';

export interface ServiceDescription {
  title: string;
  description: string;
}

/** What a service's shared setup reads of its configuration. */
export type SharedServiceConfig = Pick<ServiceConfig, 'http' | 'service'> & { kafka: Pick<ServiceConfig['kafka'], 'brokers' | 'topicPrefix'> };

/** Serves the service's AsyncAPI document at `GET /api/asyncapi.json`, open like the OpenAPI JSON, for this stack's brokers and topic names. */
function serveAsyncApi(app: INestApplication, config: SharedServiceConfig): void {
  const document = asyncApiDocument(config.service, { serverHost: config.kafka.brokers, topicPrefix: config.kafka.topicPrefix });
  const http = app.getHttpAdapter();
  http.get('/api/asyncapi.json', (_request: unknown, response: unknown) => http.reply(response, document, 200));
}

/** Applies what every service shares: prefix, CORS for the cockpit, body limits, validation, errors, OpenAPI and AsyncAPI, shutdown hooks. */
export function configureService(app: INestApplication, description: ServiceDescription, config: SharedServiceConfig): void {
  // First, so that everything after it (logs, validation, the handler) runs inside the request's span.
  app.use(requestTracing(config.service));
  app.setGlobalPrefix('api', { exclude: ['health', 'health/live', 'metrics'] });
  // The cockpit's page calls the services with a bearer token, never with cookies.
  app.enableCors({ origin: config.http.corsOrigins, credentials: false, allowedHeaders: ['authorization', 'content-type', 'idempotency-key'], maxAge: 600 });
  useJsonBody(app);
  limitRequestTimes(app);
  // What cannot be held (text PostgreSQL refuses, numbers a double rounds) is refused first,
  // so no validator, service or workflow ever sees it.
  app.useGlobalPipes(new StorableTextPipe(), new ExactNumberPipe(), new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new HttpExceptionFilter());
  documentValidationRules();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(description.title).setDescription(description.description).setVersion('1').addBearerAuth().build(),
    { extraModels: [ErrorAnswerBody] },
  );
  documentEdgeAnswers(document);
  closeValidatedSchemas(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveAsyncApi(app, config);
  app.enableShutdownHooks();
}

/**
 * How long a client may take to send its request line and headers, and its whole request: a client
 * that trickles them holds a socket (Node's own defaults are a minute and five minutes). Uploads are
 * also cut off when their body stalls (spreadsheet-body.ts).
 */
export const REQUEST_LIMITS = { headersMs: 10_000, requestMs: 60_000 } as const;

function limitRequestTimes(app: INestApplication): void {
  const server = app.getHttpServer() as { headersTimeout: number; requestTimeout: number };
  server.headersTimeout = REQUEST_LIMITS.headersMs;
  server.requestTimeout = REQUEST_LIMITS.requestMs;
}

/** Starts a service process: structured logs, then listen on the configured port. */
export async function runService(
  appModule: DynamicModule,
  config: ServiceConfig,
  description: ServiceDescription,
): Promise<INestApplication> {
  startTracing(config.service);
  const app = await NestFactory.create(appModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureService(app, description, config);
  await app.listen(config.http.port, config.http.host);
  app.get(Logger).log(`${config.service} listening on http://${config.http.host}:${config.http.port}`);
  return app;
}
