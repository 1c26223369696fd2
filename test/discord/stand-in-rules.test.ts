/**
 * The stand-in enforces Discord's rules. Driven with raw fetch / ws (no discord.js) so each
 * rule is hit directly: limits, acknowledgement, deadlines, token lifetime, auth, gateway
 * close codes and resume replay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { DiscordStandIn, type InteractionHandle } from './stand-in';

interface GatewayClient {
  socket: WebSocket;
  next(match: (payload: JsonObject) => boolean, timeoutMs?: number): Promise<JsonObject>;
  closed: Promise<number>;
  send(payload: JsonObject): void;
}

function connectGateway(url: string): Promise<GatewayClient> {
  const socket = new WebSocket(url);
  const received: JsonObject[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    const parsed: unknown = JSON.parse(String(data));
    if (isJsonObject(parsed)) received.push(parsed);
    for (const waiter of [...waiters]) waiter();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const client: GatewayClient = {
    socket,
    closed,
    send: (payload) => socket.send(JSON.stringify(payload)),
    next: (match, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const index = received.findIndex(match);
          if (index < 0) return false;
          const [found] = received.splice(index, 1);
          if (!found) return false;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const waiter = (): void => {
          check();
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('gateway: no matching payload'));
        }, timeoutMs);
        if (!check()) waiters.add(waiter);
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
  });
}

async function identify(standIn: DiscordStandIn, intents = 1): Promise<GatewayClient> {
  const gateway = await connectGateway(`${standIn.gatewayUrl}?v=10&encoding=json`);
  await gateway.next((p) => p.op === 10);
  gateway.send({ op: 2, d: { token: standIn.token, intents, properties: { os: 'linux' } } });
  await gateway.next((p) => p.t === 'READY');
  return gateway;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as JsonObject) : null };
}

describe('DiscordStandIn rules', () => {
  let standIn: DiscordStandIn;
  let gateway: GatewayClient;
  let bot: Record<string, string>;

  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
    bot = { authorization: `Bot ${standIn.token}` };
    gateway = await identify(standIn);
    const put = await fetch(
      `${standIn.apiUrl}/v10/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...bot },
        body: JSON.stringify([
          {
            name: 'hvem',
            description: 'Hvem er dette?',
            options: [
              { name: 'navn', description: 'Navn', type: 3, required: true, autocomplete: true },
            ],
          },
          {
            name: 'kunnskap',
            description: 'Administrer',
            options: [
              { name: 'last-inn', description: 'Last inn', type: 1 },
              {
                name: 'vis',
                description: 'Vis',
                type: 1,
                options: [{ name: 'antall', description: 'Antall', type: 4, min_value: 1 }],
              },
            ],
          },
        ]),
      },
    );
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    gateway?.socket.close(1000);
    await standIn?.close();
  });

  const callbackUrl = (h: InteractionHandle): string =>
    `${standIn.apiUrl}/v10/interactions/${h.id}/${h.token}/callback`;
  const webhookUrl = (h: InteractionHandle, rest = ''): string =>
    `${standIn.apiUrl}/v10/webhooks/${standIn.applicationId}/${h.token}${rest}`;

  it('serves /gateway/bot only with the right bot token, and 404s unknown routes', async () => {
    const good = await fetch(`${standIn.apiUrl}/v10/gateway/bot`, { headers: bot });
    expect(await good.json()).toMatchObject({
      url: standIn.gatewayUrl,
      shards: 1,
      session_start_limit: { max_concurrency: 1 },
    });
    const bad = await fetch(`${standIn.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: 'Bot nope' },
    });
    expect(bad.status).toBe(401);
    const unknown = await fetch(`${standIn.apiUrl}/v10/channels/1/messages`, { headers: bot });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(standIn.unknownRequests().map((r) => r.path)).toContain('/channels/1/messages');
  });

  it('validates commands like Discord: lowercase names, real locales, required first', async () => {
    const url = `${standIn.apiUrl}/v10/applications/${standIn.applicationId}/commands`;
    const put = async (commands: unknown) =>
      (
        await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...bot },
          body: JSON.stringify(commands),
        })
      ).json() as Promise<JsonObject>;
    expect(await put([{ name: 'Hvem', description: 'x' }])).toMatchObject({ code: 50035 });
    // Discord's Norwegian locale is "no"; "nb" is rejected.
    expect(
      await put([{ name: 'hvem', description: 'x', description_localizations: { nb: 'y' } }]),
    ).toMatchObject({
      code: 50035,
      errors: { 0: { description_localizations: { nb: expect.anything() } } },
    });
    expect(
      await put([
        {
          name: 'a',
          description: 'x',
          options: [
            { name: 'b', description: 'b', type: 3 },
            { name: 'c', description: 'c', type: 3, required: true },
          ],
        },
      ]),
    ).toMatchObject({ code: 50035 });
    expect(await put([{ name: 'hva-skjedde', description: 'x'.repeat(101) }])).toMatchObject({
      code: 50035,
    });
    const ok = await put([{ name: 'hva-skjedde', description: 'Hva skjedde?' }]);
    expect(Array.isArray(ok)).toBe(true);
  });

  it('checks test input against the registered command, like the Discord client', async () => {
    await expect(standIn.sendCommand({ name: 'finnes-ikke' })).rejects.toThrow(/not registered/);
    await expect(standIn.sendCommand({ name: 'hvem' })).rejects.toThrow(/requires option "navn"/);
    await expect(
      standIn.sendCommand({ name: 'hvem', options: [{ name: 'navn', value: 3 }] }),
    ).rejects.toThrow(/does not fit/);
    await expect(
      standIn.sendCommand({
        name: 'kunnskap',
        options: [{ name: 'vis', options: [{ name: 'antall', value: 0 }] }],
      }),
    ).rejects.toThrow(/outside/);
    const handle = await standIn.sendCommand({
      name: 'kunnskap',
      options: [{ name: 'vis', options: [{ name: 'antall', value: 3 }] }],
    });
    expect(handle.payload.data).toMatchObject({
      name: 'kunnskap',
      options: [{ name: 'vis', type: 1, options: [{ name: 'antall', type: 4, value: 3 }] }],
    });
    const event = await gateway.next((p) => p.t === 'INTERACTION_CREATE');
    expect(event.d).toMatchObject({ id: handle.id, version: 1, entitlements: [] });
  });

  it('rejects every over-limit message with 50035 and lets a valid one through', async () => {
    const handle = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'Ola' }],
      deadlineMs: 60_000,
    });
    const long = (n: number): string => 'å'.repeat(n);
    const button = (id: string, label = 'Ok'): JsonObject => ({
      type: 2,
      style: 1,
      custom_id: id,
      label,
    });
    const row = (...components: JsonValue[]): JsonObject => ({ type: 1, components });
    const cases: Array<[string, JsonObject, RegExp]> = [
      ['content', { content: long(2001) }, /data\.content/],
      ['embed title', { embeds: [{ title: long(257) }] }, /embeds\.0\.title/],
      ['embed description', { embeds: [{ description: long(4097) }] }, /embeds\.0\.description/],
      [
        '26 fields',
        { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) }] },
        /embeds\.0\.fields: Must be 25/,
      ],
      [
        'field name',
        { embeds: [{ fields: [{ name: long(257), value: 'b' }] }] },
        /fields\.0\.name/,
      ],
      [
        'field value',
        { embeds: [{ fields: [{ name: 'a', value: long(1025) }] }] },
        /fields\.0\.value/,
      ],
      [
        'empty field value',
        { embeds: [{ fields: [{ name: 'a', value: '' }] }] },
        /fields\.0\.value/,
      ],
      ['footer', { embeds: [{ footer: { text: long(2049) } }] }, /footer\.text/],
      ['author', { embeds: [{ author: { name: long(257) } }] }, /author\.name/],
      [
        '11 embeds',
        { embeds: Array.from({ length: 11 }, () => ({ title: 'a' })) },
        /data\.embeds: Must be 10/,
      ],
      [
        '6000 total',
        { embeds: [{ description: long(4000) }, { description: long(2001) }] },
        /MAX_EMBED|Embed size exceeds/,
      ],
      [
        '6 rows',
        { components: Array.from({ length: 6 }, (_, i) => row(button(`b${i}`))) },
        /data\.components: Must be 5/,
      ],
      [
        '6 buttons',
        { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))] },
        /components\.0\.components: Must be 5/,
      ],
      ['custom_id', { components: [row(button('x'.repeat(101)))] }, /custom_id/],
      ['label', { components: [row(button('a', long(81)))] }, /label/],
      ['duplicate ids', { components: [row(button('a'), button('a'))] }, /cannot be duplicated/],
      [
        'link with id',
        {
          components: [row({ type: 2, style: 5, url: 'https://x.no', custom_id: 'a', label: 'x' })],
        },
        /custom_id/,
      ],
      ['bare row', { components: [button('a')] }, /action rows/],
      [
        'allowed mentions',
        { content: 'x', allowed_mentions: { parse: ['users'], users: ['1'] } },
        /exclusive/,
      ],
    ];
    for (const [label, data] of cases) {
      const response = await post(callbackUrl(handle), { type: 4, data });
      expect(response.status, label).toBe(400);
      expect(response.body?.code, label).toBe(50035);
    }
    const errors = handle.attempts().map((a) => a.errors.join(' | '));
    cases.forEach(([label, , expected], i) => {
      expect(errors[i], label).toMatch(expected);
    });
    const empty = await post(callbackUrl(handle), { type: 4, data: { content: '   ' } });
    expect(empty.body).toMatchObject({ code: 50006 });
    // A rejected callback does not acknowledge: the interaction can still be answered.
    const valid = await post(`${callbackUrl(handle)}?with_response=true`, {
      type: 4,
      data: {
        content: long(2000),
        embeds: [
          { title: long(256), description: long(3000), fields: [{ name: 'a', value: long(1024) }] },
        ],
        components: [row(...Array.from({ length: 5 }, (_, i) => button(`b${i}`)))],
      },
    });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({
      interaction: { id: handle.id, type: 2, response_message_ephemeral: false },
      resource: { type: 4, message: { content: long(2000), webhook_id: standIn.applicationId } },
    });
    expect((await handle.callback()).type).toBe(4);
  });

  it('checks autocomplete answers and callback types', async () => {
    const handle = await standIn.sendAutocomplete({
      name: 'hvem',
      options: [{ name: 'navn', value: 'ol', focused: true }],
    });
    const choice = (name: string) => ({ name, value: name });
    const tooMany = await post(callbackUrl(handle), {
      type: 8,
      data: { choices: Array.from({ length: 26 }, (_, i) => choice(`c${i}`)) },
    });
    expect(tooMany.body).toMatchObject({
      code: 50035,
      errors: { data: { choices: expect.anything() } },
    });
    const longName = await post(callbackUrl(handle), {
      type: 8,
      data: { choices: [choice('x'.repeat(101))] },
    });
    expect(longName.status).toBe(400);
    const wrongType = await post(callbackUrl(handle), { type: 4, data: { content: 'hei' } });
    expect(wrongType.body).toMatchObject({ code: 50035, errors: { type: expect.anything() } });
    const ok = await post(callbackUrl(handle), {
      type: 8,
      data: { choices: [choice('Ola Nordmann')] },
    });
    expect(ok.status).toBe(204);
    const again = await post(callbackUrl(handle), { type: 8, data: { choices: [] } });
    expect(again).toMatchObject({ status: 400, body: { code: 40060 } });
  });

  it('runs the webhook side: unknown before ack, edits validated, follow-ups, delete', async () => {
    const handle = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'Kari' }],
    });
    const early = await fetch(webhookUrl(handle, '/messages/@original'), {
      method: 'PATCH',
      body: '{}',
    });
    expect(early.status).toBe(404);
    expect(await post(callbackUrl(handle), { type: 5, data: { flags: 64 } })).toMatchObject({
      status: 204,
    });
    expect(handle.original()).toMatchObject({ loading: true, ephemeral: true, flags: 64 | 128 });
    const patch = async (body: unknown) =>
      fetch(webhookUrl(handle, '/messages/@original'), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await patch({ content: 'x'.repeat(2001) })).status).toBe(400);
    const edited = await patch({ content: 'Kari er …', flags: 0 });
    expect(edited.status).toBe(200);
    // Ephemerality is fixed by the deferral; an edit cannot lift it.
    expect(handle.original()).toMatchObject({
      content: 'Kari er …',
      loading: false,
      ephemeral: true,
      editCount: 1,
    });
    const follow = await post(webhookUrl(handle, '?wait=true'), { content: 'mer' });
    expect(follow.status).toBe(200);
    expect(handle.followUps().map((m) => m.content)).toEqual(['mer']);
    const id = String(follow.body?.id);
    const del = await fetch(webhookUrl(handle, `/messages/${id}`), { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(handle.followUps()[0]?.deleted).toBe(true);
    const gone = await fetch(webhookUrl(handle, `/messages/${id}`));
    expect(gone.status).toBe(404);
  });

  it('accepts multipart bodies with payload_json and files', async () => {
    const handle = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'Per' }],
    });
    const form = new FormData();
    form.append(
      'payload_json',
      JSON.stringify({
        type: 4,
        data: { content: 'vedlegg', attachments: [{ id: 0, filename: 'kilder.txt' }] },
      }),
    );
    form.append('files[0]', new Blob(['linje'], { type: 'text/plain' }), 'kilder.txt');
    const response = await fetch(callbackUrl(handle), { method: 'POST', body: form });
    expect(response.status).toBe(204);
    expect(handle.original()?.attachments).toEqual([
      expect.objectContaining({ filename: 'kilder.txt', size: 5, contentType: 'text/plain' }),
    ]);
  });

  it('replays events missed while disconnected on RESUME, and refuses unknown sessions', async () => {
    const own = await DiscordStandIn.start();
    try {
      const first = await connectGateway(`${own.gatewayUrl}?v=10&encoding=json`);
      await first.next((p) => p.op === 10);
      first.send({ op: 2, d: { token: own.token, intents: 1, properties: {} } });
      const ready = await first.next((p) => p.t === 'READY');
      const guild = await first.next((p) => p.t === 'GUILD_CREATE');
      const readyData = isJsonObject(ready.d) ? ready.d : {};
      await fetch(`${own.apiUrl}/v10/applications/${own.applicationId}/commands`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bot ${own.token}` },
        body: JSON.stringify([{ name: 'ping', description: 'ping' }]),
      });
      first.socket.close(4000);
      await first.closed;
      const missed = await own.sendCommand({ name: 'ping' });

      const bogus = await connectGateway(
        `${own.gatewayUrl.replace('/gateway', '/gateway-resume')}?v=10&encoding=json`,
      );
      await bogus.next((p) => p.op === 10);
      bogus.send({ op: 6, d: { token: own.token, session_id: 'nope', seq: 0 } });
      expect(await bogus.next((p) => p.op === 9)).toMatchObject({ d: false });
      bogus.socket.close();

      const resumed = await connectGateway(
        `${String(readyData.resume_gateway_url)}?v=10&encoding=json`,
      );
      await resumed.next((p) => p.op === 10);
      resumed.send({
        op: 6,
        d: { token: own.token, session_id: readyData.session_id ?? null, seq: guild.s ?? 0 },
      });
      const replay = await resumed.next((p) => p.t === 'INTERACTION_CREATE');
      expect(isJsonObject(replay.d) && replay.d.id).toBe(missed.id);
      await resumed.next((p) => p.t === 'RESUMED');
      expect(own.resumeCount).toBe(1);
      resumed.send({ op: 1, d: replay.s ?? null });
      await resumed.next((p) => p.op === 11);
      resumed.socket.close(1000);
    } finally {
      await own.close();
    }
  });

  it('closes the gateway with Discord codes for a bad token, privileged intents and bad versions', async () => {
    const attempt = async (query: string, payload?: JsonObject): Promise<number> => {
      const client = await connectGateway(`${standIn.gatewayUrl}${query}`);
      if (payload) {
        await client.next((p) => p.op === 10);
        client.send(payload);
      }
      return client.closed;
    };
    const v10 = '?v=10&encoding=json';
    expect(await attempt(v10, { op: 2, d: { token: 'feil', intents: 1, properties: {} } })).toBe(
      4004,
    );
    expect(
      await attempt(v10, {
        op: 2,
        d: { token: standIn.token, intents: 1 | (1 << 15), properties: {} },
      }),
    ).toBe(4014);
    expect(await attempt(v10, { op: 8, d: {} })).toBe(4003);
    expect(await attempt('?v=9&encoding=json')).toBe(4012);
  });

  it('expires interaction tokens after their lifetime', async () => {
    const own = await DiscordStandIn.start({ interactionTokenLifetimeMs: 150 });
    try {
      const client = await identify(own);
      await fetch(`${own.apiUrl}/v10/applications/${own.applicationId}/commands`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bot ${own.token}` },
        body: JSON.stringify([{ name: 'ping', description: 'ping' }]),
      });
      const handle = await own.sendCommand({ name: 'ping' });
      await post(`${own.apiUrl}/v10/interactions/${handle.id}/${handle.token}/callback`, {
        type: 5,
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const late = await post(
        `${own.apiUrl}/v10/webhooks/${own.applicationId}/${handle.token}?wait=true`,
        {
          content: 'for sent',
        },
      );
      expect(late).toMatchObject({ status: 401, body: { code: 50027 } });
      client.socket.close(1000);
    } finally {
      await own.close();
    }
  });
});
