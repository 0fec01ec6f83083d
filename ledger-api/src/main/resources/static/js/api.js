/* Talking to the ledger's API, and writing its figures for people. */
"use strict";

const Api = (() => {
  // Only the query string's run reaches the API: a teacher can bookmark a what-if run by its id.
  let run = new URLSearchParams(window.location.search).get("run");

  /** Shows another run (a reading of a conflict): the address keeps it, so the view can be linked. */
  function setRun(id) {
    run = id || null;
    const url = new URL(window.location.href);
    if (run) {
      url.searchParams.set("run", run);
    } else {
      url.searchParams.delete("run");
    }
    window.history.replaceState(null, "", url);
  }

  /** A read of the API; `own` leaves the shown run out (lists of runs, comparisons naming their runs). */
  async function get(path, params = {}, own = false) {
    const query = new URLSearchParams();
    if (run && !own) {
      query.set("run", run);
    }
    Object.entries(params).forEach(([k, v]) => {
      if (v !== undefined && v !== null && v !== "") {
        query.set(k, v);
      }
    });
    const response = await fetch(`api/${path}?${query}`, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      // The API answers problems (RFC 9457); their detail is written for people.
      const error = new Error(body.detail || `${response.status} on ${path}`);
      error.status = response.status;
      error.problem = body;
      throw error;
    }
    return body;
  }

  /** Every page of a list (the API caps a page at 1000 rows). */
  async function all(path, params = {}) {
    const items = [];
    let offset = 0;
    for (;;) {
      const page = await get(path, { ...params, limit: 1000, offset });
      items.push(...page.items);
      if (!page.hasMore) {
        return { ...page, items };
      }
      offset += page.items.length;
    }
  }

  return { get, all, run: () => run, setRun };
})();

const Fmt = (() => {
  const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
  const names = { XRG: "gold rubles", USD: "dollars", FRF: "francs", RUB: "rubles", GBP: "pounds", DEM: "marks", CHF: "Swiss francs" };
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  function number(n) {
    return n === null || n === undefined ? "–" : whole.format(n);
  }

  /** Money from the API ({minor, currency, exponent, decimal}) rounded to whole units, e.g. "345,849 gold rubles". */
  function money(m) {
    if (!m) {
      return "–";
    }
    return `${whole.format(Math.round(Number(m.decimal)))} ${names[m.currency] || m.currency}`;
  }

  function currencyName(code) {
    return names[code] || code;
  }

  /** "1 January 1928" for a day, as a class reads it. */
  function day(iso) {
    if (!iso) {
      return "";
    }
    const [y, m, d] = iso.split("-").map(Number);
    return `${d} ${months[m - 1]} ${y}`;
  }

  function month(iso) {
    const [y, m] = iso.split("-").map(Number);
    return `${months[m - 1]} ${y}`;
  }

  function escape(text) {
    return String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]));
  }

  return { number, money, currencyName, day, month, escape };
})();
