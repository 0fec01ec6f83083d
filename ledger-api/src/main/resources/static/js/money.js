/* The money of the page: flows up to a month, each Sankey band with its origin, and the bands as keyboard buttons. */
"use strict";

const Money = (() => {
  const FIRST_MONTH = "1922-12"; // MOPR was founded on 30 November 1922: money is counted from its first whole month
  const LAST_MONTH = "1932-12";
  const state = { view: "convert:XRG", flows: new Map(), parts: new Map() };

  function reset() {
    state.flows.clear();
    state.parts.clear();
  }

  function setView(view) {
    state.view = view;
  }

  function converted() {
    return state.view.startsWith("convert:");
  }

  function unit() {
    return Fmt.currencyName(converted() ? state.view.slice(8) : state.view);
  }

  function nativeCurrency() {
    return converted() ? undefined : state.view;
  }

  async function flows(to) {
    const key = `${state.view}|${to}`;
    if (!state.flows.has(key)) {
      const params = { from: FIRST_MONTH, to, period: "total" };
      if (converted()) {
        params.convert = state.view.slice("convert:".length);
      } else {
        params.currency = state.view;
      }
      state.flows.set(key, Api.all("flows", params).then(p => p.items));
    }
    return state.flows.get(key);
  }

  /** A flow's value in whole units, unrounded: bands and totals add kopecks, only the display rounds. */
  function valueOf(f) {
    const m = converted() ? f.converted && f.converted.amount : f.amount;
    return m ? Number(m.decimal) : 0;
  }

  function assumedOf(f) {
    return converted() && Boolean(f.converted && f.converted.assumption);
  }

  /** How each pair of accounts was made, over the whole record: asked once per run, whatever the date shown. */
  function parts(accounts) {
    const key = `${accounts.source}|${accounts.target}`;
    if (!state.parts.has(key)) {
      state.parts.set(key, Api.get("explain", { figure: "flow", source: accounts.source, target: accounts.target,
        from: FIRST_MONTH, to: LAST_MONTH, limit: 1 }).then(view => {
        Export.cite("sankey", view.claims.map(c => c.source));
        return view.parts;
      }).catch(() => []));
    }
    return state.parts.get(key);
  }

  /**
   * Draws the Sankey up to a month; false when a later draw was asked for meanwhile. Returns the total sent as aid.
   */
  async function draw(to, current, onBand, rangeOf = () => "") {
    const [rows, whole] = await Promise.all([flows(to), flows(LAST_MONTH)]);
    const wholeOf = new Map();
    whole.forEach(f => { const k = `${f.fromAccount}|${f.toAccount}`; wholeOf.set(k, (wholeOf.get(k) || 0) + valueOf(f)); });
    const explained = new Map();
    await Promise.all(rows.map(async f => explained.set(`${f.fromAccount}|${f.toAccount}`, await parts(
      { source: f.fromAccount, target: f.toAccount }))));
    if (!current()) {
      return null;
    }
    const originOf = link => {
      const key = `${link.accounts.source}|${link.accounts.target}`;
      const windowValue = rows.filter(f => `${f.fromAccount}|${f.toAccount}` === key).reduce((s, f) => s + valueOf(f), 0);
      return Origin.ofBand(explained.get(key), Math.abs(windowValue - (wholeOf.get(key) || 0)) < 0.005);
    };
    const drawn = Charts.sankey({ flows: rows, valueOf, assumedOf, originOf, onClick: onBand, rangeOf });
    list(drawn ? Charts.bands() : [], onBand, rangeOf);
    const aid = rows.filter(f => f.toAccount.startsWith("aid/"));
    const trunk = drawn ? Charts.bands().find(b => b.target === "Central aid fund") : null;
    return { drawn, total: aid.reduce((s, f) => s + valueOf(f), 0), assumed: aid.some(assumedOf),
      totalOrigin: trunk ? trunk.origin.kind : "MODELLED" };
  }

  /** Every band as a button: the numbers of the chart, reachable by keyboard and by a screen reader. */
  function list(bands, onBand, rangeOf) {
    const ul = document.getElementById("sankey-bands");
    ul.innerHTML = bands.map((b, i) => `<li><button type="button" data-test="band" data-band="${i}"
      data-origin="${b.origin.kind}">${Fmt.escape(b.source)} → ${Fmt.escape(b.target)}:
      <b>${b.origin.kind === "MODELLED" ? "≈ " : ""}${Fmt.number(b.value)}${b.assumed ? "*" : ""}</b> ${Fmt.escape(unit())}
      ${Origin.tag(b.origin.kind, b.assumed)} <span class="why">${Fmt.escape(b.origin.why)}</span>${rangeOf(b)
        ? `<span class="why" data-test="band-range">${rangeOf(b)}</span>` : ""}</button></li>`).join("");
    ul.querySelectorAll("button").forEach(el => el.addEventListener("click", () => onBand(bands[Number(el.dataset.band)])));
  }

  return { FIRST_MONTH, reset, setView, unit, nativeCurrency, draw, converted };
})();
