import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PolicyLastMatched1796300000000 implements MigrationInterface {
  name = 'PolicyLastMatched1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "blackout_policy" ADD "last_matched_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "blackout_policy" DROP COLUMN "last_matched_at"`);
  }
}
