import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Interaction, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/command';
import { isModerator } from '../../src/discord/permissions';

describe('loadCommands', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('loads every module in commands/, by its Norwegian name', async () => {
    const commands = await loadCommands();
    expect([...commands.keys()].sort()).toEqual([
      'hva-skjedde',
      'hvem',
      'kilder',
      'kunnskap',
      'søk',
      'tidslinje',
    ]);
    for (const command of commands.values()) {
      const json = command.data.toJSON();
      expect(json.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(json.description.length).toBeLessThanOrEqual(100);
      expect(Object.keys(json.description_localizations ?? {}).sort()).toEqual([
        'en-GB',
        'en-US',
        'no',
      ]);
    }
  });

  it('refuses a module that is not a command, naming the file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kilde-commands-'));
    writeFileSync(path.join(dir, 'broken.mjs'), 'export default { data: { name: "Bad Name" } };\n');
    await expect(loadCommands(dir)).rejects.toThrow(/commands\/broken\.mjs: not a command/u);
  });
});

describe('isModerator', () => {
  const interaction = (permissions: bigint, roles: string[]) =>
    ({
      memberPermissions: new PermissionsBitField(permissions),
      member: { roles },
    }) as unknown as Interaction;
  const config = { MODERATOR_ROLE_IDS: ['111111111111111111'] };

  it('allows Manage Server and Administrator', () => {
    expect(isModerator(interaction(PermissionFlagsBits.ManageGuild, []), config)).toBe(true);
    expect(isModerator(interaction(PermissionFlagsBits.Administrator, []), config)).toBe(true);
  });

  it('allows a configured moderator role, and no one else', () => {
    expect(isModerator(interaction(0n, ['111111111111111111']), config)).toBe(true);
    expect(
      isModerator(interaction(PermissionFlagsBits.SendMessages, ['222222222222222222']), config),
    ).toBe(false);
    expect(isModerator(interaction(0n, ['111111111111111111']), { MODERATOR_ROLE_IDS: [] })).toBe(
      false,
    );
  });
});
