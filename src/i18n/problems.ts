import type { Problem } from '../knowledge/types';
import type { Messages } from './messages';

/**
 * A knowledge problem in the reader's language. The English `reason` is the fallback for a
 * code this catalog does not know (a problem restored from an older build, say).
 */
export function problemText(problem: Problem, t: Messages): string {
  const word: unknown = Object.hasOwn(t.problems, problem.code)
    ? t.problems[problem.code]
    : undefined;
  if (typeof word !== 'function') return problem.reason;
  // `code` and `params` are tied together by the Problem type, which TypeScript cannot
  // follow through an indexed lookup; each catalog function gets its own code's params.
  return String((word as (params: Problem['params']) => unknown)(problem.params ?? {}));
}

/** "file.md:12: text", the form editors know from compilers. */
export function problemWhere(problem: Problem): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
}
