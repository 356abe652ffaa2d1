import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Services1795584064075 implements MigrationInterface {
  name = 'Services1795584064075';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "time_zone" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "escalation_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "num_loops" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_escalation_policy_num_loops" CHECK ("num_loops" BETWEEN 0 AND 9), CONSTRAINT "PK_fba4ee1e088aadb259d2ca9f4f7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "escalation_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "policy_id" uuid NOT NULL, "position" integer NOT NULL, "delay_minutes" integer NOT NULL, CONSTRAINT "CHK_escalation_rule_delay" CHECK ("delay_minutes" >= 1), CONSTRAINT "PK_59fb330cb48e5cc769aad62fd15" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_escalation_rule_position" ON "escalation_rule"  ("policy_id", "position") `);
    await queryRunner.query(`CREATE TABLE "escalation_rule_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule_id" uuid NOT NULL, "position" integer NOT NULL, "target_type" text NOT NULL DEFAULT 'USER', "user_id" uuid NOT NULL, CONSTRAINT "PK_1e70e71efe531a6db0c4585539c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_escalation_rule_target_user" ON "escalation_rule_target"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_escalation_rule_target_position" ON "escalation_rule_target"  ("rule_id", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."service_status" AS ENUM('ACTIVE', 'DISABLED')`);
    await queryRunner.query(`CREATE TABLE "service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "escalation_policy_id" uuid NOT NULL, "integration_key" text NOT NULL, "status" "public"."service_status" NOT NULL DEFAULT 'ACTIVE', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_85a21558c006647cd76fdce044b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_service_integration_key" ON "service"  ("integration_key") `);
    await queryRunner.query(`CREATE INDEX "IX_service_escalation_policy" ON "service"  ("escalation_policy_id") `);
    await queryRunner.query(`CREATE TYPE "public"."incident_status" AS ENUM('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED')`);
    await queryRunner.query(`CREATE TYPE "public"."event_severity" AS ENUM('CRITICAL', 'ERROR', 'WARNING', 'INFO')`);
    await queryRunner.query(`CREATE TABLE "incident" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "dedup_key" text NOT NULL, "status" "public"."incident_status" NOT NULL, "summary" text NOT NULL, "severity" "public"."event_severity" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5f90b28b0b8238d89ee8edcf96e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_incident_service" ON "incident"  ("service_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."event_action" AS ENUM('TRIGGER', 'ACKNOWLEDGE', 'RESOLVE')`);
    await queryRunner.query(`CREATE TYPE "public"."event_result" AS ENUM('INCIDENT_OPENED', 'ADDED_TO_INCIDENT', 'SUPPRESSED', 'ACKNOWLEDGED', 'RESOLVED', 'IGNORED')`);
    await queryRunner.query(`CREATE TABLE "service_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "incident_id" uuid, "action" "public"."event_action" NOT NULL, "dedup_key" text NOT NULL, "summary" text, "source" text, "severity" "public"."event_severity", "details" jsonb, "result" "public"."event_result" NOT NULL, "reasons" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e65986d882b4bb30bea3e4224bb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_service_event_service" ON "service_event"  ("service_id", "received_at") `);
    await queryRunner.query(`CREATE INDEX "IX_service_event_incident" ON "service_event"  ("incident_id", "received_at") `);
    await queryRunner.query(`CREATE TABLE "maintenance_window" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "description" text NOT NULL DEFAULT '', "created_by_token_id" uuid, "created_by_name" text NOT NULL, "requester_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_maintenance_window_range" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_6a15b826ce736e584a0d0e0bdd4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_maintenance_window_starts_at" ON "maintenance_window"  ("starts_at", "id") `);
    await queryRunner.query(`CREATE TABLE "maintenance_window_service" ("window_id" uuid NOT NULL, "service_id" uuid NOT NULL, CONSTRAINT "PK_maintenance_window_service" PRIMARY KEY ("window_id", "service_id"))`);
    await queryRunner.query(`CREATE INDEX "IX_maintenance_window_service_service" ON "maintenance_window_service"  ("service_id", "window_id") `);
    await queryRunner.query(`ALTER TABLE "escalation_rule" ADD CONSTRAINT "FK_escalation_rule_policy" FOREIGN KEY ("policy_id") REFERENCES "escalation_policy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "escalation_rule_target" ADD CONSTRAINT "FK_escalation_rule_target_rule" FOREIGN KEY ("rule_id") REFERENCES "escalation_rule"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "escalation_rule_target" ADD CONSTRAINT "FK_escalation_rule_target_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service" ADD CONSTRAINT "FK_service_escalation_policy" FOREIGN KEY ("escalation_policy_id") REFERENCES "escalation_policy"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "incident" ADD CONSTRAINT "FK_incident_service" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_event" ADD CONSTRAINT "FK_service_event_service" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_event" ADD CONSTRAINT "FK_service_event_incident" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "maintenance_window" ADD CONSTRAINT "FK_maintenance_window_requester" FOREIGN KEY ("requester_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "maintenance_window_service" ADD CONSTRAINT "FK_maintenance_window_service_window" FOREIGN KEY ("window_id") REFERENCES "maintenance_window"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "maintenance_window_service" ADD CONSTRAINT "FK_maintenance_window_service_service" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written: expression, partial and GiST indexes that entity metadata cannot describe.
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user" (lower("email"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_escalation_policy_name" ON "escalation_policy" (lower("name"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_service_name" ON "service" (lower("name"))`);
    await queryRunner.query(`CREATE INDEX "IX_maintenance_window_range" ON "maintenance_window" USING gist (tstzrange("starts_at", "ends_at", '[)'))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_incident_open_dedup_key" ON "incident" ("service_id", "dedup_key") WHERE "status" <> 'RESOLVED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_incident_open_dedup_key"`);
    await queryRunner.query(`DROP INDEX "IX_maintenance_window_range"`);
    await queryRunner.query(`DROP INDEX "UQ_service_name"`);
    await queryRunner.query(`DROP INDEX "UQ_escalation_policy_name"`);
    await queryRunner.query(`DROP INDEX "UQ_app_user_email"`);
    await queryRunner.query(`ALTER TABLE "maintenance_window_service" DROP CONSTRAINT "FK_maintenance_window_service_service"`);
    await queryRunner.query(`ALTER TABLE "maintenance_window_service" DROP CONSTRAINT "FK_maintenance_window_service_window"`);
    await queryRunner.query(`ALTER TABLE "maintenance_window" DROP CONSTRAINT "FK_maintenance_window_requester"`);
    await queryRunner.query(`ALTER TABLE "service_event" DROP CONSTRAINT "FK_service_event_incident"`);
    await queryRunner.query(`ALTER TABLE "service_event" DROP CONSTRAINT "FK_service_event_service"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "FK_incident_service"`);
    await queryRunner.query(`ALTER TABLE "service" DROP CONSTRAINT "FK_service_escalation_policy"`);
    await queryRunner.query(`ALTER TABLE "escalation_rule_target" DROP CONSTRAINT "FK_escalation_rule_target_user"`);
    await queryRunner.query(`ALTER TABLE "escalation_rule_target" DROP CONSTRAINT "FK_escalation_rule_target_rule"`);
    await queryRunner.query(`ALTER TABLE "escalation_rule" DROP CONSTRAINT "FK_escalation_rule_policy"`);
    await queryRunner.query(`DROP INDEX "public"."IX_maintenance_window_service_service"`);
    await queryRunner.query(`DROP TABLE "maintenance_window_service"`);
    await queryRunner.query(`DROP INDEX "public"."IX_maintenance_window_starts_at"`);
    await queryRunner.query(`DROP TABLE "maintenance_window"`);
    await queryRunner.query(`DROP INDEX "public"."IX_service_event_incident"`);
    await queryRunner.query(`DROP INDEX "public"."IX_service_event_service"`);
    await queryRunner.query(`DROP TABLE "service_event"`);
    await queryRunner.query(`DROP TYPE "public"."event_result"`);
    await queryRunner.query(`DROP TYPE "public"."event_action"`);
    await queryRunner.query(`DROP INDEX "public"."IX_incident_service"`);
    await queryRunner.query(`DROP TABLE "incident"`);
    await queryRunner.query(`DROP TYPE "public"."event_severity"`);
    await queryRunner.query(`DROP TYPE "public"."incident_status"`);
    await queryRunner.query(`DROP INDEX "public"."IX_service_escalation_policy"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_service_integration_key"`);
    await queryRunner.query(`DROP TABLE "service"`);
    await queryRunner.query(`DROP TYPE "public"."service_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_escalation_rule_target_position"`);
    await queryRunner.query(`DROP INDEX "public"."IX_escalation_rule_target_user"`);
    await queryRunner.query(`DROP TABLE "escalation_rule_target"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_escalation_rule_position"`);
    await queryRunner.query(`DROP TABLE "escalation_rule"`);
    await queryRunner.query(`DROP TABLE "escalation_policy"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
