/**
 * Worker-thread entry: analyses a knowledge base (names, dates, entity merge, index) off
 * the main thread and answers with the analysis and index as the snapshot stores them
 * (snapshot-body.ts). Started by `analyseInWorker`; the protocol is below.
 */
import { parentPort } from 'node:worker_threads';
import type { AliasGroup, Article } from '../knowledge/types';
import { analyse } from './build';
import { encodeAnalysis } from './snapshot-body';

/** Main thread to worker: the articles in batches (small messages: cloning blocks the sender), then the aliases. */
export type AnalyseRequest = { articles: Article[] } | { aliases: AliasGroup[] };
/**
 * Worker to main thread: the `ANLY` and `INDX` sections in one buffer, transferred (not
 * copied). The main thread decodes them line by line and term by term, in slices.
 */
export type AnalyseReply = { body: Uint8Array };

const port = parentPort;
if (port) {
  const articles: Article[] = [];
  port.on('message', (request: AnalyseRequest) => {
    if ('articles' in request) {
      articles.push(...request.articles);
      return;
    }
    // A throw here fails the worker with an 'error' event: the main thread then analyses itself.
    void analyse({ articles, aliases: request.aliases, problems: [] })
      .then(({ analysis, index }) => encodeAnalysis(analysis, index))
      .then((pieces) => {
        const body = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const piece of pieces) {
          body.set(piece, at);
          at += piece.length;
        }
        const reply: AnalyseReply = { body };
        port.postMessage(reply, [body.buffer]);
      });
  });
}
