/**
 * Progressive enhancement of the /codes/ table: sort buttons in the column headers and the filter controls.
 * The table is complete and readable without this script; it only reorders and hides rendered rows.
 */
import { matches, NOT_LISTED, sortRecords, type CellStance, type FilterState, type SortKey, type SortState, type TableRecord } from './table-order.ts';

type Row = { record: TableRecord; element: HTMLTableRowElement };

function readRows(tbody: HTMLTableSectionElement): Row[] {
  return [...tbody.rows].map((element) => {
    const stances: Record<string, CellStance> = {};
    for (const cell of element.querySelectorAll<HTMLElement>('[data-payer]')) stances[cell.dataset['payer']!] = (cell.dataset['stance'] ?? NOT_LISTED) as CellStance;
    const d = element.dataset;
    return { element, record: { order: Number(d['order']), code: d['code']!, system: d['system']!, description: d['description']!, stances } };
  });
}

function readFilter(controls: HTMLElement): FilterState {
  const value = (name: string) => controls.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-filter="${name}"]`)?.value ?? '';
  const disagree = controls.querySelector<HTMLInputElement>('[data-filter="disagree"]')?.checked ?? false;
  return { text: value('text'), system: value('system'), stance: value('stance') as FilterState['stance'], disagree };
}

export function enhanceCodesTable(table: HTMLTableElement, controls: HTMLElement): void {
  const tbody = table.tBodies[0]!;
  const rows = readRows(tbody);
  const status = controls.querySelector<HTMLElement>('[data-codes-count]');
  let sort: SortState = { key: 'default', direction: 'ascending' };

  const render = () => {
    const filter = readFilter(controls);
    const byRecord = new Map(rows.map((r) => [r.record, r.element]));
    let shown = 0;
    for (const record of sortRecords(rows.map((r) => r.record), sort)) {
      const element = byRecord.get(record)!;
      element.hidden = !matches(record, filter);
      if (!element.hidden) shown++;
      tbody.append(element); // re-appending moves the row: the DOM order becomes the sorted order
    }
    if (status) status.textContent = `Showing ${shown} of ${rows.length} codes.`;
  };

  for (const th of table.tHead!.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
    const key = th.dataset['sort'] as SortKey;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const direction = sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
      sort = { key, direction };
      for (const other of table.tHead!.querySelectorAll('th[aria-sort]')) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
      render();
    });
  }
  controls.addEventListener('input', render);
  controls.addEventListener('change', render);
  controls.hidden = false;
  render();
}
