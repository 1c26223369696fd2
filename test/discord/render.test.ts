import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { embedLength } from '../../src/discord/limits';
import { renderReload, renderStatus } from '../../src/discord/render/knowledge';
import { renderSearch } from '../../src/discord/render/search';
import { renderSources } from '../../src/discord/render/sources';
import { escapeText, snippetMarkdown } from '../../src/discord/render/text';
import { renderWhatHappened } from '../../src/discord/render/what-happened';
import { renderWho } from '../../src/discord/render/who';
import { isErrorReply, type Rendered } from '../../src/discord/view';
import { type Messages, messages } from '../../src/i18n';
import { answers, passage } from './fake-kilde';

const nb = messages('nb');
const en = messages('en');

function view(rendered: Rendered) {
  if (isErrorReply(rendered)) throw new Error(`expected a view, got error ${rendered.error}`);
  return rendered;
}

/** Everything a user would read from a rendered answer, as one string. */
function allText(t: Messages): string {
  const parts: string[] = [];
  const add = (r: Rendered) => parts.push(JSON.stringify(r));
  add(renderWho(answers.whoFound(), t));
  add(renderWho(answers.whoAmbiguous(), t));
  add(renderWho(answers.whoUnknown(), t));
  add(renderWho(answers.whoInvalid(), t));
  add(renderWhatHappened(answers.dayFound(), t));
  add(renderWhatHappened(answers.dayEmpty(), t));
  add(renderWhatHappened(answers.dayInvalid(), t));
  add(renderSearch(answers.searchFound(), t));
  add(renderSearch(answers.searchNone(), t));
  add(renderSearch(answers.searchInvalid(), t));
  add(renderSources(answers.sources(), t));
  parts.push(JSON.stringify(renderStatus(answers.status(), t)));
  parts.push(JSON.stringify(renderReload(answers.reload(), t)));
  // JSON escapes would hide accents and quotes from the comparison.
  return JSON.parse(`[${parts.join(',')}]`)
    .map((p: unknown) => JSON.stringify(p, null, 0))
    .join('\n');
}

/**
 * The fixed text of a catalog: plain strings and what functions say around their arguments
 * (called with a marker and split on it), minus fragments both languages share.
 */
function catalogFragments(t: Messages, other: Messages): string[] {
  const out = new Set<string>();
  const walk = (a: unknown, b: unknown, path: string) => {
    if (typeof a === 'string') {
      if (a !== b) out.add(a);
    } else if (typeof a === 'function') {
      const marker = '\u0001';
      // Problem texts take one params object: every param reads as the marker (or 7).
      const args = (value: string | number) =>
        path.startsWith('problems.')
          ? [new Proxy({}, { get: (_, key) => (typeof key === 'string' ? value : undefined) })]
          : [value, value, value, value];
      const call = (f: unknown) => (typeof f === 'function' ? String(f(...args(marker))) : '');
      const numeric = (f: unknown) => (typeof f === 'function' ? String(f(...args(7))) : '');
      const otherText = `${call(b)} ${numeric(b)}`;
      for (const piece of [...call(a).split(marker), ...numeric(a).split('7')]) {
        if (!otherText.includes(piece.trim())) out.add(piece);
      }
    } else if (a && typeof a === 'object') {
      for (const key of Object.keys(a)) {
        walk(
          (a as Record<string, unknown>)[key],
          b && typeof b === 'object' ? (b as Record<string, unknown>)[key] : undefined,
          path === '' ? key : `${path}.${key}`,
        );
      }
    }
  };
  walk(t, other, '');
  return [...out].map((s) => s.trim()).filter((s) => s.length >= 6 && /\s/u.test(s));
}

describe('language of every answer kind', () => {
  it('an English reply holds no Norwegian catalog sentence', () => {
    const text = allText(en);
    const norwegian = catalogFragments(nb, en);
    expect(norwegian.length).toBeGreaterThan(20);
    for (const fragment of norwegian) expect(text, fragment).not.toContain(fragment);
  });

  it('a Norwegian reply holds no English catalog sentence', () => {
    const text = allText(nb);
    const english = catalogFragments(en, nb);
    expect(english.length).toBeGreaterThan(20);
    for (const fragment of english) expect(text, fragment).not.toContain(fragment);
  });

  it('knowledge problems are worded by the catalog, not by their English reason', () => {
    const norwegian = catalogFragments(nb, en);
    const english = catalogFragments(en, nb);
    // The fixtures' problem sentences take part in the check above.
    expect(norwegian).toContain('» finnes ikke');
    expect(english).toContain('" is not a real calendar date');
    const text = allText(nb);
    expect(text).toContain('broken.md:3: datoen «2019-02-30» finnes ikke');
    for (const problem of answers.reload().problems) expect(text).not.toContain(problem.reason);
  });
});

describe('snippets', () => {
  it('bolds the matched words and escapes Markdown in article text', () => {
    const md = snippetMarkdown({
      segments: [
        { text: 'Prisen steg *kraftig* til __ny__ ', marked: false },
        { text: 'rekord', marked: true },
        { text: ' ifølge `SSB`.', marked: false },
      ],
      cutStart: true,
      cutEnd: false,
    });
    expect(md).toBe('…Prisen steg \\*kraftig\\* til \\_\\_ny\\_\\_ **rekord** ifølge \\`SSB\\`.');
  });

  it('keeps spaces outside the bold markers', () => {
    const md = snippetMarkdown({
      segments: [
        { text: 'Møtet med', marked: false },
        { text: ' Putin ', marked: true },
        { text: 'varte lenge.', marked: false },
      ],
      cutStart: false,
      cutEnd: false,
    });
    expect(md).toBe('Møtet med **Putin** varte lenge.');
  });

  it('makes mentions inert', () => {
    expect(escapeText('@everyone and <@123456789012345678>')).not.toMatch(/@everyone|<@\d/u);
  });
});

describe('who', () => {
  it('shows a card: name as title, kind and role, appears line, roles with sources, passages, related', () => {
    const v = view(renderWho(answers.whoFound(), en));
    const page = v.pages[0] as APIEmbed;
    expect(page.title).toBe('Ingrid Falk');
    expect(page.description).toContain('person · council chair');
    expect(page.description).toContain(
      'Mentioned in 2 articles, from 2 March 2019 to 3 March 2019',
    );
    expect(page.description).toContain('Also called: Falk');
    const [roles, ...rest] = page.fields ?? [];
    expect(roles?.name).toBe('Roles');
    expect(roles?.value).toBe(
      '• **council chair** — [Harbour council meets in Tromsø, part 1](https://news.example/harbour-1) (2 March 2019); Harbour council meets in Tromsø, part 2 (3 March 2019)',
    );
    // Without a url a passage's source is cited by its file.
    expect(JSON.stringify(v.pages)).toContain('file: article-2.md');
    expect(rest[0]?.name).toBe('Mentioned with');
    expect(rest[0]?.value).toContain('Ola Berg — harbour master');
    expect(rest[1]?.name).toBe('Passages');
    expect(rest[1]?.value).toContain('**would pass**');
  });

  it('pages long cards and keeps each page within Discord limits', () => {
    const v = view(renderWho(answers.whoFound(40), nb));
    expect(v.pages.length).toBeGreaterThan(5);
    for (const page of v.pages) {
      expect(embedLength(page)).toBeLessThanOrEqual(5900);
      expect(page.fields?.length ?? 0).toBeLessThanOrEqual(25);
    }
  });

  it('suggests close names as buttons on a miss', () => {
    const v = view(renderWho(answers.whoUnknown(), nb));
    expect(v.pages[0]?.description).toContain('Mente du **Ingrid Falk**?');
    expect(v.suggestions).toEqual([
      { label: 'Ingrid Falk', ask: { command: 'who', query: 'Ingrid Falk' } },
    ]);
  });
});

describe('what happened', () => {
  it('lists published articles and dated events with the dating words', () => {
    const v = view(renderWhatHappened(answers.dayFound(), nb));
    const fields = v.pages[0]?.fields ?? [];
    expect(v.pages[0]?.title).toBe('Hva skjedde 5. mars 2019');
    expect(fields[0]?.name).toContain('Harbour council meets in Tromsø, part 4');
    expect(fields[1]?.name).toBe('«Tuesday next week» → 5. mars 2019');
  });

  it('explains a date it cannot read, with the input', () => {
    const r = renderWhatHappened(answers.dayInvalid('31.13.2019'), en);
    expect(isErrorReply(r) && r.error).toContain('"31.13.2019" is not a date I understand');
  });

  it('offers the nearest days on an empty day', () => {
    const v = view(renderWhatHappened(answers.dayEmpty(), en));
    expect(v.suggestions[0]).toEqual({
      label: '5 March 2019',
      ask: { command: 'whatHappened', query: '2019-03-05' },
    });
  });
});

describe('search, sources, knowledge', () => {
  it('pages search hits five to a page', () => {
    expect(view(renderSearch(answers.searchFound(12), en)).pages).toHaveLength(3);
  });

  it('an empty query is an error for the asker', () => {
    const r = renderSearch(answers.searchInvalid(), nb);
    expect(isErrorReply(r) && r.error).toBe(nb.errors.emptyQuery);
  });

  it('pages the sources ten to a page', () => {
    const v = renderSources(answers.sources(25), en);
    expect(v.pages).toHaveLength(3);
    expect(v.pages[0]?.description).toContain('25 articles');
  });

  it('reports problems with file and line', () => {
    const embed = renderReload(answers.reload(), en);
    const problems = embed.fields?.find((f) => f.name.startsWith('Problems'));
    expect(problems?.value).toContain(
      'broken.md:3: the date "2019-02-30" is not a real calendar date',
    );
    expect(problems?.value).toContain('broken.md: the new version could not be read');
    expect(embed.fields?.map((f) => f.name)).toContain('Added (1)');
  });

  it('caps a huge problem list to fit', () => {
    const report = answers.reload();
    report.problems = Array.from({ length: 500 }, (_, i) => ({
      file: `f${i}.md`,
      line: i,
      code: 'yaml-syntax' as const,
      params: { message: 'Nested mappings are not allowed in compact mappings' },
      reason: 'front matter is not valid YAML',
      severity: 'error' as const,
    }));
    const embed = renderReload(report, nb);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(embed.fields?.at(-1)?.value).toMatch(/… og \d+ til$/u);
  });

  it('uses the snippet of a passage with its source line', () => {
    const v = view(
      renderSearch(
        { kind: 'found', query: 'x', hits: [passage(3, 'A [link](http://evil) and # heading ')] },
        en,
      ),
    );
    const value = v.pages[0]?.fields?.[0]?.value ?? '';
    expect(value).toContain('\\[link\\](http://evil)');
    expect(value).toContain(
      '— [Harbour council meets in Tromsø, part 3](https://news.example/harbour-3) · 4 March 2019',
    );
  });
});

describe('escaping', () => {
  it('escapes every Markdown character of a long run, one backslash each', () => {
    expect(escapeText('\\'.repeat(6000))).toBe('\\\\'.repeat(6000));
    expect(escapeText('`'.repeat(9000))).toBe('\\`'.repeat(9000));
    expect(escapeText('-# liten tekst\n  > sitat')).toBe('\\-# liten tekst\n  \\> sitat');
    expect(escapeText(`${'\n'.repeat(5000)}# x`)).toBe(`${'\n'.repeat(5000)}\\# x`);
  });

  it('escapes list and heading markers only at the start of a line', () => {
    expect(escapeText('1. mai')).toBe('1\\. mai');
    expect(escapeText('# Overskrift')).toBe('\\# Overskrift');
    expect(escapeText('den 31.12.2019 # 2')).toBe('den 31.12.2019 # 2');
  });
});
