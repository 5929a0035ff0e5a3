// The geometry of a price-history chart, drawn as inline SVG by the page: a step line (a price
// holds until it changes), labelled axes, and a text summary for screen readers and for whoever
// reads the page without its pictures. Pure. The value axis steps by round amounts (1, 2, 2.5 or
// 5 times a power of ten) and its margin widens with its longest label, so a €3 item and a
// €12,000 one both read whole; dates are in the agent's time zone.
import { agentTime } from '../../common/time';
import { formatEuroCents } from './euro-amount';

export interface ChartInput {
  readonly at: string;
  readonly priceCents: number;
}

export interface Tick {
  readonly at: number;
  readonly label: string;
  /** The end labels align inward, so they never run off the drawing. */
  readonly anchor: 'start' | 'middle' | 'end';
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
  /** The time axis's title, naming the zone. */
  readonly timeAxis: string;
}

const DAY_MS = 86_400_000;
/** The width of a digit of the 11 px labels, a little generous, and the room the axis title takes. */
const CHAR_PX = 6.8;
const AXIS_TITLE_PX = 22;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** A round step that cuts `range` cents into about `parts` parts; never under a cent. */
export function niceStep(range: number, parts: number): number {
  const raw = Math.max(1, range / parts);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return Math.max(1, Math.round(step));
}

export function priceChart(
  points: readonly ChartInput[],
  label: string,
  zone: string,
  size = { width: 560, height: 200 },
): PriceChart | null {
  if (points.length === 0) return null;
  const series = points.map((p) => ({ t: Date.parse(p.at), cents: p.priceCents })).sort((a, b) => a.t - b.t);
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const cents = series.map((p) => p.cents);
  const low = Math.min(...cents);
  const high = Math.max(...cents);
  // A flat line sits mid-height; otherwise a tenth of the range above and below, out to round steps.
  const pad = high === low ? Math.max(100, Math.round(low * 0.1)) : Math.ceil((high - low) / 10);
  const step = niceStep(high - low + 2 * pad, 3);
  const yMin = Math.max(0, Math.floor((low - pad) / step) * step);
  const yMax = Math.ceil((high + pad) / step) * step;
  const tickCents: number[] = [];
  for (let c = yMin; c <= yMax; c += step) tickCents.push(c);
  const tickLabels = tickCents.map(formatEuroCents);
  const longest = Math.max(...tickLabels.map((l) => l.length));
  const plot = { left: Math.ceil(AXIS_TITLE_PX + longest * CHAR_PX + 8), top: 12, right: size.width - 12, bottom: size.height - 32 };

  const tMin = first.t === last.t ? first.t - DAY_MS : first.t;
  const tMax = first.t === last.t ? last.t + DAY_MS : last.t;
  const x = (t: number) => round1(plot.left + ((t - tMin) / (tMax - tMin)) * (plot.right - plot.left));
  const y = (c: number) => round1(plot.bottom - ((c - yMin) / (yMax - yMin)) * (plot.bottom - plot.top));

  let line = `M${x(first.t)},${y(first.cents)}`;
  for (const p of series.slice(1)) line += ` H${x(p.t)} V${y(p.cents)}`;

  const yTicks = tickCents.map((c, i) => ({ at: y(c), label: tickLabels[i]!, anchor: 'end' as const }));
  const anchors = ['start', 'middle', 'end'] as const;
  const day = (t: number) => agentTime(t, zone, 'day');
  // Within a few days the three ticks would read the same date: they give the hour too.
  const tick = tMax - tMin < 3 * DAY_MS ? (t: number) => agentTime(t, zone).slice(5, 16) : day;
  const xTicks = anchors.map((anchor, i) => {
    const t = tMin + ((tMax - tMin) * i) / 2;
    return { at: x(t), label: tick(t), anchor };
  });
  const summary =
    series.length === 1
      ? `${label}: one price known, ${formatEuroCents(first.cents)} on ${day(first.t)}.`
      : `${label}: ${series.length} prices from ${day(first.t)} to ${day(last.t)}; lowest ${formatEuroCents(low)}, highest ${formatEuroCents(high)}, latest ${formatEuroCents(last.cents)}.`;
  return {
    ...size,
    plot,
    line,
    dots: series.map((p) => ({ x: x(p.t), y: y(p.cents), label: `${agentTime(p.t, zone)}: ${formatEuroCents(p.cents)}` })),
    yTicks,
    xTicks,
    summary,
    timeAxis: `Date (${zone})`,
  };
}
