/**
 * `npm run eval`: entity-name F1 on NorNE, passage retrieval on NorQuAD, and the precision
 * of dates and roles on hand-judged samples of the NDT news articles (eval/audit), from the
 * shared corpus next to the repository. `--json` prints one machine-readable object.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditDates, DATES_AUDIT_FILE, type DatesAudit } from './dates';
import { evaluateNer, type NerScore } from './ner';
import { evaluateRetrieval, formatRetrievalTable, type RetrievalReport } from './retrieval';
import { auditRoles, ROLES_AUDIT_FILE, type RolesAudit } from './roles';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const corpusDir =
    argv.find((a) => !a.startsWith('--')) ?? path.resolve(repoRoot, '../shared/corpus');
  if (!existsSync(corpusDir)) {
    const message = `Skipping evaluation: ${corpusDir} is absent (the shared corpus is not part of the repository).`;
    console.log(json ? JSON.stringify({ skipped: message }) : message);
    return;
  }

  const hasNorne = existsSync(path.join(corpusDir, 'ndt-nob'));
  const hasNorquad = existsSync(path.join(corpusDir, 'norquad-news'));
  const ner: NerScore | undefined = hasNorne ? await evaluateNer(corpusDir) : undefined;
  const retrieval: RetrievalReport | undefined = hasNorquad
    ? await evaluateRetrieval(corpusDir)
    : undefined;
  const dates: DatesAudit | undefined =
    hasNorne && existsSync(DATES_AUDIT_FILE) ? await auditDates(corpusDir) : undefined;
  const roles: RolesAudit | undefined =
    hasNorne && existsSync(ROLES_AUDIT_FILE) ? await auditRoles(corpusDir) : undefined;
  const precision = (a: DatesAudit | RolesAudit | undefined) =>
    a
      ? {
          precision: a.precision,
          judged: a.judged,
          correct: a.correct,
          dropped: a.dropped,
          unjudged: a.unjudged,
        }
      : null;

  if (json) {
    const pick = (s: { mrr10: number; recall5: number; recall1: number; questions: number }) => ({
      mrr10: s.mrr10,
      recall5: s.recall5,
      recall1: s.recall1,
      questions: s.questions,
    });
    console.log(
      JSON.stringify(
        {
          ner: ner ? { precision: ner.precision, recall: ner.recall, f1: ner.f1 } : null,
          retrieval: retrieval
            ? {
                validation: pick(retrieval.validation),
                test: pick(retrieval.test),
                baseline: {
                  validation: pick(retrieval.baseline.validation),
                  test: pick(retrieval.baseline.test),
                },
              }
            : null,
          audit: { dates: precision(dates), roles: precision(roles) },
        },
        null,
        2,
      ),
    );
    return;
  }

  console.log('Person names, NorNE (Bokmål):');
  console.log(
    ner
      ? `  precision ${ner.precision.toFixed(3)}  recall ${ner.recall.toFixed(3)}  F1 ${ner.f1.toFixed(3)}  (gold ${ner.gold}, predicted ${ner.predicted})`
      : '  skipped: ndt-nob is absent',
  );
  console.log('\nPassage retrieval:');
  console.log(retrieval ? formatRetrievalTable(retrieval) : '  skipped: norquad-news is absent');
  console.log('\nPrecision on hand-judged NDT news samples (eval/audit):');
  for (const [label, audit] of [
    ['dates', dates],
    ['roles', roles],
  ] as const) {
    console.log(
      audit
        ? `  ${label}: precision ${audit.precision.toFixed(3)} (${audit.correct}/${audit.judged} judged; ${audit.dropped} judged items no longer produced, ${audit.unjudged} unjudged)`
        : `  ${label}: skipped (ndt-nob or the audit file is absent)`,
    );
  }
}

await main();
