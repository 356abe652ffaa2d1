import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Dependencies1797100000000 implements MigrationInterface {
  name = 'Dependencies1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "monitor_watch" ("monitor_id" uuid NOT NULL, "target_type" text NOT NULL, "target_id" uuid NOT NULL, CONSTRAINT "PK_monitor_watch" PRIMARY KEY ("monitor_id", "target_type", "target_id"))`);
    await queryRunner.query(`CREATE TABLE "service_dependency" ("service_id" uuid NOT NULL, "target_type" text NOT NULL, "target_id" uuid NOT NULL, CONSTRAINT "PK_service_dependency" PRIMARY KEY ("service_id", "target_type", "target_id"))`);
    await queryRunner.query(`ALTER TYPE "public"."impact_target_type" ADD VALUE 'REGION' BEFORE 'SERVICE'`);
    await queryRunner.query(`ALTER TABLE "monitor_watch" ADD CONSTRAINT "FK_monitor_watch_monitor" FOREIGN KEY ("monitor_id") REFERENCES "monitor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_dependency" ADD CONSTRAINT "FK_service_dependency_service" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service_dependency" DROP CONSTRAINT "FK_service_dependency_service"`);
    await queryRunner.query(`ALTER TABLE "monitor_watch" DROP CONSTRAINT "FK_monitor_watch_monitor"`);
    await queryRunner.query(`DELETE FROM "maintenance_impact" WHERE "target_type" = 'REGION'`);
    await queryRunner.query(`CREATE TYPE "public"."impact_target_type_old" AS ENUM('CIRCUIT', 'SITE', 'LOCATION', 'SERVICE', 'MONITOR')`);
    await queryRunner.query(`ALTER TABLE "maintenance_impact" ALTER COLUMN "target_type" TYPE "public"."impact_target_type_old" USING "target_type"::"text"::"public"."impact_target_type_old"`);
    await queryRunner.query(`DROP TYPE "public"."impact_target_type"`);
    await queryRunner.query(`ALTER TYPE "public"."impact_target_type_old" RENAME TO "impact_target_type"`);
    await queryRunner.query(`DROP TABLE "service_dependency"`);
    await queryRunner.query(`DROP TABLE "monitor_watch"`);
  }
}
