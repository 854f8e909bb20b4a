// Colours of ACLED event types (map, timeline, table) and of evidence fields (event page).

export const TYPES = [
  ["Battles", "#f08c00"],
  ["Explosions/Remote violence", "#d1343a"],
  ["Violence against civilians", "#7b3fc4"],
  ["Protests", "#2f6fdb"],
  ["Riots", "#12968a"],
  ["Strategic developments", "#64748b"],
];
export const OTHER = ["Other", "#8d6e63"];
const BY_NAME = new Map(TYPES.map(([name, color], i) => [name, { index: i, color }]));

/** Index of `type` in TYPES (TYPES.length for any other type). */
export function typeIndex(type) {
  const known = BY_NAME.get(type);
  return known ? known.index : TYPES.length;
}

/** Colour of an event type. */
export function typeColor(type) {
  const known = BY_NAME.get(type);
  return known ? known.color : OTHER[1];
}

/** Every (name, colour) incl. "Other", in index order. */
export const ALL_TYPES = [...TYPES, OTHER];

// Evidence field -> highlight group (class ev-<group>) and label.
const EVIDENCE = {
  event_type: "type", sub_event_type: "type", location: "place", places: "place", when: "date",
  fatalities: "toll", injuries: "toll", abducted: "toll", arrested: "toll",
  actor1: "actor", actor2: "actor", assoc_actor_1: "actor", assoc_actor_2: "actor",
  sources: "source", munitions: "weapon", flags: "flag", relations: "flag",
};
export const EVIDENCE_LABELS = {
  type: "event type", place: "place", date: "date", toll: "casualties", actor: "actors",
  source: "sources", weapon: "weapons", flag: "flags", other: "other",
};

/** The highlight group of an evidence field. */
export function evidenceGroup(field) {
  return EVIDENCE[field] || "other";
}
