/** `npm run deploy-commands` as a process against the stand-in: guild and global, repeatable. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botEnvironment, REPO_ROOT } from '../discord/bot-process';
import { DiscordStandIn } from '../discord/stand-in';

const run = promisify(execFile);

function deploy(env: NodeJS.ProcessEnv) {
  return run(process.execPath, ['--import', 'tsx', 'src/discord/deploy.ts'], {
    cwd: REPO_ROOT,
    env,
  });
}

describe('deploy-commands', () => {
  let standIn: DiscordStandIn;

  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
  });

  afterAll(async () => {
    await standIn?.close();
  });

  it('registers to the guild, and a second run leaves the same commands', {
    timeout: 240_000,
  }, async () => {
    const env = botEnvironment(standIn, { REGISTER_COMMANDS_ON_START: undefined });
    const first = await deploy(env);
    expect(first.stdout).toContain(`Registered 6 commands for guild ${standIn.guildId}`);
    const names = standIn.registeredCommands('guild').map((c) => c.name);
    await deploy(env);
    expect(standIn.registeredCommands('guild').map((c) => c.name)).toEqual(names);
    expect(names).toHaveLength(6);
  });

  it('registers globally without DISCORD_GUILD_ID', { timeout: 240_000 }, async () => {
    const { stdout } = await deploy(botEnvironment(standIn, { DISCORD_GUILD_ID: undefined }));
    expect(stdout).toContain('global');
    expect(standIn.registeredCommands('global')).toHaveLength(6);
  });

  it('says in one line what is missing, without a stack trace', { timeout: 240_000 }, async () => {
    const error = await deploy(botEnvironment(standIn, { DISCORD_TOKEN: undefined })).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(error).toMatchObject({ code: 1 });
    const stderr = (error as { stderr: string }).stderr.trim();
    expect(stderr).toBe(
      'Configuration error: DISCORD_TOKEN and DISCORD_CLIENT_ID are both required to register commands',
    );
  });
});
