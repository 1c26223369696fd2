import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command';
import { defaultName, localize } from '../src/discord/command-text';

const textOption = defaultName((t) => t.discord.search.text);

/** `/søk tekst` · `/search text`: free text and questions, best passages first. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.search).addStringOption((o) =>
    localize(o, (t) => t.discord.search.text)
      .setRequired(true)
      .setMaxLength(300),
  ),
  execute: (interaction, ctx) =>
    ctx.answer({ command: 'search', query: interaction.options.getString(textOption, true) }),
} satisfies Command;
