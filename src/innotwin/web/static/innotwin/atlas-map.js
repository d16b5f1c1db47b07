// Draws the atlas's offline maps: region centroids as circle markers on a plain background (no tiles,
// so the maps work on servers without internet access). Data comes from a json_script element.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("atlas-map-points");
    if (!source || typeof L === "undefined") { return; }
    var points = JSON.parse(source.textContent);
    document.querySelectorAll(".atlas-map").forEach(function (element) {
      var center = element.dataset.center.split(",").map(Number);
      var map = L.map(element, { attributionControl: false, zoomSnap: 0.5 }).setView(center, Number(element.dataset.zoom));
      var bounds = [];
      points.filter(function (p) { return p.country === element.dataset.country; }).forEach(function (p) {
        var marker = L.circleMarker([p.lat, p.lon], {
          radius: p.level === "kr-sido" || p.level === "uk-itl2" ? 7 : 5,
          color: p.level === "uk-combined-authority" ? "#9a5b00" : "#0b3d5c",
          weight: 2, fillOpacity: 0.55
        }).addTo(map);
        marker.bindTooltip(p.name);
        marker.on("click", function () { window.location.href = p.url; });
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20] }); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
