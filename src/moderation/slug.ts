/** Letters a file name keeps readable in ASCII: Norwegian ones first, then any accent dropped. */
const SPELLED_OUT: Record<string, string> = { æ: 'ae', ø: 'o', å: 'aa', ß: 'ss', þ: 'th' };
const MAX_SLUG = 60;

/**
 * A file-name-safe slug of a title: lowercase ASCII letters, digits and single dashes, at
 * most 60 characters cut at a dash. Never empty, never a dot-name, never a path.
 */
export function slugify(title: string, fallback = 'artikkel'): string {
  const ascii = title
    .toLowerCase()
    .replace(/[æøåßþ]/gu, (c) => SPELLED_OUT[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug || fallback;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > 20 ? cut.slice(0, dash) : slug.slice(0, MAX_SLUG)).replace(/-+$/g, '');
}
