/**
 * The pictures' look: an opaque light card with rounded corners, so text has the same
 * contrast in Discord's light and dark themes (a transparent picture would lose one of
 * them). Colours pass WCAG AA against the card: text #1f2933 (14:1), muted #52606d (6.4:1),
 * bars #2f6f8f (Kilde's colour, 5.6:1), event marks #c2410c (5.2:1).
 */
export const THEME = {
  card: '#ffffff',
  border: '#d9dee3',
  text: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  bar: '#2f6f8f',
  barLight: '#9cc3d5',
  event: '#c2410c',
  font: 'DejaVu Sans',
} as const;

/** Logical size: Discord shows pictures at up to about 550 px wide, so labels of 18-20 px stay legible. */
export const WIDTH = 800;
export const HEIGHT = 400;
