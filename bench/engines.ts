/**
 * The search engines compared side by side over the same passages: Kilde's index,
 * MiniSearch with its defaults, FlexSearch with a Norwegian encoder, and a plain BM25
 * over Kilde's analysed terms. Each answers a query with passage ids, best first.
 */
import { Encoder, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Article } from '../src/knowledge/types';
import { foldCase, isStopWord, stem } from '../src/language';
import { PassageIndex } from '../src/search';
import { PlainBm25 } from './bm25';

export interface Searcher {
  search(query: string, k: number): string[];
  /** Work an engine does after building and before its steady state (Kilde: impact order). */
  warm?(): Promise<unknown>;
}

export interface Engine {
  name: string;
  build(articles: readonly Article[]): Searcher;
}

const kilde: Engine = {
  name: 'Kilde',
  build(articles) {
    const index = PassageIndex.build({ articles, aliases: [] });
    return {
      search: (query, k) => index.search(query, { limit: k }).map((h) => h.passageId),
      warm: () => index.warm(),
    };
  },
};

const miniSearchDefaults: Engine = {
  name: 'MiniSearch defaults',
  build(articles) {
    const mini = new MiniSearch({ fields: ['text', 'title'] });
    for (const a of articles) {
      for (const p of a.passages) mini.add({ id: p.id, text: p.text, title: a.title });
    }
    return {
      search: (query, k) =>
        mini
          .search(query)
          .slice(0, k)
          .map((r) => String(r.id)),
    };
  },
};

/**
 * FlexSearch's Norwegian as it would be set up without Kilde: its Latin normaliser, the
 * Bokmål stop words and the Snowball stemmer on every term. FlexSearch ranks by where a
 * term sits in a passage (its "resolution" slots), not by BM25.
 */
const flexSearch: Engine = {
  name: 'FlexSearch (nb encoder)',
  build(articles) {
    const encoder = new Encoder({
      normalize: (text: string) => foldCase(text),
      filter: (term: string) => !isStopWord(term, 'nb'),
      finalize: (terms: string[]) => terms.map((t) => stem(t, 'nb')),
    });
    const index = new Index({ tokenize: 'strict', encoder, resolution: 9 });
    const ids: string[] = [];
    for (const a of articles) {
      for (const p of a.passages) {
        index.add(ids.length, `${a.title}\n${p.text}`);
        ids.push(p.id);
      }
    }
    return {
      search: (query, k) => {
        // FlexSearch intersects the query's terms: a question's every word would have to
        // be there. Its "suggest" mode relaxes that to the passages with most of them.
        return (index.search(query, { limit: k, suggest: true }) as number[]).map(
          (i) => ids[i] ?? '',
        );
      },
    };
  },
};

const plainBm25: Engine = {
  name: 'plain BM25',
  build(articles) {
    const bm25 = new PlainBm25(articles);
    return { search: (query, k) => bm25.search(query, k) };
  },
};

export const ENGINES: readonly Engine[] = [kilde, miniSearchDefaults, flexSearch, plainBm25];
