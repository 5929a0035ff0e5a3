// Messages to shoppers: rendered in their market's language and stored (no mail server can be
// reached from here). The outbox worker writes them; the back office reads them.
export * from './message.schema';
export * from './confirmation';
export * from './message.store';
export { MESSAGES } from './message.collection';
