import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PeriodNames1795620100000 implements MigrationInterface {
  name = 'PeriodNames1795620100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "maintenance_period" ADD "name" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "maintenance_period" ADD "description" text NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "maintenance_period" DROP COLUMN "description"`);
    await queryRunner.query(`ALTER TABLE "maintenance_period" DROP COLUMN "name"`);
  }
}
