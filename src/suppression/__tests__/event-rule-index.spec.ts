import fc from 'fast-check';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import type { SelectorEvent } from '../../selector';
import { CompiledRule, EventRuleIndex, precedes } from '../event-rule-index';

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
      new CompiledRule({
        kind: 'events',
        source: SuppressionSource.BLACKOUT_POLICY,
        id: `p${String(i).padStart(3, '0')}`,
        name: `policy ${i}`,
        selector,
        precedence: [i % 7, i],
        schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-01-01', startTime: '00:00', endTime: '12:00' },
      }),
  );

describe('EventRuleIndex', () => {
  it('finds exactly the rules a scan of every rule finds, prefixes included, as rules come and go', () => {
    const always = () => ({ start: new Date(0), end: new Date(1) });
    fc.assert(
      fc.property(
        fc.array(selector, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(event, { minLength: 1, maxLength: 20 }),
        (selectors, removals, events) => {
          const rules = compiled(selectors);
          const index = new EventRuleIndex();
          // Added in an order other than precedence, some removed again: the lists stay in precedence order.
          for (const rule of [...rules].reverse()) index.add(rule);
          const removed = new Set(removals.filter(() => rules.length > 0).map((n) => rules[n % rules.length]));
          for (const rule of removed) index.remove(rule.rule.id);
          const kept = rules.filter((r) => !removed.has(r)).sort((a, b) => (precedes(a, b) ? -1 : 1));
          expect(index.size).toBe(kept.length);
          for (const e of events) {
            const scan = kept.filter((r) => r.matches(e));
            expect(index.matching(e, always).map(([r]) => r)).toEqual(scan);
            expect(index.first(e, always)?.[0] ?? null).toBe(scan[0] ?? null);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
