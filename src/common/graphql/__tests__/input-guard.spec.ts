import { buildSchema, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { argumentProblems, guardInputs, LIMIT_OVERRIDES } from '../input-guard';

const schema = buildSchema(`
  scalar DateTime
  scalar JSON
  scalar LocalDate
  input Target { id: ID!, tags: [String!] }
  input Wrapper { targets: [Target!]!, at: DateTime, on: LocalDate, details: JSON }
  type Query {
    one(id: ID!, input: Wrapper, first: Int, limit: Int, text: String): Boolean
    schedulePreview(limit: Int): Boolean
  }
`);
const query = schema.getQueryType() as GraphQLObjectType;
const problems = (args: Record<string, unknown>, field = 'one') => argumentProblems('Query', query.getFields()[field], args);
const uuid = '5f0c3a3e-7d2b-4c1e-9a0f-2b8d4e6f8a10';

describe('input guard', () => {
  it('accepts plausible input', () => {
    expect(
      problems({
        id: uuid.toUpperCase(),
        first: 500,
        input: { targets: [{ id: uuid, tags: ['a'] }], at: new Date('2026-06-01T00:00:00Z'), on: '2026-06-01', details: { a: [1, 'b'] } },
      }),
    ).toEqual([]);
  });

  it('names each bad id by its path from the argument', () => {
    expect(problems({ id: 'nope', input: { targets: [{ id: uuid }, { id: "1' OR '1'='1" }] } })).toEqual([
      { path: 'id', message: 'must be a UUID' },
      { path: 'input.targets.1.id', message: 'must be a UUID' },
    ]);
  });

  it('refuses NUL, unpaired surrogates and long text, in strings, list items and JSON', () => {
    expect(problems({ id: uuid, text: 'a\u0000' })).toEqual([{ path: 'text', message: 'must not contain NUL (U+0000) characters' }]);
    expect(problems({ id: uuid, text: '\uDC00x' })).toEqual([
      { path: 'text', message: 'must be valid Unicode text (no unpaired surrogates)' },
    ]);
    expect(problems({ id: uuid, text: '\uD83D\uDE00' })).toEqual([]);
    expect(problems({ id: uuid, text: 'x'.repeat(10_001) })).toEqual([{ path: 'text', message: 'must be at most 10000 characters long' }]);
    expect(problems({ id: uuid, input: { targets: [{ id: uuid, tags: ['ok', 'b\u0000'] }] } })).toEqual([
      { path: 'input.targets.0.tags.1', message: 'must not contain NUL (U+0000) characters' },
    ]);
    expect(problems({ id: uuid, input: { targets: [], details: { ['k\u0000']: 1 } } })[0].path).toBe('input.details');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(problems({ id: uuid, input: { targets: [], details: deep } })).toEqual([
      { path: 'input.details', message: 'must be nested at most 32 levels deep' },
    ]);
  });

  it('bounds lists, page sizes and years', () => {
    expect(problems({ id: uuid, input: { targets: Array(1001).fill({ id: uuid }) } })).toEqual([
      { path: 'input.targets', message: 'must have at most 1000 items' },
    ]);
    for (const first of [-1, 0, 501])
      expect(problems({ id: uuid, first })).toEqual([{ path: 'first', message: 'must be between 1 and 500' }]);
    expect(problems({ limit: 1000 }, 'schedulePreview')).toEqual([]);
    expect(problems({ limit: 1001 }, 'schedulePreview')).toEqual([{ path: 'limit', message: 'must be between 1 and 1000' }]);
    expect(problems({ id: uuid, input: { targets: [], at: new Date('1969-12-31T23:59:59Z'), on: '0000-01-01' } })).toEqual([
      { path: 'input.at', message: 'must be a date in years 1970 to 9999' },
      { path: 'input.on', message: 'must be a date in years 1970 to 9999' },
    ]);
  });

  it('lists at most 20 problems', () => {
    expect(problems({ id: uuid, input: { targets: Array(100).fill({ id: 'x' }) } })).toHaveLength(20);
  });

  it('guards resolvers with arguments, and fails the start when an override names nothing', async () => {
    // A schema with every overridden coordinate in it, as the real one has.
    const types = new Map<string, { input: boolean; fields: Set<string> }>([['Query', { input: false, fields: new Set() }]]);
    for (const coordinate of Object.keys(LIMIT_OVERRIDES)) {
      const [type, field, arg] = coordinate.split('.');
      if (!types.has(type)) types.set(type, { input: arg === undefined, fields: new Set() });
      types.get(type)!.fields.add(arg === undefined ? `${field}: String` : `${field}(${arg}: Int): Boolean`);
    }
    types.get('Query')!.fields.add('monitor(id: ID!): Boolean');
    const sdl = [...types].map(([name, t]) => `${t.input ? 'input' : 'type'} ${name} { ${[...t.fields].join(' ')} }`).join('\n');
    const guarded = buildSchema(sdl);
    const field = guarded.getQueryType()!.getFields().monitor;
    field.resolve = () => true;
    let asked = 0;
    const context = { requireToken: async () => void asked++ };
    guardInputs(guarded);
    const resolve = field.resolve;
    expect(resolve(null, { id: uuid }, context, {} as GraphQLResolveInfo)).toBe(true);
    expect(asked).toBe(0);
    await expect(resolve(null, { id: 'x' }, context, {} as GraphQLResolveInfo)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(asked).toBe(1);
    const refused = new Error('no token');
    await expect(resolve(null, { id: 'x' }, { requireToken: () => Promise.reject(refused) }, {} as GraphQLResolveInfo)).rejects.toBe(
      refused,
    );
    expect(() => guardInputs(buildSchema('type Query { preview(limit: Int): Boolean }'))).toThrow(
      /LIMIT_OVERRIDES names .* not in the schema/,
    );
  });
});
