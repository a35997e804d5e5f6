import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each outbox row keeps the trace context of the change that wrote it. */
export class OutboxTraceContext1765065600000 implements MigrationInterface {
  name = 'OutboxTraceContext1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."outbox_message" ADD COLUMN "trace_context" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."outbox_message" DROP COLUMN "trace_context"`);
  }
}
