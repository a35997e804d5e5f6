export * from './feed-source';
