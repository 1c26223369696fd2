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
    const lower = value.toLowerCase();
    if (lower.startsWith('en')) locale = 'en';
    else if (lower === 'no' || lower === 'nb' || lower === 'nn') locale = 'nb';
  }
  return { locale, rest };
}
