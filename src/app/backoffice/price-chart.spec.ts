import { describe, expect, it } from 'vitest';
import { priceChart } from './price-chart';

describe('priceChart', () => {
  const points = [
    { at: '2026-11-01T00:00:00Z', priceCents: 1000 },
    { at: '2026-11-11T00:00:00Z', priceCents: 2000 },
    { at: '2026-11-21T00:00:00Z', priceCents: 1500 },
  ];

  it('draws a step line across the plot, the highest price highest up', () => {
    const chart = priceChart(points, 'it')!;
    expect(chart.line).toMatch(/^M64,[\d.]+ H[\d.]+ V[\d.]+ H548 V[\d.]+$/);
    const [a, b, c] = chart.dots;
    expect(a!.x).toBe(chart.plot.left);
    expect(c!.x).toBe(chart.plot.right);
    expect(b!.y).toBeLessThan(c!.y);
    expect(c!.y).toBeLessThan(a!.y);
    for (const d of chart.dots) {
      expect(d.y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(d.y).toBeLessThanOrEqual(chart.plot.bottom);
    }
  });

  it('labels both axes and says in words what it shows', () => {
    const chart = priceChart(points, 'Source price in it')!;
    expect(chart.xTicks.map((t) => t.label)).toEqual(['2026-11-01', '2026-11-11', '2026-11-21']);
    expect(chart.yTicks.map((t) => t.label)).toEqual(['€9.00', '€13.00', '€17.00', '€21.00']);
    expect(chart.summary).toBe('Source price in it: 3 prices from 2026-11-01 to 2026-11-21; lowest €10.00, highest €20.00, latest €15.00.');
  });

  it('copes with one price and with none', () => {
    const one = priceChart([{ at: '2026-11-01T00:00:00Z', priceCents: 999 }], 'fr')!;
    expect(one.summary).toBe('fr: one price known, €9.99 on 2026-11-01.');
    expect(one.dots[0]!.y).toBeGreaterThan(one.plot.top);
    expect(one.dots[0]!.y).toBeLessThan(one.plot.bottom);
    expect(priceChart([], 'de')).toBeNull();
  });
});
