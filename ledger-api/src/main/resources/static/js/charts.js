/* The three charts (ECharts from the WebJar): money as a Sankey, members over time, patronage links. */
"use strict";

const Charts = (() => {
  const RED = "#b3121d";
  const INK = "#1a1a1a";
  const charts = {};

  function chart(id) {
    const el = document.getElementById(id);
    if (!charts[id]) {
      el.innerHTML = "";
      charts[id] = echarts.init(el, null, { renderer: "canvas" });
      window.addEventListener("resize", () => charts[id] && charts[id].resize());
    }
    return charts[id];
  }

  function empty(id, message) {
    if (charts[id]) {
      charts[id].dispose();
      delete charts[id];
    }
    document.getElementById(id).innerHTML = `<div class="empty" data-test="${id}-empty">${Fmt.escape(message)}</div>`;
  }

  function fontSize() {
    return parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8;
  }

  /**
   * Money from collections to the central fund to aid by country. Money "in transit" (sent by a section, not yet
   * booked by the fund) is drawn straight into the central fund: a class need not see the clearing account. Each
   * band keeps the accounts it really joins, so a click explains the right postings, and carries its origin (see
   * Origin): a band a model drew is hatched, and a box only modelled bands fill is hatched too.
   */
  function sankey({ flows, valueOf, assumedOf, originOf, onClick, rangeOf = () => "" }) {
    const links = new Map();
    const nodes = new Map();
    for (const f of flows) {
      if (f.fromAccount.startsWith("clearing/")) {
        continue;
      }
      const to = f.toAccount.startsWith("clearing/") ? "fund/central" : f.toAccount;
      const toLabel = f.toAccount.startsWith("clearing/") ? "Central aid fund" : f.toLabel;
      const value = valueOf(f);
      if (!value) {
        continue;
      }
      nodes.set(f.fromLabel, f.fromAccount);
      nodes.set(toLabel, to);
      const key = `${f.fromLabel}→${toLabel}`;
      const link = links.get(key) || { source: f.fromLabel, target: toLabel, value: 0, assumed: false,
        accounts: { source: f.fromAccount, target: f.toAccount } };
      link.value += value;
      link.assumed = link.assumed || assumedOf(f);
      links.set(key, link);
    }
    if (links.size === 0) {
      bands = [];
      return false;
    }
    for (const link of links.values()) {
      link.origin = originOf(link);
      link.lineStyle = Origin.bandStyle(link.origin.kind);
    }
    const boxes = [...nodes.keys()].map(name => {
      const into = [...links.values()].filter(l => l.target === name);
      const kind = into.length && into.every(l => l.origin.kind === "MODELLED") ? "MODELLED" : "DOCUMENTED";
      const assumed = [...links.values()].some(l => (l.target === name || l.source === name) && l.assumed);
      return { name, account: nodes.get(name), value: nodeValue(name, links), origin: kind, assumed,
        itemStyle: Origin.boxStyle(kind) };
    });
    const mark = d => (d.assumed ? "*" : "");
    const c = chart("sankey");
    c.setOption({
      animationDurationUpdate: 700,
      tooltip: { trigger: "item", textStyle: { fontSize: fontSize() },
        formatter: p => p.dataType === "edge"
          ? `${Fmt.escape(p.data.source)} → ${Fmt.escape(p.data.target)}<br><b>${Fmt.number(p.data.value)}${mark(p.data)}</b>`
            + `<br>${Fmt.escape(Origin.KINDS[p.data.origin.kind].word)}: ${Fmt.escape(p.data.origin.why)}`
            + (p.data.assumed ? "<br>* converted at an assumed rate" : "")
            + (rangeOf(p.data) ? `<br>${rangeOf(p.data)}` : "")
          : `${Fmt.escape(p.name)}<br><b>${Fmt.number(p.data.value)}${mark(p.data)}</b>` },
      series: [{
        type: "sankey",
        left: 8, right: "20%", top: 10, bottom: 10,
        nodeGap: 10,
        draggable: false,
        emphasis: { focus: "adjacency" },
        // The value on a line of its own keeps the rightmost labels (aid by country) inside the chart; a modelled
        // box says so in words, so the hatching is never the only sign.
        label: { color: INK, formatter: p => `{n|${p.name}}\n{v|${p.data.origin === "MODELLED" ? "≈ " : ""}${Fmt.number(p.data.value)}${mark(p.data)}}`,
          rich: { n: { fontSize: fontSize(), color: INK, lineHeight: fontSize() * 1.3 },
            v: { fontSize: fontSize(), fontWeight: "bold", color: INK, lineHeight: fontSize() * 1.3 } } },
        data: boxes,
        links: [...links.values()]
      }]
    }, true);
    c.off("click");
    c.on("click", p => {
      // A band explains itself; a box explains the money that came into it (or, for the first column, left it).
      const link = p.dataType === "edge" ? p.data
        : [...links.values()].find(l => l.target === p.name) || [...links.values()].find(l => l.source === p.name);
      onClick(link);
    });
    bands = [...links.values()];
    return true;
  }

  /** The bands last drawn, with their origins: the page lists them as buttons, the browser test reads them. */
  let bands = [];

  /** A box's value: what flowed into it, or for a first-column box what flowed out of it. */
  function nodeValue(name, links) {
    let into = 0;
    let out = 0;
    for (const l of links.values()) {
      into += l.target === name ? l.value : 0;
      out += l.source === name ? l.value : 0;
    }
    return into || out;
  }

  /**
   * Members and sections in existence, month by month, with the date shown marked. Censuses are the sources' (solid
   * dots), the line between them a model's interpolation (dashed), the sections count derived from founding days
   * placed within their stated years (lighter). An ensemble's bands, when there is one, are p5-p95 ribbons by scope.
   */
  function membership(points, current, onMembers, onSections, ribbons) {
    const c = chart("membership-chart");
    const members = points.map(p => [p.date, p.members]);
    const census = points.filter(p => p.membersKind === "CENSUS" && p.membersAsOf === p.date).map(p => [p.date, p.members]);
    const sections = points.map(p => [p.date, p.sections]);
    const series = [
      { name: "members between censuses (modelled)", type: "line", data: members, showSymbol: false, connectNulls: false,
        lineStyle: { color: RED, width: 3, type: "dashed" }, itemStyle: { color: RED },
        markLine: { symbol: "none", silent: true, label: { show: false },
          lineStyle: { color: INK, width: 2, type: "solid" }, data: [{ xAxis: current }] } },
      { name: "census (documented)", type: "scatter", data: census, symbolSize: 18, itemStyle: { color: RED } },
      { name: "sections (derived)", type: "line", step: "end", yAxisIndex: 1, data: sections, showSymbol: false,
        lineStyle: { color: Origin.LIGHT, width: 3 }, itemStyle: { color: Origin.LIGHT } }
    ];
    (ribbons || []).forEach((r, i) => series.push(...ribbon(`band-membership-${r.scope}`, r.name, r.points, i)));
    c.setOption({
      animation: false,
      // Each ribbon adds a legend entry: more room above the plot so the legend never covers it.
      grid: { left: 70, right: 60, top: 70 + 24 * (ribbons || []).length, bottom: 40 },
      legend: { top: 0, left: 0, right: 40, textStyle: { fontSize: fontSize() * 0.85 },
        data: ["census (documented)", "members between censuses (modelled)", "sections (derived)"]
          .concat((ribbons || []).map(r => r.name)) },
      tooltip: { trigger: "axis", textStyle: { fontSize: fontSize() }, formatter: axisTip },
      xAxis: { type: "time", min: "1922-01-01", max: "1932-12-31", axisLabel: { fontSize: fontSize() } },
      yAxis: [
        { type: "value", name: "members", axisLabel: { fontSize: fontSize() * 0.9, formatter: v => `${v / 1e6}M` } },
        { type: "value", name: "sections", axisLabel: { fontSize: fontSize() * 0.9 }, splitLine: { show: false } }
      ],
      series
    }, true);
    c.off("click");
    c.on("click", p => (p.seriesName.startsWith("sections") ? onSections : onMembers)(p.value[0]));
  }

  /**
   * An ensemble's p5-p95 band as ECharts draws a ribbon: the p5 line, then the gap up to p95 stacked on it and
   * filled, hatched light (a model's spread). Each point keeps p5 and p95 for the tooltip and the browser test.
   */
  function ribbon(id, name, points, i = 0) {
    const colour = i === 0 ? "rgba(179, 18, 29, 0.22)" : "rgba(26, 26, 26, 0.16)";
    return [
      { id: `${id}-p5`, name, type: "line", stack: id, symbol: "none", silent: true, lineStyle: { opacity: 0 },
        itemStyle: { color: colour }, data: points.map(b => ({ value: [b.date, b.p5] })) },
      { id: `${id}-p95`, name, type: "line", stack: id, symbol: "none", silent: true,
        lineStyle: { opacity: 0 }, itemStyle: { color: colour }, areaStyle: { color: colour, opacity: 1 },
        data: points.map(b => ({ value: [b.date, b.p95 - b.p5], p5: b.p5, p50: b.p50, p95: b.p95 })) }
    ];
  }

  /** The axis tooltip: a ribbon says its p5-p95, not the stacked gap ECharts draws with. */
  function axisTip(params) {
    const list = Array.isArray(params) ? params : [params];
    if (!list.length) {
      return "";
    }
    const rows = list.filter(p => !String(p.seriesId || "").endsWith("-p5")).map(p => {
      const v = p.data && p.data.p95 !== undefined
        ? `${Fmt.number(p.data.p5)}–${Fmt.number(p.data.p95)} (median ${Fmt.number(p.data.p50)})`
        : Fmt.number(Array.isArray(p.value) ? p.value[1] : p.value);
      return `${p.marker}${Fmt.escape(p.seriesName)}: <b>${v}</b>`;
    });
    const date = Array.isArray(list[0].value) ? list[0].value[0] : list[0].axisValue;
    return `${Fmt.escape(Fmt.month(new Date(date).toISOString().slice(0, 10)))}<br>${rows.join("<br>")}`;
  }

  /** Aid to one country month by month in one currency: the ensemble's median and its p5-p95 ribbon. */
  function aidBand(points, label, unit, current) {
    const c = chart("aid-chart");
    c.setOption({
      animation: false,
      grid: { left: 70, right: 20, top: 50, bottom: 40 },
      legend: { top: 0, left: 0, textStyle: { fontSize: fontSize() * 0.85 } },
      tooltip: { trigger: "axis", textStyle: { fontSize: fontSize() }, formatter: axisTip },
      xAxis: { type: "time", min: "1922-12-01", max: points.length ? points[points.length - 1].date : "1932-12-31",
        axisLabel: { fontSize: fontSize() } },
      yAxis: { type: "value", name: unit, axisLabel: { fontSize: fontSize() * 0.9 } },
      series: [
        ...ribbon("band-aid", `${label}: p5–p95`, points),
        { id: "band-aid-p50", name: `${label}: median`, type: "line", data: points.map(b => [b.date, b.p50]),
          showSymbol: false, lineStyle: { color: RED, width: 2, type: "dashed" }, itemStyle: { color: RED },
          markLine: { symbol: "none", silent: true, label: { show: false },
            lineStyle: { color: INK, width: 2, type: "solid" }, data: [{ xAxis: current }] } }
      ]
    }, true);
  }

  /** Soviet cities (left) and the countries whose prisons they patronized (right); links active on the date shown. */
  function patronage(links, onClick) {
    if (links.length === 0) {
      empty("patronage-chart", "No patronage links are recorded by this date.");
      return;
    }
    const cities = [...new Set(links.map(l => l.cityName))].sort();
    const countries = [...new Set(links.map(l => l.countryName))].sort();
    const place = (list, i) => (list.length === 1 ? 50 : 5 + i * 90 / (list.length - 1));
    const data = [
      ...cities.map((name, i) => ({ name, x: 0, y: place(cities, i), symbolSize: 14, itemStyle: { color: RED },
        label: { position: "left" } })),
      ...countries.map((name, i) => ({ name: `${name} `, x: 100, y: place(countries, i), symbolSize: 22,
        itemStyle: { color: INK }, label: { position: "right" } }))
    ];
    const c = chart("patronage-chart");
    c.setOption({
      animation: false,
      tooltip: { formatter: p => (p.dataType === "edge" ? `${Fmt.escape(p.data.source)} → ${Fmt.escape(p.data.target)}` : Fmt.escape(p.name)),
        textStyle: { fontSize: fontSize() } },
      series: [{
        type: "graph", layout: "none", left: "30%", right: "30%", top: 20, bottom: 20,
        label: { show: true, fontSize: fontSize() * 0.85 },
        lineStyle: { color: RED, width: 3, opacity: 0.6 },
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        data,
        links: links.map(l => ({ source: l.cityName, target: `${l.countryName} `, link: l }))
      }]
    }, true);
    c.off("click");
    c.on("click", p => {
      const link = p.dataType === "edge" ? p.data.link : links.find(l => l.cityName === p.name || `${l.countryName} ` === p.name);
      if (link) {
        onClick(link);
      }
    });
  }

  return { sankey, membership, aidBand, patronage, empty, bands: () => bands, chart: id => charts[id], fontSize };
})();
