import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutageNotifications1797200000000 implements MigrationInterface {
  name = 'OutageNotifications1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "maintenance_notification" ADD "outage_id" uuid`);
    await queryRunner.query(`ALTER TABLE "maintenance_notification" ALTER COLUMN "maintenance_id" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IX_maintenance_notification_outage" ON "maintenance_notification" ("outage_id", "received_at")`);
    await queryRunner.query(
      `ALTER TABLE "maintenance_notification" ADD CONSTRAINT "CHK_maintenance_notification_owner" CHECK (("maintenance_id" IS NULL) <> ("outage_id" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "maintenance_notification" ADD CONSTRAINT "FK_maintenance_notification_outage" FOREIGN KEY ("outage_id") REFERENCES "outage"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "maintenance_notification" DROP CONSTRAINT "FK_maintenance_notification_outage"`);
    await queryRunner.query(`ALTER TABLE "maintenance_notification" DROP CONSTRAINT "CHK_maintenance_notification_owner"`);
    await queryRunner.query(`DROP INDEX "public"."IX_maintenance_notification_outage"`);
    await queryRunner.query(`DELETE FROM "maintenance_notification" WHERE "maintenance_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "maintenance_notification" ALTER COLUMN "maintenance_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "maintenance_notification" DROP COLUMN "outage_id"`);
  }
}
