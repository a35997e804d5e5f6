export * from './notice';
export * from './notices-of-event';
export * from './occasion';
export * from './digest';
export * from './chat-message';
export * from './calendar';
