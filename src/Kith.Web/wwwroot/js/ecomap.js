// Draws the ecomap on /people/{id}/network from the JSON in #ecomap-data. The table on the page lists the same ties.
(function () {
  'use strict';
  var container = document.getElementById('ecomap');
  var source = document.getElementById('ecomap-data');
  if (!container || !source || typeof window.cytoscape !== 'function') {
    return;
  }
  container.style.height = '28rem';
  container.style.border = '1px solid #d8dde0';
  var data = JSON.parse(source.textContent || '{}');
  var elements = [{ data: { id: 'person', label: data.person || 'Person' }, classes: 'person' }];
  (data.ties || []).forEach(function (tie) {
    var id = 't' + tie.id;
    elements.push({ data: { id: id, label: tie.name } });
    var toPerson = tie.direction === 'TheyGive';
    elements.push({
      data: {
        id: 'e' + tie.id,
        source: toPerson ? id : 'person',
        target: toPerson ? 'person' : id,
        width: 1 + tie.strength * 1.5,
        both: tie.direction === 'Both'
      },
      classes: tie.valence.toLowerCase() + (tie.direction === 'Both' ? ' both' : '')
    });
  });
  window.cytoscape({
    container: container,
    elements: elements,
    userZoomingEnabled: false,
    layout: { name: 'concentric', concentric: function (n) { return n.id() === 'person' ? 2 : 1; }, levelWidth: function () { return 1; }, minNodeSpacing: 40 },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': '#005eb8', color: '#212b32', 'text-valign': 'bottom', 'text-margin-y': 6, 'font-size': 14, width: 24, height: 24 } },
      { selector: 'node.person', style: { 'background-color': '#007f3b', width: 40, height: 40, 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#425563', 'target-arrow-color': '#425563', 'source-arrow-color': '#425563', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      { selector: 'edge.supportive', style: { 'line-style': 'solid', 'line-color': '#007f3b', 'target-arrow-color': '#007f3b', 'source-arrow-color': '#007f3b' } },
      { selector: 'edge.neutral', style: { 'line-style': 'dotted' } },
      { selector: 'edge.stressful', style: { 'line-style': 'dashed', 'line-color': '#d5281b', 'target-arrow-color': '#d5281b', 'source-arrow-color': '#d5281b' } },
      { selector: 'edge.mixed', style: { 'line-style': 'dashed', 'line-color': '#ed8b00', 'target-arrow-color': '#ed8b00', 'source-arrow-color': '#ed8b00' } },
      { selector: 'edge.both', style: { 'source-arrow-shape': 'triangle' } }
    ]
  });
})();
