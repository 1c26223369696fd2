import { watchDebounced } from '../archive/watch';
import type { KnowledgeBackend, ReloadResult } from '../backend/backend';
import { MemoryBackend } from '../backend/memory';
import { MAX_FILE_BYTES } from '../knowledge/article';
import type { ReadFile } from '../knowledge/read-inside';
import type { Logger } from '../logger';
import { ArticleLibrary } from '../moderation/library';
import { clip, INPUT_LIMITS } from './query-text';
import { byNewest, sourceOf } from './quote';
import { search } from './search';
import { timeline } from './timeline';
import type { Kilde, KnowledgeStatus, ReloadReport } from './types';
import { whatHappened } from './what-happened';
import { summarise, who } from './who';

export { KnowledgeLoadingError } from '../backend/backend';

export interface KildeOptions {
  knowledgeDir: string;
  cacheDir: string;
  watch?: boolean;
  /** Knowledge files bigger than this are refused (KNOWLEDGE_MAX_FILE_KB). */
  maxFileBytes?: number;
  /** Reads one knowledge file: a seam for tests that inject faults mid-reload. */
  readFile?: ReadFile;
  logger: Logger;
  /** Where the knowledge lives; the embedded in-memory archive unless given. */
  backend?: KnowledgeBackend;
}

function report(result: ReloadResult): ReloadReport {
  const { articles, passages, people, datedEvents } = result.counts;
  return {
    added: result.added,
    changed: result.changed,
    removed: result.removed,
    kept: result.kept,
    articles,
    passages,
    people,
    datedEvents,
    problems: result.problems,
    durationMs: result.durationMs,
    joined: result.joined,
  };
}

/** The answering core behind the console and the Discord layer. */
export async function createKilde(
  options: KildeOptions,
): Promise<Kilde & { close(): Promise<void> }> {
  const { logger } = options;
  const backend =
    options.backend ??
    new MemoryBackend({
      ...options,
      load: {
        ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
        ...(options.readFile ? { readFile: options.readFile } : {}),
      },
    });
  const first = await backend.start();
  logger.info(
    { ...first.counts, problems: first.problems.length, ms: first.durationMs },
    'knowledge base loaded',
  );
  for (const problem of first.problems) logger.warn({ problem }, 'knowledge problem');

  const reload = async (): Promise<ReloadReport> => {
    const result = report(await backend.reload());
    logger.info({ ...result, problems: result.problems.length }, 'knowledge base reloaded');
    return result;
  };

  const library = new ArticleLibrary({
    knowledgeDir: options.knowledgeDir,
    maxFileBytes: options.maxFileBytes ?? MAX_FILE_BYTES,
    logger,
    view: () => backend.view(),
    reload: async () => {
      await reload();
      return backend.view();
    },
  });

  const stopWatching = options.watch
    ? watchDebounced(options.knowledgeDir, () => {
        reload().catch((error: unknown) =>
          logger.error({ err: error }, 'reload after file change failed'),
        );
      })
    : () => undefined;

  return {
    who: (query) => who(backend.view(), query),
    whatHappened: (query, topic) => whatHappened(backend.view(), query, topic),
    search: (query) => search(backend.view(), query),
    sources: async () => ({
      articles: (await backend.view().listArticles())
        .sort(byNewest)
        .map((a) => ({ ...sourceOf(a), passages: a.passageCount })),
    }),
    status: async (): Promise<KnowledgeStatus> => {
      const view = backend.view();
      return {
        ...(await view.counts()),
        loadedAt: view.builtAt,
        reloading: backend.reloading,
        problems: [...view.problems],
      };
    },
    reload,
    // Autocomplete reads only as much of a prefix as the option may hold.
    suggestNames: async (partial, limit) =>
      (await backend.view().suggestEntities(clip(partial, INPUT_LIMITS.name), limit)).map((e) =>
        summarise(e),
      ),
    suggestDays: (partial, limit) =>
      backend.view().suggestDays(clip(partial, INPUT_LIMITS.date), limit),
    close: async () => {
      stopWatching();
      await backend.close();
    },
    timeline: (query) => timeline(backend.view(), query),
    addArticle: (draft, actor) => library.add(draft, actor),
    removeArticle: (ref, actor) => library.remove(ref, actor),
    restoreArticle: (ref, actor) => library.restore(ref, actor),
    suggestArticles: (partial, limit) => library.suggest(clip(partial, INPUT_LIMITS.name), limit),
    suggestRemoved: (partial, limit) =>
      library.suggestRemoved(clip(partial, INPUT_LIMITS.name), limit),
    recordReload: (actor, result) =>
      library.recordReload(actor, {
        added: result.added,
        changed: result.changed,
        removed: result.removed,
      }),
  };
}
