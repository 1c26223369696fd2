/**
 * Kilde's own analysed terms as a PostgreSQL `tsvector` literal, weighted by field. Cast
 * with `::tsvector`, a literal is taken as it is (no parser, no dictionary), so the database
 * holds exactly the terms the memory index holds: the same stems, compounds and names.
 */

/** Field weights: A ranks highest in `ts_rank_cd`, D lowest. */
// Compound parts share D with the text: ts_rank_cd has four weights (memory boosts them apart).
export const FIELD_WEIGHTS = {
  names: 'A',
  title: 'B',
  heading: 'C',
  text: 'D',
  parts: 'D',
} as const;
export type WeightedField = keyof typeof FIELD_WEIGHTS;

/** PostgreSQL's limit: positions above it are stored as the limit. */
const MAX_POSITION = 16_383;

/** A lexeme quoted for a tsvector or tsquery literal. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The literal for a passage: every term with its positions and the weight of the field it
 * came from. Positions run on across fields (text first), as if the fields were one text.
 */
export function tsvectorLiteral(fields: Partial<Record<WeightedField, readonly string[]>>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const field of ['text', 'parts', 'heading', 'title', 'names'] as const) {
    const weight = FIELD_WEIGHTS[field];
    for (const term of fields[field] ?? []) {
      // PostgreSQL refuses lexemes over 2 KB; no real word comes near.
      if (term.length === 0 || term.length > 500) continue;
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(term) ?? [];
      // A lexeme keeps at most 256 positions; more say nothing new about the passage.
      if (list.length < 256) list.push(`${position}${weight}`);
      positions.set(term, list);
    }
  }
  return [...positions].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ');
}
