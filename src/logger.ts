import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs on stderr (stdout belongs to the console's answers). The token is
 * scrubbed from every line, whatever path it took into a log object or an error message.
 */
export function createLogger(level: string, secrets: readonly (string | undefined)[] = []): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (line: string) =>
    hidden.reduce((out, secret) => out.split(secret).join('[redacted]'), line);
  const destination = {
    write(line: string) {
      process.stderr.write(scrub(line));
    },
  };
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
