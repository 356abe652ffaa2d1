import { codes, TestHush } from '../../support/hush';

const PREVIEW =
  'query($s: ScheduleInput!, $from: DateTime, $limit: Int) { schedulePreview(schedule: $s, from: $from, limit: $limit) { start end } }';

describe('schedulePreview', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-03-27T12:00:00Z' });
  });
  afterAll(() => hush.close());

  it('lists occurrences from now, an ongoing one included, across a DST change', async () => {
    const s = { recurrence: 'DAILY', timeZone: 'Europe/Berlin', startDate: '2026-03-01', startTime: '02:30', endTime: '03:30' };
    const { schedulePreview } = await hush.ok(PREVIEW, { s, limit: 3 });
    expect(schedulePreview).toEqual([
      { start: '2026-03-28T01:30:00.000Z', end: '2026-03-28T02:30:00.000Z' },
      // 02:30 does not exist on spring-forward night: the window starts at the jump, 03:00 CEST.
      { start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T01:30:00.000Z' },
      { start: '2026-03-30T00:30:00.000Z', end: '2026-03-30T01:30:00.000Z' },
    ]);
    const ongoing = await hush.ok(PREVIEW, { s, from: '2026-03-28T02:00:00Z', limit: 1 });
    expect(ongoing.schedulePreview).toEqual([{ start: '2026-03-28T01:30:00.000Z', end: '2026-03-28T02:30:00.000Z' }]);
  });

  it('refuses invalid schedules naming each field, and limits above 1000', async () => {
    const bad = await hush.gql(PREVIEW, {
      s: {
        recurrence: 'DAILY',
        timeZone: 'UTC',
        startDate: '2026-03-01',
        startTime: '02:30',
        endTime: '03:30',
        endDate: '2026-04-01',
        occurrences: 3,
      },
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.fields.every((f: { path: string }) => f.path.startsWith('schedule.'))).toBe(true);
    const oneTime = await hush.gql(PREVIEW, {
      s: { recurrence: 'ONE_TIME', timeZone: 'UTC', startDate: '2026-03-01', startTime: '05:00', endDate: '2026-03-01', endTime: '04:00' },
    });
    expect(codes(oneTime)).toEqual(['BAD_USER_INPUT']);
    const time = await hush.gql(PREVIEW, {
      s: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-03-01', startTime: '24:00', endTime: '03:30' },
    });
    expect(time.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'schedule.startTime' }] });
    const limit = await hush.gql(PREVIEW, {
      s: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-03-01', startTime: '01:00', endTime: '02:00' },
      limit: 1001,
    });
    expect(limit.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'limit' }] });
  });
});
