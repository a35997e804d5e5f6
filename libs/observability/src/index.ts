export * from './dependency-check';
export * from './health.controller';
export * from './logger-options';
export * from './metrics';
