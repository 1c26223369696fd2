import type { DatePlace } from '../knowledge/types';
import { enModeration } from './en-moderation';
import type { Messages } from './messages';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 'the date "x"', or where the date stood when it opened the text rather than the front matter. */
const enDate = (value: string, place: DatePlace) =>
  place === 'text-start' ? `the date "${value}" at the start of the text` : `the date "${value}"`;

export const en: Messages = {
  languageName: 'English',
  kind: { person: 'person', organisation: 'organisation', place: 'place', other: 'name' },
  dateLocale: 'en-GB',
  formatWeek: (w, y, days) => `week ${w} of ${y} (${days})`,
  formatRange: (from, to) => `${from} – ${to}`,
  who: {
    title: (name) => name,
    roles: 'Roles',
    aliases: 'Also called',
    appears: (n, first, last) =>
      n === 1
        ? `Mentioned in 1 article (${first})`
        : `Mentioned in ${n} articles, from ${first} to ${last}`,
    passages: 'Passages',
    related: 'Mentioned with',
    ambiguous: (q) => `Several people in the archive go by "${q}". Which one do you mean?`,
    unknown: (q) => `The archive knows no one called "${q}".`,
    didYouMean: 'Did you mean',
    noRole: 'The archive gives no role.',
  },
  whatHappened: {
    title: (when) => `What happened ${when}`,
    topicTitle: (when, topic) => `What happened ${when} – "${topic}"`,
    published: 'Published that day',
    publishedInPeriod: 'Published in the period',
    events: 'Events the text dates to it',
    datedBy: (words, resolved) => `"${words}" → ${resolved}`,
    empty: (when) => `The archive has nothing on ${when}.`,
    nearest: 'Nearest days with content',
    summary: (p, e) =>
      `${plural(p, 'article', 'articles')} published, ${plural(e, 'event', 'events')} dated`,
  },
  search: {
    title: (q) => `Search: "${q}"`,
    none: (q) => `Found nothing in the archive about "${q}".`,
    didYouMean: 'Try',
  },
  sources: {
    title: 'Sources in the archive',
    count: (n) => plural(n, 'article', 'articles'),
    passages: (n) => plural(n, 'passage', 'passages'),
    empty: 'The archive is empty.',
  },
  knowledge: {
    statusTitle: 'Knowledge base',
    reloadTitle: 'Knowledge base reloaded',
    counts: (a, p, pe, e) =>
      `${plural(a, 'article', 'articles')}, ${plural(p, 'passage', 'passages')}, ${plural(pe, 'person', 'people')}, ${plural(e, 'dated event', 'dated events')}`,
    organisations: (n) => plural(n, 'organisation', 'organisations'),
    loadedAt: (when) => `Loaded ${when}`,
    reloading: 'Reloading now …',
    added: 'Added',
    changed: 'Changed',
    removed: 'Removed',
    kept: 'Kept last good version',
    unchanged: 'No article changed.',
    problems: (n) => plural(n, 'problem', 'problems'),
    noProblems: 'No problems.',
    joined: 'A reload was already running; this is its result.',
    took: (ms) => `Took ${ms} ms`,
  },
  problems: {
    'file-too-large': ({ bytes, limitKb }) =>
      `file is larger than ${limitKb} KB (${bytes} bytes); split it into articles`,
    'file-outside': () =>
      'refused: it leads outside the knowledge folder (a link, say); it is never read',
    'file-unreadable': ({ error }) =>
      `could not be read (${error}); if it had a good version, that one stays in use`,
    'file-binary': () => 'file contains a NUL byte: it looks binary, not text',
    'file-not-utf8': () => 'file is not valid UTF-8 text; save it as UTF-8',
    'file-empty': () => 'file is empty',
    'file-no-text': () => 'file has no text paragraphs to index',
    'file-ignored': () => 'ignored: only .md, .markdown and .txt files are read as articles',
    'link-ignored': () => 'ignored: link to a folder or to nothing',
    'file-duplicate': ({ original }) => `same content as ${original}`,
    'yaml-syntax': ({ message }) => `YAML syntax error: ${message}`,
    'yaml-too-large': ({ chars, maxChars }) =>
      `the YAML is too large to read (${chars} characters, at most ${maxChars})`,
    'yaml-too-deep': ({ maxDepth }) =>
      `the YAML is nested too deeply to read (more than ${maxDepth} levels)`,
    'front-matter-unclosed': () => 'front matter starts with "---" but has no closing "---" line',
    'front-matter-not-map': () =>
      'front matter must be "key: value" lines (title, date, url, source, language, tags)',
    'field-unknown': ({ field, known }) => `unknown field "${field}" is ignored (known: ${known})`,
    'field-empty': ({ field }) => `${field} has no value; the field is ignored`,
    'field-not-text': ({ field }) => `${field} must be text; the field is ignored`,
    'url-invalid': ({ value }) =>
      `"${value}" is not a full web address starting with http:// or https://; the url field is ignored`,
    'language-unknown': ({ value }) =>
      `language "${value}" is not one of nb (Bokmål), nn (Nynorsk), en (English); the field is ignored`,
    'tags-invalid': () =>
      'tags must be a list of words, e.g. [syria, russland]; the field is ignored',
    'field-invalid': ({ field, message }) => `${field} is not valid and is ignored (${message})`,
    'date-missing': () =>
      'no publication date: add "date: YYYY-MM-DD" to the front matter, start the text with "date YYYY-MM-DD", or start the file name with the date (2017-11-21-title.txt)',
    'date-empty': () => 'the date field has no value',
    'date-format': ({ value, place }) =>
      `${enDate(value, place)} is not written as YYYY-MM-DD (or YYYY-MM)`,
    'date-number': ({ value, place }) =>
      `${enDate(value, place)} is only a number; write it as YYYY-MM-DD (or YYYY-MM)`,
    'date-invalid': ({ value, place }) => `${enDate(value, place)} is not a real calendar date`,
    'date-conflict': ({ fileNameDate, date }) =>
      `the file name says ${fileNameDate} but the article is dated ${date}; using the article's date`,
    'date-from-file-name': ({ date }) =>
      `no date in the front matter; using ${date} from the file name`,
    'title-missing': ({ title }) => `no title in the front matter; using "${title}"`,
    'alias-empty': () => 'empty alias entry is ignored',
    'alias-entry-invalid': () =>
      'alias entry must be "Name = Other name" or a list of names; the entry is ignored',
    'alias-names-invalid': ({ name }) =>
      `names for "${name}" must be text or a list of names; the entry is ignored`,
    'alias-shared': ({ name, otherLine }) =>
      `"${name}" is also listed on line ${otherLine}; the two lines are not merged`,
    'aliases-not-list': () => 'aliases.yml must be a list, one "Name = Other name" entry per line',
    'kept-last-good': () =>
      'the new version could not be read; the last good version is still in use',
    'aliases-kept-last-good': () =>
      'aliases.yml could not be read; the last good aliases are still in use',
    'knowledge-dir-missing': ({ dir }) =>
      `the knowledge directory ${dir} does not exist or is not a directory`,
  },
  errors: {
    empty: 'Type something to ask about.',
    'too-long': 'That is too long. Try fewer words.',
    invalid: 'I did not understand that.',
    impossible: 'That date does not exist.',
    emptyQuery: 'Type something to search for.',
    missingOption: (option) => `Please fill in "${option}".`,
    tooLong: (max) => `That is too long: at most ${max} characters, please.`,
    invalidDate: (input) =>
      `"${input}" is not a date I understand. Try 2017-11-21, 21.11.2017, 21 November 2017 or 2017-11.`,
    impossibleDate: (input) => `"${input}" is not a valid date.`,
    notAllowed: 'Sorry, only moderators can do this.',
    loading: 'The knowledge base is loading. Try again in a moment.',
    internal: 'Something went wrong on my side. Please try again; the error has been logged.',
    unknownCommand: (name) => `I do not know the command "${name}".`,
    expired: 'These buttons have expired. Please ask again.',
    notYours: 'Only the person who asked can page through this answer.',
  },
  paging: { previous: 'Previous', next: 'Next', page: (n, of) => `Page ${n} of ${of}` },
  sourceLabel: 'Source',
  dated: 'Dated',
  publishedBy: (name) => `published by ${name}`,
  noUrl: (file) => `file: ${file}`,
  discord: {
    who: {
      name: 'who',
      description: 'Who is this? Roles, dates and passages from the archive, with sources',
      nameOption: { name: 'name', description: 'The name of the person or organisation' },
    },
    whatHappened: {
      name: 'what-happened',
      description: 'What happened on a day, week or month? Articles and dated events',
      date: {
        name: 'date',
        description: 'E.g. 2017-11-21, 21.11.2017, 21 November 2017 or 2017-11',
      },
      topic: { name: 'topic', description: 'Only what is about this (optional)' },
    },
    search: {
      name: 'search',
      description: 'Free-text search in the archive, with sources',
      text: { name: 'text', description: 'Words or a question to search for' },
    },
    sources: { name: 'sources', description: 'The articles in the archive, newest first' },
    knowledge: {
      name: 'knowledge',
      description: 'The knowledge base (moderators only)',
      reload: { name: 'reload', description: 'Reload the knowledge base from its files' },
      status: { name: 'status', description: 'Show what the knowledge base holds now' },
    },
    suggestionHint: 'Press a button to ask about it.',
    nameWithRole: (name, role) => `${name} — ${role}`,
    mentions: (n) => plural(n, 'mention', 'mentions'),
    problemsTitle: 'Problems',
    more: (n) => `… and ${n} more`,
  },
  moderation: enModeration,
  kbCheck: {
    articles: (dir, a, p) =>
      `${dir}: ${plural(a, 'article', 'articles')}, ${plural(p, 'passage', 'passages')}`,
    passages: (n) => plural(n, 'passage', 'passages'),
    people: (n) => `people: ${n}`,
    organisations: (n) => `organisations: ${n}`,
    mentions: (n) => plural(n, 'mention', 'mentions'),
    datedEvents: (n) => `dated events: ${n}`,
    problems: (n, e) => `problems: ${n} (${plural(e, 'error', 'errors')})`,
  },
  ops: {
    restarting: 'Kilde is restarting. Try again in a moment.',
    interrupted:
      'Kilde restarted before this was finished. Nothing was lost: try again in a moment.',
    slowDown: (s) => `You are asking very often. Try again in ${plural(s, 'second', 'seconds')}.`,
  },
  console: {
    welcome: (n) =>
      `Kilde – local console. ${plural(n, 'article', 'articles')} loaded. Type /help for commands.`,
    help: [
      '/who <name>                   who is …',
      '/what-happened <date> [topic] what happened that day (2017-11-21, 21.11.2017, 2017-11)',
      '/search <text>                free text and questions',
      '/sources                      the articles in the archive',
      '/timeline <name>              when the name is in the archive, as a picture (saved as PNG)',
      '/knowledge reload|status      reload the knowledge base / status',
      '/knowledge add <file>         add an article (.md or .txt) from this machine',
      '/knowledge remove [article]   take an article out of the answers (no name: the list)',
      '/knowledge restore [article]  put a removed article back (no name: the list)',
      '/lang en|nb                   switch language (also /språk)',
      '/quit                         quit',
    ].join('\n'),
    language: 'Language: English. Type /lang nb for Norwegian.',
    unknownLanguage: (input) =>
      `Unknown language "${input}". Choose en (English) or nb (Norwegian).`,
    bye: 'Bye!',
    pictureSaved: (file) => `Picture saved: ${file}`,
    addUsage: 'Usage: /knowledge add <file> (an .md or .txt file on this machine).',
    fileUnreadable: (file) => `Could not find or read the file ${file}.`,
    writeInFile:
      'The console has no form: write the article in an .md or .txt file and use /knowledge add <file>.',
    pickArticle: 'Type the command again with one of these (file name or exact title):',
    noArticles: 'No articles to choose from.',
  },
};
