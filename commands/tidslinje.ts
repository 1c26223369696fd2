import { SlashCommandBuilder } from 'discord.js';
import { suggestNamesFor } from '../src/discord/choices';
import type { Command } from '../src/discord/command';
import { localize } from '../src/discord/command-text';
import { defineText, readText, textOption } from '../src/discord/options';
import { timelineMessage } from '../src/discord/timeline-button';

const nameOption = textOption((t) => t.moderation.commands.timeline.nameOption, 'name');

/**
 * `/tidslinje navn` · `/timeline name`: a picture of when a name is in the archive. A name
 * that is not one person (several candidates, none, bad input) gets `/hvem`'s answer,
 * whose card has the timeline button.
 */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.moderation.commands.timeline).addStringOption(
    (o) => defineText(o, nameOption).setAutocomplete(true),
  ),
  async execute(interaction, ctx) {
    const name = readText(interaction, nameOption);
    if (!name.ok) return ctx.refuse(name, nameOption);
    const answer = await ctx.kilde.timeline(name.text);
    if (answer.kind !== 'found') return ctx.answer({ command: 'who', query: name.text });
    await interaction.reply(timelineMessage(answer, ctx.t));
    return { outcome: 'answered', results: answer.timeline.articleCount };
  },
  autocomplete: suggestNamesFor(nameOption),
} satisfies Command;
