import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { KnowledgeStatus, ReloadReport } from '../../answers/types';
import type { Messages } from '../../i18n';
import { problemText, problemWhere } from '../../i18n/problems';
import type { Problem } from '../../knowledge/types';
import { fitEmbed, fitLines, LIMITS } from '../limits';
import { COLOUR } from './common';
import { escapeText } from './text';

/** "file.md:12: what is wrong", in the reader's language. */
export function problemLine(problem: Problem, t: Messages): string {
  return `• ${escapeText(`${problemWhere(problem)}: ${problemText(problem, t)}`)}`;
}

function problemsField(problems: readonly Problem[], t: Messages): APIEmbedField {
  return {
    name: `${t.discord.problemsTitle} (${t.knowledge.problems(problems.length)})`,
    value:
      problems.length === 0
        ? t.knowledge.noProblems
        : fitLines(
            problems.map((problem) => problemLine(problem, t)),
            LIMITS.fieldValue,
            t.discord.more,
          ),
  };
}

/** A Discord timestamp: each reader sees it in their own time zone and language. */
function timestamp(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `<t:${Math.floor(ms / 1000)}:f>`;
}

export function renderStatus(status: KnowledgeStatus, t: Messages): APIEmbed {
  const lines = [
    t.knowledge.counts(status.articles, status.passages, status.people, status.datedEvents),
    t.knowledge.organisations(status.organisations),
    t.knowledge.loadedAt(timestamp(status.loadedAt)),
  ];
  if (status.reloading) lines.push(t.knowledge.reloading);
  return fitEmbed({
    color: COLOUR,
    title: t.knowledge.statusTitle,
    description: lines.join('\n'),
    fields: [problemsField(status.problems, t)],
  });
}

export function renderReload(report: ReloadReport, t: Messages): APIEmbed {
  const lines = [
    t.knowledge.counts(report.articles, report.passages, report.people, report.datedEvents),
    t.knowledge.took(Math.round(report.durationMs)),
  ];
  if (report.joined) lines.push(t.knowledge.joined);
  const fields: APIEmbedField[] = [];
  const list = (name: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    const value = fitLines(
      ids.map((id) => `• ${escapeText(id)}`),
      LIMITS.fieldValue,
      t.discord.more,
    );
    fields.push({ name: `${name} (${ids.length})`, value });
  };
  list(t.knowledge.added, report.added);
  list(t.knowledge.changed, report.changed);
  list(t.knowledge.removed, report.removed);
  list(t.knowledge.kept, report.kept);
  if (fields.length === 0) lines.push(t.knowledge.unchanged);
  fields.push(problemsField(report.problems, t));
  return fitEmbed({
    color: COLOUR,
    title: t.knowledge.reloadTitle,
    description: lines.join('\n'),
    fields,
  });
}
