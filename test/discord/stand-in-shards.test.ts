/**
 * Sharding in the Discord stand-in, with the REAL discord.js client: one session per shard,
 * guilds spread by `(guild_id >> 22) % shards`, each interaction delivered only on the
 * shard that owns its guild, and Discord's close codes for a wrong shard count.
 */
import { Client, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordStandIn } from './stand-in';

const clients: Client[] = [];
const standIns: DiscordStandIn[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  for (const standIn of standIns.splice(0)) await standIn.close();
});

/** A client that serves the given shards and answers /ping with the shard that got it. */
async function shardClient(standIn: DiscordStandIn, shards: number[], shardCount: number) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standIn.apiUrl },
    shards,
    shardCount,
  });
  clients.push(client);
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) {
      void interaction.reply({ content: `shard ${interaction.guild?.shardId}` });
    }
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(standIn.token);
  await ready;
  return client;
}

describe('a sharded application', () => {
  it('says how many shards to use, spreads the guilds and answers each on its own shard', async () => {
    const standIn = await DiscordStandIn.start({ shardCount: 2, guildCount: 2 });
    standIns.push(standIn);
    const gateway = await fetch(`${standIn.apiUrl}/v10/gateway/bot`, {
      headers: { Authorization: `Bot ${standIn.token}` },
    });
    expect(((await gateway.json()) as { shards: number }).shards).toBe(2);
    const [first, second] = standIn.guilds;
    expect(standIn.shardOf(first?.id ?? '')).toBe(0);
    expect(standIn.shardOf(second?.id ?? '')).toBe(1);

    // Two processes in real life: here two clients, each holding one shard.
    const zero = await shardClient(standIn, [0], 2);
    const one = await shardClient(standIn, [1], 2);
    expect(zero.guilds.cache.map((g) => g.id)).toEqual([first?.id]);
    expect(one.guilds.cache.map((g) => g.id)).toEqual([second?.id]);

    await new REST({ api: standIn.apiUrl })
      .setToken(standIn.token)
      .put(Routes.applicationCommands(standIn.applicationId), {
        body: [{ name: 'ping', description: 'Svarer' }],
      });
    const fromFirst = await standIn.sendCommand({ name: 'ping', guildId: first?.id });
    const fromSecond = await standIn.sendCommand({ name: 'ping', guildId: second?.id });
    await fromFirst.callback();
    await fromSecond.callback();
    expect(fromFirst.original()?.content).toBe('shard 0');
    expect(fromSecond.original()?.content).toBe('shard 1');
  });

  it('closes a session that identifies with too few shards with 4011', async () => {
    const standIn = await DiscordStandIn.start({ shardCount: 2, guildCount: 2 });
    standIns.push(standIn);
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(`${standIn.gatewayUrl}?v=10&encoding=json`);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number };
      if (payload.op === 10) {
        socket.send(
          JSON.stringify({
            op: 2,
            d: { token: standIn.token, intents: 1, properties: {}, shard: [0, 1] },
          }),
        );
      }
    });
    expect(await closed).toBe(4011);
  });
});
