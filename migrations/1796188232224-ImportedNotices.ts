import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

/** Whether this runtime formats times in the zone, as every read of a maintenance does. */
function formattable(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ImportedNotices1796188232224 implements MigrationInterface {
  name = 'ImportedNotices1796188232224';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "maintenance" ADD "original_time_zone_name" character varying(200)`);
    // Generated as DROP and ADD COLUMN, which would lose every SEQUENCE applied; widened in place instead.
    await queryRunner.query(`ALTER TABLE "maintenance" ALTER COLUMN "notice_sequence" TYPE bigint`);
    await queryRunner.query(`ALTER TYPE "public"."notification_format" ADD VALUE 'EMAIL'`);

    // Imports used to store a TZID as it came, Windows names too, which every read then failed to format:
    // keep the name as written, and the zone only as the IANA zone it stands for (CLDR's mapping), else none.
    await queryRunner.query(
      `UPDATE "maintenance" SET "original_time_zone_name" = "original_time_zone" WHERE "original_time_zone" IS NOT NULL AND "provider_maintenance_id" IS NOT NULL`,
    );
    const zones = (await queryRunner.query(
      `SELECT DISTINCT "original_time_zone" AS "zone" FROM "maintenance" WHERE "original_time_zone" IS NOT NULL`,
    )) as { zone: string }[];
    for (const { zone } of zones) {
      if (formattable(zone)) continue;
      const windows = WINDOWS_TO_IANA_MAP.find((row) => row.territory === '001' && row.windowsName.toLowerCase() === zone.trim().toLowerCase());
      const iana = windows?.iana.find(formattable) ?? null;
      await queryRunner.query(`UPDATE "maintenance" SET "original_time_zone" = $1 WHERE "original_time_zone" = $2`, [iana, zone]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "maintenance_notification" WHERE "format" = 'EMAIL'`);
    await queryRunner.query(`CREATE TYPE "public"."notification_format_old" AS ENUM('TEXT', 'HTML', 'ICAL')`);
    await queryRunner.query(
      `ALTER TABLE "maintenance_notification" ALTER COLUMN "format" TYPE "public"."notification_format_old" USING "format"::"text"::"public"."notification_format_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_format"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_format_old" RENAME TO "notification_format"`);
    await queryRunner.query(
      `ALTER TABLE "maintenance" ALTER COLUMN "notice_sequence" TYPE integer USING LEAST("notice_sequence", 2147483647)::integer`,
    );
    await queryRunner.query(`ALTER TABLE "maintenance" DROP COLUMN "original_time_zone_name"`);
  }
}
