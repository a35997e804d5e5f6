import { createFeedTables, dropFeedTables } from '@tollgate/feeds';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outside systems registered to send on this service's feeds, and their keys. */
export class FeedSources1764979200000 implements MigrationInterface {
  name = 'FeedSources1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createFeedTables(queryRunner, 'initiatives');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropFeedTables(queryRunner, 'initiatives');
  }
}
