import type { MigrationInterface, QueryRunner } from 'typeorm';

/** windowTransitions also announces ENDING_SOON, EXTENDED and SHORTENED (TypeORM does not compare CHECK bodies, hence by hand). */
export class TransitionWarnings1796202960773 implements MigrationInterface {
  name = 'TransitionWarnings1796202960773';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "window_transition" DROP CONSTRAINT "CHK_window_transition_kind"`);
    await queryRunner.query(
      `ALTER TABLE "window_transition" ADD CONSTRAINT "CHK_window_transition_kind" CHECK ("kind" IN ('STARTED', 'ENDING_SOON', 'EXTENDED', 'SHORTENED', 'ENDED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "window_transition" WHERE "kind" NOT IN ('STARTED', 'ENDED')`);
    await queryRunner.query(`ALTER TABLE "window_transition" DROP CONSTRAINT "CHK_window_transition_kind"`);
    await queryRunner.query(`ALTER TABLE "window_transition" ADD CONSTRAINT "CHK_window_transition_kind" CHECK ("kind" IN ('STARTED', 'ENDED'))`);
  }
}
