import type { BlackoutEventInput } from '../src/blackouts/blackout-events.service';
import type { Schedule } from '../src/schedule';

export const CLASSES = ['Disk', 'CPU', 'Memory', 'Network', 'Backup', 'Certificate', 'Replication', 'Latency'];
const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'INFO'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland'];
const HOSTS = 5_000;

/**
 * Selectors, schedules and events as operators write and send them, drawn from a seeded PRNG so every run is alike.
 * Arrow functions, so callers may take them off the object.
 */
export function workload(rnd: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const host = () => `web-${Math.floor(rnd() * HOSTS)}`;
  return {
    rnd,
    pick,
    /** Mostly about hosts, some about classes, a few a key cannot be read from. */
    selector: (): string => {
      const r = rnd();
      if (r < 0.5) return `host equals '${host()}'`;
      if (r < 0.75) return `host within ['${host()}', '${host()}', '${host()}'] AND severity not equals 'INFO'`;
      if (r < 0.9) return `class equals '${pick(CLASSES)}' AND region equals 'eu-${Math.floor(rnd() * 50)}'`;
      if (r < 0.97) return `region equals 'us-${Math.floor(rnd() * 50)}' OR host starts with 'db-${Math.floor(rnd() * 100)}'`;
      return `message contains 'maintenance-${Math.floor(rnd() * 1000)}'`;
    },
    /** Every recurrence, in zones with and without DST; about half of them active at any instant. */
    schedule: (): Schedule => {
      const timeZone = pick(ZONES);
      const base = { timeZone, startDate: '2026-01-05', startTime: pick(['00:00', '08:00', '20:00']), endTime: pick(['06:00', '18:00']) };
      const r = rnd();
      if (r < 0.4) return { ...base, recurrence: 'DAILY' };
      if (r < 0.7) return { ...base, recurrence: 'WEEKLY', weekdays: ['MONDAY', 'WEDNESDAY', 'FRIDAY'] };
      if (r < 0.9) return { ...base, recurrence: 'MONTHLY', monthWeekdays: [{ ordinal: 2, weekday: 'TUESDAY' }] };
      return { ...base, recurrence: 'ONE_TIME', endDate: '2027-01-01' };
    },
    event: (serviceId?: string): BlackoutEventInput => {
      return {
        class: pick(CLASSES),
        severity: pick(SEVERITIES),
        host: rnd() < 0.9 ? host() : `db-${Math.floor(rnd() * 100)}`,
        message: `${pick(CLASSES)} check failed on maintenance-${Math.floor(rnd() * 1000)}`,
        objectId: `obj-${Math.floor(rnd() * 100_000)}`,
        attributes: { region: `${pick(['eu', 'us'])}-${Math.floor(rnd() * 50)}` },
        ...(serviceId ? { serviceId } : {}),
      };
    },
  };
}
