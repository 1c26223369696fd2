/**
 * What the whole archive says about words, gathered before names are read: which words
 * are also written in lower case (so a capitalised opening is not a name), which forms
 * stand as names inside sentences (so "Støres" is Støre but "Lars" stays Lars), and which
 * words belong to people named with a clear person signal somewhere.
 */

import { readMentions } from './mentions';
import type { Lexicon } from './names';
import { tokenize } from './tokens';

export type { Lexicon } from './names';

class ArchiveLexicon implements Lexicon {
  readonly lowerCounts = new Map<string, number>();
  readonly capitalCounts = new Map<string, number>();
  readonly nameCounts = new Map<string, number>();
  readonly personWords = new Set<string>();

  isCommonWord(lower: string): boolean {
    const asLower = this.lowerCounts.get(lower) ?? 0;
    if (asLower === 0) return false;
    // A word written capitalised mid-sentence more often than in lower case is a name ("Høyre").
    const capitalised = this.capitalCounts.get(lower) ?? 0;
    return asLower >= capitalised;
  }

  nameCount(name: string): number {
    return this.nameCounts.get(name) ?? 0;
  }

  isPersonWord(word: string): boolean {
    return this.personWords.has(word);
  }
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Two passes over the archive: word counts first, then names read with those counts. */
export function buildLexicon(texts: Iterable<string>): Lexicon {
  const lexicon = new ArchiveLexicon();
  const all = [...texts];
  for (const text of all) {
    const tokens = tokenize(text);
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) bump(lexicon.nameCounts, run.join(' '));
      run = [];
    };
    tokens.forEach((token, index) => {
      if (!token.isWord) {
        flush();
        return;
      }
      if (/^\p{Ll}/u.test(token.text)) {
        bump(lexicon.lowerCounts, token.lower);
        flush();
      } else if (/^\p{Lu}/u.test(token.text) && !token.sentenceStart) {
        bump(lexicon.capitalCounts, token.lower);
        if (!token.joinedToPrevious || index === 0) flush();
        run.push(token.text);
      } else flush();
    });
    flush();
  }
  for (const text of all) {
    for (const mention of readMentions(text, 'nb', lexicon)) {
      if (mention.kind !== 'person' || !mention.strong) continue;
      lexicon.personWords.add(mention.name);
      // "prins Albert av Monaco": what follows "av"/"of" is a territory, not part of the person.
      const [own = ''] = mention.name.split(/ (?:av|of) /u);
      for (const word of own.split(' ')) {
        if (/^\p{Lu}/u.test(word)) lexicon.personWords.add(word);
      }
    }
  }
  return lexicon;
}
