import type { JobHandler } from '../runtime/worker';

/** Jobs the refresher takes, by name. The live refresh arrives with the live price issue. */
export const REFRESH_HANDLERS: Readonly<Record<string, JobHandler>> = {};
