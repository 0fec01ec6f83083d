/* The page's state: the date shown, playing or not, and what is drawn for that date. */
"use strict";

const Page = (() => {
  const DELAY = { year: 2200, month: 700 };
  const state = { mode: "year", index: 0, steps: { year: [], month: [] }, happenings: [], patronage: [],
    countries: {}, playing: null, drawn: 0, ready: null };

  const $ = id => document.getElementById(id);

  function step() {
    return state.steps[state.mode][state.index];
  }

  /** The last month whose money counts for the step: the year's December, or the month before the 1st shown. */
  function moneyTo(point) {
    const [y, m] = point.date.split("-").map(Number);
    if (state.mode === "year") {
      return `${y}-12`;
    }
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  }

  function label(point) {
    return state.mode === "year" ? point.date.slice(0, 4) : Fmt.month(point.date);
  }

  /** Loads the shown run's figures; resolves when the page is drawn (the lesson and the conflicts wait on it). */
  function load() {
    state.ready = loadOnce();
    return state.ready;
  }

  async function loadOnce() {
    document.body.dataset.ready = "false";
    Money.reset();
    try {
      const [years, months, happenings, sections, patronage, reconciliation] = await Promise.all([
        Api.get("timeline", { from: "1922-12-31", to: "1932-12-31", step: "year", limit: 1000 }),
        Api.get("timeline", { from: "1922-12-01", to: "1932-12-01", step: "month", limit: 1000 }),
        Api.all("timeline/happenings"),
        Api.all("sections"),
        Api.all("patronage"),
        Api.get("reconciliation", { limit: 1 })
      ]);
      state.steps.year = years.items;
      state.steps.month = months.items;
      state.lastCensus = years.summary && years.summary.lastCensus;
      state.happenings = happenings.items;
      state.patronage = patronage.items;
      sections.items.forEach(s => { state.countries[s.code] = s.country; });
      state.index = Math.min(state.index, state.steps[state.mode].length - 1);
      $("run-id").textContent = years.run;
      badges(reconciliation.summary.byStatus, reconciliation.summary.byBasis || {});
      $("slider").max = state.steps[state.mode].length - 1;
      // The ranges are looked up before the first drawing, so the page is drawn once, whole; a missing or broken
      // ensemble only leaves them out.
      await Api.get(`runs/${encodeURIComponent(years.run)}`, {}, true).then(r => Bands.probe(r.scenario))
        .catch(() => Bands.probe(null));
      Bands.countries(state.countries);
      await draw();
      $("problem").hidden = true;
      document.body.dataset.ready = "true";
    } catch (e) {
      problem(e.message);
      // 503: the projections are being rebuilt, or the store is away for a moment; the figures come when they are whole.
      if (e.status === 503) {
        setTimeout(load, 5000);
      }
    }
  }

  function problem(message) {
    $("problem").textContent = `The ledger could not answer: ${message}`;
    $("problem").hidden = false;
  }

  /** A round trip's MATCH only shows the ledger kept the figure: each badge says how many lines were independent. */
  function badges(byStatus, byBasis) {
    const of = (basis, status) => (byBasis[basis] || {})[status] || 0;
    $("badges").innerHTML = Object.entries(byStatus).map(([status, n]) =>
      `<button type="button" class="badge ${status}" data-test="badge-${status}" data-status="${status}"
        title="claims whose check ended ${status.toLowerCase()}: ${of("ROUND_TRIP", status)} round trips (the figure went into the events checked), ${of("CONSERVATION", status)} totals against their spread parts, ${of("INDEPENDENT", status)} independent checks"><span class="count">${n}</span>${status.toLowerCase()}
        <small class="basis" data-test="badge-${status}-independent">${of("INDEPENDENT", status)} independent</small></button>`).join("");
    $("badges").querySelectorAll("button").forEach(b => b.addEventListener("click", () => Citation.lines(b.dataset.status)));
  }

  async function draw() {
    const point = step();
    const ticket = ++state.drawn;
    $("year").textContent = label(point);
    $("slider").value = state.index;
    figures(point);
    happenings(point);
    const active = state.patronage.filter(l => l.placedOn <= point.date && (!l.endedOn || l.endedOn > point.date));
    $("figure-patronage").querySelector(".num").textContent = Fmt.number(active.length);
    $("figure-patronage").querySelector(".note").innerHTML =
      `${Origin.tag("DERIVED")} documented links, dated within their stated years`;
    $("figure-patronage").dataset.origin = "DERIVED";
    Charts.patronage(active, l => Citation.show(`${l.cityName} and prisoners in ${l.countryName}`,
      [{ figure: "event", index: l.establishedIndex }]));
    Charts.membership(state.steps.month, point.date, d => explainMembers(d), d => explainSections(d), Bands.membership());
    Bands.drawAid(point.date, Money.nativeCurrency() || "XRG", state.countries);
    await money(point, ticket);
  }

  /** The currencies a range is given in: the one shown, or all three when the Sankey converts them to gold rubles. */
  function rangeCurrencies() {
    return Money.nativeCurrency() ? [Money.nativeCurrency()] : ["XRG", "USD", "FRF"];
  }

  /** The cards: each says where its figure comes from, in a word and a swatch, before any click. */
  function figures(point) {
    const members = $("figure-members");
    members.querySelector(".num").textContent = Fmt.number(point.members);
    const census = point.membersKind === "CENSUS";
    members.querySelector(".note").innerHTML = point.members === null
      ? Fmt.escape(state.lastCensus && point.date > state.lastCensus
        ? `no count after the last census (${Fmt.day(state.lastCensus)}): the sources say nothing` : "not counted by the sources yet")
      : `${Origin.tag(census ? "DOCUMENTED" : "MODELLED")} ${Fmt.escape(census ? `census of ${Fmt.day(point.membersAsOf)}`
        : "estimated between two censuses")}`;
    members.dataset.origin = point.members === null ? "" : census ? "DOCUMENTED" : "MODELLED";
    members.disabled = point.members === null;
    const sections = $("figure-sections");
    sections.querySelector(".num").textContent = Fmt.number(point.sections);
    sections.querySelector(".note").innerHTML = `${Origin.tag("DERIVED")} ${Fmt.escape(point.statedSections !== null
      ? `counted from founding days; the sources say ${point.statedSections} (${Fmt.day(point.statedSectionsAsOf)})`
      : `counted from founding days placed in their years, on ${Fmt.day(point.date)}`)}`;
    sections.dataset.origin = "DERIVED";
  }

  function happenings(point) {
    const from = state.mode === "year" ? `${point.date.slice(0, 4)}-01-01` : point.date;
    const to = state.mode === "year" ? `${point.date.slice(0, 4)}-12-31` : `${point.date.slice(0, 7)}-31`;
    const items = state.happenings.filter(h => h.date >= from && h.date <= to);
    const shown = items.slice(0, 12).map(h => `<li><button type="button" data-test="happening" data-index="${h.globalIndex}">
      <span class="when">${Fmt.escape(when(h))}</span>${Fmt.escape(describe(h))}</button></li>`);
    if (items.length > 12) {
      shown.push(`<li class="more">and ${items.length - 12} more</li>`);
    }
    $("happenings").innerHTML = shown.join("") || "<li class=\"more\">Nothing dated in the sources for this time.</li>";
    $("happenings").querySelectorAll("button").forEach(b => b.addEventListener("click", () =>
      Citation.show(b.textContent.trim(), [{ figure: "event", index: b.dataset.index }])));
  }

  /** The date as the source wrote it; where the ledger had to place it elsewhere (before MOPR existed), both. */
  function when(h) {
    const written = h.dateAsWritten || h.date;
    return written.startsWith(h.date.slice(0, 4)) ? written : `${written}, placed ${h.date}`;
  }

  function describe(h) {
    const country = code => state.countries[code] || code;
    const capital = t => (t ? t.charAt(0).toUpperCase() + t.slice(1) : "");
    switch (h.kind) {
      case "ORGANISATION": return "MOPR founded";
      case "RENAMED": return `The governing body becomes the ${h.subject}`;
      case "LEADER": return `${h.subject}${h.detail ? `, ${h.detail}` : ""}`;
      case "CONFERENCE": return `${capital(h.subject)}${h.detail ? ` in ${h.detail}` : ""}`;
      case "SECTION": return `Section founded: ${country(h.subject)}`;
      case "SECTION_DISSOLVED": return `Section dissolved: ${country(h.subject)}`;
      case "PATRONAGE": return `${h.subject} takes up prisoners in ${country(h.detail)}`;
      case "CENSUS": return `Count: ${h.detail.replace(/\d+/g, n => Fmt.number(Number(n)))}`;
      default: return h.subject;
    }
  }

  async function money(point, ticket) {
    const to = moneyTo(point);
    const aid = $("figure-aid");
    if (to < Money.FIRST_MONTH) {
      Charts.empty("sankey", "No money had moved yet.");
      aid.querySelector(".num").textContent = "–";
      aid.querySelector(".note").textContent = "nothing recorded yet";
      return;
    }
    let drawn;
    try {
      drawn = await Money.draw(to, () => ticket === state.drawn, band => Citation.show(
        `Money from “${band.source}” to “${band.target}”`, [{ figure: "flow", source: band.accounts.source,
          target: band.accounts.target, from: Money.FIRST_MONTH, to, currency: Money.nativeCurrency() }],
        Bands.dialogHtml(band, to, state.mode, rangeCurrencies())),
        band => Bands.linkHtml(band, to, state.mode, rangeCurrencies()));
    } catch (e) {
      Charts.empty("sankey", e.message);
      return;
    }
    if (!drawn) {
      return; // a later step was asked for while this one loaded
    }
    if (!drawn.drawn) {
      Charts.empty("sankey", `No money movements in ${Money.unit()} are recorded up to ${Fmt.month(`${to}-01`)}.`);
    }
    aid.querySelector(".num").textContent = drawn.total ? `${Fmt.number(drawn.total)}${drawn.assumed ? "*" : ""}` : "–";
    aid.querySelector(".note").innerHTML = drawn.total
      ? `total ${Origin.tag(drawn.totalOrigin, drawn.assumed)}, split ${Origin.tag("MODELLED")}: ${Fmt.escape(Money.unit())}, Dec 1922 to ${Fmt.month(`${to}-01`)}:
        <strong>the total is the sources', the split is a model's</strong>` : "nothing recorded yet";
    aid.dataset.origin = drawn.total ? drawn.totalOrigin : "";
    aid.dataset.to = to;
  }

  function explainMembers(date) {
    Citation.show(`Members of MOPR on ${Fmt.day(date)}`, [{ figure: "membership", scope: "all", at: date }]);
  }

  function explainSections(date) {
    Citation.show(`National sections on ${Fmt.day(date)}`, [{ figure: "sections", at: date, limit: 100 }]);
  }

  function play() {
    if (state.playing) {
      pause();
      return;
    }
    if (state.index >= state.steps[state.mode].length - 1) {
      state.index = 0;
    }
    $("play").textContent = "❚❚ Pause";
    $("play").setAttribute("aria-pressed", "true");
    const tick = () => {
      if (state.index >= state.steps[state.mode].length - 1) {
        pause();
        return;
      }
      state.index++;
      draw();
    };
    state.playing = setInterval(tick, DELAY[state.mode]);
    tick();
  }

  function pause() {
    clearInterval(state.playing);
    state.playing = null;
    $("play").textContent = "▶ Play";
    $("play").setAttribute("aria-pressed", "false");
  }

  function setMode(mode) {
    const date = step().date;
    state.mode = mode;
    const steps = state.steps[mode];
    const found = steps.findIndex(p => p.date >= date);
    state.index = found < 0 ? steps.length - 1 : found;
    $("slider").max = steps.length - 1;
    if (state.playing) {
      pause();
      play();
    } else {
      draw();
    }
  }

  function wire() {
    $("play").addEventListener("click", play);
    $("slider").addEventListener("input", e => { pause(); state.index = Number(e.target.value); draw(); });
    $("step").addEventListener("change", e => setMode(e.target.value));
    $("money-currency").addEventListener("change", e => { Money.setView(e.target.value); draw(); });
    $("aid-country").addEventListener("change", () => Bands.drawAid(step().date, Money.nativeCurrency() || "XRG",
      state.countries));
    $("figure-members").addEventListener("click", () => explainMembers(step().date));
    $("figure-sections").addEventListener("click", () => explainSections(step().date));
    $("figure-aid").addEventListener("click", () => {
      // The shown step's months, not the card's last drawn ones: a click while the step's money loads (just after
      // Play or Pause) explains the year on the slider, not the year before it.
      const to = moneyTo(step());
      if (to >= Money.FIRST_MONTH) {
        Citation.show("Money sent to prisoners abroad", ["fund/", "section/"].map(source =>
          ({ figure: "flow", source, target: "aid/", from: Money.FIRST_MONTH, to, currency: Money.nativeCurrency() })));
      }
    });
    $("figure-patronage").addEventListener("click", () => {
      const date = step().date;
      const active = state.patronage.filter(l => l.placedOn <= date && (!l.endedOn || l.endedOn > date)).slice(0, 6);
      if (active.length) {
        Citation.show("Patronage of prisoners abroad", active.map(l => ({ figure: "event", index: l.establishedIndex })));
      }
    });
    // Keys act on the page only where no control takes them: Space on a button presses that button, not Play.
    document.addEventListener("keydown", e => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey
        || e.target.closest("select, input, textarea, button, a, summary, [role=dialog]")) {
        return;
      }
      if (e.key === " ") { e.preventDefault(); play(); }
      if (e.key === "ArrowRight" && state.index < state.steps[state.mode].length - 1) { pause(); state.index++; draw(); }
      if (e.key === "ArrowLeft" && state.index > 0) { pause(); state.index--; draw(); }
    });
  }

  /** Shows a date in a mode and a money view (the lesson's chart states). */
  async function show({ date, mode = "year", money = "convert:XRG" }) {
    await state.ready;
    pause();
    state.mode = mode;
    $("step").value = mode;
    Money.setView(money);
    $("money-currency").value = money;
    const steps = state.steps[mode];
    const found = steps.findIndex(p => p.date >= date);
    state.index = found < 0 ? steps.length - 1 : found;
    $("slider").max = steps.length - 1;
    await draw();
  }

  /** Shows another run, at the same date, and outlines the cards and happenings that read differently. */
  async function switchRun(runId) {
    const before = shown();
    Api.setRun(runId);
    await load();
    const after = shown();
    const changed = [...after.keys()].filter(el => before.get(el.dataset.key) !== after.get(el));
    document.querySelectorAll(".figures .figure, #happenings button").forEach(el => el.classList.toggle("changed", changed.includes(el)));
    return changed.map(el => el.textContent.replace(/\s+/g, " ").trim());
  }

  /** Before a switch: text by key; after it: text by element (the happenings are drawn anew). */
  function shown() {
    const out = new Map();
    const els = [...document.querySelectorAll(".figures .figure, #happenings button")];
    els.forEach((el, i) => {
      el.dataset.key = el.id || `happening-${i}`;
      const text = el.textContent.replace(/\s+/g, " ").trim();
      out.set(el.dataset.key, text);
      out.set(el, text);
    });
    return { get: k => out.get(k), keys: () => els };
  }

  document.addEventListener("DOMContentLoaded", () => { wire(); load(); });
  return { state, show, switchRun, ready: () => state.ready };
})();
