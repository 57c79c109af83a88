// The overview's live numbers and charts: polls the stats every 2 s, no reload.
(function () {
  const root = document.querySelector("[data-stats]");
  if (!root) return;
  const url = root.getAttribute("data-stats");
  const fmt = (v, unit) => (v === null || v === undefined ? "-" : unit === "ms" ? v.toFixed(2) + " ms" : unit === "%" ? (v * 100).toFixed(1) + " %" : unit === "MB" ? Math.round(v) + " MB" : String(Math.round(v * 10) / 10));
  function spark(svg, values) {
    const w = 300, h = 70;
    const max = Math.max(1e-9, ...values);
    const pts = values.map((v, i) => `${(i / Math.max(1, values.length - 1)) * w},${h - 4 - (v / max) * (h - 8)}`).join(" ");
    svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    const top = max >= 100 ? Math.round(max) : Math.round(max * 100) / 100;
    svg.innerHTML = `<line x1="0" y1="${h - 4}" x2="${w}" y2="${h - 4}" stroke="#999" stroke-width="1"></line><text x="${w - 2}" y="11" font-size="10" text-anchor="end">max ${values.length ? top : "-"}</text><polyline points="${pts}"></polyline>`;
  }
  async function tick() {
    try {
      const res = await fetch(url, { credentials: "same-origin" });
      if (!res.ok) return;
      const s = await res.json();
      for (const el of root.querySelectorAll("[data-stat]")) el.textContent = fmt(s.now[el.dataset.stat], el.dataset.unit);
      for (const el of root.querySelectorAll("[data-series]")) spark(el, s.series.map((p) => p[el.dataset.series] ?? 0));
      const when = root.querySelector("[data-updated]");
      if (when) when.textContent = new Date().toLocaleTimeString();
    } catch {
      // the next tick tries again
    }
  }
  tick();
  setInterval(tick, 2000);
})();
