/**
 * A set of an index writer's terms kept as one mark per term id: the index worker's
 * compound vocabulary (the terms of its Norwegian passages' text, which compounds are
 * split against). The writer looks every word's term up by its string already; a `Set` of
 * the same strings beside it hashed each of the archive's words a second time (some 6
 * million at 400k passages) for a set whose members the writer's ids name as well.
 */
export class MarkedTerms {
  #marks = new Uint8Array(1 << 16);

  /** `idOf`: a term's id, as the writer gives it (`IndexWriter.idOf`), or undefined. */
  constructor(private readonly idOf: (term: string) => number | undefined) {}

  /** Marks the terms of these ids (as `IndexWriter.addTerms` returns them). */
  mark(ids: readonly number[]): void {
    for (const id of ids) {
      if (id >= this.#marks.length) {
        const grown = new Uint8Array(Math.max(this.#marks.length * 2, id + 1));
        grown.set(this.#marks);
        this.#marks = grown;
      }
      this.#marks[id] = 1;
    }
  }

  /** Whether `term` is one of the marked terms. */
  has(term: string): boolean {
    const id = this.idOf(term);
    return id !== undefined && this.#marks[id] === 1;
  }
}
