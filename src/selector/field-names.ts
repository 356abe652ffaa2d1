import type { FieldRef, KnownField } from './types';

/** Spellings of the known fields, lower-cased; `msg` is an alias. */
const KNOWN_FIELDS: ReadonlyMap<string, KnownField> = new Map<string, KnownField>([
  ['class', 'class'],
  ['severity', 'severity'],
  ['msg', 'message'],
  ['message', 'message'],
  ['host', 'host'],
  ['object', 'object'],
  ['_identifier', '_identifier'],
  ['service', 'service'],
]);

/** Words that can never be a bare field name: they would make `NOT equals 'x'` ambiguous. */
const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

/** The explicit prefix for an attribute whose key would otherwise read as a known field or keyword. */
export const ATTRIBUTE_PREFIX = 'attributes.';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.\-/:]*$/;
const ATTRIBUTE_KEY = /^[A-Za-z0-9_.\-/:]+$/;

export function isIdentifierStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch);
}

export function isIdentifierPart(ch: string): boolean {
  return /[A-Za-z0-9_.\-/:]/.test(ch);
}

export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word.toLowerCase());
}

export function knownField(word: string): KnownField | undefined {
  return KNOWN_FIELDS.get(word.toLowerCase());
}

/** The prefix is matched case-insensitively, like the known fields. */
export function hasAttributePrefix(word: string): boolean {
  return word.toLowerCase().startsWith(ATTRIBUTE_PREFIX);
}

/** The shortest spelling that parses back to `field`: a bare key when unambiguous, else `attributes.<key>`. */
export function fieldText(field: FieldRef): string {
  if (field.kind === 'field') return field.name;
  const { key } = field;
  if (!ATTRIBUTE_KEY.test(key)) throw new RangeError(`Attribute key ${JSON.stringify(key)} cannot be written in a selector`);
  const bare = IDENTIFIER.test(key) && !isKeyword(key) && !knownField(key) && !hasAttributePrefix(key);
  return bare ? key : ATTRIBUTE_PREFIX + key;
}
