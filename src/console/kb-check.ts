import type { Archive } from '../archive/archive';
import { KnowledgeStore } from '../archive/store';
import { ConfigError, loadConfig } from '../config';
import { type Messages, messages } from '../i18n';
import { formatSpan } from '../i18n/format';
import { createLogger } from '../logger';
import { parseConsoleArgs } from './args';
import { renderProblem } from './render';

/**
 * `npm run kb:check`: validates `knowledge/` and prints what the bot will know: articles,
 * passages, people, dated events and every problem. Exits 1 when a file has an error.
 */
async function check(): Promise<number> {
  const config = await loadConfig();
  const { locale } = parseConsoleArgs(process.argv.slice(2), config.DEFAULT_LOCALE);
  const t = messages(locale);
  const logger = createLogger('warn');
  const store = new KnowledgeStore(config.KNOWLEDGE_DIR, config.CACHE_DIR, logger, {
    maxFileBytes: config.KNOWLEDGE_MAX_FILE_KB * 1024,
  });
  const { archive } = await store.reload();
  const out: string[] = [];
  out.push(
    t.kbCheck.articles(config.KNOWLEDGE_DIR, archive.articles.length, archive.passageById.size),
  );
  for (const a of archive.articles) {
    out.push(
      `  ${a.file}  ${formatSpan(a.published, t)}  [${a.language}${a.languageDetected ? '?' : ''}]  ${t.kbCheck.passages(a.passages.length)}  «${a.title}»`,
    );
  }
  printEntities(archive, out, t);
  printDates(archive, out, t);
  const errors = archive.problems.filter((p) => p.severity === 'error').length;
  out.push('', t.kbCheck.problems(archive.problems.length, errors));
  for (const p of archive.problems) out.push(`  ${renderProblem(p, t)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return errors > 0 ? 1 : 0;
}

function printEntities(archive: Archive, out: string[], t: Messages): void {
  const entities = [...archive.entities.all()].sort(
    (a, b) => b.mentions.length - a.mentions.length,
  );
  for (const kind of ['person', 'organisation'] as const) {
    const of = entities.filter((e) => e.kind === kind);
    out.push(
      '',
      kind === 'person' ? t.kbCheck.people(of.length) : t.kbCheck.organisations(of.length),
    );
    for (const e of of) {
      const roles = [...new Set(e.roles.map((r) => r.role))].join('; ');
      out.push(
        `  ${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}: ${t.kbCheck.mentions(e.mentions.length)}${roles ? ` – ${roles}` : ''}`,
      );
    }
  }
}

function printDates(archive: Archive, out: string[], t: Messages): void {
  const rows: string[] = [];
  for (const [passageId, mentions] of archive.timeMentions) {
    for (const m of mentions)
      rows.push(`  ${m.span.start}  «${m.text}» → ${formatSpan(m.span, t)}  (${passageId})`);
  }
  out.push('', t.kbCheck.datedEvents(rows.length), ...rows.sort());
}

check().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? `Configuration error: ${error.message}` : String(error)}\n`,
    );
    process.exit(2);
  },
);
