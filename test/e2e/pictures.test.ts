/**
 * Pictures end to end: the real bot process draws timelines and a period's days, and the
 * stand-in receives the multipart upload. Each picture is checked to be a PNG of sensible
 * size, with alt text in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { asObjects, asString, type JsonObject } from '../discord/json';
import type { RecordedAttachment, RecordedMessage } from '../discord/stand-in';
import { useBot } from './harness';

const EPHEMERAL = 64;
const ATTACHMENT_LIMIT = 10 * 1024 * 1024;

/** A coach in the news through the spring of 2021, each article dating a coming match. */
function coachArticles(): Record<string, string> {
  const files: Record<string, string> = {};
  const days = [
    '2021-01-08',
    '2021-01-22',
    '2021-02-05',
    '2021-02-12',
    '2021-02-26',
    '2021-03-05',
    '2021-03-12',
    '2021-03-19',
    '2021-03-26',
    '2021-04-09',
    '2021-04-23',
    '2021-05-07',
    '2021-05-21',
    '2021-06-04',
  ];
  days.forEach((day, i) => {
    const [, month, date] = day.split('-').map(Number);
    const matchDay = (date ?? 1) + 3;
    const monthName = ['januar', 'februar', 'mars', 'april', 'mai', 'juni'][(month ?? 1) - 1];
    files[`trener-${i}.md`] =
      `---\ntitle: Fjordby IL før kampen ${i + 1}\ndate: ${day}\n---\nTrener Solveig Haugland tar ut laget til kampen ${matchDay}. ${monthName}.\n\n– Vi er klare, sier Solveig Haugland til avisen.\n`;
  });
  files['ordforer.md'] =
    '---\ntitle: Ny bro i Fjordby\ndate: 2021-03-10\n---\nOrdfører Torleif Grimsrud åpnet den nye brua i Fjordby.\n';
  return files;
}

const e2e = useBot({ name: 'pictures', knowledge: coachArticles() });

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The one picture on a message: a PNG Discord can show inline, with alt text. */
function picture(message: RecordedMessage | undefined): RecordedAttachment {
  expect(message?.attachments).toHaveLength(1);
  const file = message?.attachments[0] as RecordedAttachment;
  expect(file.filename).toMatch(/\.png$/);
  const { width, height } = pngSize(file.bytes);
  expect(width).toBeGreaterThanOrEqual(600);
  expect(width).toBeLessThanOrEqual(1600);
  expect(height).toBeGreaterThanOrEqual(250);
  expect(height).toBeLessThanOrEqual(1000);
  expect(file.size).toBe(file.bytes.length);
  expect(file.size).toBeLessThan(ATTACHMENT_LIMIT);
  expect(file.description?.length ?? 0).toBeGreaterThan(20);
  return file;
}

async function command(name: string, options: { name: string; value: string }[], locale = 'no') {
  const handle = await e2e.standIn.sendCommand({ name, options, locale });
  const callback = await handle.callback(20_000);
  return { handle, callback, data: (callback.data ?? {}) as JsonObject };
}

describe('/tidslinje', () => {
  it('draws a name with many mentions, in Norwegian, with the events marked', async () => {
    const { handle, data } = await command('tidslinje', [
      { name: 'navn', value: 'Solveig Haugland' },
    ]);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const file = picture(handle.original());
    expect(file.description).toContain('14 artikler');
    expect(file.description).toContain('Solveig Haugland');
    expect(file.description).toMatch(/\d+ daterte hendelser/);
    const embed = asObjects(data.embeds as JsonObject[])[0] ?? {};
    expect((embed.image as JsonObject).url).toBe(`attachment://${file.filename}`);
  }, 60_000);

  it('draws a name with one mention, in English', async () => {
    const { handle } = await command(
      'tidslinje',
      [{ name: 'navn', value: 'Torleif Grimsrud' }],
      'en-US',
    );
    const file = picture(handle.original());
    expect(file.description).toContain('1 article mentioning Torleif Grimsrud');
  }, 60_000);

  it('answers an unknown name as /hvem does, without a picture', async () => {
    const { handle, data } = await command('tidslinje', [{ name: 'navn', value: 'Qwzx Ytrewq' }]);
    expect(JSON.stringify(data.embeds)).toContain(messages('nb').who.unknown('Qwzx Ytrewq'));
    expect(handle.original()?.attachments ?? []).toHaveLength(0);
  }, 60_000);
});

describe('the timeline button on a /hvem card', () => {
  it('sends the picture to whoever clicks, for them only', async () => {
    const { handle } = await command(
      'hvem',
      [{ name: 'navn', value: 'Solveig Haugland' }],
      'en-GB',
    );
    const card = handle.original();
    const ids = (card?.components ?? []).flatMap((row) =>
      asObjects(row.components).map((c) => asString(c.custom_id) ?? ''),
    );
    const timelineId = ids.find((id) => id.startsWith('tl:'));
    expect(timelineId).toBeDefined();
    const click = await e2e.standIn.clickButton({
      customId: timelineId ?? '',
      message: card ?? '',
      locale: 'en-GB',
      userId: '345678901234567890',
    });
    const callback = await click.callback(20_000);
    expect((callback.data as JsonObject).flags).toBe(EPHEMERAL);
    const file = picture(click.original());
    expect(file.description).toContain('14 articles');
  }, 60_000);
});

describe('/hva-skjedde for a month', () => {
  it('attaches the month day by day, naming the busiest days', async () => {
    const { handle } = await command('hva-skjedde', [{ name: 'dato', value: '2021-03' }]);
    const file = picture(handle.original());
    expect(file.description).toContain('mars 2021');
    expect(file.description).toContain('travlest');
  }, 60_000);

  it('attaches a picture for an empty month too', async () => {
    const { handle } = await command('hva-skjedde', [{ name: 'dato', value: '2021-09' }], 'en-US');
    const file = picture(handle.original());
    expect(file.description).toContain('0 dated events and 0 articles');
  }, 60_000);
});
