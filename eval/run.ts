/**
 * `npm run eval`: entity-name F1 on NorNE and passage retrieval on NorQuAD, from the shared
 * corpus next to the repository. `--json` prints one machine-readable object.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateNer, type NerScore } from './ner';
import { evaluateRetrieval, formatRetrievalTable, type RetrievalReport } from './retrieval';

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
}

await main();
