// The event page: the merged event's fields, its review panel, and every report's text with the
// evidence highlighted (right-to-left for Arabic).
import { api } from "./api.js";
import { typeColor } from "./colors.js";
import { fmt, h, isArabic, replace, safeUrl } from "./dom.js";
import { legend, highlighted, spansOf } from "./highlight.js";
import { reviewPanel } from "./review.js";

/** Load event `id` into `el`. */
export async function renderEvent(el, id) {
  replace(el, h("div", { class: "loading" }, "Loading event…"));
  let detail;
  try {
    detail = await api.event(id);
  } catch (err) {
    replace(el, h("div", { class: "page-error" }, h("a", { href: "#/" }, "‹ Events"), h("p", {}, `Cannot open event ${id}: ${err.message}`)));
    return;
  }
  const e = detail.event;
  const merged = e.id !== id; // the API redirected a merged-away id to the event that holds its reports
  if (merged) history.replaceState(null, "", `#/event/${encodeURIComponent(e.id)}`);
  const reports = h("div", { class: "reports" }, h("h2", {}, `Reports (${detail.reports.length})`));
  replace(
    el,
    h(
      "div",
      { class: "event-page" },
      header(detail),
      merged ? h("p", { class: "hint", id: "merged-note" }, `${id} was merged into this event.`) : null,
      h(
        "div",
        { class: "event-grid" },
        h("div", { class: "event-side" }, reviewPanel(detail, () => renderEvent(el, e.id)), details(e)),
        reports,
      ),
    ),
  );
  for (const report of detail.reports) reports.append(await reportCard(report));
  el.dataset.loaded = e.id;
}

function header(detail) {
  const e = detail.event;
  const loc = e.location || {};
  const badge = h("span", { class: "badge" }, e.event_type);
  badge.style.background = typeColor(e.event_type);
  const status = detail.review.status;
  return h(
    "div",
    { class: "event-head" },
    h("a", { href: "#/", class: "back" }, "‹ Events"),
    h("h1", { dir: "auto" }, `${e.sub_event_type}${loc.name ? ` — ${loc.name}` : ""}`),
    h(
      "div",
      { class: "meta" },
      badge,
      h("span", {}, e.when ? (e.when.start === e.when.end ? e.when.start : `${e.when.start} – ${e.when.end}`) : "undated"),
      loc.country ? h("span", { dir: "auto" }, [loc.admin1, loc.country].filter(Boolean).join(", ")) : null,
      h("span", {}, `${e.fatalities == null ? "no" : fmt.format(e.fatalities)} fatalities`),
      h("span", { class: `pill pill-${status}`, id: "review-status" }, status),
      h("span", { class: "muted" }, `confidence ${Math.round(e.confidence * 100)}%`),
      h("code", { class: "muted" }, e.id),
    ),
  );
}

const actorText = (a) => (a ? `${a.name}${a.inter != null ? ` (inter ${a.inter})` : ""}` : null);

function details(e) {
  const loc = e.location;
  const when = e.when;
  const rows = [
    ["Event type", e.event_type],
    ["Sub-event type", e.sub_event_type],
    ["Disorder", e.disorder_type],
    ["Date", when && `${when.start}${when.end !== when.start ? ` – ${when.end}` : ""} (precision ${when.time_precision})`],
    ["Time", when && when.time && `${when.time}${when.time_utc ? ` (UTC ${when.time_utc})` : ""}`],
    ["Location", loc && [loc.name, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(", ")],
    ["Coordinates", loc && loc.lat != null && `${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)} (geo precision ${loc.geo_precision ?? "?"})`],
    ["Why here", loc && loc.reason],
    ["Actor 1", actorText(e.actor1)],
    ["Actor 2", actorText(e.actor2)],
    ["Fatalities", e.fatalities],
    ["Injuries", e.injuries],
    ["Abducted", e.abducted],
    ["Arrested", e.arrested],
    ["Munitions", Object.keys(e.munitions || {}).length ? Object.entries(e.munitions).map(([k, n]) => `${k} × ${n}`).join(", ") : null],
    ["Flags", Object.entries(e.flags || {}).filter(([, v]) => v).map(([k]) => k.replaceAll("_", " ")).join(", ") || null],
    ["PLOVER", e.plover_type && `${e.plover_type}${e.plover_mode ? ` / ${e.plover_mode}` : ""}`],
  ].filter(([, v]) => v != null && v !== "");
  const sources = (e.sources || []).map((s) => h("li", {}, h("span", { class: "kind" }, s.kind), " ", h("span", { dir: "auto" }, s.name)));
  return h(
    "section",
    { class: "card" },
    h("h2", {}, "Event"),
    h("dl", { class: "fields" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", { dir: "auto" }, String(v))])),
    sources.length ? [h("h3", {}, "Sources"), h("ul", { class: "sources" }, sources)] : null,
    e.notes ? [h("h3", {}, "Notes"), h("p", { class: "notes", dir: "auto" }, e.notes)] : null,
  );
}

async function reportCard(report) {
  const url = safeUrl(report.url);
  const card = h(
    "article",
    { class: "card report", dataset: { document: report.document_id } },
    h(
      "header",
      {},
      h("h3", { dir: "auto" }, report.title || report.document_key),
      h(
        "div",
        { class: "muted small" },
        [report.outlet, report.published && `published ${report.published}`, `revision ${report.revision}`].filter(Boolean).join(" · "),
        url ? [" · ", h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "source")] : null,
      ),
    ),
  );
  let doc;
  try {
    doc = await api.document(report.document_id);
  } catch (err) {
    card.append(h("p", { class: "error" }, `Cannot read the document: ${err.message}`));
    return card;
  }
  const arabic = report.event.language === "ar" || isArabic(doc.text);
  const spans = spansOf(doc.text, report.event.evidence);
  const text = h("div", { class: "doc-text", dir: arabic ? "rtl" : "ltr", lang: arabic ? "ar" : "en" }, highlighted(doc.text, spans));
  card.append(spans.length ? legend(spans) : h("p", { class: "muted small" }, "No evidence spans in this revision."), text);
  return card;
}
