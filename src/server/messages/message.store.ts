// Messages in MongoDB. Saving is an upsert on the id derived from the outbox entry: the second
// delivery of an entry finds the first one's message and leaves it as it is.
import type { Message } from './message.schema';
import { messageCollection } from './message.collection';
import type { DbHandle } from '../platform/db';

export async function saveMessage(rt: DbHandle, message: Message): Promise<void> {
  const messages = messageCollection(rt);
  const { _id, customerId, ...rest } = message;
  // customerId is the shard key: the upsert goes to one shard.
  await messages.updateOne({ _id, customerId }, { $setOnInsert: rest }, { upsert: true });
}

export function messagesOfOrder(rt: DbHandle, customerId: string, orderId: string): Promise<Message[]> {
  const messages = messageCollection(rt);
  return messages.find({ customerId, orderId }).sort({ createdAt: 1 }).toArray();
}

export function messageIdFor(outboxEntryId: string): string {
  return `msg_${outboxEntryId}`;
}
