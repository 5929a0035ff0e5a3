// Creating agents (the CLI, `./stack up`'s demo admin) and listing them for admins. Passwords
// are hashed here and never stored or logged in clear.
import { z } from 'zod';
import { newId } from '../../common/ids';
import type { Runtime } from '../platform/runtime';
import { SYSTEM_ACTOR, type AuditActor } from './audit';
import { recordAudit } from './audit.store';
import { findAgentByEmail, insertAgent, setAgentPassword } from './agent.store';
import { Role, type Agent } from './backoffice.schema';
import { normalizeEmail } from './login-throttle';
import { generatePassword, hashPassword } from './password';

export const MIN_PASSWORD_LENGTH = 12;

export const NewAgent = z.object({
  email: z.email('email: expected an e-mail address').transform(normalizeEmail),
  name: z.string().trim().min(1, 'name: must not be empty'),
  role: Role,
  password: z.string().min(MIN_PASSWORD_LENGTH, `password: at least ${MIN_PASSWORD_LENGTH} characters`),
});
export type NewAgent = z.infer<typeof NewAgent>;

/** What the audit log may keep of an agent: never the hash. */
export function agentForAudit(agent: Agent) {
  return { email: agent.email, name: agent.name, role: agent.role, disabled: agent.disabled };
}

export async function createAgent(rt: Runtime, input: NewAgent, actor: AuditActor = SYSTEM_ACTOR, now = new Date()): Promise<Agent> {
  const agent: Agent = {
    _id: newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    disabled: false,
    createdAt: now,
    updatedAt: now,
  };
  await insertAgent(rt, agent);
  await recordAudit(rt, {
    actor,
    action: 'agent.created',
    entity: { kind: 'agent', id: agent._id },
    before: null,
    after: agentForAudit(agent),
    at: now,
  });
  return agent;
}

export const DEMO_ADMIN_EMAIL = 'demo-admin@digitalsales.example';

/**
 * The admin `./stack up` prints. Idempotent: one demo admin, whose password is renewed at each
 * start (only its hash is kept, so a password printed earlier cannot be shown again).
 */
export async function ensureDemoAdmin(rt: Runtime): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const existing = await findAgentByEmail(rt, DEMO_ADMIN_EMAIL);
  if (!existing) {
    await createAgent(rt, { email: DEMO_ADMIN_EMAIL, name: 'Demo admin', role: 'admin', password });
    return { email: DEMO_ADMIN_EMAIL, password };
  }
  const now = new Date();
  await setAgentPassword(rt, DEMO_ADMIN_EMAIL, await hashPassword(password), now);
  await recordAudit(rt, {
    actor: SYSTEM_ACTOR,
    action: 'agent.password_reset',
    entity: { kind: 'agent', id: existing._id },
    before: agentForAudit(existing),
    after: agentForAudit(existing),
    reason: './stack up renews the demo admin password',
    at: now,
  });
  return { email: DEMO_ADMIN_EMAIL, password };
}
