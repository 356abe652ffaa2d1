import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795583065638 implements MigrationInterface {
  name = 'Foundation1795583065638';

  async up(queryRunner: QueryRunner): Promise<void> {
    // GiST indexes and EXCLUDE constraints over (uuid, tstzrange) need btree_gist.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE TYPE "public"."api_token_role" AS ENUM('VIEWER', 'EDITOR', 'ADMIN')`);
    await queryRunner.query(`CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "role" "public"."api_token_role" NOT NULL, "secret_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_token_secret_hash" ON "api_token"  ("secret_hash") `);
    await queryRunner.query(`CREATE TABLE "change_log_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "object_type" text NOT NULL, "object_id" uuid NOT NULL, "action" text NOT NULL, "actor_token_id" uuid, "actor_name" text NOT NULL, "changes" jsonb NOT NULL, "status" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_change_log_entry_action" CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'TRANSITION')), CONSTRAINT "PK_a3911a827d48ffcf1fbd658fd12" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_change_log_entry_at" ON "change_log_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IX_change_log_entry_object" ON "change_log_entry"  ("object_type", "object_id", "at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_change_log_entry_object"`);
    await queryRunner.query(`DROP INDEX "public"."IX_change_log_entry_at"`);
    await queryRunner.query(`DROP TABLE "change_log_entry"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_api_token_secret_hash"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP TYPE "public"."api_token_role"`);
  }
}
