// The events table: one page of /api/events (date order), with a pager; a row opens the event.
import { typeColor } from "./colors.js";
import { fmt, h, replace } from "./dom.js";
import { swatch } from "./timeline.js";

export const PAGE = 50;

/** Draw one page of `body` (/api/events) in `el`; `onPage(offset)`, `onOpen(id)`. */
export function renderTable(el, body, { onPage, onOpen }) {
  const { total, offset, events } = body;
  const rows = events.map((e) => {
    const loc = e.location || {};
    const when = e.when;
    const actors = [e.actor1 && e.actor1.name, e.actor2 && e.actor2.name].filter(Boolean).join(" vs ");
    const place = [loc.name, loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean).join(", ");
    return h(
      "tr",
      {
        tabindex: 0,
        dataset: { id: e.id },
        onclick: () => onOpen(e.id),
        onkeydown: (ev) => ev.key === "Enter" && onOpen(e.id),
      },
      h("td", { class: "nowrap" }, when ? when.start : "—", when && when.end !== when.start ? h("div", { class: "muted" }, `to ${when.end}`) : null),
      h(
        "td",
        {},
        h("div", { class: "etype" }, swatch(typeColor(e.event_type)), h("span", { dir: "auto" }, e.sub_event_type)),
        actors ? h("div", { class: "muted small", dir: "auto" }, actors) : null,
      ),
      h("td", { dir: "auto" }, place || "—"),
      h("td", { class: "num" }, e.fatalities == null ? "–" : fmt.format(e.fatalities)),
      h("td", { class: "num" }, String(e.sources ? e.sources.length : 0)),
    );
  });
  const last = Math.min(total, offset + events.length);
  const pager = h(
    "div",
    { class: "pager" },
    h("span", {}, total ? `${fmt.format(offset + 1)}–${fmt.format(last)} of ${fmt.format(total)}` : "No events"),
    h("span", { class: "spacer" }),
    h("button", { type: "button", class: "ghost", disabled: offset === 0, onclick: () => onPage(Math.max(0, offset - PAGE)) }, "‹ Prev"),
    h("button", { type: "button", class: "ghost", disabled: last >= total, onclick: () => onPage(offset + PAGE) }, "Next ›"),
  );
  const table = h(
    "table",
    { class: "events" },
    h(
      "thead",
      {},
      h("tr", {}, h("th", {}, "Date"), h("th", {}, "Event"), h("th", {}, "Location"), h("th", { class: "num", title: "Fatalities" }, "Fat."), h("th", { class: "num", title: "Sources" }, "Src")),
    ),
    h("tbody", {}, rows),
  );
  replace(el, pager, h("div", { class: "table-scroll" }, table));
}
