import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command';
import { localize } from '../src/discord/command-text';
import { defineText, readText, textOption } from '../src/discord/options';

const textOpt = textOption((t) => t.discord.search.text, 'text');

/** `/søk tekst` · `/search text`: free text and questions, best passages first. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.search).addStringOption((o) =>
    defineText(o, textOpt),
  ),
  execute(interaction, ctx) {
    const text = readText(interaction, textOpt);
    if (!text.ok) return ctx.refuse(text, textOpt);
    return ctx.answer({ command: 'search', query: text.text });
  },
} satisfies Command;
