import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BlackoutReleases1796204565655 implements MigrationInterface {
  name = 'BlackoutReleases1796204565655';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event" ADD "blacked_out_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "event" ADD "released_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "event" ADD "released_from_id" uuid`);
    // Events blacked out before this column: their blackout began when their status last changed.
    await queryRunner.query(`UPDATE "event" SET "blacked_out_at" = "status_changed_at" WHERE "blacked_out_by_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "event" ADD CONSTRAINT "FK_event_released_from" FOREIGN KEY ("released_from_id") REFERENCES "blackout_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event" DROP CONSTRAINT "FK_event_released_from"`);
    await queryRunner.query(`ALTER TABLE "event" DROP COLUMN "released_from_id"`);
    await queryRunner.query(`ALTER TABLE "event" DROP COLUMN "released_at"`);
    await queryRunner.query(`ALTER TABLE "event" DROP COLUMN "blacked_out_at"`);
  }
}
