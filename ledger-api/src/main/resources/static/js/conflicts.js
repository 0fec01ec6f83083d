/*
 * Where the sources disagree, as switches: both passages side by side, and a reading to pick. Picking a reading a
 * shipped what-if takes shows that what-if's run and marks the figures that change; a pair no run can show says why.
 */
"use strict";

const Conflicts = (() => {
  /**
   * The shipped scenario that takes each claim's reading: "historical" for the side the historical run keeps, a
   * what-if for the other. The German and Bulgarian passages of seed 001 (formed earlier, seated in the Central
   * Committee of March 1923, at work from 1921) all need the section to exist before the table's date.
   */
  const READINGS = {
    "c003.affiliates-1932-62": "affiliates-62",
    "c003.sections-1932-outside-ussr-67": "historical",
    "c001.de-formed-1921-04": "de-founded-1921",
    "c001.cc-rep-budich-de": "de-founded-1921",
    "c001.de-support-1921-1924": "de-founded-1921",
    "c003.affiliate-de": "historical",
    "c001.bg-formed-1920": "bg-formed-1920",
    "c001.cc-rep-kolarov-bg": "bg-formed-1920",
    "c003.affiliate-bg": "historical"
  };
  /** Why no run shows a reading: a run's figures follow from money, foundings and censuses, nothing else. */
  const TABLE_RANGE = "the stated count is booked with its census in every run, and the table's range is counted from "
    + "the table's own rows; no what-if can date the rows the table leaves undated, so the reconciliation marks the count "
    + "INCOMPLETE against them";
  const WHY = {
    "c003.affiliates-1924-nineteen": TABLE_RANGE,
    "c003.table-affiliates-by-1924": TABLE_RANGE,
    "c002.sections-1928": TABLE_RANGE,
    "c003.sections-1928": TABLE_RANGE,
    "c003.table-affiliates-by-1928": TABLE_RANGE,
    "c002.organisations-1931": TABLE_RANGE,
    "c003.organisations-1931": TABLE_RANGE,
    "c003.table-affiliates-by-1931": TABLE_RANGE,
    "c003.table-affiliates-by-1932-outside-ussr": TABLE_RANGE
  };
  const BY_KIND = {
    TEXT: "what the sources call the organisation changes no figure a run computes",
    LINK: "who led MOPR, and with which title, changes no figure a run computes",
    DATE: "no shipped what-if moves this date",
    COUNT: "no shipped what-if takes this count",
    MONEY: "no shipped what-if takes this sum"
  };
  const state = { pairs: [], claims: new Map() };
  const $ = id => document.getElementById(id);

  async function init() {
    try {
      const catalog = await Api.get("catalog", { limit: 1000 }, true);
      catalog.items.forEach(c => state.claims.set(c.id, c));
      const seen = new Set();
      for (const c of catalog.items) {
        for (const other of c.conflictsWith || []) {
          const key = [c.id, other].sort().join("|");
          if (!seen.has(key) && state.claims.has(other)) {
            seen.add(key);
            // The side a what-if takes first, then the side the historical run keeps.
            const rank = id => (READINGS[id] && READINGS[id] !== "historical" ? 2 : READINGS[id] ? 1 : 0);
            state.pairs.push([c.id, other].sort((a, b) => rank(b) - rank(a) || a.localeCompare(b)));
          }
        }
      }
      // Pairs a class can switch come first (the sort keeps the catalog's order otherwise).
      state.pairs.sort((a, b) => Number(switchable(b)) - Number(switchable(a)));
      $("conflict-choice").innerHTML = state.pairs.map((p, i) => `<option value="${i}" data-claims="${Fmt.escape(p.join(" "))}">${
        switchable(p) ? "⇄ " : ""}${Fmt.escape(short(state.claims.get(p[0]).statement))} / ${Fmt.escape(
        short(state.claims.get(p[1]).statement))}</option>`).join("");
      const count = state.pairs.filter(switchable).length;
      $("conflict-count").textContent = `${state.pairs.length} pairs of passages disagree; ⇄ marks the ${count} a class can switch.`;
      $("conflict-choice").addEventListener("change", e => pair(Number(e.target.value)));
      pair(0);
    } catch (e) {
      $("conflict-pair").innerHTML = `<p class="problem">${Fmt.escape(e.message)}</p>`;
    }
  }

  function short(text) {
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }

  /** Why a claim's reading has no run: a passage outside the period, a known count, a body's name, or its kind. */
  function why(c) {
    if (c.outOfScope) {
      return `a run ends with the ledger's period, and one passage lies outside it: ${c.outOfScope.replace(/\.$/, "")}`;
    }
    if (WHY[c.id]) {
      return WHY[c.id];
    }
    if ((c.subject || "").startsWith("body:")) {
      return "what the governing body was called, and from when, changes no figure a run computes";
    }
    return BY_KIND[c.kind] || "no shipped what-if takes this reading";
  }

  /** A what-if (not the historical run) takes at least one of the pair's readings. */
  function switchable(p) {
    return p.some(id => READINGS[id] && READINGS[id] !== "historical");
  }

  /**
   * One pair: two passages side by side, each with the button that takes its reading; a pair no run can show says
   * so once, with the reason, and a reading without a run says why under its passage.
   */
  function pair(index) {
    const ids = state.pairs[index];
    const canSwitch = switchable(ids);
    const passages = ids.map(id => {
      const c = state.claims.get(id);
      const scenario = canSwitch ? READINGS[id] : null;
      const button = scenario
        ? `<button type="button" class="reading-pick" data-test="reading" data-claim="${Fmt.escape(id)}"
            data-scenario="${Fmt.escape(scenario)}" aria-pressed="false">Read it this way</button>`
        : canSwitch ? `<p class="how" data-test="reading-none">No shipped what-if takes this reading: ${Fmt.escape(why(c))}.</p>` : "";
      return `<div class="reading" data-test="conflict-reading" data-claim="${Fmt.escape(id)}">
        <p>${Fmt.escape(c.statement)}</p>
        <blockquote data-test="conflict-quote">${Fmt.escape(c.quote)}</blockquote>
        <cite>Source: ${Fmt.escape(c.source)} · claim ${Fmt.escape(c.id)}</cite>${button}</div>`;
    }).join("");
    // The reason of the passage that has one of its own (outside the period, a known count) before a kind's.
    const claims = ids.map(id => state.claims.get(id));
    const reason = why(claims.find(c => c.outOfScope) || claims.find(c => WHY[c.id]) || claims[0]);
    $("conflict-pair").innerHTML = passages;
    $("conflict-result").innerHTML = canSwitch ? "" : `<p class="how" data-test="no-run">No run can show this conflict:
      ${Fmt.escape(reason)}. The ledger keeps both passages, and the reconciliation shows both.</p>`;
    $("conflict-pair").querySelectorAll(".reading-pick").forEach(el => el.addEventListener("click", () => pick(el)));
  }

  /**
   * Shows the run of a reading (the default run for the historical reading, else the newest complete run of its
   * what-if), what differs from the default run, figure by figure and check by check, and outlines what reads
   * differently on the page at the passage's date.
   */
  async function pick(button) {
    const result = $("conflict-result");
    const scenario = button.dataset.scenario;
    const claim = state.claims.get(button.dataset.claim);
    document.querySelectorAll(".reading-pick").forEach(el => el.setAttribute("aria-pressed", String(el === button)));
    result.innerHTML = "<p>Looking for this reading's run…</p>";
    try {
      const runs = await Api.get("runs", { scenario, limit: 100 }, true);
      const base = runs.summary.defaultRun;
      const complete = runs.items.filter(r => r.status === "COMPLETE");
      const run = scenario === "historical" ? complete.find(r => r.runId === base) || complete[0] : complete[0];
      if (!run) {
        result.innerHTML = `<p data-test="reading-missing">This reading's run (the what-if “${Fmt.escape(scenario)}”) is not in the
          store yet. Start it with <code>java -jar mopr-ledger.jar run ${Fmt.escape(scenario)}</code>, or
          <code>POST /api/runs {"scenario": "${Fmt.escape(scenario)}"}</code> with the write token, then pick it again.</p>`;
        return;
      }
      const same = run.runId === base;
      const compare = same ? { items: [], summary: {} } : await Api.get("compare", { a: base, b: run.runId, limit: 100 }, true);
      // Outlines are against the default run, even when another reading's run is shown now.
      if (Api.run()) {
        await Page.switchRun(null);
      }
      await Page.show({ date: claim.date.latest || claim.date.earliest || "1932-12-31" });
      const cards = await Page.switchRun(same ? null : run.runId);
      const rows = compare.items.map(f => `<li data-test="changed-figure"><mark>${Fmt.escape(f.figure)}</mark>:
        ${Fmt.escape(f.a ?? "none")} → <mark>${Fmt.escape(f.b ?? "none")}</mark></li>`);
      const checks = (compare.summary.reconciliationChanges || []).slice(0, 12).map(r => `<li data-test="changed-check">
        claim ${Fmt.escape(r.claimId)}: ${Fmt.escape((r.statusA || "none").toLowerCase())} → <mark>${Fmt.escape(
        (r.statusB || "none").toLowerCase())}</mark></li>`);
      result.innerHTML = `<p data-test="reading-run" data-run="${Fmt.escape(run.runId)}">The page now shows run
        <code>${Fmt.escape(run.runId)}</code>${same ? ", the historical reading" : ""}.
        ${rows.length ? `Figures that change against <code>${Fmt.escape(base)}</code>:` : same ? "" : "No figure differs from the default run."}</p>
        ${rows.length ? `<ul class="changes">${rows.join("")}</ul>` : ""}
        ${checks.length ? `<p>Checks of the reconciliation that change:</p><ul class="changes">${checks.join("")}</ul>` : ""}
        <p class="how" data-test="changed-on-page">${cards.length ? `Outlined above, what reads differently now: ${cards.map(Fmt.escape).join("; ")}.`
          : "Nothing shown at this date reads differently."}</p>`;
    } catch (e) {
      result.innerHTML = `<p class="problem">${Fmt.escape(e.message)}</p>`;
    }
  }

  document.addEventListener("DOMContentLoaded", init);
  return { pick };
})();
