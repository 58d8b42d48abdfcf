import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

// Who a writer is, as the write lock and the temporary files record it: a pid, and the place
// where that pid means something. A container, a devcontainer, or another machine sharing the
// checkout (NFS) numbers its processes on its own: pid 1948 there says nothing about pid 1948
// here, so a writer from elsewhere is never judged dead by its pid.

let tag: string | undefined;

/**
 * This machine's boot and pid namespace (Linux), or its host name elsewhere, as 8 hex digits.
 * Two processes get the same tag exactly when their pids can be compared.
 */
export function hostTag(): string {
  tag ??= createHash('sha256').update(placeParts().join('\n')).digest('hex').slice(0, 8);
  return tag;
}

function placeParts(): string[] {
  const quietly = (read: () => string) => {
    try {
      return read().trim();
    } catch {
      return '';
    }
  };
  const boot = quietly(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'));
  const pids = quietly(() => readlinkSync('/proc/self/ns/pid'));
  return boot !== '' ? [boot, pids] : [hostname()];
}

/**
 * Whether the writer (pid, and its host tag when it recorded one) may still be running: 'dead'
 * only when it ran here and its pid is gone; 'elsewhere' when it ran where its pid cannot be
 * checked. A writer of an older mentor recorded no tag: its pid is taken as one of here.
 */
export function writerState(pid: number, host: string | undefined): 'alive' | 'dead' | 'elsewhere' {
  if (host !== undefined && host !== hostTag()) return 'elsewhere';
  if (pid === process.pid) return 'alive';
  return isAlive(pid) ? 'alive' : 'dead';
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
