// What an admin does with agents from the back office: create one (the password generated and
// shown once, or given), change a role, disable or re-enable. A role change or a disable signs
// the agent out everywhere, because live sessions carry the role they were opened with.
// Admins cannot change their own access, so the last admin cannot lock everyone out by mistake.
import { refuse, type Outcome, type Refusal } from '../platform/refusal';
import { z } from 'zod';
import { Id } from '../../common/ids';
import type { Runtime } from '../platform/runtime';
import { recordAudit } from './audit.store';
import { DuplicateAgentError, findAgentById, listAgents, updateAgentAccess } from './agent.store';
import { agentForAudit, createAgent, MIN_PASSWORD_LENGTH, NewAgent } from './agent.service';
import { revokeSessions } from './auth.service';
import { Role, type Agent } from './backoffice.schema';
import { generatePassword } from './password';
import { openSessionIdsOf } from './session.store';

export const CreateAgentInput = NewAgent.extend({
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `password: at least ${MIN_PASSWORD_LENGTH} characters, or leave it out to generate one`)
    .max(200)
    .optional(),
});
export const AgentIdInput = z.object({ agentId: Id });
export const AgentRoleInput = z.object({ agentId: Id, role: Role });
export const AgentDisabledInput = z.object({ agentId: Id, disabled: z.boolean() });

export interface AgentView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly disabled: boolean;
}

export function toAgentView(agent: Agent): AgentView {
  return { id: agent._id, email: agent.email, name: agent.name, role: agent.role, disabled: agent.disabled };
}

export type AgentActionResult = { readonly ok: true; readonly agent: AgentView; readonly signedOut: number } | Refusal;

interface Admin {
  readonly id: string;
  readonly email: string;
}

/** The generated password comes back once, in this answer; a given one is never echoed. */
export async function createAgentAsAdmin(
  rt: Runtime,
  input: z.infer<typeof CreateAgentInput>,
  admin: Admin,
): Promise<Outcome<{ readonly agent: AgentView; readonly generatedPassword: string | null }>> {
  const generatedPassword = input.password ? null : generatePassword();
  try {
    const agent = await createAgent(
      rt,
      { ...input, password: input.password ?? (generatedPassword as string) },
      { kind: 'agent', id: admin.id, email: admin.email },
    );
    return { ok: true, agent: toAgentView(agent), generatedPassword };
  } catch (error) {
    if (error instanceof DuplicateAgentError) return refuse('conflict', `email: ${error.message}`);
    throw error;
  }
}

async function changeAccess(
  rt: Runtime,
  agentId: string,
  change: Partial<Pick<Agent, 'role' | 'disabled'>>,
  action: string,
  admin: Admin,
  now: Date,
): Promise<AgentActionResult> {
  if (agentId === admin.id) return refuse('conflict', 'you cannot change your own access; ask another admin');
  const before = await findAgentById(rt, agentId);
  if (!before) return refuse('not_found', `no agent with id ${agentId}`);
  const after = await updateAgentAccess(rt, before, change, now);
  if (!after) return refuse('not_found', `no agent with id ${agentId}`);
  // Re-enabling changes nothing a live session carries; everything else signs the agent out.
  const sessions = change.disabled === false ? [] : await openSessionIdsOf(rt, agentId, now);
  await revokeSessions(rt, sessions, now);
  await recordAudit(rt, {
    actor: { kind: 'agent', id: admin.id, email: admin.email },
    action,
    entity: { kind: 'agent', id: agentId },
    before: agentForAudit(before),
    after: { ...agentForAudit(after), sessionsRevoked: sessions.length },
    at: now,
  });
  return { ok: true, agent: toAgentView(after), signedOut: sessions.length };
}

export function setAgentRole(
  rt: Runtime,
  input: z.infer<typeof AgentRoleInput>,
  admin: Admin,
  now = new Date(),
): Promise<AgentActionResult> {
  return changeAccess(rt, input.agentId, { role: input.role }, 'agent.role_changed', admin, now);
}

export function setAgentDisabled(
  rt: Runtime,
  input: z.infer<typeof AgentDisabledInput>,
  admin: Admin,
  now = new Date(),
): Promise<AgentActionResult> {
  return changeAccess(rt, input.agentId, { disabled: input.disabled }, input.disabled ? 'agent.disabled' : 'agent.enabled', admin, now);
}

/** Every agent, for the admins' page (the collection is small: an agency's staff). */
export async function agentList(rt: Runtime): Promise<AgentView[]> {
  return (await listAgents(rt)).map(toAgentView);
}
