/**
 * A very small SVG builder: elements as strings, every text and attribute escaped, numbers
 * rounded to a tenth (smaller files, identical pictures).
 */
export type Attrs = Record<string, string | number | undefined>;

export function el(tag: string, attrs: Attrs, ...children: string[]): string {
  const written = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? round(v) : String(v))}"`)
    .join('');
  return children.length === 0
    ? `<${tag}${written}/>`
    : `<${tag}${written}>${children.join('')}</${tag}>`;
}

export function text(content: string, attrs: Attrs): string {
  return el('text', attrs, escapeXml(content));
}

export function svgDocument(width: number, height: number, ...children: string[]): string {
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}` },
    ...children,
  );
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A rough width of a text in DejaVu Sans (average glyph ≈ 0.55 em): enough to keep labels apart. */
export function textWidth(content: string, size: number, bold = false): number {
  return content.length * size * (bold ? 0.62 : 0.56);
}

/** Gridline steps that read well: 1, 2, 5 × 10^n, at most `max` lines above zero. */
export function niceTicks(top: number, max = 4): number[] {
  if (top <= 0) return [0, 1];
  for (const magnitude of [1, 10, 100, 1000, 10_000]) {
    for (const step of [1, 2, 5].map((s) => s * magnitude)) {
      const count = Math.ceil(top / step);
      if (count <= max) return Array.from({ length: count + 1 }, (_, i) => i * step);
    }
  }
  return [0, top];
}
