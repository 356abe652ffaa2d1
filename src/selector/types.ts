/** The event a selector is evaluated against; `null` and `undefined` both mean the field is missing. */
export interface SelectorEvent {
  class?: string | null;
  severity?: string | null;
  message?: string | null;
  host?: string | null;
  /** Field `object`. */
  objectId?: string | null;
  /** Field `_identifier`. */
  identifier?: string | null;
  /** Field `service`. */
  serviceId?: string | null;
  /** Any key is a field; non-string values are compared via `String(value)`. */
  attributes?: Record<string, unknown> | null;
}

/** The event fields a selector can name directly (`msg` is parsed as `message`). */
export type KnownField = 'class' | 'severity' | 'message' | 'host' | 'object' | '_identifier' | 'service';

export type FieldRef = { kind: 'field'; name: KnownField } | { kind: 'attribute'; key: string };

export type Operator =
  'equals' | 'not equals' | 'contains' | 'not contains' | 'starts with' | 'ends with' | 'matches' | 'within' | 'greater than' | 'less than';

export const OPERATORS: readonly Operator[] = [
  'equals',
  'not equals',
  'contains',
  'not contains',
  'starts with',
  'ends with',
  'matches',
  'within',
  'greater than',
  'less than',
];

export type SelectorValue = string | number | (string | number)[];

export interface CompareNode {
  kind: 'compare';
  field: FieldRef;
  op: Operator;
  /** A `within` value is either the quoted comma-separated string or the list literal, as written. */
  value: SelectorValue;
  /** Offset of the field name in the selector text. */
  position: number;
  /** Offset of the value, so a bad `matches` pattern can be reported where it was written. */
  valuePosition: number;
}

export type SelectorAst =
  { kind: 'or' | 'and'; left: SelectorAst; right: SelectorAst } | { kind: 'not'; operand: SelectorAst } | CompareNode;
