import { ExitCode, MentorError } from '../errors.js';
import { MAX_RECORD_BYTES } from '../model/record-source.js';
import { sanitizeInline } from '../render/terminal.js';

/**
 * Refuses, before anything is written, an edit that would leave a record too big to be read
 * back: a cohort.yaml past the limit is refused whole by every command after it (file-too-large).
 */
export function refuseTooLargeRecords(writes: readonly { file: string; content: string }[], hint: string): void {
  for (const { file, content } of writes) {
    const bytes = Buffer.byteLength(content);
    if (bytes <= MAX_RECORD_BYTES) continue;
    const size = `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
    throw new MentorError(`${sanitizeInline(file)} would be ${size} after this change, over the ${MAX_RECORD_BYTES / 1024 / 1024} MiB a record may have, and could not be read back: nothing was written.`, ExitCode.invalid, hint);
  }
}
