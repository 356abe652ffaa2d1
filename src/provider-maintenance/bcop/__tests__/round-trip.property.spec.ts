import fc from 'fast-check';
import { parseBcopNotification } from '../parse-notification';

const STATUS_WORDS = ['TENTATIVE', 'CONFIRMED', 'IN-PROCESS', 'COMPLETED', 'CANCELLED', 'RE-SCHEDULED', 'NO-CHANGE'] as const;
const IMPACT_WORDS = ['NO-IMPACT', 'REDUCED-REDUNDANCY', 'DEGRADED', 'OUTAGE'] as const;

/** Text with the characters iCalendar escapes, never blank and never padded (the parser trims). */
const text = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,;\\.:_-]{0,60}[A-Za-z0-9]$/);
const second = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 });

const notice = fc.record({
  maintenanceId: text,
  summary: text,
  account: fc.option(text, { nil: undefined }),
  sequence: fc.option(fc.nat({ max: 10_000 }), { nil: undefined }),
  status: fc.option(fc.constantFrom(...STATUS_WORDS), { nil: undefined }),
  impact: fc.option(fc.constantFrom(...IMPACT_WORDS), { nil: undefined }),
  objects: fc.array(fc.record({ id: text, impact: fc.option(fc.constantFrom(...IMPACT_WORDS), { nil: undefined }) }), { maxLength: 5 }),
  startSecond: second,
  lengthSeconds: fc.integer({ min: 0, max: 7 * 86_400 }),
});
type Notice = typeof notice extends fc.Arbitrary<infer T> ? T : never;

const escape = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`);
const utc = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');

/** Folds a content line every 75 characters, as senders do (RFC 5545 3.1). */
const fold = (line: string) => line.match(/.{1,75}/g)!.join('\r\n ');

function serialize(n: Notice): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hush property tests//EN',
    'BEGIN:VEVENT',
    `UID:${escape(n.maintenanceId)}@example.net`,
    `DTSTART:${utc(n.startSecond)}`,
    `DTEND:${utc(n.startSecond + n.lengthSeconds)}`,
    `SUMMARY:${escape(n.summary)}`,
    `X-MAINTNOTE-MAINTENANCE-ID:${escape(n.maintenanceId)}`,
    ...(n.account === undefined ? [] : [`X-MAINTNOTE-ACCOUNT:${escape(n.account)}`]),
    ...(n.sequence === undefined ? [] : [`SEQUENCE:${n.sequence}`]),
    ...(n.status === undefined ? [] : [`X-MAINTNOTE-STATUS:${n.status}`]),
    ...(n.impact === undefined ? [] : [`X-MAINTNOTE-IMPACT:${n.impact}`]),
    ...n.objects.map((o) => `X-MAINTNOTE-OBJECT-ID${o.impact ? `;X-MAINTNOTE-OBJECT-IMPACT=${o.impact}` : ''}:${escape(o.id)}`),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** BCOP words to enum values: hyphens become underscores; NO-CHANGE says nothing. */
const enumOf = (word: string | undefined) => (word === undefined || word === 'NO-CHANGE' ? null : word.replace('-', '_'));

describe('parseBcopNotification round trip', () => {
  it('reads back whatever a well-formed, folded and escaped notice says', () => {
    fc.assert(
      fc.property(notice, (n) => {
        expect(parseBcopNotification(serialize(n))).toEqual([
          {
            uid: `${n.maintenanceId}@example.net`,
            sequence: n.sequence ?? null,
            stamp: null,
            provider: null,
            account: n.account ?? null,
            maintenanceId: n.maintenanceId,
            status: enumOf(n.status),
            impact: enumOf(n.impact),
            objects: n.objects.map((o) => ({ id: o.id, impact: enumOf(o.impact) })),
            summary: n.summary,
            organizer: null,
            start: new Date(n.startSecond * 1000),
            end: new Date((n.startSecond + n.lengthSeconds) * 1000),
            timeZone: null,
            timeZoneName: null,
          },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
