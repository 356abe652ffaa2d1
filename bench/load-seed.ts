import { gql, type Hush } from './hush-process';
import type { workload } from './workload';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the load refers to: the ids the seeding made. */
export interface Seeded {
  services: string[];
  monitors: string[];
}

export const SEED = { services: 40, monitors: 150, windows: 120, periods: 150, blackouts: 60, maintenances: 12 };

/** Runs `make(i)` for i < n, a few at a time: quicker than one by one, and no load spike before the measurement. */
async function times<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await make(i);
      }
    }),
  );
  return out;
}

/**
 * A starting set like a mid-sized organisation's, made through the GraphQL
 * API as its users would: an on-call user and escalation policy, services
 * with maintenance windows (some ongoing, most within the next month),
 * monitors with recurring maintenance periods, enabled blackout policies, and
 * a transit provider whose maintenances impact services and monitors.
 */
export async function seed(hush: Hush, w: ReturnType<typeof workload>): Promise<Seeded> {
  const { rnd, pick } = w;
  const now = Date.now();
  const id = async (query: string, variables: object) =>
    Object.values(await gql<Record<string, { id: string }>>(hush, query, variables))[0].id;

  const user = await id('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { name: 'On Call', email: 'oncall@example.com', timeZone: 'Europe/Berlin' },
  });
  const policy = await id('mutation($i: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $i) { id } }', {
    i: { name: 'Primary on-call', rules: [{ delayMinutes: 15, targets: [{ id: user, type: 'USER' }] }] },
  });
  const services = await times(SEED.services, (i) =>
    id('mutation($i: CreateServiceInput!) { createService(input: $i) { id } }', {
      i: { name: `service-${i}`, description: `Service ${i}`, escalationPolicyId: policy },
    }),
  );
  const monitors = await times(SEED.monitors, (i) =>
    id('mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }', {
      i: { name: `monitor-${i}`, type: pick(['HTTP', 'PING', 'TCP', 'DNS']), target: `web-${i}.example.com` },
    }),
  );

  // One window in ten is already under way; the rest start within the next 30 days.
  await times(SEED.windows, (i) => {
    const startsAt = now + (i % 10 === 0 ? -HOUR : Math.round(rnd() * 30 * DAY));
    return id('mutation($i: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $i) { id } }', {
      i: {
        description: `seeded window ${i}`,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + (2 + Math.floor(rnd() * 5)) * HOUR).toISOString(),
        serviceIds: [...new Set([pick(services), pick(services)])],
      },
    });
  });
  await times(SEED.periods, () =>
    id('mutation($m: ID!, $i: MaintenancePeriodInput!) { createMaintenancePeriod(monitorId: $m, input: $i) { id } }', {
      m: pick(monitors),
      i: { maintenanceType: pick(['DISABLE_MONITORING', 'DISABLE_NOTIFICATIONS']), schedule: w.schedule() },
    }),
  );
  await times(SEED.blackouts, (i) =>
    id('mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id } }', {
      i: { name: `blackout-${i}`, executionOrder: i * 10, selector: w.selector(), schedule: w.schedule(), enabled: true },
    }),
  );

  const provider = await id('mutation($i: CreateProviderInput!) { createProvider(input: $i) { id } }', {
    i: { name: 'Transit Co', slug: 'transit-co' },
  });
  await times(SEED.maintenances, async (i) => {
    const startsAt = now + Math.round((rnd() * 35 - 5) * DAY);
    const maintenance = await id('mutation($i: CreateMaintenanceInput!) { createMaintenance(input: $i) { id } }', {
      i: {
        providerId: provider,
        name: `TC-MAINT-${1000 + i}`,
        summary: 'Fibre splicing',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 4 * HOUR).toISOString(),
        status: 'CONFIRMED',
        originalTimeZone: 'America/New_York',
      },
    });
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
      // Distinct targets per maintenance: impacting the same object twice is not what a provider notice says.
      const target =
        k % 2 === 0 ? { type: 'SERVICE', id: services[(i * 3 + k) % services.length] } : { type: 'MONITOR', id: monitors[i * 3 + k] };
      await id('mutation($m: ID!, $i: AddImpactInput!) { addImpact(maintenanceId: $m, input: $i) { id } }', {
        m: maintenance,
        i: { target, level: pick(['OUTAGE', 'DEGRADED', 'REDUCED_REDUNDANCY']) },
      });
    }
  });
  return { services, monitors };
}
