import { SlashCommandBuilder } from 'discord.js';
import { dayChoices } from '../src/discord/choices';
import type { Command } from '../src/discord/command';
import { localize } from '../src/discord/command-text';
import { defineText, focusedText, readText, textOption } from '../src/discord/options';

const dateOption = textOption((t) => t.discord.whatHappened.date, 'date');
const topicOption = textOption((t) => t.discord.whatHappened.topic, 'topic', { required: false });

/** `/hva-skjedde dato [tema]` · `/what-happened date [topic]`: a day's articles and events. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.whatHappened)
    .addStringOption((o) => defineText(o, dateOption).setAutocomplete(true))
    .addStringOption((o) => defineText(o, topicOption)),
  execute(interaction, ctx) {
    const date = readText(interaction, dateOption);
    if (!date.ok) return ctx.refuse(date, dateOption);
    const topic = readText(interaction, topicOption);
    if (!topic.ok) return ctx.refuse(topic, topicOption);
    const trimmed = topic.text.trim();
    return ctx.answer({
      command: 'whatHappened',
      query: date.text,
      ...(trimmed ? { topic: trimmed } : {}),
    });
  },
  async autocomplete(interaction, ctx) {
    const typed = focusedText(interaction, dateOption);
    const choices =
      typed === undefined ? [] : dayChoices(await ctx.kilde.suggestDays(typed, 25), ctx.t);
    await interaction.respond(choices);
    return choices.length;
  },
} satisfies Command;
