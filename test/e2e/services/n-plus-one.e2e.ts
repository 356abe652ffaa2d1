import { QueryCounter } from '../../../src/database/query-logger';
import { TestHush } from '../../support/hush';
import { CREATE_WINDOW, seedService } from './fixtures';

const NESTED = `query($first: Int) { maintenanceWindows(first: $first) { nodes { id state createdBy { requester { name } }
  services { name inMaintenance maintenanceWindows(state: FUTURE) { id } escalationPolicy { name rules { delayMinutes targets { user { email } } } } } } } }`;

describe('nested lists', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start();
    const services = [];
    for (let i = 0; i < 10; i++) services.push(await seedService(hush, `N1 service ${i}`));
    for (let i = 0; i < 100; i++) {
      const two = [services[i % 10], services[(i + 3) % 10]];
      await hush.ok(CREATE_WINDOW, {
        i: {
          startsAt: `2026-07-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
          endsAt: '2026-08-01T00:00:00Z',
          serviceIds: two.map((s) => s.serviceId),
          requesterId: two[0].userId,
        },
      });
    }
  });
  afterAll(() => hush.close());

  async function statementsFor(first: number): Promise<{ statements: number; windows: number }> {
    const counter = hush.app.get(QueryCounter);
    const before = counter.count;
    const data = await hush.ok(NESTED, { first });
    return { statements: counter.count - before, windows: data.maintenanceWindows.nodes.length };
  }

  it('runs the same number of SQL statements for 100 windows as for 25', async () => {
    const small = await statementsFor(25);
    const large = await statementsFor(100);
    expect(small.windows).toBe(25);
    expect(large.windows).toBe(100);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(14);
  });
});
