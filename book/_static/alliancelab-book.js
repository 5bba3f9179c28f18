/* Draws every plotly figure of a page from the JSON that alliancelab.site stored in its placeholder div, with the
   plotly.js copied beside the pages: figures stay interactive (hover, zoom, legend) and nothing is fetched. */
(function () {
  function draw() {
    document.querySelectorAll(".alliancelab-static-figure").forEach(function (div) {
      if (div.dataset.drawn) { return; }
      div.dataset.drawn = "1";
      var fig = JSON.parse(div.dataset.figure);
      Plotly.newPlot(div, fig.data, fig.layout, {responsive: true, displaylogo: false});
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
