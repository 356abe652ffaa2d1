import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HeldAlerts1796202860773 implements MigrationInterface {
  name = 'HeldAlerts1796202860773';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."held_alert_status" AS ENUM('HELD', 'RELEASED', 'CLEARED', 'DISCARDED')`);
    await queryRunner.query(`CREATE TABLE "held_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "dedup_key" text NOT NULL, "summary" text NOT NULL, "severity" "public"."event_severity" NOT NULL, "status" "public"."held_alert_status" NOT NULL DEFAULT 'HELD', "triggers" integer NOT NULL DEFAULT '1', "first_triggered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_triggered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "held_by" jsonb NOT NULL DEFAULT '[]', "ended_at" TIMESTAMP WITH TIME ZONE, "incident_id" uuid, CONSTRAINT "PK_1c6ef990e2f678f71577dcafd0d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_held_alert_service" ON "held_alert"  ("service_id", "first_triggered_at") `);
    // One alert held per service and key: later triggers join it (the entity names this index, synchronize: false).
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_held_alert_held_key" ON "held_alert" ("service_id", "dedup_key") WHERE "status" = 'HELD'`);
    await queryRunner.query(`CREATE TYPE "public"."maintenance_end_action" AS ENUM('OPEN_INCIDENT', 'DISCARD')`);
    await queryRunner.query(`ALTER TABLE "service" ADD "on_maintenance_end" "public"."maintenance_end_action" NOT NULL DEFAULT 'OPEN_INCIDENT'`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "held_by" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "service_event" ADD "held_alert_id" uuid`);
    await queryRunner.query(`ALTER TYPE "public"."event_result" ADD VALUE 'HELD_CLEARED'`);
    await queryRunner.query(`CREATE INDEX "IX_service_event_held_alert" ON "service_event"  ("held_alert_id") `);
    await queryRunner.query(`ALTER TABLE "service_event" ADD CONSTRAINT "FK_service_event_held_alert" FOREIGN KEY ("held_alert_id") REFERENCES "held_alert"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "held_alert" ADD CONSTRAINT "FK_held_alert_service" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "held_alert" ADD CONSTRAINT "FK_held_alert_incident" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "held_alert" DROP CONSTRAINT "FK_held_alert_incident"`);
    await queryRunner.query(`ALTER TABLE "held_alert" DROP CONSTRAINT "FK_held_alert_service"`);
    await queryRunner.query(`ALTER TABLE "service_event" DROP CONSTRAINT "FK_service_event_held_alert"`);
    await queryRunner.query(`DROP INDEX "public"."IX_service_event_held_alert"`);
    await queryRunner.query(`UPDATE "service_event" SET "result" = 'IGNORED' WHERE "result" = 'HELD_CLEARED'`);
    await queryRunner.query(`CREATE TYPE "public"."event_result_old" AS ENUM('INCIDENT_OPENED', 'ADDED_TO_INCIDENT', 'SUPPRESSED', 'ACKNOWLEDGED', 'RESOLVED', 'IGNORED')`);
    await queryRunner.query(`ALTER TABLE "service_event" ALTER COLUMN "result" TYPE "public"."event_result_old" USING "result"::"text"::"public"."event_result_old"`);
    await queryRunner.query(`DROP TYPE "public"."event_result"`);
    await queryRunner.query(`ALTER TYPE "public"."event_result_old" RENAME TO "event_result"`);
    await queryRunner.query(`ALTER TABLE "service_event" DROP COLUMN "held_alert_id"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "held_by"`);
    await queryRunner.query(`ALTER TABLE "service" DROP COLUMN "on_maintenance_end"`);
    await queryRunner.query(`DROP TYPE "public"."maintenance_end_action"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_held_alert_held_key"`);
    await queryRunner.query(`DROP INDEX "public"."IX_held_alert_service"`);
    await queryRunner.query(`DROP TABLE "held_alert"`);
    await queryRunner.query(`DROP TYPE "public"."held_alert_status"`);
  }
}
