/*
 * Where the sources disagree, as switches: both passages side by side, and a reading to pick. Picking a reading a
 * shipped what-if takes shows that what-if's run and marks the figures that change.
 */
"use strict";

const Conflicts = (() => {
  /** The claim each shipped what-if prefers, and the claim the historical scenario keeps for the same figure. */
  const READINGS = {
    "c003.affiliates-1932-62": "affiliates-62",
    "c003.sections-1932-outside-ussr-67": "historical"
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
            state.pairs.push([c.id, other].sort((a, b) => (READINGS[b] ? 1 : 0) - (READINGS[a] ? 1 : 0) || a.localeCompare(b)));
          }
        }
      }
      // Pairs a class can switch come first.
      const switchable = p => p.filter(id => READINGS[id]).length;
      state.pairs.sort((a, b) => switchable(b) - switchable(a));
      $("conflict-choice").innerHTML = state.pairs.map((p, i) => `<option value="${i}">${switchable(p) === 2 ? "⇄ " : ""}${Fmt.escape(
        short(state.claims.get(p[0]).statement))} / ${Fmt.escape(short(state.claims.get(p[1]).statement))}</option>`).join("");
      $("conflict-count").textContent = `${state.pairs.length} pairs of passages disagree; ⇄ marks those a class can switch.`;
      $("conflict-choice").addEventListener("change", e => pair(Number(e.target.value)));
      pair(0);
    } catch (e) {
      $("conflict-pair").innerHTML = `<p class="problem">${Fmt.escape(e.message)}</p>`;
    }
  }

  function short(text) {
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }

  /** One pair: two passages side by side, each with the button that takes its reading. */
  function pair(index) {
    const [a, b] = state.pairs[index];
    $("conflict-pair").innerHTML = [a, b].map(id => {
      const c = state.claims.get(id);
      const scenario = READINGS[id];
      const button = scenario
        ? `<button type="button" class="reading-pick" data-test="reading" data-claim="${Fmt.escape(id)}"
            data-scenario="${scenario}" aria-pressed="false">Read it this way</button>`
        : "<p class=\"how\">No shipped what-if takes this reading: the ledger keeps both passages and the reconciliation shows both.</p>";
      return `<div class="reading" data-test="conflict-reading" data-claim="${Fmt.escape(id)}">
        <p>${Fmt.escape(c.statement)}</p>
        <blockquote data-test="conflict-quote">${Fmt.escape(c.quote)}</blockquote>
        <cite>Source: ${Fmt.escape(c.source)} · claim ${Fmt.escape(c.id)}</cite>${button}</div>`;
    }).join("");
    $("conflict-result").innerHTML = "";
    $("conflict-pair").querySelectorAll(".reading-pick").forEach(el => el.addEventListener("click", () => pick(el)));
  }

  /** Shows the run of a reading (the latest complete one of its scenario) and what differs from the default run. */
  async function pick(button) {
    const result = $("conflict-result");
    const scenario = button.dataset.scenario;
    const claim = state.claims.get(button.dataset.claim);
    document.querySelectorAll(".reading-pick").forEach(el => el.setAttribute("aria-pressed", String(el === button)));
    result.innerHTML = "<p>Looking for this reading's run…</p>";
    try {
      const runs = await Api.get("runs", { limit: 100 }, true);
      const base = runs.summary.defaultRun;
      const run = runs.items.filter(r => r.scenario === scenario && r.status === "COMPLETE").pop();
      if (!run) {
        result.innerHTML = `<p data-test="reading-missing">This reading's run (the what-if “${Fmt.escape(scenario)}”) is not in the
          store yet. Start it with <code>java -jar mopr-ledger.jar run ${Fmt.escape(scenario)}</code>, or
          <code>POST /api/runs {"scenario": "${Fmt.escape(scenario)}"}</code> with the write token, then pick it again.</p>`;
        return;
      }
      const compare = run.runId === base ? { items: [] } : await Api.get("compare", { a: base, b: run.runId, limit: 100 }, true);
      await Page.show({ date: claim.date.latest || claim.date.earliest || "1932-12-31" });
      const cards = await Page.switchRun(run.runId === base ? null : run.runId);
      const rows = compare.items.map(f => `<li data-test="changed-figure"><mark>${Fmt.escape(f.figure)}</mark>:
        ${Fmt.escape(f.a ?? "none")} → <mark>${Fmt.escape(f.b ?? "none")}</mark></li>`);
      result.innerHTML = `<p data-test="reading-run" data-run="${Fmt.escape(run.runId)}">The page now shows run
        <code>${Fmt.escape(run.runId)}</code>${run.runId === base ? ", the historical reading" : ""}.
        ${rows.length ? `Figures that change against <code>${Fmt.escape(base)}</code>:` : ""}</p>
        ${rows.length ? `<ul class="changes">${rows.join("")}</ul>` : ""}
        <p class="how" data-test="changed-on-page">${cards.length ? `Outlined above, what reads differently now: ${cards.map(Fmt.escape).join("; ")}.`
          : "Nothing shown at this date reads differently."}</p>`;
    } catch (e) {
      result.innerHTML = `<p class="problem">${Fmt.escape(e.message)}</p>`;
    }
  }

  document.addEventListener("DOMContentLoaded", init);
  return { pick };
})();
