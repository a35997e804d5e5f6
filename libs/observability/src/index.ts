export * from './dependency-check';
export * from './health.controller';
export * from './logger-options';
export * from './metrics';
export * from './tracing';
export * from './request-tracing';
export * from './tracing-shutdown';
