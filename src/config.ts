import { z } from 'zod';
import { DEFAULT_MAX_FILE_KB } from './knowledge/article';

/**
 * Configuration from the environment, validated once at start. A bad value stops the
 * program with one line naming the variable, never with a stack trace (and never with the
 * token's value in it).
 */
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const empty = (v: unknown) => (v === '' ? undefined : v);
/** A whole number from the environment, within bounds, with a default. */
const count = (min: number, max: number, fallback: number) =>
  z.preprocess(
    empty,
    z.coerce
      .number('must be a number')
      .int('must be a whole number')
      .min(min, `must be ${min} or more`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const schema = z.object({
  DISCORD_TOKEN: z.preprocess(
    empty,
    z.string().min(50, 'looks too short for a bot token').optional(),
  ),
  DISCORD_CLIENT_ID: z.preprocess(empty, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(empty, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(
    empty,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  KNOWLEDGE_DIR: z.preprocess(empty, z.string().default('knowledge')),
  CACHE_DIR: z.preprocess(empty, z.string().default('.cache')),
  DEFAULT_LOCALE: z.preprocess(
    (v) => (typeof v === 'string' ? normaliseLocale(v) : v),
    z.enum(LOCALES, 'must be "nb" (Norwegian) or "en" (English)').default('nb'),
  ),
  MODERATOR_ROLE_IDS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(snowflake).default([]),
  ),
  /** A channel where every moderator change (add, remove, restore, reload) is posted. */
  MOD_LOG_CHANNEL_ID: z.preprocess(empty, snowflake.optional()),
  LOG_LEVEL: z.preprocess(
    empty,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  KNOWLEDGE_WATCH: z.preprocess(empty, flag),
  KNOWLEDGE_MAX_FILE_KB: z.preprocess(
    empty,
    z.coerce
      .number('must be a whole number of KB')
      .int('must be a whole number of KB')
      .min(1, 'must be at least 1 (KB)')
      .max(102_400, 'must be at most 102400 (100 MB)')
      .default(DEFAULT_MAX_FILE_KB),
  ),
  SEARCH_BACKEND: z.preprocess(
    empty,
    z.enum(['memory', 'postgres'], 'must be "memory" or "postgres"').default('memory'),
  ),
  DATABASE_URL: z.preprocess(
    empty,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  ),
  DATABASE_READ_URL: z.preprocess(
    empty,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  ),
  SHARD_COUNT: z.preprocess(
    empty,
    z
      .union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)], {
        error: 'must be a number of shards (1 or more) or "auto"',
      })
      .optional(),
  ),
  SHUTDOWN_TIMEOUT_MS: count(0, 600_000, 10_000),
  RATE_LIMIT_BURST: count(0, 1000, 5),
  RATE_LIMIT_REFILL_MS: count(1, 3_600_000, 3000),
  AUTOCOMPLETE_LIMIT_BURST: count(0, 1000, 20),
  AUTOCOMPLETE_LIMIT_REFILL_MS: count(1, 3_600_000, 250),
  REGISTER_COMMANDS_ON_START: z.preprocess(empty, flag),
});

export type Config = z.infer<typeof schema>;

function normaliseLocale(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (v === 'no' || v === 'nb' || v === 'nb-no' || v === 'nn' || v === 'norsk') return 'nb';
  if (v === 'en' || v.startsWith('en-') || v === 'english') return 'en';
  return v;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = schema.safeParse(env);
  if (result.success) {
    const config = result.data;
    if (config.SEARCH_BACKEND === 'postgres' && !config.DATABASE_URL) {
      throw new ConfigError('DATABASE_URL: required when SEARCH_BACKEND is postgres');
    }
    if (config.REGISTER_COMMANDS_ON_START && config.DISCORD_TOKEN && !config.DISCORD_CLIENT_ID) {
      throw new ConfigError('DISCORD_CLIENT_ID: required when REGISTER_COMMANDS_ON_START is true');
    }
    return config;
  }
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    return `${name}: ${issue.message}`;
  });
  throw new ConfigError(lines.join('\n'));
}

/** Reads `.env` (when present) and the environment. */
export async function loadConfig(): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
