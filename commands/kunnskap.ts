import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { Command } from '../src/discord/command';
import { defaultName, localize } from '../src/discord/command-text';
import { NO_MENTIONS } from '../src/discord/message';
import {
  addFromForm,
  addFromUpload,
  articleChoices,
  auditReload,
  moveArticle,
  OPTIONS,
  openWriteForm,
  WRITE_MODAL_ID,
} from '../src/discord/moderation/handlers';
import { defineText } from '../src/discord/options';
import { isModerator } from '../src/discord/permissions';
import { renderReload, renderStatus } from '../src/discord/render/knowledge';

const sub = {
  reload: defaultName((t) => t.discord.knowledge.reload),
  add: defaultName((t) => t.moderation.commands.add),
  write: defaultName((t) => t.moderation.commands.write),
  remove: defaultName((t) => t.moderation.commands.remove),
  restore: defaultName((t) => t.moderation.commands.restore),
};

/**
 * `/kunnskap last-inn|status|legg-til|skriv|fjern|angre` · `/knowledge reload|status|add|
 * write|remove|restore`, for moderators. Every answer is ephemeral: it lists file names and
 * problems meant for whoever edits the archive, not for the channel; changes go to the
 * audit log (and the moderation channel, when one is set).
 */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.knowledge)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => localize(s, (t) => t.discord.knowledge.reload))
    .addSubcommand((s) => localize(s, (t) => t.discord.knowledge.status))
    .addSubcommand((s) =>
      localize(s, (t) => t.moderation.commands.add)
        .addAttachmentOption((o) =>
          localize(o, (t) => t.moderation.commands.add.file).setRequired(true),
        )
        .addStringOption((o) => defineText(o, OPTIONS.title))
        .addStringOption((o) => defineText(o, OPTIONS.date))
        .addStringOption((o) => defineText(o, OPTIONS.source))
        .addStringOption((o) => defineText(o, OPTIONS.url)),
    )
    .addSubcommand((s) => localize(s, (t) => t.moderation.commands.write))
    .addSubcommand((s) =>
      localize(s, (t) => t.moderation.commands.remove).addStringOption((o) =>
        defineText(o, OPTIONS.removeArticle).setAutocomplete(true),
      ),
    )
    .addSubcommand((s) =>
      localize(s, (t) => t.moderation.commands.restore).addStringOption((o) =>
        defineText(o, OPTIONS.restoreArticle).setAutocomplete(true),
      ),
    ),
  async execute(interaction, ctx) {
    if (!isModerator(interaction, ctx.config)) return ctx.fail(ctx.t.errors.notAllowed, 'refused');
    const subcommand = interaction.options.getSubcommand(true);
    if (subcommand === sub.add) return addFromUpload(interaction, ctx);
    if (subcommand === sub.write) return openWriteForm(interaction, ctx);
    if (subcommand === sub.remove) return moveArticle(interaction, ctx, 'remove');
    if (subcommand === sub.restore) return moveArticle(interaction, ctx, 'restore');
    if (subcommand === sub.reload) {
      // Reloading reads and analyses every file: it can take longer than Discord's 3 s.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const report = await ctx.kilde.reload();
      await interaction.editReply({
        embeds: [renderReload(report, ctx.t)],
        allowedMentions: NO_MENTIONS,
      });
      await auditReload(interaction, ctx, report);
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
  async autocomplete(interaction, ctx) {
    // Only moderators see titles to pick; anyone else gets an empty list, as for no match.
    const subcommand = interaction.options.getSubcommand(false);
    const action =
      subcommand === sub.remove ? 'remove' : subcommand === sub.restore ? 'restore' : undefined;
    const choices =
      action && isModerator(interaction, ctx.config)
        ? await articleChoices(interaction, ctx, action)
        : [];
    await interaction.respond(choices);
    return choices.length;
  },
  modals: {
    async [WRITE_MODAL_ID](interaction, ctx) {
      if (!isModerator(interaction, ctx.config)) {
        await interaction.reply({
          content: ctx.t.errors.notAllowed,
          flags: MessageFlags.Ephemeral,
          allowedMentions: NO_MENTIONS,
        });
        return { outcome: 'refused', results: 0 };
      }
      return addFromForm(interaction, ctx);
    },
  },
} satisfies Command;
