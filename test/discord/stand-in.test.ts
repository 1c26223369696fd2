/**
 * Smoke test of the Discord stand-in with the REAL discord.js client: login, command
 * registration, replies, deferral, autocomplete, buttons, Discord's rejections and a resume.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordStandIn } from './stand-in';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error('until: timed out');
    await sleep(10);
  }
}

interface Observed {
  memberPermissions: bigint | null;
  cachedMemberPermissions: bigint | null;
  canManageGuild: boolean;
  locale: string;
}

const commands = [
  new SlashCommandBuilder()
    .setName('prøve')
    .setDescription('Svar på ulike måter')
    .setDescriptionLocalizations({ 'en-US': 'Answer in different ways' })
    .addStringOption((o) =>
      o
        .setName('variant')
        .setDescription('Hvordan')
        .setRequired(true)
        .addChoices(
          ...['embed', 'ephemeral', 'defer', 'big', 'late', 'followup'].map((v) => ({
            name: v,
            value: v,
          })),
        ),
    ),
  new SlashCommandBuilder()
    .setName('søk')
    .setDescription('Søk i arkivet')
    .addStringOption((o) =>
      o.setName('tekst').setDescription('Hva').setRequired(true).setAutocomplete(true),
    ),
].map((c) => c.toJSON());

describe('DiscordStandIn with discord.js', () => {
  let standIn: DiscordStandIn;
  let client: Client;
  const failures = new Map<string, unknown>();
  const observed = new Map<string, Observed>();

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused();
      await interaction.respond([
        { name: `${typed} (Oslo)`, value: `${typed}-oslo` },
        { name: `${typed} (Bergen)`, value: `${typed}-bergen` },
      ]);
      return;
    }
    if (interaction.isButton()) {
      await interaction.update({ content: `trykket ${interaction.customId}`, components: [] });
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    const member = interaction.inCachedGuild() ? interaction.member : null;
    observed.set(interaction.id, {
      memberPermissions: interaction.memberPermissions?.bitfield ?? null,
      cachedMemberPermissions: member?.permissions.bitfield ?? null,
      canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      locale: interaction.locale,
    });
    const embed = new EmbedBuilder()
      .setTitle('Kilde')
      .setDescription('Svar med kilder')
      .setColor(0x2b6cb0);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('mer').setLabel('Mer').setStyle(ButtonStyle.Primary),
      new ButtonBuilder()
        .setURL('https://example.org/artikkel')
        .setLabel('Kilde')
        .setStyle(ButtonStyle.Link),
    );
    switch (interaction.options.getString('variant', true)) {
      case 'embed':
        await interaction.reply({
          embeds: [embed],
          components: [row],
          allowedMentions: { parse: [] },
        });
        break;
      case 'ephemeral':
        await interaction.reply({
          content: 'bare for deg',
          embeds: [embed],
          flags: MessageFlags.Ephemeral,
        });
        break;
      case 'defer':
        await interaction.deferReply();
        await sleep(20);
        await interaction.editReply({ content: 'ferdig', embeds: [embed] });
        break;
      case 'followup':
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.followUp({ content: 'første' });
        await interaction.followUp({ content: 'andre' });
        break;
      case 'big':
        await interaction.reply({ content: 'x'.repeat(2001) });
        break;
      case 'late':
        await sleep(250);
        await interaction.reply({ content: 'for sent' });
        break;
    }
  }

  beforeAll(async () => {
    standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 1000 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => {
      handle(interaction).catch((error: unknown) => failures.set(interaction.id, error));
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(standIn.token);
    await ready;
    const rest = new REST({ api: standIn.apiUrl }).setToken(standIn.token);
    await rest.put(Routes.applicationGuildCommands(standIn.applicationId, standIn.guildId), {
      body: commands,
    });
  });

  afterAll(async () => {
    await client?.destroy();
    await standIn?.close();
  });

  it('logs the client in with a fully available guild', async () => {
    await standIn.waitForIdentify();
    expect(standIn.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    const guild = client.guilds.cache.get(standIn.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.cache.get(standIn.guildId)?.name).toBe('@everyone');
    expect(guild?.roles.cache.some((r) => r.name === 'Moderator')).toBe(true);
    expect(guild?.channels.cache.get(standIn.guild.channelId)?.isTextBased()).toBe(true);
    expect(client.user?.id).toBe(standIn.applicationId);
    expect(client.application?.id).toBe(standIn.applicationId);
  });

  it('stores the registered commands with ids', () => {
    const registered = standIn.registeredCommands();
    expect(registered.map((c) => c.name)).toEqual(['prøve', 'søk']);
    expect(registered.every((c) => typeof c.id === 'string')).toBe(true);
    expect(registered[0]?.guild_id).toBe(standIn.guildId);
  });

  it('records a public reply with an embed and buttons', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'embed' }],
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(4);
    const original = handle.original();
    expect(original?.ephemeral).toBe(false);
    expect(original?.embeds[0]?.title).toBe('Kilde');
    expect(original?.embeds[0]?.description).toBe('Svar med kilder');
    expect(original?.components[0]?.components).toEqual([
      expect.objectContaining({ type: 2, custom_id: 'mer', label: 'Mer' }),
      expect.objectContaining({ type: 2, url: 'https://example.org/artikkel', style: 5 }),
    ]);
    expect(original?.allowedMentions).toEqual({ parse: [] });
    const seen = await until(() => observed.get(handle.id));
    expect(seen.locale).toBe('no');
    expect(seen.memberPermissions).toBe(seen.cachedMemberPermissions);
    expect(seen.canManageGuild).toBe(false);
  });

  it('gives a moderator the same permissions in the payload as in the client cache', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'embed' }],
      roles: [standIn.guild.moderatorRoleId],
      locale: 'en-US',
    });
    await handle.callback();
    const seen = await until(() => observed.get(handle.id));
    expect(seen.canManageGuild).toBe(true);
    expect(seen.memberPermissions).toBe(seen.cachedMemberPermissions);
    expect(seen.locale).toBe('en-US');
  });

  it('records the ephemeral flag', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'ephemeral' }],
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(4);
    expect(handle.original()).toMatchObject({
      ephemeral: true,
      flags: 64,
      content: 'bare for deg',
    });
  });

  it('follows deferReply then editReply', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'defer' }],
    });
    expect((await handle.callback()).type).toBe(5);
    const edited = await handle.waitForEdit(1);
    expect(edited).toMatchObject({
      content: 'ferdig',
      loading: false,
      ephemeral: false,
      editCount: 1,
    });
    expect(edited.embeds[0]?.title).toBe('Kilde');
  });

  it('lets the first follow-up after a deferral replace the thinking message', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'followup' }],
    });
    await handle.waitForFollowUp(2);
    expect(handle.original()).toMatchObject({ content: 'første', ephemeral: true, loading: false });
    expect(handle.followUps().map((m) => m.content)).toEqual(['første', 'andre']);
  });

  it('answers autocomplete with choices', async () => {
    const handle = await standIn.sendAutocomplete({
      name: 'søk',
      options: [{ name: 'tekst', value: 'stor', focused: true }],
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(8);
    expect(callback.data).toEqual({
      choices: [
        { name: 'stor (Oslo)', value: 'stor-oslo' },
        { name: 'stor (Bergen)', value: 'stor-bergen' },
      ],
    });
  });

  it('updates the message when its button is clicked', async () => {
    const command = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'embed' }],
    });
    await command.callback();
    const message = command.original();
    if (!message) throw new Error('no original message');
    const click = await standIn.clickButton({ customId: 'mer', message });
    expect((await click.callback()).type).toBe(7);
    expect(click.original()).toMatchObject({
      id: message.id,
      content: 'trykket mer',
      components: [],
    });
    // The same message is the command's original response: Discord shows the update there.
    expect(command.original()?.content).toBe('trykket mer');
    await expect(standIn.clickButton({ customId: 'mer', message: message.id })).rejects.toThrow(
      /no component/,
    );
  });

  it('rejects an over-limit reply with 400 / 50035, and the client sees it', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'big' }],
    });
    const attempt = await handle.waitForAttempt(1);
    expect(attempt).toMatchObject({ status: 400, errorCode: 50035 });
    expect(attempt.errors.join()).toMatch(/data\.content: Must be 2000 or fewer/);
    const failure = await until(() => failures.get(handle.id));
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({ status: 400, code: 50035 });
    expect(handle.original()).toBeUndefined();
  });

  it('rejects a reply after the deadline with 10062 Unknown interaction', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'late' }],
      deadlineMs: 150,
    });
    const failure = await until(() => failures.get(handle.id));
    expect(failure).toMatchObject({ status: 404, code: 10062 });
    expect(handle.attempts()[0]?.afterMs).toBeGreaterThan(150);
  });

  it('refuses a second acknowledgement with 40060', async () => {
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'ephemeral' }],
    });
    await handle.callback();
    const response = await fetch(
      `${standIn.apiUrl}/v10/interactions/${handle.id}/${handle.token}/callback`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'igjen' } }),
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 40060 });
  });

  it('survives RECONNECT: the client resumes and commands still work', async () => {
    await standIn.forceReconnect();
    expect(standIn.resumeCount).toBe(1);
    expect(standIn.identifyCount).toBe(1);
    expect(standIn.gatewayConnections.at(-1)?.path).toBe('/gateway-resume');
    const handle = await standIn.sendCommand({
      name: 'prøve',
      options: [{ name: 'variant', value: 'embed' }],
    });
    expect((await handle.callback()).type).toBe(4);
  });

  it('saw heartbeats, bot auth only where Discord wants it, and no token in any request', async () => {
    // The first heartbeat comes at a random point within the 1 s interval: wait for it.
    await until(() => (standIn.heartbeatCount > 0 ? true : undefined));
    const callbacks = standIn.requests.filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.length).toBeGreaterThan(5);
    expect(callbacks.every((r) => r.auth === 'none')).toBe(true);
    expect(standIn.requests.find((r) => r.path === '/gateway/bot')?.auth).toBe('bot');
    expect(standIn.unknownRequests()).toEqual([]);
    for (const request of standIn.requests) {
      expect(JSON.stringify([request.body, request.headers, request.query])).not.toContain(
        standIn.token,
      );
    }
  });
});
