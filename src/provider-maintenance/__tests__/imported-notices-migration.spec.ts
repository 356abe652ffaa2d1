import type { QueryRunner } from 'typeorm';
import { ImportedNotices1796188232224 } from '../../../migrations/1796188232224-ImportedNotices';

describe('migration ImportedNotices: zones saved before imports mapped them', () => {
  it('keeps every imported name, maps Windows names to IANA and clears what no read could format', async () => {
    const queries: { sql: string; parameters?: unknown[] }[] = [];
    const runner = {
      query: async (sql: string, parameters?: unknown[]) => {
        queries.push({ sql, parameters });
        return sql.startsWith('SELECT DISTINCT')
          ? [
              { zone: 'Europe/Berlin' },
              { zone: 'W. Europe Standard Time' },
              { zone: 'eastern standard time' },
              { zone: 'Customized Time Zone' },
            ]
          : [];
      },
    } as unknown as QueryRunner; // the migration calls query() alone, which the fake implements
    await new ImportedNotices1796188232224().up(runner);
    expect(queries.some((q) => q.sql.startsWith('UPDATE "maintenance" SET "original_time_zone_name" = "original_time_zone"'))).toBe(true);
    expect(queries.filter((q) => q.sql.startsWith('UPDATE "maintenance" SET "original_time_zone" =')).map((q) => q.parameters)).toEqual([
      ['Europe/Berlin', 'W. Europe Standard Time'],
      ['America/New_York', 'eastern standard time'],
      [null, 'Customized Time Zone'],
    ]);
  });
});
