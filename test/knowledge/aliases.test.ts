import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { problemText } from '../../src/i18n/problems';
import { parseAliases } from '../../src/knowledge/aliases';
import { YAML_MAX_CHARS, YAML_MAX_DEPTH } from '../../src/knowledge/yaml-lines';

describe('parseAliases', () => {
  it('reads " = " lines, YAML lists and a map, with the line of each group', () => {
    const content = [
      '# comment',
      '- NATO = Atlanterhavspakten =  North Atlantic Treaty Organization',
      '- [Oslo, Christiania, Kristiania]',
      '- Bergen',
      '',
      '- "WHO = Verdens helseorganisasjon"',
    ].join('\n');
    const { aliases, problems, failed } = parseAliases('aliases.yml', content);
    expect(failed).toBe(false);
    expect(problems).toEqual([]);
    expect(aliases).toEqual([
      { names: ['NATO', 'Atlanterhavspakten', 'North Atlantic Treaty Organization'], line: 2 },
      { names: ['Oslo', 'Christiania', 'Kristiania'], line: 3 },
      { names: ['Bergen'], line: 4 },
      { names: ['WHO', 'Verdens helseorganisasjon'], line: 6 },
    ]);
    const map = parseAliases('aliases.yml', 'Oslo: [Christiania]\nTrondheim: Nidaros\n');
    expect(map.aliases).toEqual([
      { names: ['Oslo', 'Christiania'], line: 1 },
      { names: ['Trondheim', 'Nidaros'], line: 2 },
    ]);
  });

  it('drops case duplicates inside a group and warns about names in two groups', () => {
    const { aliases, problems } = parseAliases(
      'aliases.yml',
      '- EU = eu = Den europeiske union\n- EFTA = EU\n',
    );
    expect(aliases[0]?.names).toEqual(['EU', 'Den europeiske union']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 2,
      severity: 'warning',
      code: 'alias-shared',
      params: { name: 'EU', otherLine: 1 },
    });
  });

  it('warns about entries of the wrong shape and keeps the rest', () => {
    const { aliases, problems, failed } = parseAliases(
      'aliases.yml',
      '- A = B\n- {x: 1}\n- C = D\n',
    );
    expect(failed).toBe(false);
    expect(aliases.map((group) => group.names[0])).toEqual(['A', 'C']);
    expect(problems[0]).toMatchObject({
      line: 2,
      severity: 'warning',
      code: 'alias-entry-invalid',
    });
  });

  it('reports broken YAML as an error with its line', () => {
    const { aliases, problems, failed } = parseAliases(
      'aliases.yml',
      '- A = B\n- C = D\n- [E, F\n- G = H\n',
    );
    expect(failed).toBe(true);
    expect(aliases).toEqual([]);
    expect(problems[0]?.severity).toBe('error');
    expect(problems[0]?.code).toBe('yaml-syntax');
    expect(problems[0]?.params).toHaveProperty('message', expect.any(String));
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]?.line).toBeLessThanOrEqual(4);
  });

  it('refuses YAML too large or too deeply nested with codes of their own, in both languages', () => {
    const deep = parseAliases('aliases.yml', `- ${'['.repeat(40)}A${']'.repeat(40)}\n`);
    expect(deep.failed).toBe(true);
    expect(deep.problems).toHaveLength(1);
    expect(deep.problems[0]).toMatchObject({
      file: 'aliases.yml',
      line: 1,
      severity: 'error',
      code: 'yaml-too-deep',
      params: { maxDepth: YAML_MAX_DEPTH },
    });
    const large = parseAliases('aliases.yml', '- A = B\n'.repeat(YAML_MAX_CHARS));
    expect(large.problems[0]).toMatchObject({
      code: 'yaml-too-large',
      params: { chars: 8 * YAML_MAX_CHARS, maxChars: YAML_MAX_CHARS },
    });
    const [tooDeep, tooLarge] = [deep.problems[0], large.problems[0]];
    if (!tooDeep || !tooLarge) throw new Error('expected both problems');
    expect(problemText(tooDeep, messages('nb'))).toBe(
      `YAML-delen er nøstet for dypt til å leses (mer enn ${YAML_MAX_DEPTH} nivåer)`,
    );
    expect(problemText(tooLarge, messages('en'))).toBe(
      `the YAML is too large to read (${8 * YAML_MAX_CHARS} characters, at most ${YAML_MAX_CHARS})`,
    );
  });

  it('accepts an empty file', () => {
    expect(parseAliases('aliases.yml', '# nothing yet\n')).toEqual({
      aliases: [],
      problems: [],
      failed: false,
    });
  });
});
