/**
 * The local console: the language switch while running (`/språk en`, `/lang nb`), the
 * publisher next to a source, and dates the way the reader's locale writes them.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseConsoleArgs } from '../../src/console/args';
import { dispatch } from '../../src/console/dispatch';
import { plainStyle, renderSource } from '../../src/console/render';
import { messages } from '../../src/i18n';
import { answers, fakeKilde, source } from '../discord/fake-kilde';
import { repoRoot } from '../helpers/kb';

describe('switching language at the prompt', () => {
  it('/språk en and /lang nb switch, and say so in the new language', async () => {
    const kilde = fakeKilde();
    const toEnglish = await dispatch('/språk en', kilde, 'nb', plainStyle);
    expect(toEnglish).toEqual({
      text: messages('en').console.language,
      outcome: 'found',
      locale: 'en',
    });
    const toNorwegian = await dispatch('/lang norsk', kilde, 'en', plainStyle);
    expect(toNorwegian.locale).toBe('nb');
    expect(toNorwegian.text).toBe(messages('nb').console.language);
  });

  it('an unknown language is a clear error that changes nothing', async () => {
    const reply = await dispatch('/lang klingon', fakeKilde(), 'en', plainStyle);
    expect(reply.outcome).toBe('bad-input');
    expect(reply.locale).toBeUndefined();
    expect(reply.text).toContain('klingon');
    const nb = await dispatch('/språk klingon', fakeKilde(), 'nb', plainStyle);
    expect(nb.text).toBe(messages('nb').console.unknownLanguage('klingon'));
  });

  it('with no language given, says which one is spoken; the help lists the command', async () => {
    expect((await dispatch('/sprak', fakeKilde(), 'nb', plainStyle)).text).toBe(
      messages('nb').console.language,
    );
    expect(messages('nb').console.help).toContain('/språk');
    expect(messages('en').console.help).toContain('/lang');
    expect(parseConsoleArgs(['--lang', 'english', '/who', 'x'], 'nb')).toEqual({
      locale: 'en',
      rest: ['/who', 'x'],
    });
  });

  it('the running console answers in the new language after /lang en', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      input: '/hva-skjedde 2017-11-22\n/lang en\n/what-happened 2017-11-22\n/språk nb\n/avslutt\n',
      env: {
        ...process.env,
        DISCORD_TOKEN: '',
        DEFAULT_LOCALE: 'nb',
        LOG_LEVEL: 'warn',
        CACHE_DIR: '.cache/test-console',
      },
      timeout: 240_000,
    });
    const out = result.stdout;
    const norwegian = out.indexOf('Hva skjedde 22. november 2017');
    const switched = out.indexOf(messages('en').console.language);
    const english = out.indexOf('What happened 22 November 2017');
    const back = out.indexOf(messages('nb').console.language);
    expect(norwegian).toBeGreaterThanOrEqual(0);
    expect(switched).toBeGreaterThan(norwegian);
    expect(english).toBeGreaterThan(switched);
    expect(back).toBeGreaterThan(english);
    expect(out).toContain(messages('nb').console.bye);
  }, 300_000);
});

describe('sources and dates in the console', () => {
  it('names the publisher from the front matter, in both languages', () => {
    const withPublisher = { ...source(1), source: 'NTB' };
    expect(renderSource(withPublisher, messages('nb'))).toContain('publisert av NTB');
    expect(renderSource(withPublisher, messages('en'))).toContain('published by NTB');
    expect(renderSource(source(1), messages('en'))).not.toContain('published by');
  });

  it('writes the nearest days and the load time for the reader, never as ISO strings', async () => {
    const empty = await dispatch(
      '/hva-skjedde 2019-03-06',
      fakeKilde({
        whatHappened: async () => ({
          kind: 'empty',
          query: '2019-03-06',
          span: { start: '2019-03-06', end: '2019-03-06', granularity: 'day' },
          nearest: [{ date: '2019-03-05', published: 1, events: 0, preview: 'Havneplan' }],
        }),
      }),
      'nb',
      plainStyle,
    );
    expect(empty.text).toContain('5. mars 2019');
    expect(empty.text).not.toContain('2019-03-05');
    const status = await dispatch('/knowledge status', fakeKilde(), 'en', plainStyle);
    const loadedAt = answers.status().loadedAt;
    expect(status.text).not.toContain(loadedAt);
    expect(status.text).toMatch(/May 2024/u);
  });
});
