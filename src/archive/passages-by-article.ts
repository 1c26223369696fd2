import { passageIdCut, positionAfter } from '../knowledge/passage-id';
import type { Article, Passage } from '../knowledge/types';
import { passageCount } from './lazy-articles';

/**
 * The archive's passages by id, read through its articles instead of a map of its own:
 * a passage's id is its article's id, '#', its position (knowledge/article.ts), so a
 * lookup is the article's, then an array index. A map of every passage cost a pass over
 * all of them before a restart could serve (each restored article parsed for it) and an
 * entry per passage (375k at 400k passages) for as long as the archive lives.
 */
export class PassagesByArticle implements ReadonlyMap<string, Passage> {
  readonly size: number;

  constructor(
    private readonly byId: ReadonlyMap<string, Article>,
    private readonly articles: readonly Article[],
  ) {
    let size = 0;
    for (const article of articles) size += passageCount(article);
    this.size = size;
  }

  get(passageId: string): Passage | undefined {
    const cut = passageIdCut(passageId);
    if (cut < 0) return undefined;
    const passages = this.byId.get(passageId.slice(0, cut))?.passages;
    if (!passages) return undefined;
    const at = passages[positionAfter(passageId, cut)];
    // An id written otherwise (never by the loader) is still found, by a scan of its article.
    return at?.id === passageId ? at : passages.find((passage) => passage.id === passageId);
  }

  has(passageId: string): boolean {
    return this.get(passageId) !== undefined;
  }

  *entries(): MapIterator<[string, Passage]> {
    for (const article of this.articles) {
      for (const passage of article.passages) yield [passage.id, passage];
    }
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<Passage> {
    for (const [, passage] of this.entries()) yield passage;
  }

  [Symbol.iterator](): MapIterator<[string, Passage]> {
    return this.entries();
  }

  forEach(
    callback: (passage: Passage, id: string, map: ReadonlyMap<string, Passage>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, passage] of this.entries()) callback.call(thisArg, passage, id, this);
  }
}
