import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInputError, type FieldProblem } from '../errors/domain-error';
import { UnreadableValue } from '../scalars/scalars';
import type { RequestContext } from './request-context';

/**
 * What every argument of every field must satisfy, at any depth of its input
 * objects and lists, before a resolver (or a subscription) runs. Checked here,
 * once for the whole schema, so a new field is covered the day it is added.
 * README "Input limits" documents these numbers.
 */
export const INPUT_LIMITS = {
  /** Characters of any String (or string scalar) value. */
  maxLength: 10_000,
  /** Items of any list. */
  maxItems: 1_000,
  /** `first` and `limit` arguments: 1 to this. */
  maxPageSize: 500,
  /** A JSON value: its size written out as JSON, and its nesting. */
  maxJsonLength: 65_536,
  maxJsonDepth: 32,
  /** DateTime and LocalDate values: years 1970 to 9999. */
  minYear: 1970,
  maxYear: 9999,
} as const;

export interface Limits {
  maxLength: number;
  maxItems: number;
  maxPageSize: number;
}

/**
 * Wider (or narrower) limits for one input field (`Type.field`) or argument
 * (`Type.field.argument`). A coordinate that names nothing fails the start, so
 * a rename cannot drop a limit silently.
 */
export const LIMIT_OVERRIDES: Record<string, Partial<Limits>> = {
  'ImportMaintenanceNotificationInput.ical': { maxLength: 1_000_000 },
  'AttachNotificationInput.body': { maxLength: 1_000_000 },
  // A whole e-mail with its attachments: as long as the request body (4 MB) lets through.
  'ImportMaintenanceEmailInput.email': { maxLength: 4_000_000 },
  'CreateMonitorGroupInput.monitorIds': { maxItems: 10_000 },
  'UpdateMonitorGroupInput.monitorIds': { maxItems: 10_000 },
  'Query.schedulePreview.limit': { maxPageSize: 1_000 },
  'Maintenance.timeline.limit': { maxPageSize: 200 },
  'MaintenancePeriod.nextOccurrences.limit': { maxPageSize: 100 },
};

/** Integer arguments with these names are page sizes: 1 to `maxPageSize`, nothing else. */
export const PAGE_SIZE_ARGUMENTS: readonly string[] = ['first', 'limit'];

/** At most this many problems are reported for one field (a list of 1,000 bad ids would otherwise echo all of them). */
const MAX_PROBLEMS = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The limits of one input position: the defaults, overridden for its coordinate. */
export function limitsAt(coordinate: string): Limits {
  return {
    maxLength: INPUT_LIMITS.maxLength,
    maxItems: INPUT_LIMITS.maxItems,
    maxPageSize: INPUT_LIMITS.maxPageSize,
    ...LIMIT_OVERRIDES[coordinate],
  };
}

/**
 * graphql-js type predicates compare classes, and two copies of graphql can be
 * loaded (see format-error.ts): tell the kinds apart by their tag instead.
 */
function kind(type: unknown): string | undefined {
  return (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag];
}

interface Wrapped {
  ofType: GraphQLInputType;
}
interface InputObject {
  name: string;
  getFields(): Record<string, { name: string; type: GraphQLInputType }>;
}

/** Why a text value is refused, or null. */
function textProblem(value: string, maxLength: number): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL (U+0000) characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (no unpaired surrogates)';
  if (value.length > maxLength) return `must be at most ${maxLength} characters long`;
  return null;
}

const YEARS = `years ${INPUT_LIMITS.minYear} to ${INPUT_LIMITS.maxYear}`;

function yearInRange(year: number): boolean {
  return year >= INPUT_LIMITS.minYear && year <= INPUT_LIMITS.maxYear;
}

class Problems {
  readonly list: FieldProblem[] = [];
  add(path: string, message: string) {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ path, message });
  }
}

/** Strings (keys too) anywhere in a JSON value, its nesting and its size. */
function checkJson(value: unknown, path: string, problems: Problems) {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > INPUT_LIMITS.maxJsonDepth) return problems.add(path, `must be nested at most ${INPUT_LIMITS.maxJsonDepth} levels deep`);
    if (typeof v === 'string') {
      const problem = textProblem(v, Infinity);
      if (problem) return problems.add(path, problem);
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const problem = textProblem(key, Infinity);
        if (problem) return problems.add(path, `keys ${problem}`);
        stack.push([item, depth + 1]);
      }
    }
  }
  if ((JSON.stringify(value) ?? '').length > INPUT_LIMITS.maxJsonLength) {
    problems.add(path, `must be at most ${INPUT_LIMITS.maxJsonLength} characters long as JSON`);
  }
}

function checkScalar(name: string, value: unknown, path: string, coordinate: string, problems: Problems) {
  if (name === 'ID') {
    if (typeof value !== 'string' || !UUID.test(value)) problems.add(path, 'must be a UUID');
  } else if (name === 'JSON') {
    checkJson(value, path, problems);
  } else if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || !yearInRange(value.getUTCFullYear())) problems.add(path, `must be a date in ${YEARS}`);
  } else if (typeof value === 'string') {
    const problem = textProblem(value, limitsAt(coordinate).maxLength);
    if (problem) problems.add(path, problem);
    else if (name === 'LocalDate' && !yearInRange(Number(value.slice(0, 4)))) problems.add(path, `must be a date in ${YEARS}`);
  }
}

/** Walks one coerced value along its input type. */
function checkValue(type: GraphQLInputType, value: unknown, path: string, coordinate: string, problems: Problems): void {
  if (value === null || value === undefined) return;
  // A scalar could not read it (a zone, time or date that is none), written inline or sent in variables alike.
  if (value instanceof UnreadableValue) return problems.add(path, value.problem);
  switch (kind(type)) {
    case 'GraphQLNonNull':
      return checkValue((type as Wrapped).ofType, value, path, coordinate, problems);
    case 'GraphQLList': {
      const item = (type as Wrapped).ofType;
      if (!Array.isArray(value)) return checkValue(item, value, path, coordinate, problems);
      const { maxItems } = limitsAt(coordinate);
      if (value.length > maxItems) return problems.add(path, `must have at most ${maxItems} items`);
      value.forEach((v, i) => checkValue(item, v, `${path}.${i}`, coordinate, problems));
      return;
    }
    case 'GraphQLInputObjectType': {
      const input = type as InputObject;
      const object = value as Record<string, unknown>;
      for (const field of Object.values(input.getFields())) {
        checkValue(field.type, object[field.name], `${path}.${field.name}`, `${input.name}.${field.name}`, problems);
      }
      return;
    }
    case 'GraphQLScalarType':
      return checkScalar((type as { name: string }).name, value, path, coordinate, problems);
    default:
      return; // enums: graphql-js has checked them
  }
}

function namedType(type: GraphQLInputType): { name: string } {
  let t: unknown = type;
  while (kind(t) === 'GraphQLNonNull' || kind(t) === 'GraphQLList') t = (t as Wrapped).ofType;
  return t as { name: string };
}

/** The problems with one field's coerced arguments; paths are rooted at the argument (`input.target.id`). */
export function argumentProblems(
  parent: string,
  field: Pick<GraphQLField<unknown, unknown>, 'name' | 'args'>,
  args: Record<string, unknown>,
) {
  const problems = new Problems();
  for (const arg of field.args) {
    const coordinate = `${parent}.${field.name}.${arg.name}`;
    const value = args[arg.name];
    if (PAGE_SIZE_ARGUMENTS.includes(arg.name) && namedType(arg.type).name === 'Int' && typeof value === 'number') {
      const { maxPageSize } = limitsAt(coordinate);
      if (value < 1 || value > maxPageSize) problems.add(arg.name, `must be between 1 and ${maxPageSize}`);
      continue;
    }
    checkValue(arg.type, value, arg.name, coordinate, problems);
  }
  return problems.list;
}

function assertOverridesExist(schema: GraphQLSchema) {
  for (const coordinate of Object.keys(LIMIT_OVERRIDES)) {
    const [typeName, fieldName, argName] = coordinate.split('.');
    const fields = (
      schema.getType(typeName) as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> } | undefined
    )?.getFields?.();
    const field = fields?.[fieldName];
    const found = argName === undefined ? !!field : !!field?.args?.some((a) => a.name === argName);
    if (!found) throw new Error(`LIMIT_OVERRIDES names ${coordinate}, which is not in the schema`);
  }
}

/**
 * Puts the check in front of every resolver (and subscription) that takes
 * arguments: Nest's `transformSchema`, so HTTP and WebSocket operations both
 * meet it. Before refusing, the request's token is checked (`requireToken`,
 * see HttpOperationChecks), so a stranger learns nothing but UNAUTHENTICATED.
 */
export function guardInputs(schema: GraphQLSchema): GraphQLSchema {
  assertOverridesExist(schema);
  const subscriptionType = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (kind(type) !== 'GraphQLObjectType' || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      if (!field.args.length) continue;
      // graphql-js hands a resolver its coerced arguments as an object keyed by argument name.
      const guard = (
        inner: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>,
      ): GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> =>
        function guarded(this: unknown, source, args, context, info) {
          const problems = argumentProblems(type.name, field, args);
          if (!problems.length) return inner.call(this, source, args, context, info);
          const requireToken = (context as RequestContext | undefined)?.requireToken;
          return (requireToken ? requireToken() : Promise.resolve()).then(() => {
            throw new BadUserInputError(problems);
          });
        };
      if (type === subscriptionType) {
        if (field.subscribe) field.subscribe = guard(field.subscribe);
      } else {
        field.resolve = guard(field.resolve ?? defaultFieldResolver);
      }
    }
  }
  return schema;
}
