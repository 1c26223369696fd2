import { createKilde } from '../answers/kilde';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { parseConsoleArgs } from './args';
import { consoleOptions, dispatch, type Outcome } from './dispatch';
import { plainStyle } from './render';

/**
 * `npm run ask -- "/hvem assad"`: answers once and exits, for scripts.
 * Exit codes: 0 an answer was found, 1 nothing found, 2 bad input (or a bad setup).
 */
const EXIT: Record<Outcome, number> = { found: 0, nothing: 1, 'bad-input': 2, quit: 0 };

async function ask(): Promise<number> {
  const config = await loadConfig();
  const { locale, rest } = parseConsoleArgs(process.argv.slice(2), config.DEFAULT_LOCALE);
  const line = rest.join(' ').trim();
  if (line === '') {
    process.stderr.write('usage: npm run ask -- [--lang en] "/hvem assad"\n');
    return 2;
  }
  // Logs go to stderr at warn level so that stdout holds only the answer.
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const kilde = await createKilde({
    knowledgeDir: config.KNOWLEDGE_DIR,
    cacheDir: config.CACHE_DIR,
    maxFileBytes: config.KNOWLEDGE_MAX_FILE_KB * 1024,
    logger,
  });
  const reply = await dispatch(line, kilde, locale, plainStyle, consoleOptions(config));
  await kilde.close();
  process.stdout.write(`${reply.text}\n`);
  return EXIT[reply.outcome];
}

ask().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError ? `Configuration error: ${error.message}` : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(2);
  },
);
