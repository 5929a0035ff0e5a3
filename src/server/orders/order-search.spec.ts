import { describe, expect, it } from 'vitest';
import { searchTerms } from '../customers';
import { OrderSearch, orderFilter } from './order-search';

describe('the search box', () => {
  it('reads an e-mail, a phone, a name or an order number', () => {
    expect(searchTerms('Anna@Example.com')).toMatchObject({ email: 'anna@example.com', phones: [], namePrefix: null });
    expect(searchTerms('+39 333-123 4567')?.phones).toEqual(['+393331234567']);
    // Without a country code: a German mobile, a landline of Cuneo, or a number stored before normalisation.
    expect(searchTerms('0171/123 4567')?.phones).toEqual(expect.arrayContaining(['+491711234567', '+3901711234567', '01711234567']));
    expect(searchTerms('Giulia')).toMatchObject({ email: null, namePrefix: 'Giulia' });
    expect(searchTerms('  ')).toBeNull();
  });

  it('combines the list filters with the matches of the search', () => {
    const search = OrderSearch.parse({ q: 'DS-ABC', market: 'fr', from: '2026-11-01', to: '2026-11-30' });
    const filter = orderFilter(search, searchTerms(search.q), ['c1']);
    expect(filter).toMatchObject({
      market: 'fr',
      createdAt: { $gte: new Date('2026-11-01T00:00:00Z'), $lt: new Date('2026-12-01T00:00:00Z') },
    });
    expect(filter['$or']).toContainEqual({ number: 'DS-ABC' });
    expect(filter['$or']).toContainEqual({ customerId: { $in: ['c1'] } });
  });

  it('lets needs_attention override the status filter', () => {
    expect(orderFilter(OrderSearch.parse({ status: 'paid', needsAttention: true }), null, [])).toEqual({ status: 'needs_attention' });
  });
});
