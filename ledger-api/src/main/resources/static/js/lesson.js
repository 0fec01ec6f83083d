/*
 * A guided lesson through the record: each step a short text, its passage and the chart state it belongs to.
 * Forward and back by the arrow keys (or Page Down / Page Up), and each step has its own address (#lesson-3).
 */
"use strict";

const Lesson = (() => {
  const STEPS = [
    { title: "MOPR is founded", claim: "c001.birthday-1922-11-30", at: { date: "1922-12-31" },
      text: "International Red Aid was founded at the end of 1922 to help political prisoners abroad. The page starts here: almost nothing has happened yet." },
    { title: "The first collections", claim: "c001.collections-decided", at: { date: "1923-04-01", mode: "month" },
      text: "The leadership decided to collect money among Soviet workers. The money chart starts to fill in the spring of 1923." },
    { title: "The 1923 money, in dollars", claim: "c001.ussr-aid-1923-usd", at: { date: "1923-12-01", mode: "month", money: "USD" },
      text: "A source gives the dollars sent from March to November 1923. The band from members to the fund is solid once all of it is counted: the total is the sources'." },
    { title: "Who got the money? A model's guess", claim: "c001.ussr-collections-from-1923", at: { date: "1924-12-31" },
      text: "The sources give totals, not how they were split among countries. The hatched bands are a model's even split: the total is the sources', the split is a model's." },
    { title: "The first All-Union Conference", claim: "c001.all-union-conference-1924-01-30", at: { date: "1924-02-01", mode: "month" },
      text: "In January 1924 the Soviet section met in Moscow. Look at the timeline's happenings for this month." },
    { title: "The 1924 international conference", claim: "c003.congress-1924-conference", at: { date: "1924-08-01", mode: "month" },
      text: "In July 1924 delegates from many countries met in Moscow. How many national sections existed by then?" },
    { title: "The second conference, 1927", claim: "c003.congress-1927-conference", at: { date: "1927-12-31" },
      text: "By 1927 MOPR had spread far beyond the USSR. The sections line climbs year by year." },
    { title: "The census of 1928", claim: "c002.members-1928", at: { date: "1928-01-01", mode: "month" },
      text: "Here the sources count the members: a big solid dot on the members chart. Between two counts the dashed line is an estimate." },
    { title: "The census of 1931", claim: "c002.members-1931", at: { date: "1931-01-01", mode: "month" },
      text: "The last count the sources give. After it, the page shows no membership figure: the sources are silent." },
    { title: "67 sections, or 62?", claim: "c003.sections-1932-outside-ussr-67", at: { date: "1932-12-31" },
      text: "Two passages count the sections of 1932 differently. Open “Where the sources disagree” below and switch between the readings." },
    { title: "The World Congress of 1932", claim: "c003.world-congress-1932-11", at: { date: "1932-12-01", mode: "month" },
      text: "In November 1932 MOPR held its first World Congress. Press Play to go through the ten years again." }
  ];
  const state = { index: -1 };
  const $ = id => document.getElementById(id);

  function fromHash() {
    const m = /^#lesson-(\d+)$/.exec(window.location.hash);
    return m ? Number(m[1]) - 1 : -1;
  }

  async function go(index) {
    if (index < 0 || index >= STEPS.length) {
      return;
    }
    state.index = index;
    const step = STEPS[index];
    if (window.location.hash !== `#lesson-${index + 1}`) {
      window.history.pushState(null, "", `#lesson-${index + 1}`);
    }
    $("lesson").dataset.step = String(index + 1);
    $("lesson-start").hidden = true;
    $("lesson-step").hidden = false;
    $("lesson-count").textContent = `Step ${index + 1} of ${STEPS.length}`;
    $("lesson-title").textContent = step.title;
    $("lesson-text").textContent = step.text;
    $("lesson-back").disabled = index === 0;
    $("lesson-next").disabled = index === STEPS.length - 1;
    $("lesson-passage").innerHTML = "";
    const shown = Page.show(step.at);
    try {
      const claim = (await Api.get(`catalog/${encodeURIComponent(step.claim)}`, {}, true)).claim;
      if (state.index === index) {
        $("lesson-passage").innerHTML = `<blockquote data-test="lesson-quote">${Fmt.escape(claim.quote)}</blockquote>
          <cite>Source: ${Fmt.escape(claim.source)} · claim ${Fmt.escape(claim.id)}</cite>`;
      }
    } catch (e) {
      $("lesson-passage").innerHTML = `<p class="problem">${Fmt.escape(e.message)}</p>`;
    }
    await shown;
    $("lesson").dataset.shown = String(index + 1);
  }

  function leave() {
    state.index = -1;
    $("lesson-start").hidden = false;
    $("lesson-step").hidden = true;
    delete $("lesson").dataset.step;
    window.history.pushState(null, "", window.location.pathname + window.location.search);
  }

  /** In a lesson the arrow keys move through its steps, ahead of the timeline's own use of them. */
  function keys(e) {
    if (state.index < 0 || e.altKey || e.ctrlKey || e.metaKey
      || e.target.closest("select, input, textarea, [role=dialog]")) {
      return;
    }
    if (e.key === "ArrowRight" || e.key === "PageDown") {
      e.preventDefault();
      go(state.index + 1);
    } else if (e.key === "ArrowLeft" || e.key === "PageUp") {
      e.preventDefault();
      go(state.index - 1);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("lesson-start").addEventListener("click", () => go(0));
    $("lesson-next").addEventListener("click", () => go(state.index + 1));
    $("lesson-back").addEventListener("click", () => go(state.index - 1));
    $("lesson-leave").addEventListener("click", leave);
    document.addEventListener("keydown", keys, true);
    window.addEventListener("hashchange", () => { if (fromHash() >= 0) { go(fromHash()); } });
    if (fromHash() >= 0) {
      go(fromHash());
    }
  });

  return { go, steps: STEPS.length };
})();
