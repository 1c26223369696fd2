import type { LocalizationMap } from 'discord.js';
import { type Messages, messages } from '../i18n';
import type { CommandText } from '../i18n/messages';

/** Anything named and described in Discord: commands, subcommands, options. */
interface Describable<T> {
  setName(name: string): T;
  setNameLocalizations(localizations: LocalizationMap | null): T;
  setDescription(description: string): T;
  setDescriptionLocalizations(localizations: LocalizationMap | null): T;
}

/**
 * Names a builder from the catalogs: Norwegian is the default (what Discord shows when it
 * has no translation, and the name handlers read options by); `no`, `en-US` and `en-GB`
 * are localizations.
 */
export function localize<T extends Describable<T>>(
  builder: T,
  pick: (t: Messages) => CommandText,
): T {
  const nb = pick(messages('nb'));
  const en = pick(messages('en'));
  return builder
    .setName(nb.name)
    .setNameLocalizations({ no: nb.name, 'en-US': en.name, 'en-GB': en.name })
    .setDescription(nb.description)
    .setDescriptionLocalizations({
      no: nb.description,
      'en-US': en.description,
      'en-GB': en.description,
    });
}

/** The default (Norwegian) name: what `interaction.options` knows an option or subcommand by. */
export function defaultName(pick: (t: Messages) => CommandText): string {
  return pick(messages('nb')).name;
}
