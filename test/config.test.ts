import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config';

describe('configuration', () => {
  it('has working defaults with an empty environment (the console needs nothing)', () => {
    const config = parseConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.KNOWLEDGE_DIR).toBe('knowledge');
    expect(config.DEFAULT_LOCALE).toBe('nb');
    expect(config.MODERATOR_ROLE_IDS).toEqual([]);
    expect(config.KNOWLEDGE_WATCH).toBe(false);
  });

  it('reads lists, flags and Discord locale codes', () => {
    const config = parseConfig({
      MODERATOR_ROLE_IDS: '123456789012345678, 223456789012345678',
      KNOWLEDGE_WATCH: 'true',
      DEFAULT_LOCALE: 'en-GB',
    });
    expect(config.MODERATOR_ROLE_IDS).toEqual(['123456789012345678', '223456789012345678']);
    expect(config.KNOWLEDGE_WATCH).toBe(true);
    expect(config.DEFAULT_LOCALE).toBe('en');
  });

  it('reads the knowledge file size limit in KB, 512 by default, and refuses nonsense', () => {
    expect(parseConfig({}).KNOWLEDGE_MAX_FILE_KB).toBe(512);
    expect(parseConfig({ KNOWLEDGE_MAX_FILE_KB: '64' }).KNOWLEDGE_MAX_FILE_KB).toBe(64);
    for (const bad of ['0', '-5', '1.5', 'lots', '999999']) {
      expect(() => parseConfig({ KNOWLEDGE_MAX_FILE_KB: bad })).toThrow(
        /^KNOWLEDGE_MAX_FILE_KB: /u,
      );
    }
  });

  it('takes a moderation log channel as a Discord id, and refuses anything else', () => {
    expect(parseConfig({}).MOD_LOG_CHANNEL_ID).toBeUndefined();
    expect(parseConfig({ MOD_LOG_CHANNEL_ID: '123456789012345678' }).MOD_LOG_CHANNEL_ID).toBe(
      '123456789012345678',
    );
    expect(() => parseConfig({ MOD_LOG_CHANNEL_ID: '#mod-log' })).toThrow(/MOD_LOG_CHANNEL_ID/);
  });

  it('names every bad variable on a line of its own, and never echoes the token', () => {
    const token = 'short-secret-token';
    let message = '';
    try {
      parseConfig({
        DISCORD_TOKEN: token,
        DISCORD_GUILD_ID: 'abc',
        DEFAULT_LOCALE: 'de',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual([
      'DEFAULT_LOCALE',
      'DISCORD_GUILD_ID',
      'DISCORD_TOKEN',
      'LOG_LEVEL',
    ]);
    expect(message).not.toContain(token);
  });

  it('refuses to register commands at start without an application id', () => {
    expect(() =>
      parseConfig({ DISCORD_TOKEN: 'x'.repeat(70), REGISTER_COMMANDS_ON_START: 'true' }),
    ).toThrow(/^DISCORD_CLIENT_ID:/);
  });

  it('chooses the backend and needs a database for PostgreSQL', () => {
    expect(parseConfig({}).SEARCH_BACKEND).toBe('memory');
    expect(() => parseConfig({ SEARCH_BACKEND: 'postgres' })).toThrow(/^DATABASE_URL:/);
    const config = parseConfig({
      SEARCH_BACKEND: 'postgres',
      DATABASE_URL: 'postgresql://kilde:secret@db.example/kilde',
      DATABASE_READ_URL: 'postgres://kilde:secret@replica.example/kilde',
    });
    expect(config.DATABASE_READ_URL).toMatch(/replica/);
    expect(() => parseConfig({ SEARCH_BACKEND: 'elastic' })).toThrow(/^SEARCH_BACKEND:/);
    expect(() => parseConfig({ DATABASE_URL: 'http://db.example' })).toThrow(/^DATABASE_URL:/);
  });

  it('reads a shard count or auto', () => {
    expect(parseConfig({}).SHARD_COUNT).toBeUndefined();
    expect(parseConfig({ SHARD_COUNT: '4' }).SHARD_COUNT).toBe(4);
    expect(parseConfig({ SHARD_COUNT: 'auto' }).SHARD_COUNT).toBe('auto');
    expect(() => parseConfig({ SHARD_COUNT: 'many' })).toThrow(/^SHARD_COUNT:/);
    expect(() => parseConfig({ SHARD_COUNT: '0' })).toThrow(/^SHARD_COUNT:/);
  });
});

describe('operational limits', () => {
  it('have defaults a normal member never meets, and are read from the environment', () => {
    const config = parseConfig({});
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(config.RATE_LIMIT_BURST).toBe(5);
    expect(config.RATE_LIMIT_REFILL_MS).toBe(3000);
    expect(config.AUTOCOMPLETE_LIMIT_BURST).toBe(20);
    const set = parseConfig({ SHUTDOWN_TIMEOUT_MS: '2500', RATE_LIMIT_BURST: '0' });
    expect(set.SHUTDOWN_TIMEOUT_MS).toBe(2500);
    expect(set.RATE_LIMIT_BURST).toBe(0);
  });

  it('refuse what is not a whole, bounded number, naming the variable', () => {
    for (const value of ['soon', '-1', '1.5', '9999999']) {
      expect(() => parseConfig({ SHUTDOWN_TIMEOUT_MS: value })).toThrow(/^SHUTDOWN_TIMEOUT_MS: /);
    }
    expect(() => parseConfig({ RATE_LIMIT_REFILL_MS: '0' })).toThrow(/^RATE_LIMIT_REFILL_MS: /);
  });
});
