/**
 * The data that flows from files to the index. Everything here is plain data (JSON-safe),
 * so a built knowledge base can be snapshotted and restored without re-analysis.
 */

/** Languages the archive holds: Norwegian Bokmål, Norwegian Nynorsk, English. */
export type Language = 'nb' | 'nn' | 'en';

/** A calendar span, inclusive on both ends, as ISO dates (YYYY-MM-DD). */
export interface DateSpan {
  start: string;
  end: string;
  /** How precisely the source pinned it down. A week starts on Monday (Norwegian usage). */
  granularity: 'day' | 'week' | 'month' | 'year';
}

/** A problem with no values to show: the code alone says it. */
export type NoParams = Record<string, never>;

/** Where a publication date was written: the front matter, or a `date …` line opening the text. */
export type DatePlace = 'front-matter' | 'text-start';

/**
 * Every kind of knowledge problem, with the values its sentence needs. The bot's words for
 * each live in the i18n catalogs (`Messages.problems`), so a moderator reads them in their
 * own language; values are plain strings and numbers. Texts that come from libraries (the
 * YAML parser, zod) cannot be translated and travel as `message`, framed by the catalog.
 */
export interface ProblemParamsByCode {
  /** Bigger than the size limit (`KNOWLEDGE_MAX_FILE_KB`). */
  'file-too-large': { bytes: number; limitKb: number };
  /** Resolves (through a link, say) to somewhere outside the knowledge folder: never read. */
  'file-outside': NoParams;
  /** Listed, then could not be read (vanished, no permission): `error` is the system's code. */
  'file-unreadable': { error: string };
  'file-binary': NoParams;
  'file-not-utf8': NoParams;
  'file-empty': NoParams;
  'file-no-text': NoParams;
  /** Not .md/.markdown/.txt (or a link to a folder): not read as an article. */
  'file-ignored': NoParams;
  'link-ignored': NoParams;
  /** Same bytes as `original`, which is kept. */
  'file-duplicate': { original: string };
  'yaml-syntax': { message: string };
  /** YAML refused before parsing, over `maxChars` characters: hostile input costs the parser too much. */
  'yaml-too-large': { chars: number; maxChars: number };
  /** YAML refused before parsing, nested deeper than `maxDepth` levels (same reason). */
  'yaml-too-deep': { maxDepth: number };
  'front-matter-unclosed': NoParams;
  'front-matter-not-map': NoParams;
  'field-unknown': { field: string; known: string };
  /** A field other than the date with no value: it is ignored. */
  'field-empty': { field: string };
  'field-not-text': { field: string };
  'url-invalid': { value: string };
  'language-unknown': { value: string };
  'tags-invalid': NoParams;
  /** A field that failed validation for a reason zod words itself. */
  'field-invalid': { field: string; message: string };
  'date-missing': NoParams;
  'date-empty': NoParams;
  /** Written, but not as YYYY-MM-DD or YYYY-MM. */
  'date-format': { value: string; place: DatePlace };
  /** Written as a bare number (YAML reads 20171121 as one). */
  'date-number': { value: string; place: DatePlace };
  /** Looks like a date but is not on the calendar (month 13, 30 February). */
  'date-invalid': { value: string; place: DatePlace };
  /** The file name's date and the article's date disagree; the article's date wins. */
  'date-conflict': { fileNameDate: string; date: string };
  'date-from-file-name': { date: string };
  'title-missing': { title: string };
  'alias-empty': NoParams;
  'alias-entry-invalid': NoParams;
  'alias-names-invalid': { name: string };
  /** A name also listed in the group on `otherLine`. */
  'alias-shared': { name: string; otherLine: number };
  'aliases-not-list': NoParams;
  /** On reload: the file no longer parses, so its last good version stays in use. */
  'kept-last-good': NoParams;
  'aliases-kept-last-good': NoParams;
  'knowledge-dir-missing': { dir: string };
}

export type ProblemCode = keyof ProblemParamsByCode;

/** A code with exactly the params it needs (a discriminated union on `code`). */
export type ProblemDetail = {
  [C in ProblemCode]: { code: C; params: ProblemParamsByCode[C] };
}[ProblemCode];

interface ProblemPlace {
  /** Path relative to the knowledge directory, with forward slashes. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** What is wrong, in plain English: for logs, and shown when a code has no catalog text. */
  reason: string;
  severity: 'error' | 'warning';
}

/** One problem found while reading knowledge files. Never fatal to the whole base. */
export type Problem = ProblemPlace & ProblemDetail;

/** The indexed, ranked and quoted unit: a paragraph with its sub-heading. */
export interface Passage {
  /** `${articleId}#${index}` */
  id: string;
  articleId: string;
  /** 0-based position in the article. */
  index: number;
  /** The sub-heading this paragraph stands under, if any. */
  heading?: string;
  text: string;
  /** 1-based line in the source file where the paragraph starts. */
  line: number;
  language: Language;
  /** Photo credits ("Foto: Hau Dinh / AP") cut from this paragraph: not its text. */
  credits?: string[];
}

export interface Article {
  /** Stable id: the file path relative to the knowledge directory (forward slashes). */
  id: string;
  file: string;
  title: string;
  /** Publication date: day granularity, or month when only `YYYY-MM` is known. */
  published: DateSpan;
  url?: string;
  source?: string;
  language: Language;
  /** True when the language was detected rather than given in front matter. */
  languageDetected: boolean;
  tags: string[];
  passages: Passage[];
  /** sha256 of the file's bytes; used to report what changed on reload. */
  hash: string;
}

/** Moderator-edited equivalences: each group names one thing ("FN", "UN", "De forente nasjoner"). */
export interface AliasGroup {
  /** The first form written is the preferred display name. */
  names: string[];
  line: number;
}

/**
 * A file's size and modification time (of its real path) when it was read: while both stay
 * the same, the next load takes the file's article and problems from the last load instead
 * of reading it again.
 */
export interface FileStamp {
  file: string;
  size: number;
  mtimeMs: number;
}

/** What reading a knowledge directory yields: good articles, aliases and every problem. */
export interface LoadResult {
  articles: Article[];
  aliases: AliasGroup[];
  problems: Problem[];
  /** Article files that exist but could not be read (ids), so a reload can keep their last good version. */
  failedFiles?: string[];
  /** True when aliases.yml exists but could not be read at all. */
  aliasesFailed?: boolean;
  /** Article files read (or taken over unchanged) by this load, with their stamps. */
  stamps?: FileStamp[];
}
