/*
 * Ranges from an ensemble (many seeded runs of one scenario): where one of the shown run's scenario exists, the
 * membership chart shows its p5-p95 ribbon. Without ensembles in the API, or without one for this scenario, the
 * page says how to start one and draws no ribbon.
 */
"use strict";

const Bands = (() => {
  const FIGURES = ["membership", "aid"];
  const state = { ensemble: null, bands: {} };

  /** A band point as the API may write it: a date and its 5th, 50th and 95th percentiles. */
  function point(b) {
    const p = b.percentiles || b;
    const date = b.date || b.at || (b.month ? `${b.month}-01` : null);
    const p5 = Number(p.p5);
    const p95 = Number(p.p95);
    return date && Number.isFinite(p5) && Number.isFinite(p95) ? { date, p5, p50: Number(p.p50 ?? p.median), p95 } : null;
  }

  /** Asks for an ensemble of the scenario; any failure (no such endpoint, none yet) leaves the page without ribbons. */
  async function probe(scenario) {
    state.ensemble = null;
    state.bands = {};
    let note = "";
    try {
      // The API's own description says whether ensembles exist, without a 404 in the console when they do not.
      const docs = await fetch("v3/api-docs", { headers: { Accept: "application/json" } }).then(r => (r.ok ? r.json() : {}));
      if (!(docs.paths || {})["/api/ensembles"]) {
        throw new Error("this ledger has no ensembles");
      }
      const list = await Api.get("ensembles", { scenario, limit: 100 }, true);
      const found = (list.items || []).filter(e => e.scenario === scenario && (!e.status || e.status === "COMPLETE"));
      state.ensemble = found.length ? found[found.length - 1] : null;
      if (state.ensemble) {
        const id = state.ensemble.ensembleId || state.ensemble.id;
        for (const figure of FIGURES) {
          const answer = await Api.get(`ensembles/${encodeURIComponent(id)}/bands`, { figure, limit: 1000 }, true)
            .catch(() => ({ items: [] }));
          state.bands[figure] = (answer.items || []).map(point).filter(Boolean);
        }
        note = `The shaded ribbon is the range (5th to 95th percentile) of ${state.ensemble.runs || "several"} runs of
          “${Fmt.escape(scenario)}” with different seeds: how much the modelled figures depend on the model's draw.`;
      }
    } catch (e) {
      state.ensemble = null;
    }
    if (!state.ensemble) {
      note = `No ensemble of “${Fmt.escape(scenario)}” yet, so no ranges are shown. An ensemble runs the scenario with many
        seeds and shows how far the modelled figures could move: start one with
        <code>java -jar mopr-ledger.jar ensemble ${Fmt.escape(scenario)}</code> or <code>POST /api/ensembles</code>
        with the write token, then reload this page.`;
    }
    const el = document.getElementById("bands-note");
    el.innerHTML = note;
    el.dataset.ensemble = state.ensemble ? "true" : "false";
  }

  function of(figure) {
    return state.bands[figure] && state.bands[figure].length ? state.bands[figure] : null;
  }

  return { probe, of };
})();
