import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
// TEMP until the schedule engine lands
const isValidTimeZone = (z: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: z });
    return true;
  } catch {
    return false;
  }
};

/** A string scalar checked by one predicate, the same way for literals and variables. */
function checkedString(name: string, description: string, valid: (s: string) => boolean, expected: string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} must be ${expected}; got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`, { nodes: ast });
      return check(ast.value);
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
  'an IANA time zone name such as "Europe/Berlin"',
);

export { GraphQLDateTime as DateTimeScalar, GraphQLJSON as JSONScalar, GraphQLLocalDate as LocalDateScalar };
