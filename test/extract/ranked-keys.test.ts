/**
 * The prefix structure behind name autocomplete and close-name suggestions, checked against
 * a plain scan over the same keys on random data: any wrong range, wrong precomputed top
 * list or pruned branch in the trie walk makes the two disagree.
 */
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/extract/entities/directory';
import {
  type RankedKeys,
  RankedKeysBuilder,
  runSteps,
  runStepsAsync,
} from '../../src/extract/entities/ranked-keys';
import { seededRandom } from '../helpers/random';

type Postings = [key: string, rank: number][];

/** Many short keys over few letters, so prefixes are shared and some ranges are large. */
function randomPostings(seed: number, count: number, alphabet = 'abcdeé '): Postings {
  const random = seededRandom(seed);
  const pick = (s: string) => s[Math.floor(random() * s.length)] ?? 'a';
  const postings: Postings = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 7);
    let key = pick('aaab');
    while (key.length < length) key += pick(alphabet);
    // Ranks skewed low, so that the best ranks are shared by many keys.
    const rank = Math.floor(random() ** 2 * count);
    postings.push([key, rank]);
  }
  return postings;
}

function build(postings: Postings): RankedKeys {
  const builder = new RankedKeysBuilder();
  for (const [key, rank] of [...postings].sort((a, b) => a[1] - b[1])) builder.add(key, rank);
  return runSteps(builder.steps());
}

const ascendingUnique = (ranks: Iterable<number>) => [...new Set(ranks)].sort((a, b) => a - b);

function referenceTop(
  postings: Postings,
  match: (key: string) => boolean,
  limit: number,
  exclude: ReadonlySet<number>,
): number[] {
  return ascendingUnique(postings.filter(([key]) => match(key)).map(([, rank]) => rank))
    .filter((rank) => !exclude.has(rank))
    .slice(0, limit);
}

const nearPrefix = (typed: string, key: string, max: number) => {
  for (let end = 0; end <= key.length; end++) {
    if (editDistance(typed, key.slice(0, end), max) <= max) return true;
  }
  return false;
};

function referenceNear(
  postings: Postings,
  typed: string,
  max: number,
  sameFirst: boolean,
): Map<number, number> {
  const best = new Map<number, number>();
  for (const [key, rank] of postings) {
    if (sameFirst && key[0] !== typed[0]) continue;
    const distance = editDistance(typed, key, max);
    if (distance <= max && distance < (best.get(rank) ?? Number.POSITIVE_INFINITY))
      best.set(rank, distance);
  }
  return best;
}

/** What people type: beginnings of keys, keys with a slip, and unrelated strings. */
function queries(postings: Postings, seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = ['', 'a', 'ab', 'zzz', 'é'];
  for (let i = 0; i < count; i++) {
    const [key] = postings[Math.floor(random() * postings.length)] ?? ['a'];
    const cut = key.slice(0, 1 + Math.floor(random() * key.length));
    const at = Math.floor(random() * cut.length);
    const kind = Math.floor(random() * 4);
    if (kind === 0) out.push(cut);
    else if (kind === 1) out.push(`${cut.slice(0, at)}x${cut.slice(at + 1)}`);
    else if (kind === 2 && cut.length > 1)
      out.push(`${cut.slice(0, at)}${cut[at + 1] ?? ''}${cut[at] ?? ''}${cut.slice(at + 2)}`);
    else out.push(`${cut.slice(0, at)}${cut.slice(at + 1)}`);
  }
  return out;
}

// The reference scans are slow by design; generous, so that a loaded machine never fails them.
describe('RankedKeys against a scan of the same keys', { timeout: 300_000 }, () => {
  // 4,000 postings over mostly two first letters: the prefixes of one and two letters hold
  // more than a lookup reads, so their precomputed top lists are what is checked there.
  const postings = randomPostings(7, 4000);
  const keys = build(postings);
  const typed = queries(postings, 11, 120);

  it('gives the best ranks under a prefix, with and without exclusions, at any limit', () => {
    for (const [i, prefix] of typed.entries()) {
      for (const limit of [1, 5, 25, 60]) {
        const reference = referenceTop(postings, (k) => k.startsWith(prefix), limit, new Set());
        expect(keys.top(prefix, limit), `${prefix} / ${limit}`).toEqual(reference);
        // Autocomplete leaves out what an earlier tier already offered, and fills up.
        const exclude = new Set(reference.filter((_, j) => (i + j) % 3 === 0));
        for (const wanted of [limit, Math.max(0, limit - exclude.size)]) {
          expect(keys.top(prefix, wanted, exclude), `${prefix} / ${wanted} without some`).toEqual(
            referenceTop(postings, (k) => k.startsWith(prefix), wanted, exclude),
          );
        }
      }
    }
  });

  it('gives the best ranks of keys with a beginning within the bound', () => {
    for (const query of typed) {
      for (const max of [1, 2]) {
        const reference = referenceTop(postings, (k) => nearPrefix(query, k, max), 25, new Set());
        expect(keys.topNearPrefix(query, max, 25), `${query} ~${max}`).toEqual(reference);
      }
    }
  });

  it('finds the closest whole keys within the bound, by distance then rank, at any limit', () => {
    for (const [i, query] of typed.entries()) {
      for (const [max, sameFirst] of [
        [0, false],
        [1, false],
        [2, false],
        [2, true],
      ] as const) {
        const all = [...referenceNear(postings, query, max, sameFirst)].sort(
          (a, b) => a[1] - b[1] || a[0] - b[0],
        );
        // An incremental reload leaves some ranks out: they must not take a place.
        const exclude = new Set(all.filter((_, j) => (i + j) % 4 === 1).map(([rank]) => rank));
        for (const limit of [1, 5, 1e9]) {
          expect(
            keys.closest(query, max, limit, { sameFirst }),
            `${query} ~${max} ${sameFirst}`,
          ).toEqual(all.slice(0, limit));
          expect(keys.closest(query, max, limit, { sameFirst, exclude })).toEqual(
            all.filter(([rank]) => !exclude.has(rank)).slice(0, limit),
          );
        }
      }
    }
  });

  it('reads exact keys', () => {
    for (const [key] of postings.slice(0, 200)) {
      expect(keys.exact(key)).toEqual(referenceTop(postings, (k) => k === key, 1e9, new Set()));
    }
    expect(keys.exact('not a key')).toEqual([]);
  });

  it('builds the same in slices as at once', async () => {
    const builder = new RankedKeysBuilder();
    for (const [key, rank] of [...postings].sort((a, b) => a[1] - b[1])) builder.add(key, rank);
    let breaths = 0;
    const sliced = await runStepsAsync(builder.steps(), {
      due: () => true,
      breathe: async () => {
        breaths += 1;
      },
    });
    expect(breaths).toBeGreaterThan(1);
    for (const prefix of typed.slice(0, 50))
      expect(sliced.top(prefix, 25)).toEqual(keys.top(prefix, 25));
  });

  it('is empty when built from nothing', () => {
    const empty = build([]);
    expect(empty.top('a', 5)).toEqual([]);
    expect(empty.topNearPrefix('abc', 1, 5)).toEqual([]);
    expect(empty.closest('abc', 1, 5)).toEqual([]);
  });
});

/** Name-like keys of 3-22 characters over few letters: long names share long prefixes. */
function namePostings(seed: number, count: number): Postings {
  const random = seededRandom(seed);
  const syllables = ['an', 'ne', 'berg', 'dal', 'lie', 'sæ', ' ', 'haug', 'e', 'ter'];
  const postings: Postings = [];
  for (let i = 0; i < count; i++) {
    let key = random() < 0.5 ? 'a' : 'h';
    const length = 3 + Math.floor(random() * 20);
    while (key.length < length) key += syllables[Math.floor(random() * syllables.length)] ?? 'e';
    postings.push([key.trim() || 'a', Math.floor(random() ** 2 * count)]);
  }
  return postings;
}

// A branch is left once every key below is too short or too long for what the row still
// wants: a wrong bound there drops a key that a scan finds.
describe('RankedKeys close whole keys among long names', { timeout: 300_000 }, () => {
  const postings = namePostings(3, 3000);
  const keys = build(postings);
  // Whole keys with one to four slips after the first letter: what a `/hvem` miss looks like.
  const random = seededRandom(5);
  const typed = postings.slice(0, 80).map(([key]) => {
    let slipped = key;
    for (let slips = 1 + Math.floor(random() * 4); slips > 0; slips--) {
      const at = 1 + Math.floor(random() * Math.max(1, slipped.length - 1));
      const kind = Math.floor(random() * 3);
      if (kind === 0) slipped = `${slipped.slice(0, at)}x${slipped.slice(at + 1)}`;
      else if (kind === 1) slipped = `${slipped.slice(0, at)}${slipped.slice(at + 1)}`;
      else slipped = `${slipped.slice(0, at)}q${slipped.slice(at)}`;
    }
    return slipped;
  });

  it('finds every key within 3 edits that a scan finds, by distance then rank', () => {
    for (const query of typed) {
      for (const sameFirst of [true, false]) {
        const all = [...referenceNear(postings, query, 3, sameFirst)].sort(
          (a, b) => a[1] - b[1] || a[0] - b[0],
        );
        for (const limit of [1, 5, 1e9])
          expect(keys.closest(query, 3, limit, { sameFirst }), `${query} ${limit}`).toEqual(
            all.slice(0, limit),
          );
      }
    }
  });

  // A slip in the first letter is read from ranges, not walked: each kind has its own.
  it('finds beginnings with a slip in the first letter, each kind, as a scan does', () => {
    const slips = [
      (w: string) => `x${w.slice(1)}`,
      (w: string) => `x${w}`,
      (w: string) => w.slice(1),
      (w: string) => `${w.charAt(1)}${w.charAt(0)}${w.slice(2)}`,
    ];
    for (const [key] of postings.slice(0, 20))
      for (const slip of slips)
        for (const length of [2, 4, 7]) {
          const query = slip(key.slice(0, length));
          const reference = referenceTop(postings, (k) => nearPrefix(query, k, 1), 25, new Set());
          for (const limit of [1, 5, 25])
            expect(keys.topNearPrefix(query, 1, limit), `${query} / ${limit}`).toEqual(
              reference.slice(0, limit),
            );
        }
  });

  it('counts the trie nodes its walks step into', () => {
    const before = keys.walked;
    keys.closest(typed[0] ?? 'anne', 3, 5);
    expect(keys.walked).toBeGreaterThan(before);
  });
});

/** `key` with `slips` edits (a wrong, missing or extra letter, or a swap) at positions from `from` up to `to`. */
function slipped(
  key: string,
  slips: number,
  from: number,
  to: number,
  random: () => number,
): string {
  let out = key;
  for (let left = slips; left > 0; left--) {
    const span = Math.max(1, Math.min(to, out.length - 1) - from);
    const at = Math.min(out.length - 1, from + Math.floor(random() * span));
    const kind = Math.floor(random() * 4);
    if (kind === 0) out = `${out.slice(0, at)}x${out.slice(at + 1)}`;
    else if (kind === 1) out = `${out.slice(0, at)}${out.slice(at + 1)}`;
    else if (kind === 2) out = `${out.slice(0, at)}q${out.slice(at)}`;
    else out = `${out.slice(0, at)}${out[at + 1] ?? ''}${out[at] ?? ''}${out.slice(at + 2)}`;
  }
  return out;
}

// Close whole keys are found by two walks: forwards, few edits allowed until the first half
// of what was typed is matched, and over the keys spelt backwards, few until the second half
// is. A key whose slips all sit in one half, or straddle the split, is missed by one of
// them; were the other wrong, the scan would find a key the lookup does not.
describe('RankedKeys close whole keys, found from either end', { timeout: 300_000 }, () => {
  // Long shared beginnings and endings ("the …", "… hansen"): both walks meet crowds.
  const random = seededRandom(29);
  const words = ['the', 'an', 'ber', 'hansen', 'dal', 'lie', 'sæ', 'haug', 'e', 'ter', 'o'];
  const postings: Postings = [];
  for (let i = 0; i < 2500; i++) {
    const parts: string[] = [];
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--)
      parts.push(words[Math.floor(random() * words.length)] ?? 'e');
    const key = parts.join(random() < 0.5 ? ' ' : '');
    postings.push([key, Math.floor(random() ** 2 * 2500)]);
  }
  const keys = build(postings);
  const check = (query: string, max: number) => {
    for (const sameFirst of [false, true]) {
      const all = [...referenceNear(postings, query, max, sameFirst)].sort(
        (a, b) => a[1] - b[1] || a[0] - b[0],
      );
      for (const limit of [1, 5, 1e9])
        expect(keys.closest(query, max, limit, { sameFirst }), `${query} ~${max} ${limit}`).toEqual(
          all.slice(0, limit),
        );
    }
  };
  const long = postings.filter(([key]) => key.length >= 6).slice(0, 60);

  it('finds keys whose slips all sit in the beginning', () => {
    for (const [key] of long)
      for (const max of [1, 2, 3]) check(slipped(key, max, 1, key.length >> 1, random), max);
  });

  it('finds keys whose slips all sit in the ending', () => {
    for (const [key] of long)
      for (const max of [1, 2, 3])
        check(slipped(key, max, key.length >> 1, key.length, random), max);
  });

  it('finds keys with two letters swapped across the split', () => {
    for (const [key] of long) {
      const query = slipped(key, 0, 0, 0, random);
      const at = (query.length >> 1) - 1;
      const swapped = `${query.slice(0, at)}${query[at + 1]}${query[at]}${query.slice(at + 2)}`;
      for (const max of [1, 2, 3]) {
        check(swapped, max);
        // And with one more slip on either side.
        check(slipped(swapped, 1, 1, at, random), max);
        check(slipped(swapped, 1, at + 2, swapped.length, random), max);
      }
    }
  });

  it('holds the first letter backwards too: a key that only ends alike is not offered', () => {
    const near = build([
      ['anders hansen', 0],
      ['banders hansen', 1],
      ['xanders hansen', 2],
    ]);
    expect(near.closest('anders hanxen', 3, 5, { sameFirst: true })).toEqual([[0, 1]]);
    expect(near.closest('anders hanxen', 3, 5)).toEqual([
      [0, 1],
      [1, 2],
      [2, 2],
    ]);
  });

  it('spells keys backwards by code units, as it does what was typed', () => {
    const astral = build([
      ['𝒜nne 𝒵ahl', 0],
      ['anne dahl', 1],
      ['𝒜nne dahl', 2],
    ]);
    const postingsOf: Postings = [
      ['𝒜nne 𝒵ahl', 0],
      ['anne dahl', 1],
      ['𝒜nne dahl', 2],
    ];
    for (const query of ['𝒜nne 𝒵ahx', '𝒜nxe 𝒵ahl', 'anne 𝒵ahl', '𝒜nne dxhl'])
      for (const max of [1, 2, 3])
        expect(astral.closest(query, max, 5), `${query} ~${max}`).toEqual(
          [...referenceNear(postingsOf, query, max, false)].sort(
            (a, b) => a[1] - b[1] || a[0] - b[0],
          ),
        );
  });
});
