/** True when every item's id comes after the one before it (as `<` orders strings). */
export function sortedById(items: readonly { id: string }[]): boolean {
  let before: string | undefined;
  for (const { id } of items) {
    if (before !== undefined && !(before < id)) return false;
    before = id;
  }
  return true;
}
