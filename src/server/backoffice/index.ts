// Back office: agents, their roles and sessions, and the audit log of what they change.
export * from './backoffice.schema';
