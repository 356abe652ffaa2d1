import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnreleasedEvents1796205842962 implements MigrationInterface {
  name = 'UnreleasedEvents1796205842962';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IX_event_unreleased" ON "event"  ("blacked_out_by_id") WHERE "blacked_out_by_id" IS NOT NULL AND "released_at" IS NULL AND "status" <> 'CLOSED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_event_unreleased"`);
  }
}
