import { SlashCommandBuilder } from 'discord.js';
import { suggestNamesFor } from '../src/discord/choices';
import type { Command } from '../src/discord/command';
import { localize } from '../src/discord/command-text';
import { defineText, readText, textOption } from '../src/discord/options';

const nameOption = textOption((t) => t.discord.who.nameOption, 'name');

/** `/hvem navn` · `/who name`: the entity card. */
export default {
  data: localize(new SlashCommandBuilder(), (t) => t.discord.who).addStringOption((o) =>
    defineText(o, nameOption).setAutocomplete(true),
  ),
  execute(interaction, ctx) {
    const name = readText(interaction, nameOption);
    if (!name.ok) return ctx.refuse(name, nameOption);
    return ctx.answer({ command: 'who', query: name.text });
  },
  autocomplete: suggestNamesFor(nameOption),
} satisfies Command;
