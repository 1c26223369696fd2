import type { Timeline } from '../../answers/timeline';
import type { WhatHappenedAnswer } from '../../answers/types';
import { periodChart } from '../../charts/period-chart';
import { svgToPng } from '../../charts/png';
import { timelineChart } from '../../charts/timeline-chart';
import type { Messages } from '../../i18n';
import { formatSpan } from '../../i18n/format';
import { slugify } from '../../moderation/slug';
import type { ViewFile } from '../view';

/** A month's or a range's picture: events per day, the busiest days named. */
export function periodPicture(
  answer: Extract<WhatHappenedAnswer, { kind: 'found' | 'empty' }>,
  t: Messages,
): { files?: ViewFile[] } {
  if (!answer.days || answer.days.length === 0) return {};
  const chart = periodChart(formatSpan(answer.span, t), answer.days, answer.busiest ?? [], t);
  const name = `${answer.span.start}-${answer.span.end}.png`;
  return { files: [{ name, data: svgToPng(chart.svg), description: chart.alt }] };
}

/** When a name is in the archive, as a picture. */
export function timelinePicture(timeline: Timeline, t: Messages): ViewFile {
  const chart = timelineChart(timeline, t);
  return {
    name: `${slugify(timeline.entity.name, 'timeline')}.png`,
    data: svgToPng(chart.svg),
    description: chart.alt,
  };
}
