export * from './http-exception.filter';
export * from './platform.module';
export * from './postgres-options';
export * from './run-service';
export * from './service-config.token';
export * from './stack-probe';
export * from './migrate-schema';
export * from './platform-schema';
