import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { DaySuggestion, EntitySummary } from '../answers/types';
import type { Messages } from '../i18n';
import { formatDay } from '../i18n/format';
import type { BaseContext } from './command';
import { charLength, cutText, LIMITS } from './limits';
import { focusedText, type TextOption } from './options';

/**
 * Autocomplete for names: "Jonas Gahr Støre — statsminister", the value being the name
 * itself (what `/hvem` then looks up). A name too long for a value is left out.
 */
export function nameChoices(
  entities: readonly EntitySummary[],
  t: Messages,
): ApplicationCommandOptionChoiceData<string>[] {
  return entities
    .filter((e) => e.name.trim() !== '' && charLength(e.name) <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((e) => ({
      name: choiceName(e.role ? t.discord.nameWithRole(e.name, e.role) : e.name, e.name),
      value: e.name,
    }));
}

/**
 * Autocomplete for days: "15. mars 2023 — Bystyret vedtok nytt budsjett" in the reader's
 * language, the value being the ISO day (what `/hva-skjedde` then reads).
 */
export function dayChoices(
  days: readonly DaySuggestion[],
  t: Messages,
): ApplicationCommandOptionChoiceData<string>[] {
  return days.slice(0, LIMITS.choices).map((d) => {
    const day = formatDay(d.date, t);
    return { name: choiceName(d.preview ? `${day} — ${d.preview}` : day, day), value: d.date };
  });
}

/** At most 100 characters; falls back to the bare value when the hint makes it too long. */
function choiceName(text: string, bare: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  if (charLength(line) <= LIMITS.choiceName) return line;
  const cut = cutText(line, LIMITS.choiceName);
  return charLength(cut) >= 1 ? cut : bare;
}

/** The autocomplete of a command whose option is a name (`/hvem`, `/tidslinje`). */
export function suggestNamesFor(option: TextOption) {
  return async (interaction: AutocompleteInteraction, ctx: BaseContext): Promise<number> => {
    const typed = focusedText(interaction, option) ?? '';
    const choices = nameChoices(await ctx.kilde.suggestNames(typed, LIMITS.choices), ctx.t);
    await interaction.respond(choices);
    return choices.length;
  };
}
