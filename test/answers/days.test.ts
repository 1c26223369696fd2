/**
 * Day autocomplete and "nearest days" read a sorted index of the archive's days; checked
 * through the answers against sorting every day by distance, on random publication dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../src/extract/dates/calendar';
import { tempKnowledge } from '../helpers/kb';
import { seededRandom } from '../helpers/random';

const random = seededRandom(17);
/** 60 articles on random days of 2019-2020, some sharing a day; bodies that date nothing. */
const dates = Array.from({ length: 60 }, () => addDays('2019-01-01', Math.floor(random() * 730)));
const files = Object.fromEntries(
  dates.map((date, i) => [
    `sak-${String(i).padStart(2, '0')}.md`,
    `---\ntitle: Sak nummer ${i}\ndate: ${date}\nlanguage: nb\n---\nKommunestyret behandlet sak nummer ${i}.\n`,
  ]),
);
const days = [...new Set(dates)].sort();

/** The reference: every day sorted by distance to the span, the earlier first on ties. */
function nearestByScan(start: string, end: string, limit: number): string[] {
  const from = toDayNumber(start);
  const to = toDayNumber(end);
  const distance = (d: string) => {
    const n = toDayNumber(d);
    return n < from ? from - n : n > to ? n - to : 0;
  };
  return [...days]
    .sort((a, b) => distance(a) - distance(b) || a.localeCompare(b))
    .slice(0, limit)
    .sort();
}

describe('day autocomplete and nearest days', () => {
  let kb: Awaited<ReturnType<typeof tempKnowledge>>;
  beforeAll(async () => {
    kb = await tempKnowledge(files);
  });
  afterAll(() => kb.cleanup());

  it('completes the beginning of an ISO day in date order', async () => {
    for (const typed of ['2019', '2019-0', '2020-1', '2019-06', days[5] ?? '', '2021']) {
      for (const limit of [3, 25]) {
        const got = (await kb.kilde.suggestDays(typed, limit)).map((d) => d.date);
        const want = days.filter((d) => d.startsWith(typed)).slice(0, limit);
        if (want.length > 0) expect(got, typed).toEqual(want);
        else expect(got.length, typed).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('offers the nearest days to a date that has none, as sorting every day would', async () => {
    const probe = seededRandom(3);
    for (let i = 0; i < 40; i++) {
      const day = addDays('2018-12-01', Math.floor(probe() * 800));
      if (days.includes(day)) continue;
      const [y, m, d] = day.split('-');
      for (const limit of [1, 5, 25]) {
        expect(
          (await kb.kilde.suggestDays(`${d}.${m}.${y}`, limit)).map((s) => s.date),
          `${day} / ${limit}`,
        ).toEqual(nearestByScan(day, day, limit));
      }
      // `/hva-skjedde` on an empty day names the four nearest.
      const answer = await kb.kilde.whatHappened(day);
      expect(answer.kind).toBe('empty');
      if (answer.kind === 'empty')
        expect(answer.nearest.map((s) => s.date)).toEqual(nearestByScan(day, day, 4));
    }
  });

  it('puts the days with most content first when nothing is typed', async () => {
    const got = await kb.kilde.suggestDays('', 25);
    const count = (date: string) => dates.filter((d) => d === date).length;
    const want = [...days].sort((a, b) => count(b) - count(a) || b.localeCompare(a)).slice(0, 25);
    expect(got.map((d) => d.date)).toEqual(want);
    expect(got[0]?.published).toBe(count(want[0] ?? ''));
    expect(got[0]?.preview).toMatch(/^Sak nummer \d+$/);
  });
});
