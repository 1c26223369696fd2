import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandStringOption,
} from 'discord.js';
import { type Admission, admit, clip, INPUT_LIMITS, type InputKind } from '../answers/query-text';
import type { Messages } from '../i18n';
import type { CommandText } from '../i18n/messages';
import { defaultName, localize } from './command-text';

/** A string option: its catalog texts, the kind of text it holds (its length limit), required? */
export interface TextOption {
  pick: (t: Messages) => CommandText;
  kind: InputKind;
  required: boolean;
  /** The default (Norwegian) name `interaction.options` knows it by. */
  name: string;
}

export type Refusal = Extract<Admission, { ok: false }>;

export function textOption(
  pick: (t: Messages) => CommandText,
  kind: InputKind,
  options: { required?: boolean } = {},
): TextOption {
  return { pick, kind, required: options.required ?? true, name: defaultName(pick) };
}

/**
 * The option's definition for Discord: names from the catalogs and `max_length` from
 * INPUT_LIMITS, so Discord itself refuses what the handler would refuse.
 */
export function defineText(
  builder: SlashCommandStringOption,
  option: TextOption,
): SlashCommandStringOption {
  return localize(builder, option.pick)
    .setRequired(option.required)
    .setMaxLength(INPUT_LIMITS[option.kind]);
}

/**
 * The option's value through the input gate, before anything reads it: missing (when
 * required) or over its limit is a refusal. Never throws, unlike `getString(name, true)`.
 */
export function readText(interaction: ChatInputCommandInteraction, option: TextOption): Admission {
  return admit(interaction.options.getString(option.name, false), option.kind, {
    required: option.required,
  });
}

/** The localized reason a value was refused: it never quotes the value. */
export function refusalText(refusal: Refusal, option: TextOption, t: Messages): string {
  return refusal.error === 'missing'
    ? t.errors.missingOption(option.pick(t).name)
    : t.errors.tooLong(refusal.limit);
}

/**
 * What the user has typed so far in the focused option, cut to the option's limit:
 * autocomplete has no error message, so a longer prefix is answered as its first part.
 */
export function focusedText(
  interaction: AutocompleteInteraction,
  option: TextOption,
): string | undefined {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== option.name) return undefined;
  return clip(String(focused.value), INPUT_LIMITS[option.kind]);
}
