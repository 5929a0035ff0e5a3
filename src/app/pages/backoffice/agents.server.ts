// Data of the agents page (admins): every agent with role and access, and the roles to choose from.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import type { AgentView } from '../../../server/backoffice';
import { Role } from '../../../server/backoffice';

export interface AgentsPageData {
  readonly roles: readonly string[];
  readonly agents: readonly AgentView[];
}

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<AgentsPageData>> {
  return backofficeLoad(event, '/backoffice/agents', async (caller) => ({
    roles: Role.options,
    agents: await caller.backoffice.agents.list(),
  }));
}
