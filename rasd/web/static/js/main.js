// The page: routes (#/ events, #/event/ID, #/review), filters kept in the URL, the token dialog.
import { api, getToken, setToken } from "./api.js";
import { fmt, h, replace, toast } from "./dom.js";
import { renderEvent } from "./event.js";
import { createMap } from "./map.js";
import { renderReviewLog } from "./review.js";
import { PAGE, renderTable } from "./table.js";
import { renderTimeline } from "./timeline.js";

const FILTERS = ["since", "until", "country", "type", "actor", "near"];
const $ = (id) => document.getElementById(id);
const views = { events: $("view-events"), event: $("view-event"), review: $("view-review") };
let map = null;
let shownFilters = null; // the filters the events view shows, as a query string
let offset = 0;

function route() {
  const raw = location.hash.slice(1) || "/";
  const [path, qs = ""] = raw.split("?");
  const params = new URLSearchParams(qs);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
  const match = path.match(/^\/event\/(.+)$/);
  const view = match ? "event" : path === "/review" ? "review" : "events";
  for (const [name, el] of Object.entries(views)) el.hidden = name !== view;
  document.querySelectorAll(".tabs a").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  $("filters").hidden = view !== "events";
  if (view === "event") return renderEvent(views.event, decodeURIComponent(match[1]));
  if (view === "review") return renderReviewLog(views.review);
  fillForm(filters);
  showEvents(filters, Number(params.get("offset") || 0));
}

function fillForm(filters) {
  const form = $("filters");
  for (const key of FILTERS) form.elements[key].value = filters[key];
}

function go(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  const qs = params.toString();
  location.hash = `#/${qs ? `?${qs}` : ""}`;
}

async function showEvents(filters, pageOffset) {
  if (!map) {
    map = createMap($("map"), { onOpen: openEvent, onPopup: fillPopup });
    window.rasd = { map: map.map };
  } else {
    map.map.invalidateSize();
  }
  const key = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  offset = pageOffset;
  loadTable(filters);
  if (key === shownFilters) return;
  shownFilters = key;
  const summary = $("summary");
  summary.textContent = "Loading…";
  try {
    // draw from the small answer first; the ids (to open an event) follow
    const [points, stats] = await Promise.all([api.points(filters, false), api.stats(filters)]);
    const eventIds = api.points(filters, true).then((full) => full.ids);
    eventIds.catch(() => toast("Cannot load the events' ids: reload to open events from the map", "error"));
    map.setPoints(points, eventIds);
    document.documentElement.dataset.mapReady = "1";
    performance.mark("rasd:map-ready");
    summary.textContent = `${fmt.format(stats.total)} events · ${fmt.format(points.total)} on the map${points.unplaced ? ` · ${fmt.format(points.unplaced)} without a place` : ""}`;
    renderTimeline($("timeline"), $("timeline-legend"), stats, {
      activeType: filters.type,
      onRange: (since, until) => go({ ...filters, since, until }),
      onType: (type) => go({ ...filters, type }),
    });
  } catch (err) {
    summary.textContent = "";
    shownFilters = null;
    toast(`Cannot load events: ${err.message}`, "error");
  }
}

async function loadTable(filters) {
  const el = $("table");
  try {
    const body = await api.events(filters, PAGE, offset);
    renderTable(el, body, {
      onOpen: openEvent,
      onPage: (next) => go(filters, { offset: next ? String(next) : "" }),
    });
  } catch (err) {
    replace(el, h("p", { class: "page-error" }, `Cannot list events: ${err.message}`));
  }
}

function openEvent(id) {
  location.hash = `#/event/${encodeURIComponent(id)}`;
}

async function fillPopup(id, body) {
  try {
    const e = (await api.event(id)).event;
    const loc = e.location || {};
    replace(
      body,
      h("div", { class: "popup-type" }, e.sub_event_type),
      h("div", { dir: "auto" }, [loc.name, loc.country].filter(Boolean).join(", ")),
      h("div", { class: "muted" }, `${e.when ? e.when.start : "undated"} · ${e.fatalities ?? "?"} fatalities · ${e.sources.length} source(s)`),
      e.notes ? h("p", { class: "small", dir: "auto" }, e.notes.slice(0, 220)) : null,
      h("a", { href: `#/event/${encodeURIComponent(e.id)}` }, "Open event ›"),
    );
  } catch (err) {
    replace(body, h("div", { class: "error" }, err.message));
  }
}

function setupFilters() {
  const form = $("filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go(Object.fromEntries(FILTERS.map((k) => [k, form.elements[k].value.trim()])));
  });
  form.addEventListener("reset", (ev) => {
    ev.preventDefault();
    go({});
  });
}

function setupToken() {
  const dialog = $("token-dialog");
  const form = $("token-form");
  const state = () => {
    const has = Boolean(getToken());
    $("token-state").textContent = has ? "token set" : "read only";
    $("token-state").className = `token-state ${has ? "on" : "off"}`;
  };
  $("token-button").addEventListener("click", () => {
    form.elements.token.value = "";
    dialog.showModal();
  });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const action = ev.submitter ? ev.submitter.value : "save";
    if (action === "save" && form.elements.token.value.trim()) {
      setToken(form.elements.token.value.trim(), form.elements.remember.checked);
      toast("Token saved for this browser.", "ok");
    } else if (action === "forget") {
      setToken("");
      toast("Token forgotten.");
    }
    dialog.close();
    state();
    if (!views.event.hidden) route(); // re-render the review panel
  });
  state();
}

setupFilters();
setupToken();
window.addEventListener("hashchange", route);
route();
