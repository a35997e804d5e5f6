export * from './lifecycle-command';
export * from './lifecycle-decide';
export * from './lifecycle-evolve';
export * from './lifecycle-fact';
export * from './lifecycle-values';
