// The back office's order actions beyond refunds and notes: mark paid, cancel, retry the
// purchase, edit the shipping address before purchase, resend the confirmation. Each is one
// atomic update of the order (its timeline entry included, decided by the state machine), an
// audit entry, and the outbox effect it implies. The effect is recorded first, under an id of
// its own for this action: if the update then misses or the process dies, the effect finds the
// order not in the state it needs (unpaid, say) and waits, then gives up; if it lands, nothing
// is lost. An illegal action is refused saying why and what to do instead (order-action-advice.ts),
// else with the state machine's message.
import { refuse } from '../platform/refusal';
import { recordAudit, type ActingAgent } from '../backoffice';
import { newId } from '../../common/ids';
import { effectId, recordEffect, type EffectRequest, type OutboxTopic } from '../outbox';
import type { Runtime } from '../platform/runtime';
import { formatAddress } from './address';
import { canTransition, IllegalTransitionError, transition } from './order-state';
import { refusedActionAdvice } from './order-action-advice';
import { notFound, orderView, type OrderActionResult } from './order.service';
import type { AddressChangeInput, OrderActionInput } from './order-actions.schema';
import type { Order, OrderStatus, TimelineEntry } from './order.schema';
import { changeOrder, findOrderById, type OrderChange } from './order.store';

/** An action refused for a reason of its own (not the state machine's). */
class ActionRefused extends Error {}

interface Decision {
  readonly change: OrderChange;
  readonly effect?: EffectRequest<OutboxTopic>;
  readonly action: string;
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
}

const MAX_ATTEMPTS = 3;

async function act(
  rt: Runtime,
  orderId: string,
  agent: ActingAgent,
  reason: string,
  decide: (order: Order) => Decision,
): Promise<OrderActionResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const order = await findOrderById(rt, orderId);
    if (!order) return notFound(orderId);
    let decision: Decision;
    try {
      decision = decide(order);
    } catch (error) {
      if (error instanceof IllegalTransitionError || error instanceof ActionRefused) return refuse('conflict', error.message);
      throw error;
    }
    if (decision.effect) await recordEffect(rt, decision.effect, decision.change.at);
    const updated = await changeOrder(rt, order, decision.change);
    if (!updated) continue;
    await recordAudit(rt, {
      actor: { kind: 'agent', id: agent.id, email: agent.email },
      action: decision.action,
      entity: { kind: 'order', id: order._id },
      before: decision.before,
      after: decision.after,
      reason,
      at: decision.change.at,
    });
    return { ok: true, order: await orderView(rt, updated) };
  }
  return refuse('conflict', 'the order keeps changing under this action; reload it and try again');
}

function statusChange(
  order: Order,
  to: OrderStatus,
  agent: ActingAgent,
  reason: string,
  at: Date,
  action: string,
  effect?: EffectRequest<OutboxTopic>,
): Decision {
  const advice = canTransition(order.status, to) ? null : refusedActionAdvice(action, order.status);
  if (advice) throw new ActionRefused(advice);
  const entry = transition(order.status, { to, actor: { kind: 'agent', id: agent.id }, reason, at });
  return {
    change: { status: to, timeline: [entry], at },
    action,
    before: { status: order.status },
    after: { status: to },
    ...(effect ? { effect } : {}),
  };
}

/** An effect of this one action: a fresh id, so an earlier effect that gave up cannot swallow it. */
function effectOf(topic: OutboxTopic, order: Order): EffectRequest<OutboxTopic> {
  return { id: effectId(topic, `${order._id}_${newId(6)}`), topic, payload: { orderId: order._id, customerId: order.customerId } };
}

/** A bank transfer arrived: the order is paid, and its purchase follows. */
export function markPaid(rt: Runtime, input: OrderActionInput, agent: ActingAgent, now = new Date()): Promise<OrderActionResult> {
  return act(rt, input.orderId, agent, input.reason, (order) =>
    statusChange(order, 'paid', agent, `marked paid: ${input.reason}`, now, 'order.marked_paid', effectOf('order.purchase', order)),
  );
}

export function cancelOrder(rt: Runtime, input: OrderActionInput, agent: ActingAgent, now = new Date()): Promise<OrderActionResult> {
  return act(rt, input.orderId, agent, input.reason, (order) =>
    statusChange(order, 'cancelled', agent, `cancelled: ${input.reason}`, now, 'order.cancelled'),
  );
}

/** Buys again what is not bought yet; a purchase left pending resumes under its own key, so nothing is bought twice. */
export function retryPurchase(rt: Runtime, input: OrderActionInput, agent: ActingAgent, now = new Date()): Promise<OrderActionResult> {
  return act(rt, input.orderId, agent, input.reason, (order) =>
    statusChange(
      order,
      'purchasing',
      agent,
      `purchase retried: ${input.reason}`,
      now,
      'order.purchase_retried',
      effectOf('order.purchase', order),
    ),
  );
}

/** Before anything is bought, an agent may correct where it goes (within the order's country: its prices include that VAT). */
export const ADDRESS_EDITABLE: readonly OrderStatus[] = ['awaiting_payment', 'confirmed', 'paid', 'needs_attention'];

export function editShippingAddress(
  rt: Runtime,
  input: AddressChangeInput,
  agent: ActingAgent,
  now = new Date(),
): Promise<OrderActionResult> {
  return act(rt, input.orderId, agent, input.reason, (order) => {
    if (!ADDRESS_EDITABLE.includes(order.status)) {
      throw new ActionRefused(
        `the shipping address of an order that is ${order.status} cannot be changed (only while it is ${ADDRESS_EDITABLE.join(', ')})`,
      );
    }
    if (order.purchases.some((p) => p.status !== 'failed'))
      throw new ActionRefused('a supplier purchase is under way or done: the address it ships to cannot be changed now');
    if (input.address.country !== order.shippingAddress.country) {
      throw new ActionRefused(
        `country: this order was sold with ${order.shippingAddress.country} VAT and ships within ${order.shippingAddress.country}`,
      );
    }
    const entry: TimelineEntry = {
      kind: 'address',
      at: now,
      from: order.status,
      to: order.status,
      actor: { kind: 'agent', id: agent.id },
      reason: `shipping address changed to ${formatAddress(input.address)}: ${input.reason}`,
    };
    return {
      change: {
        timeline: [entry],
        set: { shippingAddress: input.address },
        // Checked again by the update itself: no purchase may have started since.
        unless: { purchases: { $not: { $elemMatch: { status: { $ne: 'failed' } } } } },
        at: now,
      },
      action: 'order.address_changed',
      before: { shippingAddress: order.shippingAddress },
      after: { shippingAddress: input.address },
    };
  });
}

export function resendConfirmation(rt: Runtime, input: OrderActionInput, agent: ActingAgent, now = new Date()): Promise<OrderActionResult> {
  return act(rt, input.orderId, agent, input.reason, (order) => {
    const effect = effectOf('order.confirmation', order);
    const entry: TimelineEntry = {
      kind: 'message',
      at: now,
      from: order.status,
      to: order.status,
      actor: { kind: 'agent', id: agent.id },
      reason: `order confirmation sent again: ${input.reason}`,
    };
    return {
      change: { timeline: [entry], at: now },
      effect,
      action: 'order.confirmation_resent',
      before: {},
      after: { outboxEntryId: effect.id },
    };
  });
}
