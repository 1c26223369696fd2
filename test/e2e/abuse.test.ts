/**
 * Abuse limits through the real bot process against the local Discord stand-in: one member
 * sending a hundred searches gets a bounded number answered and a localized, ephemeral
 * "try again in N s" for the rest, while another member is answered as usual; autocomplete
 * over its limit returns no choices; moderators' reloads at once all get the same report.
 * The refill is set to an hour here, so how many are answered does not depend on how fast
 * this machine is: exactly the burst.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { asObjects, type JsonObject } from '../discord/json';
import { useBot } from './harness';

const EPHEMERAL = 64;
const BURST = 5;
const nb = messages('nb');
const en = messages('en');
const SPAMMER = '400000000000000001';
const NEIGHBOUR = '400000000000000002';

const e2e = useBot({
  name: 'abuse',
  knowledge: 'shipped',
  standIn: { interactionDeadlineMs: 120_000 },
  env: {
    RATE_LIMIT_BURST: String(BURST),
    RATE_LIMIT_REFILL_MS: '3600000',
    AUTOCOMPLETE_LIMIT_BURST: '3',
    AUTOCOMPLETE_LIMIT_REFILL_MS: '3600000',
  },
});

const body = (data: unknown): JsonObject => (data ?? {}) as JsonObject;
/** The words of a "try again" reply, without its number. */
const slowDownWords = (t: typeof nb) => t.ops.slowDown(7).split('7')[0] ?? '';

describe('one member spamming /søk', () => {
  it('gets the burst answered publicly and "try again in N s" for the rest; a neighbour is unaffected', async () => {
    const handles = [];
    for (let i = 0; i < 100; i++) {
      handles.push(
        await e2e.standIn.sendCommand({
          name: 'søk',
          options: [{ name: 'tekst', value: 'Syria' }],
          userId: SPAMMER,
          locale: i % 2 ? 'no' : 'en-US',
        }),
      );
    }
    let publicAnswers = 0;
    let cooldowns = 0;
    for (const [i, handle] of handles.entries()) {
      const data = body((await handle.callback(60_000)).data);
      if ((data.flags ?? 0) === 0 && asObjects(data.embeds).length > 0) publicAnswers++;
      else {
        expect(data.flags).toBe(EPHEMERAL);
        expect(String(data.content)).toContain(slowDownWords(i % 2 ? nb : en));
        expect(data.allowed_mentions).toEqual({ parse: [] });
        cooldowns++;
      }
    }
    expect(publicAnswers).toBe(BURST);
    expect(cooldowns).toBe(100 - BURST);

    const neighbour = await e2e.standIn.sendCommand({
      name: 'søk',
      options: [{ name: 'tekst', value: 'Syria' }],
      userId: NEIGHBOUR,
    });
    const data = body((await neighbour.callback(60_000)).data);
    expect(data.flags ?? 0).toBe(0);
    expect(asObjects(data.embeds).length).toBeGreaterThan(0);
    // The limit is per command: the spammer may still ask who someone is.
    const who = await e2e.standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'assad' }],
      userId: SPAMMER,
    });
    expect(asObjects(body((await who.callback(60_000)).data).embeds)[0]?.title).toBe(
      'Bashar al-Assad',
    );
  });
});

describe('autocomplete', () => {
  it('over its own limit answers with no choices; others still get theirs', async () => {
    const choices = async (userId: string) => {
      const handle = await e2e.standIn.sendAutocomplete({
        name: 'hvem',
        options: [{ name: 'navn', value: 'as', focused: true }],
        userId,
      });
      return asObjects(body((await handle.callback(60_000)).data).choices as JsonObject[]);
    };
    const counts = [];
    for (let i = 0; i < 5; i++) counts.push((await choices(SPAMMER)).length);
    expect(counts.slice(0, 3).every((n) => n > 0)).toBe(true);
    expect(counts.slice(3)).toEqual([0, 0]);
    expect((await choices(NEIGHBOUR)).length).toBeGreaterThan(0);
  });
});

describe("moderators' reloads", () => {
  it('asked three times at once, queue behind each other and every reply gets a report', async () => {
    const handles = [];
    for (let i = 0; i < 3; i++) {
      handles.push(
        await e2e.standIn.sendCommand({
          name: 'kunnskap',
          options: [{ name: 'last-inn' }],
          roles: [e2e.standIn.guild.moderatorRoleId],
        }),
      );
    }
    const reports = await Promise.all(handles.map((h) => h.waitForEdit(1, 120_000)));
    for (const report of reports) {
      expect(report.ephemeral).toBe(true);
      expect(asObjects(report.embeds)[0]?.title).toBe(nb.knowledge.reloadTitle);
    }
    // However the three overlap in time (a quiet machine finishes the first before the
    // others arrive; a busy one queues two behind it), they report one knowledge base.
    const firstLines = reports.map(
      (r) => String(asObjects(r.embeds)[0]?.description ?? '').split('\n')[0],
    );
    expect(new Set(firstLines).size).toBe(1);
  });
});
