import { isMap, isScalar, isSeq, type Node, type ParsedNode } from 'yaml';
import type { AliasGroup, Problem, ProblemDetail } from './types';
import { nodeLine, parseYaml } from './yaml-lines';

/**
 * aliases.yml: names that mean one thing. Three shapes are accepted, so a moderator can
 * write whichever reads best:
 *
 *   - FN = De forente nasjoner = UN          # a line of names joined by " = "
 *   - [Kreml, Kremlin]                       # a YAML list
 *   Genève: [Geneva]                         # preferred name: other names (or one string)
 *
 * The first name is the preferred display name.
 */

export interface AliasParse {
  aliases: AliasGroup[];
  problems: Problem[];
  /** True when the file could not be read at all (so a reload may keep the old aliases). */
  failed: boolean;
}

export function parseAliases(file: string, content: string | Buffer): AliasParse {
  const text = (typeof content === 'string' ? content : content.toString('utf8')).replace(
    /\r\n?/g,
    '\n',
  );
  const problems: Problem[] = [];
  const parsed = parseYaml(text);
  if (parsed.errors.length > 0) {
    for (const error of parsed.errors) {
      problems.push({
        file,
        line: error.line,
        ...error.detail,
        reason: error.reason,
        severity: 'error',
      });
    }
    return { aliases: [], problems, failed: true };
  }

  const warn: Warn = (line, found) =>
    problems.push(
      line === undefined
        ? { ...found, file, severity: 'warning' }
        : { ...found, file, line, severity: 'warning' },
    );
  const lineOf = (node: unknown) => nodeLine(node, parsed.lineOf);
  const groups: AliasGroup[] = [];
  const addGroup = (names: string[], line: number | undefined) => {
    const cleaned = dedupe(names.map(cleanName).filter((name) => name !== ''));
    if (cleaned.length === 0) {
      warn(line, { code: 'alias-empty', params: {}, reason: 'empty alias entry is ignored' });
      return;
    }
    groups.push({ names: cleaned, line: line ?? 1 });
  };

  const contents = parsed.doc.contents;
  if (contents === null) return { aliases: [], problems, failed: false };
  if (isSeq(contents)) {
    for (const item of contents.items) {
      const names = namesOf(item);
      if (names) addGroup(names, lineOf(item));
      else
        warn(lineOf(item), {
          code: 'alias-entry-invalid',
          params: {},
          reason: 'alias entry must be "Name = Other name" or a list of names',
        });
    }
  } else if (isMap(contents)) {
    for (const pair of contents.items) {
      const preferred = isScalar(pair.key) ? String(pair.key.value ?? '') : '';
      const others = pair.value === null ? [] : namesOf(pair.value as ParsedNode);
      if (others) addGroup([preferred, ...others], lineOf(pair.key));
      else
        warn(lineOf(pair.key), {
          code: 'alias-names-invalid',
          params: { name: preferred },
          reason: `names for "${preferred}" must be text or a list of names`,
        });
    }
  } else {
    problems.push({
      file,
      line: 1,
      code: 'aliases-not-list',
      params: {},
      reason: 'aliases.yml must be a list, one "Name = Other name" entry per line',
      severity: 'error',
    });
    return { aliases: [], problems, failed: true };
  }

  warnAboutSharedNames(groups, warn);
  return { aliases: groups, problems, failed: false };
}

/** Names in one entry: "A = B = C", [A, B, C], or a bare single name. */
function namesOf(node: Node | ParsedNode | null | undefined): string[] | undefined {
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    return String(value).split('=');
  }
  if (isSeq(node)) {
    const names: string[] = [];
    for (const item of node.items) {
      if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) {
        return undefined;
      }
      names.push(String(item.value));
    }
    return names;
  }
  return undefined;
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Same name twice in one group (any case) adds nothing; keep the first spelling. */
function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLocaleLowerCase('nb');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Warn = (line: number | undefined, found: ProblemDetail & { reason: string }) => void;

/** A name in two groups makes it ambiguous which thing it means; say so, keep both. */
function warnAboutSharedNames(groups: readonly AliasGroup[], warn: Warn): void {
  const firstLine = new Map<string, number>();
  for (const group of groups) {
    for (const name of group.names) {
      const key = name.toLocaleLowerCase('nb');
      const earlier = firstLine.get(key);
      if (earlier === undefined) firstLine.set(key, group.line);
      else
        warn(group.line, {
          code: 'alias-shared',
          params: { name, otherLine: earlier },
          reason: `"${name}" is also listed on line ${earlier}; the two lines are not merged`,
        });
    }
  }
}
