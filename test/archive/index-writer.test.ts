import { describe, expect, it } from 'vitest';
import { IndexWriter } from '../../src/archive/index-writer';
import { MarkedTerms } from '../../src/archive/marked-terms';
import { encodeIndex, indexSection } from '../../src/archive/snapshot-body';
import { loadKnowledge } from '../../src/knowledge/load';
import type { Article, Language } from '../../src/knowledge/types';
import {
  CompoundSplitter,
  fingerprintOf,
  firstPass,
  INDEX_FIELDS,
  PassageIndex,
  type PassageIndexInput,
} from '../../src/search';
import { bokmalBudget, englishClimate, nynorskSchool } from '../helpers/articles';
import { generatedArticles } from '../helpers/generated';
import { tempKnowledge } from '../helpers/kb';
import { seededRandom } from '../helpers/random';

type Field = (typeof INDEX_FIELDS)[number];
type Document = { id: string } & Record<Field, string>;

/** One article per document: all the fingerprint and the index's passages need. */
function inputOf(documents: readonly Document[], names: Map<string, string[]>): PassageIndexInput {
  const articles: Article[] = documents.map((d) => ({
    id: d.id,
    file: `${d.id}.md`,
    title: d.id,
    published: { start: '2020-01-01', end: '2020-01-01', granularity: 'day' },
    language: 'nb',
    languageDetected: false,
    tags: [],
    hash: `h-${d.id}`,
    passages: [{ id: d.id, articleId: d.id, index: 0, text: d.text, line: 1, language: 'nb' }],
  }));
  return { articles, aliases: [], entityNames: names };
}

/** The bytes MiniSearch gives, fed the documents whole and in order. */
async function viaMiniSearch(documents: readonly Document[], input: PassageIndexInput) {
  const index = await PassageIndex.fromDocuments(documents, input);
  return Buffer.concat(await encodeIndex(index));
}

/**
 * The bytes the writer gives, fed field by field as the analysis worker feeds it: text,
 * heading and title document by document, then every document's parts, then the names.
 */
function viaWriter(documents: readonly Document[], input: PassageIndexInput, order: Field[][]) {
  const writer = new IndexWriter(INDEX_FIELDS);
  const field = (name: Field) => INDEX_FIELDS.indexOf(name);
  const [first = [], ...later] = order;
  const docs = documents.map((d) => {
    const doc = writer.addDocument(d.id);
    for (const name of first) writer.addField(doc, field(name), d[name]);
    return doc;
  });
  for (const fields of later)
    for (const name of fields)
      documents.forEach((d, i) => {
        writer.addField(docs[i] ?? 0, field(name), d[name]);
      });
  return Buffer.concat(indexSection(writer.write(fingerprintOf(input))));
}

const AS_THE_WORKER: Field[][] = [['text', 'heading', 'title'], ['parts'], ['names']];

/** Words that share prefixes (the radix tree splits and joins them) from a small vocabulary. */
function randomDocuments(seed: number, count: number): Document[] {
  const random = seededRandom(seed);
  const stems = ['a', 'ab', 'abc', 'abd', 'b', 'ba', 'bar', 'bark', 'barn', 'c', 'ca', 'cab'];
  const word = () => {
    const stem = stems[Math.floor(random() * stems.length)] ?? 'a';
    return random() < 0.3 ? `${stem}${Math.floor(random() * 40)}` : stem;
  };
  const field = (max: number) => {
    const words = Array.from({ length: Math.floor(random() * max) }, word);
    // Now and then an empty word (two spaces, or one at an end): MiniSearch counts it.
    if (random() < 0.1) words.splice(Math.floor(random() * (words.length + 1)), 0, '');
    return words.join(' ');
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `doc-${i}`,
    text: field(30),
    heading: random() < 0.5 ? '' : field(4),
    title: field(5),
    names: random() < 0.4 ? '' : field(6),
    parts: random() < 0.5 ? '' : field(5),
  }));
}

describe('the index written field by field', () => {
  it('gives, byte for byte, what MiniSearch fed whole documents gives', async () => {
    for (const seed of [1, 2, 3]) {
      const documents = randomDocuments(seed, 120);
      const input = inputOf(documents, new Map([['doc-3', ['Kari']]]));
      const writer = viaWriter(documents, input, AS_THE_WORKER);
      expect(writer.equals(await viaMiniSearch(documents, input))).toBe(true);
    }
  });

  it('puts back the order terms first occurred in, whatever order the fields come in', async () => {
    // "kari" is first seen in a later field (names) of an earlier document than its text,
    // and in names and parts of one document: the tree and the term's fields follow that.
    const documents: Document[] = [
      {
        id: 'x',
        text: 'stortinget budsjett',
        heading: '',
        title: 't',
        names: 'kari',
        parts: 'kari bud',
      },
      { id: 'y', text: 'kari budsjett kari', heading: 'kar', title: 't', names: '', parts: 'bud' },
      { id: 'z', text: '', heading: '', title: '', names: 'kar kari ka', parts: '' },
    ];
    const input = inputOf(documents, new Map());
    const reference = await viaMiniSearch(documents, input);
    const orders: Field[][][] = [
      AS_THE_WORKER,
      [['names'], ['parts'], ['title', 'heading', 'text']],
      [['parts', 'names', 'text', 'heading', 'title']],
    ];
    for (const order of orders)
      expect(viaWriter(documents, input, order).equals(reference)).toBe(true);
  });

  it('keeps long postings lists and large gaps and counts whole', async () => {
    // One term in thousands of documents (its list spans many blocks), another in a few
    // far apart, and one repeated hundreds of times in a field (a count of two bytes).
    const documents: Document[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `d${i}`,
      text: i % 997 === 0 ? `felles sjelden ${'ofte '.repeat(300).trim()}` : `felles ord${i % 50}`,
      heading: '',
      title: 'tittel',
      names: i % 2 === 0 ? 'felles' : '',
      parts: '',
    }));
    const input = inputOf(documents, new Map());
    expect(
      viaWriter(documents, input, AS_THE_WORKER).equals(await viaMiniSearch(documents, input)),
    ).toBe(true);
  });

  it('writes an empty index as MiniSearch does', async () => {
    const input = inputOf([], new Map());
    expect(viaWriter([], input, AS_THE_WORKER).equals(await viaMiniSearch([], input))).toBe(true);
  });
});

describe("the compounds' vocabulary kept as the index writer's marks", () => {
  /**
   * Each passage's compound parts split against the vocabulary learnt as a set of strings
   * (`CompoundSplitter.learn`, the one-thread index) and against the text terms of the
   * Norwegian passages marked by the writer's ids (as the index worker keeps it).
   */
  function partsBothWays(articles: readonly Article[]) {
    const learnt = new CompoundSplitter();
    const writer = new IndexWriter(INDEX_FIELDS);
    const marks = new MarkedTerms((term) => writer.idOf(term));
    const marked = new CompoundSplitter((term) => marks.has(term));
    const splittable: string[][] = [];
    for (const article of articles) {
      for (const analysed of firstPass(article, learnt)) {
        const doc = writer.addDocument(analysed.passage.id);
        const ids = writer.addTerms(doc, INDEX_FIELDS.indexOf('text'), analysed.terms);
        if (analysed.passage.language !== 'en') marks.mark(ids);
        writer.addField(doc, INDEX_FIELDS.indexOf('heading'), analysed.heading);
        splittable.push(analysed.splittable);
      }
    }
    return {
      learnt: splittable.map((terms) => learnt.parts(terms)),
      marked: splittable.map((terms) => marked.parts(terms)),
    };
  }

  it('splits the test articles as the learnt set does', async () => {
    const compounds = `---
title: Fredssamtaler og barnehager
date: 2023-04-01
language: nb
---
Fredssamtalene fortsatte i går. Freden er skjør, og samtalene tar tid.

Barnehagen i Lillevik får nye plasser. Barna leker i hagen hver dag.

Landslagstreneren tok ut laget. Landslaget trener i Bergen, sier treneren.
`;
    const kb = await tempKnowledge({
      ...generatedArticles(30),
      'fred.md': compounds,
      'budsjett.md': bokmalBudget,
      'climate.md': englishClimate,
      'skule.md': nynorskSchool,
    });
    try {
      const { articles } = await loadKnowledge(kb.dir);
      const { learnt, marked } = partsBothWays(articles);
      expect(marked).toEqual(learnt);
      // Compounds were split ("fredssamtalene", "barnehagen"): the vocabulary is not empty.
      expect(learnt.filter((parts) => parts !== '').length).toBeGreaterThanOrEqual(2);
    } finally {
      await kb.cleanup();
    }
  });

  it("holds the terms of Norwegian passages' text only, as the learnt set does", () => {
    for (const seed of [1, 2, 3, 4]) {
      const random = seededRandom(seed);
      const words = ['fred', 'samtal', 'fredssamtal', 'barn', 'hage', 'barnehage', 'landslag'];
      const pick = () => words[Math.floor(random() * words.length)] ?? 'fred';
      // What `CompoundSplitter.learn` keeps: every text term of a passage not in English.
      const learnt = new Set<string>();
      const writer = new IndexWriter(INDEX_FIELDS);
      const marks = new MarkedTerms((term) => writer.idOf(term));
      for (let doc = 0; doc < 60; doc++) {
        const language: Language = random() < 0.3 ? 'en' : random() < 0.5 ? 'nn' : 'nb';
        const text = Array.from({ length: Math.floor(random() * 4) }, pick);
        if (language !== 'en') for (const term of text) learnt.add(term);
        writer.addDocument(`d${doc}`);
        const ids = writer.addTerms(doc, INDEX_FIELDS.indexOf('text'), text);
        if (language !== 'en') marks.mark(ids);
        // A term met only in another field is not in the vocabulary.
        writer.addField(doc, INDEX_FIELDS.indexOf('heading'), `${pick()}${doc}`);
      }
      const asked = [...words, ...words.map((w, i) => `${w}${i}`), 'ukjent', ''];
      expect(asked.map((term) => marks.has(term))).toEqual(asked.map((term) => learnt.has(term)));
      const byMarks = new CompoundSplitter((term) => marks.has(term));
      const bySet = new CompoundSplitter((term) => learnt.has(term));
      expect(byMarks.parts(['fredssamtal', 'barnehage'])).toBe(
        bySet.parts(['fredssamtal', 'barnehage']),
      );
    }
  });
});
