export * from './event-envelope';
export * from './event-map';
export * from './stack-probe';
export * from './temporal';
export * from './topics';
