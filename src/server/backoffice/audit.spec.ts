import { describe, expect, it } from 'vitest';
import { AuditFilters, auditChanges, auditQuery, intersectIds } from './audit';

describe('auditChanges', () => {
  it('lists only the fields that changed, with money, times and statuses typed', () => {
    const before = { status: 'paid', refundedCents: 0, refunds: 0 };
    const after = { status: 'refunded', refundedCents: 2500, refunds: 1 };
    expect(auditChanges(before, after)).toEqual([
      { path: ['status'], before: { kind: 'status', code: 'paid' }, after: { kind: 'status', code: 'refunded' } },
      { path: ['refundedCents'], before: { kind: 'money', cents: 0 }, after: { kind: 'money', cents: 2500 } },
      { path: ['refunds'], before: { kind: 'text', text: '0' }, after: { kind: 'text', text: '1' } },
    ]);
  });

  it('reads nested records leaf by leaf, money as one value, and a field that appears or goes', () => {
    const at = new Date('2026-12-07T10:00:00Z');
    const override = { price: { amountCents: 1234, currency: 'EUR' }, expiresAt: at, reason: 'price match', agentId: 'a1', at };
    expect(auditChanges({ priceOverride: { fr: null } }, { priceOverride: { fr: override } })).toEqual([
      { path: ['priceOverride', 'fr', 'price'], before: { kind: 'none' }, after: { kind: 'money', cents: 1234 } },
      { path: ['priceOverride', 'fr', 'expiresAt'], before: { kind: 'none' }, after: { kind: 'time', iso: '2026-12-07T10:00:00.000Z' } },
      { path: ['priceOverride', 'fr', 'reason'], before: { kind: 'none' }, after: { kind: 'text', text: 'price match' } },
      { path: ['priceOverride', 'fr', 'agentId'], before: { kind: 'none' }, after: { kind: 'text', text: 'a1' } },
      { path: ['priceOverride', 'fr', 'at'], before: { kind: 'none' }, after: { kind: 'time', iso: '2026-12-07T10:00:00.000Z' } },
    ]);
    expect(auditChanges({ salesStop: { reason: 'recall', at: '2026-12-07T10:00:00.000Z' } }, { salesStop: null })).toEqual([
      { path: ['salesStop', 'reason'], before: { kind: 'text', text: 'recall' }, after: { kind: 'none' } },
      { path: ['salesStop', 'at'], before: { kind: 'time', iso: '2026-12-07T10:00:00.000Z' }, after: { kind: 'none' } },
    ]);
  });

  it('shows everything a creation recorded, and nothing when nothing changed', () => {
    expect(auditChanges(null, { role: 'agent', disabled: false })).toEqual([
      { path: ['role'], before: { kind: 'none' }, after: { kind: 'text', text: 'agent' } },
      { path: ['disabled'], before: { kind: 'none' }, after: { kind: 'text', text: 'no' } },
    ]);
    expect(auditChanges({ role: 'agent' }, { role: 'agent' })).toEqual([]);
    expect(auditChanges({ products: ['p1', 'p2'] }, { products: ['p1'] })).toEqual([
      { path: ['products'], before: { kind: 'text', text: 'p1, p2' }, after: { kind: 'text', text: 'p1' } },
    ]);
  });
});

describe('auditQuery', () => {
  const filters = (raw: Record<string, unknown>) => AuditFilters.parse(raw);

  it('filters by the entities an order number or an e-mail named, and by an id among them', () => {
    expect(auditQuery(filters({}), ['o1', 'c1'])).toEqual({ 'entity.id': { $in: ['o1', 'c1'] } });
    expect(auditQuery(filters({}), ['o1'])).toEqual({ 'entity.id': 'o1' });
    expect(auditQuery(filters({ entityId: 'c1' }), ['o1', 'c1'])).toEqual({ 'entity.id': 'c1' });
    expect(auditQuery(filters({ entityId: 'x' }), ['o1'])).toEqual({ 'entity.id': { $in: [] } });
    expect(auditQuery(filters({ entityId: 'x' }))).toEqual({ 'entity.id': 'x' });
    expect(auditQuery(filters({}), [])).toEqual({ 'entity.id': { $in: [] } });
  });

  it('keeps every other filter: agent, kind, action and whole UTC days', () => {
    expect(
      auditQuery(
        filters({ actorEmail: ' Ann@X.IT ', entityKind: 'order', action: 'order.cancelled', from: '2026-12-01', to: '2026-12-01' }),
      ),
    ).toEqual({
      'actor.email': 'ann@x.it',
      'entity.kind': 'order',
      action: 'order.cancelled',
      at: { $gte: new Date('2026-12-01T00:00:00Z'), $lt: new Date('2026-12-02T00:00:00Z') },
    });
  });

  it('intersects what several references name', () => {
    expect(intersectIds([])).toBeNull();
    expect(
      intersectIds([
        ['o1', 'c1', 'o2'],
        ['o2', 'o3'],
      ]),
    ).toEqual(['o2']);
  });
});
