/*
 * Ranges from an ensemble (many runs of one scenario, each drawing the models anew): where a finished ensemble of the
 * shown run's scenario exists, the members chart and the aid chart draw its p5-p95 ribbons and the Sankey's bands say
 * their median and range. A range is a model's spread, never the past: the sources give the totals, the models the
 * rest. Without such an ensemble the panel says how to start one, and nothing else changes.
 */
"use strict";

const Bands = (() => {
  // Membership by scope and month, aid by country and currency, flows between accounts: a few hundred rows each.
  const PREFIXES = ["membership", "aid", "flow"];
  const MAX_PAGES = 20;
  const VARY = {
    seed: "the model's random draws (each run its own seed)",
    placement: "where imprecisely dated events fall within what their dates allow",
    rates: "the exchange rates within the ranges the scenario gives",
    ranges: "figures the sources give as ranges"
  };
  const state = { ensemble: null, bands: new Map(), scenario: null };

  const num = v => (v !== null && typeof v === "object" ? Number(v.decimal) : Number(v));

  /** An item of /api/ensembles/{id}/bands with its values as numbers (money in whole units, unrounded). */
  function band(item) {
    const currency = item.p50 && typeof item.p50 === "object" ? item.p50.currency : null;
    return { figure: item.figure, origin: item.origin, modelled: item.modelled, currency,
      p5: num(item.p5), p50: num(item.p50), p95: num(item.p95), min: num(item.min), max: num(item.max) };
  }

  async function bandsOf(id, figure) {
    const out = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
      const answer = await Api.get(`ensembles/${encodeURIComponent(id)}/bands`, { figure, limit: 1000, offset }, true)
        .catch(e => (e.status === 404 ? { items: [] } : Promise.reject(e)));
      out.push(...(answer.items || []));
      if (!answer.hasMore) {
        break;
      }
      offset += answer.items.length;
    }
    return out;
  }

  /** The newest finished ensemble of the scenario, with its bands; none (or any failure) leaves the page as it was. */
  async function probe(scenario) {
    state.ensemble = null;
    state.bands = new Map();
    state.scenario = scenario;
    try {
      if (!scenario) {
        throw new Error("the shown run names no scenario");
      }
      const list = await Api.get("ensembles", {}, true);
      const found = (list.items || []).filter(e => e.scenario === scenario && /^COMPLETE/i.test(e.status || "")
        && (e.membersDone || 0) >= 2);
      found.sort((a, b) => String(a.finishedAt || "").localeCompare(String(b.finishedAt || "")));
      const chosen = found.length ? found[found.length - 1] : null;
      if (chosen) {
        const bands = new Map();
        (await Promise.all(PREFIXES.map(prefix => bandsOf(chosen.ensembleId, prefix))))
          .forEach(items => items.forEach(item => bands.set(item.figure, band(item))));
        state.bands = bands;
        state.ensemble = chosen;
      }
    } catch (e) {
      state.ensemble = null;
      state.bands = new Map();
    }
    panel();
    return ready();
  }

  function ready() {
    return Boolean(state.ensemble);
  }

  function varyWords(vary) {
    return String(vary || "").split(",").map(w => VARY[w.trim()] || w.trim()).filter(Boolean).join("; ");
  }

  /** "a model's spread over 4 runs of “historical”", the words every range on the page carries. */
  function spreadWords() {
    return `a model's spread over ${state.ensemble.membersDone} runs of “${Fmt.escape(state.ensemble.scenario)}”`;
  }

  function panel() {
    const el = document.getElementById("bands-note");
    const e = state.ensemble;
    el.innerHTML = e
      ? `The shaded ribbons (members, aid by month) and the ranges in the money chart's tooltips are
        <strong>${spreadWords()}</strong> (ensemble <code>${Fmt.escape(e.ensembleId)}</code>), not the past: each run
        draws anew ${Fmt.escape(varyWords(e.vary))}. The ribbon holds the middle 90% of the runs (5th to 95th
        percentile); where the runs agree, it is as thin as a line. ${e.totalsExact ? "Every run keeps the sources' totals exact; only how they are spread moves." : ""}`
      : `No ensemble of “${Fmt.escape(state.scenario || "this scenario")}” yet, so the page shows one run and no ranges.
        An ensemble runs the scenario many times, each drawing the models anew, and shows how far the modelled
        figures could move. Start one with <code>java -jar mopr-ledger.jar ensemble
        ${Fmt.escape(state.scenario || "historical")} --members 40</code>, or <code>POST /api/ensembles</code> with
        the write token and <code>{"scenario":"${Fmt.escape(state.scenario || "historical")}","members":40}</code>,
        then reload this page.`;
    el.dataset.ensemble = e ? "true" : "false";
    el.dataset.ensembleId = e ? e.ensembleId : "";
  }

  /** Month by month, the bands under a prefix such as "membership/ALL" or "aid/IT/XRG", dated the 1st. */
  function monthly(prefix) {
    const out = [];
    const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(\\d{4}-\\d{2})$`);
    for (const [figure, b] of state.bands) {
      const m = figure.match(pattern);
      if (m) {
        out.push({ ...b, date: `${m[1]}-01` });
      }
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Membership ribbons by scope: the whole organisation and, where the sources count it, outside the USSR. */
  function membership() {
    if (!ready()) {
      return [];
    }
    return [["ALL", "members"], ["OUTSIDE_USSR", "members outside the USSR"]]
      .map(([scope, name]) => ({ scope, name: `${name}: ${state.ensemble.membersDone} model runs, p5–p95`,
        points: monthly(`membership/${scope}`) }))
      .filter(r => r.points.length);
  }

  /** Countries with aid in the ensemble, as codes. */
  function aidCountries() {
    return [...new Set([...state.bands.keys()].filter(f => f.startsWith("aid/")).map(f => f.split("/")[1]))].sort();
  }

  function aid(country, currency) {
    return monthly(`aid/${country}/${currency}`);
  }

  /** The ensemble's figure for a Sankey band (its real accounts), or null for bands the ensemble does not keep. */
  function figureOf(accounts) {
    const [sourceKind, sourceId] = accounts.source.split("/");
    const [targetKind, targetId] = accounts.target.split("/");
    const fund = targetKind === "fund" || targetKind === "clearing" ? targetId : null;
    if (targetKind === "aid") {
      return sourceKind === "fund" ? `flow/fund:${sourceId}/aid:${targetId}` : `flow/section:${sourceId}/aid:${targetId}`;
    }
    return sourceKind === "section" && fund ? `flow/section:${sourceId}/fund:${fund}` : null;
  }

  /**
   * A band's ranges up to the month shown, currency by currency. Where nothing moves after that month in any run,
   * the whole record's band is the band up to it; otherwise the band of the shown year (or month) alone, since the
   * percentiles of parts do not add up to the percentiles of a sum.
   */
  function ofLink(link, to, mode, currencies) {
    const figure = ready() ? figureOf(link.accounts) : null;
    if (!figure) {
      return [];
    }
    const out = [];
    for (const currency of currencies) {
      const whole = state.bands.get(`${figure}/${currency}`);
      if (!whole) {
        continue;
      }
      const later = monthly(`${figure}/${currency}`).some(b => b.date.slice(0, 7) > to && b.max > 0);
      const period = mode === "month" ? to : to.slice(0, 4);
      const b = later ? state.bands.get(`${figure}/${currency}/${period}`) : whole;
      if (b) {
        out.push({ currency, band: b, when: later ? `in ${mode === "month" ? Fmt.month(`${to}-01`) : period} alone`
          : `December 1922 to ${Fmt.month(`${to}-01`)}` });
      }
    }
    return out;
  }

  function rangeText({ currency, band: b, when }) {
    const n = v => `${Fmt.number(v)} ${Fmt.currencyName(currency)}`;
    return b.min === b.max
      ? `${when}: ${n(b.p50)} in every run`
      : `${when}: median ${n(b.p50)}; p5–p95 ${Fmt.number(b.p5)}–${Fmt.number(b.p95)}; min–max ${Fmt.number(b.min)}–${Fmt.number(b.max)}`;
  }

  /** The ranges of a band as HTML lines for a tooltip or the dialog, headed by what they are; "" without any. */
  function linkHtml(link, to, mode, currencies) {
    const ranges = ofLink(link, to, mode, currencies);
    if (!ranges.length) {
      return "";
    }
    return `<span class="range-head">Range, ${spreadWords()}:</span><br>${ranges.map(r => Fmt.escape(rangeText(r))).join("<br>")}`;
  }

  /** The same as a paragraph of the citation dialog. */
  function dialogHtml(link, to, mode, currencies) {
    const html = linkHtml(link, to, mode, currencies);
    return html ? `<p class="how range" data-test="citation-range">${html}<br>The run shown is one draw; the sources give
      only the totals.</p>` : "";
  }

  /** The aid chart's choice of country, by name; the chart shows only with an ensemble that sent aid. */
  function countries(names) {
    const select = document.getElementById("aid-country");
    const codes = aidCountries().sort((a, b) => (names[a] || a).localeCompare(names[b] || b));
    const kept = select.value;
    select.innerHTML = codes.map(c => `<option value="${Fmt.escape(c)}">${Fmt.escape(names[c] || c)}</option>`).join("");
    if (codes.includes(kept)) {
      select.value = kept;
    }
    document.getElementById("aid-bands").hidden = !ready() || codes.length === 0;
  }

  /** The chosen country's aid in one currency, month by month, with the date shown marked. */
  function drawAid(date, currency, names) {
    if (document.getElementById("aid-bands").hidden) {
      return;
    }
    const country = document.getElementById("aid-country").value;
    const points = aid(country, currency);
    const name = names[country] || country;
    const e = state.ensemble;
    document.getElementById("aid-bands-hint").textContent = points.length
      ? `In ${Fmt.currencyName(currency)}, as ${e.membersDone} runs of the model drew it (ensemble ${e.ensembleId}): the`
        + " ribbon holds the middle 90% of the runs, the dashed line their median. The run above is one such draw."
      : `No run of the ensemble sent aid to ${name} in ${Fmt.currencyName(currency)}.`;
    if (points.length) {
      Charts.aidBand(points, name, Fmt.currencyName(currency), date);
    } else {
      Charts.empty("aid-chart", `No aid to ${name} in ${Fmt.currencyName(currency)}.`);
    }
  }

  return { probe, ready, membership, countries, drawAid, aid, ofLink, linkHtml, dialogHtml, rangeText,
    ensemble: () => state.ensemble };
})();
