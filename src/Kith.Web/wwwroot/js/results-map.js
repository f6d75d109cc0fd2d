// Draws a Leaflet map of the search results or of one asset. The list on the page stays the way to
// read the results; the map only adds to it. Markers come from elements marked data-map-marker
// (data-lat, data-lon, and a link marked data-map-link whose text and address the marker reuses).
// Tile URL and attribution come from the map container's data attributes (Map options).
(function () {
  'use strict';
  var container = document.querySelector('[data-results-map]');
  if (!container || typeof L === 'undefined') {
    return;
  }
  var tileUrl = container.getAttribute('data-tile-url');
  if (!tileUrl) {
    return;
  }

  L.Icon.Default.imagePath = '/lib/leaflet/images/';

  var markers = [];
  document.querySelectorAll('[data-map-marker]').forEach(function (item) {
    var lat = parseFloat(item.getAttribute('data-lat'));
    var lon = parseFloat(item.getAttribute('data-lon'));
    if (isNaN(lat) || isNaN(lon)) {
      return;
    }
    var link = item.querySelector('[data-map-link]');
    var name = link ? link.textContent.trim() : (item.getAttribute('data-name') || '');
    var marker = L.marker([lat, lon], { title: name, alt: name, keyboard: true });
    if (link) {
      var anchor = document.createElement('a');
      anchor.href = link.getAttribute('href');
      anchor.textContent = name;
      marker.bindPopup(anchor);
    } else if (name) {
      var text = document.createElement('span');
      text.textContent = name;
      marker.bindPopup(text);
    }
    markers.push(marker);
  });
  if (markers.length === 0) {
    return;
  }

  container.classList.add('kith-map--ready');
  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(tileUrl, { attribution: container.getAttribute('data-attribution') || '', maxZoom: 19 }).addTo(map);
  var group = L.featureGroup(markers).addTo(map);

  var centreLat = parseFloat(container.getAttribute('data-centre-lat'));
  var centreLon = parseFloat(container.getAttribute('data-centre-lon'));
  if (!isNaN(centreLat) && !isNaN(centreLon)) {
    L.circleMarker([centreLat, centreLon], { radius: 6, weight: 2 }).bindTooltip('Where you searched from').addTo(map);
  }

  if (markers.length === 1) {
    map.setView(markers[0].getLatLng(), 15);
  } else {
    map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
  }
})();
