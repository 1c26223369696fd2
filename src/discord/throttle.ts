import type { Interaction } from 'discord.js';
import { type Locale, messages, resolveLocale } from '../i18n';
import type { Logger } from '../logger';
import { errorForLog } from './log-safe';
import { type BucketRule, retrySeconds, TokenBuckets } from './rate-limit';
import { sendError } from './router';

export interface ThrottleRules {
  /** Per member and command (buttons: per member), e.g. 5 at once, then 1 every 3 s. */
  commands: BucketRule;
  /** Per member, over all autocomplete: one request per keystroke, so a looser rule. */
  autocomplete: BucketRule;
}

type Route = (interaction: Interaction) => Promise<void>;

/**
 * The abuse limit in front of the router. A member over their limit gets a localized,
 * ephemeral "try again in N s" (one short reply, no search run); autocomplete over its
 * limit gets an empty list, the cheapest answer there is. Others are never affected: the
 * buckets are per member.
 */
export function throttled(
  route: Route,
  rules: ThrottleRules,
  options: { defaultLocale: Locale; logger: Logger; now?: () => number },
): Route {
  const commands = new TokenBuckets(rules.commands, options.now);
  const buttons = new TokenBuckets(rules.commands, options.now);
  const autocomplete = new TokenBuckets(rules.autocomplete, options.now);
  return async (interaction) => {
    const user = interaction.user.id;
    const verdict = interaction.isChatInputCommand()
      ? commands.take(`${user}:${interaction.commandName}`)
      : interaction.isAutocomplete()
        ? autocomplete.take(user)
        : buttons.take(user);
    if (verdict.allowed) return route(interaction);
    const seconds = retrySeconds(verdict.retryAfterMs);
    options.logger.info(
      {
        kind: interaction.isAutocomplete() ? 'autocomplete' : 'command',
        command: 'commandName' in interaction ? interaction.commandName : undefined,
        outcome: 'throttled',
        retryAfterS: seconds,
      },
      'interaction',
    );
    try {
      if (interaction.isAutocomplete()) await interaction.respond([]);
      else if (interaction.isRepliable()) {
        const t = messages(resolveLocale(interaction.locale, options.defaultLocale));
        await sendError(interaction, t.ops.slowDown(seconds));
      }
    } catch (error) {
      options.logger.warn({ err: errorForLog(error) }, 'could not answer a throttled interaction');
    }
  };
}
