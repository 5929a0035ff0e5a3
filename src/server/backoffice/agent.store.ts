// Agents in MongoDB: created, found by e-mail (the login) or id, listed, re-keyed, their role
// or access changed by an admin.
import { isDuplicateKey } from '../platform/db';
import type { Agent } from './backoffice.schema';
import { agentCollection } from './backoffice.collection';
import type { DbHandle } from '../platform/db';

export class DuplicateAgentError extends Error {
  constructor(readonly email: string) {
    super(`an agent with the e-mail ${email} already exists`);
    this.name = 'DuplicateAgentError';
  }
}

export async function insertAgent(rt: DbHandle, agent: Agent): Promise<void> {
  const agents = agentCollection(rt);
  try {
    await agents.insertOne(agent);
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateAgentError(agent.email);
    throw error;
  }
}

export function findAgentByEmail(rt: DbHandle, email: string): Promise<Agent | null> {
  const agents = agentCollection(rt);
  return agents.findOne({ email });
}

export function listAgents(rt: DbHandle): Promise<Agent[]> {
  const agents = agentCollection(rt);
  return agents.find({}).sort({ email: 1 }).limit(500).toArray();
}

export async function setAgentPassword(rt: DbHandle, email: string, passwordHash: string, at: Date): Promise<Agent | null> {
  const agents = agentCollection(rt);
  return agents.findOneAndUpdate({ email }, { $set: { passwordHash, updatedAt: at } }, { returnDocument: 'after' });
}

export function findAgentById(rt: DbHandle, id: string): Promise<Agent | null> {
  const agents = agentCollection(rt);
  return agents.findOne({ _id: id });
}

/** With the e-mail, the shard key, the update goes to one shard (the id alone would ask every shard). */
export function updateAgentAccess(
  rt: DbHandle,
  agent: Pick<Agent, '_id' | 'email'>,
  change: Partial<Pick<Agent, 'role' | 'disabled'>>,
  at: Date,
): Promise<Agent | null> {
  const agents = agentCollection(rt);
  return agents.findOneAndUpdate(
    { _id: agent._id, email: agent.email },
    { $set: { ...change, updatedAt: at } },
    { returnDocument: 'after' },
  );
}

/** Who did something, as pages name them: the agent's name, the e-mail for whoever hovers it. */
export interface PersonView {
  readonly name: string;
  readonly email: string | null;
}

/** The people behind agent ids (or e-mails, where a record kept the e-mail), found in one read for everything a page shows. */
export type AgentDirectory = (agentId: string) => PersonView;

export async function agentDirectory(rt: DbHandle, keys: Iterable<string>, by: '_id' | 'email' = '_id'): Promise<AgentDirectory> {
  const wanted = [...new Set(keys)];
  const agents = agentCollection(rt);
  const found = wanted.length === 0 ? [] : await agents.find({ [by]: { $in: wanted } }, { projection: { name: 1, email: 1 } }).toArray();
  const byKey = new Map(found.map((a) => [a[by], { name: a.name, email: a.email }]));
  // Agents are disabled, never deleted; a key with no agent is data from elsewhere (a restore), or the system.
  return (key) => byKey.get(key) ?? (by === 'email' ? { name: key, email: null } : { name: `unknown agent ${key}`, email: null });
}
