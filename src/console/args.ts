import type { Locale } from '../config';

/** `--lang en` / `--lang=nb` picks the console language; everything else is the command. */
export function parseConsoleArgs(
  args: readonly string[],
  fallback: Locale,
): { locale: Locale; rest: string[] } {
  let locale = fallback;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value =
      arg === '--lang' ? args[++i] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === undefined) {
      rest.push(arg);
      continue;
    }
    locale = localeNamed(value) ?? locale;
  }
  return { locale, rest };
}

/**
 * The language a user names, in the console's `--lang` and `/språk`: a code (`en`, `en-GB`,
 * `nb`, `no`, `nn`) or the language's name in either language. Undefined for anything else.
 */
export function localeNamed(value: string): Locale | undefined {
  const lower = value.trim().toLowerCase();
  if (lower.startsWith('en') || lower === 'engelsk') return 'en';
  if (['no', 'nb', 'nn', 'norsk', 'norwegian', 'bokmål', 'bokmal'].includes(lower)) return 'nb';
  return undefined;
}
