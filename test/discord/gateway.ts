/**
 * Gateway half of the stand-in: Discord's v10 JSON gateway over `ws`, one session per shard
 * (IDENTIFY's `shard: [id, count]`; a count other than the application's closes with 4010
 * or 4011, as Discord does).
 * HELLO -> IDENTIFY -> READY (+ GUILD_CREATE with the Guilds intent), heartbeat ACKs,
 * sequence numbers, RECONNECT (op 7) -> RESUME (op 6) -> replay + RESUMED, and Discord's
 * close codes for the mistakes a bot can make (bad token 4004, privileged intents 4014, ...).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { Signal } from './signal';

export const GATEWAY_PATH = '/gateway';
export const RESUME_PATH = '/gateway-resume';

const OP = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  presenceUpdate: 3,
  voiceStateUpdate: 4,
  resume: 6,
  reconnect: 7,
  requestGuildMembers: 8,
  invalidSession: 9,
  hello: 10,
  heartbeatAck: 11,
  requestSoundboardSounds: 31,
} as const;

const CLOSE = {
  unknownOpcode: 4001,
  decodeError: 4002,
  notAuthenticated: 4003,
  authenticationFailed: 4004,
  alreadyAuthenticated: 4005,
  invalidShard: 4010,
  shardingRequired: 4011,
  invalidApiVersion: 4012,
  invalidIntents: 4013,
  disallowedIntents: 4014,
} as const;

const GUILDS_INTENT = 1 << 0;
// GuildMembers, GuildPresences, MessageContent: need approval in the developer portal.
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents enabled for this application (bitfield); others close with 4014. */
  privilegedIntents: number;
  /** How many shards the application must connect with (`GET /gateway/bot`'s `shards`). */
  shardCount: () => number;
  readyPayload: (sessionId: string, resumeUrl: string, shard: [number, number]) => JsonObject;
  /** GUILD_CREATE payloads for the guilds one shard serves. */
  guildCreatePayloads: (shard: number) => JsonObject[];
  baseUrl: () => string;
  /** Notified on every state change (identify, resume, close) so waiters re-check. */
  signal: Signal;
}

interface DispatchedEvent {
  s: number;
  t: string;
  d: JsonValue;
}

interface Session {
  id: string;
  shard: number;
  seq: number;
  intents: number;
  events: DispatchedEvent[];
  socket: WebSocket | null;
  invalidated: boolean;
}

export interface GatewayConnectionRecord {
  path: string;
  query: Record<string, string>;
  closeCode?: number;
}

export class Gateway {
  readonly identifies: JsonObject[] = [];
  readonly resumes: JsonObject[] = [];
  readonly connections: GatewayConnectionRecord[] = [];
  heartbeats = 0;
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<number, Session>();

  constructor(private readonly options: GatewayOptions) {
    this.server.on('connection', (socket, request: IncomingMessage) => {
      this.onConnection(socket, request);
    });
  }

  get identifyCount(): number {
    return this.identifies.length;
  }

  get resumeCount(): number {
    return this.resumes.length;
  }

  /** Whether shard 0's session is live on an open socket (events are delivered, not queued). */
  get connected(): boolean {
    return this.isConnected(0);
  }

  isConnected(shard: number): boolean {
    const session = this.sessions.get(shard);
    return session?.socket != null && !session.invalidated;
  }

  handles(pathname: string): boolean {
    return pathname === GATEWAY_PATH || pathname === RESUME_PATH;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      this.server.emit('connection', ws, request);
    });
  }

  /** Sends a dispatch on a shard's session; while the client is reconnecting it is queued and replayed on RESUME, as Discord does. */
  dispatch(t: string, d: JsonValue, shard = 0): void {
    const session = this.sessions.get(shard);
    if (!session || session.invalidated) {
      throw new Error(
        `Discord stand-in: cannot dispatch ${t}: the bot has no gateway session on shard ${shard}`,
      );
    }
    const event = { s: ++session.seq, t, d };
    session.events.push(event);
    if (session.socket) send(session.socket, { op: OP.dispatch, ...event });
  }

  /** Gateway op 7: the client must close, reconnect to resume_gateway_url and RESUME. */
  requestReconnect(shard = 0): void {
    const socket = this.sessions.get(shard)?.socket;
    if (!socket) throw new Error('Discord stand-in: no live gateway connection to reconnect');
    send(socket, { op: OP.reconnect, d: null });
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record: GatewayConnectionRecord = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    };
    this.connections.push(record);
    let authenticated = false;
    socket.on('close', (code) => {
      record.closeCode = code;
      const session = [...this.sessions.values()].find((s) => s.socket === socket);
      if (session) {
        session.socket = null;
        // A normal close ends the session on Discord's side: it cannot be resumed.
        if (code === 1000 || code === 1001) session.invalidated = true;
      }
      this.options.signal.notify();
    });
    socket.on('error', () => {
      // A client that vanishes mid-frame is not the stand-in's problem; 'close' follows.
    });
    if (url.searchParams.get('v') !== '10') {
      socket.close(CLOSE.invalidApiVersion, 'Invalid API version');
      return;
    }
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      socket.close(CLOSE.decodeError, 'Error while decoding payload.');
      return;
    }
    send(socket, {
      op: OP.hello,
      d: {
        heartbeat_interval: this.options.heartbeatIntervalMs,
        _trace: ['["kilde-stand-in",{}]'],
      },
      s: null,
      t: null,
    });
    socket.on('message', (raw: RawData, isBinary: boolean) => {
      const payload = parsePayload(raw, isBinary);
      if (!payload) {
        socket.close(CLOSE.decodeError, 'Error while decoding payload.');
        return;
      }
      const op = payload.op;
      if (op === OP.heartbeat) {
        this.heartbeats++;
        send(socket, { op: OP.heartbeatAck, d: null });
        return;
      }
      if (op === OP.identify) {
        if (authenticated) {
          socket.close(CLOSE.alreadyAuthenticated, 'Already authenticated.');
          return;
        }
        authenticated = this.identify(socket, payload.d);
        return;
      }
      if (op === OP.resume) {
        if (authenticated) {
          socket.close(CLOSE.alreadyAuthenticated, 'Already authenticated.');
          return;
        }
        authenticated = this.resume(socket, payload.d);
        return;
      }
      if (!authenticated) {
        socket.close(CLOSE.notAuthenticated, 'Not authenticated.');
        return;
      }
      const known: number[] = [
        OP.presenceUpdate,
        OP.voiceStateUpdate,
        OP.requestGuildMembers,
        OP.requestSoundboardSounds,
      ];
      if (typeof op !== 'number' || !known.includes(op)) {
        socket.close(CLOSE.unknownOpcode, 'Unknown opcode.');
      }
    });
  }

  private tokenMatches(token: JsonValue | undefined): boolean {
    return typeof token === 'string' && token.replace(/^Bot /, '') === this.options.token;
  }

  private identify(socket: WebSocket, d: JsonValue | undefined): boolean {
    if (!isJsonObject(d) || !this.tokenMatches(d.token)) {
      socket.close(CLOSE.authenticationFailed, 'Authentication failed.');
      return false;
    }
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) {
      socket.close(CLOSE.invalidIntents, 'Invalid intent(s).');
      return false;
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) !== 0) {
      socket.close(CLOSE.disallowedIntents, 'Disallowed intent(s).');
      return false;
    }
    const shard = shardOf(d.shard);
    const count = this.options.shardCount();
    if (!shard || shard[1] !== count || shard[0] >= shard[1]) {
      const tooFew = shard !== null && shard[0] < shard[1] && shard[1] < count;
      socket.close(
        tooFew ? CLOSE.shardingRequired : CLOSE.invalidShard,
        tooFew ? 'Sharding required.' : 'Invalid shard.',
      );
      return false;
    }
    const previous = this.sessions.get(shard[0]);
    if (previous) previous.invalidated = true;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard: shard[0],
      seq: 0,
      intents,
      events: [],
      socket,
      invalidated: false,
    };
    this.sessions.set(shard[0], session);
    const resumeUrl = `${this.options.baseUrl().replace(/^http/, 'ws')}${RESUME_PATH}`;
    this.dispatch('READY', this.options.readyPayload(session.id, resumeUrl, shard), shard[0]);
    if ((intents & GUILDS_INTENT) !== 0) {
      for (const guild of this.options.guildCreatePayloads(shard[0]))
        this.dispatch('GUILD_CREATE', guild, shard[0]);
    }
    this.identifies.push({ ...d, token: '[redacted]' });
    this.options.signal.notify();
    return true;
  }

  private resume(socket: WebSocket, d: JsonValue | undefined): boolean {
    if (!isJsonObject(d) || !this.tokenMatches(d.token)) {
      socket.close(CLOSE.authenticationFailed, 'Authentication failed.');
      return false;
    }
    const session = [...this.sessions.values()].find((s) => s.id === d.session_id);
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (!session || session.invalidated) {
      send(socket, { op: OP.invalidSession, d: false, s: null, t: null });
      return false;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    for (const event of session.events) {
      if (event.s > seq) send(socket, { op: OP.dispatch, ...event });
    }
    send(socket, { op: OP.dispatch, s: ++session.seq, t: 'RESUMED', d: { _trace: [] } });
    this.resumes.push({ ...d, token: '[redacted]' });
    this.options.signal.notify();
    return true;
  }
}

/** IDENTIFY's `shard: [id, count]`; absent means `[0, 1]`, as Discord reads it. */
function shardOf(value: JsonValue | undefined): [number, number] | null {
  if (value === undefined) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, count] = value;
  if (typeof id !== 'number' || typeof count !== 'number') return null;
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || count < 1) return null;
  return [id, count];
}

function send(socket: WebSocket, payload: JsonObject): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
}

function parsePayload(raw: RawData, isBinary: boolean): JsonObject | null {
  if (isBinary) return null;
  const buffer = Array.isArray(raw)
    ? Buffer.concat(raw)
    : raw instanceof ArrayBuffer
      ? Buffer.from(raw)
      : raw;
  const text = buffer.toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
