// Agents in MongoDB: created, found by e-mail (the login) or id, listed, re-keyed, their role
// or access changed by an admin.
import type { Collection } from 'mongodb';
import { isDuplicateKey } from '../platform/db';
import type { Agent } from './backoffice.schema';

export class DuplicateAgentError extends Error {
  constructor(readonly email: string) {
    super(`an agent with the e-mail ${email} already exists`);
    this.name = 'DuplicateAgentError';
  }
}

export async function insertAgent(agents: Collection<Agent>, agent: Agent): Promise<void> {
  try {
    await agents.insertOne(agent);
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateAgentError(agent.email);
    throw error;
  }
}

export function findAgentByEmail(agents: Collection<Agent>, email: string): Promise<Agent | null> {
  return agents.findOne({ email });
}

export function listAgents(agents: Collection<Agent>): Promise<Agent[]> {
  return agents.find({}).sort({ email: 1 }).limit(500).toArray();
}

export async function setAgentPassword(agents: Collection<Agent>, email: string, passwordHash: string, at: Date): Promise<Agent | null> {
  return agents.findOneAndUpdate({ email }, { $set: { passwordHash, updatedAt: at } }, { returnDocument: 'after' });
}

export function findAgentById(agents: Collection<Agent>, id: string): Promise<Agent | null> {
  return agents.findOne({ _id: id });
}

/** With the e-mail, the shard key, the update goes to one shard (the id alone would ask every shard). */
export function updateAgentAccess(
  agents: Collection<Agent>,
  agent: Pick<Agent, '_id' | 'email'>,
  change: Partial<Pick<Agent, 'role' | 'disabled'>>,
  at: Date,
): Promise<Agent | null> {
  return agents.findOneAndUpdate(
    { _id: agent._id, email: agent.email },
    { $set: { ...change, updatedAt: at } },
    { returnDocument: 'after' },
  );
}
