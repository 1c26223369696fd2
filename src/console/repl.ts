import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Kilde } from '../answers/types';
import type { Locale } from '../config';
import { messages } from '../i18n';
import { parseConsoleArgs } from './args';
import { type ConsoleOptions, consoleOptions, dispatch } from './dispatch';
import { ansiStyle, plainStyle } from './render';

const HISTORY_FILE = join(homedir(), '.kilde_history');
const HISTORY_SIZE = 500;

async function readHistory(): Promise<string[]> {
  try {
    return (await readFile(HISTORY_FILE, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .reverse()
      .slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

async function saveHistory(history: readonly string[]): Promise<void> {
  try {
    await mkdir(homedir(), { recursive: true });
    await writeFile(HISTORY_FILE, `${[...history].slice(0, HISTORY_SIZE).reverse().join('\n')}\n`);
  } catch {
    // History is a convenience; a read-only home must not stop the console.
  }
}

/**
 * The local console: the same commands as on Discord, answered from the same core and
 * rendered as text. Lines given on the command line are answered once, then it exits.
 */
export async function runConsole(
  kilde: Kilde,
  options: { locale: Locale; args: readonly string[]; console?: ConsoleOptions },
): Promise<void> {
  const settings = options.console ?? consoleOptions();
  const parsed = parseConsoleArgs(options.args, options.locale);
  const { rest } = parsed;
  // `/språk en` switches while running: every later line speaks the new language.
  let locale = parsed.locale;
  let t = messages(locale);
  const style = process.stdout.isTTY ? ansiStyle : plainStyle;

  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    history: await readHistory(),
    historySize: HISTORY_SIZE,
    terminal: process.stdin.isTTY,
  });
  const history: string[] = [];
  rl.on('history', (h: string[]) => history.splice(0, history.length, ...h));

  process.stdout.write(`${t.console.welcome((await kilde.status()).articles)}\n`);
  for (const line of rest.length > 0 ? [rest.join(' ')] : []) {
    process.stdout.write(`${(await dispatch(line, kilde, locale, style, settings)).text}\n`);
  }
  // The line iterator buffers input, so a script piped in is answered line by line even
  // while an answer is still being computed (rl.question would drop those lines).
  rl.setPrompt('kilde> ');
  rl.prompt();
  try {
    for await (const line of rl) {
      if (line.trim() === '') {
        rl.prompt();
        continue;
      }
      const reply = await dispatch(line, kilde, locale, style, settings).catch(
        (error: unknown) => ({
          text: `${t.errors.internal} (${error instanceof Error ? error.message : String(error)})`,
          outcome: 'bad-input' as const,
        }),
      );
      process.stdout.write(`${reply.text}\n\n`);
      if (reply.outcome === 'quit') break;
      if ('locale' in reply && reply.locale) {
        locale = reply.locale;
        t = messages(locale);
      }
      rl.prompt();
    }
  } finally {
    rl.close();
    await saveHistory(history);
  }
}
