import { SlashCommandBuilder } from 'discord.js';
import { nameChoices } from '../src/discord/choices';
import type { Command } from '../src/discord/command';
import { localize } from '../src/discord/command-text';
import { defineText, focusedText, readText, textOption } from '../src/discord/options';

const nameOption = textOption((t) => t.discord.who.nameOption, 'name');

/** `/hvem navn` · `/who name`: the entity card. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.who).addStringOption((o) =>
    defineText(o, nameOption).setAutocomplete(true),
  ),
  execute(interaction, ctx) {
    const name = readText(interaction, nameOption);
    if (!name.ok) return ctx.refuse(name, nameOption);
    return ctx.answer({ command: 'who', query: name.text });
  },
  async autocomplete(interaction, ctx) {
    const typed = focusedText(interaction, nameOption) ?? '';
    const choices = nameChoices(await ctx.kilde.suggestNames(typed, 25), ctx.t);
    await interaction.respond(choices);
    return choices.length;
  },
} satisfies Command;
