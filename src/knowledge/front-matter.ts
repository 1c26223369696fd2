import { z } from 'zod';
import { parsePublicationDate } from './dates';
import type { DateSpan, Language } from './types';
import { mapEntries, parseYaml } from './yaml-lines';

/**
 * YAML front matter: split it from the body, validate each field, and report every
 * problem with the file line of the key that holds it.
 */

export interface FrontMatter {
  title?: string;
  published?: DateSpan;
  url?: string;
  source?: string;
  language?: Language;
  tags?: string[];
}

export interface FieldProblem {
  line: number;
  reason: string;
  severity: 'error' | 'warning';
}

export type FrontMatterSplit =
  | { kind: 'none' }
  | { kind: 'unclosed' }
  | { kind: 'found'; yaml: string; yamlFirstLine: number; body: string; bodyFirstLine: number };

/** Splits `---\n...\n---\n` off the top. Expects `\n` newlines and no BOM. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { kind: 'none' };
  const closing = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (closing < 0) return { kind: 'unclosed' };
  return {
    kind: 'found',
    yaml: lines.slice(1, closing).join('\n'),
    yamlFirstLine: 2,
    body: lines.slice(closing + 1).join('\n'),
    bodyFirstLine: closing + 2,
  };
}

const LANGUAGE_NAMES: Record<string, Language> = {
  nb: 'nb',
  nob: 'nb',
  no: 'nb',
  nor: 'nb',
  bokmål: 'nb',
  bokmal: 'nb',
  nn: 'nn',
  nno: 'nn',
  nynorsk: 'nn',
  en: 'en',
  eng: 'en',
  english: 'en',
  engelsk: 'en',
};

const text = (what: string) =>
  z
    .union([z.string(), z.number()], `${what} must be text`)
    .transform((value) => String(value).trim())
    .refine((value) => value !== '', `${what} is empty`);

/** One schema per field, so each problem can point at its own key's line. */
const FIELD_SCHEMAS = {
  title: text('title'),
  source: text('source'),
  url: text('url').refine(
    isHttpUrl,
    'url must be a full web address starting with http:// or https://',
  ),
  language: text('language').transform((value, context) => {
    const language = LANGUAGE_NAMES[value.toLowerCase()];
    if (language) return language;
    context.addIssue({
      code: 'custom',
      message: `language "${value}" is not one of nb (Bokmål), nn (Nynorsk), en (English)`,
    });
    return z.NEVER;
  }),
  tags: z
    .union(
      [z.array(z.union([z.string(), z.number()])), z.string()],
      'tags must be a list of words, e.g. [syria, russland]',
    )
    .transform((value) =>
      (Array.isArray(value) ? value.map(String) : value.split(','))
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
} as const;

type FieldName = keyof typeof FIELD_SCHEMAS | 'date';
const KNOWN_FIELDS = new Set<string>([...Object.keys(FIELD_SCHEMAS), 'date']);

export function parseFrontMatter(
  yaml: string,
  yamlFirstLine: number,
): { meta: FrontMatter; problems: FieldProblem[]; dateGiven: boolean; fatal: boolean } {
  const parsed = parseYaml(yaml);
  const toFileLine = (line: number) => line + yamlFirstLine - 1;
  const problems: FieldProblem[] = parsed.errors.map((error) => ({
    line: toFileLine(error.line),
    reason: error.reason,
    severity: 'error',
  }));
  if (problems.length > 0) return { meta: {}, problems, dateGiven: false, fatal: true };

  const entries = mapEntries(parsed);
  if (entries === undefined) {
    problems.push({
      line: yamlFirstLine,
      reason: 'front matter must be "key: value" lines (title, date, url, source, language, tags)',
      severity: 'error',
    });
    return { meta: {}, problems, dateGiven: false, fatal: true };
  }

  const meta: FrontMatter = {};
  let dateGiven = false;
  for (const { key, value, line } of entries) {
    const fileLine = toFileLine(line);
    const field = key.toLowerCase();
    if (!KNOWN_FIELDS.has(field)) {
      problems.push({
        line: fileLine,
        reason: `unknown field "${key}" is ignored (known: ${[...KNOWN_FIELDS].join(', ')})`,
        severity: 'warning',
      });
      continue;
    }
    if (value === null || value === undefined) {
      const isDate = field === 'date';
      problems.push({
        line: fileLine,
        reason: isDate ? 'date has no value' : `${key} has no value; the field is ignored`,
        severity: isDate ? 'error' : 'warning',
      });
      dateGiven ||= isDate;
      continue;
    }
    const error = applyField(meta, field as FieldName, value);
    if (field === 'date') dateGiven = true;
    // Without a valid date the article cannot be placed in time: that is fatal. Any other
    // bad field is dropped so the article still loads, and the moderator is told.
    if (error && field === 'date')
      problems.push({ line: fileLine, reason: error, severity: 'error' });
    if (error && field !== 'date') {
      problems.push({
        line: fileLine,
        reason: `${error}; the field is ignored`,
        severity: 'warning',
      });
    }
  }
  return { meta, problems, dateGiven, fatal: false };
}

/** Validates one field into `meta`; returns the reason when it is invalid. */
function applyField(meta: FrontMatter, field: FieldName, value: unknown): string | undefined {
  if (field === 'date') {
    const date = parsePublicationDate(value);
    if (!date.ok) return date.reason;
    meta.published = date.span;
    return undefined;
  }
  const result = FIELD_SCHEMAS[field].safeParse(value);
  if (!result.success) return result.error.issues[0]?.message ?? `${field} is not valid`;
  switch (field) {
    case 'title':
    case 'source':
    case 'url':
      meta[field] = result.data as string;
      break;
    case 'language':
      meta.language = result.data as Language;
      break;
    case 'tags':
      meta.tags = result.data as string[];
      break;
  }
  return undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
