import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RedundancyGroups1797300000000 implements MigrationInterface {
  name = 'RedundancyGroups1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "redundancy_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "minimum_available" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_redundancy_group" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_redundancy_group_name" ON "redundancy_group" (lower("name"))`);
    await queryRunner.query(`CREATE TYPE "public"."member_priority" AS ENUM('PRIMARY', 'SECONDARY', 'TERTIARY', 'INACTIVE')`);
    await queryRunner.query(
      `CREATE TABLE "redundancy_group_member" ("group_id" uuid NOT NULL, "target_type" text NOT NULL, "target_id" uuid NOT NULL, "priority" "public"."member_priority" NOT NULL DEFAULT 'PRIMARY', CONSTRAINT "PK_redundancy_group_member" PRIMARY KEY ("group_id", "target_type", "target_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_redundancy_group_member_target" ON "redundancy_group_member" ("target_type", "target_id")`);
    await queryRunner.query(
      `ALTER TABLE "redundancy_group_member" ADD CONSTRAINT "FK_redundancy_group_member_group" FOREIGN KEY ("group_id") REFERENCES "redundancy_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "redundancy_group_member"`);
    await queryRunner.query(`DROP TYPE "public"."member_priority"`);
    await queryRunner.query(`DROP TABLE "redundancy_group"`);
  }
}
