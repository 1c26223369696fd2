import { describe, expect, it } from 'vitest';
import { ArchiveLexicon, LearnedReadings } from '../../src/extract/entities';
import { parseArticleFile } from '../../src/knowledge/load';
import { generatedArticles } from '../helpers/generated';
import { seededRandom } from '../helpers/random';

// Texts whose learning depends on the order: a name read before the archive writes it as a
// field ("Johan Castberg-feltet") or a work is read as a person; after, as the thing.
const ORDERED = [
  'Produksjonen på Johan Castberg økte kraftig i fjor.',
  'Johan Castberg-feltet er i drift.',
  'Statsminister Kari Solvik talte om Johan Castberg og Edvard Grieg.',
  'Edvard Grieg-plattformen ble stengt etter lekkasjen.',
  'Direktør Edvard Grieg og ordfører Per Hansen i Bergen åpnet brua.',
  'Solvik var fornøyd med avtalen om Edvard Grieg.',
  'Kari Solvik og Johan Castberg møttes på Stord.',
];

function archiveTexts(): string[] {
  const generated = Object.entries(generatedArticles(30))
    .map(([name, body]) => parseArticleFile(name, Buffer.from(body)).article)
    .flatMap((article) => article?.passages.map((p) => p.text) ?? []);
  // The order-dependent texts spread among the rest, so that splits fall between them.
  const texts = [...generated];
  ORDERED.forEach((text, i) => {
    texts.splice(Math.floor(((i + 1) * texts.length) / 9), 0, text);
  });
  return texts;
}

/** One learner over all the texts, in order: what a build on one thread does. */
function learnedAtOnce(texts: readonly string[]) {
  const lexicon = new ArchiveLexicon();
  lexicon.count(texts);
  const readings = new LearnedReadings();
  lexicon.learnPersons(texts, readings);
  return { lexicon: lexicon.toJSON(), readings: readings.list() };
}

/** The texts before `at` learned here, the rest apart over a copy of the counts, then joined. */
function learnedApart(texts: readonly string[], at: number) {
  const lexicon = new ArchiveLexicon();
  lexicon.count(texts);
  // Another thread is sent a copy (structured clone), taken before this one learns anything.
  const copy = ArchiveLexicon.withCounts(structuredClone(lexicon.counts()));
  const readings = new LearnedReadings();
  const learning = lexicon.learning(readings);
  learning.read(texts.slice(0, at));
  const apart = copy.readApart(texts.slice(at));
  learning.join(texts.slice(at), apart);
  learning.finish();
  return { lexicon: lexicon.toJSON(), readings: readings.list() };
}

describe('learning the lexicon in two runs, the later one apart', () => {
  const texts = archiveTexts();
  const once = learnedAtOnce(texts);

  it('learns what one learner reading every text in order learns, wherever the split falls', () => {
    const random = seededRandom(7);
    const splits = [0, 1, texts.length - 1, texts.length];
    for (let i = 0; i < 12; i++) splits.push(Math.floor(random() * (texts.length + 1)));
    for (const at of splits) {
      const apart = learnedApart(texts, at);
      // The same words, counts, person words and thing names, in the same order (the snapshot's bytes).
      expect(apart.lexicon, `split at ${at}`).toEqual(once.lexicon);
      // The same readings kept for the extraction, with the same answers noted.
      expect(apart.readings, `split at ${at}`).toEqual(once.readings);
    }
  });

  it('reads again a later text whose reading an earlier text changes', () => {
    // Read apart, "Johan Castberg" in the first text is a person; learned after the field, it is not.
    const [person, field] = ORDERED;
    if (!person || !field) throw new Error('test texts missing');
    const lexicon = new ArchiveLexicon();
    lexicon.count([field, person]);
    const copy = ArchiveLexicon.withCounts(structuredClone(lexicon.counts()));
    const apart = copy.readApart([person]);
    expect(apart[0]?.mentions.find((m) => m.name === 'Johan Castberg')?.kind).toBe('person');
    const readings = new LearnedReadings();
    const learning = lexicon.learning(readings);
    learning.read([field]);
    learning.join([person], apart);
    learning.finish();
    const [, joined] = readings.list();
    expect(joined?.mentions.find((m) => m.name === 'Johan Castberg')?.kind).toBe('other');
    expect(lexicon.isPersonWord('Castberg')).toBe(false);
  });
});
