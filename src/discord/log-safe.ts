/**
 * Errors as they may be logged. discord.js errors carry the request URL, and interaction
 * and webhook URLs hold the interaction's token (valid for 15 minutes): it is cut out.
 */
const TOKEN_IN_URL = /((?:interactions|webhooks)\/\d+\/)[\w.-]+/gu;

export function scrubTokens(text: string): string {
  return text.replace(TOKEN_IN_URL, '$1[token]');
}

export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  status?: number;
  method?: string;
  url?: string;
  stack?: string;
}

export function errorForLog(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubTokens(String(error)) };
  const extra = error as Error & {
    code?: unknown;
    status?: unknown;
    method?: unknown;
    url?: unknown;
  };
  return {
    type: error.name,
    message: scrubTokens(error.message),
    ...(typeof extra.code === 'string' || typeof extra.code === 'number'
      ? { code: extra.code }
      : {}),
    ...(typeof extra.status === 'number' ? { status: extra.status } : {}),
    ...(typeof extra.method === 'string' ? { method: extra.method } : {}),
    ...(typeof extra.url === 'string' ? { url: scrubTokens(extra.url) } : {}),
    ...(error.stack ? { stack: scrubTokens(error.stack) } : {}),
  };
}
