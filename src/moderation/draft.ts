import { isMap, parseDocument, stringify } from 'yaml';
import { splitFrontMatter } from '../knowledge/front-matter';
import type { ArticleDraft, ArticleOverrides } from './types';

/** The file endings an article may have, and how each is read. */
const FORMATS = new Map<string, ArticleDraft['format']>([
  ['md', 'md'],
  ['markdown', 'md'],
  ['txt', 'txt'],
]);

/**
 * How a file named `fileName` is read as an article, by its ending (any case); undefined
 * for anything that is not an article file. Uploads, the console and the removed folder
 * all ask this.
 */
export function articleFormatOf(fileName: string): ArticleDraft['format'] | undefined {
  const extension = /\.([a-z]+)$/iu.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return FORMATS.get(extension);
}

/** Front matter keys, in the order knowledge/README.md shows them. */
const KEYS = { title: 'title', date: 'date', source: 'source', url: 'url' } as const;

/**
 * The file to store: the draft's bytes with the overrides written into its front matter
 * (a `.txt` with overrides becomes Markdown with front matter, its text unchanged). What
 * cannot be merged (bytes that are not text, front matter that does not parse) is
 * returned as it came, so the validation that every file on disk gets names the problem,
 * with the line in the moderator's own file.
 */
export function composeFile(draft: ArticleDraft): { bytes: Buffer; format: 'md' | 'txt' } {
  const given = presentOverrides(draft.overrides);
  if (given.length === 0) return { bytes: draft.bytes, format: draft.format };
  const text = decodeStrict(draft.bytes);
  if (text === undefined) return { bytes: draft.bytes, format: draft.format };
  const split = draft.format === 'md' ? splitFrontMatter(text) : ({ kind: 'none' } as const);
  if (split.kind === 'unclosed') return { bytes: draft.bytes, format: draft.format };
  if (split.kind === 'found') {
    const doc = parseDocument(split.yaml, { uniqueKeys: true });
    const contents = doc.contents;
    if (doc.errors.length > 0 || (contents !== null && !isMap(contents)))
      return { bytes: draft.bytes, format: draft.format };
    for (const [key, value] of given) doc.set(key, value);
    return { bytes: Buffer.from(`---\n${doc.toString()}---\n${split.body}`), format: 'md' };
  }
  return { bytes: Buffer.from(`${frontMatter(given)}\n${text}`), format: 'md' };
}

/** Markdown text from a form's fields: front matter, then the text as written. */
export function draftFromForm(fields: ArticleOverrides & { text: string }): ArticleDraft {
  const { text, ...overrides } = fields;
  return { bytes: Buffer.from(text.replace(/\r\n?/g, '\n')), format: 'txt', overrides };
}

function presentOverrides(overrides: ArticleOverrides): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, key] of Object.entries(KEYS) as [keyof ArticleOverrides, string][]) {
    const value = overrides[name]?.trim();
    if (value) out.push([key, value]);
  }
  return out;
}

function frontMatter(fields: [string, string][]): string {
  return `---\n${stringify(Object.fromEntries(fields))}---\n`;
}

function decodeStrict(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}
