/**
 * The one guild the stand-in serves: ids, users, roles, a text channel and permission math.
 * Shapes follow Discord's v10 payloads closely enough that discord.js builds full structures
 * (Guild, Role, GuildMember, TextChannel) from them.
 */
import type { JsonObject } from './json';

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** Discord-style snowflake, so discord.js derives sensible `createdTimestamp`s from ids. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export const PERMISSIONS = {
  administrator: 1n << 3n,
  manageChannels: 1n << 4n,
  manageGuild: 1n << 5n,
  addReactions: 1n << 6n,
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  manageMessages: 1n << 13n,
  embedLinks: 1n << 14n,
  attachFiles: 1n << 15n,
  readMessageHistory: 1n << 16n,
  useExternalEmojis: 1n << 18n,
  changeNickname: 1n << 26n,
  useApplicationCommands: 1n << 31n,
  sendMessagesInThreads: 1n << 38n,
  moderateMembers: 1n << 40n,
} as const;

// Discord reports every permission bit for administrators and the owner.
const ALL_PERMISSIONS = (1n << 51n) - 1n;

/** A typical @everyone on a fresh server: read, write, embed, use slash commands. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PERMISSIONS.viewChannel |
  PERMISSIONS.sendMessages |
  PERMISSIONS.addReactions |
  PERMISSIONS.embedLinks |
  PERMISSIONS.attachFiles |
  PERMISSIONS.readMessageHistory |
  PERMISSIONS.useExternalEmojis |
  PERMISSIONS.changeNickname |
  PERMISSIONS.useApplicationCommands |
  PERMISSIONS.sendMessagesInThreads;

export const MODERATOR_PERMISSIONS =
  PERMISSIONS.manageGuild |
  PERMISSIONS.manageMessages |
  PERMISSIONS.manageChannels |
  PERMISSIONS.moderateMembers;

/** What the bot's managed role grants when it is invited with the usual scopes. */
export const BOT_ROLE_PERMISSIONS =
  PERMISSIONS.viewChannel |
  PERMISSIONS.sendMessages |
  PERMISSIONS.embedLinks |
  PERMISSIONS.readMessageHistory |
  PERMISSIONS.useApplicationCommands;

export interface RoleFixture {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  botId?: string;
}

export interface UserFixture {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface GuildFixture {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  channelId: string;
  channelName: string;
  roles: RoleFixture[];
  everyoneRoleId: string;
  moderatorRoleId: string;
  adminRoleId: string;
  botRoleId: string;
  bot: UserFixture;
  joinedAt: string;
}

export function createGuildFixture(input: {
  guildId: string;
  applicationId: string;
  botUsername: string;
  preferredLocale: string;
  everyonePermissions: bigint;
}): GuildFixture {
  const everyoneRoleId = input.guildId;
  const moderatorRoleId = snowflake();
  const adminRoleId = snowflake();
  const botRoleId = snowflake();
  return {
    id: input.guildId,
    name: 'Kilde testserver',
    ownerId: snowflake(),
    preferredLocale: input.preferredLocale,
    channelId: snowflake(),
    channelName: 'generelt',
    everyoneRoleId,
    moderatorRoleId,
    adminRoleId,
    botRoleId,
    roles: [
      {
        id: everyoneRoleId,
        name: '@everyone',
        permissions: input.everyonePermissions,
        position: 0,
        managed: false,
      },
      {
        id: moderatorRoleId,
        name: 'Moderator',
        permissions: MODERATOR_PERMISSIONS,
        position: 2,
        managed: false,
      },
      {
        id: adminRoleId,
        name: 'Admin',
        permissions: PERMISSIONS.administrator,
        position: 3,
        managed: false,
      },
      {
        id: botRoleId,
        name: input.botUsername,
        permissions: BOT_ROLE_PERMISSIONS,
        position: 1,
        managed: true,
        botId: input.applicationId,
      },
    ],
    bot: { id: input.applicationId, username: input.botUsername, globalName: null, bot: true },
    joinedAt: new Date().toISOString(),
  };
}

/** Base permissions as Discord computes them: @everyone | roles; owner and admin get all bits. */
export function memberPermissions(guild: GuildFixture, userId: string, roleIds: string[]): bigint {
  if (userId === guild.ownerId) return ALL_PERMISSIONS;
  let bits = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.everyoneRoleId || roleIds.includes(role.id)) bits |= role.permissions;
  }
  return (bits & PERMISSIONS.administrator) !== 0n ? ALL_PERMISSIONS : bits;
}

export function userPayload(user: UserFixture): JsonObject {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    bot: user.bot,
    public_flags: 0,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

export function rolePayload(role: RoleFixture): JsonObject {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: false,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function memberPayload(
  guild: GuildFixture,
  user: UserFixture,
  roleIds: string[],
  extra: JsonObject = {},
): JsonObject {
  return {
    user: userPayload(user),
    roles: roleIds,
    nick: null,
    avatar: null,
    banner: null,
    joined_at: guild.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
    ...extra,
  };
}

export function textChannelPayload(guild: GuildFixture): JsonObject {
  return {
    id: guild.channelId,
    type: 0,
    guild_id: guild.id,
    name: guild.channelName,
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

/** GUILD_CREATE body: everything discord.js's Guild#_patch reads for a fully available guild. */
export function guildCreatePayload(guild: GuildFixture): JsonObject {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    application_id: null,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: guild.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: guild.preferredLocale,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    features: [],
    hub_type: null,
    incidents_data: null,
    joined_at: guild.joinedAt,
    large: false,
    lazy: true,
    unavailable: false,
    member_count: 3,
    roles: guild.roles.map(rolePayload),
    emojis: [],
    stickers: [],
    channels: [textChannelPayload(guild)],
    threads: [],
    // Without the privileged GuildMembers intent Discord only includes the bot itself.
    members: [memberPayload(guild, guild.bot, [guild.botRoleId])],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
