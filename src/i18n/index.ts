import type { Locale } from '../config';
import { en } from './en';
import type { Messages } from './messages';
import { nb } from './nb';

export type { Locale, Messages };

const catalogs: Record<Locale, Messages> = { nb, en };

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}

/**
 * The one locale rule: a Discord locale (`no`, `en-US`, `en-GB`, ...) picks its language;
 * anything else falls back to the configured default.
 */
export function resolveLocale(discordLocale: string | null | undefined, fallback: Locale): Locale {
  if (!discordLocale) return fallback;
  const lower = discordLocale.toLowerCase();
  if (lower === 'no' || lower === 'nb' || lower === 'nn' || lower.startsWith('nb-')) return 'nb';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return fallback;
}
