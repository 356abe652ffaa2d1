import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

// loadConfig reads the environment, so every value arrives as a string or not at all.
const toInt = ({ value }: { value: string | undefined }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: string | undefined }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());

/** An integer setting, read from its string: at least `min`, and at most `max` when given. */
function IntSetting(min: number, max?: number) {
  return applyDecorators(Transform(toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));
}

/** An optional yes/no setting: 1, true, yes or on (any case) for yes. */
function BoolSetting() {
  return applyDecorators(IsOptional(), Transform(toBool), IsBoolean());
}

/**
 * Every setting Hush reads from the environment, validated once at start.
 * Property names are the variable names so an error names exactly what to fix.
 */
export class HushConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntSetting(0, 65535) PORT = 3000;

  /** Unset: embedded PGlite in HUSH_DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** PGlite data folder; `memory://` keeps nothing. */
  @IsString()
  HUSH_DATA_DIR = './data';

  /** Seeds an ADMIN token with this secret (at least 24 characters). */
  @IsOptional()
  @IsString()
  HUSH_ADMIN_TOKEN?: string;

  /** GraphQL IDE on GET /graphql; default: on outside production. */
  @BoolSetting() HUSH_IDE?: boolean;

  /** Introspection; default: on outside production. */
  @BoolSetting() HUSH_INTROSPECTION?: boolean;

  /** Comma-separated allowed origins, or `*`; unset: CORS off. */
  @IsOptional()
  @IsString()
  HUSH_CORS_ORIGINS?: string;

  @IntSetting(1, 100) HUSH_GRAPHQL_MAX_DEPTH = 12;

  @IntSetting(100) HUSH_GRAPHQL_MAX_COST = 50000;

  @IntSetting(1) HUSH_GRAPHQL_MAX_ALIASES = 30;

  /** Time zone used when a viewer names none (e.g. for display comparisons). */
  @IsString()
  HUSH_DEFAULT_TIME_ZONE = 'UTC';

  /** How often blackout start/end actions are checked, in ms; 0 turns the worker off (it can still be ticked). */
  @IntSetting(0) HUSH_BLACKOUT_TICK_MS = 15_000;

  /** How often occurrence starts and ends are looked for and announced to `windowTransitions`, in ms; 0 turns it off. */
  @IntSetting(0) HUSH_TRANSITION_TICK_MS = 1_000;

  /** How long before an occurrence's end `windowTransitions` sends its ENDING_SOON, in minutes; 0 sends none. */
  @IntSetting(0) HUSH_ENDING_SOON_MINUTES = 15;

  /** How often alerts held over a maintenance are looked at and released once nothing suppresses their service, in ms; 0 turns it off. */
  @IntSetting(0) HUSH_RELEASE_TICK_MS = 1_000;

  /** How often redundancy risks are compared with those announced (besides after each change), in ms; 0 only after changes. */
  @IntSetting(0) HUSH_RISK_CHECK_MS = 60_000;

  /** How often the suppression engine compares what it holds with the database (and repairs and logs any difference), in ms; 0 never. */
  @IntSetting(0) HUSH_SUPPRESSION_CHECK_MS = 300_000;

  /**
   * Overloaded once the event loop is busy at least this share of the time (in %; 0 never), two 100 ms samples in a
   * row: then reading queries other than suppression decisions, and the calendar feed, are refused with 503 OVERLOADED.
   */
  @IntSetting(0, 100) HUSH_SHED_BUSY_PERCENT = 95;

  /** On SIGTERM or SIGINT, how long requests in flight may take to finish before their connections are cut, in ms. */
  @IntSetting(0) HUSH_SHUTDOWN_GRACE_MS = 10_000;

  /** The longest a service maintenance window or a provider maintenance may last, in days; longer ones are refused at `input.endsAt`. */
  @IntSetting(1) HUSH_MAX_WINDOW_DAYS = 730;

  /** `/health` answers 503 (not only `degraded`) while the LISTEN connection is away: for balancers that should drop such a replica. */
  @BoolSetting() HUSH_HEALTH_STRICT?: boolean;

  /** At start, fill an empty store with a demo organisation (src/demo-seed.ts); a store with data is left alone. */
  @BoolSetting() HUSH_DEMO?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
  get ideEnabled(): boolean {
    return this.HUSH_IDE ?? !this.production;
  }
  get introspectionEnabled(): boolean {
    return this.HUSH_INTROSPECTION ?? !this.production;
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; errors name the variable, never its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HushConfig {
  const picked = Object.fromEntries(
    Object.entries(env).filter(([k]) => k.startsWith('HUSH_') || ['NODE_ENV', 'PORT', 'DATABASE_URL', 'LOG_LEVEL'].includes(k)),
  );
  const config = plainToInstance(HushConfig, picked);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (config.HUSH_ADMIN_TOKEN !== undefined && config.HUSH_ADMIN_TOKEN.length < 24) {
    throw new ConfigError('HUSH_ADMIN_TOKEN must be at least 24 characters');
  }
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.keys(e.constraints ?? {}).join(', ')} check failed`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
