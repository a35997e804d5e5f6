export * from './asyncapi-document';
export type { JsonSchema } from './event-message.schema';
export * from './topic-catalogue';
