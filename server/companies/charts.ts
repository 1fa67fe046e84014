// Server-rendered SVG charts: no script, no inline style (the CSP forbids
// both); colours come from classes in site.css, text uses currentColor, so the
// charts follow light and dark mode. Each chart carries a <title> and <desc>
// (the narrow drawing is named by the wide one's); the page prints the same
// numbers in a table.
//
// SVG text scales with the drawing, so one drawing cannot be legible both on a
// phone and on a desktop: each chart is drawn twice, wide and narrow, and the
// stylesheet shows the one that fits (the other is display:none, so screen
// readers meet one chart).

export interface ChartPoint {
  label: string;
  value: number | null;
}

/** What the values are, for the ticks of the value axis. */
export type ChartScale = "count" | "percent" | "duration";

interface ChartOptions {
  id: string;
  title: string;
  description: string;
  points: ChartPoint[];
  formatValue: (value: number) => string;
  scale: ChartScale;
  /** The top of the value axis; defaults to a round number above the largest value. */
  max?: number;
}

interface Layout {
  variant: "wide" | "narrow";
  width: number;
  height: number;
  pad: { top: number; right: number; bottom: number; left: number };
  /** At most this many labels under the axis. */
  labels: number;
}

const LAYOUTS: Layout[] = [
  { variant: "wide", width: 640, height: 240, pad: { top: 24, right: 28, bottom: 44, left: 76 }, labels: 12 },
  { variant: "narrow", width: 360, height: 230, pad: { top: 22, right: 22, bottom: 42, left: 70 }, labels: 4 },
];

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const round = (n: number) => Math.round(n * 10) / 10;

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const DURATION_STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 60 * DAY, 90 * DAY, 180 * DAY, 365 * DAY];

/** 0 and three to five round steps up to at least `max`: 1–2–5 counts, quarters, whole hours or days. */
export function ticks(max: number, scale: ChartScale): number[] {
  if (scale === "percent" && max <= 1) return [0, 0.25, 0.5, 0.75, 1];
  let step: number;
  if (scale === "duration") {
    step = DURATION_STEPS.find((s) => max / s <= 5) ?? Math.ceil(max / 5 / (365 * DAY)) * 365 * DAY;
  } else {
    const raw = Math.max(max, 1) / 5;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
    if (scale === "count") step = Math.max(1, Math.round(step));
  }
  const top = Math.max(step, Math.ceil(max / step) * step);
  const values: number[] = [];
  for (let v = 0; v <= top + step / 1000; v += step) values.push(v);
  return values;
}

/**
 * The value axis's top. One value far above the rest (more than three times the next)
 * would flatten every other point; the axis then stops above the rest and the outlier
 * is drawn at the top with its value written beside it.
 */
function axisTop(o: ChartOptions, allowClip: boolean): { top: number; tickValues: number[] } {
  if (o.max !== undefined) return { top: o.max, tickValues: ticks(o.max, o.scale) };
  const values = o.points.map((p) => p.value).filter((v): v is number => v !== null).sort((a, b) => b - a);
  const largest = values[0] ?? 0;
  const next = values[1] ?? 0;
  const clip = allowClip && values.length >= 3 && next > 0 && largest > 3 * next;
  const tickValues = ticks(clip ? next * 1.2 : largest, o.scale);
  return { top: tickValues[tickValues.length - 1]!, tickValues };
}

function draw(o: ChartOptions, layout: Layout, allowClip: boolean, plot: (geometry: Geometry) => string): string {
  const { top, tickValues } = axisTop(o, allowClip);
  const { pad, width, height } = layout;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + plotH - (Math.min(v, top) / top) * plotH;
  const geometry: Geometry = { layout, plotW, plotH, top, y };
  // Shared presentation in groups (inherited), the rest in site.css: a big company page draws six charts.
  const lines = tickValues.map((v) => `<line class="${v === 0 ? "chart-axis" : "chart-grid"}" x1="${pad.left}" y1="${round(y(v))}" x2="${pad.left + plotW}" y2="${round(y(v))}"/>`).join("");
  const labels = tickValues.map((v) => `<text class="chart-tick" x="${pad.left - 6}" y="${round(y(v) + 4)}">${escapeXml(o.formatValue(v))}</text>`).join("");
  const grid = `<g stroke="currentColor">${lines}</g><g text-anchor="end">${labels}</g>`;
  // The narrow drawing is named by the wide one's title and description (aria-labelledby reads them where they are hidden).
  const wide = layout.variant === "wide";
  const id = wide ? o.id : `${o.id}-narrow`;
  const names = wide ? `<title id="${id}-title">${escapeXml(o.title)}</title><desc id="${id}-desc">${escapeXml(o.description)}</desc>` : "";
  return `<svg class="chart chart-${layout.variant}" id="${id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" fill="currentColor">`
    + `${names}${grid}${plot(geometry)}</svg>`;
}

interface Geometry {
  layout: Layout;
  plotW: number;
  plotH: number;
  top: number;
  y: (value: number) => number;
}

/** Labels under the axis: evenly spaced ones, the first and the last among them; the last kept inside the drawing. */
function xLabels(points: ChartPoint[], x: (i: number) => number, g: Geometry): string {
  const count = Math.min(points.length, g.layout.labels);
  const shown = new Set(count <= 1 ? [0] : Array.from({ length: count }, (_, k) => Math.round((k * (points.length - 1)) / (count - 1))));
  const baseline = g.layout.pad.top + g.plotH + 18;
  const labels = points
    .map((p, i) => {
      if (!shown.has(i)) return "";
      const at = x(i);
      const end = g.layout.pad.left + g.plotW - at < 24 ? ' text-anchor="end"' : "";
      return `<text class="chart-tick" x="${round(at)}" y="${baseline}"${end}>${escapeXml(p.label)}</text>`;
    })
    .join("");
  return `<g text-anchor="middle">${labels}</g>`;
}

function both(o: ChartOptions, allowClip: boolean, plot: (g: Geometry) => string): string {
  return LAYOUTS.map((layout) => draw(o, layout, allowClip, plot)).join("");
}

/** Bars are never clipped: a histogram's tallest bar is the point of it. */
export function barChartSvg(o: ChartOptions): string {
  return both(o, false, (g) => {
    const slot = g.plotW / Math.max(1, o.points.length);
    const x = (i: number) => g.layout.pad.left + slot * i + slot / 2;
    const bars: string[] = [], values: string[] = [];
    o.points.forEach((p, i) => {
      const value = p.value ?? 0;
      const y = g.y(value);
      const h = g.layout.pad.top + g.plotH - y;
      bars.push(`<rect class="chart-bar" x="${round(x(i) - slot * 0.35)}" y="${round(y)}" width="${round(slot * 0.7)}" height="${round(h)}"><title>${escapeXml(`${p.label}: ${o.formatValue(value)}`)}</title></rect>`);
      values.push(`<text class="chart-value" x="${round(x(i))}" y="${round(y - 4)}">${escapeXml(o.formatValue(value))}</text>`);
    });
    return `${bars.join("")}<g text-anchor="middle">${values.join("")}</g>${xLabels(o.points, x, g)}`;
  });
}

export function lineChartSvg(o: ChartOptions): string {
  return both(o, true, (g) => {
    const step = g.plotW / Math.max(1, o.points.length - 1);
    const x = (i: number) => g.layout.pad.left + (o.points.length === 1 ? g.plotW / 2 : step * i);
    // A month without a value breaks the line rather than inventing one.
    const segments: string[][] = [[]];
    o.points.forEach((p, i) => {
      if (p.value === null) segments.push([]);
      else segments[segments.length - 1]!.push(`${round(x(i))},${round(g.y(p.value))}`);
    });
    const lines = segments.filter((s) => s.length > 1).map((s) => `<polyline class="chart-line" fill="none" points="${s.join(" ")}"/>`).join("");
    const dots = o.points
      .map((p, i) => {
        if (p.value === null) return "";
        const label = `<title>${escapeXml(`${p.label}: ${o.formatValue(p.value)}`)}</title>`;
        if (p.value <= g.top) return `<circle class="chart-dot" cx="${round(x(i))}" cy="${round(g.y(p.value))}" r="3">${label}</circle>`;
        // Above the axis: a triangle at the top, and the value, since the axis cannot show it.
        const cx = round(x(i));
        const top = g.layout.pad.top;
        const anchor = cx > g.layout.pad.left + g.plotW - 40 ? "end" : "start";
        return `<path class="chart-dot chart-clipped" d="M${cx - 5},${top + 4} L${cx},${top - 4} L${cx + 5},${top + 4} Z">${label}</path>`
          + `<text class="chart-value" x="${anchor === "end" ? cx - 8 : cx + 8}" y="${top + 2}" text-anchor="${anchor}">${escapeXml(o.formatValue(p.value))}</text>`;
      })
      .join("");
    return lines + dots + xLabels(o.points, x, g);
  });
}
