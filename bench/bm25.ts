/**
 * A plain BM25 for the benchmark: one field (title and text), the same analysed terms as
 * Kilde (per-language Snowball stems, stop words dropped), every posting of every query
 * term scored and the best k kept. It is the yardstick: what exhaustive scoring costs,
 * and what Kilde's field boosts, aliases and pruning add to or take from the answers.
 */
import type { Article } from '../src/knowledge/types';
import { analyze } from '../src/language';
import { analyseQuery } from '../src/search/query';

interface Postings {
  docs: number[];
  tfs: number[];
}

export class PlainBm25 {
  private readonly postings = new Map<string, Postings>();
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private averageLength = 0;
  private scores = new Float64Array(0);

  constructor(
    articles: readonly Article[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    let total = 0;
    for (const article of articles) {
      const title = analyze(article.title, article.language);
      for (const passage of article.passages) {
        const terms = [...title, ...analyze(passage.text, passage.language)];
        const doc = this.ids.length;
        this.ids.push(passage.id);
        this.lengths.push(terms.length);
        total += terms.length;
        const counts = new Map<string, number>();
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
        for (const [term, tf] of counts) {
          let list = this.postings.get(term);
          if (!list) {
            list = { docs: [], tfs: [] };
            this.postings.set(term, list);
          }
          list.docs.push(doc);
          list.tfs.push(tf);
        }
      }
    }
    this.averageLength = total / Math.max(1, this.ids.length);
    this.scores = new Float64Array(this.ids.length);
  }

  search(query: string, k: number): string[] {
    const terms = new Set(analyseQuery(query, []).words.flatMap((w) => w.terms));
    const n = this.ids.length;
    const touched: number[] = [];
    const scores = this.scores;
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const df = list.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < df; i++) {
        const doc = list.docs[i] ?? 0;
        const tf = list.tfs[i] ?? 0;
        const norm =
          this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.averageLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] ?? 0) + (idf * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    touched.sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0));
    const best = touched.slice(0, k).map((doc) => this.ids[doc] ?? '');
    for (const doc of touched) scores[doc] = 0;
    return best;
  }
}
