/**
 * A fake `Kilde` with answers written for these tests (English and Norwegian text about
 * made-up people), so the Discord layer is tested without the real core.
 */
import type {
  DaySuggestion,
  EntityCard,
  EntitySummary,
  Kilde,
  KnowledgeStatus,
  QuotedPassage,
  ReloadReport,
  SearchAnswer,
  SourceRef,
  SourcesAnswer,
  WhatHappenedAnswer,
  WhoAnswer,
} from '../../src/answers/types';
import type { Language, Problem } from '../../src/knowledge/types';

const day = (iso: string) => ({ start: iso, end: iso, granularity: 'day' as const });

export function source(n: number, language: Language = 'en', url = true): SourceRef {
  return {
    articleId: `article-${n}.md`,
    title: `Harbour council meets in Tromsø, part ${n}`,
    published: day(`2019-03-${String((n % 28) + 1).padStart(2, '0')}`),
    ...(url ? { url: `https://news.example/harbour-${n}` } : {}),
    file: `article-${n}.md`,
    language,
  };
}

export function passage(n: number, text?: string): QuotedPassage {
  const before = text ?? `The council chair, Ingrid Falk, said the harbour plan (number ${n}) `;
  return {
    passageId: `article-${n}.md#0`,
    snippet: {
      segments: [
        { text: before, marked: false },
        { text: 'would pass', marked: true },
        { text: ' before the summer.', marked: false },
      ],
      cutStart: false,
      cutEnd: n % 2 === 0,
    },
    source: source(n, 'en', n !== 2),
  };
}

export const falk: EntitySummary = {
  id: 'ingrid-falk',
  name: 'Ingrid Falk',
  kind: 'person',
  role: 'council chair',
  passageCount: 12,
};

export function card(passages = 3): EntityCard {
  return {
    ...falk,
    aliases: ['Falk'],
    roles: [
      {
        role: 'council chair',
        roleText: 'the council chair',
        sources: [source(1), source(2, 'en', false)],
      },
    ],
    articleCount: 2,
    firstSeen: day('2019-03-02'),
    lastSeen: day('2019-03-03'),
    passages: Array.from({ length: passages }, (_, i) => passage(i + 1)),
    related: [
      { id: 'ola-berg', name: 'Ola Berg', kind: 'person', role: 'harbour master', passageCount: 3 },
    ],
  };
}

/** A broken date and a kept file: the problems a moderator sees most, in code and params. */
function problems(): Problem[] {
  return [
    {
      file: 'broken.md',
      line: 3,
      code: 'date-invalid',
      params: { value: '2019-02-30', place: 'front-matter' },
      reason: 'date is not a date',
      severity: 'error',
    },
    {
      file: 'broken.md',
      code: 'kept-last-good',
      params: {},
      reason: 'the new version could not be read; the last good version is still in use',
      severity: 'warning',
    },
  ];
}

export const answers = {
  whoFound: (passages = 3): WhoAnswer => ({ kind: 'found', query: 'falk', card: card(passages) }),
  whoAmbiguous: (): WhoAnswer => ({
    kind: 'ambiguous',
    query: 'berg',
    candidates: [
      { id: 'ola-berg', name: 'Ola Berg', kind: 'person', role: 'harbour master', passageCount: 3 },
      { id: 'berg-shipping', name: 'Berg Shipping', kind: 'organisation', passageCount: 2 },
    ],
  }),
  whoUnknown: (query = 'fulk'): WhoAnswer => ({ kind: 'unknown', query, suggestions: [falk] }),
  whoInvalid: (): WhoAnswer => ({ kind: 'invalid', query: '', error: 'empty' }),
  dayFound: (events = 2): WhatHappenedAnswer => ({
    kind: 'found',
    query: '2019-03-05',
    span: day('2019-03-05'),
    published: [{ source: source(4), lead: passage(4) }],
    events: Array.from({ length: events }, (_, i) => ({
      passage: passage(10 + i),
      dating: { text: 'Tuesday next week', span: day('2019-03-05'), kind: 'relative' as const },
    })),
  }),
  dayEmpty: (): WhatHappenedAnswer => ({
    kind: 'empty',
    query: '2019-04-01',
    span: day('2019-04-01'),
    nearest: [{ date: '2019-03-05', published: 1, events: 2, preview: 'Harbour council meets' }],
  }),
  dayInvalid: (query = 'someday'): WhatHappenedAnswer => ({
    kind: 'invalid',
    query,
    error: 'invalid',
  }),
  searchFound: (hits = 3): SearchAnswer => ({
    kind: 'found',
    query: 'harbour plan',
    hits: Array.from({ length: hits }, (_, i) => passage(20 + i)),
  }),
  searchNone: (query = 'harbur'): SearchAnswer => ({
    kind: 'none',
    query,
    suggestions: ['harbour'],
  }),
  searchInvalid: (): SearchAnswer => ({ kind: 'invalid', query: '', error: 'empty' }),
  sources: (n = 3): SourcesAnswer => ({
    articles: Array.from({ length: n }, (_, i) => ({ ...source(i + 1), passages: 4 })),
  }),
  status: (): KnowledgeStatus => ({
    articles: 3,
    passages: 12,
    people: 2,
    organisations: 1,
    datedEvents: 4,
    loadedAt: '2024-05-01T10:00:00.000Z',
    reloading: false,
    problems: problems(),
  }),
  reload: (): ReloadReport => ({
    added: ['new-article.md'],
    changed: [],
    removed: [],
    kept: ['broken.md'],
    articles: 3,
    passages: 12,
    people: 2,
    datedEvents: 4,
    problems: problems(),
    durationMs: 42,
    joined: false,
  }),
};

export const days: DaySuggestion[] = [
  { date: '2019-03-05', published: 1, events: 2, preview: 'Harbour council meets in Tromsø' },
];

/** A fake core; override any method per test. */
export function fakeKilde(overrides: Partial<Kilde> = {}): Kilde {
  return {
    who: async (q) => (q.trim() === '' ? answers.whoInvalid() : answers.whoFound()),
    whatHappened: async () => answers.dayFound(),
    search: async () => answers.searchFound(),
    sources: async () => answers.sources(),
    status: async () => answers.status(),
    reload: async () => answers.reload(),
    suggestNames: async () => [falk],
    suggestDays: async () => days,
    timeline: async (q) => ({ kind: 'unknown', query: q, suggestions: [] }),
    addArticle: async () => ({ kind: 'refused', refusal: { code: 'not-found', ref: '' } }),
    removeArticle: async (ref) => ({ kind: 'refused', refusal: { code: 'not-found', ref } }),
    restoreArticle: async (ref) => ({ kind: 'refused', refusal: { code: 'not-found', ref } }),
    suggestArticles: async () => [],
    suggestRemoved: async () => [],
    recordReload: async (actor) => ({ at: '2024-05-01T10:00:00.000Z', actor, action: 'reload' }),
    ...overrides,
  };
}
