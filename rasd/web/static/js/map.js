// The map: an offline basemap (Natural Earth countries from world-atlas) and the events, clustered with
// Supercluster (each cluster a ring showing its mix of event types). Leaflet, Supercluster and topojson
// are the vendored globals L, Supercluster and topojson.
import { ALL_TYPES, typeColor, typeIndex } from "./colors.js";
import { fmt, h } from "./dom.js";

const BASEMAP = "/static/vendor/world-atlas/countries-50m.json";
const BASEMAP_LATEST_MS = 1500; // draw the basemap by then even when no points have come
const MAX_CLUSTER_ZOOM = 12; // beyond it every event is its own marker (higher levels cost time to index)

/** A map in `el`; `onOpen(id)` opens an event. Returns {map, setPoints(payload, ids), basemap(): Promise, redraw}. */
export function createMap(el, { onOpen, onPopup }) {
  const map = L.map(el, { minZoom: 2, maxZoom: 16, worldCopyJump: true, zoomSnap: 1 }).setView([33.8, 40.5], 5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain) via world-atlas · Leaflet");
  const renderer = L.canvas({ padding: 0.2 });
  const layer = L.layerGroup().addTo(map);
  // The basemap's 0.7 MB are fetched at once but parsed and drawn after the first points (or after
  // BASEMAP_LATEST_MS): the events are what the analyst opened the page for.
  const basemapText = fetch(BASEMAP).then((response) => response.text());
  let basemap = null;
  const drawBasemap = () => (basemap ||= basemapText.then((text) => loadBasemap(map, JSON.parse(text))));
  setTimeout(drawBasemap, BASEMAP_LATEST_MS);
  let index = null;
  let ids = Promise.resolve([]); // the events' ids, in the points' order (they may come after the points)
  let drawn = 0;
  let fitted = false; // the first points set the view

  function draw() {
    layer.clearLayers();
    if (!index) return;
    const b = map.getBounds();
    const zoom = Math.round(map.getZoom());
    const clusters = index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    for (const c of clusters) {
      const [lon, lat] = c.geometry.coordinates;
      if (c.properties.cluster) layer.addLayer(clusterMarker(c, lat, lon));
      else layer.addLayer(pointMarker(c.properties, lat, lon));
    }
    drawn += 1;
    el.dataset.drawn = String(drawn);
    el.dataset.markers = String(clusters.length);
  }

  function clusterMarker(c, lat, lon) {
    const { point_count: count, cluster_id: id } = c.properties;
    const k = SLOT_KEYS.map((key) => c.properties[key]);
    const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 44 : count < 10000 ? 52 : 60;
    const ring = h("div", { class: "cluster-ring" }, h("span", {}, abbreviate(count)));
    ring.style.background = conic(k, count);
    const icon = L.divIcon({ html: ring, className: "cluster", iconSize: [size, size] });
    const marker = L.marker([lat, lon], { icon, title: `${fmt.format(count)} events`, keyboard: true });
    marker.on("click", () => {
      const zoom = index.getClusterExpansionZoom(id);
      if (zoom <= MAX_CLUSTER_ZOOM) map.flyTo([lat, lon], zoom, { duration: 0.4 });
      else listPopup(lat, lon, index.getLeaves(id, 25), count);
    });
    return marker;
  }

  function pointMarker(p, lat, lon) {
    const marker = L.circleMarker([lat, lon], {
      renderer,
      radius: 7,
      color: "#fff",
      weight: 1.5,
      fillColor: typeColor(p.type),
      fillOpacity: 0.95,
    });
    marker.on("click", () => {
      const body = h("div", { class: "popup" }, h("div", { class: "muted" }, "Loading…"));
      L.popup({ maxWidth: 320 }).setLatLng([lat, lon]).setContent(body).openOn(map);
      ids.then((list) => onPopup(list[p.i], body));
    });
    return marker;
  }

  async function listPopup(lat, lon, leaves, count) {
    const list = await ids;
    const items = leaves.map((leaf) => {
      const id = list[leaf.properties.i];
      return h("li", {}, h("a", { href: `#/event/${encodeURIComponent(id)}` }, id));
    });
    const more = count > leaves.length ? h("li", { class: "muted" }, `… and ${fmt.format(count - leaves.length)} more`) : null;
    const body = h("div", { class: "popup" }, h("strong", {}, `${fmt.format(count)} events here`), h("ul", {}, items, more));
    L.popup({ maxWidth: 320 }).setLatLng([lat, lon]).setContent(body).openOn(map);
  }

  map.on("moveend", draw);
  el.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#/event/']");
    if (link) {
      event.preventDefault();
      onOpen(decodeURIComponent(link.getAttribute("href").slice(8)));
    }
  });

  /** Show the points of /api/events/points (replacing any shown); `eventIds` gives their ids (a list, or
   * a promise of one when the points came without them). */
  function setPoints(payload, eventIds) {
    const t0 = performance.now();
    const { lat, lon, type } = payload;
    ids = Promise.resolve(eventIds || payload.ids || []);
    const names = payload.types;
    const slot = names.map(typeIndex);
    const features = new Array(lat.length);
    for (let i = 0; i < lat.length; i++) {
      features[i] = {
        type: "Feature",
        geometry: { type: "Point", coordinates: [lon[i], lat[i]] },
        properties: { i, type: names[type[i]], s: slot[type[i]] },
      };
    }
    // Each cluster counts its events per type slot in t0..t6 (numbers: Supercluster copies them shallowly).
    index = new Supercluster({ radius: 60, minZoom: 2, maxZoom: MAX_CLUSTER_ZOOM, map: slotCounts, reduce: addCounts }).load(features);
    el.dataset.indexMs = String(Math.round(performance.now() - t0));
    if (!fitted && lat.length) {
      fitted = true;
      map.fitBounds(extent(lat, lon), { padding: [30, 30], maxZoom: 8, animate: false });
    }
    draw();
    el.dataset.setMs = String(Math.round(performance.now() - t0));
    setTimeout(drawBasemap, 0);
  }

  return { map, setPoints, basemap: drawBasemap, redraw: draw };
}

const SLOT_KEYS = ALL_TYPES.map((_, i) => `t${i}`);

function slotCounts(p) {
  const counts = { t0: 0, t1: 0, t2: 0, t3: 0, t4: 0, t5: 0, t6: 0 };
  counts[SLOT_KEYS[p.s]] = 1;
  return counts;
}

function addCounts(acc, p) {
  acc.t0 += p.t0; acc.t1 += p.t1; acc.t2 += p.t2; acc.t3 += p.t3; acc.t4 += p.t4; acc.t5 += p.t5; acc.t6 += p.t6;
}

/** [[south, west], [north, east]] of the middle 98% of the points (stray points do not zoom the map out). */
function extent(lat, lon) {
  const step = Math.max(1, Math.floor(lat.length / 5000)); // a sample is enough
  const lats = lat.filter((_, i) => i % step === 0).sort((a, b) => a - b);
  const lons = lon.filter((_, i) => i % step === 0).sort((a, b) => a - b);
  const at = (list, q) => list[Math.min(list.length - 1, Math.floor(q * list.length))];
  return [
    [at(lats, 0.01), at(lons, 0.01)],
    [at(lats, 0.99), at(lons, 0.99)],
  ];
}

function abbreviate(n) {
  if (n >= 10000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return String(n);
}

/** A conic-gradient of the type shares `k` (counts per type slot). */
function conic(k, count) {
  let at = 0;
  const stops = [];
  k.forEach((n, i) => {
    if (!n) return;
    const end = at + (n / count) * 360;
    stops.push(`${ALL_TYPES[i][1]} ${at.toFixed(1)}deg ${end.toFixed(1)}deg`);
    at = end;
  });
  return `conic-gradient(${stops.join(", ")})`;
}

function loadBasemap(map, topo) {
  const countries = topojson.feature(topo, topo.objects.countries);
  const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
  const pane = map.createPane("basemap");
  pane.style.zIndex = 250;
  const renderer = L.canvas({ pane: "basemap", padding: 0.5 });
  L.geoJSON(countries, {
    pane: "basemap",
    renderer,
    interactive: false,
    style: { stroke: false, fillColor: "#f3f0e8", fillOpacity: 1 },
  }).addTo(map);
  L.geoJSON(borders, {
    pane: "basemap",
    renderer,
    interactive: false,
    style: { color: "#a8a196", weight: 0.9, opacity: 1 },
  }).addTo(map);
  addCountryLabels(map, countries);
}

/** Country names at their largest ring's centre, from zoom 4 (a tooltip pane of plain text). */
function addCountryLabels(map, countries) {
  const group = L.layerGroup();
  for (const feature of countries.features) {
    const name = feature.properties && feature.properties.name;
    if (!name) continue;
    const centre = largestRingCentre(feature.geometry);
    if (!centre) continue;
    const icon = L.divIcon({ html: h("span", {}, name), className: "country-label", iconSize: null });
    group.addLayer(L.marker(centre, { icon, interactive: false, keyboard: false, pane: "basemap-labels" }));
  }
  const pane = map.createPane("basemap-labels");
  pane.style.zIndex = 350;
  pane.style.pointerEvents = "none";
  const update = () => (map.getZoom() >= 4 ? group.addTo(map) : group.remove());
  map.on("zoomend", update);
  update();
}

function largestRingCentre(geometry) {
  if (!geometry) return null;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let best = null;
  let bestArea = 0;
  for (const polygon of polygons) {
    const ring = polygon[0];
    let area = 0;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of ring) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    area = (maxX - minX) * (maxY - minY);
    if (area > bestArea) {
      bestArea = area;
      best = [(minY + maxY) / 2, (minX + maxX) / 2];
    }
  }
  return bestArea > 3 ? best : null;
}
