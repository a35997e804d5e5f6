export * from './notice';
export * from './notices-of-event';
