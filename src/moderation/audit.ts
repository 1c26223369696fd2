import { appendFile } from 'node:fs/promises';
import type { Logger } from '../logger';
import type { AuditEntry } from './types';

/**
 * Every change a moderator makes: one JSON line each in the audit file (kept beside the
 * articles as a dot-file, which the loader never reads) and one log line. A failed write
 * is logged, never thrown: the change itself has happened and must be reported.
 */
export class AuditLog {
  constructor(
    private readonly file: string,
    private readonly logger: Logger,
  ) {}

  async record(entry: Omit<AuditEntry, 'at'>): Promise<AuditEntry> {
    const full: AuditEntry = { at: new Date().toISOString(), ...entry };
    this.logger.info({ kind: 'audit', ...full }, 'moderation');
    await appendFile(this.file, `${JSON.stringify(full)}\n`).catch((error: unknown) =>
      this.logger.error({ err: error, file: this.file }, 'could not write the audit log'),
    );
    return full;
  }
}
