import type { InputError } from './types';

/** Longest input any command accepts: longer is an error, not a silent cut. */
export const MAX_QUERY_CHARS = 200;

/**
 * Tidies what a user typed: collapses white space, drops a trailing question mark and
 * the question's lead words ("hvem er", "who is"), so `/hvem hvem er Støre?` still works.
 */
export function tidyQuery(raw: string, leadWords: readonly RegExp[] = []): string {
  let text = raw.replace(/\s+/g, ' ').trim();
  for (const lead of leadWords) text = text.replace(lead, '');
  return text.replace(/[?!.]+$/u, '').trim();
}

export function checkQuery(text: string): InputError | undefined {
  if (text.length === 0) return 'empty';
  if (text.length > MAX_QUERY_CHARS) return 'too-long';
  return undefined;
}
