/**
 * The pictures Kilde draws, as PNG bytes with a file name and alt text: a name's timeline
 * and a period's days. Discord attaches them; the console writes them to files.
 */
import type { Timeline } from '../answers/timeline';
import type { WhatHappenedAnswer } from '../answers/types';
import type { Messages } from '../i18n';
import { formatSpan } from '../i18n/format';
import { slugify } from '../moderation/slug';
import { periodChart } from './period-chart';
import { svgToPng } from './png';
import { timelineChart } from './timeline-chart';

export interface Picture {
  name: string;
  png: Buffer;
  /** What the picture shows, for screen readers. */
  alt: string;
}

/** When a name is in the archive, as a picture. */
export function timelinePicture(timeline: Timeline, t: Messages): Picture {
  const chart = timelineChart(timeline, t);
  return {
    name: `${slugify(timeline.entity.name, 'timeline')}.png`,
    png: svgToPng(chart.svg),
    alt: chart.alt,
  };
}

/** The words under a timeline: its name, how many articles, on how many days it has dated events. */
export function timelineCaption(timeline: Timeline, t: Messages): string {
  const eventDays = new Set(timeline.events.map((e) => e.date)).size;
  return t.moderation.charts.timelineCaption(
    timeline.entity.name,
    timeline.articleCount,
    eventDays,
  );
}

/** A month's or a range's days, events per day with the busiest named; none without days. */
export function periodPicture(answer: WhatHappenedAnswer, t: Messages): Picture | undefined {
  if (answer.kind === 'invalid' || !answer.days || answer.days.length === 0) return undefined;
  const chart = periodChart(formatSpan(answer.span, t), answer.days, answer.busiest ?? [], t);
  return {
    name: `${answer.span.start}-${answer.span.end}.png`,
    png: svgToPng(chart.svg),
    alt: chart.alt,
  };
}
