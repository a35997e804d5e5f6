import type { QueryRunner } from 'typeorm';

// The tables every service has, in its own schema: the outbox, the inbox of
// applied events, and the stack probe with the receipts of other services' probes.
function platformTables(schema: string): string[] {
  const table = (name: string) => `"${schema}"."${name}"`;
  return [
    `CREATE TABLE ${table('outbox_message')} (
      "id" uuid NOT NULL,
      "sequence" BIGSERIAL NOT NULL,
      "topic" character varying(249) NOT NULL,
      "message_key" character varying(200) NOT NULL,
      "type" character varying(200) NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "published_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "outbox_message_sequence_key" UNIQUE ("sequence"),
      CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id"))`,
    `CREATE INDEX "outbox_message_unpublished" ON ${table('outbox_message')} ("sequence") WHERE published_at IS NULL`,
    `CREATE TABLE ${table('applied_event')} (
      "consumer_group" character varying(200) NOT NULL,
      "event_id" character varying(200) NOT NULL,
      "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "applied_event_pkey" PRIMARY KEY ("consumer_group", "event_id"))`,
    `CREATE TABLE ${table('stack_probe')} (
      "probe_id" character varying(100) NOT NULL,
      "event_id" uuid NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "stack_probe_pkey" PRIMARY KEY ("probe_id"))`,
    `CREATE TABLE ${table('stack_probe_receipt')} (
      "id" BIGSERIAL NOT NULL,
      "probe_id" character varying(100) NOT NULL,
      "event_id" uuid NOT NULL,
      "source_service" character varying(50) NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "stack_probe_receipt_pkey" PRIMARY KEY ("id"))`,
    `CREATE INDEX "stack_probe_receipt_probe" ON ${table('stack_probe_receipt')} ("probe_id")`,
  ];
}

/** Creates the outbox, inbox and stack-probe tables in a service's schema. */
export async function createPlatformTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  for (const statement of platformTables(schema)) {
    await queryRunner.query(statement);
  }
}

export async function dropPlatformTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  for (const name of ['stack_probe_receipt', 'stack_probe', 'applied_event', 'outbox_message']) {
    await queryRunner.query(`DROP TABLE "${schema}"."${name}"`);
  }
}

/** The outbox keeps the trace context of the change that wrote each event, for the relay to send on. */
export async function addOutboxTraceContext(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${schema}"."outbox_message" ADD COLUMN "trace_context" jsonb`);
}

export async function dropOutboxTraceContext(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${schema}"."outbox_message" DROP COLUMN "trace_context"`);
}
