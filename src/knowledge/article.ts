import { createHash } from 'node:crypto';
import { detectLanguage } from '../language/detect';
import { dateFromFileName, parsePublicationDate } from './dates';
import { type FrontMatter, parseFrontMatter, splitFrontMatter } from './front-matter';
import { HintWords } from './hint-words';
import { passageId } from './passage-id';
import { type RawPassage, splitBody } from './passages';
import { deriveTitle } from './title';
import type { Article, DateSpan, Language, Passage, Problem, ProblemDetail } from './types';

/**
 * One knowledge file -> one article, or problems saying why not. Pure: the caller reads
 * the bytes, so tests need no disk.
 */

/** The default size limit for one knowledge file (KNOWLEDGE_MAX_FILE_KB overrides it). */
export const DEFAULT_MAX_FILE_KB = 512;
export const MAX_FILE_BYTES = DEFAULT_MAX_FILE_KB * 1024;

export interface ArticleParse {
  article?: Article;
  problems: Problem[];
}

/** `date 2017-11` (or `dato: 2017-11-21`) before the text: metadata some sources prepend. */
const DATE_TOKEN = /^(\s*)(?:date|dato)\s*:?[ \t]+(\d[\d./-]*)[ \t]*/i;

export function parseArticleFile(file: string, content: string | Buffer): ArticleParse {
  const problems: Problem[] = [];
  const report: Report = (found, severity, line) => {
    problems.push(
      line === undefined ? { ...found, file, severity } : { ...found, file, line, severity },
    );
  };
  const fail = (found: Found, line?: number): ArticleParse => {
    report(found, 'error', line);
    return { problems };
  };

  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (bytes.length > MAX_FILE_BYTES) return fail(tooLargeProblem(bytes.length));
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(decoded.problem, decoded.line);
  const text = decoded.text;
  if (text.trim() === '') return fail({ code: 'file-empty', params: {}, reason: 'file is empty' });

  // Front matter, if any.
  const split = splitFrontMatter(text);
  if (split.kind === 'unclosed') {
    return fail(
      {
        code: 'front-matter-unclosed',
        params: {},
        reason: 'front matter starts with "---" but has no closing "---" line',
      },
      1,
    );
  }
  let meta: FrontMatter = {};
  let dateGiven = false;
  let body = text;
  let bodyFirstLine = 1;
  if (split.kind === 'found') {
    const front = parseFrontMatter(split.yaml, split.yamlFirstLine);
    for (const { line, severity, ...found } of front.problems) report(found, severity, line);
    if (front.fatal || front.problems.some((problem) => problem.severity === 'error')) {
      return { problems };
    }
    meta = front.meta;
    dateGiven = front.dateGiven;
    body = split.body;
    bodyFirstLine = split.bodyFirstLine;
  }

  // A leading date token is metadata, never text; blank it out but keep line numbers.
  let tokenDate: DateSpan | undefined;
  const token = DATE_TOKEN.exec(body);
  if (token) {
    const tokenLine = bodyFirstLine + countNewlines(token[1] ?? '');
    const parsed = parsePublicationDate(token[2] ?? '');
    if (!parsed.ok) {
      const params = { value: parsed.value, place: 'text-start' } as const;
      const reason = `date at the start of the text: ${parsed.reason}`;
      return fail({ code: parsed.code, params, reason }, tokenLine);
    }
    tokenDate = parsed.span;
    body = '\n'.repeat(countNewlines(token[0])) + body.slice(token[0].length);
  }

  const published = choosePublished(file, meta.published, tokenDate, dateGiven, report);
  if (!published) {
    return fail({
      code: 'date-missing',
      params: {},
      reason:
        'no publication date: add "date: YYYY-MM-DD" to the front matter, start the text with ' +
        '"date YYYY-MM-DD", or start the file name with the date (2017-11-21-title.txt)',
    });
  }

  const markdown = /\.(md|markdown)$/i.test(file);
  const bodyParts = splitBody(body, bodyFirstLine, {
    markdown,
    titleGiven: meta.title !== undefined,
  });
  if (bodyParts.passages.length === 0) {
    return fail({
      code: 'file-no-text',
      params: {},
      reason: 'file has no text paragraphs to index',
    });
  }

  const title =
    meta.title ?? bodyParts.leadingTitle ?? deriveTitle(bodyParts.passages[0]?.text ?? '');
  if (meta.title === undefined && bodyParts.leadingTitle === undefined && split.kind === 'found') {
    const reason = `no title in the front matter; using "${title}"`;
    report({ code: 'title-missing', params: { title }, reason }, 'warning', 1);
  }

  const language = chooseLanguage(meta.language, bodyParts.passages);
  const id = file;
  const passages = bodyParts.passages.map((raw, index) =>
    toPassage(raw, index, id, language.language),
  );
  const article: Article = {
    id,
    file,
    title,
    published,
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.source ? { source: meta.source } : {}),
    language: language.language,
    languageDetected: language.detected,
    tags: meta.tags ?? [],
    passages,
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
  return { article, problems };
}

/** A problem before its file, line and severity are known. */
type Found = ProblemDetail & { reason: string };
type Report = (found: Found, severity: Problem['severity'], line?: number) => void;

/** Shared with the loader, which refuses big files (over its configured limit) before reading them. */
export function tooLargeProblem(bytes: number, limitBytes: number = MAX_FILE_BYTES): Found {
  const limitKb = Math.floor(limitBytes / 1024);
  return {
    code: 'file-too-large',
    params: { bytes, limitKb },
    reason: `file is larger than ${limitKb} KB (${bytes} bytes); split it into articles`,
  };
}

type Decoded = { ok: true; text: string } | { ok: false; problem: Found; line?: number };

function decodeText(bytes: Buffer): Decoded {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      problem: {
        code: 'file-binary',
        params: {},
        reason: 'file contains a NUL byte: it looks binary, not text',
      },
      line: countNewlines(bytes.subarray(0, nul).toString('latin1')) + 1,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: {
        code: 'file-not-utf8',
        params: {},
        reason: 'file is not valid UTF-8 text; save it as UTF-8',
      },
      line: firstInvalidUtf8Line(bytes),
    };
  }
  // TextDecoder drops the BOM itself; normalise Windows and old Mac newlines.
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

/** A multi-byte UTF-8 sequence never contains a newline byte, so lines can be checked alone. */
function firstInvalidUtf8Line(bytes: Buffer): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline < 0) return undefined;
    start = newline + 1;
    line++;
  }
  return undefined;
}

function choosePublished(
  file: string,
  frontMatterDate: DateSpan | undefined,
  tokenDate: DateSpan | undefined,
  dateGiven: boolean,
  report: Report,
): DateSpan | undefined {
  const nameDate = dateFromFileName(file);
  const fromName = nameDate ? parsePublicationDate(nameDate) : undefined;
  const nameSpan = fromName?.ok ? fromName.span : undefined;
  const chosen = frontMatterDate ?? tokenDate ?? nameSpan;
  if (chosen && nameSpan && !sameSpan(chosen, nameSpan) && !spanContains(chosen, nameSpan)) {
    const month = chosen.granularity === 'month';
    report(
      {
        code: 'date-conflict',
        params: {
          fileNameDate: nameDate ?? '',
          date: month ? chosen.start.slice(0, 7) : chosen.start,
        },
        reason:
          `the file name says ${nameDate} but the article is dated ${chosen.start}` +
          `${month ? ' (month)' : ''}; using the latter`,
      },
      'warning',
    );
  }
  if (
    !frontMatterDate &&
    !tokenDate &&
    nameDate &&
    nameSpan &&
    !dateGiven &&
    /\.(md|markdown)$/i.test(file)
  ) {
    report(
      {
        code: 'date-from-file-name',
        params: { date: nameDate },
        reason: `no date in the front matter; using ${nameDate} from the file name`,
      },
      'warning',
    );
  }
  return chosen;
}

function sameSpan(a: DateSpan, b: DateSpan): boolean {
  return a.start === b.start && a.end === b.end;
}

/** A month-dated article whose file name names a day in that month does not conflict. */
function spanContains(outer: DateSpan, inner: DateSpan): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function chooseLanguage(
  given: Language | undefined,
  passages: readonly RawPassage[],
): { language: Language; detected: boolean } {
  if (given) return { language: given, detected: false };
  const bodyText = passages.map((passage) => passage.text).join('\n');
  return { language: detectLanguage(bodyText).language, detected: true };
}

function toPassage(raw: RawPassage, index: number, articleId: string, language: Language): Passage {
  return {
    id: passageId(articleId, index),
    articleId,
    index,
    ...(raw.heading ? { heading: raw.heading } : {}),
    text: raw.text,
    line: raw.line,
    language: passageLanguage(raw.text, language),
    ...(raw.credits.length > 0 ? { credits: raw.credits } : {}),
  };
}

/**
 * An English quote inside a Norwegian article (or the reverse) is searched better with
 * its own language's stemmer; Bokmål vs Nynorsk per paragraph is too unreliable to switch.
 * franc is the slow part of loading, so it only runs where function words hint at a switch.
 */
function passageLanguage(text: string, articleLanguage: Language): Language {
  const english = articleLanguage === 'en';
  if (!(english ? NORWEGIAN_HINTS : ENGLISH_HINTS).reached(text, 3)) return articleLanguage;
  const detected = detectLanguage(text);
  if (!detected.confident) return articleLanguage;
  return (detected.language === 'en') !== english ? detected.language : articleLanguage;
}

const ENGLISH_HINTS = new HintWords([
  'the',
  'and',
  'of',
  'is',
  'that',
  'was',
  'with',
  'this',
  'are',
  'it',
]);
const NORWEGIAN_HINTS = new HintWords([
  'og',
  'i',
  'på',
  'er',
  'det',
  'som',
  'ikke',
  'ikkje',
  'en',
  'ein',
  'av',
]);

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}
