import {
  ActionRowBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  type ModalSubmitInteraction,
  type RepliableInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { messages } from '../../i18n';
import { draftFromForm } from '../../moderation/draft';
import type {
  Actor,
  AddOutcome,
  ArticleOverrides,
  AuditEntry,
  MoveOutcome,
} from '../../moderation/types';
import type { BaseContext, CommandResult } from '../command';
import { defaultName } from '../command-text';
import { cutText, LIMITS } from '../limits';
import { NO_MENTIONS } from '../message';
import { refusalText as optionRefusal, readText, textOption } from '../options';
import { refusalText, renderAdded, renderMoved, renderRefusal } from '../render/moderation';
import { postAudit } from './audit-channel';
import { downloadArticle } from './download';

/** The modal `/kunnskap skriv` opens, and the ids of its inputs. */
export const WRITE_MODAL_ID = 'kunnskap:skriv';
const FIELD = { title: 'title', date: 'date', source: 'source', text: 'text' } as const;

/** The options of `/kunnskap legg-til|fjern|angre`, with the limits Discord enforces. */
export const OPTIONS = {
  title: textOption((t) => t.moderation.commands.add.title, 'title', { required: false }),
  date: textOption((t) => t.moderation.commands.add.date, 'date', { required: false }),
  source: textOption((t) => t.moderation.commands.add.source, 'source', { required: false }),
  url: textOption((t) => t.moderation.commands.add.url, 'url', { required: false }),
  removeArticle: textOption((t) => t.moderation.commands.remove.article, 'article'),
  restoreArticle: textOption((t) => t.moderation.commands.restore.article, 'article'),
};
const fileOption = defaultName((t) => t.moderation.commands.add.file);

export function actorOf(interaction: Interaction): Actor {
  return { id: interaction.user.id, name: interaction.user.username };
}

/** Posts to the moderation channel in the server's default language. */
function audit(interaction: Interaction, ctx: BaseContext, entry: AuditEntry): Promise<void> {
  const t = messages(ctx.config.DEFAULT_LOCALE);
  return postAudit(interaction.client, ctx.config.MOD_LOG_CHANNEL_ID, entry, t, ctx.logger);
}

async function ephemeralText(interaction: RepliableInteraction, content: string): Promise<void> {
  const payload = {
    content: cutText(content, LIMITS.content),
    embeds: [],
    allowedMentions: NO_MENTIONS,
  };
  if (interaction.deferred || interaction.replied) await interaction.editReply(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}

/** The answer to an add (upload or form): what was added, or why nothing was. */
async function answerAdd(
  interaction: RepliableInteraction,
  ctx: BaseContext,
  outcome: AddOutcome,
): Promise<CommandResult> {
  if (outcome.kind === 'refused') {
    await interaction.editReply({
      embeds: [renderRefusal(outcome.refusal, ctx.t)],
      allowedMentions: NO_MENTIONS,
    });
    return { outcome: 'refused', results: 0 };
  }
  await interaction.editReply({
    embeds: [renderAdded(outcome.article, ctx.t)],
    allowedMentions: NO_MENTIONS,
  });
  await audit(interaction, ctx, outcome.audit);
  return { outcome: 'answered', results: 1 };
}

/** `/kunnskap legg-til fil: [tittel] [dato] [kilde] [url]`. */
export async function addFromUpload(
  interaction: ChatInputCommandInteraction,
  ctx: BaseContext,
): Promise<CommandResult> {
  const r = ctx.t.moderation.refused;
  const attachment = interaction.options.getAttachment(fileOption, true);
  const overrides: ArticleOverrides = {};
  for (const key of ['title', 'date', 'source', 'url'] as const) {
    const value = readText(interaction, OPTIONS[key]);
    if (!value.ok) {
      await ephemeralText(
        interaction,
        refusalText(optionRefusal(value, OPTIONS[key], ctx.t), ctx.t),
      );
      return { outcome: 'invalid', results: 0 };
    }
    if (value.text.trim()) overrides[key] = value.text.trim();
  }
  // Downloading, validating and reloading can take longer than Discord's 3 s.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const maxKb = ctx.config.KNOWLEDGE_MAX_FILE_KB;
  const download = await downloadArticle(attachment, { maxBytes: maxKb * 1024 });
  if (!download.ok) {
    const text =
      download.reason === 'not-text'
        ? r.notText(attachment.name)
        : download.reason === 'too-large'
          ? ctx.t.problems['file-too-large']({ bytes: download.bytes, limitKb: maxKb })
          : r.download;
    await ephemeralText(interaction, refusalText(text, ctx.t));
    return { outcome: 'refused', results: 0 };
  }
  const outcome = await ctx.kilde.addArticle(
    { bytes: download.bytes, format: download.format, overrides, label: attachment.name },
    actorOf(interaction),
  );
  return answerAdd(interaction, ctx, outcome);
}

/** `/kunnskap skriv`: the form. */
export async function openWriteForm(
  interaction: ChatInputCommandInteraction,
  ctx: BaseContext,
): Promise<CommandResult> {
  const f = ctx.t.moderation.form;
  const input = (
    id: string,
    label: string,
    style: TextInputStyle,
    max: number,
    required: boolean,
  ) =>
    new ActionRowBuilder<TextInputBuilder>().addComponents(
      new TextInputBuilder()
        .setCustomId(id)
        .setLabel(label)
        .setStyle(style)
        .setMaxLength(max)
        .setRequired(required),
    );
  const date = input(FIELD.date, f.date, TextInputStyle.Short, 10, true);
  date.components[0]?.setPlaceholder(f.datePlaceholder).setMinLength(7);
  const text = input(FIELD.text, f.text, TextInputStyle.Paragraph, 4000, true);
  text.components[0]?.setPlaceholder(f.textPlaceholder);
  await interaction.showModal(
    new ModalBuilder()
      .setCustomId(WRITE_MODAL_ID)
      .setTitle(f.title)
      .addComponents(
        input(FIELD.title, f.articleTitle, TextInputStyle.Short, 200, true),
        date,
        input(FIELD.source, f.source, TextInputStyle.Short, 100, false),
        text,
      ),
  );
  return { outcome: 'answered', results: 0 };
}

/** The filled-in form: the same validation and answer as an upload. */
export async function addFromForm(
  interaction: ModalSubmitInteraction,
  ctx: BaseContext,
): Promise<CommandResult> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const value = (id: string) => interaction.fields.getTextInputValue(id).trim();
  const source = value(FIELD.source);
  const draft = draftFromForm({
    title: value(FIELD.title),
    date: value(FIELD.date),
    ...(source ? { source } : {}),
    text: interaction.fields.getTextInputValue(FIELD.text),
  });
  const outcome = await ctx.kilde.addArticle(draft, actorOf(interaction));
  return answerAdd(interaction, ctx, outcome);
}

/** `/kunnskap fjern artikkel:` and `/kunnskap angre artikkel:`. */
export async function moveArticle(
  interaction: ChatInputCommandInteraction,
  ctx: BaseContext,
  action: 'remove' | 'restore',
): Promise<CommandResult> {
  const option = action === 'remove' ? OPTIONS.removeArticle : OPTIONS.restoreArticle;
  const read = readText(interaction, option);
  if (!read.ok) {
    await ephemeralText(interaction, optionRefusal(read, option, ctx.t));
    return { outcome: 'invalid', results: 0 };
  }
  const ref = read.text;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const actor = actorOf(interaction);
  const outcome: MoveOutcome =
    action === 'remove'
      ? await ctx.kilde.removeArticle(ref, actor)
      : await ctx.kilde.restoreArticle(ref, actor);
  if (outcome.kind === 'refused') {
    await interaction.editReply({
      embeds: [renderRefusal(outcome.refusal, ctx.t)],
      allowedMentions: NO_MENTIONS,
    });
    return { outcome: 'refused', results: 0 };
  }
  await ephemeralText(interaction, renderMoved(outcome.kind, outcome.article, ctx.t));
  await audit(interaction, ctx, outcome.audit);
  return { outcome: 'answered', results: 1 };
}

/** Titles to pick from: articles in the answers (remove) or removed ones (restore). */
export async function articleChoices(
  interaction: AutocompleteInteraction,
  ctx: BaseContext,
  action: 'remove' | 'restore',
): Promise<{ name: string; value: string }[]> {
  const partial = String(interaction.options.getFocused());
  const found =
    action === 'remove'
      ? await ctx.kilde.suggestArticles(partial, 25)
      : await ctx.kilde.suggestRemoved(partial, 25);
  return found
    .filter((choice) => choice.id.length <= LIMITS.choiceValue)
    .map((choice) => ({
      name: cutText(`${choice.title}${choice.date ? ` (${choice.date})` : ''}`, LIMITS.choiceName),
      value: choice.id,
    }));
}

/** A moderator's reload, into the audit log and the moderation channel when it changed anything. */
export async function auditReload(
  interaction: Interaction,
  ctx: BaseContext,
  report: Parameters<BaseContext['kilde']['recordReload']>[1],
): Promise<void> {
  if (report.added.length + report.changed.length + report.removed.length === 0) return;
  const entry = await ctx.kilde.recordReload(actorOf(interaction), report);
  await audit(interaction, ctx, entry);
}
