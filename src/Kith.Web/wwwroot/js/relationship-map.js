// Draws the relationship map on /relationships/map from the JSON in #relationship-map-data (the same actors and ties as
// the tables on the page). Clicking a circle shows its details as text in #relationship-map-selection. The PNG and
// SVG buttons download the drawing (PNG from Cytoscape itself, SVG written here from the drawing as it stands). When drawn, the container's data-ready is "true" and window.kithRelationshipMap
// holds the Cytoscape instance.
(function () {
  'use strict';
  var section = document.getElementById('relationship-map-section');
  var container = document.getElementById('relationship-map');
  var source = document.getElementById('relationship-map-data');
  var panel = document.getElementById('relationship-map-selection');
  if (!section || !container || !source || typeof window.cytoscape !== 'function') {
    return;
  }

  // A fixed palette readable by people with colour-blindness (Okabe and Ito), then grey for everything else.
  var palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#768692'];
  var data = JSON.parse(source.textContent || '{}');
  var nodes = data.nodes || [];
  var labels = data.labels || {};
  var max = 0;
  nodes.forEach(function (n) { if (n.value > max) { max = n.value; } });

  var elements = [];
  nodes.forEach(function (n) {
    var share = max > 0 ? n.value / max : 0;
    elements.push({
      data: {
        id: n.id,
        label: n.name,
        colour: n.palette >= 0 ? palette[Math.min(n.palette, palette.length - 1)] : '#005eb8',
        size: 14 + Math.round(share * 36),
        distance: n.distance === null || n.distance === undefined ? 0 : n.distance
      },
      classes: data.ego === n.id ? 'centre' : ''
    });
  });
  (data.edges || []).forEach(function (e) {
    elements.push({
      data: { id: 'e' + e.id, source: e.source, target: e.target, width: 0.5 + e.strength * 1.1 },
      classes: e.directed ? 'one-way' : ''
    });
  });

  section.hidden = false;
  var layout = data.ego
    ? { name: 'concentric', concentric: function (n) { return 10 - n.data('distance'); }, levelWidth: function () { return 1; }, minNodeSpacing: 24, animate: false }
    : { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 8000; }, idealEdgeLength: function () { return 60; }, numIter: nodes.length > 500 ? 400 : 1000 };

  var cy = window.cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3,
    layout: layout,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)', height: 'data(size)', color: '#212b32', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 120, 'border-width': 1, 'border-color': '#ffffff' } },
      { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#212b32' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffb81c' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#768692', opacity: 0.8, 'curve-style': 'bezier' } },
      { selector: 'edge.one-way', style: { 'line-style': 'dashed', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#768692' } }
    ]
  });

  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });

  function add(list, term, value) {
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = value === null || value === undefined || value === '' ? 'Not recorded' : String(value);
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function show(n) {
    panel.textContent = '';
    var heading = document.createElement('h4');
    heading.className = 'nhsuk-heading-xs';
    heading.textContent = n.name;
    panel.appendChild(heading);
    var list = document.createElement('dl');
    list.className = 'nhsuk-body-s kith-relationship-map-figures';
    add(list, 'Kind', n.kind);
    add(list, 'Sector', n.sector);
    add(list, 'Community', n.community);
    if (n.distance !== null && n.distance !== undefined) {
      add(list, 'Steps away', n.distance);
    }
    ['degree', 'strength', 'betweenness', 'closeness', 'eigenvector'].forEach(function (key) {
      add(list, labels[key] || key, n.figures[key]);
    });
    panel.appendChild(list);
    var link = document.createElement('a');
    link.href = n.href;
    link.textContent = 'See ' + n.name + "'s page";
    var p = document.createElement('p');
    p.className = 'nhsuk-body-s';
    p.appendChild(link);
    panel.appendChild(p);
  }

  cy.on('tap', 'node', function (event) {
    var n = byId[event.target.id()];
    if (n) {
      show(n);
    }
  });

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  var png = document.getElementById('relationship-map-png');
  if (png) {
    png.addEventListener('click', function () {
      download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), 'relationship-map.png');
    });
  }

  // The SVG export is our own (no plug-in): it walks the drawing as Cytoscape holds it now and writes one <line> per
  // tie and one <circle> and <text> per actor, using the positions, sizes, colours and widths as drawn.

  // Text for XML: characters XML 1.0 cannot hold are dropped, and the five special characters become entities.
  function xmlText(value) {
    return String(value === null || value === undefined ? '' : value)
      .replace(/[^\u0009\u000A\u000D\u0020-\uFFFD]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;');
  }

  // A number for an attribute: finite, at most two decimal places.
  function num(value) {
    var n = typeof value === 'number' ? value : parseFloat(value);
    return isFinite(n) ? String(Math.round(n * 100) / 100) : '0';
  }

  // A colour for an attribute: Cytoscape gives rgb(...) or a hex value; anything else falls back.
  function colour(value, fallback) {
    var text = String(value || '');
    return /^(#[0-9a-fA-F]{3,8}|rgba?\([0-9.,\s%]+\))$/.test(text) ? text : fallback;
  }

  function buildSvg() {
    var shown = cy.elements(':visible');
    var box = shown.boundingBox({ includeLabels: true, includeOverlays: false });
    if (!isFinite(box.w) || box.w <= 0 || !isFinite(box.h) || box.h <= 0) {
      box = { x1: 0, y1: 0, w: 100, h: 100 };
    }
    var pad = 20;
    var x = box.x1 - pad;
    var y = box.y1 - pad;
    var w = box.w + 2 * pad;
    var h = box.h + 2 * pad;
    var actorCount = shown.nodes().length;
    var tieCount = shown.edges().length;
    var title = 'Relationship map: ' + actorCount + (actorCount === 1 ? ' actor' : ' actors') + ' and ' +
      tieCount + (tieCount === 1 ? ' tie' : ' ties');
    var out = [];
    out.push('<?xml version="1.0" encoding="UTF-8"?>');
    out.push('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="' + num(x) + ' ' + num(y) + ' ' + num(w) + ' ' + num(h) +
      '" width="' + num(w) + '" height="' + num(h) + '" role="img" aria-labelledby="map-title">');
    out.push('<title id="map-title">' + xmlText(title) + '</title>');
    out.push('<defs><marker id="one-way-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" ' +
      'markerUnits="strokeWidth" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="#768692"/></marker></defs>');
    out.push('<rect x="' + num(x) + '" y="' + num(y) + '" width="' + num(w) + '" height="' + num(h) + '" fill="#ffffff"/>');

    out.push('<g class="ties">');
    shown.edges().forEach(function (edge) {
      var from = edge.source().position();
      var to = edge.target().position();
      var oneWay = edge.style('line-style') === 'dashed' || edge.hasClass('one-way');
      var x1 = from.x;
      var y1 = from.y;
      var x2 = to.x;
      var y2 = to.y;
      if (oneWay) {
        // End the line at the edge of the target circle so the arrow head shows, as on screen.
        var dx = x2 - x1;
        var dy = y2 - y1;
        var length = Math.sqrt(dx * dx + dy * dy);
        var radius = edge.target().outerWidth() / 2;
        if (length > radius) {
          x2 -= dx / length * radius;
          y2 -= dy / length * radius;
        }
      }
      var width = parseFloat(edge.style('width'));
      out.push('<line x1="' + num(x1) + '" y1="' + num(y1) + '" x2="' + num(x2) + '" y2="' + num(y2) + '" stroke="' +
        colour(edge.style('line-color'), '#768692') + '" stroke-width="' + num(isFinite(width) ? width : 1) +
        '" stroke-opacity="' + num(edge.style('opacity')) + '"' +
        (oneWay ? ' stroke-dasharray="6 3" marker-end="url(#one-way-arrow)"' : '') + '/>');
    });
    out.push('</g>');

    out.push('<g class="actors" font-family="Arial, sans-serif">');
    shown.nodes().forEach(function (node) {
      var p = node.position();
      var radius = node.width() / 2;
      var border = parseFloat(node.style('border-width'));
      var fontSize = parseFloat(node.style('font-size'));
      if (!isFinite(fontSize)) {
        fontSize = 11;
      }
      out.push('<g class="actor">');
      out.push('<circle cx="' + num(p.x) + '" cy="' + num(p.y) + '" r="' + num(radius) + '" fill="' +
        colour(node.style('background-color'), '#005eb8') + '"' +
        (isFinite(border) && border > 0 ? ' stroke="' + colour(node.style('border-color'), '#ffffff') + '" stroke-width="' + num(border) + '"' : '') +
        '/>');
      out.push('<text x="' + num(p.x) + '" y="' + num(p.y + radius + (isFinite(border) ? border : 0) + 4 + fontSize) +
        '" font-size="' + num(fontSize) + '" text-anchor="middle" fill="' + colour(node.style('color'), '#212b32') + '">' +
        xmlText(node.data('label')) + '</text>');
      out.push('</g>');
    });
    out.push('</g>');
    out.push('</svg>');
    return out.join('\n') + '\n';
  }

  var svg = document.getElementById('relationship-map-svg');
  if (svg) {
    svg.addEventListener('click', function () {
      download(new Blob([buildSvg()], { type: 'image/svg+xml' }), 'relationship-map.svg');
    });
  }

  cy.ready(function () {
    window.kithRelationshipMap = cy;
    container.setAttribute('data-ready', 'true');
    container.setAttribute('data-node-count', String(cy.nodes().length));
  });
})();
