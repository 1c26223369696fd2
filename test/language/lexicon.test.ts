/**
 * The bilingual lexicon: the hand table's news senses of an English word replace the
 * generated table's, on tables written here.
 */
import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/language/lexicon';

// "evening" and "even" share the English stem "even"; FreeDict's "talk" senses are chat.
const generated = ['# generated', 'even\tjevn jevnt', 'talk\tprat snakk', 'salmon\tlaks'].join(
  '\n',
);
const supplement = ['# hand-written', 'evening\tkveld', 'talks\tsamtaler forhandlinger'].join('\n');
const lex = parseLexicon(generated, supplement);

describe("an English word's Norwegian stems", () => {
  it('a word the hand table lists has its senses only, not those of words sharing its stem', () => {
    expect(lex.translateEnglish('evening')).toEqual(['kveld']);
    expect(lex.translateEnglish('talks')).toEqual(['samtal', 'forhandling']);
  });

  it("a word it does not list has its stem's senses, from both tables", () => {
    expect(lex.translateEnglish('even')).toEqual(['jevn', 'jevnt', 'kveld']);
    expect(lex.translateEnglish('talking')).toEqual(['prat', 'snakk', 'samtal', 'forhandling']);
    expect(lex.translateEnglish('salmon')).toEqual(['laks']);
    expect(lex.translateEnglish('unknown')).toEqual([]);
  });
});
