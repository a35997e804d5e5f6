import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables every service has, in its own schema: the outbox, the inbox of applied events, and the stack
 * probe with the receipts of other services' probes.
 */
export class InitialSchema1764028800000 implements MigrationInterface {
  name = 'InitialSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "plans"."outbox_message" (
      "id" uuid NOT NULL,
      "sequence" BIGSERIAL NOT NULL,
      "topic" character varying(249) NOT NULL,
      "message_key" character varying(200) NOT NULL,
      "type" character varying(200) NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "published_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "outbox_message_sequence_key" UNIQUE ("sequence"),
      CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_message_unpublished" ON "plans"."outbox_message" ("sequence") WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "plans"."applied_event" (
      "consumer_group" character varying(200) NOT NULL,
      "event_id" character varying(200) NOT NULL,
      "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "applied_event_pkey" PRIMARY KEY ("consumer_group", "event_id"))`);
    await queryRunner.query(`CREATE TABLE "plans"."stack_probe" (
      "probe_id" character varying(100) NOT NULL,
      "event_id" uuid NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "stack_probe_pkey" PRIMARY KEY ("probe_id"))`);
    await queryRunner.query(`CREATE TABLE "plans"."stack_probe_receipt" (
      "id" BIGSERIAL NOT NULL,
      "probe_id" character varying(100) NOT NULL,
      "event_id" uuid NOT NULL,
      "source_service" character varying(50) NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "stack_probe_receipt_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "stack_probe_receipt_probe" ON "plans"."stack_probe_receipt" ("probe_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."stack_probe_receipt"`);
    await queryRunner.query(`DROP TABLE "plans"."stack_probe"`);
    await queryRunner.query(`DROP TABLE "plans"."applied_event"`);
    await queryRunner.query(`DROP TABLE "plans"."outbox_message"`);
  }
}
