/**
 * Worker-thread entry: analyses a knowledge base (names, dates, entity merge, index) off
 * the main thread and answers with the analysis as text (see analysis-text.ts). Started by
 * `analyseInWorker`; the protocol is below.
 */
import { parentPort } from 'node:worker_threads';
import type { AliasGroup, Article } from '../knowledge/types';
import { serializeAnalysis } from './analysis-text';
import { analyse } from './build';

/** Main thread to worker: the articles in batches (small messages: cloning blocks the sender), then the aliases. */
export type AnalyseRequest = { articles: Article[] } | { aliases: AliasGroup[] };
/**
 * Worker to main thread: the text itself. Measured at 50k passages (17 MB of text), the
 * main thread's whole worker phase never stalled over ~45 ms with a string, whereas a
 * transferred buffer arrives free but decoding it to text takes 35-90 ms in one go.
 */
export type AnalyseReply = { text: string };

const port = parentPort;
if (port) {
  const articles: Article[] = [];
  port.on('message', (request: AnalyseRequest) => {
    if ('articles' in request) {
      articles.push(...request.articles);
      return;
    }
    // A throw here fails the worker with an 'error' event: the main thread then analyses itself.
    void analyse({ articles, aliases: request.aliases, problems: [] }).then(({ analysis }) => {
      const reply: AnalyseReply = { text: serializeAnalysis(analysis) };
      port.postMessage(reply);
    });
  });
}
