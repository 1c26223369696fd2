import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInfo, KnowledgeView } from '../backend/backend';
import { parseArticleFile, tooLargeProblem } from '../knowledge/article';
import { passageId } from '../knowledge/passage-id';
import type { Article, DateSpan, Passage, Problem } from '../knowledge/types';
import { foldCase } from '../language';
import type { Logger } from '../logger';
import { AuditLog } from './audit';
import { articleFormatOf, composeFile } from './draft';
import { insideOrThrow, listBelow, moveInto, REMOVED_DIR, writeNew } from './files';
import { slugify } from './slug';
import type {
  Actor,
  AddedArticle,
  AddOutcome,
  ArticleChoice,
  ArticleDraft,
  AuditEntry,
  MoveOutcome,
} from './types';

export interface LibraryDeps {
  knowledgeDir: string;
  logger: Logger;
  /** The knowledge serving answers now. */
  view(): KnowledgeView;
  /** The size limit every knowledge file has (KNOWLEDGE_MAX_FILE_KB). */
  maxFileBytes: number;
  /** Reloads through the core (incremental where the backend supports it); resolves when answering. */
  reload(): Promise<KnowledgeView>;
}

const AUDIT_FILE = '.audit.jsonl';

/**
 * Adds, removes and restores articles in the knowledge directory, then reloads so answers
 * follow at once. An upload is validated exactly as a file on disk (`parseArticleFile`,
 * which the loader runs on every file) under the name it will have, before anything is
 * written; a refusal changes nothing. Changes run one at a time, so two uploads of the
 * same text cannot both pass the duplicate check.
 */
export class ArticleLibrary {
  readonly #audit: AuditLog;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: LibraryDeps) {
    this.#audit = new AuditLog(path.join(deps.knowledgeDir, AUDIT_FILE), deps.logger);
  }

  add(draft: ArticleDraft, actor: Actor): Promise<AddOutcome> {
    return this.#serial(() => this.#add(draft, actor));
  }

  remove(ref: string, actor: Actor): Promise<MoveOutcome> {
    return this.#serial(() => this.#remove(ref, actor));
  }

  restore(ref: string, actor: Actor): Promise<MoveOutcome> {
    return this.#serial(() => this.#restore(ref, actor));
  }

  /** Records a moderator's reload and what it changed. */
  recordReload(actor: Actor, changes: NonNullable<AuditEntry['changes']>): Promise<AuditEntry> {
    return this.#audit.record({ actor, action: 'reload', changes });
  }

  /** Articles in the answers, best match on title first (for autocomplete). */
  async suggest(partial: string, limit: number): Promise<ArticleChoice[]> {
    const articles = await this.deps.view().listArticles();
    return rankByTitle(articles.map(choiceOf), partial, limit);
  }

  /** Removed articles that can be restored. */
  async suggestRemoved(partial: string, limit: number): Promise<ArticleChoice[]> {
    return rankByTitle(await this.#removed(), partial, limit);
  }

  async #add(draft: ArticleDraft, actor: Actor): Promise<AddOutcome> {
    // The limit the loader applies to every file, before anything is parsed.
    if (draft.bytes.length > this.deps.maxFileBytes) {
      const found = tooLargeProblem(draft.bytes.length, this.deps.maxFileBytes);
      const problem: Problem = { ...found, file: draft.label ?? 'upload', severity: 'error' };
      return { kind: 'refused', refusal: { code: 'invalid', problems: [problem] } };
    }
    const composed = composeFile(draft);
    // First pass under a neutral name: the name is derived from the title and date it finds.
    const probe = parseArticleFile(`upload.${composed.format}`, composed.bytes);
    const label = draft.label ?? `upload.${composed.format}`;
    if (!probe.article) return refusedInvalid(probe.problems, label);
    const name = `${datePart(probe.article.published)}-${slugify(probe.article.title)}.${composed.format}`;
    const checked = parseArticleFile(name, composed.bytes);
    if (!checked.article) return refusedInvalid(checked.problems, label);
    const twin = await sameText(this.deps.view(), checked.article);
    if (twin)
      return {
        kind: 'refused',
        refusal: { code: 'duplicate', articleId: twin.id, title: twin.title },
      };

    const placed = await writeNew(this.deps.knowledgeDir, name, composed.bytes);
    const view = await this.deps.reload();
    // A taken name got a suffix: the id is the name the file has.
    const article = { ...checked.article, id: placed, file: placed };
    const problems = [
      ...checked.problems.map((p) => ({ ...p, file: placed })),
      ...view.problems.filter((p) => p.file === placed),
    ];
    const audit = await this.#audit.record({
      actor,
      action: 'add',
      article: { id: placed, title: article.title, date: datePart(article.published) },
    });
    return { kind: 'added', article: await describe(view, article, dedupe(problems)), audit };
  }

  async #remove(ref: string, actor: Actor): Promise<MoveOutcome> {
    const article = await findArticle(this.deps.view(), ref);
    if (!article) return { kind: 'refused', refusal: { code: 'not-found', ref } };
    const { knowledgeDir } = this.deps;
    await moveInto(knowledgeDir, article.file, path.join(knowledgeDir, REMOVED_DIR));
    await this.deps.reload();
    const moved = { id: article.id, title: article.title, published: article.published };
    const audit = await this.#audit.record({
      actor,
      action: 'remove',
      article: { id: article.id, title: article.title, date: datePart(article.published) },
    });
    return { kind: 'removed', article: moved, audit };
  }

  async #restore(ref: string, actor: Actor): Promise<MoveOutcome> {
    const removed = (await this.#removed()).find((choice) => choice.id === ref);
    if (!removed) return { kind: 'refused', refusal: { code: 'not-found', ref } };
    const { knowledgeDir } = this.deps;
    const placed = await moveInto(path.join(knowledgeDir, REMOVED_DIR), removed.id, knowledgeDir);
    const view = await this.deps.reload();
    const back = (await view.articles([placed])).get(placed);
    const title = back?.title ?? removed.title;
    const audit = await this.#audit.record({
      actor,
      action: 'restore',
      article: {
        id: placed,
        title,
        ...(removed.date ? { date: removed.date } : {}),
      },
    });
    return {
      kind: 'restored',
      article: { id: placed, title, ...(back ? { published: back.published } : {}) },
      audit,
    };
  }

  /** What the removed folder holds, each read for its title (and date) as the loader would. */
  async #removed(): Promise<ArticleChoice[]> {
    const dir = path.join(this.deps.knowledgeDir, REMOVED_DIR);
    const choices: ArticleChoice[] = [];
    for (const relative of await listBelow(dir)) {
      if (!articleFormatOf(relative)) continue;
      const bytes = await readFile(insideOrThrow(dir, relative)).catch(() => undefined);
      const parsed = bytes ? parseArticleFile(relative, bytes).article : undefined;
      choices.push(parsed ? choiceOf(parsed) : { id: relative, title: relative });
    }
    return choices;
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function refusedInvalid(problems: Problem[], label: string): AddOutcome {
  // Errors only when there are any: they are why; warnings would bury them.
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = (errors.length > 0 ? errors : problems).map((p) => ({ ...p, file: label }));
  return { kind: 'refused', refusal: { code: 'invalid', problems: shown } };
}

function datePart(span: DateSpan): string {
  return span.granularity === 'month' ? span.start.slice(0, 7) : span.start;
}

function choiceOf(article: Pick<Article, 'id' | 'title' | 'published'>): ArticleChoice {
  return { id: article.id, title: article.title, date: datePart(article.published) };
}

/** By id, else by exact title (case and accents folded) when only one article has it. */
async function findArticle(view: KnowledgeView, ref: string): Promise<ArticleInfo | undefined> {
  const byId = (await view.articles([ref])).get(ref);
  if (byId) return byId;
  const wanted = foldCase(ref.trim());
  const byTitle = (await view.listArticles()).filter((a) => foldCase(a.title) === wanted);
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

function rankByTitle(choices: ArticleChoice[], partial: string, limit: number): ArticleChoice[] {
  const wanted = foldCase(partial.trim());
  const scored = choices
    .map((choice) => {
      const title = foldCase(choice.title);
      const score = !wanted
        ? 1
        : title.startsWith(wanted)
          ? 3
          : title.includes(wanted)
            ? 2
            : foldCase(choice.id).includes(wanted)
              ? 1
              : 0;
      return { choice, score };
    })
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.choice.date ?? '').localeCompare(a.choice.date ?? '') ||
        a.choice.title.localeCompare(b.choice.title),
    );
  return scored.slice(0, limit).map((s) => s.choice);
}

/** The text an article's passages hold, whitespace and case aside: what "the same article" means. */
function textKey(passages: readonly Pick<Passage, 'text'>[]): string {
  const text = passages.map((p) => p.text.replace(/\s+/g, ' ').trim().toLowerCase());
  return createHash('sha256').update(text.join('\n')).digest('hex');
}

/** Per view (one build): every article's text key. Built once, on the first upload after a reload. */
const textKeys = new WeakMap<KnowledgeView, Promise<Map<string, ArticleInfo>>>();

async function keysOf(view: KnowledgeView): Promise<Map<string, ArticleInfo>> {
  const articles = await view.listArticles();
  const ids = articles.flatMap((a) =>
    Array.from({ length: a.passageCount }, (_, i) => passageId(a.id, i)),
  );
  const passages = await view.passages(ids);
  const keys = new Map<string, ArticleInfo>();
  for (const article of articles) {
    const own = Array.from({ length: article.passageCount }, (_, i) =>
      passages.get(passageId(article.id, i)),
    );
    keys.set(textKey(own.filter((p) => p !== undefined)), article);
  }
  return keys;
}

async function sameText(view: KnowledgeView, article: Article): Promise<ArticleInfo | undefined> {
  let keys = textKeys.get(view);
  if (!keys) {
    keys = keysOf(view);
    textKeys.set(view, keys);
  }
  return (await keys).get(textKey(article.passages));
}

async function describe(
  view: KnowledgeView,
  article: Article,
  problems: Problem[],
): Promise<AddedArticle> {
  const ids = article.passages.map((_, i) => passageId(article.id, i));
  const [entityIds, mentions] = await Promise.all([
    view.entitiesInPassages(ids),
    view.timeMentions(ids),
  ]);
  const counts = new Map<string, number>();
  const events: AddedArticle['events'] = [];
  for (const id of ids) {
    for (const entity of entityIds.get(id) ?? []) counts.set(entity, (counts.get(entity) ?? 0) + 1);
    for (const mention of mentions.get(id) ?? [])
      events.push({ text: mention.text, span: mention.span });
  }
  const entities = await view.entities([...counts.keys()]);
  const names: AddedArticle['names'] = [];
  for (const [id] of [...counts].sort((a, b) => b[1] - a[1])) {
    const entity = entities.get(id);
    if (entity && (entity.kind === 'person' || entity.kind === 'organisation'))
      names.push({ name: entity.name, kind: entity.kind });
  }
  return {
    id: article.id,
    title: article.title,
    published: article.published,
    passages: article.passages.length,
    names,
    events,
    problems,
  };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}:${p.line ?? ''}:${JSON.stringify(p.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
