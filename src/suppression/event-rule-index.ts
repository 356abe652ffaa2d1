import type { EventRuleSource, Reason } from '../common/suppression/suppression.model';
import type { CompiledSchedule } from '../schedule';
import {
  accessor,
  fieldKey,
  MIN_INFIX,
  residual,
  type Accessor,
  type EqualityKey,
  type FieldRef,
  type Matcher,
  type SelectorEvent,
} from '../selector';
import { sharedMatcher, sharedSchedule, sharedSelector, type ParsedSelector } from './compiled-once';
import { Timing } from './timing';

/** A blackout rule with its selector and schedule compiled once. */
export class CompiledRule {
  /** Its selector, shared with the rules written alike. */
  private readonly selector: ParsedSelector;
  readonly schedule: CompiledSchedule;
  readonly timing: Timing;
  /** The rule's precedence and id, on the rule itself: ordering the hits of an event compares them again and again. */
  readonly first: number;
  readonly second: number;
  readonly id: string;

  constructor(readonly rule: EventRuleSource) {
    [this.first, this.second] = rule.precedence;
    this.id = rule.id;
    this.selector = sharedSelector(rule.selector);
    this.schedule = sharedSchedule(rule.schedule);
    this.timing = new Timing(rule, false, this.schedule);
  }

  get matches(): Matcher {
    return this.selector.matches;
  }

  /** Key sets of which a matching event has at least one key each (none: any event might match). */
  get keyChoices(): EqualityKey[][] {
    return this.selector.keyChoices;
  }

  /** What is left to test for an event found by `key` (see `residual`; null: it matches); the whole selector when found unfiled. */
  testFor(key: EqualityKey | null): Matcher | null {
    if (!key) return this.matches;
    const rest = residual(key, this.selector.ast);
    return rest === null ? null : rest === this.selector.ast ? this.matches : sharedMatcher(rest);
  }
}

/** What orders rules: a rule, or a rule in effect (which carries its rule's, so ordering the hits of an event reads no rule). */
interface Ranked {
  readonly first: number;
  readonly second: number;
  readonly id: string;
}

/** Whether `a` applies before `b` when both match: smaller precedence, then id. */
export function precedes(a: Ranked, b: Ranked): boolean {
  return a.first !== b.first ? a.first < b.first : a.second !== b.second ? a.second < b.second : a.id < b.id;
}

/** A rule in effect, with its reason, what is left to test for an event found through its list (null: it matches), and its rank. */
export interface ActiveRule extends Ranked {
  rule: CompiledRule;
  reason: Reason;
  test: Matcher | null;
}

const NO_HITS: readonly ActiveRule[] = Object.freeze([]);

/**
 * Rules in precedence order, with those of them in effect kept for as long as
 * that set stays the same: an event is only tested against rules in effect,
 * and while none of the list's rules starts or ends no timing is asked again.
 */
class RuleList {
  readonly rules: CompiledRule[] = [];
  /** What is left to test of each rule (side by side with `rules`) for an event found through this list (null: nothing). */
  private readonly tests: (Matcher | null)[] = [];
  private active: ActiveRule[] = [];
  /** Whether no rule in effect has anything left to test: an event finding this list matches them all. */
  untested = true;
  private fromMs = Number.NaN;
  private untilMs = Number.NaN;

  insert(rule: CompiledRule, test: Matcher | null) {
    const at = insertionPoint(this.rules, rule);
    this.rules.splice(at, 0, rule);
    this.tests.splice(at, 0, test);
    this.untilMs = Number.NaN;
  }

  remove(rule: CompiledRule) {
    const at = this.rules.indexOf(rule);
    this.rules.splice(at, 1);
    this.tests.splice(at, 1);
    this.untilMs = Number.NaN;
  }

  /** The rules in effect at `at`, in precedence order. */
  activeAt(atMs: number, at: Date): readonly ActiveRule[] {
    if (this.fromMs <= atMs && atMs < this.untilMs) return this.active;
    const active: ActiveRule[] = [];
    let untilMs = Infinity;
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i];
      const reason = rule.timing.at(atMs, at);
      if (reason) active.push({ rule, reason, test: this.tests[i], first: rule.first, second: rule.second, id: rule.id });
      untilMs = Math.min(untilMs, rule.timing.sameUntil(atMs));
    }
    this.untested = active.every((hit) => hit.test === null);
    this.active = active;
    this.fromMs = atMs;
    this.untilMs = untilMs;
    return active;
  }
}

/**
 * The event rules filed by the values their selectors require, so an event is
 * tested only against the rules that could match it: those filed under one of
 * its field values (a `starts with` under its prefix, a `contains` under one
 * three-letter piece of its text), and those no key could be read from. Every list is kept
 * in precedence order, and a rule can be added or removed on its own.
 */
export class EventRuleIndex {
  private readonly byValue = new Map<string, FiledField>();
  /** Per field, the lower-case prefixes `starts with` asks for, by length (to cut an event's text at). */
  private readonly byPrefix = new Map<string, FiledField & { lengths: Map<number, number> }>();
  /** Per field, `contains` rules by one lower-case three-letter piece of their text. */
  private readonly byInfix = new Map<string, FiledField & { pieces: PieceFilter }>();
  /** Per field, how many `contains` texts of the rules held have each piece: a rule is filed under its rarest. */
  private readonly pieceUse = new Counts();
  /** Per field (and kind of key), how many keys of the rules held ask for each value: how widely an event's value is shared. */
  private readonly valueUse = new Counts();
  private readonly unfiled = new RuleList();
  /** Where each rule is filed, to take it out again. */
  private readonly filed = new Map<string, { rule: CompiledRule; lists: RuleList[]; prefixes: [string, number][] }>();

  get size(): number {
    return this.filed.size;
  }

  rules(): CompiledRule[] {
    return [...this.filed.values()].map((f) => f.rule);
  }

  get(id: string): CompiledRule | undefined {
    return this.filed.get(id)?.rule;
  }

  add(rule: CompiledRule): void {
    this.addAll([rule]);
  }

  /** Adds (or replaces) many rules; their keys are all counted before any is filed. */
  addAll(rules: readonly CompiledRule[]): void {
    for (const rule of rules) {
      this.remove(rule.rule.id);
      this.count(rule, 1);
    }
    for (const rule of rules) this.file(rule);
  }

  private file(rule: CompiledRule): void {
    const lists: [RuleList, EqualityKey | null][] = [];
    const prefixes: [string, number][] = [];
    if (rule.keyChoices.length === 0) lists.push([this.unfiled, null]);
    else {
      const choice = rule.keyChoices.reduce((best, c) => (this.costOf(c) < this.costOf(best) ? c : best));
      for (const key of choice) {
        const values = this.valuesFor(key);
        const slot = this.slot(key);
        let list = values.get(slot);
        if (!list) {
          values.set(slot, (list = new RuleList()));
          if (key.infix) this.byInfix.get(fieldKey(key.field))!.pieces.add(slot);
        }
        if (lists.some(([filed]) => filed === list)) continue;
        lists.push([list, key]);
        if (key.prefix) {
          const byLength = this.byPrefix.get(fieldKey(key.field))!;
          byLength.lengths.set(key.value.length, (byLength.lengths.get(key.value.length) ?? 0) + 1);
          prefixes.push([fieldKey(key.field), key.value.length]);
        }
      }
    }
    for (const [list, key] of lists) list.insert(rule, rule.testFor(key));
    this.filed.set(rule.rule.id, { rule, lists: lists.map(([list]) => list), prefixes });
  }

  /**
   * What filing under a choice adds to the work of matching, roughly: the
   * share of events that look at its lists — a class is shared by many, a
   * host, or a class and a region together, by few. Among equals, the choice
   * whose lists are shortest, so no value's list grows longer than it must.
   */
  private costOf(choice: EqualityKey[]): number {
    let share = 0;
    let crowding = 0;
    for (const key of choice) {
      share += this.share(key);
      crowding += this.valuesFor(key).get(this.slot(key))?.rules.length ?? 0;
    }
    // Crowding only breaks ties: no list holds anywhere near 1e9 rules.
    return share + crowding / 1e12;
  }

  /** About what share of events have a key: one over how many values the rules ask of its field (a pair: of both fields). */
  private share(key: EqualityKey): number {
    const own = 1 / Math.max(1, this.valueUse.distinct(valueGroup(key)));
    return key.and ? own * this.share(key.and) : own;
  }

  remove(id: string): void {
    const filed = this.filed.get(id);
    if (!filed) return;
    for (const list of filed.lists) list.remove(filed.rule);
    this.count(filed.rule, -1);
    for (const [field, length] of filed.prefixes) {
      const lengths = this.byPrefix.get(field)!.lengths;
      const left = lengths.get(length)! - 1;
      if (left > 0) lengths.set(length, left);
      else lengths.delete(length);
    }
    this.filed.delete(id);
  }

  /** The value → rules map a key is filed in, created on first use. */
  private valuesFor({ field, prefix, infix, and }: EqualityKey): Map<string, RuleList> {
    const key = fieldKey(field, and);
    const read = () => (and ? pairAccessor(field, and.field) : accessor(field));
    if (prefix) {
      let byLength = this.byPrefix.get(key);
      if (!byLength) this.byPrefix.set(key, (byLength = { read: read(), lists: new Map(), lengths: new Map() }));
      return byLength.lists;
    }
    if (infix) {
      let pieces = this.byInfix.get(key);
      if (!pieces) this.byInfix.set(key, (pieces = { read: read(), lists: new Map(), pieces: new PieceFilter() }));
      return pieces.lists;
    }
    let values = this.byValue.get(key);
    if (!values) this.byValue.set(key, (values = { read: read(), lists: new Map() }));
    return values.lists;
  }

  /** What a key is filed under: its text, or for a `contains` the three-letter piece of it fewest texts share. */
  private slot(key: EqualityKey): string {
    if (key.and) return pairValue(key.value, key.and.value);
    if (!key.infix) return key.value;
    const field = fieldKey(key.field);
    const values = this.valuesFor(key);
    const rarity = (piece: string) => this.pieceUse.count(field, piece) * 1e6 + (values.get(piece)?.rules.length ?? 0);
    let best = key.value.slice(0, MIN_INFIX);
    for (let i = 1; i + MIN_INFIX <= key.value.length; i++) {
      const piece = key.value.slice(i, i + MIN_INFIX);
      if (rarity(piece) < rarity(best)) best = piece;
    }
    return best;
  }

  /** Counts (by +1) or uncounts (by -1) the values and `contains` pieces a rule's keys ask for. */
  private count(rule: CompiledRule, by: 1 | -1) {
    // By field, each piece once per rule: how many texts have a piece, not how often.
    const pieces = new Map<string, Set<string>>();
    for (const key of rule.keyChoices.flat()) {
      for (const part of key.and ? [key, key.and] : [key]) this.valueUse.add(valueGroup(part), part.value, by);
      if (!key.infix) continue;
      const field = fieldKey(key.field);
      const found = pieces.get(field) ?? new Set<string>();
      for (let i = 0; i + MIN_INFIX <= key.value.length; i++) found.add(key.value.slice(i, i + MIN_INFIX));
      pieces.set(field, found);
    }
    for (const [field, found] of pieces) for (const piece of found) this.pieceUse.add(field, piece, by);
  }

  /**
   * Every rule in effect at `at` that matches the event, in precedence order
   * (the first is the one that applies): the rules filed under the event's own
   * field values, the prefixes of them and the pieces of their text, and the
   * unfiled ones.
   */
  matching(event: SelectorEvent, atMs: number, at: Date): readonly ActiveRule[] {
    let hits: ActiveRule[] | null = null;
    // The first list with hits, taken whole while it is the only one and needs no test: its rules in effect, in order, each once.
    let whole: readonly ActiveRule[] | null = null;
    const test = (list: RuleList | undefined) => {
      const active = list?.activeAt(atMs, at);
      if (!active?.length) return;
      if (!hits && !whole && list!.untested) {
        whole = active;
        return;
      }
      hits ??= whole ? whole.slice() : [];
      for (const hit of active) {
        if (hit.test !== null && !hit.test(event)) continue;
        // Each list is in precedence order, so a hit mostly goes at the end: an insertion costs a comparison or two.
        let i = hits.length;
        while (i > 0 && precedes(hit, hits[i - 1])) i--;
        // A rule filed in two of the lists the event finds is found twice: it ranks equal to itself.
        if (i > 0 && hits[i - 1].rule === hit.rule) continue;
        if (i === hits.length) hits.push(hit);
        else hits.splice(i, 0, hit);
      }
    };
    for (const { read, lists } of this.byValue.values()) {
      const value = read(event);
      if (value !== undefined) test(lists.get(value));
    }
    for (const { read, lists, lengths } of this.byPrefix.values()) {
      const value = read(event)?.toLowerCase();
      if (value !== undefined) for (const length of lengths.keys()) if (length <= value.length) test(lists.get(value.slice(0, length)));
    }
    for (const { read, lists, pieces } of this.byInfix.values()) {
      if (lists.size === 0) continue;
      const text = read(event)?.toLowerCase();
      if (text) pieces.each(text, (at) => test(lists.get(text.slice(at, at + MIN_INFIX))));
    }
    test(this.unfiled);
    return hits ?? whole ?? NO_HITS;
  }
}

/** One field's (or pair of fields') rule lists by value, and how to read that value from an event. */
interface FiledField {
  read: Accessor;
  lists: Map<string, RuleList>;
}

/**
 * Which pieces a field has lists for, by a hash of their letters: an event's
 * text is cut into a piece (a new string, hashed again for the map) only
 * where a list may be — most of its pieces have none. Never a false "no".
 */
class PieceFilter {
  private readonly filed = new Uint8Array(1 << 16);

  add(piece: string) {
    this.filed[pieceHash(piece, 0) & 0xffff] = 1;
  }

  /** Calls `found` with where each piece of `text` that may have a list starts. */
  each(text: string, found: (at: number) => void) {
    if (text.length < MIN_INFIX) return;
    let hash = pieceHash(text, 0);
    for (let at = 0; ; at++) {
      if (this.filed[hash & 0xffff] === 1) found(at);
      if (at + MIN_INFIX >= text.length) return;
      // The next piece's hash from this one's: drop the first letter, take the one after the piece.
      hash = (hash - text.charCodeAt(at) * LEAD) * 31 + text.charCodeAt(at + MIN_INFIX);
    }
  }
}

/** What the first letter of a piece is multiplied by in its hash. */
const LEAD = 31 ** (MIN_INFIX - 1);

/** A piece's letters as a number (below 2^21 · 31 ** MIN_INFIX: exact), masked to the filter's size when used. */
function pieceHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + MIN_INFIX; i++) hash = hash * 31 + text.charCodeAt(i);
  return hash;
}

/** How many times each value of each group is asked for. */
class Counts {
  private readonly groups = new Map<string, Map<string, number>>();

  add(group: string, value: string, by: 1 | -1) {
    let values = this.groups.get(group);
    if (!values) this.groups.set(group, (values = new Map<string, number>()));
    const left = (values.get(value) ?? 0) + by;
    if (left > 0) values.set(value, left);
    else values.delete(value);
  }

  count(group: string, value: string): number {
    return this.groups.get(group)?.get(value) ?? 0;
  }

  /** How many values of the group are asked for. */
  distinct(group: string): number {
    return this.groups.get(group)?.size ?? 0;
  }
}

/** Keys are counted by field and kind: a prefix or a piece of text is not a whole value. */
const valueGroup = (key: EqualityKey) => `${key.prefix ? '^' : key.infix ? '*' : '='}${fieldKey(key.field)}`;

/** Where `rule` goes in a list kept in precedence order. */
function insertionPoint(list: readonly CompiledRule[], rule: CompiledRule): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (precedes(list[middle], rule)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Two texts as one map key, the first's length in front: no other two texts
 * spell the same key (with a separator, `x␀y` + `z` and `x` + `y␀z` would),
 * so finding a pair's list means having both values — the index then skips
 * what they settle.
 */
const pairValue = (a: string, b: string) => `${a.length}:${a}${b}`;

/** Reads two fields as one value, for keys filed by a pair (undefined unless the event has both). */
function pairAccessor(a: FieldRef, b: FieldRef): Accessor {
  const readA = accessor(a);
  const readB = accessor(b);
  return (event) => {
    const first = readA(event);
    const second = first === undefined ? undefined : readB(event);
    return second === undefined ? undefined : pairValue(first!, second);
  };
}
