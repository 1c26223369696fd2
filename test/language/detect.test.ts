import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/detect';

describe('detectLanguage', () => {
  it('recognises Bokmål', () => {
    const text =
      'Regjeringen har bestemt at skolen skal være åpen hele sommeren. Det var ikke lett å få til, sier ordføreren til avisen.';
    expect(detectLanguage(text)).toEqual({ language: 'nb', confident: true });
  });

  it('recognises Nynorsk, which franc alone confuses with Bokmål', () => {
    const text =
      'Regjeringa har bestemt at skulen skal vere open heile sommaren. Det var ikkje lett å få til, og dei veit ikkje kva det kostar.';
    expect(detectLanguage(text)).toEqual({ language: 'nn', confident: true });
  });

  it('recognises English', () => {
    const text =
      'The government has decided that the school will stay open all summer, the mayor told the newspaper on Tuesday.';
    expect(detectLanguage(text)).toEqual({ language: 'en', confident: true });
  });

  it('maps Danish and Swedish to Bokmål without confidence', () => {
    const swedish =
      'Regeringen har beslutat att skolan ska vara öppen hela sommaren. Det var inte lätt, säger borgmästaren.';
    const danish =
      'Regeringen har besluttet, at skolen skal være åben hele sommeren. Det var ikke let at få til, siger borgmesteren.';
    for (const text of [swedish, danish]) {
      expect(detectLanguage(text)).toEqual({ language: 'nb', confident: false });
    }
  });

  it('guesses but is not confident on very short texts', () => {
    expect(detectLanguage('Hei')).toEqual({ language: 'nb', confident: false });
    expect(detectLanguage('').confident).toBe(false);
    expect(detectLanguage('Eg veit ikkje kva som skjer.')).toMatchObject({ language: 'nn' });
  });
});
