import type { Timeline } from '../answers/timeline';
import { addDays, parseIsoDate } from '../extract/dates/calendar';
import type { Messages } from '../i18n';
import { formatDay } from '../i18n/format';
import {
  axisLabels,
  card,
  dayScale,
  diamond,
  heading,
  legendRow,
  type Plot,
  valueAxis,
} from './axis';
import { el, svgDocument, text } from './svg';
import { HEIGHT, THEME, WIDTH } from './theme';

export interface Chart {
  svg: string;
  /** What the picture shows, in words: the attachment's description (alt text). */
  alt: string;
}

const PLOT: Plot = { left: 70, right: WIDTH - 28, top: 104, bottom: 290 };
const MARK_Y = 306;
const LABEL_Y = 340;
const LEGEND_Y = 380;
/** Counts are written over the bars when there are this few of them: exact numbers beat gridlines. */
const LABELLED_BARS = 14;
/** Wider bars than this read as blocks, not counts. */
const MAX_BAR = 56;

/**
 * When a name is in the archive: one bar per week, month or year across the archive's span
 * (articles that mention it), and a diamond under the axis on each day the text dates an
 * event in a passage that names it.
 */
export function timelineChart(timeline: Timeline, t: Messages): Chart {
  const c = t.moderation.charts;
  const { periods, events } = timeline;
  const first = periods[0]?.start ?? '';
  const last = periods[periods.length - 1]?.end ?? '';
  const per =
    timeline.bucket === 'week' ? c.perWeek : timeline.bucket === 'month' ? c.perMonth : c.perYear;
  const title = c.timelineTitle(timeline.entity.name);
  const eventDays = [...new Set(events.map((e) => e.date))];
  const subtitle = c.timelineSubtitle(timeline.articleCount, eventDays.length, per);
  const parts = [card(WIDTH, HEIGHT), heading(title, subtitle, WIDTH)];
  if (!first || !last) {
    parts.push(centred(c.noMentions));
    return { svg: svgDocument(WIDTH, HEIGHT, ...parts), alt: c.noMentions };
  }
  const x = dayScale(first, last, PLOT);
  const top = Math.max(1, ...periods.map((p) => p.articles));
  const axis = valueAxis(top, PLOT);
  parts.push(axis.svg);
  const nonEmpty = periods.filter((p) => p.articles > 0).length;
  for (const period of periods) {
    if (period.articles === 0) continue;
    const x0 = x(period.start);
    const x1 = x(addDays(period.end, 1));
    const gap = Math.min(3, (x1 - x0) * 0.15);
    const width = Math.min(MAX_BAR, Math.max(4, x1 - x0 - gap * 2));
    const centre = (x0 + x1) / 2;
    const y = axis.y(period.articles);
    parts.push(
      el('rect', {
        x: centre - width / 2,
        y,
        width,
        height: PLOT.bottom - y,
        rx: Math.min(3, width / 3),
        fill: THEME.bar,
      }),
    );
    if (nonEmpty <= LABELLED_BARS)
      parts.push(
        text(String(period.articles), {
          x: centre,
          y: y - 7,
          'text-anchor': 'middle',
          'font-size': 16,
          'font-weight': 'bold',
          fill: THEME.text,
        }),
      );
  }
  for (const day of eventDays)
    parts.push(diamond(x(day) + (x(addDays(day, 1)) - x(day)) / 2, MARK_Y, 7, THEME.event));
  if (nonEmpty === 0) parts.push(centred(c.noMentions));
  parts.push(axisLabels(periodLabels(timeline, x, t), LABEL_Y));
  parts.push(
    legendRow(PLOT.left, LEGEND_Y, [
      { swatch: 'bar', label: c.articlesLegend },
      { swatch: 'diamond', label: c.eventsLegend },
    ]),
  );
  const span = `${formatDay(first, t)} – ${formatDay(last, t)}`;
  return {
    svg: svgDocument(WIDTH, HEIGHT, ...parts),
    alt: c.timelineAlt(timeline.entity.name, timeline.articleCount, span, eventDays.length),
  };
}

function centred(message: string): string {
  return text(message, {
    x: (PLOT.left + PLOT.right) / 2,
    y: (PLOT.top + PLOT.bottom) / 2,
    'text-anchor': 'middle',
    'font-size': 20,
    fill: THEME.muted,
  });
}

/** Years at January (or every year), months or week starts in between when there is room. */
function periodLabels(
  timeline: Timeline,
  x: (iso: string) => number,
  t: Messages,
): { x: number; label: string }[] {
  const c = t.moderation.charts;
  const periods = timeline.periods;
  const centre = (p: { start: string; end: string }) => (x(p.start) + x(addDays(p.end, 1))) / 2;
  if (timeline.bucket === 'year')
    return periods.map((p) => ({ x: centre(p), label: p.start.slice(0, 4) }));
  if (timeline.bucket === 'month') {
    const step = Math.max(1, Math.ceil(periods.length / 8));
    const everyYear = periods.length > 24;
    return periods.flatMap((p, i) => {
      const ymd = parseIsoDate(p.start);
      if (!ymd) return [];
      if (everyYear)
        return ymd.month === 1 || i === 0 ? [{ x: x(p.start), label: String(ymd.year) }] : [];
      if (i % step !== 0 && ymd.month !== 1) return [];
      const label =
        i === 0 || ymd.month === 1
          ? `${c.shortMonth(ymd.month)} ${ymd.year}`
          : c.shortMonth(ymd.month);
      return [{ x: centre(p), label }];
    });
  }
  const step = Math.max(1, Math.ceil(periods.length / 7));
  return periods.flatMap((p, i) => {
    const ymd = parseIsoDate(p.start);
    return ymd && i % step === 0 ? [{ x: centre(p), label: c.shortDay(ymd.day, ymd.month) }] : [];
  });
}
