import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { isValidTimeZone } from '../../schedule';
import { isoInstant } from './iso-instant';

/**
 * An input value a scalar cannot read. Scalars hand it on rather than fail the
 * query, because graphql-js would report the failure one way for a value
 * written in the query (GRAPHQL_VALIDATION_FAILED naming that one value) and
 * another for the same value sent in variables (BAD_USER_INPUT at a path from
 * the variable). The input guard, which sees every argument before any
 * resolver, refuses it: BAD_USER_INPUT listing every bad field at its path
 * from the argument (`input.schedule.timeZone`), however the value arrived.
 */
export class UnreadableValue {
  constructor(readonly problem: string) {}
}

/** A string scalar checked by one predicate, the same way for literals and variables. */
function checkedString(name: string, description: string, valid: (s: string) => boolean, expected: string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} must be ${expected}; got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  const read = (value: unknown): string | UnreadableValue =>
    typeof value === 'string' && valid(value) ? value : new UnreadableValue(`must be ${expected}`);
  return new GraphQLScalarType<string | UnreadableValue, string>({
    name,
    description,
    serialize: check,
    parseValue: read,
    parseLiteral: (ast: ValueNode) => read(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** A library scalar whose input failures become UnreadableValue (see there); output is unchanged. */
function readingGently<T>(scalar: GraphQLScalarType<T, unknown>, expected: string): GraphQLScalarType<T | UnreadableValue, unknown> {
  const config = scalar.toConfig();
  const problem = () => new UnreadableValue(`must be ${expected}`);
  return new GraphQLScalarType<T | UnreadableValue, unknown>({
    ...config,
    parseValue(value) {
      try {
        return config.parseValue(value);
      } catch {
        return problem();
      }
    },
    parseLiteral(ast, variables) {
      try {
        return config.parseLiteral(ast, variables);
      } catch {
        return problem();
      }
    },
  });
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const LocalTimeScalar = checkedString(
  'LocalTime',
  'A wall-clock time, `HH:mm`, 24-hour.',
  (s) => HH_MM.test(s),
  'HH:mm (00:00–23:59)',
);

export const TimeZoneScalar = checkedString(
  'TimeZone',
  'An IANA time zone name such as `Europe/Berlin`, or `UTC`.',
  isValidTimeZone,
  'an IANA time zone such as "Europe/Berlin", or "UTC"',
);

const gentleDateTime = readingGently(GraphQLDateTime, 'a date and time with its offset, such as "2026-06-01T12:00:00Z"');
/**
 * Sent as the ISO string JSON would make of the Date anyway: left a Date,
 * JSON.stringify calls its toJSON on the slow path, which made a month's
 * calendar (7,000 dates) take three times as long to write out.
 */
export const DateTimeScalar = new GraphQLScalarType<Date | UnreadableValue, string>({
  ...gentleDateTime.toConfig(),
  serialize: (value) => isoInstant(gentleDateTime.serialize(value) as Date),
});
export const LocalDateScalar = readingGently(GraphQLLocalDate, 'a date, YYYY-MM-DD');
export { GraphQLJSON as JSONScalar };
