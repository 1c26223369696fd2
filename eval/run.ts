/**
 * `npm run eval`: entity-name F1 on NorNE, passage retrieval on NorQuAD, and the precision
 * of dates and roles on hand-judged samples of the NDT news articles (eval/audit), from the
 * shared corpus next to the repository. `--json` prints one machine-readable object.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditDateSamples, DATES_SAMPLES, type DatesAudit } from './dates';
import { formatPrecisionInterval, newestFirst, wilson } from './ndt';
import { evaluateNer, type NerScore } from './ner';
import {
  evaluatePersons,
  PERSONS_FRESH_DIR,
  PERSONS_HELDOUT_DIR,
  type PersonsScore,
} from './persons';
import { evaluateRetrieval, formatRetrievalTable, type RetrievalReport } from './retrieval';
import { auditRoleSamples, ROLES_SAMPLES, type RolesAudit } from './roles';

const formatPrecision = (a: DatesAudit | RolesAudit): string =>
  `${formatPrecisionInterval(a.correct, a.judged)}; ${a.dropped} judged items no longer produced, ${a.unjudged} unjudged`;

const personsJson = (score: PersonsScore) => ({
  precision: score.precision,
  judged: score.judged,
  correct: score.correct,
  unjudged: score.unjudged.length,
  recall: score.recall,
  goldPersons: score.goldPersons,
  interval95: wilson(score.correct, score.judged),
  wrong: score.wrong,
});

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
  // In the repository, not the shared corpus: articles written for this measure.
  const persons = await evaluatePersons();
  const personsHeldout = await evaluatePersons(PERSONS_HELDOUT_DIR);
  const personsFresh = await evaluatePersons(PERSONS_FRESH_DIR);
  const hasNorquad = existsSync(path.join(corpusDir, 'norquad-news'));
  const ner: NerScore | undefined = hasNorne ? await evaluateNer(corpusDir) : undefined;
  const retrieval: RetrievalReport | undefined = hasNorquad
    ? await evaluateRetrieval(corpusDir)
    : undefined;
  // Each kind has four samples: `tuning`, `heldout` and `fresh` were all used to find and
  // fix errors (optimistic); `final` was drawn outside all three and judged once with no
  // change to src/ afterwards: the final figure is the one to quote.
  const dateSamples = hasNorne ? await auditDateSamples(corpusDir) : {};
  const roleSamples = hasNorne ? await auditRoleSamples(corpusDir) : {};
  const precision = (a: DatesAudit | RolesAudit | undefined) =>
    a
      ? {
          precision: a.precision,
          judged: a.judged,
          correct: a.correct,
          dropped: a.dropped,
          unjudged: a.unjudged,
          interval95: wilson(a.correct, a.judged),
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
          persons: personsJson(persons),
          personsHeldout: personsJson(personsHeldout),
          personsFresh: personsJson(personsFresh),
          retrieval: retrieval
            ? {
                validation: pick(retrieval.validation),
                test: pick(retrieval.test),
                baseline: {
                  validation: pick(retrieval.baseline.validation),
                  test: pick(retrieval.baseline.test),
                },
                understanding: retrieval.understanding,
                slips: {
                  validation: pick(retrieval.slips.validation),
                  test: pick(retrieval.slips.test),
                },
                unrelated: retrieval.unrelated,
              }
            : null,
          // `dates`/`roles` at the top stay the tuning sample, as before; quote `final`.
          audit: {
            dates: precision(dateSamples.tuning),
            roles: precision(roleSamples.tuning),
            heldout: {
              dates: precision(dateSamples.heldout),
              roles: precision(roleSamples.heldout),
            },
            fresh: {
              dates: precision(dateSamples.fresh),
              roles: precision(roleSamples.fresh),
            },
            final: {
              dates: precision(dateSamples.final),
              roles: precision(roleSamples.final),
            },
          },
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
  for (const [label, score] of [
    ['eval/persons, a development set', persons],
    ['eval/persons-heldout, held out, its errors seen by the third round', personsHeldout],
    ['eval/persons-fresh, written after the third round: quote this', personsFresh],
  ] as const) {
    console.log(
      `\n"Is it a person?" on ${score.articles} articles written for it (${label}; sport, business, culture, courts):`,
    );
    console.log(
      `  ${formatPrecisionInterval(score.correct, score.judged)}; ${score.unjudged.length} unjudged; recall ${score.recall.toFixed(3)} of ${score.goldPersons} persons`,
    );
    if (score.wrong.length > 0) console.log(`  not persons: ${score.wrong.join('; ')}`);
  }
  console.log('\nPassage retrieval:');
  console.log(retrieval ? formatRetrievalTable(retrieval) : '  skipped: norquad-news is absent');
  console.log('\nPrecision on hand-judged NDT news samples (eval/audit; quote the final one):');
  for (const [kind, specs, samples] of [
    ['dates', DATES_SAMPLES, dateSamples],
    ['roles', ROLES_SAMPLES, roleSamples],
  ] as const) {
    for (const spec of newestFirst(specs)) {
      const audit = samples[spec.name];
      console.log(
        audit
          ? `  ${kind}, ${spec.label}: ${formatPrecision(audit)}`
          : `  ${kind}, ${spec.label}: skipped (ndt-nob or the audit file is absent)`,
      );
    }
  }
}

await main();
