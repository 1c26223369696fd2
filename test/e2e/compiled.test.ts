/**
 * The production start: `npm run build` output run by plain Node, without tsx. The build
 * goes to its own folder (inside the repository, so `node_modules` resolves), and the bot
 * starts from it against the local Discord stand-in on a knowledge base large enough that
 * the analysis runs on the compiled worker thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, REPO_ROOT, startBot } from '../discord/bot-process';
import { DiscordStandIn } from '../discord/stand-in';
import { generatedArticles } from '../helpers/generated';

const outDir = path.join(REPO_ROOT, '.cache', `compiled-test-${process.pid}`);
let standIn: DiscordStandIn | undefined;
let bot: BotProcess | undefined;
let dir: string;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', outDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(build.stderr + build.stdout).toBe('');
  expect(build.status).toBe(0);
  dir = mkdtempSync(path.join(tmpdir(), 'kilde-compiled-'));
  // ~1,100 passages: above the worker threshold, so the first load uses the worker.
  for (const [name, content] of Object.entries(generatedArticles(180))) {
    await mkdir(path.dirname(path.join(dir, 'knowledge', name)), { recursive: true });
    writeFileSync(path.join(dir, 'knowledge', name), content);
  }
});

afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
  rmSync(outDir, { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the compiled bot', () => {
  it('starts with plain node, analyses on the compiled worker, and answers', async () => {
    standIn = await DiscordStandIn.start();
    bot = await startBot({
      standIn,
      entry: path.relative(REPO_ROOT, path.join(outDir, 'src/main.js')),
      nodeArgs: [],
      readyTimeoutMs: 280_000,
      waitForCommands: true,
      env: {
        KNOWLEDGE_DIR: path.join(dir, 'knowledge'),
        CACHE_DIR: path.join(dir, 'cache'),
        LOG_LEVEL: 'info',
      },
    });
    await bot.waitForLog('Discord bot ready', 280_000);
    const handle = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'Ingrid Haugrud' }],
      locale: 'no',
    });
    const callback = await handle.callback(30_000);
    expect(JSON.stringify(callback.data)).toContain('Ingrid Haugrud');
    // The analysis ran on the worker: no fallback to the main thread was needed.
    expect(bot.logs()).not.toMatch(/analysis worker failed/);
  });

  it('runs the console tools compiled: ask answers and kb:check validates', () => {
    // The bot's snapshot cache: the same compiled code, so no second analysis.
    const env = {
      ...process.env,
      DISCORD_TOKEN: '',
      LOG_LEVEL: 'warn',
      CACHE_DIR: path.join(dir, 'cache'),
    };
    const ask = spawnSync(
      process.execPath,
      [path.join(outDir, 'src/console/ask.js'), '/hvem', 'Ingrid Haugrud'],
      { cwd: dir, encoding: 'utf8', env },
    );
    expect(ask.status).toBe(0);
    expect(ask.stdout).toContain('Ingrid Haugrud');
    // An English search reads the lexicon's data files: they must be in dist/ too.
    const english = spawnSync(
      process.execPath,
      [path.join(outDir, 'src/console/ask.js'), '--lang', 'en', '/search', 'Ingrid Haugrud'],
      { cwd: dir, encoding: 'utf8', env },
    );
    expect(english.stderr).not.toMatch(/ENOENT/);
    expect(english.status).toBe(0);
    const check = spawnSync(process.execPath, [path.join(outDir, 'src/console/kb-check.js')], {
      cwd: dir,
      encoding: 'utf8',
      env,
    });
    expect(check.status).toBe(0);
  });
});
