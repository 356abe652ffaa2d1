import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { limitsAt } from '../../src/common/graphql/input-guard';
import { ADMIN_SECRET, type GraphQLResponse, TestHush } from '../support/hush';
import { wsClient } from '../support/ws';

/**
 * Schema-driven fuzzing. Every query, mutation and subscription is read from
 * the schema (introspection, with a token), so the test grows with it. Each
 * argument, each field of its input objects and each list item, at any depth,
 * gets hostile values while the other arguments hold plausible ones (ids of
 * objects seeded below, so calls get past NOT_FOUND to the deeper code).
 * Fields with arguments below the root (`Maintenance.timeline(limit)`) are
 * reached through the shortest route of queries from the root.
 *
 * A call fails the test when it answers INTERNAL_SERVER_ERROR, an HTTP 5xx, a
 * stack trace or SQL. Each call is one request (see `post`); queries go eight
 * at a time, subscriptions all at once on one socket.
 */

type PathKey = string | number;
type AnyField = GraphQLField<unknown, unknown>;

interface Hop {
  field: AnyField;
  args: Record<string, unknown>;
}

interface Call {
  label: string;
  operation: 'query' | 'mutation' | 'subscription';
  hops: Hop[];
  /** Hostile strings the answer may echo back (in coercion messages), cut out before looking for leaks. */
  echoes: string[];
}

// ---- hostile values

/** A few values of each hostile kind per type: enough to find a leak, few enough to run in seconds. */
const LONG = 'x'.repeat(20_000);
const STRINGS = ['', LONG, 'nul\u0000byte', '\u202Eevil\u202C name', "x'); DROP TABLE service; --", 'lone \uD800 surrogate'];
const FORGED_CURSORS = [
  Buffer.from(JSON.stringify({ v: "'; DROP TABLE x; --", id: 'not-a-uuid' })).toString('base64url'),
  Buffer.from(JSON.stringify({ v: 'not a time', id: randomUUID() })).toString('base64url'),
  Buffer.from(JSON.stringify({ v: { nested: true }, id: randomUUID() })).toString('base64url'),
];
const IDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', randomUUID(), "1' OR '1'='1"];
const INTS = [-1, 0, 2147483647];
const FLOATS = [-1, 0, 1e308];
const DATES = ['0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z', 'not a date'];
const LOCAL_DATES = ['0000-01-01', '9999-12-31', '2026-02-30'];
const LOCAL_TIMES = ['24:00', '23:59'];
const TIME_ZONES = ['Mars/Olympus_Mons', 'UTC\u0000'];
const deep = (n: number): unknown => (n === 0 ? 'bottom' : { d: deep(n - 1) });
const JSONS = [{}, { 'key\u0000': 1 }, { value: 'nul\u0000' }, deep(100), { big: 'j'.repeat(70_000) }];

function hostileValues(type: GraphQLInputType, name: string, coordinate: string, sample: () => unknown): unknown[] {
  const t = getNullableType(type);
  if (isListType(t)) {
    const one = sample();
    return [[], Array.from({ length: limitsAt(coordinate).maxItems + 1 }, () => (Array.isArray(one) ? one[0] : one))];
  }
  if (isEnumType(t)) return ['NOT_A_VALUE'];
  if (!isScalarType(t)) return [];
  switch (t.name) {
    case 'Int':
      return INTS;
    case 'Float':
      return FLOATS;
    case 'Boolean':
      return [];
    case 'ID':
      return IDS;
    case 'DateTime':
      return DATES;
    case 'LocalDate':
      return LOCAL_DATES;
    case 'LocalTime':
      return LOCAL_TIMES;
    case 'TimeZone':
      return TIME_ZONES;
    case 'JSON':
      return JSONS;
    default:
      return name === 'after' ? [...STRINGS, ...FORGED_CURSORS] : STRINGS;
  }
}

// ---- what a client must never see

const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\] ]+ \((?:\/|node:|file:)|\n\s+at \S+ \(/],
  ['a stack trace', /"stacktrace"|node_modules|\.ts:\d+:\d+/],
  ['an ORM or driver error', /QueryFailedError|TypeORMError|EntityPropertyNotFound|PGlite|DatabaseError/],
  [
    'a PostgreSQL message',
    /syntax error at or near|invalid input syntax|violates \w+(?:-\w+)? constraint|duplicate key value|relation "|column "|invalid byte sequence|value too long for type|out of range|must not be negative|unsupported Unicode escape|current transaction is aborted/i,
  ],
  ['SQL', /\bSELECT\b[\s\S]{0,300}\bFROM\b|\bINSERT INTO\b|\bUPDATE\s+"?\w+"?\s+SET\b|\bDELETE FROM\b/i],
];

describe('hostile arguments, from the schema', () => {
  let hush: TestHush;
  let schema: GraphQLSchema;
  const known = new Map<string, string>();
  let unique = 0;
  let ical = '';

  beforeAll(async () => {
    // Refused writes (unique names) are logged as warnings by the SQL logger; only errors matter here.
    hush = await TestHush.start({ env: { LOG_LEVEL: 'error' } });
    const introspection = await hush.ok<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(introspection);
    ical = readFileSync(join(__dirname, '..', 'fixtures', 'bcop', 'in-process-multi-circuit.ics'), 'utf8');
    await seed();
  }, 120_000);
  afterAll(() => hush.close());

  /** One object of each kind, so that plausible ids find something and nested fields have parents to resolve on. */
  async function seed() {
    const m = async (type: string, mutation: string, input: Record<string, unknown>, extra = '') => {
      const name = mutation.replace(/^./, (c) => c.toUpperCase());
      const data = await hush.ok(`mutation($i: ${name}Input!${extra ? `, ${extra}` : ''}) { ${mutation}(input: $i) { id } }`, { i: input });
      known.set(type, (data[mutation] as { id: string }).id);
      return known.get(type)!;
    };
    const schedule = { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '01:00', endTime: '02:00' };
    const user = await m('User', 'createUser', { name: 'Fuzz owner', email: 'fuzz-owner@example.com' });
    const policy = await m('EscalationPolicy', 'createEscalationPolicy', {
      name: 'Fuzz policy',
      rules: [{ delayMinutes: 5, targets: [{ type: 'USER', id: user }] }],
    });
    const service = await m('Service', 'createService', { name: 'Fuzz service', escalationPolicyId: policy });
    await m('MaintenanceWindow', 'createMaintenanceWindow', {
      serviceIds: [service],
      startsAt: '2026-06-01T11:00:00Z',
      endsAt: '2026-06-01T13:00:00Z',
    });
    const monitor = await m('Monitor', 'createMonitor', { name: 'Fuzz monitor' });
    await m('MonitorGroup', 'createMonitorGroup', { name: 'Fuzz group', monitorIds: [monitor] });
    const period = await hush.ok(
      'mutation($m: ID!, $i: MaintenancePeriodInput!) { createMaintenancePeriod(monitorId: $m, input: $i) { id } }',
      { m: monitor, i: { schedule, maintenanceType: 'DISABLE_NOTIFICATIONS' } },
    );
    known.set('MaintenancePeriod', period.createMaintenancePeriod.id);
    const provider = await m('Provider', 'createProvider', { name: 'Fuzz transit', slug: 'fuzz-transit' });
    const region = await m('Region', 'createRegion', { name: 'Fuzz region' });
    const site = await m('Site', 'createSite', { name: 'FUZZ1', regionId: region });
    const location = await m('Location', 'createLocation', { name: 'Fuzz cage', siteId: site });
    const circuit = await m('Circuit', 'createCircuit', { providerId: provider, cid: 'FUZZ-1', siteId: site, locationId: location });
    const maintenance = await m('Maintenance', 'createMaintenance', {
      name: 'FUZZ-MW',
      summary: 'Fuzz work',
      providerId: provider,
      startsAt: '2026-06-10T01:00:00Z',
      endsAt: '2026-06-10T05:00:00Z',
      originalTimeZone: 'Europe/Berlin',
    });
    const impact = await hush.ok('mutation($m: ID!, $i: AddImpactInput!) { addImpact(maintenanceId: $m, input: $i) { id } }', {
      m: maintenance,
      i: { level: 'OUTAGE', target: { type: 'CIRCUIT', id: circuit } },
    });
    known.set('Impact', impact.addImpact.id);
    await m('Outage', 'createOutage', { name: 'FUZZ-OUT', providerId: provider, startsAt: '2026-06-01T09:00:00Z' });
    await m('RedundancyGroup', 'createRedundancyGroup', {
      name: 'Fuzz uplinks',
      members: [{ target: { type: 'CIRCUIT', id: circuit } }, { target: { type: 'SITE', id: site } }],
    });
    const notification = await hush.ok(
      'mutation($m: ID!, $i: AttachNotificationInput!) { attachNotification(maintenanceId: $m, input: $i) { id } }',
      { m: maintenance, i: { subject: 'Fuzz', sender: 'noc@example.com', receivedAt: '2026-06-01T10:00:00Z', body: 'hello' } },
    );
    known.set('EventNotification', notification.attachNotification.id);
    await m('BlackoutPolicy', 'createBlackoutPolicy', {
      name: 'Fuzz blackout',
      executionOrder: 1,
      selector: "host equals 'fuzz'",
      schedule,
    });
    const events = await hush.ok('mutation($e: [EventInput!]!) { ingestEvents(events: $e) { id } }', { e: [{ host: 'fuzz' }] });
    known.set('Event', events.ingestEvents[0].id);
    const outcome = await hush.ok('mutation($i: SendEventInput!) { sendEvent(input: $i) { incident { id } } }', {
      i: { serviceId: service, action: 'TRIGGER', summary: 'fuzz', dedupKey: 'fuzz' },
    });
    if (outcome.sendEvent.incident) known.set('Incident', outcome.sendEvent.incident.id);
    known.set('ApiToken', (await hush.ok('{ me { id } }')).me.id);
  }

  // ---- plausible values, to get past the first check

  const pascal = (s: string) => s.replace(/^./, (c) => c.toUpperCase());
  const ALIASES: Record<string, string> = {
    group: 'MonitorGroup',
    requester: 'User',
    replaces: 'Maintenance',
    policy: 'BlackoutPolicy',
    parent: 'Region',
    object: 'Maintenance',
    'ImpactTargetInput.id': 'Circuit',
    'EscalationTargetInput.id': 'User',
  };

  /** The kinds of object an id argument most likely names, best guess first. */
  function idKinds(name: string, coordinate: string, owner?: AnyField): string[] {
    const stem = name.replace(/Ids?$/, '').replace(/^ids?$/, '');
    const kinds = [ALIASES[coordinate], ALIASES[stem], stem && pascal(stem)];
    if (owner) {
      const returned = getNamedType(owner.type).name.replace(/(Deletion|Change|Connection|Page|Import)$/, '');
      const named = pascal(
        owner.name.replace(/^(create|update|delete|enable|disable|acknowledge|close|cancel|mark|remove|revoke|reschedule)/, ''),
      )
        .replace(/ies$/, 'y')
        .replace(/s$/, '');
      kinds.push(returned, named);
    }
    return kinds.filter((k): k is string => !!k);
  }

  function sample(type: GraphQLInputType, name: string, coordinate: string, owner?: AnyField): unknown {
    const t = getNullableType(type);
    if (isListType(t)) return [sample(t.ofType, name, coordinate, owner)];
    if (isInputObjectType(t)) {
      if (t.name === 'ScheduleInput')
        return { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '01:00', endTime: '02:00' };
      if (t.name === 'SuppressionTarget') return { serviceId: known.get('Service') };
      const value: Record<string, unknown> = {};
      for (const f of Object.values(t.getFields())) {
        if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = sample(f.type, f.name, `${t.name}.${f.name}`);
      }
      return value;
    }
    if (isEnumType(t)) return t.getValues()[0].value ?? t.getValues()[0].name;
    switch (isScalarType(t) ? t.name : '') {
      case 'ID':
        return (
          idKinds(name, coordinate, owner)
            .map((k) => known.get(k))
            .find(Boolean) ?? randomUUID()
        );
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return /end|to$|before/i.test(name) ? '2026-06-03T12:00:00Z' : '2026-06-02T10:00:00Z';
      case 'LocalDate':
        return '2026-06-02';
      case 'LocalTime':
        return '01:00';
      case 'TimeZone':
        return 'UTC';
      case 'JSON':
        return { source: 'fuzz' };
      default:
        if (name === 'selector') return "host equals 'fuzz'";
        if (name === 'email' || name === 'sender') return `fuzz${++unique}@example.com`;
        if (name === 'ical') return ical;
        if (name === 'after') return undefined;
        return `fuzz-${++unique}`;
    }
  }

  /** The required arguments of a field, plausibly filled. */
  function baseline(parent: string, field: AnyField): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (isNonNullType(arg.type) && arg.defaultValue === undefined)
        args[arg.name] = sample(arg.type, arg.name, `${parent}.${field.name}.${arg.name}`, field);
    }
    return args;
  }

  // ---- where hostile values go

  interface Position {
    path: PathKey[];
    type: GraphQLInputType;
    name: string;
    coordinate: string;
  }

  function* positions(type: GraphQLInputType, path: PathKey[], name: string, coordinate: string, depth = 0): Generator<Position> {
    yield { path, type, name, coordinate };
    const t = getNullableType(type);
    if (isListType(t)) yield* positions(t.ofType, [...path, 0], name, coordinate, depth + 1);
    if (isInputObjectType(t) && depth < 8) {
      for (const f of Object.values(t.getFields())) yield* positions(f.type, [...path, f.name], f.name, `${t.name}.${f.name}`, depth + 1);
    }
  }

  /** The baseline arguments with `value` put at `path`, creating plausible parents on the way. */
  function argsWith(parent: string, field: AnyField, base: Record<string, unknown>, path: PathKey[], value: unknown) {
    const args = structuredClone(base);
    let container: Record<PathKey, unknown> = args;
    let type: GraphQLInputType = field.args.find((a) => a.name === path[0])!.type;
    let coordinate = `${parent}.${field.name}.${String(path[0])}`;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i];
      if (container[key] === undefined || container[key] === null) container[key] = sample(type, String(key), coordinate, field);
      container = container[key] as Record<PathKey, unknown>;
      const t = getNullableType(type);
      const next = path[i + 1];
      if (isListType(t)) type = t.ofType;
      else if (isInputObjectType(t)) {
        coordinate = `${t.name}.${String(next)}`;
        type = t.getFields()[next as string].type;
      }
    }
    container[path[path.length - 1]] = value;
    return args;
  }

  /** Hostile calls on one field's arguments, reached through `route` (empty for a root field). */
  function callsFor(operation: Call['operation'], parent: string, route: Hop[], field: AnyField): Call[] {
    const base = baseline(parent, field);
    const calls: Call[] = [];
    for (const arg of field.args) {
      for (const position of positions(arg.type, [arg.name], arg.name, `${parent}.${field.name}.${arg.name}`)) {
        const plausible = () => sample(position.type, position.name, position.coordinate, field);
        for (const value of hostileValues(position.type, position.name, position.coordinate, plausible)) {
          const shown =
            typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value) : show(value);
          calls.push({
            label: `${parent}.${field.name}(${position.path.join('.')} = ${shown})`,
            operation,
            hops: [...route, { field, args: argsWith(parent, field, base, position.path, value) }],
            echoes: typeof value === 'string' ? [value] : [],
          });
        }
      }
    }
    return calls;
  }

  function show(value: unknown): string {
    if (Array.isArray(value)) return `[${value.length} items]`;
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }

  /** The shortest route of root queries to each object type, with plausible arguments. */
  function routes(): Map<string, Hop[]> {
    const found = new Map<string, Hop[]>();
    const queue: [GraphQLObjectType, Hop[]][] = [[schema.getQueryType()!, []]];
    while (queue.length) {
      const [type, route] = queue.shift()!;
      if (route.length >= 4) continue;
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isObjectType(target) || found.has(target.name)) continue;
        const next = [...route, { field, args: baseline(type.name, field) }];
        found.set(target.name, next);
        queue.push([target, next]);
      }
    }
    return found;
  }

  function allCalls(): Call[] {
    const calls: Call[] = [];
    const roots = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
      ['subscription', schema.getSubscriptionType()],
    ] as const;
    for (const [operation, type] of roots) {
      for (const field of Object.values(type?.getFields() ?? {})) calls.push(...callsFor(operation, type!.name, [], field));
    }
    for (const [typeName, route] of routes()) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        if (field.args.length) calls.push(...callsFor('query', typeName, route, field));
      }
    }
    return calls;
  }

  // ---- sending

  /** One call as an operation: every argument of every hop a variable, `__typename` as the selection. */
  function render(call: Call): { query: string; variables: Record<string, unknown> } {
    const definitions: string[] = [];
    const variables: Record<string, unknown> = {};
    let selection = '';
    for (let h = call.hops.length - 1; h >= 0; h--) {
      const { field, args } = call.hops[h];
      const given = field.args
        .filter((a) => args[a.name] !== undefined)
        .map((a) => {
          definitions.push(`$v${h}_${a.name}: ${String(a.type)}`);
          variables[`v${h}_${a.name}`] = args[a.name];
          return `${a.name}: $v${h}_${a.name}`;
        });
      const body = selection ? `{ ${selection} }` : isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
      selection = `${field.name}${given.length ? `(${given.join(', ')})` : ''} ${body}`;
    }
    return { query: `${call.operation}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${selection} }`, variables };
  }

  const failures: string[] = [];
  let requests = 0;

  function judge(call: Call, status: number, text: string, errors: GraphQLResponse['errors']) {
    const fail = (why: string) => failures.push(`${call.label}: ${why} — ${text.slice(0, 300)}`);
    if (status >= 500) fail(`HTTP ${status}`);
    let cleaned = text;
    for (const echo of call.echoes) {
      for (const form of [JSON.stringify(echo).slice(1, -1), echo]) if (form) cleaned = cleaned.split(form).join('');
    }
    for (const [what, pattern] of LEAKS) if (pattern.test(cleaned)) fail(`the answer shows ${what}`);
    for (const error of errors ?? []) {
      const code = error.extensions?.code;
      if (!code || code === 'INTERNAL_SERVER_ERROR') fail(`code ${String(code)}`);
    }
  }

  /**
   * One call per request, not aliases: root fields are non-null, so one
   * failing alias nulls the whole answer, and graphql-js then drops the errors
   * of the other queries and never runs the mutations after it.
   */
  async function post(call: Call): Promise<void> {
    const { query, variables } = render(call);
    requests++;
    const send = () =>
      fetch(`${hush.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_SECRET}` },
        body: JSON.stringify({ query, variables }),
      });
    // A kept-alive socket the server closed as idle just as it was reused resets; that is no answer: send again.
    const res = await send().catch(send);
    const text = await res.text();
    let errors: GraphQLResponse['errors'];
    try {
      errors = (JSON.parse(text) as GraphQLResponse).errors;
    } catch {
      errors = undefined;
    }
    judge(call, res.status, text, errors);
  }

  async function sendAll(calls: Call[], parallel: number) {
    let next = 0;
    const worker = async () => {
      while (next < calls.length) await post(calls[next++]);
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }

  /** Subscriptions over graphql-ws, all at once on one socket: each answers with an error, or is accepted and stays open. */
  async function subscribe(calls: Call[]): Promise<void> {
    const client = wsClient(hush.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    try {
      await Promise.all(
        calls.map(
          (call) =>
            new Promise<void>((resolve) => {
              let settled = false;
              let unsubscribe = () => {};
              const settle = (text: string, errors?: GraphQLResponse['errors']) => {
                if (settled) return;
                settled = true;
                clearTimeout(timer);
                judge(call, 200, text, errors);
                unsubscribe();
                resolve();
              };
              const timer = setTimeout(() => settle(''), 300);
              unsubscribe = client.subscribe(render(call), {
                next: (value) => settle(JSON.stringify(value), value.errors as GraphQLResponse['errors']),
                error: (error) => settle(JSON.stringify(error), Array.isArray(error) ? error : [{ message: String(error) }]),
                complete: () => settle(''),
              });
            }),
        ),
      );
    } finally {
      await client.dispose();
    }
  }

  it('reaches every object type whose fields take arguments, so their hostile calls are not vacuous', async () => {
    for (const [typeName, route] of routes()) {
      if (!Object.values((schema.getType(typeName) as GraphQLObjectType).getFields()).some((f) => f.args.length)) continue;
      const call: Call = { label: typeName, operation: 'query', hops: route, echoes: [] };
      const res = await hush.gql(render(call).query, render(call).variables);
      expect({ typeName, errors: res.errors }).toEqual({ typeName, errors: undefined });
      expect(JSON.stringify(res.data)).toContain(`"__typename":"${typeName}"`);
    }
  });

  it('never answers INTERNAL_SERVER_ERROR, a 5xx, a stack trace or SQL', async () => {
    const started = Date.now();
    const cpu = process.cpuUsage();
    const calls = allCalls();
    // Queries only read: eight at a time, alongside the mutations, which go one after the other so none fails from a race.
    await Promise.all([
      sendAll(
        calls.filter((c) => c.operation === 'query'),
        8,
      ),
      sendAll(
        calls.filter((c) => c.operation === 'mutation'),
        1,
      ),
    ]);
    // Subscriptions over graphql-ws, and over HTTP POST too (refused there, with a code).
    await subscribe(calls.filter((c) => c.operation === 'subscription'));
    await sendAll(
      calls.filter((c) => c.operation === 'subscription'),
      8,
    );
    const fields = new Set(calls.map((c) => c.label.split('(')[0]));
    process.stdout.write(
      `fuzz: ${calls.length} hostile calls on ${fields.size} fields (${requests} HTTP requests; subscriptions also over graphql-ws) ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s (CPU ${(Object.values(process.cpuUsage(cpu)).reduce((a, b) => a + b) / 1e6).toFixed(1)} s); ` +
        `${failures.length} failed\n`,
    );
    expect(fields.size).toBeGreaterThan(100);
    expect({ failed: failures.length, first: failures.slice(0, 30) }).toEqual({ failed: 0, first: [] });
  }, 180_000);
});
