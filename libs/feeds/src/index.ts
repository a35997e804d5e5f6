export * from './feed.module';
export * from './feed-intake';
export * from './feed-metrics';
export * from './feed-source-registry.service';
export * from './feed-source.entity';
export * from './feed-source-key.entity';
export * from './feed-source.error';
