// ccsim report: builds the page from its data (the JSON in #ccsim-data, written by
// src/report/) and draws every chart with Vega-Lite through vega-embed, all inline.
// What each chart type shows is described in docs/report.md. The browser test
// (tests/report/check_report.mjs) waits for window.ccsimReport.done and then checks that
// every chart listed in the data has been drawn.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("ccsim-data").textContent);
  const root = document.getElementById("report");
  const state = { expected: 0, rendered: 0, failed: [], done: false };
  window.ccsimReport = state;

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children || []) e.append(c);
    return e;
  }

  const generator = el("p", { class: "generator" }, [data.generator]);
  root.append(generator);

  // Axes and legends share one look; the numbers are already in the chart's unit.
  const config = {
    font: "system-ui, sans-serif",
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal" },
    legend: { labelFontSize: 11, titleFontSize: 11, orient: "bottom", columns: 3, labelLimit: 360 },
    view: { stroke: null },
  };

  function xEncoding(chart) {
    const x = { field: "x", type: chart.x_type, title: chart.x_title };
    if (chart.x_type === "ordinal") { x.sort = null; x.axis = { labelAngle: -45, labelOverlap: "greedy" }; }
    else { x.scale = { zero: false }; x.axis = { format: "d", tickMinStep: 1 }; }
    return x;
  }

  const meanTooltip = (chart) => [
    { field: "series", type: "nominal", title: "series" },
    { field: "x", title: chart.x_title },
    { field: "mean", type: "quantitative", title: "mean", format: ".4~g" },
    { field: "lo", type: "quantitative", title: "95% CI low", format: ".4~g" },
    { field: "hi", type: "quantitative", title: "95% CI high", format: ".4~g" },
    { field: "n", type: "quantitative", title: "replications" },
  ];

  function targetLayer(chart) {
    return {
      data: { values: [{ target: chart.target, label: "target" }] },
      mark: { type: "rule", strokeDash: [6, 4], color: "#c0392b", strokeWidth: 1.5 },
      encoding: { y: { field: "target", type: "quantitative" } },
    };
  }

  // A mean per x with its 95% CI band across replications, one colour per series.
  function bandSpec(chart) {
    const color = { field: "series", type: "nominal", title: null, sort: null };
    const y = { field: "mean", type: "quantitative", title: chart.unit, scale: { zero: false } };
    const layers = [
      { mark: { type: "area", opacity: 0.22 },
        encoding: { x: xEncoding(chart), y: { field: "lo", type: "quantitative", title: chart.unit },
                    y2: { field: "hi" }, color } },
      { mark: { type: "line", strokeWidth: 1.6, point: chart.data.length <= 60 },
        encoding: { x: xEncoding(chart), y, color, tooltip: meanTooltip(chart) } },
    ];
    if (chart.target !== undefined) layers.push(targetLayer(chart));
    return { data: { values: chart.data }, layer: layers };
  }

  // Means with error bars (95% CI): per scenario (bars) or along a lever (points and lines).
  function errorbarSpec(chart) {
    const bars = chart.type === "bars";
    // Bars are named on the x axis already: no legend for them.
    const color = { field: "series", type: "nominal", title: chart.series_title || null, sort: null,
                    ...(bars ? { legend: null } : {}) };
    const x = bars ? { field: "x", type: "nominal", sort: null, title: chart.x_title, axis: { labelAngle: 0, labelLimit: 220 } }
                   : xEncoding(chart);
    const layers = [
      bars ? { mark: { type: "bar", opacity: 0.75 },
               encoding: { x, y: { field: "mean", type: "quantitative", title: chart.unit }, color,
                           tooltip: meanTooltip(chart) } }
           : { mark: { type: "line", point: true },
               encoding: { x, y: { field: "mean", type: "quantitative", title: chart.unit, scale: { zero: false } },
                           color, tooltip: meanTooltip(chart) } },
      { mark: { type: "errorbar", ticks: { size: 14 }, thickness: 1.5, color: "#222" },
        encoding: { x, y: { field: "lo", type: "quantitative", title: chart.unit }, y2: { field: "hi" },
                    ...(bars ? {} : { color }) } },
    ];
    if (chart.target !== undefined) layers.push(targetLayer(chart));
    const spec = { data: { values: chart.data }, layer: layers };
    return spec;
  }

  // Two levers: one cell per point, coloured by the mean, labelled "mean ±half-width".
  function heatmapSpec(chart) {
    const x = { field: "x", type: "ordinal", sort: null, title: chart.x_title };
    const y = { field: "y", type: "ordinal", sort: null, title: chart.y_title };
    return {
      data: { values: chart.data },
      encoding: { x, y },
      layer: [
        { mark: "rect",
          encoding: { color: { field: "mean", type: "quantitative", title: chart.unit,
                               scale: { scheme: chart.better === "lower" ? "orangered" : "blues" } },
                      tooltip: [{ field: "x", title: chart.x_title }, { field: "y", title: chart.y_title },
                                { field: "label", title: "mean ±95% CI half-width" },
                                { field: "n", title: "replications" }] } },
        { mark: { type: "text", fontSize: 11 },
          encoding: { text: { field: "label" },
                      color: { condition: { test: "datum.dark", value: "white" }, value: "black" } } },
      ],
    };
  }

  // Agents per interval: the requirement found by the search (line) and the agents the
  // shifts put on duty (bars), per group.
  function requirementSpec(chart) {
    const x = { field: "x", type: "ordinal", sort: null, title: chart.x_title, axis: { labelAngle: -45 } };
    const color = { field: "series", type: "nominal", title: null, sort: null };
    return {
      data: { values: chart.data },
      layer: [
        { transform: [{ filter: "datum.kind === 'scheduled'" }],
          mark: { type: "bar", opacity: 0.45 },
          encoding: { x, y: { field: "value", type: "quantitative", title: chart.unit, stack: null }, color,
                      tooltip: [{ field: "series" }, { field: "x", title: chart.x_title }, { field: "value", title: chart.unit }] } },
        { transform: [{ filter: "datum.kind === 'requirement'" }],
          mark: { type: "line", interpolate: "step", point: true, strokeWidth: 2 },
          encoding: { x, y: { field: "value", type: "quantitative", title: chart.unit }, color,
                      tooltip: [{ field: "series" }, { field: "x", title: chart.x_title }, { field: "value", title: chart.unit }] } },
      ],
    };
  }

  const builders = { band: bandSpec, bars: errorbarSpec, errorbars: errorbarSpec, heatmap: heatmapSpec,
                     requirement: requirementSpec };

  function table(t) {
    const head = el("tr", {}, t.head.map((h) => el("th", {}, [h])));
    const rows = t.rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, [c]))));
    return el("div", { class: "table-wrap" }, [el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)])]);
  }

  const pending = [];
  for (const section of data.sections) {
    const s = el("section", { id: section.id, "data-kind": section.kind });
    s.append(el("h2", {}, [section.title]));
    if (section.facts && section.facts.length) s.append(el("ul", { class: "facts" }, section.facts.map((f) => el("li", {}, [f]))));
    s.append(el("h3", {}, ["Executive summary"]));
    if (section.sentences.length) {
      s.append(el("ul", { class: "verdicts" },
                  section.sentences.map((v) => el("li", { class: v.clear ? "clear" : "unclear" }, [v.text]))));
    }
    for (const t of section.tables) {
      if (t.title) s.append(el("h3", {}, [t.title]));
      s.append(table(t));
    }
    if (section.charts.length) {
      s.append(el("h3", {}, ["Charts"]));
      const grid = el("div", { class: "charts" });
      for (const chart of section.charts) {
        const caption = el("figcaption", {}, [chart.title + " ", el("span", { class: "unit" }, ["(" + chart.unit + ")"])]);
        const fig = el("figure", {}, [caption]);
        if (chart.note) fig.append(el("p", { class: "note" }, [chart.note]));
        if (chart.missing) {
          fig.append(el("div", { class: "chart-missing", "data-chart-missing": chart.id }, [chart.missing]));
        } else {
          const box = el("div", { class: "chart", "data-chart": chart.id });
          fig.append(box);
          state.expected += 1;
          const spec = Object.assign({ width: "container", height: chart.height || 240, config }, builders[chart.type](chart));
          pending.push({ box, spec, id: chart.id });
        }
        grid.append(fig);
      }
      s.append(grid);
    }
    root.append(s);
  }

  // Charts are drawn once they are in the page, so that "container" widths are known.
  Promise.all(pending.map(({ box, spec, id }) =>
    vegaEmbed(box, spec, { actions: false, renderer: "svg" })
      .then(() => { state.rendered += 1; })
      .catch((e) => { state.failed.push(id + ": " + e); console.error("chart " + id + " failed: " + e); })))
    .then(() => { state.done = true; document.body.setAttribute("data-charts-done", String(state.rendered)); });
})();
