/** JSON as it travels over Discord's REST API and gateway: what the stand-in reads and records. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

export function asObjects(value: JsonValue | undefined): JsonObject[] {
  return asArray(value).filter(isJsonObject);
}

export function asString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Deep copy so a recorded message cannot be changed by later edits or by test code. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** Discord counts message and embed lengths in characters (code points), not UTF-16 units. */
export function charLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
