import { z } from 'zod';
import { parsePublicationDate } from './dates';
import type { DateSpan, Language, ProblemDetail } from './types';
import { mapEntries, parseYaml, plainEntries } from './yaml-lines';

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

export type FieldProblem = ProblemDetail & {
  line: number;
  reason: string;
  severity: 'error' | 'warning';
};

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

/**
 * Our own schema messages are problem codes, so a refused field can be worded in the
 * reader's language; any other message is zod's own and is shown as it is.
 */
type FieldIssue =
  | 'field-not-text'
  | 'field-empty'
  | 'url-invalid'
  | 'language-unknown'
  | 'tags-invalid';
const FIELD_ISSUES = new Set<string>([
  'field-not-text',
  'field-empty',
  'url-invalid',
  'language-unknown',
  'tags-invalid',
] satisfies FieldIssue[]);

const text = () =>
  z
    .union([z.string(), z.number()], 'field-not-text' satisfies FieldIssue)
    .transform((value) => String(value).trim())
    .refine((value) => value !== '', 'field-empty' satisfies FieldIssue);

/** One schema per field, so each problem can point at its own key's line. */
const FIELD_SCHEMAS = {
  title: text(),
  source: text(),
  url: text().refine(isHttpUrl, 'url-invalid' satisfies FieldIssue),
  language: text().transform((value, context) => {
    const language = LANGUAGE_NAMES[value.toLowerCase()];
    if (language) return language;
    context.addIssue({ code: 'custom', message: 'language-unknown' satisfies FieldIssue });
    return z.NEVER;
  }),
  tags: z
    .union(
      [z.array(z.union([z.string(), z.number()])), z.string()],
      'tags-invalid' satisfies FieldIssue,
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
  // The front matter's line numbers count from its first line; problems name the file's.
  const toFileLine = (line: number) => line + yamlFirstLine - 1;
  const read = plainEntries(yaml) ?? parsedEntries(yaml, toFileLine);
  if (!Array.isArray(read))
    return { meta: {}, problems: read.problems, dateGiven: false, fatal: true };
  const entries = read;
  const problems: FieldProblem[] = [];

  const meta: FrontMatter = {};
  let dateGiven = false;
  for (const { key, value, line } of entries) {
    const fileLine = toFileLine(line);
    const field = key.toLowerCase();
    if (!KNOWN_FIELDS.has(field)) {
      const known = [...KNOWN_FIELDS].join(', ');
      problems.push({
        line: fileLine,
        code: 'field-unknown',
        params: { field: key, known },
        reason: `unknown field "${key}" is ignored (known: ${known})`,
        severity: 'warning',
      });
      continue;
    }
    if (value === null || value === undefined) {
      const isDate = field === 'date';
      problems.push(
        isDate
          ? {
              line: fileLine,
              code: 'date-empty',
              params: {},
              reason: 'date has no value',
              severity: 'error',
            }
          : {
              line: fileLine,
              code: 'field-empty',
              params: { field: key },
              reason: `${key} has no value; the field is ignored`,
              severity: 'warning',
            },
      );
      dateGiven ||= isDate;
      continue;
    }
    const error = applyField(meta, field as FieldName, value);
    if (field === 'date') dateGiven = true;
    // Without a valid date the article cannot be placed in time: that is fatal. Any other
    // bad field is dropped so the article still loads, and the moderator is told.
    if (error && field === 'date') problems.push({ ...error, line: fileLine, severity: 'error' });
    if (error && field !== 'date') {
      problems.push({
        ...error,
        line: fileLine,
        reason: `${error.reason}; the field is ignored`,
        severity: 'warning',
      });
    }
  }
  return { meta, problems, dateGiven, fatal: false };
}

/** The front matter's entries as the YAML parser reads them, or the problems that stop it. */
function parsedEntries(
  yaml: string,
  toFileLine: (line: number) => number,
): { key: string; value: unknown; line: number }[] | { problems: FieldProblem[] } {
  const parsed = parseYaml(yaml);
  const problems: FieldProblem[] = parsed.errors.map((error) => ({
    line: toFileLine(error.line),
    ...error.detail,
    reason: error.reason,
    severity: 'error',
  }));
  if (problems.length > 0) return { problems };
  const entries = mapEntries(parsed);
  if (entries !== undefined) return entries;
  problems.push({
    line: toFileLine(1),
    code: 'front-matter-not-map',
    params: {},
    reason: 'front matter must be "key: value" lines (title, date, url, source, language, tags)',
    severity: 'error',
  });
  return { problems };
}

type FieldError = ProblemDetail & { reason: string };

/** Validates one field into `meta`; says why when it is invalid. */
function applyField(meta: FrontMatter, field: FieldName, value: unknown): FieldError | undefined {
  if (field === 'date') {
    const date = parsePublicationDate(value);
    if (!date.ok) {
      const params = { value: date.value, place: 'front-matter' } as const;
      return { code: date.code, params, reason: date.reason };
    }
    meta.published = date.span;
    return undefined;
  }
  const result = FIELD_SCHEMAS[field].safeParse(value);
  if (!result.success) return fieldError(field, value, result.error.issues[0]?.message);
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

function fieldError(field: string, value: unknown, message: string | undefined): FieldError {
  const written = String(value).trim();
  const issue =
    message !== undefined && FIELD_ISSUES.has(message) ? (message as FieldIssue) : undefined;
  switch (issue) {
    case 'field-not-text':
      return { code: issue, params: { field }, reason: `${field} must be text` };
    case 'field-empty':
      return { code: issue, params: { field }, reason: `${field} is empty` };
    case 'url-invalid':
      return {
        code: issue,
        params: { value: written },
        reason: 'url must be a full web address starting with http:// or https://',
      };
    case 'language-unknown':
      return {
        code: issue,
        params: { value: written },
        reason: `language "${written}" is not one of nb (Bokmål), nn (Nynorsk), en (English)`,
      };
    case 'tags-invalid':
      return {
        code: issue,
        params: {},
        reason: 'tags must be a list of words, e.g. [syria, russland]',
      };
    case undefined: {
      const said = message ?? 'not valid';
      return {
        code: 'field-invalid',
        params: { field, message: said },
        reason: `${field}: ${said}`,
      };
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
