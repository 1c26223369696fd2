/**
 * `/kunnskap …` in the console: the moderators' commands of Discord, for whoever runs the
 * console on the host. `legg-til` takes a path on this machine instead of an upload (read
 * here, bounded by KNOWLEDGE_MAX_FILE_KB, then validated and stored exactly as an upload);
 * `fjern` and `angre` take an article's file name or exact title, and list the choices
 * when given none. Every change goes to the audit log under the console user's name.
 */

import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Kilde } from '../answers/types';
import type { Messages } from '../i18n';
import { formatSpan } from '../i18n/format';
import { tooLargeProblem } from '../knowledge/article';
import { articleFormatOf } from '../moderation/draft';
import type {
  Actor,
  AddOutcome,
  ArticleChoice,
  ArticleDraft,
  MoveOutcome,
  Refusal,
} from '../moderation/types';
import { renderProblem, renderReload, renderStatus, type TextStyle } from './render';
import type { ConsoleReply } from './reply';

export interface KnowledgeContext {
  kilde: Kilde;
  t: Messages;
  style: TextStyle;
  actor: Actor;
  maxFileBytes: number;
}

/** Subcommand names in both languages, as on Discord. */
const SUBCOMMANDS: Record<string, 'reload' | 'status' | 'add' | 'write' | 'remove' | 'restore'> = {
  'last-inn': 'reload',
  reload: 'reload',
  status: 'status',
  '': 'status',
  'legg-til': 'add',
  add: 'add',
  skriv: 'write',
  write: 'write',
  fjern: 'remove',
  remove: 'remove',
  angre: 'restore',
  restore: 'restore',
};

/** How many articles `fjern`/`angre` list when given no article. */
const LISTED = 25;

export async function knowledgeCommand(args: string, ctx: KnowledgeContext): Promise<ConsoleReply> {
  const { kilde, t, style } = ctx;
  const space = args.search(/\s/);
  const name = (space < 0 ? args : args.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : args.slice(space + 1).trim();
  switch (SUBCOMMANDS[name]) {
    case 'reload': {
      return { text: renderReload(await kilde.reload(), t, style), outcome: 'found' };
    }
    case 'status':
      return { text: renderStatus(await kilde.status(), t, style), outcome: 'found' };
    case 'add':
      return addFile(rest, ctx);
    case 'write':
      return { text: t.console.writeInFile, outcome: 'bad-input' };
    case 'remove':
      if (rest === '') return listChoices(await kilde.suggestArticles('', LISTED), ctx);
      return moved(await kilde.removeArticle(rest, ctx.actor), ctx);
    case 'restore':
      if (rest === '') return listChoices(await kilde.suggestRemoved('', LISTED), ctx);
      return moved(await kilde.restoreArticle(rest, ctx.actor), ctx);
    default:
      return { text: t.errors.unknownCommand(`kunnskap ${name}`), outcome: 'bad-input' };
  }
}

async function addFile(given: string, ctx: KnowledgeContext): Promise<ConsoleReply> {
  const { t } = ctx;
  if (given === '') return { text: t.console.addUsage, outcome: 'bad-input' };
  const file = path.resolve(given);
  const format = articleFormatOf(path.basename(file));
  if (!format) return refusedText(t.moderation.refused.notText(path.basename(file)), t);
  const read = await readAtMost(file, ctx.maxFileBytes);
  if (!read) return refusedText(t.console.fileUnreadable(file), t);
  const label = path.basename(file);
  if (read.size > ctx.maxFileBytes) {
    // Refused here, by its size on disk: what was read is only the first part of it.
    const problem = { ...tooLargeProblem(read.size, ctx.maxFileBytes), file: label };
    return refused({ code: 'invalid', problems: [{ ...problem, severity: 'error' }] }, t);
  }
  const bytes = read.bytes;
  const draft: ArticleDraft = { bytes, format, overrides: {}, label };
  return added(await ctx.kilde.addArticle(draft, ctx.actor), ctx);
}

/**
 * A regular file's size and at most its first `limit` bytes, so a huge file is never read
 * whole; undefined when it can't be read.
 */
async function readAtMost(
  file: string,
  limit: number,
): Promise<{ bytes: Buffer; size: number } | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    const buffer = Buffer.alloc(Math.min(limit, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: info.size };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

function added(outcome: AddOutcome, ctx: KnowledgeContext): ConsoleReply {
  if (outcome.kind === 'refused') return refused(outcome.refusal, ctx.t);
  const { t, style } = ctx;
  const m = t.moderation.added;
  const { article } = outcome;
  const lines = [
    style.heading(m.title(article.title)),
    m.summary(formatSpan(article.published, t), article.passages, article.id),
    `${m.names} (${article.names.length}):`,
    ...(article.names.length > 0
      ? article.names.map((n) => `  • ${n.name} (${t.kind[n.kind]})`)
      : [`  ${m.noNames}`]),
    `${m.events} (${article.events.length}):`,
    ...(article.events.length > 0
      ? article.events.map((e) => `  • ${m.event(e.text, formatSpan(e.span, t))}`)
      : [`  ${m.noEvents}`]),
    ...article.problems.map((p) => renderProblem(p, t)),
  ];
  return { text: lines.join('\n'), outcome: 'found' };
}

function moved(outcome: MoveOutcome, ctx: KnowledgeContext): ConsoleReply {
  if (outcome.kind === 'refused') return refused(outcome.refusal, ctx.t);
  const { article } = outcome;
  const date = article.published ? formatSpan(article.published, ctx.t) : '';
  const text =
    outcome.kind === 'removed'
      ? ctx.t.moderation.removed(article.title, date)
      : ctx.t.moderation.restored(article.title, date);
  return { text, outcome: 'found' };
}

function listChoices(choices: readonly ArticleChoice[], ctx: KnowledgeContext): ConsoleReply {
  if (choices.length === 0) return { text: ctx.t.console.noArticles, outcome: 'nothing' };
  const lines = choices.map((c) => `  • ${c.id} – ${c.title}${c.date ? ` (${c.date})` : ''}`);
  return { text: [ctx.t.console.pickArticle, ...lines].join('\n'), outcome: 'found' };
}

function refused(refusal: Refusal, t: Messages): ConsoleReply {
  const r = t.moderation.refused;
  const why =
    refusal.code === 'invalid'
      ? [r.invalid, ...refusal.problems.map((p) => renderProblem(p, t))]
      : refusal.code === 'duplicate'
        ? [r.duplicate(refusal.title, refusal.articleId)]
        : [r.notFound(refusal.ref)];
  return { text: [...why, r.nothingChanged].join('\n'), outcome: 'bad-input' };
}

function refusedText(text: string, t: Messages): ConsoleReply {
  return { text: `${text}\n${t.moderation.refused.nothingChanged}`, outcome: 'bad-input' };
}
