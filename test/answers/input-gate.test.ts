/**
 * The core's own input gate: over-long input is refused before any analysis (and echoed
 * only as a bounded prefix), invisible characters do not make a query non-empty, and input
 * at the limit is answered normally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admit,
  clip,
  ECHO_CHARS,
  echo,
  INPUT_LIMITS,
  tidyQuery,
  withinChars,
} from '../../src/answers/query-text';
import { dispatch } from '../../src/console/dispatch';
import { plainStyle } from '../../src/console/render';
import { renderWhatHappened } from '../../src/discord/render/what-happened';
import { isErrorReply } from '../../src/discord/view';
import { messages } from '../../src/i18n';
import { bokmalBudget, englishClimate } from '../helpers/articles';
import { tempKnowledge } from '../helpers/kb';

const nb = messages('nb');
const en = messages('en');

describe('the gate', () => {
  it('admits up to the limit in code points, refuses one more, and a missing value', () => {
    expect(admit('x'.repeat(INPUT_LIMITS.name), 'name')).toEqual({
      ok: true,
      text: 'x'.repeat(INPUT_LIMITS.name),
    });
    // 100 emoji are 200 UTF-16 units but 100 characters, as Discord counts them.
    expect(admit('😀'.repeat(INPUT_LIMITS.name), 'name').ok).toBe(true);
    expect(admit('😀'.repeat(INPUT_LIMITS.name + 1), 'name')).toMatchObject({
      ok: false,
      error: 'too-long',
      limit: INPUT_LIMITS.name,
    });
    expect(admit(null, 'date')).toMatchObject({ ok: false, error: 'missing' });
    expect(admit(undefined, 'topic', { required: false })).toEqual({ ok: true, text: '' });
    expect(withinChars('a'.repeat(100_000), 300)).toBe(false);
  });

  it('cuts and echoes by code points, never splitting a surrogate pair', () => {
    expect(clip('😀😀😀', 2)).toBe('😀😀');
    expect(echo('y'.repeat(100_000))).toBe(`${'y'.repeat(ECHO_CHARS)}…`);
    expect(echo('kort')).toBe('kort');
  });

  it('drops zero-width, bidi and control marks when tidying', () => {
    expect(tidyQuery('\u200b')).toBe('');
    expect(tidyQuery('\u200e\u202e\u2066\ufeff\u0000 \u200b')).toBe('');
    expect(tidyQuery('Gahr\u200b Støre\u0007?')).toBe('Gahr Støre');
    expect(tidyQuery(`x${'?'.repeat(50)}`)).toBe('x');
  });
});

describe('the core on hostile input', () => {
  let kb: Awaited<ReturnType<typeof tempKnowledge>>;
  beforeAll(async () => {
    kb = await tempKnowledge({ 'budsjett.md': bokmalBudget, 'climate.md': englishClimate });
  });
  afterAll(() => kb.cleanup());

  it('a name of only a zero-width space is empty', async () => {
    expect(await kb.kilde.who('\u200b')).toMatchObject({ kind: 'invalid', error: 'empty' });
    expect(await kb.kilde.search('\u200b\u200f')).toMatchObject({
      kind: 'invalid',
      error: 'empty',
    });
  });

  it('100,000 characters are refused as too long, echoing at most a short prefix', async () => {
    const long = '\\'.repeat(100_000);
    for (const answer of [
      await kb.kilde.who(long),
      await kb.kilde.search(long),
      await kb.kilde.whatHappened(long),
      await kb.kilde.whatHappened('2023-03-15', 'tema '.repeat(20_000)),
    ]) {
      expect(answer).toMatchObject({ kind: 'invalid', error: 'too-long' });
      expect(answer.query.length).toBeLessThanOrEqual(ECHO_CHARS + 1);
    }
  });

  it('a topic at its limit is answered, not thrown on', async () => {
    const topic = 'budsjett '.repeat(40).slice(0, INPUT_LIMITS.topic);
    const answer = await kb.kilde.whatHappened('2023-03', topic);
    expect(['found', 'empty']).toContain(answer.kind);
  });

  it('the invalid-date reply quotes at most a bounded, escaped prefix', async () => {
    const typed = `${'\\*'.repeat(30)}@everyone`;
    const rendered = renderWhatHappened(await kb.kilde.whatHappened(typed), nb);
    if (!isErrorReply(rendered)) throw new Error('expected an error reply');
    expect(rendered.error.length).toBeLessThan(400);
    expect(rendered.error).not.toContain('@everyone');
  });

  it('the console uses the same limits', async () => {
    const long = 'x'.repeat(100_000);
    for (const [line, kind] of [
      [`/hvem ${long}`, 'name'],
      [`/what-happened ${long}`, 'date'],
      [`/what-happened 2023-03 | ${long}`, 'topic'],
      [`/search ${long}`, 'text'],
      [long, 'text'],
    ] as const) {
      expect(await dispatch(line, kb.kilde, 'en', plainStyle)).toEqual({
        text: en.errors.tooLong(INPUT_LIMITS[kind]),
        outcome: 'bad-input',
      });
    }
  });
});
