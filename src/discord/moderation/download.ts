import type { Attachment } from 'discord.js';
import { articleFormatOf } from '../../moderation/draft';

/** How long fetching an upload from Discord may take before the moderator is told. */
export const DOWNLOAD_TIMEOUT_MS = 15_000;

export type Download =
  | { ok: true; bytes: Buffer; format: 'md' | 'txt' }
  | { ok: false; reason: 'not-text' }
  | { ok: false; reason: 'too-large'; bytes: number }
  | { ok: false; reason: 'download' };

// Discord guesses a content type from the extension; a text one, or none, may be an article.
const TEXT_TYPES = /^(text\/|application\/(octet-stream|x-markdown|markdown)\b)/iu;

/**
 * The bytes of an uploaded article, from the URL Discord gives: text files only (by name
 * and type: the name picks how to read it, never where it is stored), at most the size a
 * knowledge file may have (stopped as soon as it is exceeded), within a timeout. The
 * content itself is judged afterwards by the same validation as any file on disk.
 */
export async function downloadArticle(
  attachment: Pick<Attachment, 'name' | 'size' | 'url' | 'contentType'>,
  options: { timeoutMs?: number; maxBytes: number },
): Promise<Download> {
  const { maxBytes } = options;
  const format = articleFormatOf(attachment.name);
  if (!format || (attachment.contentType && !TEXT_TYPES.test(attachment.contentType)))
    return { ok: false, reason: 'not-text' };
  if (attachment.size > maxBytes) return { ok: false, reason: 'too-large', bytes: attachment.size };
  try {
    const response = await fetch(attachment.url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok || !response.body) return { ok: false, reason: 'download' };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        // The size Discord reported was wrong: stop reading rather than hold it all.
        await response.body.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large', bytes: total };
      }
      chunks.push(chunk);
    }
    return { ok: true, bytes: Buffer.concat(chunks), format };
  } catch {
    return { ok: false, reason: 'download' };
  }
}
