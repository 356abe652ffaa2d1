import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Clock, FixedClock } from '../../src/common/clock/clock';
import { HushConfig, loadConfig } from '../../src/config/config';
import { configureApp } from '../../src/configure-app';
import { cloneTestDatabase } from './database';

export const ADMIN_SECRET = 'hush_test-admin-secret-0123456789abcdef';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** A whole Hush on a random port with its own clean database, as a client sees it. */
export class TestHush {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly clock: FixedClock,
    /** The Postgres it runs on; undefined on PGlite. A second instance can share it. */
    readonly databaseUrl: string | undefined,
    private readonly dropDatabase?: () => Promise<void>,
  ) {}

  static async start(
    options: {
      env?: Record<string, string>;
      now?: string;
      configure?: (m: ReturnType<typeof Test.createTestingModule>) => void;
      /** Run on the same Postgres as another instance, as a second replica. */
      shareDatabaseWith?: TestHush;
    } = {},
  ) {
    const database = options.shareDatabaseWith ? undefined : await cloneTestDatabase();
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      HUSH_DATA_DIR: 'memory://',
      HUSH_ADMIN_TOKEN: ADMIN_SECRET,
      // Tests tick the blackout, transition and release workers themselves, on a pinned clock.
      HUSH_BLACKOUT_TICK_MS: '0',
      HUSH_TRANSITION_TICK_MS: '0',
      HUSH_RELEASE_TICK_MS: '0',
      // Warnings before ends only where a test asks for them (ending-soon.e2e.ts): the other transition tests count every item.
      HUSH_ENDING_SOON_MINUTES: '0',
      // The tests' own work runs on the app's event loop and would count as overload (overload.e2e.ts turns it on).
      HUSH_SHED_BUSY_PERCENT: '0',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...(options.shareDatabaseWith ? { DATABASE_URL: options.shareDatabaseWith.databaseUrl! } : {}),
      ...options.env,
    });
    const clock = new FixedClock(new Date(options.now ?? '2026-06-01T12:00:00Z'));
    const builder = Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(HushConfig)
      .useValue(config)
      .overrideProvider(Clock)
      .useValue(clock);
    options.configure?.(builder);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    return new TestHush(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'), clock, config.DATABASE_URL, database?.drop);
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = ADMIN_SECRET,
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Like gql, but fails the test on any GraphQL error and returns data. */
  async ok<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = ADMIN_SECRET,
  ): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /** Direct SQL, for arranging faults and checking rows the API does not show. */
  sql<T = any>(query: string, parameters: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(query, parameters);
  }

  /** A new token of the given role, made through the API like a person would. */
  async token(role: 'CALENDAR' | 'VIEWER' | 'EDITOR' | 'ADMIN', name = `${role.toLowerCase()} token`): Promise<string> {
    const data = await this.ok<{ createApiToken: { token: string } }>(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
      { input: { name, role } },
    );
    return data.createApiToken.token;
  }

  async close() {
    await this.app.close();
    await this.dropDatabase?.();
  }
}

/** The codes of a response's errors, for terse assertions. */
export function codes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}
