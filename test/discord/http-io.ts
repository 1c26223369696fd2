/** Reading requests and writing responses the way Discord's REST API does (JSON in, JSON out). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonObject, type JsonValue } from './json';

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
  /** The uploaded bytes, so tests can check what the bot sent (a PNG's header, say). */
  bytes: Buffer;
}

export interface ParsedBody {
  json: JsonValue | undefined;
  files: UploadedFile[];
  /** Set when the body could not be parsed: Discord answers 400 code 50109 for bad JSON. */
  invalid: boolean;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** JSON bodies and multipart bodies (`payload_json` + `files[n]`), as discord.js sends them. */
export async function parseBody(contentType: string, raw: Buffer): Promise<ParsedBody> {
  if (raw.length === 0) return { json: undefined, files: [], invalid: false };
  if (contentType.startsWith('multipart/form-data')) {
    try {
      // undici's multipart parser, reached through the fetch Response API built into Node 20.
      const form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': contentType },
      }).formData();
      const files: UploadedFile[] = [];
      let json: JsonValue | undefined;
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') json = parseJson(value);
        } else {
          files.push({
            field,
            filename: value.name,
            size: value.size,
            contentType: value.type,
            bytes: Buffer.from(await value.arrayBuffer()),
          });
        }
      }
      return { json, files, invalid: false };
    } catch {
      return { json: undefined, files: [], invalid: true };
    }
  }
  const json = parseJson(raw.toString('utf8'));
  return { json, files: [], invalid: json === undefined };
}

function parseJson(text: string): JsonValue | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJson(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isJson(value: unknown): value is JsonValue {
  if (value === null) return true;
  if (['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJson);
  return isJsonObject(value) && Object.values(value).every(isJson);
}

export function sendJson(response: ServerResponse, status: number, body?: JsonValue): void {
  if (body === undefined || status === 204) {
    response.writeHead(status === 200 ? 204 : status).end();
    return;
  }
  const text = JSON.stringify(body);
  response
    .writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    })
    .end(text);
}
