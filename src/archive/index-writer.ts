/**
 * The passage index's bytes (index-bytes.ts's format) written straight from the documents'
 * fields, without MiniSearch: for the analysis worker, which never searches the index it
 * builds, only sends its bytes to the main thread (which restores a searchable MiniSearch
 * from them, as a restart does).
 *
 * Why not MiniSearch there: its `add` keeps a Map of postings per term and field (tens of
 * millions of entries at 400k passages), walks its radix tree once per word, and must
 * wait for the entity names, because a document goes in with all its fields at once. Here
 * each field goes in on its own, whenever it is known: the text, heading and title while
 * the files are still read, the compounds' parts once every word is known, the names
 * last. Each term's postings per field are kept as the varints they are written as, in
 * blocks of one byte arena, and the radix tree is built of the distinct terms only, at the
 * end.
 *
 * The bytes are those `writeIndex` gives for MiniSearch fed the same documents in order
 * (tested): MiniSearch's state depends on the order it saw things in, and that order is
 * put back. Its radix tree and a term's fields are in the order each term, and each term's
 * field, first occurred, counting documents in order, a document's fields in the index's
 * field order, and a field's words in order; so every term remembers its first occurrence
 * as (document, field, word number), whatever order the fields were given in, and the
 * terms go into the tree sorted by it. A field's length is its number of distinct words
 * (an empty word counting once, as MiniSearch counts it), and the average lengths are
 * worked out in document order, with MiniSearch's own arithmetic.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { ByteWriter } from './bytes';
import {
  type RadixTree,
  TreeTable,
  type WrittenDocument,
  writeDocuments,
  writeTreeShape,
  writeTreeTable,
} from './index-bytes';

/** Arena pages: a block never crosses one, so offsets are page * PAGE_BYTES + offset. */
const PAGE_BITS = 24;
const PAGE_BYTES = 1 << PAGE_BITS;
const MAX_PAGES = 2 ** (31 - PAGE_BITS);
/** A list's first block holds this many bytes, each next one twice as many, up to the last. */
const FIRST_BLOCK = 8;
const LAST_BLOCK = 4096;
/** Each block starts with the offset of the next (4 bytes). */
const LINK = 4;
/** The index's bytes go out in chunks of this size (as `encodeIndex` writes them). */
const CHUNK_BYTES = 8 << 20;

/** A growable column of 32-bit integers. */
class Column {
  data: Int32Array;

  constructor(initial = 1024) {
    this.data = new Int32Array(initial);
  }

  /** Makes index `i` writable. */
  reach(i: number): Int32Array {
    if (i >= this.data.length) {
      let size = this.data.length * 2;
      while (size <= i) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.data);
      this.data = grown;
    }
    return this.data;
  }
}

const varintLength = (value: number): number => {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length++;
  return length;
};

export class IndexWriter {
  readonly #fieldCount: number;
  readonly #documentIds: string[] = [];
  /** Field lengths, document by document (fieldCount a document); -1 while unset. */
  readonly #lengths = new Column();

  readonly #terms: string[] = [];
  readonly #termIds = new Map<string, number>();
  /** Per term: where it first occurred, as document * fieldCount + field, and as word number. */
  readonly #firstField = new Column();
  #firstWord = new Float64Array(1024);
  /** Per term and field: the list's number plus one (0: none). */
  readonly #listOf = new Column();
  /** Per term, while a field is added: its count in that field. */
  readonly #counts = new Column();
  #words = 0;

  // Per list (a term's postings in one field): its first and last document, its postings,
  // its bytes, where its first and last blocks are, and the last block's fill and size.
  readonly #firstDoc = new Column();
  readonly #lastDoc = new Column();
  readonly #postings = new Column();
  readonly #bytes = new Column();
  readonly #head = new Column();
  readonly #tail = new Column();
  readonly #fill = new Column();
  readonly #blockSize = new Column();
  #lists = 0;

  readonly #pages: Uint8Array[] = [];
  #pageUsed = PAGE_BYTES;

  constructor(fields: readonly string[]) {
    this.fields = fields;
    this.#fieldCount = fields.length;
  }

  readonly fields: readonly string[];

  /** A new document, numbered from 0 in the order added: each of its fields is then added once. */
  addDocument(id: string): number {
    const doc = this.#documentIds.length;
    this.#documentIds.push(id);
    const lengths = this.#lengths.reach((doc + 1) * this.#fieldCount);
    lengths.fill(-1, doc * this.#fieldCount, (doc + 1) * this.#fieldCount);
    return doc;
  }

  /**
   * One field of a document: its terms joined by single spaces, as the index's documents
   * hold them. A field's documents must come in the order they were added.
   */
  addField(doc: number, field: number, value: string): void {
    this.addTerms(doc, field, value.split(' '));
  }

  /**
   * `addField` with the value's words already apart (what `value.split(' ')` gives): the
   * text field's terms come so from the first pass, and joining them only to split them
   * again made two strings per word, each hashed anew for the term's id. Returns the ids
   * of the distinct terms met (`idOf`'s), which a caller may keep marks by instead of
   * hashing the words again.
   */
  addTerms(doc: number, field: number, words: readonly string[]): readonly number[] {
    const fields = this.#fieldCount;
    const key = doc * fields + field;
    const touched: number[] = [];
    let empty = 0;
    // No words is what splitting an empty value gives: one empty word.
    if (words.length === 0) empty = 1;
    for (const word of words) {
      if (word.length === 0) {
        empty = 1;
        continue;
      }
      const id = this.#termOf(word, key);
      const counts = this.#counts.reach(id);
      const count = counts[id] ?? 0;
      if (count === 0) touched.push(id);
      counts[id] = count + 1;
    }
    const lengths = this.#lengths.data;
    lengths[doc * fields + field] = touched.length + empty;
    const counts = this.#counts.data;
    for (const id of touched) {
      this.#post(this.#listFor(id, field, doc), doc, counts[id] ?? 0);
      counts[id] = 0;
    }
    return touched;
  }

  /** The id of a term added so far (as `addTerms` returns them), or undefined. */
  idOf(term: string): number | undefined {
    return this.#termIds.get(term);
  }

  #termOf(word: string, key: number): number {
    let id = this.#termIds.get(word);
    const at = this.#words++;
    if (id === undefined) {
      id = this.#terms.length;
      this.#terms.push(word);
      this.#termIds.set(word, id);
      if (id >= this.#firstWord.length) {
        const grown = new Float64Array(this.#firstWord.length * 2);
        grown.set(this.#firstWord);
        this.#firstWord = grown;
      }
      this.#firstField.reach(id)[id] = key;
      this.#firstWord[id] = at;
    } else if ((this.#firstField.data[id] ?? 0) > key) {
      // Seen so far only in later documents or fields: this occurrence comes first.
      this.#firstField.data[id] = key;
      this.#firstWord[id] = at;
    }
    return id;
  }

  #listFor(id: number, field: number, doc: number): number {
    const slot = id * this.#fieldCount + field;
    const listOf = this.#listOf.reach(slot);
    const known = listOf[slot] ?? 0;
    if (known > 0) return known - 1;
    const list = this.#lists++;
    listOf[slot] = list + 1;
    const block = this.#allocate(FIRST_BLOCK);
    this.#firstDoc.reach(list)[list] = doc;
    this.#lastDoc.reach(list)[list] = 0;
    this.#postings.reach(list)[list] = 0;
    this.#bytes.reach(list)[list] = 0;
    this.#head.reach(list)[list] = block;
    this.#tail.reach(list)[list] = block;
    this.#fill.reach(list)[list] = 0;
    this.#blockSize.reach(list)[list] = FIRST_BLOCK;
    return list;
  }

  #allocate(size: number): number {
    if (this.#pageUsed + LINK + size > PAGE_BYTES) {
      // Offsets are kept in 32-bit columns (2 GB; a 400k archive's postings take tens of
      // MB): beyond, the worker fails and the main thread analyses instead.
      if (this.#pages.length >= MAX_PAGES) throw new Error('index postings past 2 GB');
      this.#pages.push(new Uint8Array(PAGE_BYTES));
      this.#pageUsed = 0;
    }
    const at = (this.#pages.length - 1) * PAGE_BYTES + this.#pageUsed;
    this.#pageUsed += LINK + size;
    return at;
  }

  /** A posting as `writeIndex` writes it: the gap from the list's last document, then the count. */
  #post(list: number, doc: number, count: number): void {
    const lastDoc = this.#lastDoc.data;
    const gap = doc - (lastDoc[list] ?? 0);
    lastDoc[list] = doc;
    this.#postings.data[list] = (this.#postings.data[list] ?? 0) + 1;
    // Zigzag, as ByteWriter.int: gaps are never negative here.
    this.#varint(list, 2 * gap);
    this.#varint(list, count);
  }

  #varint(list: number, value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.#byte(list, (rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.#byte(list, rest);
  }

  #byte(list: number, byte: number): void {
    const fill = this.#fill.data;
    const tail = this.#tail.data;
    let at = fill[list] ?? 0;
    let block = tail[list] ?? 0;
    const size = this.#blockSize.data[list] ?? FIRST_BLOCK;
    if (at === size) {
      const grown = Math.min(size * 2, LAST_BLOCK);
      const next = this.#allocate(grown);
      this.#setLink(block, next);
      tail[list] = next;
      this.#blockSize.data[list] = grown;
      block = next;
      at = 0;
    }
    const page = this.#pages[block >>> PAGE_BITS];
    if (page) page[(block & (PAGE_BYTES - 1)) + LINK + at] = byte;
    this.#fill.data[list] = at + 1;
    this.#bytes.data[list] = (this.#bytes.data[list] ?? 0) + 1;
  }

  #setLink(block: number, next: number): void {
    const page = this.#pages[block >>> PAGE_BITS];
    if (!page) return;
    const at = block & (PAGE_BYTES - 1);
    page[at] = next & 0xff;
    page[at + 1] = (next >>> 8) & 0xff;
    page[at + 2] = (next >>> 16) & 0xff;
    page[at + 3] = (next >>> 24) & 0xff;
  }

  #link(block: number): number {
    const page = this.#pages[block >>> PAGE_BITS];
    if (!page) return 0;
    const at = block & (PAGE_BYTES - 1);
    return (
      (page[at] ?? 0) |
      ((page[at + 1] ?? 0) << 8) |
      ((page[at + 2] ?? 0) << 16) |
      ((page[at + 3] ?? 0) << 24)
    );
  }

  /** A list's bytes, block by block, onto `out`. */
  #copyList(list: number, out: ByteWriter): void {
    let left = this.#bytes.data[list] ?? 0;
    let block = this.#head.data[list] ?? 0;
    let size = FIRST_BLOCK;
    while (left > 0) {
      const take = Math.min(size, left);
      const page = this.#pages[block >>> PAGE_BITS];
      const at = (block & (PAGE_BYTES - 1)) + LINK;
      if (page) out.raw(page.subarray(at, at + take));
      left -= take;
      if (left > 0) block = this.#link(block);
      size = Math.min(size * 2, LAST_BLOCK);
    }
  }

  /** The averages MiniSearch keeps, worked out as it does, document by document. */
  #averageLengths(): number[] {
    const documents = this.#documentIds.length;
    if (documents === 0) return [];
    const lengths = this.#lengths.data;
    const averages: number[] = [];
    for (let field = 0; field < this.#fieldCount; field++) {
      let average = 0;
      for (let count = 0; count < documents; count++) {
        const length = lengths[count * this.#fieldCount + field] ?? -1;
        if (length < 0) throw new Error(`document ${count} has no field ${field}`);
        average = (average * count + length) / (count + 1);
      }
      averages.push(average);
    }
    return averages;
  }

  /** One term's postings per field, as `writeIndex` writes a term's data. */
  #writeTerm(id: number, out: ByteWriter): void {
    const fields = this.#fieldCount;
    const lists: { field: number; list: number; first: number }[] = [];
    for (let field = 0; field < fields; field++) {
      const list = (this.#listOf.data[id * fields + field] ?? 0) - 1;
      if (list < 0) continue;
      lists.push({ field, list, first: (this.#firstDoc.data[list] ?? 0) * fields + field });
    }
    // A term's fields in the order each first occurred.
    lists.sort((a, b) => a.first - b.first);
    let length = varintLength(lists.length);
    for (const { field, list } of lists) {
      length += varintLength(field) + varintLength(this.#postings.data[list] ?? 0);
      length += this.#bytes.data[list] ?? 0;
    }
    out.uint(length);
    out.uint(lists.length);
    for (const { field, list } of lists) {
      out.uint(field);
      out.uint(this.#postings.data[list] ?? 0);
      this.#copyList(list, out);
    }
  }

  /**
   * The index's bytes (the `INDX` section's payload), for documents whose every field was
   * added. `fingerprint` is the index's (`fingerprintOf` its input).
   */
  write(fingerprint: string): Uint8Array[] {
    const out = new ByteWriter(1 << 20, CHUNK_BYTES);
    const documents = this.#documentIds.length;
    const fieldIds: Record<string, number> = {};
    this.fields.forEach((field, i) => {
      fieldIds[field] = i;
    });
    // The same keys in the same order as writeIndex's head.
    const head = {
      documentCount: documents,
      nextId: documents,
      fieldIds,
      averageFieldLength: this.#averageLengths(),
      dirtCount: 0,
      fingerprint,
      documents,
    };
    out.string(JSON.stringify(head));
    const lengths = this.#lengths.data;
    const fieldCount = this.#fieldCount;
    const documentIds = this.#documentIds;
    const written = function* (): Generator<WrittenDocument> {
      for (const [doc, id] of documentIds.entries()) {
        const own = Array.from(lengths.subarray(doc * fieldCount, (doc + 1) * fieldCount));
        yield [doc, id, own.map((length) => (length < 0 ? undefined : length))];
      }
    };
    for (const _ of writeDocuments(out, written()));
    // The terms into a radix tree in the order MiniSearch first saw them.
    const order = new Uint32Array(this.#terms.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const field = this.#firstField.data;
    const word = this.#firstWord;
    order.sort((a, b) => (field[a] ?? 0) - (field[b] ?? 0) || (word[a] ?? 0) - (word[b] ?? 0));
    const tree = new SearchableMap<number>();
    for (const id of order) tree.set(this.#terms[id] ?? '', id);
    const root = (tree as unknown as { _tree: RadixTree<number> })._tree;
    // The same layout as writeIndex gives MiniSearch's tree.
    let terms = 0;
    const table = new TreeTable();
    for (const id of writeTreeShape(out, root, table)) {
      this.#writeTerm(id, out);
      terms++;
    }
    out.uint(terms);
    writeTreeTable(out, table);
    return out.pieces();
  }
}
