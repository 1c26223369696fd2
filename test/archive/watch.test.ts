import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createKilde } from '../../src/answers/kilde';
import { createLogger } from '../../src/logger';
import { bokmalBudget, englishClimate } from '../helpers/articles';

const root = await mkdtemp(join(tmpdir(), 'kilde-watch-'));
// A snapshot written in the background after a reload may still be landing: retry.
afterAll(() => rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

it('KNOWLEDGE_WATCH reloads by itself once a new file has settled', async () => {
  const dir = join(root, 'knowledge');
  await mkdir(dir);
  await writeFile(join(dir, 'budsjett.md'), bokmalBudget);
  const kilde = await createKilde({
    knowledgeDir: dir,
    cacheDir: join(root, 'cache'),
    watch: true,
    logger: createLogger('silent'),
  });
  try {
    expect((await kilde.who('Rotevatn')).kind).toBe('unknown');
    await writeFile(join(dir, 'climate.md'), englishClimate);
    const deadline = Date.now() + 60_000;
    while ((await kilde.who('Rotevatn')).kind !== 'found' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await kilde.who('Rotevatn')).kind).toBe('found');
    expect((await kilde.sources()).articles).toHaveLength(2);
  } finally {
    await kilde.close();
  }
});
