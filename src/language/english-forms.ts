import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * English irregular verb forms ("took", "went", "made") and their base forms, from
 * `lexicon/english-irregular.tsv`. The Snowball stemmer leaves them apart from the base
 * form, while the lexicon and the phrase table are keyed by base forms.
 */

const FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'lexicon',
  'english-irregular.tsv',
);

/** Parses "base<TAB>form form..." lines into form -> base. */
export function parseIrregularForms(text: string): ReadonlyMap<string, string> {
  const baseOf = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim().length === 0) continue;
    const [base, forms] = line.split('\t');
    if (!base || !forms) continue;
    for (const form of forms.split(' ')) if (form.length > 0) baseOf.set(form, base);
  }
  return baseOf;
}

let loaded: ReadonlyMap<string, string> | undefined;

/** The base form of a case-folded English word ("took" -> "take"); the word itself otherwise. */
export function englishBaseForm(folded: string): string {
  loaded ??= parseIrregularForms(readFileSync(FILE, 'utf8'));
  return loaded.get(folded) ?? folded;
}
