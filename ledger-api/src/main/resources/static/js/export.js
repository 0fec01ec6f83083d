/* Saving a chart as PNG or SVG, with the citation line drawn into the image so a copy keeps its sources. */
"use strict";

const Export = (() => {
  const TITLES = { sankey: "Where the money went", "membership-chart": "Members and sections",
    "patronage-chart": "Soviet cities and the prisons they patronized" };
  const LEGEND = "solid: documented; lighter: derived; hatched or dashed: modelled (simulated); *: assumed rate";
  const sources = {};
  const MARGIN = 64;

  /** The seed files the figures of a chart rest on, as the page learns them from /api/explain. */
  function cite(id, files) {
    sources[id] = [...new Set([...(sources[id] || []), ...files])].sort();
  }

  function line(id) {
    const state = document.getElementById("year").textContent;
    const seeds = (sources[id] || []).length ? `sources: ${sources[id].join(", ")}` : "sources: the seed texts cited on the page";
    return `${TITLES[id]}, ${state}. International Red Aid (MOPR) ledger, run ${document.getElementById("run-id").textContent}; ${seeds}. ${LEGEND}.`;
  }

  /** Draws the chart again off screen, a strip below it for the citation, and returns the image as a data URL. */
  function image(id, type) {
    const chart = Charts.chart(id);
    if (!chart) {
      return null;
    }
    const width = chart.getWidth();
    const height = chart.getHeight() + MARGIN;
    const option = chart.getOption();
    option.animation = false;
    (option.series || []).forEach(s => { if (typeof s.bottom === "number") { s.bottom += MARGIN; } });
    (option.grid || []).forEach(g => { g.bottom = (typeof g.bottom === "number" ? g.bottom : 40) + MARGIN; });
    const text = line(id);
    option.graphic = [{ type: "text", left: 8, bottom: 8,
      style: { text, width: width - 16, overflow: "break", font: "13px sans-serif", fill: "#1a1a1a" } }];
    const div = document.createElement("div");
    div.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px`;
    document.body.appendChild(div);
    const copy = echarts.init(div, null, { renderer: type === "svg" ? "svg" : "canvas", width, height });
    try {
      copy.setOption(option);
      return { url: copy.getDataURL({ type, pixelRatio: type === "svg" ? 1 : 2, backgroundColor: "#ffffff" }), line: text };
    } finally {
      copy.dispose();
      div.remove();
    }
  }

  function save(id, type) {
    const made = image(id, type);
    if (!made) {
      return;
    }
    const a = document.createElement("a");
    a.href = made.url;
    a.download = `mopr-${id.replace("-chart", "")}-${document.getElementById("year").textContent.replace(/\s+/g, "-")}.${type}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-export]").forEach(b =>
      b.addEventListener("click", () => save(b.dataset.export, b.dataset.type)));
  });

  return { cite, image, line };
})();
