// Orders in MongoDB. Every change is one atomic findOneAndUpdate whose filter names the state
// the change was decided on (status, number of refunds): a concurrent change makes it match
// nothing, and the caller decides again on the fresh document.
import type { Order, OrderLine, Refund, TimelineEntry, OrderStatus } from './order.schema';
import { orderCollection } from './order.collection';
import type { DbHandle } from '../platform/db';

/**
 * With the customer id, the shard key, the read goes to one shard. Without it every shard is
 * asked (each answers from its _id index): the back office opening an order from its link.
 */
export function findOrderById(rt: DbHandle, id: string, customerId?: string): Promise<Order | null> {
  const orders = orderCollection(rt);
  return orders.findOne(customerId === undefined ? { _id: id } : { _id: id, customerId });
}

/**
 * Up to `limit` orders in one of `statuses`, changed before `before` when given, least recently
 * changed first: the purchaser's batches, each shard reading its `status_updated` index in order.
 */
export function ordersInStatus(rt: DbHandle, statuses: readonly OrderStatus[], limit: number, before?: Date): Promise<Order[]> {
  return orderCollection(rt)
    .find({ status: { $in: [...statuses] }, ...(before && { updatedAt: { $lt: before } }) })
    .sort({ updatedAt: 1 })
    .limit(limit)
    .toArray();
}

export function findOrders(rt: DbHandle, filter: Record<string, unknown>, limit: number): Promise<Order[]> {
  const orders = orderCollection(rt);
  return orders.find(filter).sort({ createdAt: -1 }).limit(limit).toArray();
}

/** Null when the order changed since `seen` was read (another agent acted first). */
export function applyRefund(
  rt: DbHandle,
  seen: Pick<Order, '_id' | 'customerId' | 'status' | 'refunds'>,
  change: { refund: Refund; status: OrderStatus; timeline: readonly TimelineEntry[]; at: Date },
): Promise<Order | null> {
  const orders = orderCollection(rt);
  return orders.findOneAndUpdate(
    // customerId is the shard key: the update goes to one shard.
    { _id: seen._id, customerId: seen.customerId, status: seen.status, refunds: { $size: seen.refunds.length } },
    {
      $push: { refunds: change.refund, timeline: { $each: [...change.timeline] } },
      $set: { status: change.status, updatedAt: change.at },
    },
    { returnDocument: 'after' },
  );
}

export function appendTimeline(rt: DbHandle, seen: Pick<Order, '_id' | 'customerId'>, entry: TimelineEntry): Promise<Order | null> {
  const orders = orderCollection(rt);
  return orders.findOneAndUpdate(
    { _id: seen._id, customerId: seen.customerId },
    { $push: { timeline: entry }, $set: { updatedAt: entry.at } },
    { returnDocument: 'after' },
  );
}

export interface OrderChange {
  /** Entries to append; a status change carries the entry from `transition()`. */
  readonly timeline: readonly TimelineEntry[];
  readonly status?: OrderStatus;
  /** Other fields to set, by path (`shippingAddress`, `purchases.$[p].status`). */
  readonly set?: Readonly<Record<string, unknown>>;
  readonly push?: Readonly<Record<string, unknown>>;
  /** More conditions the document must still meet, such as no purchase under way. */
  readonly unless?: Readonly<Record<string, unknown>>;
  readonly arrayFilters?: readonly Record<string, unknown>[];
  readonly at: Date;
}

/**
 * One atomic change of an order decided on its status as seen: null when the status (or a
 * condition in `unless`) changed meanwhile, so the caller decides again on the fresh order.
 */
export function changeOrder(rt: DbHandle, seen: Pick<Order, '_id' | 'customerId' | 'status'>, change: OrderChange): Promise<Order | null> {
  const orders = orderCollection(rt);
  const push: Record<string, unknown> = { ...change.push, timeline: { $each: [...change.timeline] } };
  return orders.findOneAndUpdate(
    { _id: seen._id, customerId: seen.customerId, status: seen.status, ...change.unless },
    { $push: push, $set: { ...change.set, ...(change.status ? { status: change.status } : {}), updatedAt: change.at } },
    { returnDocument: 'after', ...(change.arrayFilters ? { arrayFilters: [...change.arrayFilters] } : {}) },
  );
}

/**
 * Points order lines at another product when one product is merged into another (`merge`: the
 * lines of `from` go to `to`, remembering `from`), or back when the merge is split (`split`: the
 * lines of `from` that came from `to` go back to it). Lines never change otherwise, so the
 * write needs no guard; running it twice changes nothing more. Returns how many orders changed.
 */
export async function moveOrderLines(rt: DbHandle, from: string, to: string, mode: 'merge' | 'split'): Promise<number> {
  const orders = orderCollection(rt);
  const moves = (line: OrderLine) => line.productId === from && (mode === 'merge' || line.mergedFrom === to);
  let changed = 0;
  for (const order of await orders.find({ 'lines.productId': from }).toArray()) {
    if (!order.lines.some(moves)) continue;
    const lines = order.lines.map((line) => {
      if (!moves(line)) return line;
      if (mode === 'merge') return { ...line, productId: to, mergedFrom: from };
      const { mergedFrom: _, ...rest } = line;
      return { ...rest, productId: to };
    });
    const result = await orders.updateOne({ _id: order._id, customerId: order.customerId }, { $set: { lines } });
    changed += result.modifiedCount;
  }
  return changed;
}

/** What the audit log needs to name orders: their numbers by id, and the ids a number or a shopper names. */
export async function orderNumbers(rt: DbHandle, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await orderCollection(rt)
    .find({ _id: { $in: [...ids] } }, { projection: { number: 1 } })
    .toArray();
  return new Map(found.map((o) => [o._id, o.number]));
}

export async function orderIdsWhere(rt: DbHandle, filter: { number: string } | { customerId: string }, limit = 200): Promise<string[]> {
  const found = await orderCollection(rt)
    .find(filter, { projection: { _id: 1 } })
    .limit(limit)
    .toArray();
  return found.map((o) => o._id);
}
