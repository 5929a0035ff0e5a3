// Back office: agents, their roles and sessions, the role table, and the audit log of what
// they change. Other folders import from here only.
export * from './backoffice.schema';
export * from './access';
export * from './audit';
export * from './audit.store';
export * from './agent.store';
export * from './agent.service';
export * from './agent-admin.service';
export * from './auth.service';
export * from './login-throttle';
export * from './password';
export * from './session';
export { AGENTS, SESSIONS, AUDIT_ENTRIES } from './backoffice.collection';
