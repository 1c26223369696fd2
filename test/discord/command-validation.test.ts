/**
 * The stand-in refuses malformed length bounds in a command registration as Discord does,
 * so a bad `max_length` in a definition fails here, not in production.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from './json';
import { checkCommands } from './validation';

function command(option: JsonObject): JsonValue {
  return [
    {
      name: 'prøve',
      description: 'en prøve',
      type: 1,
      options: [{ name: 'tekst', description: 'tekst', ...option }],
    },
  ];
}

const errorsOf = (option: JsonObject) => checkCommands(command(option)).flatten().join('\n');

describe('length bounds in a registration', () => {
  it('accepts integer bounds on a string option', () => {
    expect(errorsOf({ type: 3, max_length: 100 })).toBe('');
    expect(errorsOf({ type: 3, min_length: 0, max_length: 6000 })).toBe('');
  });

  it('refuses bounds out of range, not whole, inverted, or on a non-string option', () => {
    expect(errorsOf({ type: 3, max_length: 0 })).toMatch(/max_length.*between 1 and 6000/su);
    expect(errorsOf({ type: 3, max_length: 6001 })).toMatch(/max_length/u);
    expect(errorsOf({ type: 3, max_length: 2.5 })).toMatch(/not int/u);
    expect(errorsOf({ type: 3, max_length: '100' })).toMatch(/not int/u);
    expect(errorsOf({ type: 3, min_length: 50, max_length: 10 })).toMatch(/min_length/u);
    expect(errorsOf({ type: 4, max_length: 10 })).toMatch(/only allowed for string/u);
  });
});
