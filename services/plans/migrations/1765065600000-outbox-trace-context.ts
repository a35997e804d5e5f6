import { addOutboxTraceContext, dropOutboxTraceContext } from '@tollgate/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each outbox row keeps the trace context of the change that wrote it. */
export class OutboxTraceContext1765065600000 implements MigrationInterface {
  name = 'OutboxTraceContext1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addOutboxTraceContext(queryRunner, 'plans');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTraceContext(queryRunner, 'plans');
  }
}
