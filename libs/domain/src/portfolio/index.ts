export * from './implemented-at';
export * from './period-range';
export * from './period-values';
export * from './portfolio-realization';
export * from './portfolio-summary';
