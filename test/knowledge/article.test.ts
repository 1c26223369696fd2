import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/knowledge/article';
import type { Article, Problem } from '../../src/knowledge/types';

const BODY_NB = [
  'Kommunestyret i Bergen vedtok tirsdag å bygge en ny bybane til Åsane. Vedtaket var enstemmig.',
  '',
  'Ordføreren sier arbeidet starter neste år. Foto: Kari Nordmann / NTB',
  '',
  'Kritikk fra naboene',
  '',
  '– Dette kommer til å ødelegge nabolaget, sier en beboer til avisen.',
  '',
  'Flere naboer har klaget på planene.',
].join('\n');

function parsed(file: string, content: string | Buffer): { article: Article; problems: Problem[] } {
  const result = parseArticleFile(file, content);
  if (!result.article)
    throw new Error(`expected an article, got ${JSON.stringify(result.problems)}`);
  return { article: result.article, problems: result.problems };
}

function errors(problems: Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error');
}

describe('parseArticleFile: front matter', () => {
  it('reads all fields and numbers passage lines from the top of the file', () => {
    const content = [
      '---',
      'title: Ny bybane til Åsane',
      'date: 2021-03-09',
      'url: https://example.org/bybane',
      'source: Eksempelavisen',
      'language: nb',
      'tags: [bergen, bybane]',
      '---',
      '',
      BODY_NB,
    ].join('\n');
    const { article, problems } = parsed('lokalt/bybane.md', content);
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      id: 'lokalt/bybane.md',
      file: 'lokalt/bybane.md',
      title: 'Ny bybane til Åsane',
      published: { start: '2021-03-09', end: '2021-03-09', granularity: 'day' },
      url: 'https://example.org/bybane',
      source: 'Eksempelavisen',
      language: 'nb',
      languageDetected: false,
      tags: ['bergen', 'bybane'],
    });
    expect(article.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(article.passages.map((p) => [p.index, p.line, p.heading])).toEqual([
      [0, 10, undefined],
      [1, 12, undefined],
      [2, 16, 'Kritikk fra naboene'],
      [3, 18, 'Kritikk fra naboene'],
    ]);
    expect(article.passages[1]?.id).toBe('lokalt/bybane.md#1');
    expect(article.passages[1]?.text).toBe('Ordføreren sier arbeidet starter neste år.');
    expect(article.passages[1]?.credits).toEqual(['Foto: Kari Nordmann / NTB']);
  });

  it('accepts a month date, quoted dates, language codes and a comma list of tags', () => {
    const content = `---\ntitle: "Tittel: med kolon"\ndate: '2019-02'\nlanguage: NOB\ntags: a, b\n---\n${BODY_NB}`;
    const { article, problems } = parsed('a.md', content);
    expect(problems).toEqual([]);
    expect(article.title).toBe('Tittel: med kolon');
    expect(article.published).toEqual({
      start: '2019-02-01',
      end: '2019-02-28',
      granularity: 'month',
    });
    expect(article.language).toBe('nb');
    expect(article.tags).toEqual(['a', 'b']);
    const nynorsk = parsed('b.md', `---\ntitle: T\ndate: 2020-02\nlanguage: nno\n---\n${BODY_NB}`);
    expect(nynorsk.article.language).toBe('nn');
    expect(nynorsk.article.published.end).toBe('2020-02-29');
  });

  it('reports broken YAML with the file line and loads nothing', () => {
    const content = `---\ntitle: Tittel\ndate: 2021-03-09\nurl: "https://x.org" ekstra\n---\n${BODY_NB}`;
    const result = parseArticleFile('broken.md', content);
    expect(result.article).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'broken.md', line: 4, severity: 'error' });
    expect(result.problems[0]?.reason).toMatch(/YAML/);
    expect(result.problems[0]?.code).toBe('yaml-syntax');
  });

  it('refuses front matter nested too deeply with its own code, not as a syntax error', () => {
    const content = `---\ntitle: Tittel\ndate: 2021-03-09\ntags: ${'['.repeat(20)}x${']'.repeat(20)}\n---\n${BODY_NB}`;
    const result = parseArticleFile('deep.md', content);
    expect(result.article).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      file: 'deep.md',
      line: 2,
      severity: 'error',
      code: 'yaml-too-deep',
    });
  });

  it('rejects an impossible date, naming the date line', () => {
    for (const bad of ['2021-02-30', '2021-13-01', '9.3.2021', '20210309']) {
      const result = parseArticleFile(
        'x.md',
        `---\ntitle: T\nsource: S\ndate: ${bad}\n---\n${BODY_NB}`,
      );
      expect(result.article, bad).toBeUndefined();
      expect(errors(result.problems)[0], bad).toMatchObject({ line: 4, severity: 'error' });
    }
  });

  it('gives each date problem a code and the date as written, for the catalogs', () => {
    const codeOf = (date: string) =>
      parseArticleFile(
        'x.md',
        `---
title: T
date: ${date}
---
${BODY_NB}`,
      ).problems[0];
    expect(codeOf('2023-13-45')).toMatchObject({
      code: 'date-invalid',
      params: { value: '2023-13-45', place: 'front-matter' },
    });
    expect(codeOf('2021-02-30')?.code).toBe('date-invalid');
    expect(codeOf('9.3.2021')).toMatchObject({
      code: 'date-format',
      params: { value: '9.3.2021' },
    });
    expect(codeOf('20210309')).toMatchObject({
      code: 'date-number',
      params: { value: '20210309' },
    });
    expect(codeOf('')).toMatchObject({ code: 'date-empty', params: {} });
    const token = parseArticleFile(
      't.txt',
      `date 2021-02-30

${BODY_NB}`,
    ).problems[0];
    expect(token).toMatchObject({
      code: 'date-invalid',
      params: { value: '2021-02-30', place: 'text-start' },
      line: 1,
    });
    const none = parseArticleFile(
      'nodate.md',
      `---
title: T
---
${BODY_NB}`,
    ).problems[0];
    expect(none?.code).toBe('date-missing');
  });

  it('rejects a file without any date', () => {
    const result = parseArticleFile('nodate.md', `---\ntitle: T\n---\n${BODY_NB}`);
    expect(result.article).toBeUndefined();
    expect(errors(result.problems)[0]?.reason).toMatch(/no publication date/);
  });

  it('handles a YAML Date object (from YAML 1.1 parsers) like the written date', () => {
    const content = `---\ntitle: T\ndate: !!timestamp 2021-03-09\n---\n${BODY_NB}`;
    const { article } = parsed('ts.md', content);
    expect(article.published.start).toBe('2021-03-09');
  });

  it('warns about unknown keys and bad optional fields but still loads', () => {
    const content = [
      '---',
      'title: T',
      'date: 2021-03-09',
      'author: Ola',
      'url: ftp://example.org/x',
      'language: tysk',
      '---',
      BODY_NB,
    ].join('\n');
    const { article, problems } = parsed('warn.md', content);
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [4, 'warning'],
      [5, 'warning'],
      [6, 'warning'],
    ]);
    expect(problems[0]?.reason).toMatch(/author/);
    expect(problems.map((p) => [p.code, p.params])).toEqual([
      ['field-unknown', { field: 'author', known: expect.stringContaining('date') }],
      ['url-invalid', { value: 'ftp://example.org/x' }],
      ['language-unknown', { value: 'tysk' }],
    ]);
    expect(article.url).toBeUndefined();
    expect(article.languageDetected).toBe(true);
  });

  it('derives a missing title from a # heading, else the first sentence, and warns', () => {
    const withHeading = parsed(
      'h.md',
      `---\ndate: 2021-03-09\n---\n# Bybanen kommer\n\n${BODY_NB}`,
    );
    expect(withHeading.article.title).toBe('Bybanen kommer');
    expect(withHeading.article.passages[0]?.heading).toBeUndefined();
    const withoutHeading = parsed('s.md', `---\ndate: 2021-03-09\n---\n${BODY_NB}`);
    expect(withoutHeading.article.title).toBe(
      'Kommunestyret i Bergen vedtok tirsdag å bygge en ny bybane til Åsane',
    );
    expect(
      withoutHeading.problems.some((p) => p.severity === 'warning' && /title/.test(p.reason)),
    ).toBe(true);
  });

  it('warns when the file name date disagrees with the front matter date', () => {
    const { problems } = parsed(
      '2021-03-10-bybane.md',
      `---\ntitle: T\ndate: 2021-03-09\n---\n${BODY_NB}`,
    );
    expect(problems.some((p) => p.severity === 'warning' && /file name/.test(p.reason))).toBe(true);
  });

  it('tolerates blank lines inside the front matter (as some formatters write it)', () => {
    const { article, problems } = parsed(
      'f.md',
      `---\n\ntitle: T\ndate: 2021-03-09\n\n---\n${BODY_NB}`,
    );
    expect(problems).toEqual([]);
    expect(article.published.start).toBe('2021-03-09');
    expect(article.passages[0]?.line).toBe(7);
  });

  it('reports a front matter that is never closed', () => {
    const result = parseArticleFile('open.md', `---\ntitle: T\ndate: 2021-03-09\n${BODY_NB}`);
    expect(result.article).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ line: 1, severity: 'error' });
  });
});

describe('parseArticleFile: raw text', () => {
  it('reads a leading date token, drops it from the text and keeps line numbers', () => {
    const { article, problems } = parsed('a.txt', ` date 2021-03 ${BODY_NB}`);
    expect(problems).toEqual([]);
    expect(article.published).toEqual({
      start: '2021-03-01',
      end: '2021-03-31',
      granularity: 'month',
    });
    expect(article.passages[0]?.text.startsWith('Kommunestyret i Bergen')).toBe(true);
    expect(article.passages[0]?.line).toBe(1);
    expect(article.passages[2]?.line).toBe(7);
    expect(article.title).toBe(
      'Kommunestyret i Bergen vedtok tirsdag å bygge en ny bybane til Åsane',
    );
    expect(article.languageDetected).toBe(true);
    expect(article.language).toBe('nb');
  });

  it('accepts a date token on its own line with a day', () => {
    const { article } = parsed('b.txt', `\ndate 2021-03-09\n\n${BODY_NB}`);
    expect(article.published.granularity).toBe('day');
    expect(article.passages[0]?.line).toBe(4);
  });

  it('reports an invalid date token with its line', () => {
    const result = parseArticleFile('c.txt', `\n\ndate 2021-02-31\n${BODY_NB}`);
    expect(result.article).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ line: 3, severity: 'error' });
  });

  it('takes the date from the file name when the text has none', () => {
    const { article, problems } = parsed('arkiv/2021-03-09-bybane.txt', BODY_NB);
    expect(problems).toEqual([]);
    expect(article.published.start).toBe('2021-03-09');
  });

  it('refuses raw text without any date', () => {
    const result = parseArticleFile('bybane.txt', BODY_NB);
    expect(result.article).toBeUndefined();
    expect(result.problems[0]?.severity).toBe('error');
    expect(result.problems[0]?.reason).toMatch(/no publication date/);
  });

  it('cuts a long first sentence at a word boundary for the title', () => {
    const sentence =
      'Statsministeren la fram en ny plan for klimatiltak i transportsektoren, landbruket og industrien på en pressekonferanse. Mer tekst.';
    const { article } = parsed('2021-01-01-klima.txt', sentence);
    expect(article.title.length).toBeLessThanOrEqual(80);
    expect(sentence.startsWith(article.title)).toBe(true);
    expect(article.title).not.toMatch(/[.,;:!? ]$/);
    expect(sentence.slice(article.title.length)).toMatch(/^[,;:]?\s/);
  });

  it('uses a lone short first line as the title of raw text', () => {
    const { article } = parsed('2021-01-01-a.txt', `Ny bybane vedtatt\n\n${BODY_NB}`);
    expect(article.title).toBe('Ny bybane vedtatt');
    expect(article.passages[0]?.heading).toBeUndefined();
    expect(article.passages[0]?.line).toBe(3);
  });
});

describe('parseArticleFile: headings, credits, markup', () => {
  it('tells sub-headings from sentences and quotes', () => {
    const text = [
      'Første avsnitt forteller hva som skjedde i går.',
      '',
      'Dette er ikke en overskrift.',
      '',
      'Neste steg',
      '',
      '– Vi gir oss ikke',
      '',
      'Hva skjer nå?',
      '',
      'En overskrift som er altfor lang til å være en overskrift i en avis',
      '',
      'Siste avsnitt.',
      '',
      '– Kort sitat',
      '',
      'Avsnitt under sitatoverskriften.',
      '',
      'Ikke overskrift når ingenting følger',
      '',
      'Foto: NTB',
    ].join('\n');
    const { article } = parsed('2021-01-01-h.txt', text);
    expect(article.passages.map((p) => [p.heading, p.text])).toEqual([
      [undefined, 'Første avsnitt forteller hva som skjedde i går.'],
      [undefined, 'Dette er ikke en overskrift.'],
      ['Neste steg', '– Vi gir oss ikke'],
      ['Neste steg', 'Hva skjer nå?'],
      ['Neste steg', 'En overskrift som er altfor lang til å være en overskrift i en avis'],
      ['Neste steg', 'Siste avsnitt.'],
      // A dash line of three words or fewer is a quote-heading, as news style writes them.
      ['– Kort sitat', 'Avsnitt under sitatoverskriften.'],
      ['– Kort sitat', 'Ikke overskrift når ingenting følger'],
    ]);
  });

  it('removes photo credits at paragraph end and on their own lines', () => {
    const text = [
      'Brannen startet natt til søndag. Foto: Ola Nordmann / NTB',
      '',
      'Foto: AP',
      '',
      'Mannskapene jobbet hele natten.',
      'Photo: Reuters',
      '',
      'Brannsjefen var fornøyd. (FOTO: Scanpix)',
      '',
      'Ordet Foto: brukes også i tekst som dette her, midt i en setning som fortsetter videre og videre.',
    ].join('\n');
    const { article } = parsed('2021-01-01-brann.txt', text);
    expect(article.passages.map((p) => p.text)).toEqual([
      'Brannen startet natt til søndag.',
      'Mannskapene jobbet hele natten.',
      'Brannsjefen var fornøyd.',
      'Ordet Foto: brukes også i tekst som dette her, midt i en setning som fortsetter videre og videre.',
    ]);
    expect(article.passages.flatMap((p) => p.credits ?? [])).toEqual([
      'Foto: Ola Nordmann / NTB',
      'Photo: Reuters',
      'FOTO: Scanpix',
    ]);
  });

  it('strips Markdown markup but keeps link text, and honours ## headings', () => {
    const text = [
      '---',
      'title: T',
      'date: 2021-01-01',
      '---',
      'Dette er **viktig** og *litt* _mindre_ viktig, se [rapporten](https://example.org/r).',
      '## Bakgrunn: lang historie med kolon.',
      'Saken startet i `2019` med et ![bilde](x.png) møte i file_name_x.',
      '',
      '> Et sitat fra lederen.',
    ].join('\n');
    const { article } = parsed('md.md', text);
    expect(article.passages.map((p) => [p.heading, p.text, p.line])).toEqual([
      [undefined, 'Dette er viktig og litt mindre viktig, se rapporten.', 5],
      ['Bakgrunn: lang historie med kolon.', 'Saken startet i 2019 med et møte i file_name_x.', 7],
      ['Bakgrunn: lang historie med kolon.', 'Et sitat fra lederen.', 9],
    ]);
  });

  it('does not strip markup from .txt files', () => {
    const { article } = parsed('2021-01-01-a.txt', 'Regnestykket 2 * 3 * 4 er **ikke** vanskelig.');
    expect(article.passages[0]?.text).toBe('Regnestykket 2 * 3 * 4 er **ikke** vanskelig.');
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    const { article } = parsed(
      '2021-01-01-w.txt',
      'Første linje\nfortsetter her.\n\nNytt avsnitt.',
    );
    expect(article.passages.map((p) => [p.text, p.line])).toEqual([
      ['Første linje fortsetter her.', 1],
      ['Nytt avsnitt.', 4],
    ]);
  });
});

describe('parseArticleFile: language', () => {
  it('detects Nynorsk and English bodies', () => {
    const nn =
      'Kommunestyret vedtok i går å byggje ein ny skule. Dei fleste var nøgde, men nokre meinte at det ikkje var pengar nok.';
    const en =
      'The city council voted on Tuesday to build a new school. Most members were happy with the plan.';
    expect(parsed('2021-01-01-nn.txt', nn).article).toMatchObject({
      language: 'nn',
      languageDetected: true,
    });
    expect(parsed('2021-01-01-en.txt', en).article).toMatchObject({
      language: 'en',
      languageDetected: true,
    });
  });

  it('marks a clearly English quote in a Norwegian article as English', () => {
    const text = `${BODY_NB}\n\nThe mayor said in a statement that the new line will be built as soon as the money is in place.`;
    const { article } = parsed('2021-01-01-mix.txt', text);
    expect(article.language).toBe('nb');
    expect(article.passages.at(-1)?.language).toBe('en');
    expect(article.passages[0]?.language).toBe('nb');
  });
});

describe('parseArticleFile: bytes', () => {
  it('rejects invalid UTF-8 with its line, NUL bytes, empty and huge files', () => {
    const latin1 = Buffer.concat([
      Buffer.from('date 2021-01-01\nLinje to\n'),
      Buffer.from([0x66, 0xe6, 0x72]),
    ]);
    const invalid = parseArticleFile('l.txt', latin1);
    expect(invalid.article).toBeUndefined();
    expect(invalid.problems[0]).toMatchObject({ line: 3, severity: 'error' });
    expect(invalid.problems[0]?.reason).toMatch(/UTF-8/);

    const nul = parseArticleFile('n.txt', Buffer.from('date 2021-01-01 Tekst\u0000her'));
    expect(nul.problems[0]?.reason).toMatch(/NUL/);

    for (const empty of ['', '  \n\n ']) {
      expect(parseArticleFile('e.txt', empty).problems[0]?.reason).toMatch(/empty/);
    }
    const huge = parseArticleFile('h.txt', Buffer.alloc(2 * 1024 * 1024 + 1, 0x61));
    expect(huge.problems[0]?.reason).toMatch(/512 KB/);
    expect([invalid, nul, huge].map((r) => r.problems[0]?.code)).toEqual([
      'file-not-utf8',
      'file-binary',
      'file-too-large',
    ]);
    expect(huge.problems[0]?.params).toEqual({ bytes: 2 * 1024 * 1024 + 1, limitKb: 512 });
  });

  it('reports a file with only a date and no text', () => {
    const result = parseArticleFile('d.txt', 'date 2021-01-01\n\n');
    expect(result.article).toBeUndefined();
    expect(result.problems[0]?.reason).toMatch(/no text/);
  });

  it('reads CRLF files with the same lines and hashes the bytes', () => {
    const lf = parsed('2021-01-01-a.txt', BODY_NB);
    const crlf = parsed('2021-01-01-a.txt', BODY_NB.replace(/\n/g, '\r\n'));
    expect(crlf.article.passages).toEqual(lf.article.passages);
    expect(crlf.article.hash).not.toBe(lf.article.hash);
  });
});
