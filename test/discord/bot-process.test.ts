import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, botEnvironment, startBot } from './bot-process';
import { DiscordStandIn } from './stand-in';

describe('startBot', () => {
  let standIn: DiscordStandIn;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
  });

  afterAll(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  it('never passes a real DISCORD_* setting from the parent environment', () => {
    process.env.DISCORD_SOMETHING_REAL = 'secret';
    try {
      const env = botEnvironment(standIn, { LOG_LEVEL: 'silent', KNOWLEDGE_DIR: undefined });
      expect(env.DISCORD_SOMETHING_REAL).toBeUndefined();
      expect(env.DISCORD_API_URL).toBe(standIn.apiUrl);
      expect(env.LOG_LEVEL).toBe('silent');
      expect('KNOWLEDGE_DIR' in env).toBe(false);
    } finally {
      delete process.env.DISCORD_SOMETHING_REAL;
    }
  });

  it('runs a bot script that logs in, registers and answers, then stops it cleanly', async () => {
    bot = await startBot({
      standIn,
      entry: 'test/discord/fixtures/login-bot.ts',
      waitForCommands: true,
    });
    expect(standIn.registeredCommands().map((c) => c.name)).toEqual(['ping']);
    await bot.waitForLog(/ready as \d+/);
    const handle = await standIn.sendCommand({ name: 'ping' });
    await handle.callback();
    expect(handle.original()?.content).toBe('pong');
    expect(await bot.stop()).toBe(0);
    expect(bot.logs()).toContain('stopping');
  });

  it('fails fast with the logs when the bot dies before logging in', async () => {
    await expect(
      startBot({
        standIn,
        entry: 'test/discord/fixtures/does-not-exist.ts',
        readyTimeoutMs: 10_000,
      }),
    ).rejects.toThrow(/exited with code 1 before it was ready[\s\S]*does-not-exist/);
  });
});
