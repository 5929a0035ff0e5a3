import { describe, expect, it } from 'vitest';
import { niceStep, priceChart } from './price-chart';

describe('priceChart', () => {
  const points = [
    { at: '2026-11-01T00:00:00Z', priceCents: 1000 },
    { at: '2026-11-11T00:00:00Z', priceCents: 2000 },
    { at: '2026-11-21T00:00:00Z', priceCents: 1500 },
  ];

  it('draws a step line across the plot, the highest price highest up', () => {
    const chart = priceChart(points, 'it', 'UTC')!;
    expect(chart.line).toMatch(/^M[\d.]+,[\d.]+ H[\d.]+ V[\d.]+ H548 V[\d.]+$/);
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

  it('labels both axes at round amounts and says in words what it shows', () => {
    const chart = priceChart(points, 'Source price in it', 'UTC')!;
    expect(chart.xTicks.map((t) => t.label)).toEqual(['2026-11-01', '2026-11-11', '2026-11-21']);
    expect(chart.xTicks.map((t) => t.anchor)).toEqual(['start', 'middle', 'end']);
    expect(chart.yTicks.map((t) => t.label)).toEqual(['€5.00', '€10.00', '€15.00', '€20.00', '€25.00']);
    expect(chart.summary).toBe('Source price in it: 3 prices from 2026-11-01 to 2026-11-21; lowest €10.00, highest €20.00, latest €15.00.');
    expect(chart.timeAxis).toBe('Date (UTC)');
  });

  it('keeps every value label inside the drawing, from a few cents to tens of thousands of euros', () => {
    for (const [low, high] of [
      [3, 7],
      [199, 201],
      [1_234_500, 1_299_900],
      [99, 4_500_000],
    ] as const) {
      const chart = priceChart(
        [
          { at: '2026-11-01T00:00:00Z', priceCents: low },
          { at: '2026-11-02T00:00:00Z', priceCents: high },
        ],
        'x',
        'UTC',
      )!;
      const labels = chart.yTicks.map((t) => t.label);
      expect(new Set(labels).size).toBe(labels.length);
      const widest = Math.max(...labels.map((l) => l.length)) * 6.8;
      // Labels end 6 px left of the axis; the axis title takes the first 22 px.
      expect(chart.plot.left - 6 - widest).toBeGreaterThanOrEqual(22);
      for (const t of chart.yTicks) {
        expect(t.at).toBeGreaterThanOrEqual(chart.plot.top);
        expect(t.at).toBeLessThanOrEqual(chart.plot.bottom);
      }
    }
  });

  it('shows days and times in the agent zone', () => {
    const chart = priceChart([{ at: '2026-11-01T23:30:00Z', priceCents: 999 }], 'fr', 'Europe/Rome')!;
    expect(chart.summary).toBe('fr: one price known, €9.99 on 2026-11-02.');
    expect(chart.dots[0]!.label).toBe('2026-11-02 00:30 CET: €9.99');
    expect(chart.timeAxis).toBe('Date (Europe/Rome)');
  });

  it('gives the hour on the time axis when the prices span a few days at most', () => {
    const chart = priceChart(
      [
        { at: '2026-12-08T03:00:00Z', priceCents: 999 },
        { at: '2026-12-08T05:00:00Z', priceCents: 1099 },
      ],
      'de',
      'Europe/Rome',
    )!;
    expect(chart.xTicks.map((t) => t.label)).toEqual(['12-08 04:00', '12-08 05:00', '12-08 06:00']);
  });

  it('copes with one price and with none', () => {
    const one = priceChart([{ at: '2026-11-01T00:00:00Z', priceCents: 999 }], 'fr', 'UTC')!;
    expect(one.summary).toBe('fr: one price known, €9.99 on 2026-11-01.');
    expect(one.dots[0]!.y).toBeGreaterThan(one.plot.top);
    expect(one.dots[0]!.y).toBeLessThan(one.plot.bottom);
    expect(priceChart([], 'de', 'UTC')).toBeNull();
  });

  it('steps by 1, 2, 2.5 or 5 times a power of ten, never under a cent', () => {
    expect(niceStep(1200, 3)).toBe(500);
    expect(niceStep(700, 3)).toBe(250);
    expect(niceStep(2, 3)).toBe(1);
    expect(niceStep(5_000_000, 3)).toBe(2_000_000);
  });
});
