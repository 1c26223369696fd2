import { toDayNumber } from '../extract/dates/calendar';
import { el, niceTicks, text, textWidth } from './svg';
import { THEME } from './theme';

/** The plot's box in picture coordinates. */
export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Maps days to x: `first` at the left edge, the day after `last` at the right. */
export function dayScale(first: string, last: string, plot: Plot): (iso: string) => number {
  const start = toDayNumber(first);
  const days = Math.max(1, toDayNumber(last) - start + 1);
  return (iso) => plot.left + ((toDayNumber(iso) - start) / days) * (plot.right - plot.left);
}

/** Horizontal gridlines with their values on the left; returns the y of a value. */
export function valueAxis(top: number, plot: Plot): { svg: string; y: (v: number) => number } {
  const ticks = niceTicks(top);
  const max = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => plot.bottom - (v / max) * (plot.bottom - plot.top);
  const parts = ticks.map((tick) =>
    [
      el('line', {
        x1: plot.left,
        x2: plot.right,
        y1: y(tick),
        y2: y(tick),
        stroke: tick === 0 ? THEME.muted : THEME.grid,
        'stroke-width': tick === 0 ? 1.5 : 1,
      }),
      text(String(tick), {
        x: plot.left - 10,
        y: y(tick) + 6,
        'text-anchor': 'end',
        'font-size': 17,
        fill: THEME.muted,
      }),
    ].join(''),
  );
  return { svg: parts.join(''), y };
}

/**
 * Labels under the axis, centred on their x, skipping any that would touch the one before
 * (the first and the last are kept when they fit).
 */
export function axisLabels(labels: { x: number; label: string }[], y: number): string {
  const size = 17;
  const placed: { x: number; label: string; half: number }[] = [];
  for (const label of labels) {
    const half = textWidth(label.label, size) / 2;
    const previous = placed[placed.length - 1];
    if (previous && previous.x + previous.half + 12 > label.x - half) continue;
    placed.push({ ...label, half });
  }
  return placed
    .map((l) =>
      text(l.label, { x: l.x, y, 'text-anchor': 'middle', 'font-size': size, fill: THEME.text }),
    )
    .join('');
}

/** A legend entry: a swatch and its words; returns the svg and where the next entry goes. */
export function legendEntry(
  x: number,
  y: number,
  swatch: 'bar' | 'diamond' | 'barLight',
  label: string,
): { svg: string; next: number } {
  const mark =
    swatch === 'diamond'
      ? diamond(x + 8, y - 6, 8, THEME.event)
      : el('rect', {
          x,
          y: y - 14,
          width: 16,
          height: 16,
          rx: 3,
          fill: swatch === 'bar' ? THEME.bar : THEME.barLight,
        });
  const words = text(label, { x: x + 24, y, 'font-size': 17, fill: THEME.text });
  return { svg: mark + words, next: x + 24 + textWidth(label, 17) + 28 };
}

/** Legend entries side by side from `x`: their svg. */
export function legendRow(
  x: number,
  y: number,
  entries: readonly { swatch: 'bar' | 'diamond' | 'barLight'; label: string }[],
): string {
  let at = x;
  let svg = '';
  for (const entry of entries) {
    const drawn = legendEntry(at, y, entry.swatch, entry.label);
    svg += drawn.svg;
    at = drawn.next;
  }
  return svg;
}

export function diamond(cx: number, cy: number, r: number, fill: string): string {
  return el('path', {
    d: `M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`,
    fill,
    stroke: THEME.card,
    'stroke-width': 1.5,
  });
}

/** The card everything is drawn on: opaque, rounded, with a hairline border. */
export function card(width: number, height: number): string {
  return el('rect', {
    x: 0.5,
    y: 0.5,
    width: width - 1,
    height: height - 1,
    rx: 14,
    fill: THEME.card,
    stroke: THEME.border,
  });
}

export function heading(title: string, subtitle: string, width: number): string {
  const size = textWidth(title, 28, true) > width - 56 ? 22 : 28;
  return [
    text(title, { x: 28, y: 46, 'font-size': size, 'font-weight': 'bold', fill: THEME.text }),
    text(subtitle, { x: 28, y: 76, 'font-size': 18, fill: THEME.muted }),
  ].join('');
}
