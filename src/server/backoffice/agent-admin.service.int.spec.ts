// An admin managing agents against real MongoDB and Redis: a created agent signs in with the
// password shown once; a role change or a disable signs the agent out everywhere; an admin
// cannot change their own access; each change is audited with before and after.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../../common/ids';
import { createAgentAsAdmin as tryCreateAgent, setAgentDisabled, setAgentRole } from './agent-admin.service';
import { listAudit } from './audit.store';
import { login, resolveSession } from './auth.service';

const rt = useTestRuntime('agent-admin');
const admin = { id: 'admin_agents01', email: 'admin@example.com' };

/** An agent these tests expect to be created. */
async function createAgentAsAdmin(...args: Parameters<typeof tryCreateAgent>) {
  const created = await tryCreateAgent(...args);
  if (!created.ok) throw new Error(created.message);
  return created;
}
const signIn = (email: string, password: string) =>
  login(rt(), { email, password, ip: `10.9.${Math.floor(Math.random() * 250)}.1`, userAgent: 'vitest' });

describe('agents admin', () => {
  it('creates an agent whose generated password is shown once and works; a given one is not echoed', async () => {
    const created = await createAgentAsAdmin(rt(), { email: `new-${newId(6)}@example.com`, name: 'New agent', role: 'agent' }, admin);
    expect(created.generatedPassword).toMatch(/^[\w-]{20,}$/);
    expect(await signIn(created.agent.email, created.generatedPassword!)).toMatchObject({ ok: true });
    const given = await createAgentAsAdmin(
      rt(),
      { email: `given-${newId(6)}@example.com`, name: 'Given', role: 'supervisor', password: 'a given long password' },
      admin,
    );
    expect(given.generatedPassword).toBeNull();
    expect(await tryCreateAgent(rt(), { email: given.agent.email, name: 'Again', role: 'agent' }, admin)).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: expect.stringMatching(/^email: /),
    });
    expect(await signIn(given.agent.email, 'a given long password')).toMatchObject({ ok: true, session: { role: 'supervisor' } });
  });

  it('a role change signs the agent out, and the next sign-in carries the new role', async () => {
    const { agent, generatedPassword } = await createAgentAsAdmin(
      rt(),
      { email: `role-${newId(6)}@example.com`, name: 'Role', role: 'agent' },
      admin,
    );
    const first = await signIn(agent.email, generatedPassword!);
    if (!first.ok) throw new Error(first.message);
    const changed = await setAgentRole(rt(), { agentId: agent.id, role: 'supervisor' }, admin);
    expect(changed).toMatchObject({ ok: true, agent: { role: 'supervisor' }, signedOut: 1 });
    expect(await resolveSession(rt(), first.token)).toBeNull();
    expect(await signIn(agent.email, generatedPassword!)).toMatchObject({ ok: true, session: { role: 'supervisor' } });
    const [entry] = await listAudit(rt(), { entityId: agent.id, limit: 5 });
    expect(entry).toMatchObject({
      action: 'agent.role_changed',
      before: { role: 'agent' },
      after: { role: 'supervisor', sessionsRevoked: 1 },
    });
  });

  it('a disabled agent is signed out and cannot sign in until enabled; an admin cannot change their own access', async () => {
    const { agent, generatedPassword } = await createAgentAsAdmin(
      rt(),
      { email: `off-${newId(6)}@example.com`, name: 'Off', role: 'agent' },
      admin,
    );
    const session = await signIn(agent.email, generatedPassword!);
    if (!session.ok) throw new Error(session.message);
    expect(await setAgentDisabled(rt(), { agentId: agent.id, disabled: true }, admin)).toMatchObject({
      ok: true,
      agent: { disabled: true },
    });
    expect(await resolveSession(rt(), session.token)).toBeNull();
    expect(await signIn(agent.email, generatedPassword!)).toMatchObject({ ok: false, message: expect.stringContaining('disabled') });
    expect(await setAgentDisabled(rt(), { agentId: agent.id, disabled: false }, admin)).toMatchObject({
      ok: true,
      agent: { disabled: false },
    });
    expect(await signIn(agent.email, generatedPassword!)).toMatchObject({ ok: true });

    expect(await setAgentRole(rt(), { agentId: admin.id, role: 'agent' }, admin)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await setAgentDisabled(rt(), { agentId: 'no_such_agent', disabled: true }, admin)).toMatchObject({
      ok: false,
      kind: 'not_found',
    });
  });
});
