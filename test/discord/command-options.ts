/**
 * Slash-command options as the Discord client builds them: test input is checked against the
 * registered command (names, types, choices, ranges, required options) because the real client
 * would never send anything else, so a test cannot pass with an impossible interaction.
 */
import { asNumber, asObjects, asString, type JsonObject } from './json';

const OPTION_TYPES = {
  subcommand: 1,
  group: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  number: 10,
  attachment: 11,
};

/** A file the user picks for an attachment option: the stand-in serves its bytes at a URL. */
export interface AttachmentInput {
  filename: string;
  bytes: Buffer;
  /** What Discord guessed from the extension; omitted when it guesses nothing. */
  contentType?: string;
}

/** A slash-command option as the Discord client sends it; `type` is filled in from the registered command when omitted. */
export interface CommandOptionInput {
  name: string;
  type?: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOptionInput[];
  /** For an attachment option (type 11): the file; its value becomes the attachment's id. */
  attachment?: AttachmentInput;
}
export type ApplicationCommandOptionPayload = CommandOptionInput;

export function countFocused(options: JsonObject[]): number {
  return options.reduce(
    (sum, option) =>
      sum + (option.focused === true ? 1 : 0) + countFocused(asObjects(option.options)),
    0,
  );
}

/**
 * Turns test input into the `options` Discord sends, checked against the registered schema the
 * way the Discord client enforces it: known names, right types, choices, required options.
 */
export function resolveOptions(
  schema: JsonObject[],
  input: CommandOptionInput[],
  where: string,
  partial: boolean,
): JsonObject[] {
  const out: JsonObject[] = [];
  for (const option of input) {
    const definition = schema.find((s) => s.name === option.name);
    if (!definition) {
      const known = schema.map((s) => asString(s.name)).join(', ');
      throw new Error(
        `Discord stand-in: ${where} has no option "${option.name}" (it has: ${known || 'none'})`,
      );
    }
    const type = asNumber(definition.type) ?? OPTION_TYPES.string;
    if (option.type !== undefined && option.type !== type) {
      throw new Error(
        `Discord stand-in: ${where} ${option.name} has type ${type}, not ${option.type}`,
      );
    }
    if (type === OPTION_TYPES.subcommand || type === OPTION_TYPES.group) {
      if (input.length !== 1)
        throw new Error(`Discord stand-in: ${where} takes exactly one subcommand`);
      out.push({
        name: option.name,
        type,
        options: resolveOptions(
          asObjects(definition.options),
          option.options ?? [],
          `${where} ${option.name}`,
          partial,
        ),
      });
      continue;
    }
    if (option.value === undefined)
      throw new Error(`Discord stand-in: ${where} ${option.name} needs a value`);
    if (!(partial && option.focused))
      checkOptionValue(definition, type, option.value, `${where} ${option.name}`);
    out.push({
      name: option.name,
      type,
      // While typing, the focused option's value is the raw text, whatever the option type.
      value: partial && option.focused ? String(option.value) : option.value,
      ...(option.focused ? { focused: true } : {}),
    });
  }
  const hasSubcommands = schema.some(
    (s) => s.type === OPTION_TYPES.subcommand || s.type === OPTION_TYPES.group,
  );
  if (hasSubcommands && out.length === 0)
    throw new Error(`Discord stand-in: ${where} needs a subcommand`);
  if (!partial) {
    for (const definition of schema) {
      if (definition.required === true && !out.some((o) => o.name === definition.name)) {
        throw new Error(
          `Discord stand-in: ${where} requires option "${asString(definition.name)}"`,
        );
      }
    }
  }
  return out;
}

function checkOptionValue(
  definition: JsonObject,
  type: number,
  value: string | number | boolean,
  where: string,
): void {
  const expected =
    type === OPTION_TYPES.boolean
      ? typeof value === 'boolean'
      : type === OPTION_TYPES.integer
        ? Number.isInteger(value)
        : type === OPTION_TYPES.number
          ? typeof value === 'number'
          : typeof value === 'string';
  if (!expected)
    throw new Error(
      `Discord stand-in: ${where}: value ${JSON.stringify(value)} does not fit option type ${type}`,
    );
  const choices = asObjects(definition.choices);
  if (choices.length > 0 && !choices.some((c) => c.value === value)) {
    throw new Error(
      `Discord stand-in: ${where}: ${JSON.stringify(value)} is not one of the choices`,
    );
  }
  if (typeof value === 'string') {
    const min = asNumber(definition.min_length);
    const max = asNumber(definition.max_length);
    if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
      throw new Error(
        `Discord stand-in: ${where}: length ${value.length} outside ${min ?? 0}..${max ?? 6000}`,
      );
    }
  }
  if (typeof value === 'number') {
    const min = asNumber(definition.min_value);
    const max = asNumber(definition.max_value);
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      throw new Error(`Discord stand-in: ${where}: ${value} outside ${min ?? '-∞'}..${max ?? '∞'}`);
    }
  }
}
