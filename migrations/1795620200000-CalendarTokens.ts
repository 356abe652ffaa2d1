import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarTokens1795620200000 implements MigrationInterface {
  name = 'CalendarTokens1795620200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."api_token_role" RENAME TO "api_token_role_old"`);
    await queryRunner.query(`CREATE TYPE "public"."api_token_role" AS ENUM('CALENDAR', 'VIEWER', 'EDITOR', 'ADMIN')`);
    await queryRunner.query(
      `ALTER TABLE "api_token" ALTER COLUMN "role" TYPE "public"."api_token_role" USING "role"::"text"::"public"."api_token_role"`,
    );
    await queryRunner.query(`DROP TYPE "public"."api_token_role_old"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "api_token" WHERE "role" = 'CALENDAR'`);
    await queryRunner.query(`CREATE TYPE "public"."api_token_role_old" AS ENUM('VIEWER', 'EDITOR', 'ADMIN')`);
    await queryRunner.query(
      `ALTER TABLE "api_token" ALTER COLUMN "role" TYPE "public"."api_token_role_old" USING "role"::"text"::"public"."api_token_role_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."api_token_role"`);
    await queryRunner.query(`ALTER TYPE "public"."api_token_role_old" RENAME TO "api_token_role"`);
  }
}
