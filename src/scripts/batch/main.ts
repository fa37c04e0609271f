/**
 * "Evaluate a file" on /compare/: a dropped or chosen JSON / JSON Lines file is read and decided in a Web
 * Worker (nothing is uploaded), with progress, then the impact summary is drawn as tables (text only).
 */
import { h } from '../compare/dom.ts';
import type { FileSummary } from '../../lib/batch/summarize-file.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pct = (n: number) => `${n.toFixed(1)} %`;

function table(caption: string, head: string[], rows: Array<Array<string | number>>): HTMLElement {
  return h('div', { class: 'table-scroll' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((x, i) => (i === 0 ? h('th', { scope: 'row' }, String(x)) : h('td', {}, String(x))))))),
  ));
}

function render(out: HTMLElement, r: FileSummary): void {
  const s = r.summary;
  const decisions = [...new Set(s.payers.flatMap((p) => p.decisions.map((d) => d.label)))];
  const parts: HTMLElement[] = [
    h('p', { 'data-batch-count': String(s.cases) }, `${s.cases.toLocaleString('en-US')} cases decided${r.invalid ? `; ${r.invalid.toLocaleString('en-US')} invalid case(s) skipped` : ''}.`),
    table('Decisions by payer', ['Payer', ...decisions], s.payers.map((p) => [p.name, ...decisions.map((label) => {
      const d = p.decisions.find((x) => x.label === label);
      if (!d) return '0';
      // Denials say their categories: "12 (40.0 %): 8 not medically necessary, 4 investigational".
      const categories = d.decision === 'deny' && p.categories.length ? `: ${p.categories.map((c) => `${c.cases} ${c.label}`).join(', ')}` : '';
      return `${d.cases} (${pct(d.share)})${categories}`;
    })])),
    table('Where payers differ: cases whose decision changes', ['Payers', 'Cases that change', 'Most frequent change'], s.pairs.map((pair) => [
      `${s.payers.find((p) => p.payer === pair.a)!.name} vs ${s.payers.find((p) => p.payer === pair.b)!.name}`, `${pair.changed} (${pct(pair.share)})`, pair.directions[0] ? `${pair.directions[0].label}: ${pair.directions[0].cases}` : '—',
    ])),
  ];
  for (const p of s.payers) {
    parts.push(h('details', { 'data-batch-payer': p.payer }, h('summary', {}, `${p.name}: what decides, what is missing`),
      p.reasons.length ? table('Most frequent deciding criteria', ['Criterion', 'Section', 'Cases'], p.reasons.map((x) => [x.label, x.source, x.cases])) : h('p', {}, 'No deciding criteria recorded.'),
      p.missing.length ? table('Most frequent missing facts', ['Fact', 'Cases'], p.missing.map((x) => [x.title, x.cases])) : h('p', {}, 'No missing facts.'),
    ));
  }
  if (r.firstInvalid.length) parts.push(h('div', {}, h('p', {}, 'First invalid cases:'), h('ul', {}, ...r.firstInvalid.map((x) => h('li', {}, `${x.where}: ${x.problems.join('; ')}`)))));
  out.replaceChildren(...parts);
}

export function startBatch(): void {
  const input = byId<HTMLInputElement>('batch-file');
  const zone = byId('batch-drop');
  const status = byId('batch-status');
  const progress = byId<HTMLProgressElement>('batch-progress');
  const out = byId('batch-summary');
  let worker: Worker | null = null;

  function run(file: File): void {
    // The payers chosen on the page (src/components/select/PayerChooser.astro): only theirs are evaluated.
    const payers = [...document.querySelectorAll<HTMLInputElement>('#payer-choice input[name="payer"]:checked')].map((b) => b.value);
    if (!payers.length) {
      status.textContent = 'Choose at least one payer above, then the file again.';
      return;
    }
    worker?.terminate();
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    out.replaceChildren();
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Reading ${file.name}…`;
    out.dataset.state = 'running';
    worker.onmessage = (e: MessageEvent) => {
      const m = e.data as { type: string } & Record<string, unknown>;
      if (m.type === 'progress') {
        progress.value = (m.total as number) ? (m.bytes as number) / (m.total as number) : 0;
        status.textContent = `${(m.cases as number).toLocaleString('en-US')} cases read…`;
      } else if (m.type === 'done') {
        progress.hidden = true;
        status.textContent = `Done: ${file.name}.`;
        render(out, m as unknown as FileSummary);
        out.dataset.state = 'done';
        worker?.terminate();
      } else {
        progress.hidden = true;
        status.textContent = `The file could not be read: ${String(m.message)}`;
        out.dataset.state = 'error';
        worker?.terminate();
      }
    };
    worker.postMessage({ file, by: null, payers });
  }

  input.addEventListener('change', () => { if (input.files?.[0]) run(input.files[0]); });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) run(file);
  });
}
