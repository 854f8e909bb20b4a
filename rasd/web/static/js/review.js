// Analysts' actions: approve / reject, edit fields, merge into another event or split reports out (all
// through the API's write endpoints with the pasted token), the event's history, and the review log page.
import { api, getToken } from "./api.js";
import { TYPES } from "./colors.js";
import { h, replace, toast } from "./dom.js";
import { mergePanel, regroupText, splitPanel } from "./regroup.js";

// Editable fields: [dotted field, label, input kind].
const FIELDS = [
  ["event_type", "Event type", "type"],
  ["sub_event_type", "Sub-event type", "text"],
  ["when.start", "Start date", "date"],
  ["when.end", "End date", "date"],
  ["location.name", "Place", "text"],
  ["location.lat", "Latitude", "number"],
  ["location.lon", "Longitude", "number"],
  ["actor1.name", "Actor 1", "text"],
  ["actor2.name", "Actor 2", "text"],
  ["fatalities", "Fatalities", "integer"],
  ["injuries", "Injuries", "integer"],
  ["notes", "Notes", "textarea"],
];

const valueAt = (event, field) => field.split(".").reduce((node, key) => (node == null ? null : node[key]), event);

/** The review card of an event detail (/api/events/{id}); `reload()` after a change. */
export function reviewPanel(detail, reload) {
  const e = detail.event;
  const hasToken = Boolean(getToken());
  const note = h("input", { name: "note", placeholder: "Note (optional)", maxlength: 2000 });
  const act = (fn, done) => async () => {
    if (!requireToken()) return;
    try {
      await fn();
      toast(done, "ok");
      reload();
    } catch (err) {
      toast(err.message, "error");
    }
  };
  const inputs = new Map();
  const form = h("form", { class: "edit-form", id: "edit-form" });
  for (const [field, label, kind] of FIELDS) {
    const current = valueAt(e, field);
    const input = inputFor(kind, current);
    input.name = field;
    if (field === "actor1.name" && !e.actor1) input.disabled = true;
    if (field === "actor2.name" && !e.actor2) input.disabled = true;
    inputs.set(field, { input, kind, current });
    form.append(h("label", { class: kind === "textarea" ? "wide" : null }, h("span", {}, label), input));
  }
  const editNote = h("input", { name: "edit-note", placeholder: "Why (kept in the audit log)", maxlength: 2000 });
  form.append(h("label", { class: "wide" }, h("span", {}, "Reason"), editNote), h("div", { class: "actions wide" }, h("button", { type: "submit" }, "Save changes")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const changes = {};
    for (const [field, { input, kind, current }] of inputs) {
      if (input.disabled) continue;
      const value = parse(kind, input.value);
      if (value !== (current ?? null) && !(value === null && current == null)) changes[field] = value;
    }
    if (!Object.keys(changes).length) return toast("Nothing changed.");
    await act(() => api.edit(e.id, changes, editNote.value || null), `Saved ${Object.keys(changes).length} change(s).`)();
  });

  return h(
    "section",
    { class: "card review", id: "review" },
    h("h2", {}, "Review"),
    hasToken ? null : h("p", { class: "hint" }, "Paste a write token (Token… at the top) to approve, edit, merge or split."),
    h(
      "div",
      { class: "row" },
      note,
      h("button", { type: "button", class: "approve", onclick: act(() => api.approve(e.id, note.value || null), "Approved.") }, "Approve"),
      h("button", { type: "button", class: "reject", onclick: act(() => api.reject(e.id, note.value || null), "Rejected.") }, "Reject"),
    ),
    h("details", { class: "edit" }, h("summary", {}, "Edit fields"), form),
    h("details", { class: "merge" }, h("summary", {}, "Merge into another event"), mergePanel(e)),
    h("details", { class: "split" }, h("summary", {}, "Split reports into a new event"), splitPanel(detail)),
    history(detail.history),
  );
}

function inputFor(kind, current) {
  if (kind === "type") {
    const names = TYPES.map(([name]) => name);
    if (current && !names.includes(current)) names.push(current);
    const select = h("select", {}, names.map((n) => h("option", { value: n }, n)));
    select.value = current || "";
    return select;
  }
  if (kind === "textarea") return h("textarea", { rows: 3, dir: "auto" }, current ?? "");
  const type = kind === "integer" || kind === "number" ? "number" : kind === "date" ? "date" : "text";
  const input = h("input", { type, step: kind === "number" ? "any" : kind === "integer" ? 1 : null, min: kind === "integer" ? 0 : null, dir: type === "text" ? "auto" : null });
  input.value = current ?? "";
  return input;
}

function parse(kind, raw) {
  if (kind === "integer") return raw === "" ? null : parseInt(raw, 10);
  if (kind === "number") return raw === "" ? null : Number(raw);
  return raw === "" ? null : raw;
}

function requireToken() {
  if (getToken()) return true;
  toast("A write token is needed: use Token… at the top.", "error");
  document.getElementById("token-button").click();
  return false;
}

const show = (v) => (v === null || v === undefined ? "∅" : typeof v === "object" ? JSON.stringify(v) : String(v));

function historyRow(entry, withEvent) {
  const regrouped = entry.action === "merge" || entry.action === "split";
  const what = regrouped ? h("span", { class: "regroup" }, regroupText(entry)) : entry.action === "edit" ? [h("code", {}, entry.field), " ", h("span", { class: "before", dir: "auto" }, show(entry.before)), " → ", h("span", { class: "after", dir: "auto" }, show(entry.after))] : h("span", { class: `pill pill-${entry.after}` }, entry.after);
  return h(
    "li",
    {},
    h("span", { class: "muted small nowrap" }, entry.created_at.replace("T", " ").slice(0, 16)),
    " ",
    h("strong", {}, entry.author),
    " ",
    withEvent ? [h("a", { href: `#/event/${encodeURIComponent(entry.event_id)}` }, entry.event_id), " "] : null,
    what,
    entry.note ? h("div", { class: "muted small", dir: "auto" }, `“${entry.note}”`) : null,
  );
}

function history(entries) {
  return h("div", { class: "history" }, h("h3", {}, `History (${entries.length})`), entries.length ? h("ul", {}, entries.map((x) => historyRow(x, false))) : h("p", { class: "muted small" }, "No edits or reviews yet."));
}

/** The review log page: the latest analysts' actions across events. */
export async function renderReviewLog(el) {
  replace(el, h("div", { class: "loading" }, "Loading…"));
  try {
    const entries = await api.audit(200);
    replace(
      el,
      h(
        "section",
        { class: "card log" },
        h("h2", {}, "Review log"),
        h("p", { class: "muted" }, "Edits, approvals, rejections, merges and splits, newest first. Open an event to review it."),
        entries.length ? h("ul", { class: "history" }, entries.map((x) => historyRow(x, true))) : h("p", { class: "muted" }, "Nothing reviewed yet."),
      ),
    );
  } catch (err) {
    replace(el, h("p", { class: "page-error" }, `Cannot read the review log: ${err.message}`));
  }
}
