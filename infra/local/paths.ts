// Folders of the local stack inside the clone (all ignored by git).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Logs and scratch files of stack runs. */
export const STACK_DIR = join(REPO_ROOT, '.stack');
export const LOG_DIR = join(STACK_DIR, 'logs');
/** `./stack up` keeps its database here, so a restart finds the catalog again. */
export const DATA_DIR = join(REPO_ROOT, 'data');
/** The system suite's screenshots of the shop and the back office, rewritten at each run; `npm run screenshots` puts them in docs/. */
export const SCREENSHOT_DIR = join(STACK_DIR, 'screenshots');
