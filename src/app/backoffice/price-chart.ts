// The geometry of a price-history chart, computed on the server and drawn as inline SVG by the
// page: a step line (a price holds until it changes), labelled axes, and a text summary for
// screen readers and for whoever reads the page without its pictures. Pure; dates shown in UTC.
import { utcTime } from './utc-time';
import { formatEuroCents } from './euro-amount';

export interface ChartInput {
  readonly at: string;
  readonly priceCents: number;
}

export interface Tick {
  readonly at: number;
  readonly label: string;
}

export interface PriceChart {
  readonly width: number;
  readonly height: number;
  /** The plot area inside the axes. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** SVG path data of the step line. */
  readonly line: string;
  readonly dots: readonly { readonly x: number; readonly y: number; readonly label: string }[];
  /** Value ticks: `at` is the y coordinate. */
  readonly yTicks: readonly Tick[];
  /** Time ticks: `at` is the x coordinate. */
  readonly xTicks: readonly Tick[];
  readonly summary: string;
}

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function priceChart(points: readonly ChartInput[], label: string, size = { width: 560, height: 200 }): PriceChart | null {
  if (points.length === 0) return null;
  const series = points.map((p) => ({ t: Date.parse(p.at), cents: p.priceCents })).sort((a, b) => a.t - b.t);
  const plot = { left: 64, top: 12, right: size.width - 12, bottom: size.height - 32 };
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const cents = series.map((p) => p.cents);
  const low = Math.min(...cents);
  const high = Math.max(...cents);
  // A flat line sits mid-height; otherwise a tenth of the range above and below.
  const pad = high === low ? Math.max(100, Math.round(low * 0.1)) : Math.ceil((high - low) / 10);
  const yMin = Math.max(0, low - pad);
  const yMax = high + pad;
  const tMin = first.t === last.t ? first.t - DAY_MS : first.t;
  const tMax = first.t === last.t ? last.t + DAY_MS : last.t;
  const x = (t: number) => round1(plot.left + ((t - tMin) / (tMax - tMin)) * (plot.right - plot.left));
  const y = (c: number) => round1(plot.bottom - ((c - yMin) / (yMax - yMin)) * (plot.bottom - plot.top));

  let line = `M${x(first.t)},${y(first.cents)}`;
  for (const p of series.slice(1)) line += ` H${x(p.t)} V${y(p.cents)}`;

  const yTicks = [0, 1, 2, 3].map((i) => {
    const c = Math.round(yMin + ((yMax - yMin) * i) / 3);
    return { at: y(c), label: formatEuroCents(c) };
  });
  const xTicks = [0, 1, 2].map((i) => {
    const t = tMin + ((tMax - tMin) * i) / 2;
    return { at: x(t), label: new Date(t).toISOString().slice(0, 10) };
  });
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const summary =
    series.length === 1
      ? `${label}: one price known, ${formatEuroCents(first.cents)} on ${day(first.t)}.`
      : `${label}: ${series.length} prices from ${day(first.t)} to ${day(last.t)}; lowest ${formatEuroCents(low)}, highest ${formatEuroCents(high)}, latest ${formatEuroCents(last.cents)}.`;
  return {
    ...size,
    plot,
    line,
    dots: series.map((p) => ({
      x: x(p.t),
      y: y(p.cents),
      label: `${utcTime(new Date(p.t).toISOString())} UTC: ${formatEuroCents(p.cents)}`,
    })),
    yTicks,
    xTicks,
    summary,
  };
}
