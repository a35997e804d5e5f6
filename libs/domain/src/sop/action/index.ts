export * from './sop-action-decide';
export * from './sop-action-state';
