// A report's text with the evidence spans of its event highlighted (<mark> around text nodes only).
import { EVIDENCE_LABELS, evidenceGroup } from "./colors.js";
import { h } from "./dom.js";

/** Spans of `evidence` ({field: [{start, end, text}]}) that still index `text`, with their group. */
export function spansOf(text, evidence) {
  const out = [];
  for (const [field, list] of Object.entries(evidence || {})) {
    for (const span of list || []) {
      const { start, end } = span;
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) continue;
      if (span.text != null && text.slice(start, end) !== span.text) continue; // another revision's span
      out.push({ start, end, field, group: evidenceGroup(field) });
    }
  }
  return out;
}

/** A fragment of `text` in which each piece covered by spans is a <mark class="ev ev-GROUP">. */
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      frag.append(piece);
      continue;
    }
    covering.sort((x, y) => x.end - x.start - (y.end - y.start)); // the narrowest span decides the colour
    const fields = [...new Set(covering.map((s) => s.field))];
    frag.append(h("mark", { class: `ev ev-${covering[0].group}`, title: fields.join(", "), dataset: { fields: fields.join(" ") } }, piece));
  }
  return frag;
}

/** Legend chips for the groups present in `spans`. */
export function legend(spans) {
  const groups = [...new Set(spans.map((s) => s.group))];
  return h("div", { class: "ev-legend" }, groups.map((g) => h("mark", { class: `ev ev-${g}` }, EVIDENCE_LABELS[g] || g)));
}
