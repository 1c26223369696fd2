import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/language';
import { makeSnippet, type Snippet, splitSentences } from '../../src/search';

const text = (s: Snippet) => s.segments.map((g) => g.text).join('');
const marked = (s: Snippet) => s.segments.filter((g) => g.marked).map((g) => g.text);
const terms = (words: string, lang: 'nb' | 'en' = 'nb') => ({
  terms: new Set(analyze(words, lang)),
});

describe('splitSentences', () => {
  it('splits at sentence ends but not at abbreviations, initials or ordinal dates', () => {
    const t =
      'Møtet var 21. november i Oslo. Der deltok bl.a. George W. Bush og statsministeren. «Det gikk bra!» Så reiste de.';
    const parts = splitSentences(t).map((r) => t.slice(r.start, r.end));
    expect(parts).toEqual([
      'Møtet var 21. november i Oslo.',
      'Der deltok bl.a. George W. Bush og statsministeren.',
      '«Det gikk bra!»',
      'Så reiste de.',
    ]);
  });
});

describe('makeSnippet', () => {
  const passage =
    'Regjeringen la fram budsjettet tirsdag. Opposisjonen var kritisk. Kreml-talsmannen ville ikke kommentere saken. Det skjedde i Moskva.';

  it('picks the sentence with the most marked words and marks them case-insensitively', () => {
    const s = makeSnippet(passage, 'nb', terms('kreml kommentere'), 60);
    expect(text(s)).toBe('Kreml-talsmannen ville ikke kommentere saken.');
    // A hyphen part's term marks the whole hyphenated word.
    expect(marked(s)).toEqual(['Kreml-talsmannen', 'kommentere']);
    expect(s.cutStart).toBe(true);
    expect(s.cutEnd).toBe(true);
  });

  it('shows the first sentence(s) when nothing is marked', () => {
    const s = makeSnippet(passage, 'nb', terms('fotball'), 45);
    expect(text(s)).toBe('Regjeringen la fram budsjettet tirsdag.');
    expect(marked(s)).toEqual([]);
    expect(s.cutStart).toBe(false);
    expect(s.cutEnd).toBe(true);
  });

  it('keeps a mark at the very end and says nothing was cut there', () => {
    const s = makeSnippet(passage, 'nb', terms('Moskva'), 80);
    expect(text(s).endsWith('Det skjedde i Moskva.')).toBe(true);
    expect(marked(s)).toEqual(['Moskva']);
    expect(s.cutEnd).toBe(false);
    expect(s.cutStart).toBe(true);
  });

  it('shows the whole passage when it fits', () => {
    const s = makeSnippet(passage, 'nb', terms('budsjett'), 500);
    expect(text(s)).toBe(passage);
    expect(s.cutStart || s.cutEnd).toBe(false);
  });

  it('cuts a very long sentence around the marks, never inside a word', () => {
    const filler = 'og så videre med mange ord som fyller opp setningen uten mening ';
    const long = `${filler.repeat(6)}der ministeren til slutt sa nei ${filler.repeat(6)}slutt`;
    const s = makeSnippet(long, 'nb', terms('ministeren'), 120);
    const shown = text(s);
    expect(shown.length).toBeLessThanOrEqual(120);
    expect(marked(s)).toEqual(['ministeren']);
    expect(s.cutStart && s.cutEnd).toBe(true);
    const start = long.indexOf(shown);
    expect(start).toBeGreaterThan(0);
    expect(long.charAt(start - 1)).toBe(' ');
    expect(long.charAt(start + shown.length)).toBe(' ');
  });

  it('marks character ranges, e.g. date words', () => {
    const t = 'Møtet skjer tirsdag i neste uke. Alle er invitert.';
    const start = t.indexOf('tirsdag i neste uke');
    const s = makeSnippet(t, 'nb', {
      ranges: [{ start, end: start + 'tirsdag i neste uke'.length }],
    });
    expect(marked(s)).toEqual(['tirsdag i neste uke']);
    expect(text(s)).toBe(t);
  });

  it('marks English words by their English stems', () => {
    const s = makeSnippet(
      'The ministers negotiated for hours.',
      'en',
      terms('minister negotiating', 'en'),
    );
    expect(marked(s)).toEqual(['ministers', 'negotiated']);
  });

  it('handles empty text', () => {
    expect(makeSnippet('', 'nb', terms('x'))).toEqual({
      segments: [],
      cutStart: false,
      cutEnd: false,
    });
  });
});
