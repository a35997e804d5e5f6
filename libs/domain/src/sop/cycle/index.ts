export * from './sop-cycle-command';
export * from './sop-cycle-decide';
export * from './sop-cycle-evolve';
export * from './sop-cycle-fact';
export * from './sop-cycle-rights';
export * from './sop-cycle-state';
export * from './sop-cycle-work';
export * from './sop-cycle-papers';
