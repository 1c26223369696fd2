import type { Archive } from '../archive/archive';
import { KnowledgeStore, type ReloadOutcome } from '../archive/store';
import { watchDebounced } from '../archive/watch';
import { parseDateQuery } from '../extract/dates';
import type { Logger } from '../logger';
import { suggestDays } from './days';
import { byNewest, sourceOf } from './quote';
import { search } from './search';
import type { Kilde, KnowledgeStatus, ReloadReport } from './types';
import { whatHappened } from './what-happened';
import { summarise, who } from './who';

export interface KildeOptions {
  knowledgeDir: string;
  cacheDir: string;
  watch?: boolean;
  logger: Logger;
}

/** Thrown when an answer is asked for before the first knowledge base has loaded. */
export class KnowledgeLoadingError extends Error {
  constructor() {
    super('the knowledge base is still loading');
  }
}

function counts(archive: Archive) {
  const entities = archive.entities.all();
  let datedEvents = 0;
  for (const mentions of archive.timeMentions.values()) datedEvents += mentions.length;
  return {
    articles: archive.articles.length,
    passages: archive.passageById.size,
    people: entities.filter((e) => e.kind === 'person').length,
    organisations: entities.filter((e) => e.kind === 'organisation').length,
    datedEvents,
  };
}

function report(outcome: ReloadOutcome): ReloadReport {
  const { articles, passages, people, datedEvents } = counts(outcome.archive);
  return {
    added: outcome.added,
    changed: outcome.changed,
    removed: outcome.removed,
    kept: outcome.kept,
    articles,
    passages,
    people,
    datedEvents,
    problems: [...outcome.archive.problems],
    durationMs: outcome.durationMs,
    joined: outcome.joined,
  };
}

/** The answering core behind the console and the Discord layer. */
export async function createKilde(
  options: KildeOptions,
): Promise<Kilde & { close(): Promise<void> }> {
  const { logger } = options;
  const store = new KnowledgeStore(options.knowledgeDir, options.cacheDir, logger);
  const first = await store.reload();
  logger.info(
    {
      ...counts(first.archive),
      problems: first.archive.problems.length,
      ms: first.durationMs,
      snapshot: first.archive.fromSnapshot,
    },
    'knowledge base loaded',
  );
  for (const problem of first.archive.problems) logger.warn({ problem }, 'knowledge problem');

  const current = (): Archive => {
    const archive = store.current;
    if (!archive) throw new KnowledgeLoadingError();
    return archive;
  };

  const reload = async (): Promise<ReloadReport> => {
    const result = report(await store.reload());
    logger.info({ ...result, problems: result.problems.length }, 'knowledge base reloaded');
    return result;
  };

  const stopWatching = options.watch
    ? watchDebounced(options.knowledgeDir, () => {
        reload().catch((error: unknown) =>
          logger.error({ err: error }, 'reload after file change failed'),
        );
      })
    : () => undefined;

  return {
    who: (query) => who(current(), query),
    whatHappened: (query, topic) => whatHappened(current(), query, topic),
    search: (query) => search(current(), query),
    sources: () => ({
      articles: [...current().articles]
        .sort(byNewest)
        .map((a) => ({ ...sourceOf(a), passages: a.passages.length })),
    }),
    status: (): KnowledgeStatus => {
      const archive = current();
      return {
        ...counts(archive),
        loadedAt: archive.builtAt,
        reloading: store.reloading,
        problems: [...archive.problems],
      };
    },
    reload,
    suggestNames: (partial, limit) => current().entities.suggest(partial, limit).map(summarise),
    suggestDays: (partial, limit) =>
      suggestDays(current(), partial, limit, (input) => {
        const parsed = parseDateQuery(input);
        return parsed.ok ? parsed.span : undefined;
      }),
    close: async () => stopWatching(),
  };
}
