// The charts read on a phone as on a desktop: round ticks, an outlier that does not
// flatten the rest, labels kept inside the drawing, one drawing per width.
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { barChartSvg, lineChartSvg, ticks } from "../../server/companies/charts.js";
import { fmt } from "../../server/companies/format.js";

const HOUR = 3600;
const months = ["Jan ’26", "Feb ’26", "Mar ’26", "Apr ’26", "May ’26", "Jun ’26", "Jul ’26", "Aug ’26", "Sep ’26", "Oct ’26", "Nov ’26", "Dec ’26"];

describe("charts", () => {
  it("puts round ticks on the value axis: 1–2–5 counts, quarters, whole hours", () => {
    expect(ticks(7, "count")).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(230, "count")).toEqual([0, 50, 100, 150, 200, 250]);
    expect(ticks(0.8, "percent")).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks(9.5 * HOUR, "duration")).toEqual([0, 2, 4, 6, 8, 10].map((h) => h * HOUR));
  });

  it("draws one outlier at the top with its value instead of flattening every other month", () => {
    const points = months.map((label, i) => ({ label, value: i === 4 ? 60 * 24 * HOUR : (2 + (i % 3)) * HOUR }));
    const svg = parse(lineChartSvg({ id: "median-trend", title: "Median", description: "d", points, formatValue: fmt.duration, scale: "duration" }));
    const wide = svg.querySelector("#median-trend")!;
    const tickTexts = wide.querySelectorAll("text.chart-tick").map((t) => t.textContent);
    expect(tickTexts).toContain(fmt.duration(5 * HOUR)); // the axis stops above the other months (2–4 h)
    expect(tickTexts).not.toContain(fmt.duration(60 * 24 * HOUR));
    expect(wide.querySelectorAll(".chart-clipped")).toHaveLength(1);
    expect(wide.querySelectorAll("text.chart-value").map((t) => t.textContent)).toEqual([fmt.duration(60 * 24 * HOUR)]);
  });

  it("draws a wide and a narrow version with their own ids and one name, the last month's label kept inside", () => {
    const points = months.map((label, i) => ({ label, value: i }));
    const doc = parse(barChartSvg({ id: "response-histogram", title: "Histogram", description: "d", points, formatValue: String, scale: "count" }));
    const [wide, narrow] = [doc.querySelector("#response-histogram")!, doc.querySelector("#response-histogram-narrow")!];
    expect(wide.getAttribute("aria-labelledby")).toBe("response-histogram-title response-histogram-desc");
    // Whichever drawing the width shows, it is named by the one title and description (aria-labelledby reads hidden ones).
    expect(narrow.getAttribute("aria-labelledby")).toBe("response-histogram-title response-histogram-desc");
    expect(doc.querySelectorAll("title[id], desc[id]").map((e) => e.id)).toEqual(["response-histogram-title", "response-histogram-desc"]);
    const narrowLabels = narrow.querySelectorAll("text.chart-tick").filter((t) => months.includes(t.textContent));
    expect(narrowLabels.map((t) => t.textContent)).toEqual(["Jan ’26", "May ’26", "Aug ’26", "Dec ’26"]);
    const last = wide.querySelectorAll("text.chart-tick").filter((t) => t.textContent === "Dec ’26")[0]!;
    expect(last.getAttribute("text-anchor")).toBe("end");
  });
});
