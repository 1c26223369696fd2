import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { Command } from '../src/discord/command';
import { defaultName, localize } from '../src/discord/command-text';
import { NO_MENTIONS } from '../src/discord/message';
import { isModerator } from '../src/discord/permissions';
import { renderReload, renderStatus } from '../src/discord/render/knowledge';

const reloadName = defaultName((t) => t.discord.knowledge.reload);

/**
 * `/kunnskap last-inn|status` · `/knowledge reload|status`, for moderators. The reload
 * report is ephemeral: it lists file names and parse problems meant for whoever edits the
 * archive, not for the channel, and a moderator can share it if they want.
 */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.knowledge)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => localize(s, (t) => t.discord.knowledge.reload))
    .addSubcommand((s) => localize(s, (t) => t.discord.knowledge.status)),
  async execute(interaction, ctx) {
    if (!isModerator(interaction, ctx.config)) return ctx.fail(ctx.t.errors.notAllowed, 'refused');
    if (interaction.options.getSubcommand(true) === reloadName) {
      // Reloading reads and analyses every file: it can take longer than Discord's 3 s.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const report = await ctx.kilde.reload();
      await interaction.editReply({
        embeds: [renderReload(report, ctx.t)],
        allowedMentions: NO_MENTIONS,
      });
      return { outcome: 'answered', results: report.articles };
    }
    const status = await ctx.kilde.status();
    await interaction.reply({
      embeds: [renderStatus(status, ctx.t)],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return { outcome: 'answered', results: status.articles };
  },
} satisfies Command;
