import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command';
import { localize } from '../src/discord/command-text';
import { renderSources } from '../src/discord/render/sources';

/** `/kilder` · `/sources`: the archive's articles, newest first, paged. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.sources),
  execute: async (_interaction, ctx) => ctx.show(renderSources(await ctx.kilde.sources(), ctx.t)),
} satisfies Command;
