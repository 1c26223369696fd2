import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { Config } from '../config';

/**
 * Moderators may reload the knowledge base. Discord hides the command from others
 * (default member permissions), but server admins can change that, so it is checked
 * again here: Manage Server (Administrator implies it), or a configured moderator role.
 */
export function isModerator(
  interaction: Interaction,
  config: Pick<Config, 'MODERATOR_ROLE_IDS'>,
): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild, true)) return true;
  const member = interaction.member;
  if (!member || config.MODERATOR_ROLE_IDS.length === 0) return false;
  // A cached member has a role manager; an uncached one arrives as a plain list of ids.
  const roles: readonly string[] = Array.isArray(member.roles)
    ? member.roles
    : [...member.roles.cache.keys()];
  return roles.some((role) => config.MODERATOR_ROLE_IDS.includes(role));
}
