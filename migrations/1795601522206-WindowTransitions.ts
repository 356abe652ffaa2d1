import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WindowTransitions1795601522206 implements MigrationInterface {
  name = 'WindowTransitions1795601522206';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "window_transition" ("source" text NOT NULL, "source_id" uuid NOT NULL, "occurrence_start" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "occurrence_end" TIMESTAMP WITH TIME ZONE NOT NULL, "title" text NOT NULL, "targets" jsonb NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_window_transition_kind" CHECK ("kind" IN ('STARTED', 'ENDED')), CONSTRAINT "PK_window_transition" PRIMARY KEY ("source", "source_id", "occurrence_start", "kind"))`);
    await queryRunner.query(`CREATE INDEX "IDX_window_transition_at" ON "window_transition"  ("at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_window_transition_at"`);
    await queryRunner.query(`DROP TABLE "window_transition"`);
  }
}
