import type { QueryRunner } from 'typeorm';

/** Creates the feed-source registry in a service's schema (a migration of each service that applies feeds). */
export async function createFeedTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "${schema}"."feed_source" ("name" character varying(100) NOT NULL, "event_types" jsonb NOT NULL, "org_node_ids" jsonb NOT NULL, "registered_by" character varying(200) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "feed_source_pkey" PRIMARY KEY ("name"))`,
  );
  await queryRunner.query(
    `CREATE TABLE "${schema}"."feed_source_key" ("source_name" character varying(100) NOT NULL, "key_id" character varying(64) NOT NULL, "secret" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "feed_source_key_pkey" PRIMARY KEY ("source_name", "key_id"))`,
  );
}

export async function dropFeedTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."feed_source_key"`);
  await queryRunner.query(`DROP TABLE "${schema}"."feed_source"`);
}
