// Finds a program on PATH without spawning a shell.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function which(program: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}
