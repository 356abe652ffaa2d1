import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TransitionRounds1795620000000 implements MigrationInterface {
  name = 'TransitionRounds1795620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "window_transition" DROP CONSTRAINT "PK_window_transition"`);
    await queryRunner.query(`ALTER TABLE "window_transition" ADD "round" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "window_transition" ADD CONSTRAINT "PK_window_transition" PRIMARY KEY ("source", "source_id", "occurrence_start", "kind", "round")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "window_transition" DROP CONSTRAINT "PK_window_transition"`);
    await queryRunner.query(`ALTER TABLE "window_transition" DROP COLUMN "round"`);
    await queryRunner.query(
      `ALTER TABLE "window_transition" ADD CONSTRAINT "PK_window_transition" PRIMARY KEY ("source", "source_id", "occurrence_start", "kind")`,
    );
  }
}
