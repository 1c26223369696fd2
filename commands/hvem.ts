import { SlashCommandBuilder } from 'discord.js';
import { nameChoices } from '../src/discord/choices';
import type { Command } from '../src/discord/command';
import { defaultName, localize } from '../src/discord/command-text';

const nameOption = defaultName((t) => t.discord.who.nameOption);

/** `/hvem navn` · `/who name`: the entity card. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.who).addStringOption((o) =>
    localize(o, (t) => t.discord.who.nameOption)
      .setRequired(true)
      .setAutocomplete(true),
  ),
  execute: (interaction, ctx) =>
    ctx.answer({ command: 'who', query: interaction.options.getString(nameOption, true) }),
  async autocomplete(interaction, ctx) {
    const choices = nameChoices(
      await ctx.kilde.suggestNames(interaction.options.getFocused(), 25),
      ctx.t,
    );
    await interaction.respond(choices);
    return choices.length;
  },
} satisfies Command;
