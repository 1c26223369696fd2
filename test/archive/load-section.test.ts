import { describe, expect, it } from 'vitest';
import { decodeLoad, encodeLoad, sectionsOf } from '../../src/archive/snapshot-body';
import { parseArticleFile } from '../../src/knowledge/article';
import type { Article, FileStamp, LoadResult, Problem } from '../../src/knowledge/types';

const article = (id: string, text: string): Article => {
  const file = `---\ntitle: ${id}\ndate: 2023-03-01\n---\n\n${text}\n`;
  const parsed = parseArticleFile(id, Buffer.from(file)).article;
  if (!parsed) throw new Error(`no article ${id}`);
  return parsed;
};

/** A folder's load as large as its lists get: thousands of stamps, problems, failed files. */
function largeLoad(files: number): LoadResult {
  const stamps: FileStamp[] = [];
  const problems: Problem[] = [];
  const failedFiles: string[] = [];
  for (let i = 0; i < files; i++) {
    const file = `mappe/${String(i).padStart(6, '0')}.md`;
    // Fractions as file systems give them: every digit must come back.
    stamps.push({ file, size: 1000 + i, mtimeMs: 1796207152725.3745 + i / 7 });
    if (i % 2 === 0)
      problems.push({
        file,
        code: 'file-duplicate',
        params: { original: `mappe/${i}.md` },
        reason: 'same content',
        severity: 'warning',
      });
    if (i % 3 === 0) failedFiles.push(file);
  }
  return {
    articles: [article('a.md', 'Kari Nordmann i Lillevik.'), article('b.md', 'Ola i Bergen.')],
    aliases: [{ names: ['Kari Nordmann', 'Kari'], line: 1 }],
    problems,
    failedFiles,
    aliasesFailed: false,
    stamps,
  };
}

async function roundTrip(load: LoadResult): Promise<{ bytes: Buffer; restored: LoadResult }> {
  const bytes = Buffer.concat(await encodeLoad(load));
  return { bytes, restored: await decodeLoad(bytes, sectionsOf(bytes)) };
}

describe('the snapshot’s loaded files (LOAD)', () => {
  it('come back as they were, the lists of a large folder included', async () => {
    const load = largeLoad(5000);
    const { restored } = await roundTrip(load);
    expect(restored).toEqual(load);
    expect(restored.stamps?.[4999]?.mtimeMs).toBe(load.stamps?.[4999]?.mtimeMs);
  });

  it('keep a list the load left out left out, and an empty one empty', async () => {
    const load: LoadResult = { articles: [], aliases: [], problems: [], stamps: [] };
    const { restored } = await roundTrip(load);
    expect(restored).toEqual(load);
    expect('failedFiles' in restored).toBe(false);
    expect('aliasesFailed' in restored).toBe(false);
    expect(restored.stamps).toEqual([]);
  });

  it('are written in lines that stay small however large the folder (each parsed in one step)', async () => {
    const { bytes } = await roundTrip(largeLoad(20_000));
    const lines = bytes.subarray(8).toString('utf8').split('\n');
    expect(lines.length).toBeGreaterThan(40);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(100_000);
  });

  it('are refused when a list is cut short', async () => {
    const { bytes } = await roundTrip(largeLoad(3000));
    const text = bytes.subarray(8).toString('utf8');
    // The head promises more stamps than the lines hold.
    const lying = Buffer.from(text.replace(/"stamps":3000/, '"stamps":3001'));
    const head = Buffer.alloc(8);
    head.write('LOAD', 0, 'latin1');
    head.writeUInt32LE(lying.length, 4);
    const damaged = Buffer.concat([head, lying]);
    await expect(decodeLoad(damaged, sectionsOf(damaged))).rejects.toThrow();
  });
});
