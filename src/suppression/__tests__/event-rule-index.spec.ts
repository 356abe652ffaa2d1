import fc from 'fast-check';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import type { SelectorEvent } from '../../selector';
import { occurrenceAt, type Schedule } from '../../schedule';
import { daily, oneTime, weekly } from '../../schedule/__tests__/schedules';
import { CompiledRule, EventRuleIndex, precedes } from '../event-rule-index';

// Texts with a NUL too: a pair of values is one map key, which two other values must not be able to spell.
const texts = fc.constantFrom('db-1', 'DB-12', 'db-2', 'web-1', 'Web', 'w', 'eu-1', 'eu-10', '', 'x', 'x\u0000y', 'y\u0000z', 'z');
const selector = fc.oneof(
  texts.map((t) => `host equals '${t}'`),
  texts.map((t) => `host starts with '${t}'`),
  fc.tuple(texts, texts).map(([r, h]) => `region equals '${r}' OR host starts with '${h}'`),
  fc.tuple(texts, texts).map(([r, h]) => `attributes.region starts with '${r}' AND host within ['${h}', 'db-1']`),
  texts.map((t) => `message contains '${t}'`),
  texts.map((t) => `NOT host starts with '${t}'`),
  fc.tuple(texts, texts).map(([c, r]) => `class equals '${c}' AND attributes.region equals '${r}'`),
);
const event = fc.record(
  { class: texts, host: texts, message: texts, region: texts, attributes: fc.record({ region: texts }, { requiredKeys: [] }) },
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
  it('does not take two other values for a pair it files a rule under', () => {
    const at = new Date('2026-06-01T06:00:00Z');
    const index = new EventRuleIndex();
    index.addAll(compiled([`class equals 'x' AND attributes.region equals 'y\u0000z'`]));
    const spelledAlike: SelectorEvent = { class: 'x\u0000y', attributes: { region: 'z' } };
    expect(index.matching(spelledAlike, at.getTime(), at)).toEqual([]);
    expect(index.matching({ class: 'x', attributes: { region: 'y\u0000z' } }, at.getTime(), at)).toHaveLength(1);
  });

  it('finds exactly the rules a scan of every rule finds, prefixes included, as rules come and go', () => {
    // Every rule's schedule is in effect at this instant.
    const at = new Date('2026-06-01T06:00:00Z');
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
            expect(index.matching(e, at.getTime(), at).map((hit) => hit.rule)).toEqual(scan);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers at any instant as a scan of the rules in effect does, as rules come and go between questions', () => {
    const schedules: Schedule[] = [
      daily('Europe/Berlin', '01:30', '03:15', '2026-03-27'),
      weekly('America/New_York', '22:00', '02:00', '2026-03-01', ['SUNDAY']),
      oneTime('UTC', '2026-03-28', '10:00', '2026-03-29', '10:00'),
    ];
    const base = Date.parse('2026-03-27T00:00:00Z');
    const step = fc.record({
      minute: fc.integer({ min: 0, max: 6 * 24 * 60 }),
      add: fc.option(fc.tuple(selector, fc.nat(schedules.length - 1)), { nil: undefined }),
      remove: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.array(event, { minLength: 1, maxLength: 5 }), (steps, events) => {
        const index = new EventRuleIndex();
        const held: CompiledRule[] = [];
        steps.forEach(({ minute, add, remove }, i) => {
          if (add) {
            const rule = new CompiledRule({
              kind: 'events',
              source: SuppressionSource.BLACKOUT_POLICY,
              id: `r${i}`,
              name: `rule ${i}`,
              selector: add[0],
              precedence: [i % 3, i],
              schedule: { ...schedules[add[1]] },
            });
            index.add(rule);
            held.push(rule);
          }
          if (remove !== undefined && held.length) index.remove(held.splice(remove % held.length, 1)[0].rule.id);
          const at = new Date(base + minute * 60_000);
          const inEffect = held.filter((r) => occurrenceAt(r.schedule, at)).sort((a, b) => (precedes(a, b) ? -1 : 1));
          for (const e of events) {
            const found = index.matching(e, at.getTime(), at);
            expect(found.map((hit) => hit.rule)).toEqual(inEffect.filter((r) => r.matches(e)));
            for (const hit of found) expect(hit.reason.occurrence).toEqual(occurrenceAt(hit.rule.schedule, at));
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
