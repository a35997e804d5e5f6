export * from './activity-worker.host';
export * from './temporal-client.module';
export * from './temporal-settings';
export * from './activity-worker.module';
export * from './update-failure';
export * from './workflow-gateway';
export * from './temporal-tracing';
