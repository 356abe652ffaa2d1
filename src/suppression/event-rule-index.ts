import type { EventRuleSource } from '../common/suppression/suppression.model';
import { compileSchedule, type CompiledSchedule, type Occurrence } from '../schedule';
import {
  accessor,
  compileAst,
  fieldKey,
  keyChoices,
  MIN_INFIX,
  parseSelector,
  type Accessor,
  type EqualityKey,
  type FieldRef,
  type SelectorEvent,
} from '../selector';
import { Timing } from './timing';

/** A blackout rule with its selector and schedule compiled once. */
export class CompiledRule {
  readonly matches: (event: SelectorEvent) => boolean;
  readonly schedule: CompiledSchedule;
  /** Key sets of which a matching event has at least one key each (none: any event might match). */
  readonly keyChoices: EqualityKey[][];
  readonly timing: Timing;

  constructor(readonly rule: EventRuleSource) {
    const ast = parseSelector(rule.selector);
    this.matches = compileAst(ast);
    this.keyChoices = keyChoices(ast);
    this.schedule = compileSchedule(rule.schedule);
    this.timing = new Timing(this.schedule);
  }
}

/** Whether `a` applies before `b` when both match: smaller precedence, then id. */
export function precedes(a: CompiledRule, b: CompiledRule): boolean {
  const [a0, a1] = a.rule.precedence;
  const [b0, b1] = b.rule.precedence;
  return a0 !== b0 ? a0 < b0 : a1 !== b1 ? a1 < b1 : a.rule.id < b.rule.id;
}

type ActiveAt = (rule: CompiledRule) => Occurrence | null;

/**
 * The event rules filed by the values their selectors require, so an event is
 * tested only against the rules that could match it: those filed under one of
 * its field values (a `starts with` under its prefix, a `contains` under one
 * three-letter piece of its text), and those no key could be read from. Every list is kept
 * in precedence order, and a rule can be added or removed on its own.
 */
export class EventRuleIndex {
  private readonly byValue = new Map<string, Map<string, CompiledRule[]>>();
  /** Per field, the lower-case prefixes `starts with` asks for, by length (to cut an event's text at). */
  private readonly byPrefix = new Map<string, { lengths: Map<number, number>; rules: Map<string, CompiledRule[]> }>();
  /** Per field, `contains` rules by one lower-case three-letter piece of their text. */
  private readonly byInfix = new Map<string, Map<string, CompiledRule[]>>();
  /** Per field and piece, how many `contains` texts of the rules held have that piece: a rule is filed under its rarest. */
  private readonly pieceUse = new Map<string, number>();
  private readonly readers = new Map<string, Accessor>();
  private readonly unfiled: CompiledRule[] = [];
  /** Where each rule is filed, to take it out again. */
  private readonly filed = new Map<string, { rule: CompiledRule; lists: CompiledRule[][]; prefixes: [string, number][] }>();

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

  /** Adds (or replaces) many rules; their `contains` pieces are all counted before any is filed. */
  addAll(rules: readonly CompiledRule[]): void {
    for (const rule of rules) {
      this.remove(rule.rule.id);
      this.countPieces(rule, 1);
    }
    for (const rule of rules) this.file(rule);
  }

  private file(rule: CompiledRule): void {
    const lists: CompiledRule[][] = [];
    const prefixes: [string, number][] = [];
    if (rule.keyChoices.length === 0) lists.push(this.unfiled);
    else {
      // File under the choice whose lists are shortest: no value's list grows much longer than it must.
      const crowding = (choice: EqualityKey[]) =>
        choice.reduce((sum, key) => sum + (this.valuesFor(key).get(this.slot(key))?.length ?? 0), 0);
      const choice = rule.keyChoices.reduce((best, c) => (crowding(c) < crowding(best) ? c : best));
      for (const key of choice) {
        const values = this.valuesFor(key);
        const slot = this.slot(key);
        let list = values.get(slot);
        if (!list) values.set(slot, (list = []));
        if (lists.includes(list)) continue;
        lists.push(list);
        if (key.prefix) {
          const byLength = this.byPrefix.get(fieldKey(key.field))!;
          byLength.lengths.set(key.value.length, (byLength.lengths.get(key.value.length) ?? 0) + 1);
          prefixes.push([fieldKey(key.field), key.value.length]);
        }
      }
    }
    for (const list of lists) list.splice(insertionPoint(list, rule), 0, rule);
    this.filed.set(rule.rule.id, { rule, lists, prefixes });
  }

  remove(id: string): void {
    const filed = this.filed.get(id);
    if (!filed) return;
    for (const list of filed.lists) list.splice(list.indexOf(filed.rule), 1);
    this.countPieces(filed.rule, -1);
    for (const [field, length] of filed.prefixes) {
      const lengths = this.byPrefix.get(field)!.lengths;
      const left = lengths.get(length)! - 1;
      if (left > 0) lengths.set(length, left);
      else lengths.delete(length);
    }
    this.filed.delete(id);
  }

  /** The value → rules map a key is filed in, created on first use. */
  private valuesFor({ field, prefix, infix, and }: EqualityKey): Map<string, CompiledRule[]> {
    const key = fieldKey(field, and);
    if (!this.readers.has(key)) this.readers.set(key, and ? pairAccessor(field, and.field) : accessor(field));
    if (prefix) {
      let byLength = this.byPrefix.get(key);
      if (!byLength) this.byPrefix.set(key, (byLength = { lengths: new Map(), rules: new Map() }));
      return byLength.rules;
    }
    const maps = infix ? this.byInfix : this.byValue;
    let values = maps.get(key);
    if (!values) maps.set(key, (values = new Map()));
    return values;
  }

  /** What a key is filed under: its text, or for a `contains` the three-letter piece of it fewest texts share. */
  private slot(key: EqualityKey): string {
    if (key.and) return pairValue(key.value, key.and.value);
    if (!key.infix) return key.value;
    const field = fieldKey(key.field);
    const values = this.valuesFor(key);
    const rarity = (piece: string) => (this.pieceUse.get(`${field}\u0000${piece}`) ?? 0) * 1e6 + (values.get(piece)?.length ?? 0);
    let best = key.value.slice(0, MIN_INFIX);
    for (let i = 1; i + MIN_INFIX <= key.value.length; i++) {
      const piece = key.value.slice(i, i + MIN_INFIX);
      if (rarity(piece) < rarity(best)) best = piece;
    }
    return best;
  }

  private countPieces(rule: CompiledRule, by: 1 | -1) {
    const counted = new Set<string>();
    for (const key of rule.keyChoices.flat()) {
      if (!key.infix) continue;
      for (let i = 0; i + MIN_INFIX <= key.value.length; i++)
        counted.add(`${fieldKey(key.field)}\u0000${key.value.slice(i, i + MIN_INFIX)}`);
    }
    for (const piece of counted) {
      const use = (this.pieceUse.get(piece) ?? 0) + by;
      if (use > 0) this.pieceUse.set(piece, use);
      else this.pieceUse.delete(piece);
    }
  }

  /** The first rule in precedence order that matches the event and is active (per `activeAt`, memoised by the caller). */
  first(event: SelectorEvent, activeAt: ActiveAt): [CompiledRule, Occurrence] | null {
    // Each list is in precedence order, so the answer is the best of each list's first hit: no merging.
    let best: [CompiledRule, Occurrence] | null = null;
    for (const list of this.filedFor(event)) best = firstIn(list, event, activeAt, best) ?? best;
    return firstIn(this.unfiled, event, activeAt, best) ?? best;
  }

  /** Every rule that matches the event and is active, in precedence order (the first is the one `first` gives). */
  matching(event: SelectorEvent, activeAt: ActiveAt): [CompiledRule, Occurrence][] {
    const hits: [CompiledRule, Occurrence][] = [];
    // Whether a rule is active is the cheaper question (its Timing keeps the answer), so it is asked first.
    const test = (rule: CompiledRule) => {
      const occurrence = activeAt(rule);
      if (!occurrence || !rule.matches(event) || hits.some(([hit]) => hit === rule)) return;
      hits.push([rule, occurrence]);
    };
    for (const list of this.filedFor(event)) for (const rule of list) test(rule);
    for (const rule of this.unfiled) test(rule);
    return hits.length > 1 ? hits.sort(([a], [b]) => (precedes(a, b) ? -1 : 1)) : hits;
  }

  /**
   * The lists filed under the event's own field values, the prefixes of them,
   * and the pieces of their text (a list may come twice: callers do not mind).
   */
  private filedFor(event: SelectorEvent): (readonly CompiledRule[])[] {
    const found: (readonly CompiledRule[])[] = [];
    for (const [key, values] of this.byValue) {
      const value = this.readers.get(key)!(event);
      const list = value === undefined ? undefined : values.get(value);
      if (list?.length) found.push(list);
    }
    for (const [key, { lengths, rules }] of this.byPrefix) {
      const value = this.readers.get(key)!(event)?.toLowerCase();
      if (value === undefined) continue;
      for (const length of lengths.keys()) {
        const list = length <= value.length ? rules.get(value.slice(0, length)) : undefined;
        if (list?.length) found.push(list);
      }
    }
    for (const [key, pieces] of this.byInfix) {
      if (pieces.size === 0) continue;
      const text = this.readers.get(key)!(event)?.toLowerCase();
      for (let i = 0; text && i + MIN_INFIX <= text.length; i++) {
        const list = pieces.get(text.slice(i, i + MIN_INFIX));
        if (list?.length && !found.includes(list)) found.push(list);
      }
    }
    return found;
  }
}

/** The first rule in `list` ahead of `best` that matches and is active, with its occurrence. */
function firstIn(
  list: readonly CompiledRule[],
  event: SelectorEvent,
  activeAt: ActiveAt,
  best: [CompiledRule, Occurrence] | null,
): [CompiledRule, Occurrence] | null {
  for (const rule of list) {
    if (best && !precedes(rule, best[0])) return null;
    if (!rule.matches(event)) continue;
    const occurrence = activeAt(rule);
    if (occurrence) return [rule, occurrence];
  }
  return null;
}

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

/** Two texts as one map key. Texts holding the separator could only collide into extra candidates, never hide a match. */
const pairValue = (a: string, b: string) => `${a}\u0000${b}`;

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
