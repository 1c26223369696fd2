import type { ModerationMessages } from './moderation-messages';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

export const enModeration: ModerationMessages = {
  commands: {
    add: {
      name: 'add',
      description: 'Add an article from a file (.md with front matter, or .txt)',
      file: {
        name: 'file',
        description: 'The article: .md with front matter or .txt, UTF-8, at most 2 MB',
      },
      title: { name: 'title', description: "Title (overrides the file's)" },
      date: { name: 'date', description: "Publication date YYYY-MM-DD (overrides the file's)" },
      source: { name: 'source', description: 'Who published it, e.g. Reuters' },
      url: { name: 'url', description: "The article's web address" },
    },
    write: { name: 'write', description: 'Write or paste an article in a form' },
    remove: {
      name: 'remove',
      description: 'Take an article out of the answers (can be undone)',
      article: { name: 'article', description: 'The article to remove' },
    },
    restore: {
      name: 'restore',
      description: 'Put a removed article back',
      article: { name: 'article', description: 'The removed article' },
    },
    timeline: {
      name: 'timeline',
      description: 'When is a person or organisation mentioned? A picture of the archive',
      nameOption: { name: 'name', description: 'The name of the person or organisation' },
    },
  },
  form: {
    title: 'New article',
    articleTitle: 'Title',
    date: 'Publication date',
    datePlaceholder: 'YYYY-MM-DD',
    source: 'Source (optional)',
    text: 'Text',
    textPlaceholder: 'Paste the article. A blank line between paragraphs.',
  },
  added: {
    title: (title) => `Added: ${title}`,
    summary: (date, passages, file) =>
      `Dated ${date} · ${plural(passages, 'passage', 'passages')} · saved as ${file}`,
    names: 'People and organisations',
    noNames: 'No names found.',
    events: 'Dated events',
    noEvents: 'No dated events found.',
    event: (words, resolved) => `"${words}" → ${resolved}`,
  },
  removed: (title, date) =>
    `Removed from the answers: "${title}" (${date}). Undo with /knowledge restore.`,
  restored: (title, date) => `Restored: "${title}" (${date}).`,
  refused: {
    invalid: 'The file was not added:',
    duplicate: (title, file) => `This text is already in the archive, as "${title}" (${file}).`,
    notFound: (ref) => `No such article: "${ref}". Pick one from the list.`,
    notText: (name) =>
      `"${name}" is not a text file. Only .md (with front matter) and .txt can be added.`,
    download: 'Could not fetch the file from Discord. Try again.',
    nothingChanged: 'Nothing was changed.',
  },
  audit: {
    add: (actor, title, file) => `📥 ${actor} added "${title}" (${file})`,
    remove: (actor, title, file) => `🗑️ ${actor} removed "${title}" (${file})`,
    restore: (actor, title, file) => `↩️ ${actor} restored "${title}" (${file})`,
    reload: (actor, a, c, r) =>
      `🔄 ${actor} reloaded the knowledge base: ${a} new, ${c} changed, ${r} removed`,
  },
  charts: {
    timelineButton: 'Timeline',
    timelineTitle: (name) => `${name} in the archive`,
    perWeek: 'articles per week',
    perMonth: 'articles per month',
    perYear: 'articles per year',
    eventsLegend: 'event the text dates',
    articlesLegend: 'articles naming them',
    noMentions: 'No article mentions the name.',
    timelineAlt: (name, a, span, e) =>
      `Bar chart: ${plural(a, 'article', 'articles')} mentioning ${name}, ${span}, with ${plural(e, 'dated event', 'dated events')} marked on the time axis.`,
    timelineCaption: (name, a, e) =>
      `${name}: ${plural(a, 'article', 'articles')}, ${plural(e, 'dated event', 'dated events')}.`,
    timelineSubtitle: (a, e, per) =>
      `${plural(a, 'article', 'articles')} · ${plural(e, 'dated event', 'dated events')} · bars: ${per}`,
    periodTitle: (when) => `Events ${when}`,
    periodSubtitle: (e, p, busiest) =>
      `${plural(e, 'dated event', 'dated events')} · ${plural(p, 'article', 'articles')}${busiest ? ` · busiest: ${busiest}` : ''}`,
    periodLegendEvents: 'events the text dates to the day',
    periodLegendPublished: 'articles published',
    nothingInPeriod: 'Nothing in the archive for this period.',
    periodAlt: (when, e, p, busiest) =>
      `Bar chart per day, ${when}: ${plural(e, 'dated event', 'dated events')} and ${plural(p, 'article', 'articles')} published${busiest ? `; busiest: ${busiest}` : ''}.`,
    dayOfMonth: (d) => String(d),
    shortDay: (d, m) => `${d} ${SHORT_MONTHS[m - 1] ?? ''}`,
    shortMonth: (m) => SHORT_MONTHS[m - 1] ?? '',
  },
};
