// Liveness: the process answers HTTP. Touches neither MongoDB nor Redis, so an outage of
// either does not get healthy app processes restarted; that is readiness's job.
import { defineEventHandler } from 'h3';

export default defineEventHandler(() => ({ status: 'ok' as const }));
