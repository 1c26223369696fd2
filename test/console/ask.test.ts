import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/kb';

/** `npm run ask` as a script would call it: the answer on stdout, the outcome as exit code. */
function ask(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/console/ask.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'warn', CACHE_DIR: '.cache/test-ask' },
  });
  return { code: result.status, out: result.stdout };
}

describe('npm run ask', () => {
  it('answers once and exits 0 when it found something', { timeout: 240_000 }, () => {
    const { code, out } = ask('/hvem peskov');
    expect(code).toBe(0);
    expect(out).toContain('Dmitrij Peskov');
    expect(out).toContain('Kreml-talsmann');
  });

  it('speaks English with --lang en and takes the English command names', {
    timeout: 240_000,
  }, () => {
    const { code, out } = ask('--lang', 'en', '/what-happened', '2017-11-22');
    expect(code).toBe(0);
    expect(out).toContain('What happened 22 November 2017');
    expect(out).not.toContain('Hva skjedde');
  });

  it('exits 1 when nothing was found and 2 on bad input', { timeout: 240_000 }, () => {
    expect(ask('/hvem Qwzx Ytrewq').code).toBe(1);
    expect(ask('/hva-skjedde 31.02.2017').code).toBe(2);
    expect(ask('/finnes-ikke').code).toBe(2);
  });
});
