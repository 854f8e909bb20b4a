// The timeline: events per day (per week over long spans), stacked by event type, as SVG.
// Drag across it to choose a date range; click a legend entry to filter by that type.
import { ALL_TYPES, typeColor, typeIndex } from "./colors.js";
import { fmt, h, replace, svg } from "./dom.js";

const DAY = 86400000;
const HEIGHT = 150;
const PAD = { left: 38, right: 10, top: 10, bottom: 22 };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time) => new Date(time).toISOString().slice(0, 10);

/** Draw `stats` (/api/stats) in `el`; `onRange(since, until)` on a drag, `onType(type)` on the legend. */
export function renderTimeline(el, legendEl, stats, { onRange, onType, activeType }) {
  renderLegend(legendEl, stats, onType, activeType);
  const rows = stats.by_day_type;
  if (!rows.length) {
    replace(el, h("div", { class: "empty" }, "No dated events match the filters."));
    return;
  }
  const first = toTime(rows[0].date);
  const last = toTime(rows[rows.length - 1].date);
  const days = Math.round((last - first) / DAY) + 1;
  const step = days > 500 ? 7 : 1; // days per bar
  const bins = Math.ceil(days / step);
  const counts = Array.from({ length: bins }, () => new Array(ALL_TYPES.length).fill(0));
  for (const row of rows) {
    const bin = Math.floor(Math.round((toTime(row.date) - first) / DAY) / step);
    counts[bin][typeIndex(row.event_type)] += row.count;
  }
  const totals = counts.map((c) => c.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);

  const width = Math.max(300, el.clientWidth || 800);
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const barW = plotW / bins;
  const root = svg("svg", { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img" });
  root.append(svg("title")); // filled below
  root.querySelector("title").textContent = `Events per ${step === 1 ? "day" : "week"} by type`;

  // y grid and labels
  for (const frac of [0, 0.5, 1]) {
    const y = PAD.top + plotH * (1 - frac);
    root.append(svg("line", { x1: PAD.left, x2: width - PAD.right, y1: y, y2: y, class: "grid" }));
    const label = svg("text", { x: PAD.left - 6, y: y + 4, class: "axis", "text-anchor": "end" });
    label.textContent = fmt.format(Math.round(max * frac));
    root.append(label);
  }
  // bars
  const bars = svg("g");
  counts.forEach((c, bin) => {
    let y = PAD.top + plotH;
    c.forEach((n, t) => {
      if (!n) return;
      const hgt = (n / max) * plotH;
      y -= hgt;
      bars.append(
        svg("rect", {
          x: PAD.left + bin * barW,
          y,
          width: Math.max(0.8, barW - (barW > 3 ? 1 : 0)),
          height: hgt,
          fill: ALL_TYPES[t][1],
        }),
      );
    });
  });
  root.append(bars);
  // month ticks
  const start = new Date(first);
  let tick = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  const every = days > 1500 ? 12 : days > 700 ? 3 : 1;
  for (let m = 0; tick <= last + DAY; m++) {
    const date = new Date(tick);
    if (date.getUTCMonth() % every === 0) {
      const x = PAD.left + ((tick - first) / DAY / step) * barW;
      root.append(svg("line", { x1: x, x2: x, y1: PAD.top + plotH, y2: PAD.top + plotH + 4, class: "tick" }));
      const label = svg("text", { x: x + 2, y: HEIGHT - 6, class: "axis" });
      const month = date.getUTCMonth();
      label.textContent = month === 0 ? String(date.getUTCFullYear()) : MONTHS[month];
      root.append(label);
    }
    tick = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  const brush = svg("rect", { class: "brush", y: PAD.top, height: plotH, width: 0, x: 0 });
  root.append(brush);
  const tip = h("div", { class: "tip", hidden: true });
  replace(el, root, tip);

  const binAt = (clientX) => {
    const x = clientX - root.getBoundingClientRect().left - PAD.left;
    return Math.min(bins - 1, Math.max(0, Math.floor(x / barW)));
  };
  const binDates = (bin) => [toIso(first + bin * step * DAY), toIso(Math.min(last, first + (bin * step + step - 1) * DAY))];
  let from = null;
  root.addEventListener("pointerdown", (e) => {
    from = binAt(e.clientX);
    root.setPointerCapture(e.pointerId);
  });
  root.addEventListener("pointermove", (e) => {
    const bin = binAt(e.clientX);
    if (from !== null) {
      const [a, b] = [Math.min(from, bin), Math.max(from, bin)];
      brush.setAttribute("x", PAD.left + a * barW);
      brush.setAttribute("width", (b - a + 1) * barW);
    }
    const [d0, d1] = binDates(bin);
    const parts = counts[bin]
      .map((n, t) => (n ? `${ALL_TYPES[t][0]}: ${fmt.format(n)}` : null))
      .filter(Boolean);
    tip.textContent = `${step === 1 ? d0 : `${d0} – ${d1}`} · ${fmt.format(totals[bin])} events${parts.length ? "\n" + parts.join("\n") : ""}`;
    tip.hidden = false;
    const x = e.clientX - el.getBoundingClientRect().left;
    tip.style.left = `${Math.min(x + 12, width - 230)}px`;
  });
  root.addEventListener("pointerleave", () => (tip.hidden = true));
  root.addEventListener("pointerup", (e) => {
    if (from === null) return;
    const bin = binAt(e.clientX);
    const [a, b] = [Math.min(from, bin), Math.max(from, bin)];
    from = null;
    onRange(binDates(a)[0], binDates(b)[1]);
  });
}

function renderLegend(el, stats, onType, activeType) {
  const byType = new Map(stats.by_type.map((t) => [t.event_type, t.count]));
  const items = stats.by_type.map(({ event_type: type, count }) =>
    h(
      "button",
      {
        type: "button",
        class: `chip${activeType === type ? " active" : ""}`,
        title: activeType === type ? "Show every type" : `Only ${type}`,
        onclick: () => onType(activeType === type ? "" : type),
      },
      swatch(typeColor(type)),
      type,
      h("span", { class: "count" }, fmt.format(byType.get(type))),
    ),
  );
  const undated = stats.undated ? h("span", { class: "muted" }, `${fmt.format(stats.undated)} undated`) : null;
  replace(el, items, undated);
}

export function swatch(color) {
  const el = h("span", { class: "swatch" });
  el.style.background = color;
  return el;
}
