/**
 * Renders the demo's Vega-Lite specs to SVG in Node with `vega` + `vega-lite` (devDependencies; no
 * DOM, no canvas: vega's SVG string renderer) and assembles the self-contained report page.
 */
import type { VegaLiteSpec } from 'crmkit';
import { renderChart } from '../../test/helpers/vega.js';

/** One chart of a report section. */
export interface ReportChart {
  spec: VegaLiteSpec;
  /** What to read off the chart, one sentence. */
  caption: string;
}

/** One section of the report: a step of the CRM story. */
export interface ReportSection {
  id: string;
  title: string;
  /** Paragraphs of plain text (escaped when rendered). */
  story: string[];
  charts: ReportChart[];
  /** Tables: a caption, header and rows of cells (escaped when rendered). */
  tables: { caption: string; header: string[]; rows: (string | number)[][] }[];
}

/**
 * Renders one spec to an SVG string with the same Node renderer the chart tests use
 * (test/helpers/vega.ts); throws if vega logs a warning or an error.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const { svg, messages } = await renderChart(spec);
  if (messages.length > 0) throw new Error(`demo: chart "${String(spec.title)}": ${messages.join('; ')}`);
  return svg;
}

const esc = (s: string | number): string => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:24px 40px}header h1{margin:0 0 4px;font-size:26px}header p{margin:0;opacity:.85}
nav{padding:8px 40px;background:#fff;border-bottom:1px solid #dde1e7}nav a{margin-right:16px;color:#2458b3;text-decoration:none}
main{max-width:1180px;margin:0 auto;padding:8px 40px 40px}section{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:8px 24px 20px;margin:24px 0}
h2{font-size:20px;margin:16px 0 8px}.charts{display:flex;flex-wrap:wrap;gap:20px}figure{margin:0;flex:0 1 auto;max-width:100%}
figure .chart{overflow-x:auto}figcaption{font-size:13px;color:#555;max-width:560px}
table{border-collapse:collapse;margin:12px 0;font-size:13px}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #e3e6ea;padding:3px 10px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
footer{color:#666;font-size:12px;padding:0 40px 24px;text-align:center}`;

/** The report as one HTML page: inline CSS and SVG, no script, no external resource. */
export async function reportHtml(title: string, subtitle: string, sections: ReportSection[], footer: string, onChart?: (done: number, total: number) => void): Promise<string> {
  const parts: string[] = [];
  const total = sections.reduce((n, s) => n + s.charts.length, 0);
  let done = 0;
  for (const s of sections) {
    const charts: string[] = [];
    for (const c of s.charts) {
      charts.push(`<figure data-chart="${esc(String(c.spec.title ?? ''))}"><div class="chart">${await renderSvg(c.spec)}</div><figcaption>${esc(c.caption)}</figcaption></figure>`);
      onChart?.(++done, total);
    }
    const tables = s.tables.map(
      (t) =>
        `<table><caption>${esc(t.caption)}</caption><thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
          .map((r) => `<tr>${r.map((v) => `<td${typeof v === 'number' ? ' class="n"' : ''}>${esc(v)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
    );
    parts.push(`<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.story.map((p) => `<p>${esc(p)}</p>`).join('')}<div class="charts">${charts.join('')}</div>${tables.join('')}</section>`);
  }
  const nav = sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.title.split(':')[0]!)}</a>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body><header><h1>${esc(title)}</h1><p>${esc(subtitle)}</p></header><nav>${nav}</nav><main>${parts.join('')}</main><footer>${esc(footer)}</footer></body></html>\n`;
}
