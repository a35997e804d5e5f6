import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The chat channels (incoming webhooks) of organizations and units, and the message a chat notification posts. */
export class ChatWebhooks1765843200000 implements MigrationInterface {
  name = 'ChatWebhooks1765843200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."chat_webhook" ("id" uuid NOT NULL, "org_node_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "format" character varying(10) NOT NULL, "url" character varying(2000) NOT NULL, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chat_webhook_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "chat_webhook_node_idx" ON "plans"."chat_webhook" ("org_node_id")`);
    await queryRunner.query(`ALTER TABLE "plans"."notification" ADD "payload" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."notification" DROP COLUMN "payload"`);
    await queryRunner.query(`DROP TABLE "plans"."chat_webhook"`);
  }
}
