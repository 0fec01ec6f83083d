/* The citation panel: for a figure, the passages and seeds it rests on, and how the ledger used them. */
"use strict";

const Citation = (() => {
  const panel = () => document.getElementById("citation");
  const body = () => document.getElementById("citation-body");

  /** What a model did, as a class would say it: spread a total over months, estimate between counts, or split it. */
  function modelVerb(rule) {
    if (/-months$/.test(rule || "")) {
      return "Spread over the months";
    }
    return /census/.test(rule || "") ? "Estimated between the censuses" : "Split among the recipients";
  }

  /** How an event came about, in a sentence a class can follow. */
  function how(part) {
    switch (part.origin) {
      case "DOCUMENTED":
        return "Stated by the source.";
      case "DERIVED":
        return `Derived from the source by a rule: ${Fmt.escape(part.rule)}.`;
      case "SIMULATED":
        return `${modelVerb(part.rule)} by the model “${Fmt.escape(part.rule)}”${part.seed !== null && part.seed !== undefined
          ? ` (seed ${part.seed})` : ""}${/census/.test(part.rule || "") ? " from the counts below: the counts are the sources', the line between them a model's."
          : " from the documented total below: the total is the sources', the split is a model's."}`;
      case "ASSUMED":
        return `Assumed by the scenario, not stated by any source: ${Fmt.escape(part.rule)}.`;
      case "CARRIED_FORWARD":
        return "Carried forward from the last census: the sources give no figure for this day.";
      default:
        return "No provenance recorded.";
    }
  }

  function claimHtml(claim) {
    const flags = claim.flags && claim.flags.length
      ? `<span class="flags" data-test="citation-flags">${Fmt.escape(claim.flags.join(", ").toLowerCase())}</span> ` : "";
    const conflicts = claim.conflictsWith && claim.conflictsWith.length
      ? `<p class="how">Other sources disagree: ${claim.conflictsWith.map(Fmt.escape).join(", ")}.</p>` : "";
    return `<div class="claim" data-test="citation-claim" data-claim="${Fmt.escape(claim.id)}">
      <p>${flags}${Fmt.escape(claim.statement)}</p>
      <blockquote data-test="citation-quote">${Fmt.escape(claim.quote)}</blockquote>
      <cite>Source: <span data-test="citation-source">${Fmt.escape(claim.source)}</span> · claim ${Fmt.escape(claim.id)}
        · confidence ${Fmt.escape((claim.confidence || "").toLowerCase())}</cite>
      ${conflicts}
    </div>`;
  }

  /** Parts made the same way (one model, one seed) are one sentence, with their amounts in each currency. */
  function partsHtml(parts) {
    const groups = new Map();
    for (const p of parts) {
      const key = `${p.origin}|${p.rule}|${p.seed}`;
      const g = groups.get(key) || { part: p, amounts: [], events: 0 };
      if (p.amount) {
        g.amounts.push(Fmt.money(p.amount));
      }
      g.events += p.events;
      groups.set(key, g);
    }
    const shown = [...groups.values()].slice(0, 4).map(g => `<p class="how">${how(g.part)}
      ${g.amounts.length ? ` In all: ${g.amounts.join(", ")}.` : ""}</p>`);
    const more = groups.size > 4 ? `<p class="how">…and ${groups.size - 4} more ways this figure was made.</p>` : "";
    return shown.join("") + more;
  }

  function explanationHtml(view) {
    const claims = view.claims.length
      ? view.claims.slice(0, 8).map(claimHtml).join("")
      : "<p>No documented claim stands behind this figure.</p>";
    const hidden = view.claims.length > 8 ? `<p class="how">…and ${view.claims.length - 8} more passages.</p>` : "";
    return `<div class="explanation" data-test="explanation"><p class="figure-id">${Fmt.escape(view.description)}</p>
      ${partsHtml(view.parts)}${claims}${hidden}</div>`;
  }

  let opener = null;

  /** Opens the dialog and moves the focus into it; closing gives the focus back to what opened it. */
  function open(title) {
    if (panel().hidden) {
      opener = document.activeElement;
    }
    document.getElementById("citation-title").textContent = title;
    body().innerHTML = "<p>Looking up the sources…</p>";
    panel().hidden = false;
    document.getElementById("citation-close").focus();
  }

  /** Tab and Shift+Tab go round the dialog's own controls while it is open (a modal dialog keeps the focus). */
  function trap(e) {
    if (panel().hidden || e.key !== "Tab") {
      return;
    }
    const focusable = [...panel().querySelectorAll("button, a[href], [tabindex]:not([tabindex='-1'])")]
      .filter(el => !el.disabled);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!panel().contains(document.activeElement)) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  /** Shows the explanations of a figure (one or several requests to /api/explain), after a preface (an ensemble's range). */
  async function show(title, requests, preface = "") {
    open(title);
    try {
      const views = (await Promise.all(requests.map(r => Api.get("explain", r)))).filter(v => v.events.length);
      body().innerHTML = preface + (views.length ? views.map(explanationHtml).join("<hr>")
        : "<p>No recorded event stands behind this figure.</p>");
      panel().dataset.loaded = "true";
    } catch (e) {
      body().innerHTML = `<p class="problem">${Fmt.escape(e.message)}</p>`;
    }
  }

  /** The reconciliation lines of one status, each with its reason and the passage it checks. */
  async function lines(status) {
    open(`${status.toLowerCase()}: claims checked against the ledger`);
    try {
      const page = await Api.get("reconciliation", { status, limit: 30 });
      const rows = page.items.map(l => `<li><b>${Fmt.escape(l.claimId)}</b>: expected ${Fmt.escape(l.expected)}
        ${l.actual ? `, ledger ${Fmt.escape(l.actual)}` : ""}. ${Fmt.escape(l.reason)}
        <blockquote data-test="citation-quote">${Fmt.escape(l.quote)}</blockquote>
        <cite>Source: <span data-test="citation-source">${Fmt.escape(l.source)}</span></cite></li>`);
      const more = page.hasMore ? "<p class=\"how\">…more in the API: /api/reconciliation</p>" : "";
      body().innerHTML = rows.length ? `<ul class="lines">${rows.join("")}</ul>${more}` : "<p>No claim has this status.</p>";
      panel().dataset.loaded = "true";
    } catch (e) {
      body().innerHTML = `<p class="problem">${Fmt.escape(e.message)}</p>`;
    }
  }

  function close() {
    if (panel().hidden) {
      return;
    }
    panel().hidden = true;
    panel().dataset.loaded = "false";
    if (opener && document.contains(opener)) {
      opener.focus();
    }
    opener = null;
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("citation-close").addEventListener("click", close);
    document.addEventListener("keydown", e => {
      if (e.key === "Escape") {
        close();
      }
      trap(e);
    });
  });

  return { show, lines, close };
})();
