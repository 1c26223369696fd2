/**
 * End to end, the real bot process against the stand-in: one user's 100,000-character
 * `/hva-skjedde dato:` and `/søk tekst:` (delivered although over `max_length`, as if the
 * registered definitions had drifted) do not hold up another user's `/hvem`. Every
 * interaction is acknowledged within the stand-in's interaction deadline (a late answer
 * is refused with 10062, as Discord does); no assertion reads the clock.
 */
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../src/answers/query-text';
import { messages } from '../../src/i18n';
import { asObjects, type JsonObject } from '../discord/json';
import { useBot } from './harness';

const EPHEMERAL = 64;
const nb = messages('nb');
const HOSTILE_USER = '456789012345678901';
const OTHER_USER = '567890123456789012';

const e2e = useBot({ name: 'hostile', knowledge: 'shipped' });

const data = (callback: { data?: unknown }) => (callback.data ?? {}) as JsonObject;

describe('one user flooding with huge options', () => {
  it('does not delay another user: every interaction is acknowledged within the deadline', async () => {
    const huge = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    // The hostile requests go first, back to back; the other user's question right after.
    const hostile = await Promise.all([
      e2e.standIn.sendCommand({
        name: 'hva-skjedde',
        userId: HOSTILE_USER,
        unchecked: true,
        options: [{ name: 'dato', value: huge('\\') }],
      }),
      e2e.standIn.sendCommand({
        name: 'søk',
        userId: HOSTILE_USER,
        unchecked: true,
        options: [{ name: 'tekst', value: huge('**@everyone <@&123> ') }],
      }),
      e2e.standIn.sendCommand({
        name: 'hva-skjedde',
        userId: HOSTILE_USER,
        unchecked: true,
        options: [{ name: 'dato', value: huge('2017-02-30 ') }],
      }),
    ]);
    const other = await e2e.standIn.sendCommand({
      name: 'hvem',
      userId: OTHER_USER,
      options: [{ name: 'navn', value: 'assad' }],
    });

    const answer = await other.callback();
    expect(answer.type).toBe(4);
    expect(asObjects(data(answer).embeds)[0]?.title).toMatch(/Assad/u);
    const [dateRefusal, searchRefusal, impossibleRefusal] = await Promise.all(
      hostile.map((h) => h.callback()),
    );
    expect(data(dateRefusal ?? {})).toMatchObject({
      flags: EPHEMERAL,
      content: nb.errors.tooLong(INPUT_LIMITS.date),
      allowed_mentions: { parse: [] },
    });
    expect(data(searchRefusal ?? {}).content).toBe(nb.errors.tooLong(INPUT_LIMITS.text));
    expect(data(impossibleRefusal ?? {}).content).toBe(nb.errors.tooLong(INPUT_LIMITS.date));
    // No answer came too late: Discord (and the stand-in) refuse those with 10062.
    for (const handle of [...hostile, other]) {
      expect(handle.attempts().map((a) => a.errorCode)).toEqual([null]);
    }
  });
});
