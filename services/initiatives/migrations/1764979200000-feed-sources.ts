import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outside systems registered to send on this service's feeds, and their keys. */
export class FeedSources1764979200000 implements MigrationInterface {
  name = 'FeedSources1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "initiatives"."feed_source" ("name" character varying(100) NOT NULL, "event_types" jsonb NOT NULL, "org_node_ids" jsonb NOT NULL, "registered_by" character varying(200) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "feed_source_pkey" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "initiatives"."feed_source_key" ("source_name" character varying(100) NOT NULL, "key_id" character varying(64) NOT NULL, "secret" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "feed_source_key_pkey" PRIMARY KEY ("source_name", "key_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "initiatives"."feed_source_key"`);
    await queryRunner.query(`DROP TABLE "initiatives"."feed_source"`);
  }
}
