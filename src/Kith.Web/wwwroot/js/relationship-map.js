// Draws the relationship map on /relationships/map from the JSON in #relationship-map-data (the same actors and ties as
// the tables on the page). Clicking a circle shows its details as text in #relationship-map-selection. The PNG and
// SVG buttons download the drawing. When drawn, the container's data-ready is "true" and window.kithRelationshipMap
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

  var svg = document.getElementById('relationship-map-svg');
  if (svg && typeof cy.svg === 'function') {
    svg.hidden = false;
    svg.addEventListener('click', function () {
      download(new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }), 'relationship-map.svg');
    });
  }

  cy.ready(function () {
    window.kithRelationshipMap = cy;
    container.setAttribute('data-ready', 'true');
    container.setAttribute('data-node-count', String(cy.nodes().length));
  });
})();
