/**
 * Kilde's answers at scale: the archive is built the way a moderator's reload builds it
 * (analysis on a worker thread, assembled here in slices), then each answer is timed as
 * the bot calls it: `/søk`, `/hvem`, `/hva-skjedde` and both autocompletes.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { suggestDays } from '../src/answers/days';
import { search } from '../src/answers/search';
import { whatHappened } from '../src/answers/what-happened';
import { who } from '../src/answers/who';
import { analyseAside } from '../src/archive/analyse-aside';
import { assemble } from '../src/archive/build';
import { parseDateQuery } from '../src/extract/dates';
import type { Article, LoadResult } from '../src/knowledge/types';
import { createLogger } from '../src/logger';
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
}

/** Discord shows at most 25 choices. */
const CHOICES = 25;

export async function measurePipeline(
  articles: Article[],
  searches: readonly string[],
  perSet: number,
): Promise<PipelineMeasurement> {
  const load: LoadResult = { articles, aliases: [], problems: [] };
  const logger = createLogger('warn');
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const t0 = performance.now();
  const { analysis, index } = await analyseAside(load, logger);
  const archive = await assemble(load, analysis, false, index);
  const buildMs = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();

  const entities = archive.entities.all();
  const sets = answerQueries(
    entities.map((e) => e.name),
    perSet,
  );
  const parse = (input: string) => {
    const parsed = parseDateQuery(input);
    return parsed.ok ? parsed.span : undefined;
  };
  // Warm up each answer once (first-use caches such as the day list are built here).
  await search(archive, sets.who[0] ?? 'test');
  await who(archive, sets.who[0] ?? 'test');
  await whatHappened(archive, sets.days[0] ?? '2010-01-01');
  await archive.entities.suggest(sets.namePrefixes[0] ?? 'a', CHOICES);
  await suggestDays(archive, sets.dayPrefixes[0] ?? '2010', CHOICES, parse);
  return {
    passages: articles.reduce((n, a) => n + a.passages.length, 0),
    buildMs,
    buildStallMs: histogram.max / 1e6,
    entities: entities.length,
    search: await latencyOfAsync(searches, (q) => search(archive, q)),
    who: await latencyOfAsync(sets.who, (q) => who(archive, q)),
    whatHappened: await latencyOfAsync(sets.days, (q) => whatHappened(archive, q)),
    nameAutocomplete: await latencyOfAsync(sets.namePrefixes, (q) =>
      archive.entities.suggest(q, CHOICES),
    ),
    dayAutocomplete: await latencyOfAsync(sets.dayPrefixes, (q) =>
      suggestDays(archive, q, CHOICES, parse),
    ),
  };
}
