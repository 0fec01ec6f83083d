/*
 * Where a figure comes from, drawn the same way everywhere: documented solid, derived lighter, modelled hatched or
 * dashed, assumed marked with an asterisk. Texture and words carry the origin too, never colour alone.
 */
"use strict";

const Origin = (() => {
  const RED = "#b3121d";
  const LIGHT = "#d4626a"; // derived: lighter, still 3:1 against white for a graphic
  const KINDS = {
    DOCUMENTED: { word: "documented", tip: "stated by a source" },
    DERIVED: { word: "derived", tip: "worked out from the sources by a stated rule" },
    MODELLED: { word: "modelled", tip: "made by a model (simulated): the sources do not give it" },
    ASSUMED: { word: "assumed", tip: "an assumption of the scenario, such as an exchange rate" }
  };
  let pattern = null;

  /** Red stripes on white: what a model drew looks drawn, on a screen, a projector and in black and white. */
  function hatch() {
    if (!pattern) {
      const c = document.createElement("canvas");
      c.width = 10;
      c.height = 10;
      const g = c.getContext("2d");
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, 10, 10);
      g.strokeStyle = RED;
      g.lineWidth = 3;
      g.beginPath();
      g.moveTo(0, 10); g.lineTo(10, 0);
      g.moveTo(-5, 5); g.lineTo(5, -5);
      g.moveTo(5, 15); g.lineTo(15, 5);
      g.stroke();
      pattern = { image: c, repeat: "repeat" };
    }
    return pattern;
  }

  /** A model that spreads a total over time keeps the total; any other model splits it among parties. */
  function spreadsOverTime(rule) {
    return /-months$|over time/.test(rule || "");
  }

  /**
   * A Sankey band's origin from the explained parts of its accounts over the whole record. A split among countries
   * is a model's at any date; a total a model only spread over months is the sources' once the band holds all of it.
   */
  function ofBand(parts, complete) {
    if (!parts || parts.length === 0) {
      return { kind: "DERIVED", why: "no recorded event says how it was made" };
    }
    const splitter = parts.find(p => p.origin === "SIMULATED" && !spreadsOverTime(p.rule));
    if (splitter) {
      return { kind: "MODELLED", rule: splitter.rule,
        why: `the total is the sources', the split is a model's (“${splitter.rule}”)` };
    }
    if (parts.some(p => p.origin === "SIMULATED")) {
      return complete
        ? { kind: "DOCUMENTED", why: "the sources' total; a model only spread it over the months" }
        : { kind: "MODELLED", rule: parts[0].rule,
          why: "part of a documented total: a model placed it in these months" };
    }
    if (parts.some(p => p.origin === "DERIVED")) {
      return { kind: "DERIVED", why: "worked out from the sources by a rule" };
    }
    return { kind: "DOCUMENTED", why: "stated by a source" };
  }

  /** ECharts styles of a band (lineStyle) and a box (itemStyle) of the given origin. */
  function bandStyle(kind) {
    switch (kind) {
      case "MODELLED": return { color: hatch(), opacity: 0.85 };
      case "DERIVED": return { color: LIGHT, opacity: 0.35 };
      default: return { color: RED, opacity: 0.5 };
    }
  }

  function boxStyle(kind) {
    switch (kind) {
      case "MODELLED": return { color: hatch(), borderColor: RED, borderWidth: 2, borderType: "dashed" };
      case "DERIVED": return { color: LIGHT, borderColor: LIGHT };
      default: return { color: RED, borderColor: RED };
    }
  }

  /** A small tag with a swatch and the word, for cards and lists. */
  function tag(kind, assumed) {
    const k = KINDS[kind] || KINDS.DERIVED;
    return `<span class="origin-tag" data-origin="${kind}" title="${k.tip}"><span class="swatch ${kind}" aria-hidden="true"></span>${k.word}${assumed ? "<span class=\"assumed-mark\" title=\"converted at an assumed rate\">*</span>" : ""}</span>`;
  }

  return { ofBand, bandStyle, boxStyle, tag, hatch, RED, LIGHT, KINDS };
})();
