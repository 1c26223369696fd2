/**
 * Discord's request validation for the payloads a bot sends: messages (content, embeds,
 * components, allowed mentions), autocomplete choices and application commands.
 * Limits are Discord's documented ones; errors use Discord's 50035 "Invalid Form Body"
 * shape, so the real client (and the bot's error handling) sees what production would send.
 */
import {
  asArray,
  asNumber,
  asObjects,
  asString,
  charLength,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from './json';

export type ErrorPath = ReadonlyArray<string | number>;

interface FieldError {
  code: string;
  message: string;
}

/** Collects errors into Discord's nested `{ field: { 0: { sub: { _errors: [...] } } } }` tree. */
export class FormErrors {
  readonly tree: JsonObject = {};
  private count = 0;

  add(path: ErrorPath, error: FieldError): void {
    let node: JsonObject = this.tree;
    for (const key of path) {
      const name = String(key);
      const next = node[name];
      if (isJsonObject(next)) {
        node = next;
      } else {
        const created: JsonObject = {};
        node[name] = created;
        node = created;
      }
    }
    const list = asArray(node._errors);
    list.push({ code: error.code, message: error.message });
    node._errors = list;
    this.count++;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Every error as `path: message`, handy for assertion messages. */
  flatten(): string[] {
    const out: string[] = [];
    const walk = (node: JsonObject, path: string[]): void => {
      for (const [key, value] of Object.entries(node)) {
        if (key === '_errors') {
          for (const e of asObjects(value)) out.push(`${path.join('.')}: ${asString(e.message)}`);
        } else if (isJsonObject(value)) {
          walk(value, [...path, key]);
        }
      }
    };
    walk(this.tree, []);
    return out;
  }
}

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  componentsV2Total: 40,
} as const;

const maxLength = (max: number): FieldError => ({
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});
const required: FieldError = { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };

function checkString(
  errors: FormErrors,
  path: ErrorPath,
  value: JsonValue | undefined,
  max: number,
  options: { required?: boolean; min?: number } = {},
): number {
  if (value === undefined || value === null) {
    if (options.required) errors.add(path, required);
    return 0;
  }
  if (typeof value !== 'string') {
    errors.add(path, {
      code: 'STRING_TYPE_CONVERT',
      message: 'Could not interpret value as string.',
    });
    return 0;
  }
  const length = charLength(value);
  if (options.required && length === 0) errors.add(path, required);
  if (options.min !== undefined && length < options.min) {
    errors.add(path, {
      code: 'BASE_TYPE_BAD_LENGTH',
      message: `Must be between ${options.min} and ${max} in length.`,
    });
  } else if (length > max) {
    errors.add(path, maxLength(max));
  }
  return length;
}

function checkUrl(errors: FormErrors, path: ErrorPath, value: JsonValue | undefined): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) {
    errors.add(path, {
      code: 'URL_TYPE_INVALID_SCHEME',
      message: "Scheme must be one of ('http', 'https').",
    });
  }
}

/** Returns the embed's character count that counts toward the 6000 per-message total. */
function checkEmbed(errors: FormErrors, path: ErrorPath, embed: JsonValue): number {
  if (!isJsonObject(embed)) {
    errors.add(path, {
      code: 'MODEL_TYPE_CONVERT',
      message: 'Only dictionaries may be used in a ModelType',
    });
    return 0;
  }
  let total = 0;
  total += checkString(errors, [...path, 'title'], embed.title, LIMITS.embedTitle);
  total += checkString(
    errors,
    [...path, 'description'],
    embed.description,
    LIMITS.embedDescription,
  );
  checkUrl(errors, [...path, 'url'], embed.url);
  const color = embed.color;
  if (color !== undefined && color !== null) {
    if (typeof color !== 'number' || !Number.isInteger(color) || color < 0 || color > 0xffffff) {
      errors.add([...path, 'color'], {
        code: 'NUMBER_TYPE_MAX',
        message: 'int value should be less than or equal to 16777215.',
      });
    }
  }
  if (embed.timestamp !== undefined && embed.timestamp !== null) {
    if (typeof embed.timestamp !== 'string' || Number.isNaN(Date.parse(embed.timestamp))) {
      errors.add([...path, 'timestamp'], {
        code: 'DATE_TYPE_PARSE',
        message: 'Could not parse timestamp. Should be ISO8601.',
      });
    }
  }
  const footer = embed.footer;
  if (isJsonObject(footer)) {
    total += checkString(errors, [...path, 'footer', 'text'], footer.text, LIMITS.footerText, {
      required: true,
    });
    checkUrl(errors, [...path, 'footer', 'icon_url'], footer.icon_url);
  }
  const author = embed.author;
  if (isJsonObject(author)) {
    total += checkString(errors, [...path, 'author', 'name'], author.name, LIMITS.authorName, {
      required: true,
    });
    checkUrl(errors, [...path, 'author', 'url'], author.url);
  }
  for (const key of ['image', 'thumbnail'] as const) {
    const media = embed[key];
    // An uploaded file of the same message is shown by `attachment://<filename>`.
    if (isJsonObject(media) && !/^attachment:\/\/[^/]+$/u.test(String(media.url)))
      checkUrl(errors, [...path, key, 'url'], media.url);
  }
  if (embed.fields !== undefined) {
    const fields = asArray(embed.fields);
    if (fields.length > LIMITS.embedFields)
      errors.add([...path, 'fields'], maxLength(LIMITS.embedFields));
    fields.forEach((field, i) => {
      const fieldPath = [...path, 'fields', i];
      if (!isJsonObject(field)) {
        errors.add(fieldPath, required);
        return;
      }
      total += checkString(errors, [...fieldPath, 'name'], field.name, LIMITS.fieldName, {
        required: true,
      });
      total += checkString(errors, [...fieldPath, 'value'], field.value, LIMITS.fieldValue, {
        required: true,
      });
    });
  }
  return total;
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

function checkComponent(
  errors: FormErrors,
  path: ErrorPath,
  component: JsonObject,
  customIds: Set<string>,
): void {
  const type = asNumber(component.type);
  const customId = component.custom_id;
  if (customId !== undefined) {
    checkString(errors, [...path, 'custom_id'], customId, LIMITS.customId, { required: true });
    if (typeof customId === 'string') {
      if (customIds.has(customId)) {
        errors.add([...path, 'custom_id'], {
          code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
          message: 'Component custom id cannot be duplicated',
        });
      }
      customIds.add(customId);
    }
  }
  if (type === 2) {
    const style = asNumber(component.style);
    checkString(errors, [...path, 'label'], component.label, LIMITS.buttonLabel);
    if (style === 5) {
      if (typeof component.url !== 'string') errors.add([...path, 'url'], required);
      checkUrl(errors, [...path, 'url'], component.url);
      if (customId !== undefined) {
        errors.add([...path, 'custom_id'], {
          code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
          message: 'A custom id cannot be specified for link buttons',
        });
      }
    } else if (style === 6) {
      if (typeof component.sku_id !== 'string') errors.add([...path, 'sku_id'], required);
    } else if (style !== undefined && style >= 1 && style <= 4) {
      if (typeof customId !== 'string') errors.add([...path, 'custom_id'], required);
      if (component.url !== undefined) {
        errors.add([...path, 'url'], {
          code: 'BUTTON_COMPONENT_URL_NOT_ALLOWED',
          message: 'A url can only be specified for link buttons',
        });
      }
    } else {
      errors.add([...path, 'style'], {
        code: 'BASE_TYPE_CHOICES',
        message: `Value must be one of {1, 2, 3, 4, 5, 6}.`,
      });
    }
    if (component.label === undefined && component.emoji === undefined && style !== 6) {
      errors.add([...path, 'label'], {
        code: 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED',
        message: 'A label or emoji must be specified',
      });
    }
  } else if (type !== undefined && SELECT_TYPES.has(type)) {
    if (typeof customId !== 'string') errors.add([...path, 'custom_id'], required);
    checkString(errors, [...path, 'placeholder'], component.placeholder, LIMITS.selectPlaceholder);
    if (type === 3) {
      const options = asArray(component.options);
      if (options.length === 0) errors.add([...path, 'options'], required);
      if (options.length > LIMITS.selectOptions) {
        errors.add([...path, 'options'], maxLength(LIMITS.selectOptions));
      }
      options.forEach((option, i) => {
        if (!isJsonObject(option)) return;
        const optionPath = [...path, 'options', i];
        checkString(errors, [...optionPath, 'label'], option.label, LIMITS.selectOptionText, {
          required: true,
        });
        checkString(errors, [...optionPath, 'value'], option.value, LIMITS.selectOptionText, {
          required: true,
        });
        checkString(
          errors,
          [...optionPath, 'description'],
          option.description,
          LIMITS.selectOptionText,
        );
      });
    }
  }
}

function checkActionRows(errors: FormErrors, path: ErrorPath, components: JsonValue[]): void {
  if (components.length > LIMITS.actionRows) errors.add(path, maxLength(LIMITS.actionRows));
  const customIds = new Set<string>();
  components.forEach((row, i) => {
    const rowPath = [...path, i];
    if (!isJsonObject(row) || row.type !== 1) {
      errors.add([...rowPath, 'type'], {
        code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        message: 'Top-level components must be action rows',
      });
      return;
    }
    const children = asObjects(row.components);
    if (children.length === 0) errors.add([...rowPath, 'components'], required);
    const selects = children.filter((c) => SELECT_TYPES.has(asNumber(c.type) ?? -1)).length;
    if (selects > 0 && children.length > 1) {
      errors.add([...rowPath, 'components'], {
        code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        message: 'The specified component exceeds the maximum width',
      });
    } else if (children.length > LIMITS.buttonsPerRow) {
      errors.add([...rowPath, 'components'], maxLength(LIMITS.buttonsPerRow));
    }
    children.forEach((child, j) => {
      checkComponent(errors, [...rowPath, 'components', j], child, customIds);
    });
  });
}

const ALLOWED_PARSE = new Set(['users', 'roles', 'everyone']);

function checkAllowedMentions(
  errors: FormErrors,
  path: ErrorPath,
  value: JsonValue | undefined,
): void {
  if (value === undefined || value === null) return;
  if (!isJsonObject(value)) {
    errors.add(path, {
      code: 'MODEL_TYPE_CONVERT',
      message: 'Only dictionaries may be used in a ModelType',
    });
    return;
  }
  const parse = asArray(value.parse);
  parse.forEach((item, i) => {
    if (typeof item !== 'string' || !ALLOWED_PARSE.has(item)) {
      errors.add([...path, 'parse', i], {
        code: 'BASE_TYPE_CHOICES',
        message: "Value must be one of ('users', 'roles', 'everyone').",
      });
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && asArray(value[kind]).length > 0) {
      errors.add([...path, 'parse'], {
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
  }
}

export const MESSAGE_FLAGS = {
  suppressEmbeds: 1 << 2,
  ephemeral: 1 << 6,
  loading: 1 << 7,
  suppressNotifications: 1 << 12,
  componentsV2: 1 << 15,
} as const;

export type MessageCheckMode = 'create' | 'edit';

/**
 * Checks a message body as Discord does for message creation (reply, follow-up) or edit.
 * `base` is the path prefix: `['data']` for interaction callbacks, `[]` for webhooks.
 * Returns the 50006 "empty message" case separately because Discord answers it with its own code.
 */
export function checkMessage(
  body: JsonObject,
  mode: MessageCheckMode,
  base: ErrorPath = [],
  attachmentCount = 0,
): { errors: FormErrors; emptyMessage: boolean } {
  const errors = new FormErrors();
  const flags = asNumber(body.flags) ?? 0;
  const componentsV2 = (flags & MESSAGE_FLAGS.componentsV2) !== 0;
  checkString(errors, [...base, 'content'], body.content, LIMITS.content);
  if (body.embeds !== undefined && body.embeds !== null) {
    const embeds = asArray(body.embeds);
    if (embeds.length > LIMITS.embeds) errors.add([...base, 'embeds'], maxLength(LIMITS.embeds));
    let total = 0;
    embeds.forEach((embed, i) => {
      total += checkEmbed(errors, [...base, 'embeds', i], embed);
    });
    if (total > LIMITS.embedTotal) {
      errors.add([...base, 'embeds'], {
        code: 'MAX_EMBED_SIZE_EXCEEDED',
        message: `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
      });
    }
  }
  if (body.components !== undefined && body.components !== null) {
    const components = asArray(body.components);
    if (componentsV2) {
      // Components V2 layouts are free-form; Discord caps the total count, not the rows.
      if (components.length > LIMITS.componentsV2Total) {
        errors.add([...base, 'components'], maxLength(LIMITS.componentsV2Total));
      }
    } else {
      checkActionRows(errors, [...base, 'components'], components);
    }
  }
  if (componentsV2 && (hasText(body.content) || asArray(body.embeds).length > 0)) {
    errors.add([...base, 'content'], {
      code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      message:
        "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    });
  }
  checkAllowedMentions(errors, [...base, 'allowed_mentions'], body.allowed_mentions);
  const emptyMessage =
    mode === 'create' &&
    !hasText(body.content) &&
    asArray(body.embeds).length === 0 &&
    asArray(body.components).length === 0 &&
    asArray(body.sticker_ids).length === 0 &&
    attachmentCount === 0 &&
    body.poll === undefined;
  return { errors, emptyMessage };
}

function hasText(value: JsonValue | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Autocomplete result (callback type 8): at most 25 choices, names 1-100, string values <= 100. */
export function checkAutocomplete(body: JsonObject, base: ErrorPath = ['data']): FormErrors {
  const errors = new FormErrors();
  const choices = asArray(body.choices);
  if (body.choices === undefined) errors.add([...base, 'choices'], required);
  if (choices.length > LIMITS.choices) errors.add([...base, 'choices'], maxLength(LIMITS.choices));
  choices.forEach((choice, i) => {
    const path = [...base, 'choices', i];
    if (!isJsonObject(choice)) {
      errors.add(path, required);
      return;
    }
    checkString(errors, [...path, 'name'], choice.name, LIMITS.choiceName, {
      required: true,
      min: 1,
    });
    if (typeof choice.value === 'string') {
      checkString(errors, [...path, 'value'], choice.value, LIMITS.choiceValue);
    } else if (typeof choice.value !== 'number') {
      errors.add([...path, 'value'], required);
    }
    checkLocalizations(errors, [...path, 'name_localizations'], choice.name_localizations, (p, v) =>
      checkString(errors, p, v, LIMITS.choiceName, { required: true, min: 1 }),
    );
  });
  return errors;
}

/** Locales Discord accepts in name/description localizations. */
export const DISCORD_LOCALES = new Set([
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
]);

function checkLocalizations(
  errors: FormErrors,
  path: ErrorPath,
  value: JsonValue | undefined,
  checkValue: (path: ErrorPath, value: JsonValue | undefined) => void,
): void {
  if (value === undefined || value === null) return;
  if (!isJsonObject(value)) {
    errors.add(path, {
      code: 'DICT_TYPE_CONVERT',
      message: 'Only dictionaries may be used in a DictType',
    });
    return;
  }
  for (const [locale, text] of Object.entries(value)) {
    if (!DISCORD_LOCALES.has(locale)) {
      errors.add([...path, locale], {
        code: 'ENUM_TYPE_COERCE',
        message: `Value "${locale}" is not a valid enum value.`,
      });
      continue;
    }
    checkValue([...path, locale], text);
  }
}

// Discord's documented chat-input name rule; it also requires the lowercase form where one exists.
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkCommandName(errors: FormErrors, path: ErrorPath, value: JsonValue | undefined): void {
  if (typeof value !== 'string' || !COMMAND_NAME.test(value) || value !== value.toLowerCase()) {
    errors.add(path, {
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: 'Command name is invalid',
    });
  }
}

const OPTION_SUB_COMMAND = 1;
const OPTION_SUB_COMMAND_GROUP = 2;
const CHOICE_TYPES = new Set([3, 4, 10]);

function checkCommandOptions(
  errors: FormErrors,
  path: ErrorPath,
  options: JsonValue | undefined,
  depth: number,
): void {
  if (options === undefined || options === null) return;
  const list = asArray(options);
  if (list.length > 25) errors.add(path, maxLength(25));
  const names = new Set<string>();
  let sawOptional = false;
  list.forEach((option, i) => {
    const optionPath = [...path, i];
    if (!isJsonObject(option)) {
      errors.add(optionPath, required);
      return;
    }
    const type = asNumber(option.type);
    checkCommandName(errors, [...optionPath, 'name'], option.name);
    const name = asString(option.name);
    if (name !== undefined) {
      if (names.has(name)) {
        errors.add([...optionPath, 'name'], {
          code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          message: 'Option names must be unique',
        });
      }
      names.add(name);
    }
    checkString(errors, [...optionPath, 'description'], option.description, 100, {
      required: true,
      min: 1,
    });
    checkLocalizations(
      errors,
      [...optionPath, 'name_localizations'],
      option.name_localizations,
      (p, v) => checkCommandName(errors, p, v),
    );
    checkLocalizations(
      errors,
      [...optionPath, 'description_localizations'],
      option.description_localizations,
      (p, v) => checkString(errors, p, v, 100, { required: true, min: 1 }),
    );
    if (type === undefined || type < 1 || type > 11) {
      errors.add([...optionPath, 'type'], {
        code: 'BASE_TYPE_CHOICES',
        message: 'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.',
      });
      return;
    }
    if (type === OPTION_SUB_COMMAND || type === OPTION_SUB_COMMAND_GROUP) {
      const allowedHere = depth === 0 || (depth === 1 && type === OPTION_SUB_COMMAND);
      if (!allowedHere) {
        errors.add([...optionPath, 'type'], {
          code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          message:
            'Sub-command and sub-command group option types are mutually exclusive to all other types',
        });
      }
      checkCommandOptions(errors, [...optionPath, 'options'], option.options, depth + 1);
      return;
    }
    const isRequired = option.required === true;
    if (isRequired && sawOptional) {
      errors.add([...optionPath, 'required'], {
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    if (!isRequired) sawOptional = true;
    const choices = option.choices;
    if (choices !== undefined && choices !== null) {
      if (!CHOICE_TYPES.has(type)) {
        errors.add([...optionPath, 'choices'], {
          code: 'APPLICATION_COMMAND_OPTION_CHOICES_INVALID',
          message: 'Choices are only allowed for string, integer and number options',
        });
      }
      if (option.autocomplete === true && asArray(choices).length > 0) {
        errors.add([...optionPath, 'autocomplete'], {
          code: 'AUTOCOMPLETE_AND_CHOICES_ERROR',
          message: 'Autocomplete and choices cannot both be set',
        });
      }
      const choiceErrors = checkAutocomplete({ choices }, []);
      if (!choiceErrors.empty) {
        for (const line of choiceErrors.flatten()) {
          errors.add([...optionPath, 'choices'], { code: 'CHOICE_INVALID', message: line });
        }
      }
    }
    checkLengthBounds(errors, optionPath, option, type);
    if (option.autocomplete === true && !CHOICE_TYPES.has(type)) {
      errors.add([...optionPath, 'autocomplete'], {
        code: 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID',
        message: 'Autocomplete is only allowed for string, integer and number options',
      });
    }
  });
}

const OPTION_STRING = 3;

/**
 * `min_length` (0-6000) and `max_length` (1-6000) as Discord allows them: integers, on
 * string options only, the minimum not above the maximum.
 */
function checkLengthBounds(
  errors: FormErrors,
  optionPath: ErrorPath,
  option: JsonObject,
  type: number,
): void {
  const bounds = [
    ['min_length', 0],
    ['max_length', 1],
  ] as const;
  for (const [key, lowest] of bounds) {
    const value = option[key];
    if (value === undefined || value === null) continue;
    if (type !== OPTION_STRING) {
      errors.add([...optionPath, key], {
        code: 'APPLICATION_COMMAND_OPTION_LENGTH_INVALID',
        message: 'Lengths are only allowed for string options',
      });
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      errors.add([...optionPath, key], {
        code: 'NUMBER_TYPE_COERCE',
        message: `Value "${String(value)}" is not int.`,
      });
    } else if (value < lowest || value > 6000) {
      errors.add([...optionPath, key], {
        code: 'NUMBER_TYPE_OUT_OF_RANGE',
        message: `int value should be between ${lowest} and 6000.`,
      });
    }
  }
  const min = asNumber(option.min_length);
  const max = asNumber(option.max_length);
  if (min !== undefined && max !== undefined && min > max) {
    errors.add([...optionPath, 'min_length'], {
      code: 'APPLICATION_COMMAND_OPTION_LENGTH_INVALID',
      message: 'min_length must not be greater than max_length',
    });
  }
}

/** Validates a bulk-overwrite (PUT) body of application commands as Discord does. */
export function checkCommands(body: JsonValue): FormErrors {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], {
      code: 'LIST_TYPE_CONVERT',
      message: 'Only iterables may be used in a ListType',
    });
    return errors;
  }
  const seen = new Set<string>();
  body.forEach((command, i) => {
    if (!isJsonObject(command)) {
      errors.add([i], required);
      return;
    }
    checkCommand(errors, [i], command);
    const key = `${asNumber(command.type) ?? 1}:${asString(command.name) ?? ''}`;
    if (seen.has(key)) {
      errors.add([i, 'name'], {
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: 'Application command names must be unique',
      });
    }
    seen.add(key);
  });
  return errors;
}

export function checkCommand(errors: FormErrors, path: ErrorPath, command: JsonObject): void {
  const type = asNumber(command.type) ?? 1;
  if (type === 1) {
    checkCommandName(errors, [...path, 'name'], command.name);
    checkString(errors, [...path, 'description'], command.description, 100, {
      required: true,
      min: 1,
    });
    checkLocalizations(
      errors,
      [...path, 'name_localizations'],
      command.name_localizations,
      (p, v) => checkCommandName(errors, p, v),
    );
    checkLocalizations(
      errors,
      [...path, 'description_localizations'],
      command.description_localizations,
      (p, v) => checkString(errors, p, v, 100, { required: true, min: 1 }),
    );
    checkCommandOptions(errors, [...path, 'options'], command.options, 0);
  } else {
    // User and message commands: free-form names, no description, no options.
    checkString(errors, [...path, 'name'], command.name, 32, { required: true, min: 1 });
    if (asString(command.description)) {
      errors.add([...path, 'description'], {
        code: 'APPLICATION_COMMAND_DESCRIPTION_INVALID',
        message: 'Description must be empty for user and message commands',
      });
    }
  }
  const permissions = command.default_member_permissions;
  if (permissions !== undefined && permissions !== null && !/^\d+$/.test(String(permissions))) {
    errors.add([...path, 'default_member_permissions'], {
      code: 'BIGINT_TYPE_CONVERT',
      message: 'Could not interpret value as bigint',
    });
  }
}
