// The company page's four charts in the page's language: titles, descriptions and
// labels from the catalogue, values through the page's figure formatter.
import type { Messages } from "../i18n/index.js";
import type { CompanyPageFigures } from "./company-page.js";
import { barChartSvg, lineChartSvg } from "./charts.js";
import type { FigureFormat } from "./format.js";

export interface CompanyCharts {
  histogram: string;
  curve: string;
  medianTrend: string;
  rateTrend: string;
}

export function companyCharts(name: string, { histogram, trend, curve }: Omit<CompanyPageFigures, "routes">, t: Messages, fmt: FigureFormat): CompanyCharts {
  const c = t.companyPage;
  const total = histogram.reduce((sum, b) => sum + b.stories, 0);
  const bars = histogram.map((b) => ({ label: t.enums.bucket[b.bucket], value: b.stories }));
  // Twelve months under one axis: "Mar ’25" rather than "Mar 2025".
  const monthLabels = trend.map((m) => fmt.month(m.month).replace(" 20", " ’"));
  return {
    histogram: barChartSvg({
      id: "response-histogram",
      title: c.histogram.title(name),
      description: c.histogram.description(bars.map((b) => `${b.label}: ${fmt.count(b.value)}`).join("; "), fmt.count(total)),
      points: bars,
      formatValue: (v) => fmt.count(Math.round(v)),
      scale: "count",
    }),
    curve: lineChartSvg({
      id: "response-curve",
      title: c.curve.title(name),
      description: curve.map((p) => c.curve.point(fmt.duration(p.seconds), fmt.percent(p.stillWaiting))).join("; ") + ".",
      points: curve.map((p) => ({ label: fmt.duration(p.seconds), value: p.stillWaiting })),
      formatValue: (v) => fmt.percent(v),
      scale: "percent",
      max: 1,
    }),
    medianTrend: lineChartSvg({
      id: "median-trend",
      title: c.trend.medianTitle,
      description: trend.map((m) => `${fmt.month(m.month)}: ${fmt.duration(m.medianSeconds)}`).join("; ") + ".",
      points: trend.map((m, i) => ({ label: monthLabels[i]!, value: m.medianSeconds })),
      formatValue: (v) => fmt.duration(v),
      scale: "duration",
    }),
    rateTrend: lineChartSvg({
      id: "rate-trend",
      title: c.trend.rateTitle,
      description: trend.map((m) => `${fmt.month(m.month)}: ${fmt.percent(m.responseRate)}`).join("; ") + ".",
      points: trend.map((m, i) => ({ label: monthLabels[i]!, value: m.responseRate })),
      formatValue: (v) => fmt.percent(v),
      scale: "percent",
      max: 1,
    }),
  };
}
