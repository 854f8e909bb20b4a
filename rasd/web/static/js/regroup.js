// Merge an event into another, or split reports out of it into a new event (POST /api/events/{id}/merge
// and /split with the pasted token); after either, the page goes to the surviving or new event.
import { api, getToken } from "./api.js";
import { h, replace, toast } from "./dom.js";

const go = (eventId) => (location.hash = `#/event/${encodeURIComponent(eventId)}`);

function requireToken() {
  if (getToken()) return true;
  toast("A write token is needed: use Token… at the top.", "error");
  document.getElementById("token-button").click();
  return false;
}

const describe = (e) => {
  const place = e.location && e.location.name ? ` — ${e.location.name}` : "";
  const when = e.when ? `, ${e.when.start}` : "";
  return `${e.sub_event_type}${place}${when} (${e.id})`;
};

/** "Merge into…": enter the other event's id, see what it is, confirm. */
export function mergePanel(e) {
  const target = h("input", { name: "merge-into", placeholder: "ev-… (the event to keep)", spellcheck: "false" });
  const note = h("input", { name: "merge-note", placeholder: "Why (kept in the audit log)", maxlength: 2000 });
  const confirmBox = h("div", { class: "confirm", id: "merge-confirm", hidden: true });
  const check = async (ev) => {
    ev.preventDefault();
    const into = target.value.trim();
    if (!into) return toast("Give the id of the event to keep.", "error");
    if (into === e.id) return toast("An event cannot be merged into itself.", "error");
    if (!requireToken()) return;
    let kept;
    try {
      kept = (await api.event(into)).event;
    } catch (err) {
      return toast(`Cannot merge into ${into}: ${err.message}`, "error");
    }
    const doIt = async () => {
      try {
        const done = await api.merge(e.id, kept.id, note.value || null);
        toast(`Merged into ${done.event_id}.`, "ok");
        go(done.event_id);
      } catch (err) {
        toast(err.message, "error");
      }
    };
    replace(
      confirmBox,
      h("p", { class: "small", dir: "auto" }, `Move every report of this event into ${describe(kept)}? This event's id will lead there.`),
      h("div", { class: "row" }, h("button", { type: "button", class: "reject", id: "merge-confirm-button", onclick: doIt }, "Confirm merge"), h("button", { type: "button", class: "ghost", onclick: () => (confirmBox.hidden = true) }, "Cancel")),
    );
    confirmBox.hidden = false;
  };
  return h(
    "form",
    { class: "merge-form", id: "merge-form", onsubmit: check },
    h("p", { class: "muted small" }, "Same incident as another event? Its reports move to that event, which is recombined from all of them; analysts' merges are kept when reports are ingested or re-merged."),
    h("div", { class: "row" }, target, h("button", { type: "submit", class: "ghost" }, "Merge into…")),
    h("div", { class: "row" }, note),
    confirmBox,
  );
}

/** "Split": tick the reports that tell another incident; they become a new event. */
export function splitPanel(detail) {
  const e = detail.event;
  if (detail.reports.length < 2) return h("p", { class: "muted small", id: "split-form" }, "An event of one report cannot be split.");
  const boxes = detail.reports.map((r) => {
    const box = h("input", { type: "checkbox", name: "split-mention", value: r.mention_id });
    const label = [r.title || r.document_key, r.outlet, r.published].filter(Boolean).join(" · ");
    return [box, h("label", { class: "check" }, box, " ", h("span", { dir: "auto" }, label))];
  });
  const note = h("input", { name: "split-note", placeholder: "Why (kept in the audit log)", maxlength: 2000 });
  const submit = async (ev) => {
    ev.preventDefault();
    const chosen = boxes.filter(([box]) => box.checked).map(([box]) => Number(box.value));
    if (!chosen.length) return toast("Tick the reports to move out.", "error");
    if (chosen.length === boxes.length) return toast("At least one report must stay.", "error");
    if (!requireToken()) return;
    try {
      const done = await api.split(e.id, chosen, note.value || null);
      toast(`Split into ${done.new_event_id}.`, "ok");
      go(done.new_event_id);
    } catch (err) {
      toast(err.message, "error");
    }
  };
  return h(
    "form",
    { class: "split-form", id: "split-form", onsubmit: submit },
    h("p", { class: "muted small" }, "Reports that tell another incident: tick them to make them a new event (this one keeps its id and edits)."),
    boxes.map(([, label]) => label),
    h("div", { class: "row" }, note, h("button", { type: "submit", class: "ghost" }, "Split out")),
  );
}

/** What a merge or split history entry says: "merged A into B", "split N out of E". */
export function regroupText(entry) {
  const before = Object.keys(entry.before || {});
  const after = Object.keys(entry.after || {});
  if (entry.action === "merge") {
    const gone = before.filter((x) => !after.includes(x));
    return `merged ${gone.join(", ")} into ${after.join(", ")}`;
  }
  const made = after.filter((x) => !before.includes(x));
  const count = made.length ? (entry.after[made[0]] || []).length : 0;
  return `split ${made.join(", ")} (${count} report${count === 1 ? "" : "s"}) out of ${before.join(", ")}`;
}
