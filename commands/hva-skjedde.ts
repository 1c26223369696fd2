import { SlashCommandBuilder } from 'discord.js';
import { dayChoices } from '../src/discord/choices';
import type { Command } from '../src/discord/command';
import { defaultName, localize } from '../src/discord/command-text';

const dateOption = defaultName((t) => t.discord.whatHappened.date);
const topicOption = defaultName((t) => t.discord.whatHappened.topic);

/** `/hva-skjedde dato [tema]` · `/what-happened date [topic]`: a day's articles and events. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.whatHappened)
    .addStringOption((o) =>
      localize(o, (t) => t.discord.whatHappened.date)
        .setRequired(true)
        .setAutocomplete(true),
    )
    .addStringOption((o) => localize(o, (t) => t.discord.whatHappened.topic).setMaxLength(100)),
  execute(interaction, ctx) {
    const topic = interaction.options.getString(topicOption)?.trim();
    return ctx.answer({
      command: 'whatHappened',
      query: interaction.options.getString(dateOption, true),
      ...(topic ? { topic } : {}),
    });
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const choices =
      focused.name === dateOption ? dayChoices(await ctx.kilde.suggestDays(focused.value, 25)) : [];
    await interaction.respond(choices);
    return choices.length;
  },
} satisfies Command;
