/**
 * Kilde's answers at scale, on an archive built the way a moderator's reload builds it
 * (bench/archive.ts): each answer timed as the bot calls it (`/søk`, `/hvem`,
 * `/hva-skjedde` and both autocompletes), then all of them arriving together.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { search } from '../src/answers/search';
import { whatHappened } from '../src/answers/what-happened';
import { who } from '../src/answers/who';
import type { Archive } from '../src/archive/archive';
import { ArchiveView } from '../src/backend/memory';
import { answerQueries } from './queries';
import { type Latency, latencyOfAsync } from './timing';

export interface PipelineMeasurement {
  passages: number;
  buildMs: number;
  buildStallMs: number;
  entities: number;
  search: Latency;
  who: Latency;
  whatHappened: Latency;
  nameAutocomplete: Latency;
  dayAutocomplete: Latency;
  /** The longest event-loop stall while answers of every kind arrive every few ms. */
  servingStallMs: number;
}

/** How often a member's interaction arrives while the serving stall is measured. */
const ARRIVAL_MS = 5;

/** Discord shows at most 25 choices. */
const CHOICES = 25;

/**
 * Times each answer over a built archive, as the bot calls them (through the backend
 * boundary), and the longest stall while they arrive together.
 */
export async function timeAnswers(
  archive: Archive,
  searches: readonly string[],
  perSet: number,
  build: { buildMs: number; buildStallMs: number },
): Promise<PipelineMeasurement> {
  const entities = archive.entities.all();
  const sets = answerQueries(
    entities.map((e) => e.name),
    perSet,
  );
  // The answers read through the backend boundary, as the bot's do.
  const view = new ArchiveView(archive);
  // Warm up each answer once (first-use caches such as the day list are built here).
  await search(view, sets.who[0] ?? 'test');
  await who(view, sets.who[0] ?? 'test');
  await whatHappened(view, sets.days[0] ?? '2010-01-01');
  await view.suggestEntities(sets.namePrefixes[0] ?? 'a', CHOICES);
  await view.suggestDays(sets.dayPrefixes[0] ?? '2010', CHOICES);
  const timed = {
    search: await latencyOfAsync(searches, (q) => search(view, q)),
    who: await latencyOfAsync(sets.who, (q) => who(view, q)),
    whatHappened: await latencyOfAsync(sets.days, (q) => whatHappened(view, q)),
    nameAutocomplete: await latencyOfAsync(sets.namePrefixes, (q) =>
      view.suggestEntities(q, CHOICES),
    ),
    dayAutocomplete: await latencyOfAsync(sets.dayPrefixes, (q) => view.suggestDays(q, CHOICES)),
  };
  const asks: (() => Promise<unknown>)[] = [
    ...searches.map((q) => () => search(view, q)),
    ...sets.who.map((q) => () => who(view, q)),
    ...sets.days.map((q) => () => whatHappened(view, q)),
    ...sets.namePrefixes.map((q) => () => view.suggestEntities(q, CHOICES)),
    ...sets.dayPrefixes.map((q) => () => view.suggestDays(q, CHOICES)),
  ];
  return {
    passages: archive.passageById.size,
    ...build,
    entities: entities.length,
    ...timed,
    servingStallMs: await servingStall(asks),
  };
}

/**
 * Answers arriving one every ARRIVAL_MS, interleaved by kind, as a busy server sends them:
 * the event loop's longest delay meanwhile is what a member waits at worst on top of their
 * own answer.
 */
async function servingStall(asks: readonly (() => Promise<unknown>)[]): Promise<number> {
  const order = asks.map((ask, i) => ({ ask, key: (i * 7919) % asks.length }));
  order.sort((a, b) => a.key - b.key);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const pending: Promise<unknown>[] = [];
  for (const { ask } of order) {
    pending.push(ask());
    await new Promise((resolve) => setTimeout(resolve, ARRIVAL_MS));
  }
  await Promise.all(pending);
  histogram.disable();
  return histogram.max / 1e6;
}
