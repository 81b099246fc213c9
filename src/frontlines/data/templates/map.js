// frontlines map: control of places and events on a day chosen with the slider.
// Report text only ever reaches the page through textContent and attributes, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var basemap = JSON.parse(document.getElementById("basemap-data").textContent);
  var DAY_MS = 86400000;
  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function isoDay(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  var first = dayNumber(data.period.start), last = dayNumber(data.period.end);

  // ---- the map and its offline basemap ---------------------------------------------------------
  var map = L.map("map", { zoomSnap: 0.25, minZoom: 3, maxZoom: 13 });
  map.attributionControl.addAttribution("Basemap: Natural Earth (public domain)");
  var looks = {
    land: { stroke: false, fillColor: "#f3efe6", fillOpacity: 1 },
    lake: { stroke: false, fillColor: "#b9d3e6", fillOpacity: 1 },
    coast: { color: "#6f93ad", weight: 0.8 },
    country: { color: "#4d4d4d", weight: 1.4 },
    province: { color: "#8c8c8c", weight: 0.7, dashArray: "3 3" }
  };
  L.geoJSON(basemap, {
    renderer: L.canvas({ padding: 0.5 }), interactive: false,
    style: function (feature) { return looks[feature.properties.layer] || looks.province; }
  }).addTo(map);
  if (navigator.onLine) {  // tiles are offered only to a reader who is online, and off until chosen
    var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19, attribution: "&copy; OpenStreetMap contributors"
    });
    L.control.layers(null, { "OpenStreetMap tiles (online)": tiles }, { collapsed: true }).addTo(map);
  }

  // ---- markers: places at one spot, and events at one place, sit in a small ring -------------
  function ringOffsets(count, radius) {
    var out = [];
    for (var i = 0; i < count; i++) {
      if (count === 1) { out.push([0, 0]); continue; }
      var angle = 2 * Math.PI * i / count - Math.PI / 2;
      out.push([Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]);
    }
    return out;
  }
  function spotKey(lat, lon) { return lat.toFixed(3) + "," + lon.toFixed(3); }
  function markerAt(lat, lon, element) {
    var icon = L.divIcon({ className: "fl-icon", html: element, iconSize: [14, 14], iconAnchor: [7, 7], popupAnchor: [0, -6] });
    return L.marker([lat, lon], { icon: icon, keyboard: true, riseOnHover: true });
  }
  function place(element, offset) {
    element.style.left = offset[0] + "px";
    element.style.top = offset[1] + "px";
  }

  var spots = {};
  data.places.forEach(function (p) { (spots[spotKey(p.lat, p.lon)] = spots[spotKey(p.lat, p.lon)] || []).push(p); });
  var placeLayer = L.layerGroup().addTo(map);
  var placeViews = data.places.map(function (p) {
    var node = el("div", "fl-mark place");
    node.dataset.place = p.name;
    node.dataset.key = p.key;
    node.appendChild(el("span", "dot"));
    node.appendChild(el("span", "name", p.name));
    var mates = spots[spotKey(p.lat, p.lon)];
    place(node, ringOffsets(mates.length, 10 + 2 * mates.length)[mates.indexOf(p)]);
    if (mates.length > 1) node.classList.add("stacked");
    var marker = markerAt(p.lat, p.lon, node).addTo(placeLayer);
    var view = { place: p, node: node, marker: marker, span: null };
    marker.bindPopup(function () { return placePopup(view); }, { maxWidth: 340 });
    return view;
  });

  var eventLayer = L.layerGroup().addTo(map);
  var eventViews = data.events.map(function (e) {
    var look = data.event_types[e.type] || data.event_types.other;
    var node = el("div", "fl-mark event shape-" + look.shape);
    node.style.color = look.colour;
    node.dataset.eventId = e.id;
    node.dataset.eventType = e.type;
    node.title = look.label + ", " + e.date + ", " + e.place;
    var marker = markerAt(e.lat, e.lon, node);
    marker.bindPopup(function () { return eventPopup(e, look); }, { maxWidth: 380 });
    return { event: e, day: dayNumber(e.date), node: node, marker: marker };
  });

  // ---- popups, built from text nodes -------------------------------------------------------------
  function placePopup(view) {
    var p = view.place, box = el("div", "popup place-popup");
    box.appendChild(el("h3", null, p.name));
    box.appendChild(el("p", "meta", [p.province, p.country].filter(Boolean).join(", ")));
    var span = view.span;
    box.appendChild(el("p", "status", span ? statusText(span) + " since " + span[0] : "nothing known on this day"));
    var history = el("ul", "history");
    p.spans.forEach(function (s) { history.appendChild(el("li", null, s[0] + (s[1] ? " to " + s[1] : " on") + ": " + statusText(s))); });
    box.appendChild(history);
    return box;
  }
  function statusText(span) {
    return span[2] === data.contested ? "contested" + (span[4].length ? " (" + span[4].join(", ") + ")" : "") : span[2];
  }
  function eventPopup(e, look) {
    var box = el("div", "popup event-popup");
    box.appendChild(el("h3", null, look.label + ": " + e.place));
    var who = e.actor ? e.actor + (e.target ? " against " + e.target : "") : (e.target ? "against " + e.target : "actor unknown");
    var meta = [e.date, who];
    if (e.fatalities !== null && e.fatalities !== undefined) meta.push(e.fatalities + " dead");
    if (e.controller_after) meta.push("held after by " + e.controller_after);
    meta.push("confidence " + e.confidence);
    if (e.review && e.review !== "none") meta.push("analyst: " + e.review);
    box.appendChild(el("p", "meta", meta.join(" · ")));
    box.appendChild(el("strong", null, "Sources (" + e.sources.length + ")"));
    var list = el("ol", "sources");
    e.sources.forEach(function (s) {
      var item = el("li", "source");
      item.appendChild(el("span", "outlet", s.outlet));
      item.appendChild(document.createTextNode(", "));
      item.appendChild(el("span", "title", "\u201c" + s.title + "\u201d"));
      if (s.published) item.appendChild(document.createTextNode(", " + s.published));
      if (s.url && /^https?:\/\//i.test(s.url)) {
        item.appendChild(document.createTextNode(" "));
        var link = el("a", "url", s.url);
        link.href = s.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        item.appendChild(link);
      }
      if (s.quote) item.appendChild(el("blockquote", "quote", s.quote));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  // ---- the day: control colours, the events shown, the legend -----------------------------------
  var slider = document.getElementById("day"), windowChoice = document.getElementById("window");
  slider.min = 0;
  slider.max = last - first;
  slider.value = dayNumber(data.period.day) - first;

  function spanOn(p, iso) {
    var found = null;
    p.spans.forEach(function (s) { if (s[0] <= iso && (s[1] === null || iso < s[1])) found = s; });
    return found;
  }
  function colourOf(label) { return data.colours[label] || "#9e9e9e"; }

  function show() {
    var today = first + Number(slider.value), iso = isoDay(today);
    document.getElementById("day-label").textContent = iso;
    document.body.dataset.day = iso;
    var counts = {};
    placeViews.forEach(function (view) {
      var span = spanOn(view.place, iso), label = span ? span[2] : "";
      view.span = span;
      view.node.dataset.status = label || "none";
      view.node.classList.toggle("contested", label === data.contested);
      view.node.classList.toggle("unheld", !span);
      view.node.firstChild.style.backgroundColor = span ? colourOf(label) : "#ffffff";
      view.node.title = view.place.name + ": " + (span ? statusText(span) : "nothing known");
      if (span) counts[label] = (counts[label] || 0) + 1;
    });
    var reach = windowChoice.value === "all" ? Infinity : Number(windowChoice.value);
    var visible = eventViews.filter(function (v) { return v.day <= today && today - v.day < reach; });
    eventLayer.clearLayers();
    var atSpot = {};
    visible.forEach(function (v) { (atSpot[spotKey(v.event.lat, v.event.lon)] = atSpot[spotKey(v.event.lat, v.event.lon)] || []).push(v); });
    Object.keys(atSpot).forEach(function (key) {
      var group = atSpot[key];
      if (group.length > RING_MOST) { clusterMarker(group).addTo(eventLayer); return; }
      var offsets = group.length === 1 ? [[16, -14]] : ringOffsets(group.length, 22);  // beside the place's dot, not on it
      group.forEach(function (v, i) { place(v.node, offsets[i]); v.marker.addTo(eventLayer); });
    });
    legend(counts);
    var status = iso + ": " + placeViews.length + " places, " + visible.length + " of " + eventViews.length + " events shown";
    if (data.unplaced) status += " (" + data.unplaced + " without a day or place are not on the map)";
    document.getElementById("status").textContent = status;
  }

  // More events at one spot than a ring holds: one marker with their number, listing them all.
  var RING_MOST = 8;
  function clusterMarker(group) {
    var node = el("div", "fl-mark event cluster", group.length);
    node.dataset.events = group.length;
    node.title = group.length + " events at " + group[0].event.place;
    place(node, [18, -16]);
    var e0 = group[0].event, marker = markerAt(e0.lat, e0.lon, node);
    marker.bindPopup(function () {
      var box = el("div", "popup cluster-popup");
      box.appendChild(el("h3", null, group.length + " events at " + e0.place));
      group.slice().reverse().forEach(function (v) {
        var look = data.event_types[v.event.type] || data.event_types.other;
        var item = el("details", "cluster-item");
        item.appendChild(el("summary", null, v.event.date + " " + look.label + (v.event.actor ? " (" + v.event.actor + ")" : "")));
        item.appendChild(eventPopup(v.event, look));
        box.appendChild(item);
      });
      return box;
    }, { maxWidth: 400, maxHeight: 360 });
    return marker;
  }

  function legend(counts) {
    var list = document.getElementById("holders");
    list.textContent = "";
    Object.keys(data.colours).forEach(function (label) {
      var item = el("li");
      item.dataset.holder = label;
      var swatch = el("span", "swatch" + (label === data.contested ? " contested" : ""));
      swatch.style.backgroundColor = colourOf(label);
      item.appendChild(swatch);
      item.appendChild(el("span", null, label));
      item.appendChild(el("span", "count", counts[label] || 0));
      list.appendChild(item);
    });
  }
  (function eventLegend() {
    var list = document.getElementById("event-types"), used = {};
    data.events.forEach(function (e) { used[e.type] = true; });
    Object.keys(data.event_types).forEach(function (type) {
      if (!used[type]) return;
      var look = data.event_types[type], item = el("li"), mark = el("span", "fl-mark event shape-" + look.shape);
      mark.style.color = look.colour;
      item.appendChild(mark);
      item.appendChild(el("span", null, look.label));
      list.appendChild(item);
    });
  })();

  slider.addEventListener("input", show);
  var play = document.getElementById("play"), playing = null;
  function stop() { clearInterval(playing); playing = null; play.textContent = "\u25B6 play"; play.setAttribute("aria-pressed", "false"); }
  play.addEventListener("click", function () {
    if (playing) { stop(); return; }
    if (Number(slider.value) >= Number(slider.max)) slider.value = 0;
    play.textContent = "\u275A\u275A pause";
    play.setAttribute("aria-pressed", "true");
    playing = setInterval(function () {
      if (Number(slider.value) >= Number(slider.max)) { stop(); return; }
      slider.value = Number(slider.value) + 1;
      show();
    }, 120);
  });
  windowChoice.addEventListener("change", show);
  document.getElementById("title").textContent = data.title;
  var points = data.places.map(function (p) { return [p.lat, p.lon]; }).concat(data.events.map(function (e) { return [e.lat, e.lon]; }));
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 9 });
  else map.setView([33.5, 42], 5);
  show();
  window.frontlinesMap = { map: map, show: show };
})();
