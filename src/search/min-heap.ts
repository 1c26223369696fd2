/**
 * The k best (score, document) pairs seen so far; the worst on top, in the order the
 * results are read: higher score first, then lower document id (the order MiniSearch
 * indexed them in), so among equal scores the top is the highest id.
 */
export class MinHeap {
  private readonly scores: number[] = [];
  private readonly docs: number[] = [];

  constructor(private readonly capacity: number) {}

  get full(): boolean {
    return this.scores.length >= this.capacity;
  }

  get min(): number {
    return this.scores[0] ?? 0;
  }

  /**
   * Whether `pushRanked` would keep the pair: there is room, or it ranks above the worst
   * kept in the heap's order (a higher score, or an equal one with a lower id).
   */
  placesRanked(score: number, doc: number): boolean {
    if (!this.full) return true;
    const min = this.min;
    return !(score < min || (score === min && doc >= (this.docs[0] ?? 0)));
  }

  /**
   * Keeps the pair if it ranks above the worst kept in that order (an equal score with a
   * lower id does): for walks that do not meet passages in id order. `push` keeps the
   * first of equal scores met, which is the same for a walk in id order.
   */
  pushRanked(score: number, doc: number): boolean {
    if (!this.placesRanked(score, doc)) return false;
    if (!this.full) {
      this.push(score, doc);
      return true;
    }
    this.scores[0] = score;
    this.docs[0] = doc;
    this.down(0);
    return true;
  }

  push(score: number, doc: number): void {
    if (this.full) {
      if (score <= this.min) return;
      this.scores[0] = score;
      this.docs[0] = doc;
      this.down(0);
      return;
    }
    this.scores.push(score);
    this.docs.push(doc);
    this.up(this.scores.length - 1);
  }

  /** Best first; equal scores by document id, the order MiniSearch indexed them in. */
  sorted(): { score: number; doc: number }[] {
    return this.scores
      .map((score, i) => ({ score, doc: this.docs[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Whether entry i ranks below entry j (a lower score, or an equal one and a higher id). */
  private less(i: number, j: number): boolean {
    const a = this.scores[i] ?? 0;
    const b = this.scores[j] ?? 0;
    return a < b || (a === b && (this.docs[i] ?? 0) > (this.docs[j] ?? 0));
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i] ?? 0;
    this.scores[i] = this.scores[j] ?? 0;
    this.scores[j] = s;
    const d = this.docs[i] ?? 0;
    this.docs[i] = this.docs[j] ?? 0;
    this.docs[j] = d;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.scores.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < n && this.less(l, smallest)) smallest = l;
      if (r < n && this.less(r, smallest)) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
