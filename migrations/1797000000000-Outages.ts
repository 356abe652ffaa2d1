import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider outages. Their impacts share the maintenance impact table (the
 * same targets and levels, and `updateImpact`/`removeImpact` by id): each
 * row belongs to exactly one maintenance or one outage.
 */
export class Outages1797000000000 implements MigrationInterface {
  name = 'Outages1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."outage_status" AS ENUM('REPORTED', 'INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')`);
    await queryRunner.query(`CREATE TABLE "outage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "summary" character varying(200) NOT NULL, "provider_id" uuid NOT NULL, "status" "public"."outage_status" NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "estimated_time_to_repair" TIMESTAMP WITH TIME ZONE, "ends_at" TIMESTAMP WITH TIME ZONE, "internal_ticket" character varying(100) NOT NULL DEFAULT '', "acknowledged" boolean NOT NULL DEFAULT false, "comments" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_outage_resolved_end" CHECK (("status" = 'RESOLVED') = ("ends_at" IS NOT NULL)), CONSTRAINT "CHK_outage_etr" CHECK ("estimated_time_to_repair" IS NULL OR "estimated_time_to_repair" >= "starts_at"), CONSTRAINT "CHK_outage_range" CHECK ("ends_at" IS NULL OR "ends_at" >= "starts_at"), CONSTRAINT "PK_4b537b6fa0093fba4fb32df2542" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_outage_provider" ON "outage"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IX_outage_starts_at" ON "outage"  ("starts_at", "id") `);
    await queryRunner.query(`ALTER TABLE "outage" ADD CONSTRAINT "FK_outage_provider" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" ADD "outage_id" uuid`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" ALTER COLUMN "maintenance_id" DROP NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_outage_impact_target" ON "maintenance_impact"  ("outage_id", "target_type", "target_id") `);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" ADD CONSTRAINT "CHK_maintenance_impact_owner" CHECK (("maintenance_id" IS NULL) <> ("outage_id" IS NULL))`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" ADD CONSTRAINT "FK_maintenance_impact_outage" FOREIGN KEY ("outage_id") REFERENCES "outage"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "maintenance_impact" WHERE "outage_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" DROP CONSTRAINT "FK_maintenance_impact_outage"`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" DROP CONSTRAINT "CHK_maintenance_impact_owner"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_outage_impact_target"`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" ALTER COLUMN "maintenance_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" DROP COLUMN "outage_id"`);
    await queryRunner.query(`DROP TABLE "outage"`);
    await queryRunner.query(`DROP TYPE "public"."outage_status"`);
  }
}
