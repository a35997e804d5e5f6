import { DynamicModule, Module } from '@nestjs/common';
import type { FeedSettings } from '@tollgate/config';
import { FeedIntake } from './feed-intake';
import { FeedMetrics } from './feed-metrics';
import { FeedSourceController } from './feed-source.controller';
import { FEED_SETTINGS, FeedSourceRegistry } from './feed-source-registry.service';

/** The inbound feeds of a service: its registry of outside sources, the admin routes, the intake and its metrics. */
@Module({})
export class FeedModule {
  static forRoot(settings: FeedSettings['feeds']): DynamicModule {
    return {
      module: FeedModule,
      global: true,
      controllers: [FeedSourceController],
      providers: [{ provide: FEED_SETTINGS, useValue: settings }, FeedSourceRegistry, FeedMetrics, FeedIntake],
      exports: [FeedSourceRegistry, FeedIntake],
    };
  }
}
