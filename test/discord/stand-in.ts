/**
 * A local Discord for end-to-end tests: REST (`/api/v10/...`) and gateway (`ws`) on 127.0.0.1,
 * faithful enough to drive the real discord.js client. It logs the bot in, delivers slash
 * commands, autocomplete and button clicks, and records what the bot answers, applying
 * Discord's rules: message limits (400 / 50035), one acknowledgement per interaction (40060),
 * the 3 s deadline (10062), 15 min webhook tokens, bot-token auth on bot routes.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AttachmentInput,
  type CommandOptionInput,
  countFocused,
  resolveOptions,
} from './command-options';
import { GATEWAY_PATH, Gateway } from './gateway';
import {
  createGuildFixture,
  DEFAULT_EVERYONE_PERMISSIONS,
  type GuildFixture,
  guildCreatePayload,
  memberPayload,
  memberPermissions,
  snowflake,
  textChannelPayload,
  type UserFixture,
  userPayload,
} from './guild-fixture';
import { parseBody, readBody, sendJson, type UploadedFile } from './http-io';
import {
  asArray,
  asNumber,
  asObjects,
  asString,
  cloneJson,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from './json';
import { Signal } from './signal';
import {
  checkAutocomplete,
  checkCommand,
  checkCommands,
  checkMessage,
  type ErrorPath,
  FormErrors,
  MESSAGE_FLAGS,
} from './validation';

export type { JsonObject, JsonValue } from './json';

export interface StandInOptions {
  token?: string;
  applicationId?: string;
  guildId?: string;
  botUsername?: string;
  heartbeatIntervalMs?: number;
  /** Time allowed for the first callback after INTERACTION_CREATE (Discord: 3000 ms). */
  interactionDeadlineMs?: number;
  /** Lifetime of an interaction token for webhook edits and follow-ups (Discord: 15 min). */
  interactionTokenLifetimeMs?: number;
  /** Privileged intents enabled in the "developer portal" (bitfield); default none. */
  privilegedIntents?: number;
  /** Guild preferred locale; Discord's code for Norwegian is `no`. */
  guildLocale?: string;
  /** Locale of the invoking user when an interaction does not say. */
  defaultLocale?: string;
  everyonePermissions?: bigint;
  /**
   * Shards the application must connect with (`GET /gateway/bot`). Guilds are spread over
   * them as Discord does, `(guild_id >> 22) % shardCount`, and each interaction arrives on
   * the shard that owns its guild.
   */
  shardCount?: number;
  /** Guilds the bot is in (default 1); with several shards, guild i lives on shard i % shardCount. */
  guildCount?: number;
}

export type { ApplicationCommandOptionPayload, CommandOptionInput } from './command-options';

export interface InvokerInput {
  locale?: string;
  userId?: string;
  username?: string;
  /** Role ids the member has (besides @everyone), e.g. `standIn.guild.moderatorRoleId`. */
  roles?: string[];
  /**
   * Overrides the `member.permissions` sent in the payload. Normally leave it out: it is then
   * computed from `roles`, exactly as the client computes `interaction.member.permissions`.
   */
  permissions?: bigint | string;
  /** Per-interaction deadline override in ms (see `interactionDeadlineMs`). */
  deadlineMs?: number;
  /** The guild the interaction comes from (default: the first guild). */
  guildId?: string;
}

export interface CommandInput extends InvokerInput {
  name: string;
  options?: CommandOptionInput[];
  /**
   * Deliver the option values as given, without the checks Discord's client makes (required
   * options, `max_length`, types): what a bot receives when the definitions it registered
   * have drifted from the ones it handles. Only top-level string values.
   */
  unchecked?: boolean;
}

export interface ComponentInput extends InvokerInput {
  customId: string;
  /** The message carrying the component (a recorded message or its id). */
  message: RecordedMessage | string;
}

export interface SelectInput extends ComponentInput {
  values: string[];
}

export interface RecordedAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string;
  description: string | null;
  /** The bytes the bot uploaded. */
  bytes: Buffer;
}

export interface ModalSubmitInput extends InvokerInput {
  /** The interaction whose accepted callback opened the modal (type 9). */
  openedBy: InteractionHandle;
  /** Text input values by custom_id; every input of the modal not given is sent empty. */
  values: Record<string, string>;
}

/** A message the bot posted to a channel (not an interaction reply), e.g. an audit line. */
export interface ChannelMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: JsonObject[];
  allowedMentions: JsonObject | null;
  createdAt: number;
}

export interface RecordedMessage {
  id: string;
  channelId: string;
  /** Interaction whose token created the message. */
  interactionId: string;
  kind: 'original' | 'followup';
  content: string;
  embeds: JsonObject[];
  components: JsonObject[];
  flags: number;
  ephemeral: boolean;
  /** True while a deferred reply still shows "thinking…". */
  loading: boolean;
  allowedMentions: JsonObject | null;
  attachments: RecordedAttachment[];
  editCount: number;
  deleted: boolean;
  createdAt: number;
  editedAt: number | null;
}

export interface CallbackAttempt {
  at: number;
  /** Milliseconds after INTERACTION_CREATE was dispatched. */
  afterMs: number;
  type: number | undefined;
  data: JsonValue | undefined;
  status: number;
  errorCode: number | null;
  errors: string[];
}

export interface InteractionCallback {
  type: number;
  data?: JsonValue;
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** The INTERACTION_CREATE payload as dispatched. */
  payload: JsonObject;
  /** First ACCEPTED callback (rejected ones are in `attempts()`). */
  callback(timeoutMs?: number): Promise<InteractionCallback>;
  /** Every callback POST for this interaction, accepted or not. */
  attempts(): CallbackAttempt[];
  waitForAttempt(n?: number, timeoutMs?: number): Promise<CallbackAttempt>;
  /** The original response message's current state (after callback, PATCH @original, component updates). */
  original(): RecordedMessage | undefined;
  /** Resolves once this interaction's token has edited its original message at least `n` times. */
  waitForEdit(n?: number, timeoutMs?: number): Promise<RecordedMessage>;
  followUps(): RecordedMessage[];
  waitForFollowUp(n?: number, timeoutMs?: number): Promise<RecordedMessage>;
}

export interface RecordedRequest {
  at: number;
  method: string;
  /** Path with the `/api/v10` prefix removed, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: Record<string, string>;
  /** Request headers without `authorization`. */
  headers: Record<string, string>;
  /** `bot` when a correct `Bot <token>` header came, `invalid` for a wrong one, `none` without. */
  auth: 'bot' | 'invalid' | 'none';
  body: JsonValue | undefined;
  files: UploadedFile[];
  status: number;
  /** Discord error code of the response, if it was an error. */
  errorCode: number | null;
  matchedRoute: boolean;
}

interface StoredMessage extends RecordedMessage {
  type: number;
  authorInteractionType: number;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  commandName: string | null;
  user: UserFixture;
  payload: JsonObject;
  createdAt: number;
  deadlineMs: number;
  acknowledged: boolean;
  acceptedCallback: InteractionCallback | null;
  attempts: CallbackAttempt[];
  originalMessageId: string | null;
  sourceMessageId: string | null;
  originalEdits: number;
  followUpIds: string[];
}

class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FormErrors,
  ) {
    super(message);
  }

  body(): JsonObject {
    return this.errors
      ? { message: this.message, code: this.code, errors: this.errors.tree }
      : { message: this.message, code: this.code };
  }
}

const CALLBACK = {
  pong: 1,
  channelMessage: 4,
  deferredChannelMessage: 5,
  deferredUpdate: 6,
  updateMessage: 7,
  autocompleteResult: 8,
  modal: 9,
  premiumRequired: 10,
  launchActivity: 12,
} as const;

const INTERACTION = { ping: 1, command: 2, component: 3, autocomplete: 4, modalSubmit: 5 } as const;

// Which callback types Discord accepts for which interaction types.
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [INTERACTION.ping]: [CALLBACK.pong],
  [INTERACTION.command]: [
    CALLBACK.channelMessage,
    CALLBACK.deferredChannelMessage,
    CALLBACK.modal,
    CALLBACK.premiumRequired,
    CALLBACK.launchActivity,
  ],
  [INTERACTION.component]: [
    CALLBACK.channelMessage,
    CALLBACK.deferredChannelMessage,
    CALLBACK.deferredUpdate,
    CALLBACK.updateMessage,
    CALLBACK.modal,
  ],
  [INTERACTION.autocomplete]: [CALLBACK.autocompleteResult],
  [INTERACTION.modalSubmit]: [
    CALLBACK.channelMessage,
    CALLBACK.deferredChannelMessage,
    CALLBACK.deferredUpdate,
    CALLBACK.updateMessage,
  ],
};

export class DiscordStandIn {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  /** The first guild: where interactions come from unless they name another. */
  readonly guild: GuildFixture;
  readonly guilds: readonly GuildFixture[];
  readonly shardCount: number;
  /** The default invoking user (a plain member with no extra roles). */
  readonly user: UserFixture;
  readonly requests: RecordedRequest[] = [];
  interactionDeadlineMs: number;
  readonly interactionTokenLifetimeMs: number;

  private readonly server: Server;
  private readonly gateway: Gateway;
  private readonly signal = new Signal();
  private readonly defaultLocale: string;
  private port = 0;
  private globalCommands: JsonObject[] = [];
  private guildCommands: JsonObject[] = [];
  private lastCommandPut: JsonObject[] = [];
  private commandPutCount = 0;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly users = new Map<string, UserFixture>();
  /** Files users attached to commands, served at their URL like Discord's CDN. */
  private readonly userFiles = new Map<string, AttachmentInput & { contentType?: string }>();
  readonly channelMessages: ChannelMessage[] = [];

  private constructor(options: StandInOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    // Shaped like a real bot token: base64(application id).timestamp.hmac (about 72 chars).
    this.token =
      options.token ??
      [
        Buffer.from(this.applicationId).toString('base64url'),
        randomBytes(4).toString('base64url').slice(0, 6),
        randomBytes(29).toString('base64url'),
      ].join('.');
    this.shardCount = options.shardCount ?? 1;
    this.guildId = options.guildId ?? snowflakeOnShard(0, this.shardCount);
    this.interactionDeadlineMs = options.interactionDeadlineMs ?? 3000;
    this.interactionTokenLifetimeMs = options.interactionTokenLifetimeMs ?? 15 * 60 * 1000;
    this.defaultLocale = options.defaultLocale ?? 'no';
    this.guilds = Array.from({ length: Math.max(1, options.guildCount ?? 1) }, (_, i) =>
      createGuildFixture({
        guildId: i === 0 ? this.guildId : snowflakeOnShard(i % this.shardCount, this.shardCount),
        applicationId: this.applicationId,
        botUsername: options.botUsername ?? 'Kilde',
        preferredLocale: options.guildLocale ?? 'no',
        everyonePermissions: options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS,
      }),
    );
    const [first] = this.guilds;
    if (!first) throw new Error('Discord stand-in: no guild');
    this.guild = first;
    this.user = { id: snowflake(), username: 'testbruker', globalName: 'Test Bruker', bot: false };
    this.users.set(this.user.id, this.user);
    this.gateway = new Gateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? 0,
      baseUrl: () => this.baseUrl,
      shardCount: () => this.shardCount,
      readyPayload: (sessionId, resumeUrl, shard) => this.readyPayload(sessionId, resumeUrl, shard),
      guildCreatePayloads: (shard) =>
        this.guildsOnShard(shard).map((guild) => guildCreatePayload(guild)),
      signal: this.signal,
    });
    this.server = createServer((request, response) => {
      this.onRequest(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          sendJson(response, 500, { message: `stand-in failure: ${String(error)}`, code: 0 });
        }
      });
    });
    this.server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
      const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (this.gateway.handles(pathname)) this.gateway.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  }

  static async start(options: StandInOptions = {}): Promise<DiscordStandIn> {
    const standIn = new DiscordStandIn(options);
    await new Promise<void>((resolve, reject) => {
      standIn.server.once('error', reject);
      standIn.server.listen(0, '127.0.0.1', () => resolve());
    });
    standIn.port = (standIn.server.address() as AddressInfo).port;
    return standIn;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Pass as `rest.api` / DISCORD_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}${GATEWAY_PATH}`;
  }

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.gateway.resumeCount;
  }

  get commandRegistrationCount(): number {
    return this.commandPutCount;
  }

  get heartbeatCount(): number {
    return this.gateway.heartbeats;
  }

  /** IDENTIFY payloads received (token redacted), e.g. to assert the intents the bot asked for. */
  get identifies(): JsonObject[] {
    return this.gateway.identifies;
  }

  get gatewayConnections(): ReadonlyArray<{
    path: string;
    query: Record<string, string>;
    closeCode?: number;
  }> {
    return this.gateway.connections;
  }

  /** Resolves when at least `count` IDENTIFYs have been answered with READY (+ GUILD_CREATE). */
  async waitForIdentify(timeoutMs = 10_000, count = 1): Promise<void> {
    await this.signal.waitUntil(
      () => (this.gateway.identifyCount >= count ? true : undefined),
      timeoutMs,
      `IDENTIFY #${count}`,
    );
  }

  /** Resolves when at least `count` bulk command registrations (PUT) have been received. */
  async waitForCommands(timeoutMs = 10_000, count = 1): Promise<JsonObject[]> {
    return this.signal.waitUntil(
      () => (this.commandPutCount >= count ? this.registeredCommands() : undefined),
      timeoutMs,
      `command registration #${count}`,
    );
  }

  /** The commands of the last bulk PUT (guild or global), as stored (with ids). */
  registeredCommands(scope?: 'guild' | 'global'): JsonObject[] {
    const list =
      scope === 'guild'
        ? this.guildCommands
        : scope === 'global'
          ? this.globalCommands
          : this.lastCommandPut;
    return cloneJson(list);
  }

  /** All requests to routes the stand-in does not know: a bot calling something unexpected. */
  unknownRequests(): RecordedRequest[] {
    return this.requests.filter((r) => !r.matchedRoute);
  }

  allMessages(): RecordedMessage[] {
    return [...this.messages.values()].map(snapshot);
  }

  /** The shard that owns a guild: `(guild_id >> 22) % shardCount`, as Discord computes it. */
  shardOf(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount));
  }

  private guildsOnShard(shard: number): GuildFixture[] {
    return this.guilds.filter((g) => this.shardOf(g.id) === shard);
  }

  /** Whether a shard has a live gateway session. */
  shardConnected(shard: number): boolean {
    return this.gateway.isConnected(shard);
  }

  message(id: string): RecordedMessage | undefined {
    const stored = this.messages.get(id);
    return stored ? snapshot(stored) : undefined;
  }

  async sendCommand(input: CommandInput): Promise<InteractionHandle> {
    const command = this.findCommand(input.name);
    const attachments: Record<string, JsonObject> = {};
    const withIds = this.attachFiles(input.options ?? [], attachments);
    const options: JsonObject[] = input.unchecked
      ? withIds.map((o) => ({ name: o.name, type: 3, value: o.value ?? '' }))
      : resolveOptions(asObjects(command.options), withIds, `/${input.name}`, false);
    return this.createInteraction(INTERACTION.command, input, {
      id: asString(command.id) ?? '',
      name: input.name,
      type: 1,
      guild_id: asString(command.guild_id) ?? undefined,
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
    });
  }

  /**
   * A modal submit (interaction type 5), as Discord sends it once the user fills in the
   * modal that an earlier interaction opened: only with that modal's custom_id and inputs.
   */
  async submitModal(input: ModalSubmitInput): Promise<InteractionHandle> {
    const opened = await input.openedBy.callback();
    if (opened.type !== CALLBACK.modal || !isJsonObject(opened.data))
      throw new Error('Discord stand-in: that interaction did not open a modal');
    const customId = asString(opened.data.custom_id) ?? '';
    const inputs = asObjects(opened.data.components).flatMap((row) =>
      asObjects(row.components).filter((c) => c.type === 4),
    );
    for (const id of Object.keys(input.values)) {
      if (!inputs.some((c) => c.custom_id === id))
        throw new Error(`Discord stand-in: the modal has no input ${id}`);
    }
    for (const field of inputs) {
      const value = input.values[asString(field.custom_id) ?? ''] ?? '';
      if (field.required !== false && value === '')
        throw new Error(
          `Discord stand-in: the modal's input ${asString(field.custom_id)} is required`,
        );
      const max = asNumber(field.max_length) ?? 4000;
      if (value.length > max)
        throw new Error(`Discord stand-in: ${asString(field.custom_id)} is longer than ${max}`);
    }
    return this.createInteraction(INTERACTION.modalSubmit, input, {
      custom_id: customId,
      components: inputs.map((field) => ({
        type: 1,
        components: [
          {
            type: 4,
            custom_id: field.custom_id ?? '',
            value: input.values[asString(field.custom_id) ?? ''] ?? '',
          },
        ],
      })),
    });
  }

  /** Replaces attachment inputs by ids and records each file in `resolved`. */
  private attachFiles(
    options: CommandOptionInput[],
    resolved: Record<string, JsonObject>,
  ): CommandOptionInput[] {
    return options.map((option) => {
      if (option.options) return { ...option, options: this.attachFiles(option.options, resolved) };
      if (!option.attachment) return option;
      const id = snowflake();
      const file = option.attachment;
      this.userFiles.set(id, file);
      const url = `${this.baseUrl}/ephemeral-attachments/${this.guild.channelId}/${id}/${encodeURIComponent(file.filename)}`;
      resolved[id] = {
        id,
        filename: file.filename,
        size: file.bytes.length,
        url,
        proxy_url: url,
        ephemeral: true,
        ...(file.contentType ? { content_type: file.contentType } : {}),
      };
      const { attachment: _file, ...rest } = option;
      return { ...rest, value: id };
    });
  }

  /** How many times the bot fetched user attachments' bytes. */
  attachmentDownloads = 0;

  async sendAutocomplete(input: CommandInput): Promise<InteractionHandle> {
    const command = this.findCommand(input.name);
    const options = resolveOptions(
      asObjects(command.options),
      input.options ?? [],
      `/${input.name}`,
      true,
    );
    if (countFocused(options) !== 1) {
      throw new Error(
        `Discord stand-in: autocomplete for /${input.name} needs exactly one option with focused: true`,
      );
    }
    return this.createInteraction(INTERACTION.autocomplete, input, {
      id: asString(command.id) ?? '',
      name: input.name,
      type: 1,
      guild_id: asString(command.guild_id) ?? undefined,
      options,
    });
  }

  /** A button click (component_type 2) on a message the bot sent. */
  async clickButton(input: ComponentInput): Promise<InteractionHandle> {
    const { message, component } = this.findComponent(input);
    if (component.type !== 2)
      throw new Error(`Discord stand-in: ${input.customId} is not a button`);
    return this.createInteraction(
      INTERACTION.component,
      input,
      { custom_id: input.customId, component_type: 2 },
      message,
    );
  }

  /** A choice in a string select menu (component_type 3) on a message the bot sent. */
  async selectOption(input: SelectInput): Promise<InteractionHandle> {
    const { message, component } = this.findComponent(input);
    if (component.type !== 3)
      throw new Error(`Discord stand-in: ${input.customId} is not a string select`);
    const allowed = new Set(asObjects(component.options).map((o) => asString(o.value)));
    for (const value of input.values) {
      if (!allowed.has(value))
        throw new Error(`Discord stand-in: ${value} is not an option of ${input.customId}`);
    }
    return this.createInteraction(
      INTERACTION.component,
      input,
      { custom_id: input.customId, component_type: 3, values: input.values },
      message,
    );
  }

  /** Gateway op 7 RECONNECT; resolves when the client has RESUMEd. */
  async forceReconnect(timeoutMs = 10_000): Promise<void> {
    const target = this.gateway.resumeCount + 1;
    this.gateway.requestReconnect();
    await this.signal.waitUntil(
      () => (this.gateway.resumeCount >= target && this.gateway.connected ? true : undefined),
      timeoutMs,
      'RESUME after RECONNECT',
    );
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- interactions -------------------------------------------------------------------

  private findCommand(name: string): JsonObject {
    const command = [...this.guildCommands, ...this.globalCommands].find(
      (c) => c.name === name && (asNumber(c.type) ?? 1) === 1,
    );
    if (!command) {
      const known = [...this.guildCommands, ...this.globalCommands].map(
        (c) => `/${asString(c.name)}`,
      );
      throw new Error(
        `Discord stand-in: /${name} is not registered, so Discord would not offer it (registered: ${known.join(', ') || 'none'})`,
      );
    }
    return command;
  }

  private findComponent(input: ComponentInput): { message: StoredMessage; component: JsonObject } {
    const id = typeof input.message === 'string' ? input.message : input.message.id;
    const message = this.messages.get(id);
    if (!message || message.deleted)
      throw new Error(`Discord stand-in: message ${id} does not exist`);
    const component = findComponentByCustomId(message.components, input.customId);
    if (!component) {
      throw new Error(
        `Discord stand-in: message ${id} has no component with custom_id ${input.customId}`,
      );
    }
    if (component.disabled === true)
      throw new Error(`Discord stand-in: ${input.customId} is disabled`);
    return { message, component };
  }

  private resolveUser(input: InvokerInput): UserFixture {
    const id = input.userId ?? this.user.id;
    let user = this.users.get(id);
    if (!user) {
      user = {
        id,
        username: input.username ?? `bruker${id.slice(-4)}`,
        globalName: null,
        bot: false,
      };
      this.users.set(id, user);
    }
    return user;
  }

  private async createInteraction(
    type: number,
    input: InvokerInput,
    data: JsonObject,
    sourceMessage?: StoredMessage,
  ): Promise<InteractionHandle> {
    const user = this.resolveUser(input);
    const guild = this.guilds.find((g) => g.id === (input.guildId ?? this.guildId));
    if (!guild) throw new Error(`Discord stand-in: unknown guild ${input.guildId}`);
    const roles = input.roles ?? [];
    for (const role of roles) {
      if (!guild.roles.some((r) => r.id === role))
        throw new Error(`Discord stand-in: unknown role ${role}`);
    }
    const permissions =
      input.permissions === undefined
        ? memberPermissions(guild, user.id, roles)
        : BigInt(input.permissions);
    const appPermissions = memberPermissions(guild, guild.bot.id, [guild.botRoleId]);
    const id = snowflake();
    // Shaped like Discord's: base64url text that starts with "interaction:<id>:" encoded.
    const token = Buffer.from(
      `interaction:${id}:${randomBytes(96).toString('base64url')}`,
    ).toString('base64url');
    const payload: JsonObject = {
      id,
      application_id: this.applicationId,
      type,
      data,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      channel: { ...textChannelPayload(guild), permissions: permissions.toString() },
      channel_id: guild.channelId,
      member: memberPayload(guild, user, roles, { permissions: permissions.toString() }),
      token,
      version: 1,
      locale: input.locale ?? this.defaultLocale,
      guild_locale: guild.preferredLocale,
      app_permissions: appPermissions.toString(),
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      ...(sourceMessage ? { message: this.apiMessage(sourceMessage) } : {}),
    };
    const state: InteractionState = {
      id,
      token,
      type,
      commandName: asString(data.name) ?? null,
      user,
      payload,
      createdAt: Date.now(),
      deadlineMs: input.deadlineMs ?? this.interactionDeadlineMs,
      acknowledged: false,
      acceptedCallback: null,
      attempts: [],
      originalMessageId: sourceMessage?.id ?? null,
      sourceMessageId: sourceMessage?.id ?? null,
      originalEdits: 0,
      followUpIds: [],
    };
    this.interactions.set(id, state);
    this.interactionsByToken.set(token, state);
    this.gateway.dispatch('INTERACTION_CREATE', payload, this.shardOf(guild.id));
    return this.handleFor(state);
  }

  private handleFor(state: InteractionState): InteractionHandle {
    const originalOf = (): StoredMessage | undefined =>
      state.originalMessageId ? this.messages.get(state.originalMessageId) : undefined;
    return {
      id: state.id,
      token: state.token,
      payload: cloneJson(state.payload),
      callback: (timeoutMs = 20_000) =>
        this.signal.waitUntil(
          () => (state.acceptedCallback ? cloneJson({ ...state.acceptedCallback }) : undefined),
          timeoutMs,
          `a callback for interaction ${state.commandName ?? state.id}${describeAttempts(state)}`,
        ),
      attempts: () => state.attempts.map((a) => ({ ...a, errors: [...a.errors] })),
      waitForAttempt: (n = 1, timeoutMs = 20_000) =>
        this.signal.waitUntil(
          () => state.attempts[n - 1],
          timeoutMs,
          `callback attempt #${n} for interaction ${state.commandName ?? state.id}`,
        ),
      original: () => {
        const message = originalOf();
        return message ? snapshot(message) : undefined;
      },
      waitForEdit: (n = 1, timeoutMs = 20_000) =>
        this.signal.waitUntil(
          () => {
            const message = originalOf();
            return message && state.originalEdits >= n ? snapshot(message) : undefined;
          },
          timeoutMs,
          `edit #${n} of the original response of ${state.commandName ?? state.id}`,
        ),
      followUps: () =>
        state.followUpIds.flatMap((id) => {
          const message = this.messages.get(id);
          return message ? [snapshot(message)] : [];
        }),
      waitForFollowUp: (n = 1, timeoutMs = 20_000) =>
        this.signal.waitUntil(
          () => {
            const id = state.followUpIds[n - 1];
            const message = id ? this.messages.get(id) : undefined;
            return message ? snapshot(message) : undefined;
          },
          timeoutMs,
          `follow-up #${n} of ${state.commandName ?? state.id}`,
        ),
    };
  }

  // ---- REST ---------------------------------------------------------------------------

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const served = /^\/ephemeral-attachments\/\d+\/(\d+)\//u.exec(url.pathname);
    if (served && request.method === 'GET') {
      // Discord's CDN: the bytes, with the content type it guessed; no bot token needed.
      const file = this.userFiles.get(served[1] ?? '');
      this.attachmentDownloads++;
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(200, {
          'content-type': file.contentType ?? 'application/octet-stream',
          'content-length': file.bytes.length,
        })
        .end(file.bytes);
      return;
    }
    const raw = await readBody(request);
    const parsed = await parseBody(String(request.headers['content-type'] ?? ''), raw);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers)) {
      if (key !== 'authorization' && value !== undefined) headers[key] = String(value);
    }
    const authorization = request.headers.authorization;
    const record: RecordedRequest = {
      at: Date.now(),
      method: request.method ?? 'GET',
      path: url.pathname.replace(/^\/api\/v10(?=\/)/, ''),
      query: Object.fromEntries(url.searchParams),
      headers,
      auth:
        authorization === undefined
          ? 'none'
          : authorization === `Bot ${this.token}`
            ? 'bot'
            : 'invalid',
      body: parsed.json,
      files: parsed.files,
      status: 0,
      errorCode: null,
      matchedRoute: true,
    };
    this.requests.push(record);
    let status = 200;
    let body: JsonValue | undefined;
    try {
      if (!url.pathname.startsWith('/api/v10/')) {
        record.matchedRoute = false;
        throw new DiscordError(404, 0, '404: Not Found');
      }
      if (parsed.invalid)
        throw new DiscordError(400, 50109, 'The request body contains invalid JSON.');
      const result = this.route(record, parsed.json, parsed.files);
      status = result.status;
      body = result.body;
    } catch (error) {
      if (!(error instanceof DiscordError)) throw error;
      status = error.status;
      body = error.body();
      record.errorCode = error.code;
    }
    record.status = body === undefined && status === 200 ? 204 : status;
    sendJson(response, status, body);
    this.signal.notify();
  }

  private requireBot(record: RecordedRequest): void {
    if (record.auth !== 'bot') throw new DiscordError(401, 0, '401: Unauthorized');
  }

  private route(
    record: RecordedRequest,
    body: JsonValue | undefined,
    files: UploadedFile[],
  ): { status: number; body?: JsonValue } {
    const { method, path } = record;
    const parts = path.split('/').slice(1).map(decodeSegment);
    const [head, a, b, c, d, e] = parts;
    const ok = (value?: JsonValue, status = 200): { status: number; body?: JsonValue } => ({
      status: value === undefined ? 204 : status,
      body: value,
    });

    if (method === 'GET' && path === '/gateway/bot') {
      this.requireBot(record);
      return ok({
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: 1,
        },
      });
    }
    if (method === 'GET' && path === '/gateway') return ok({ url: this.gatewayUrl });
    if (method === 'GET' && path === '/users/@me') {
      this.requireBot(record);
      return ok(userPayload(this.guild.bot));
    }
    if (method === 'GET' && (path === '/applications/@me' || path === '/oauth2/applications/@me')) {
      this.requireBot(record);
      return ok(this.applicationPayload());
    }
    if (head === 'applications' && a !== undefined && a !== '@me') {
      this.requireBot(record);
      if (a !== this.applicationId) {
        throw new DiscordError(
          403,
          20012,
          'You are not authorized to perform this action on this application',
        );
      }
      if (b === 'commands' && d === undefined) return this.commandsRoute(method, 'global', body, c);
      if (b === 'guilds' && d === 'commands' && parts.length <= 6) {
        if (!this.guilds.some((g) => g.id === c))
          throw new DiscordError(403, 50001, 'Missing Access');
        return this.commandsRoute(method, 'guild', body, e);
      }
    }
    if (
      head === 'interactions' &&
      a &&
      b &&
      c === 'callback' &&
      parts.length === 4 &&
      method === 'POST'
    ) {
      const result = this.interactionCallback(
        a,
        b,
        body,
        files,
        record.query.with_response === 'true',
      );
      return ok(result ?? undefined);
    }
    if (head === 'channels' && a && b === 'messages' && parts.length === 3 && method === 'POST') {
      this.requireBot(record);
      if (a !== this.guild.channelId) throw new DiscordError(404, 10003, 'Unknown Channel');
      const data = isJsonObject(body) ? body : {};
      this.validate(data, 'create', [], files.length);
      const message: ChannelMessage = {
        id: snowflake(),
        channelId: a,
        content: asString(data.content) ?? '',
        embeds: asObjects(data.embeds).map(normalizeEmbed),
        allowedMentions: isJsonObject(data.allowed_mentions)
          ? cloneJson(data.allowed_mentions)
          : null,
        createdAt: Date.now(),
      };
      this.channelMessages.push(message);
      return ok({
        id: message.id,
        type: 0,
        channel_id: a,
        author: userPayload(this.guild.bot),
        content: message.content,
        timestamp: new Date(message.createdAt).toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: [],
        embeds: cloneJson(message.embeds),
        pinned: false,
        flags: 0,
      });
    }
    if (head === 'webhooks' && a && b) {
      const state = this.webhookInteraction(a, b);
      if (parts.length === 3 && method === 'POST') {
        const message = this.followUp(state, body, files);
        return record.query.wait === 'true' ? ok(this.apiMessage(message)) : ok(undefined);
      }
      if (c === 'messages' && d && parts.length === 5) {
        const message = this.webhookMessage(state, d);
        if (method === 'GET') return ok(this.apiMessage(message));
        if (method === 'PATCH')
          return ok(this.apiMessage(this.editMessage(state, message, body, files)));
        if (method === 'DELETE') {
          message.deleted = true;
          return ok(undefined);
        }
      }
    }
    record.matchedRoute = false;
    throw new DiscordError(404, 0, '404: Not Found');
  }

  private applicationPayload(): JsonObject {
    return {
      id: this.applicationId,
      name: this.guild.bot.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: randomBytes(32).toString('hex'),
      flags: 0,
      owner: userPayload({
        id: this.guild.ownerId,
        username: 'eier',
        globalName: null,
        bot: false,
      }),
      team: null,
      bot: userPayload(this.guild.bot),
      approximate_guild_count: 1,
      integration_types_config: { '0': {} },
      interactions_endpoint_url: null,
      tags: [],
    };
  }

  private commandsRoute(
    method: string,
    scope: 'guild' | 'global',
    body: JsonValue | undefined,
    commandId: string | undefined,
  ): { status: number; body?: JsonValue } {
    const list = (): JsonObject[] => (scope === 'guild' ? this.guildCommands : this.globalCommands);
    const store = (commands: JsonObject[]): void => {
      if (scope === 'guild') this.guildCommands = commands;
      else this.globalCommands = commands;
    };
    if (commandId === undefined) {
      if (method === 'GET') return { status: 200, body: list() };
      if (method === 'PUT') {
        const errors = checkCommands(body ?? null);
        if (!errors.empty) throw new DiscordError(400, 50035, 'Invalid Form Body', errors);
        const previous = list();
        const stored = asObjects(body).map((command) =>
          this.storeCommand(command, scope, previous),
        );
        store(stored);
        this.lastCommandPut = stored;
        this.commandPutCount++;
        return { status: 200, body: stored };
      }
      if (method === 'POST' && isJsonObject(body)) {
        const errors = new FormErrors();
        checkCommand(errors, [], body);
        if (!errors.empty) throw new DiscordError(400, 50035, 'Invalid Form Body', errors);
        const stored = this.storeCommand(body, scope, list());
        store([...list().filter((c) => c.id !== stored.id), stored]);
        return { status: 201, body: stored };
      }
    } else {
      const existing = list().find((c) => c.id === commandId);
      if (!existing) throw new DiscordError(404, 10063, 'Unknown application command');
      if (method === 'GET') return { status: 200, body: existing };
      if (method === 'DELETE') {
        store(list().filter((c) => c.id !== commandId));
        return { status: 204 };
      }
    }
    throw new DiscordError(405, 0, '405: Method Not Allowed');
  }

  /** Echo a command as Discord stores it: defaults filled in, id kept when the name already existed. */
  private storeCommand(
    command: JsonObject,
    scope: 'guild' | 'global',
    previous: JsonObject[],
  ): JsonObject {
    const type = asNumber(command.type) ?? 1;
    const same = previous.find((p) => p.name === command.name && (asNumber(p.type) ?? 1) === type);
    return {
      id: asString(same?.id) ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type,
      name_localizations: null,
      description_localizations: null,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      ...(scope === 'guild' ? { guild_id: this.guildId } : { dm_permission: true }),
      ...cloneJson(command),
      description: asString(command.description) ?? '',
    };
  }

  private interactionCallback(
    id: string,
    token: string,
    body: JsonValue | undefined,
    files: UploadedFile[],
    withResponse: boolean,
  ): JsonObject | null {
    const state = this.interactions.get(id);
    if (!state || state.token !== token) throw new DiscordError(404, 10062, 'Unknown interaction');
    const now = Date.now();
    const attempt: CallbackAttempt = {
      at: now,
      afterMs: now - state.createdAt,
      type: isJsonObject(body) ? asNumber(body.type) : undefined,
      data: isJsonObject(body) ? cloneJson(body.data ?? null) : undefined,
      status: 204,
      errorCode: null,
      errors: [],
    };
    state.attempts.push(attempt);
    try {
      const result = this.acknowledge(state, body, files, now);
      attempt.status = withResponse ? 200 : 204;
      return withResponse ? result : null;
    } catch (error) {
      if (error instanceof DiscordError) {
        attempt.status = error.status;
        attempt.errorCode = error.code;
        attempt.errors = error.errors ? error.errors.flatten() : [error.message];
      }
      throw error;
    }
  }

  private acknowledge(
    state: InteractionState,
    body: JsonValue | undefined,
    files: UploadedFile[],
    now: number,
  ): JsonObject {
    if (state.acknowledged)
      throw new DiscordError(400, 40060, 'Interaction has already been acknowledged.');
    if (now - state.createdAt > state.deadlineMs)
      throw new DiscordError(404, 10062, 'Unknown interaction');
    if (!isJsonObject(body))
      throw invalidForm([], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used');
    const type = asNumber(body.type);
    if (type === undefined || !(ALLOWED_CALLBACKS[state.type] ?? []).includes(type)) {
      throw invalidForm(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        'Interaction response type is invalid',
      );
    }
    const data = isJsonObject(body.data) ? body.data : {};
    let messageId: string | null = null;
    switch (type) {
      case CALLBACK.channelMessage: {
        this.validate(data, 'create', ['data'], files.length);
        messageId = this.createMessage(state, 'original', data, files, 0).id;
        state.originalMessageId = messageId;
        break;
      }
      case CALLBACK.deferredChannelMessage: {
        const ephemeral = (asNumber(data.flags) ?? 0) & MESSAGE_FLAGS.ephemeral;
        const message = this.createMessage(
          state,
          'original',
          {},
          [],
          ephemeral | MESSAGE_FLAGS.loading,
        );
        messageId = message.id;
        state.originalMessageId = messageId;
        break;
      }
      case CALLBACK.deferredUpdate:
        messageId = state.sourceMessageId;
        break;
      case CALLBACK.updateMessage: {
        const source = state.sourceMessageId ? this.messages.get(state.sourceMessageId) : undefined;
        if (!source) throw new DiscordError(404, 10008, 'Unknown Message');
        this.validate(data, 'edit', ['data'], files.length);
        applyEdit(source, data, files);
        state.originalMessageId = source.id;
        state.originalEdits++;
        messageId = source.id;
        break;
      }
      case CALLBACK.autocompleteResult: {
        const errors = checkAutocomplete(data);
        if (!errors.empty) throw new DiscordError(400, 50035, 'Invalid Form Body', errors);
        break;
      }
      case CALLBACK.modal: {
        const errors = new FormErrors();
        if (typeof data.custom_id !== 'string' || data.custom_id.length > 100) {
          errors.add(['data', 'custom_id'], {
            code: 'BASE_TYPE_REQUIRED',
            message: 'This field is required',
          });
        }
        if (typeof data.title !== 'string' || data.title.length > 45) {
          errors.add(['data', 'title'], {
            code: 'BASE_TYPE_MAX_LENGTH',
            message: 'Must be 45 or fewer in length.',
          });
        }
        const rows = asArray(data.components);
        if (rows.length < 1 || rows.length > 5) {
          errors.add(['data', 'components'], {
            code: 'BASE_TYPE_BAD_LENGTH',
            message: 'Must be between 1 and 5 in length.',
          });
        }
        checkTextInputs(errors, rows);
        if (!errors.empty) throw new DiscordError(400, 50035, 'Invalid Form Body', errors);
        break;
      }
      default:
        break;
    }
    state.acknowledged = true;
    state.acceptedCallback = {
      type,
      ...(body.data !== undefined ? { data: cloneJson(body.data) } : {}),
    };
    const message = messageId ? this.messages.get(messageId) : undefined;
    return {
      interaction: {
        id: state.id,
        type: state.type,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: message?.loading ?? false,
        response_message_ephemeral: message?.ephemeral ?? false,
      },
      resource: { type, ...(message ? { message: this.apiMessage(message) } : {}) },
    };
  }

  private validate(
    data: JsonObject,
    mode: 'create' | 'edit',
    base: ErrorPath,
    fileCount: number,
  ): void {
    const { errors, emptyMessage } = checkMessage(data, mode, base, fileCount);
    if (!errors.empty) throw new DiscordError(400, 50035, 'Invalid Form Body', errors);
    if (emptyMessage) throw new DiscordError(400, 50006, 'Cannot send an empty message');
  }

  private webhookInteraction(applicationId: string, token: string): InteractionState {
    const state = this.interactionsByToken.get(token);
    if (applicationId !== this.applicationId || !state)
      throw new DiscordError(404, 10015, 'Unknown Webhook');
    if (Date.now() - state.createdAt > this.interactionTokenLifetimeMs) {
      throw new DiscordError(401, 50027, 'Invalid Webhook Token');
    }
    // The webhook only exists once the interaction has been acknowledged.
    if (!state.acknowledged) throw new DiscordError(404, 10015, 'Unknown Webhook');
    return state;
  }

  private webhookMessage(state: InteractionState, messageId: string): StoredMessage {
    const id = messageId === '@original' ? state.originalMessageId : messageId;
    const mine = id !== null && (id === state.originalMessageId || state.followUpIds.includes(id));
    const message = id && mine ? this.messages.get(id) : undefined;
    if (!message || message.deleted) throw new DiscordError(404, 10008, 'Unknown Message');
    return message;
  }

  private followUp(
    state: InteractionState,
    body: JsonValue | undefined,
    files: UploadedFile[],
  ): StoredMessage {
    const data = isJsonObject(body) ? body : {};
    this.validate(data, 'create', [], files.length);
    const original = state.originalMessageId
      ? this.messages.get(state.originalMessageId)
      : undefined;
    // Discord: the first follow-up after a deferred reply replaces the "thinking…" message.
    if (original?.loading && !original.deleted) {
      applyEdit(original, data, files);
      state.originalEdits++;
      state.followUpIds.push(original.id);
      return original;
    }
    const flags =
      (asNumber(data.flags) ?? 0) &
      (MESSAGE_FLAGS.ephemeral |
        MESSAGE_FLAGS.suppressEmbeds |
        MESSAGE_FLAGS.suppressNotifications |
        MESSAGE_FLAGS.componentsV2);
    const message = this.createMessage(state, 'followup', data, files, flags);
    state.followUpIds.push(message.id);
    return message;
  }

  private editMessage(
    state: InteractionState,
    message: StoredMessage,
    body: JsonValue | undefined,
    files: UploadedFile[],
  ): StoredMessage {
    const data = isJsonObject(body) ? body : {};
    this.validate(data, 'edit', [], files.length);
    applyEdit(message, data, files);
    if (message.id === state.originalMessageId) state.originalEdits++;
    return message;
  }

  private createMessage(
    state: InteractionState,
    kind: 'original' | 'followup',
    data: JsonObject,
    files: UploadedFile[],
    extraFlags: number,
  ): StoredMessage {
    const requested = asNumber(data.flags) ?? 0;
    const flags =
      (requested &
        (MESSAGE_FLAGS.ephemeral |
          MESSAGE_FLAGS.suppressEmbeds |
          MESSAGE_FLAGS.suppressNotifications |
          MESSAGE_FLAGS.componentsV2)) |
      extraFlags;
    const message: StoredMessage = {
      id: snowflake(),
      channelId: this.guild.channelId,
      interactionId: state.id,
      kind,
      content: asString(data.content) ?? '',
      embeds: asObjects(data.embeds).map(normalizeEmbed),
      components: cloneJson(asObjects(data.components)),
      flags,
      ephemeral: (flags & MESSAGE_FLAGS.ephemeral) !== 0,
      loading: (flags & MESSAGE_FLAGS.loading) !== 0,
      allowedMentions: isJsonObject(data.allowed_mentions)
        ? cloneJson(data.allowed_mentions)
        : null,
      attachments: attachmentsFrom(data, files, []),
      editCount: 0,
      deleted: false,
      createdAt: Date.now(),
      editedAt: null,
      type: kind === 'original' && state.type === INTERACTION.command ? 20 : 0,
      authorInteractionType: state.type,
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** The message object as Discord's REST API and INTERACTION_CREATE carry it. */
  private apiMessage(message: StoredMessage): JsonObject {
    const state = this.interactions.get(message.interactionId);
    return {
      id: message.id,
      type: message.type,
      channel_id: message.channelId,
      author: userPayload(this.guild.bot),
      content: message.content,
      timestamp: new Date(message.createdAt).toISOString(),
      edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: message.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        size: a.size,
        content_type: a.contentType,
        description: a.description,
        url: `${this.baseUrl}/attachments/${message.channelId}/${a.id}/${encodeURIComponent(a.filename)}`,
        proxy_url: `${this.baseUrl}/attachments/${message.channelId}/${a.id}/${encodeURIComponent(a.filename)}`,
      })),
      embeds: cloneJson(message.embeds),
      components: cloneJson(message.components),
      pinned: false,
      flags: message.flags,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      ...(state
        ? {
            interaction_metadata: {
              id: state.id,
              type: state.type,
              user: userPayload(state.user),
              authorizing_integration_owners: { '0': this.guildId },
              ...(state.commandName ? { name: state.commandName } : {}),
            },
          }
        : {}),
    };
  }

  private readyPayload(sessionId: string, resumeUrl: string, shard: [number, number]): JsonObject {
    return {
      v: 10,
      user: {
        ...userPayload(this.guild.bot),
        verified: true,
        mfa_enabled: false,
        flags: 0,
        email: null,
      },
      guilds: this.guildsOnShard(shard[0]).map((g) => ({ id: g.id, unavailable: true })),
      session_id: sessionId,
      session_type: 'normal',
      resume_gateway_url: resumeUrl,
      shard,
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
      _trace: ['["kilde-stand-in",{}]'],
    };
  }
}

// ---- helpers ------------------------------------------------------------------------------

/** A guild id that Discord's formula puts on `shard`: its timestamp part (ms since 2015) decides. */
function snowflakeOnShard(shard: number, count: number): string {
  const sinceEpoch = Date.now() - DISCORD_EPOCH_MS;
  return snowflake(
    DISCORD_EPOCH_MS + sinceEpoch - ((((sinceEpoch - shard) % count) + count) % count),
  );
}

const DISCORD_EPOCH_MS = 1_420_070_400_000;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function invalidForm(path: ErrorPath, code: string, message: string): DiscordError {
  const errors = new FormErrors();
  errors.add(path, { code, message });
  return new DiscordError(400, 50035, 'Invalid Form Body', errors);
}

function snapshot(message: StoredMessage): RecordedMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    interactionId: message.interactionId,
    kind: message.kind,
    content: message.content,
    embeds: cloneJson(message.embeds),
    components: cloneJson(message.components),
    flags: message.flags,
    ephemeral: message.ephemeral,
    loading: message.loading,
    allowedMentions: message.allowedMentions ? cloneJson(message.allowedMentions) : null,
    attachments: message.attachments.map((a) => ({ ...a, bytes: Buffer.from(a.bytes) })),
    editCount: message.editCount,
    deleted: message.deleted,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
  };
}

/** Discord stores embeds with `type: 'rich'` and drops nothing else the bot sent. */
function normalizeEmbed(embed: JsonObject): JsonObject {
  return { type: 'rich', ...cloneJson(embed) };
}

const MUTABLE_FLAGS = MESSAGE_FLAGS.suppressEmbeds | MESSAGE_FLAGS.componentsV2;

/** An edit replaces only the fields it carries; ephemerality cannot change; loading ends. */
function applyEdit(message: StoredMessage, data: JsonObject, files: UploadedFile[]): void {
  if ('content' in data) message.content = asString(data.content) ?? '';
  if ('embeds' in data) message.embeds = asObjects(data.embeds).map(normalizeEmbed);
  if ('components' in data) message.components = cloneJson(asObjects(data.components));
  if ('allowed_mentions' in data) {
    message.allowedMentions = isJsonObject(data.allowed_mentions)
      ? cloneJson(data.allowed_mentions)
      : null;
  }
  if ('flags' in data) {
    const requested = asNumber(data.flags) ?? 0;
    message.flags = (message.flags & ~MUTABLE_FLAGS) | (requested & MUTABLE_FLAGS);
  }
  if ('attachments' in data || files.length > 0) {
    message.attachments = attachmentsFrom(data, files, message.attachments);
  }
  message.flags &= ~MESSAGE_FLAGS.loading;
  message.loading = false;
  message.editCount++;
  message.editedAt = Date.now();
}

/**
 * `attachments` in the body lists what the message keeps (existing ids) and describes new
 * uploads (`files[n]` matches the entry with id n); without it, new files are added.
 */
function attachmentsFrom(
  data: JsonObject,
  files: UploadedFile[],
  existing: RecordedAttachment[],
): RecordedAttachment[] {
  const described = asObjects(data.attachments);
  const kept =
    'attachments' in data
      ? existing.filter((a) => described.some((d) => String(d.id) === a.id))
      : existing;
  const uploaded = files.map((file, index) => {
    const slot = /^files\[(\d+)\]$/.exec(file.field)?.[1] ?? String(index);
    const description = described.find((d) => String(d.id) === slot);
    return {
      id: snowflake(),
      filename: asString(description?.filename) ?? file.filename,
      size: file.size,
      contentType: file.contentType,
      description: asString(description?.description) ?? null,
      bytes: file.bytes,
    };
  });
  return [...kept, ...uploaded];
}

function findComponentByCustomId(
  components: JsonValue[],
  customId: string,
): JsonObject | undefined {
  for (const component of components) {
    if (!isJsonObject(component)) continue;
    if (component.custom_id === customId) return component;
    const nested = [
      ...asArray(component.components),
      ...(isJsonObject(component.accessory) ? [component.accessory] : []),
    ];
    const found = findComponentByCustomId(nested, customId);
    if (found) return found;
  }
  return undefined;
}

function describeAttempts(state: InteractionState): string {
  if (state.attempts.length === 0) return ' (the bot sent none)';
  return ` (rejected: ${state.attempts.map((a) => `${a.status} ${a.errorCode ?? ''} ${a.errors.join('; ')}`).join(' | ')})`;
}

/** A modal's rows: each one text input (type 4) with a custom_id, a label ≤ 45, a style 1 or 2. */
function checkTextInputs(errors: FormErrors, rows: JsonValue[]): void {
  rows.forEach((row, i) => {
    const inputs = isJsonObject(row) ? asObjects(row.components) : [];
    if (!isJsonObject(row) || row.type !== 1 || inputs.length !== 1) {
      errors.add(['data', 'components', i], {
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'A modal row holds exactly one text input.',
      });
      return;
    }
    const input = inputs[0] ?? {};
    const label = asString(input.label) ?? '';
    const style = asNumber(input.style);
    if (
      input.type !== 4 ||
      typeof input.custom_id !== 'string' ||
      label.length < 1 ||
      label.length > 45 ||
      (style !== 1 && style !== 2)
    ) {
      errors.add(['data', 'components', i, 'components', 0], {
        code: 'BASE_TYPE_INVALID',
        message: 'Text inputs need a custom_id, a label of 1 to 45 characters and style 1 or 2.',
      });
    }
  });
}
