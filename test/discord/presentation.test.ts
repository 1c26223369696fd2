/** Discord renders: the publisher next to a source, and days in the reader's own words. */
import { describe, expect, it } from 'vitest';
import { dayChoices } from '../../src/discord/choices';
import { sourceLine, sourceShort } from '../../src/discord/render/text';
import { messages } from '../../src/i18n';
import { days, source } from './fake-kilde';

describe('sources name their publisher', () => {
  it('in both languages, in full and short citations', () => {
    const reuters = { ...source(2), source: 'Reuters' };
    expect(sourceLine(reuters, messages('en'))).toContain('published by Reuters');
    expect(sourceLine(reuters, messages('nb'))).toContain('publisert av Reuters');
    expect(sourceShort(reuters, messages('nb'))).toContain('publisert av Reuters');
    expect(sourceLine(source(2), messages('en'))).not.toContain('published by');
  });

  it('escapes a publisher that looks like Markdown', () => {
    const odd = { ...source(2), source: '*NTB*' };
    expect(sourceLine(odd, messages('en'))).toContain('\\*NTB\\*');
  });
});

describe('day choices in autocomplete', () => {
  it('say the day the reader’s way, and keep the ISO day as the value', () => {
    const [nb] = dayChoices(days, messages('nb'));
    const [en] = dayChoices(days, messages('en'));
    expect(nb?.name.startsWith('5. mars 2019')).toBe(true);
    expect(en?.name.startsWith('5 March 2019')).toBe(true);
    expect(nb?.value).toBe('2019-03-05');
  });
});
