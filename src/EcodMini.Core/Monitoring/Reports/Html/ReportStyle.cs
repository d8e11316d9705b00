namespace EcodMini.Core.Monitoring.Reports.Html;

/// <summary>The report's one inline style sheet: a readable column on a laptop, A4 pages in print, status colours.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ok: #2e7d32; --fail: #c62828; --run: #f9a825; --wait: #b0bec5; --bar: #1565c0; --ink: #1f2933; --muted: #5f6b7a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f5f7fa; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
        h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.2rem; margin: 28px 0 10px; border-bottom: 2px solid #e3e8ef; padding-bottom: 4px; }
        .meta { color: var(--muted); font-size: .9rem; margin: 0; word-break: break-all; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin-top: 16px; }
        .card { border: 1px solid #e3e8ef; border-radius: 6px; padding: 8px 12px; }
        .card .k { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
        .card .v { font-size: 1.35rem; font-weight: 600; }
        .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 18px; }
        figure.chart { margin: 0; padding: 8px; border: 1px solid #e3e8ef; border-radius: 6px; break-inside: avoid; page-break-inside: avoid; }
        figure.chart figcaption { font-weight: 600; font-size: .95rem; margin-bottom: 4px; }
        .chart-svg { display: block; max-width: 100%; height: auto; }
        .chart-svg text { font-size: 11px; fill: var(--ink); } .chart-svg .axis { fill: var(--muted); } .chart-svg .value { font-size: 10px; }
        .chart-svg .grid { stroke: #e3e8ef; } .chart-svg .axis-line { stroke: #9aa5b1; }
        .bar { fill: var(--bar); } .completed, .good { fill: var(--ok); } .failed, .poor { fill: var(--fail); }
        .running, .questionable { fill: var(--run); } .pending { fill: var(--wait); } .track { fill: #eef1f5; }
        .line { fill: none; stroke: var(--bar); stroke-width: 2; } .area { fill: var(--bar); fill-opacity: .12; } .dot { fill: var(--bar); }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; break-inside: auto; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e3e8ef; vertical-align: top; }
        th, td.n { white-space: nowrap; } td.wrap { overflow-wrap: anywhere; }
        th { background: #f0f3f7; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .alerts { list-style: none; padding: 0; margin: 0; }
        .alerts li { padding: 6px 10px; margin: 4px 0; border-left: 4px solid var(--run); background: #fff8e1; }
        .alerts li.critical { border-color: var(--fail); background: #fdecea; } .none { color: var(--ok); }
        .note { color: var(--muted); font-size: .85rem; } code { font-size: .85rem; word-break: break-all; }
        @media (max-width: 700px) { main { padding: 14px; } .grid2 { grid-template-columns: 1fr; } }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { background: #fff; font-size: 11pt; } main { max-width: none; padding: 0; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h2 { break-after: avoid; page-break-after: avoid; } .grid2 { grid-template-columns: 1fr 1fr; gap: 10px; }
          .cards { grid-template-columns: repeat(5, 1fr); }
        }
        """;
}
