import { describe, expect, it } from 'vitest';
import { errorForLog, scrubTokens } from '../../src/discord/log-safe';

describe('scrubTokens', () => {
  it('cuts interaction and webhook tokens out of URLs', () => {
    const url =
      'http://127.0.0.1:5/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIz.abc-_/callback';
    expect(scrubTokens(url)).toBe(
      'http://127.0.0.1:5/api/v10/interactions/123456789012345678/[token]/callback',
    );
    expect(scrubTokens('/webhooks/42/tok.en-1/messages/@original')).toBe(
      '/webhooks/42/[token]/messages/@original',
    );
  });

  it('scrubs message, url and stack of an error', () => {
    const error = Object.assign(new Error('failed at /webhooks/1/secret-token'), {
      url: '/interactions/2/other-secret/callback',
      status: 404,
    });
    const logged = JSON.stringify(errorForLog(error));
    expect(logged).not.toMatch(/secret/u);
    expect(errorForLog(error).status).toBe(404);
  });
});
