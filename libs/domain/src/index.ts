export * from './money';
export * from './period';
export * from './role';
export * from './stage';
export * from './initiative';
export * from './finance';
export * from './org/org-node';
export * from './portfolio/portfolio-summary';
