// Server-rendered SVG charts: no script, no inline style (the CSP forbids
// both); colours come from classes in site.css, text uses currentColor, so the
// charts follow light and dark mode. Each chart carries a <title> and <desc>;
// the page prints the same numbers in a table.

export interface ChartPoint {
  label: string;
  value: number | null;
}

interface ChartOptions {
  id: string;
  title: string;
  description: string;
  points: ChartPoint[];
  formatValue: (value: number) => string;
  /** The top of the value axis; defaults to the largest value. */
  max?: number;
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 24, right: 16, bottom: 44, left: 64 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const round = (n: number) => Math.round(n * 10) / 10;

function frame(o: ChartOptions, max: number, body: string): string {
  const axis = [
    `<line class="chart-axis" x1="${PAD.left}" y1="${PAD.top + PLOT_H}" x2="${PAD.left + PLOT_W}" y2="${PAD.top + PLOT_H}" stroke="currentColor"/>`,
    `<line class="chart-grid" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left + PLOT_W}" y2="${PAD.top}" stroke="currentColor" stroke-dasharray="3 3"/>`,
    `<text class="chart-tick" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end" fill="currentColor">${escapeXml(o.formatValue(max))}</text>`,
    `<text class="chart-tick" x="${PAD.left - 6}" y="${PAD.top + PLOT_H + 4}" text-anchor="end" fill="currentColor">${escapeXml(o.formatValue(0))}</text>`,
  ].join("");
  return `<svg class="chart" id="${o.id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="${o.id}-title">${escapeXml(o.title)}</title><desc id="${o.id}-desc">${escapeXml(o.description)}</desc>${axis}${body}</svg>`;
}

/** Labels under the axis, thinned so at most about 13 fit. */
function xLabels(points: ChartPoint[], x: (i: number) => number): string {
  const every = Math.max(1, Math.ceil(points.length / 13));
  return points
    .map((p, i) => (i % every === 0 ? `<text class="chart-tick" x="${round(x(i))}" y="${PAD.top + PLOT_H + 18}" text-anchor="middle" fill="currentColor">${escapeXml(p.label)}</text>` : ""))
    .join("");
}

export function barChartSvg(o: ChartOptions): string {
  const max = o.max ?? Math.max(1, ...o.points.map((p) => p.value ?? 0));
  const slot = PLOT_W / Math.max(1, o.points.length);
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const bars = o.points
    .map((p, i) => {
      const h = ((p.value ?? 0) / max) * PLOT_H;
      const y = PAD.top + PLOT_H - h;
      return `<rect class="chart-bar" x="${round(x(i) - slot * 0.35)}" y="${round(y)}" width="${round(slot * 0.7)}" height="${round(h)}"><title>${escapeXml(`${p.label}: ${p.value ?? 0}`)}</title></rect>`
        + `<text class="chart-value" x="${round(x(i))}" y="${round(y - 4)}" text-anchor="middle" fill="currentColor">${p.value ?? 0}</text>`;
    })
    .join("");
  return frame(o, max, bars + xLabels(o.points, x));
}

export function lineChartSvg(o: ChartOptions): string {
  const max = o.max ?? Math.max(1, ...o.points.map((p) => p.value ?? 0));
  const step = PLOT_W / Math.max(1, o.points.length - 1);
  const x = (i: number) => PAD.left + (o.points.length === 1 ? PLOT_W / 2 : step * i);
  const y = (v: number) => PAD.top + PLOT_H - (v / max) * PLOT_H;
  // A month without a value breaks the line rather than inventing one.
  const segments: string[][] = [[]];
  o.points.forEach((p, i) => {
    if (p.value === null) segments.push([]);
    else segments[segments.length - 1]!.push(`${round(x(i))},${round(y(p.value))}`);
  });
  const lines = segments.filter((s) => s.length > 1).map((s) => `<polyline class="chart-line" fill="none" points="${s.join(" ")}"/>`).join("");
  const dots = o.points
    .map((p, i) => (p.value === null ? "" : `<circle class="chart-dot" cx="${round(x(i))}" cy="${round(y(p.value))}" r="3"><title>${escapeXml(`${p.label}: ${o.formatValue(p.value)}`)}</title></circle>`))
    .join("");
  return frame(o, max, lines + dots + xLabels(o.points, x));
}
