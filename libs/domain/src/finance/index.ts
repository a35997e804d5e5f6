export * from './ledger';
export * from './realization';
