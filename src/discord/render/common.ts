import type { InputError } from '../../answers/types';
import type { Messages } from '../../i18n';

/** The embed colour: one for every answer, so Kilde's replies are recognisable. */
export const COLOUR = 0x2f6f8f;

/** The localized message for an input error the core reported. */
export function inputError(error: InputError, t: Messages): string {
  return t.errors[error];
}
