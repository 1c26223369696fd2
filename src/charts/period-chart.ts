import type { DayCount } from '../answers/types';
import { addDays, parseIsoDate } from '../extract/dates/calendar';
import type { Messages } from '../i18n';
import { axisLabels, card, dayScale, heading, legendRow, type Plot, valueAxis } from './axis';
import { el, svgDocument, text } from './svg';
import { HEIGHT, THEME, WIDTH } from './theme';
import type { Chart } from './timeline-chart';

const PLOT: Plot = { left: 70, right: WIDTH - 28, top: 112, bottom: 300 };
const LABEL_Y = 328;
const LEGEND_Y = 376;

/**
 * A period day by day: events the text dates to each day (dark) stacked on articles
 * published that day (light), the busiest days named above their bars.
 */
export function periodChart(
  when: string,
  days: readonly DayCount[],
  busiest: readonly string[],
  t: Messages,
): Chart {
  const c = t.moderation.charts;
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  const events = days.reduce((n, d) => n + d.events, 0);
  const published = days.reduce((n, d) => n + d.published, 0);
  const busiestLabel = busiest.map((d) => dayLabel(d, t)).join(', ');
  const subtitle = c.periodSubtitle(events, published, busiestLabel);
  const parts = [card(WIDTH, HEIGHT), heading(c.periodTitle(when), subtitle, WIDTH)];
  if (first && last) {
    const x = dayScale(first, last, PLOT);
    const axis = valueAxis(Math.max(1, ...days.map((d) => d.events + d.published)), PLOT);
    parts.push(axis.svg);
    const slot = (PLOT.right - PLOT.left) / days.length;
    const width = Math.max(3, Math.min(40, slot * 0.72));
    const named = new Set(busiest);
    for (const day of days) {
      const centre = x(day.date) + slot / 2;
      const yPublished = axis.y(day.published);
      const yTop = axis.y(day.published + day.events);
      if (day.published > 0)
        parts.push(bar(centre, width, yPublished, PLOT.bottom, THEME.barLight));
      if (day.events > 0) parts.push(bar(centre, width, yTop, yPublished, THEME.bar));
      if (named.has(day.date))
        parts.push(
          text(dayLabel(day.date, t), {
            x: centre,
            y: yTop - 8,
            'text-anchor': 'middle',
            'font-size': 15,
            'font-weight': 'bold',
            fill: THEME.text,
          }),
        );
    }
    if (events + published === 0)
      parts.push(
        text(c.nothingInPeriod, {
          x: (PLOT.left + PLOT.right) / 2,
          y: (PLOT.top + PLOT.bottom) / 2,
          'text-anchor': 'middle',
          'font-size': 20,
          fill: THEME.muted,
        }),
      );
    const step = Math.max(1, Math.ceil(days.length / 10));
    parts.push(
      axisLabels(
        days
          .filter((_, i) => i % step === 0)
          .map((d) => ({ x: x(d.date) + slot / 2, label: dayTick(d.date, first, t) })),
        LABEL_Y,
      ),
    );
  }
  parts.push(
    legendRow(PLOT.left, LEGEND_Y, [
      { swatch: 'bar', label: c.periodLegendEvents },
      { swatch: 'barLight', label: c.periodLegendPublished },
    ]),
  );
  return {
    svg: svgDocument(WIDTH, HEIGHT, ...parts),
    alt: c.periodAlt(when, events, published, busiestLabel),
  };
}

function bar(centre: number, width: number, top: number, bottom: number, fill: string): string {
  return el('rect', {
    x: centre - width / 2,
    y: top,
    width,
    height: Math.max(0, bottom - top),
    fill,
  });
}

function dayLabel(iso: string, t: Messages): string {
  const ymd = parseIsoDate(iso);
  return ymd ? t.moderation.charts.shortDay(ymd.day, ymd.month) : iso;
}

/** Day numbers, with the month's name on the first day shown and on each first of a month. */
function dayTick(iso: string, first: string, t: Messages): string {
  const ymd = parseIsoDate(iso);
  if (!ymd) return iso;
  return iso === first || ymd.day === 1 || addDays(iso, -1) < first
    ? t.moderation.charts.shortDay(ymd.day, ymd.month)
    : t.moderation.charts.dayOfMonth(ymd.day);
}
