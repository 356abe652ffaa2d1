import fc from 'fast-check';
import type { BlackoutPolicy } from '../blackout.entities';
import { CompiledPolicy } from '../compiled-policy';
import { PolicyIndex } from '../policy-index';
import type { SelectorEvent } from '../selector';

const texts = fc.constantFrom('db-1', 'DB-12', 'db-2', 'web-1', 'Web', 'w', 'eu-1', 'eu-10', '');
const selector = fc.oneof(
  texts.map((t) => `host equals '${t}'`),
  texts.map((t) => `host starts with '${t}'`),
  fc.tuple(texts, texts).map(([r, h]) => `region equals '${r}' OR host starts with '${h}'`),
  fc.tuple(texts, texts).map(([r, h]) => `attributes.region starts with '${r}' AND host within ['${h}', 'db-1']`),
  texts.map((t) => `message contains '${t}'`),
  texts.map((t) => `NOT host starts with '${t}'`),
);
const event = fc.record(
  { host: texts, message: texts, region: texts, attributes: fc.record({ region: texts }, { requiredKeys: [] }) },
  { requiredKeys: [] },
) as fc.Arbitrary<SelectorEvent>;

const compiled = (selectors: string[]) =>
  selectors.map(
    (selector, i) =>
      new CompiledPolicy({
        id: `p${i}`,
        selector,
        schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-01-01', startTime: '00:00', endTime: '12:00' },
      } as BlackoutPolicy),
  );

describe('PolicyIndex', () => {
  it('finds exactly the policies a scan of every policy finds, prefixes included', () => {
    const always = () => ({ start: new Date(0), end: new Date(1) });
    fc.assert(
      fc.property(fc.array(selector, { maxLength: 30 }), fc.array(event, { minLength: 1, maxLength: 20 }), (selectors, events) => {
        const policies = compiled(selectors);
        const index = new PolicyIndex(policies);
        for (const e of events) {
          const scan = policies.filter((p) => p.matches(e));
          expect(index.matching(e, always).map(([p]) => p)).toEqual(scan);
          expect(index.first(e, always)?.[0] ?? null).toBe(scan[0] ?? null);
        }
      }),
      { numRuns: 500 },
    );
  });
});
