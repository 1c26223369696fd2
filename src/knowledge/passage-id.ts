/**
 * A passage's id: its article's id, '#', its position in the article ("a/b.md#3"). Made
 * here and split here, so that the loader's ids and the places that read an article or a
 * position back out of one (the passage lists, the day index, an update's merge inputs)
 * agree. An article's id is its file's path and may itself hold '#', so the split is at
 * the last one.
 */
export function passageId(articleId: string, position: number): string {
  return `${articleId}#${position}`;
}

/** Where `id` splits: the index of its last '#', or -1 when it has none. */
export function passageIdCut(id: string): number {
  return id.lastIndexOf('#');
}

/** The article's id in a passage id, or undefined when it is not one. */
export function articleIdOf(id: string): string | undefined {
  const cut = passageIdCut(id);
  return cut < 0 ? undefined : id.slice(0, cut);
}

/**
 * The position written after the cut at `cut` (from `passageIdCut`): plain decimal digits
 * only, or -1 when there are none or anything else follows. Read by hand rather than with
 * `Number`, which takes "", " 3" and "1e2": an update reads it for every passage it merges.
 */
export function positionAfter(id: string, cut: number): number {
  const from = cut + 1;
  if (cut < 0 || from >= id.length) return -1;
  let value = 0;
  for (let i = from; i < id.length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
