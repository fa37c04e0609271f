/**
 * The form's controls ↔ form state (src/lib/compare/case-state.ts). Controls are found once; reading the
 * whole form is a pass over cached elements. Lists keep "unknown" and "none" apart: ticking an item (or
 * adding a therapy) makes the list given; setting it back to unknown clears the items.
 */
import type { FormState, ListState, TherapiesState, TherapyRow } from '../../lib/compare/case-state.ts';
import type { FormField } from '../../lib/compare/form-model.ts';

type Scalar = { field: FormField; el: HTMLInputElement | HTMLSelectElement };
/**
 * `given`: a list loaded from a case that ticks cannot show (a level repeated, or an order other than the
 * spine's) is kept exactly as given until the reader changes that list, and a note says so.
 */
type List = { field: FormField; status: HTMLSelectElement; items: HTMLInputElement[]; note: HTMLElement | null; given: string[] | null };
type Rows = { field: FormField; status: HTMLSelectElement; list: HTMLOListElement; template: HTMLTemplateElement };
type Bound = { kind: 'scalar'; b: Scalar } | { kind: 'list'; b: List } | { kind: 'rows'; b: Rows };
/** `wrap`: the field's element carrying `data-known`. */
type Binding = Bound & { wrap: HTMLElement | null };

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`The form has no ${selector}`);
  return el;
}

/** A control's text; a number field holding text the browser cannot read reports '': say so rather than "unknown". */
function scalarText(el: HTMLInputElement | HTMLSelectElement): string {
  return el instanceof HTMLInputElement && el.validity.badInput ? 'not a number' : el.value;
}

/** Today in the reader's time zone, as the date field holds it. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export class FormDom {
  readonly form: HTMLFormElement;
  readonly #bindings: Binding[];

  constructor(form: HTMLFormElement, fields: readonly FormField[]) {
    this.form = form;
    this.#bindings = fields.map((field): Binding => ({ ...this.#bind(form, field), wrap: form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.path)}"]`) }));
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('click', (e) => this.#click(e));
    // Runs before the page's own listener (registered later), so the state it reads is already consistent.
    form.addEventListener('input', (e) => this.#couple(e.target));
    form.addEventListener('change', (e) => this.#couple(e.target));
  }

  #bind(form: HTMLFormElement, field: FormField): Bound {
    const sel = CSS.escape(field.path);
    if (field.kind === 'therapies') {
      return { kind: 'rows', b: {
        field,
        status: required(form, `[data-list-status="${sel}"]`),
        list: required(form, `[data-rows-of="${sel}"]`),
        template: required(form, `[data-row-template="${sel}"]`),
      } };
    }
    if (field.kind === 'levels' || field.kind === 'set') {
      return { kind: 'list', b: {
        field,
        status: required(form, `[data-list-status="${sel}"]`),
        items: [...form.querySelectorAll<HTMLInputElement>(`[data-item-of="${sel}"]`)],
        note: form.querySelector<HTMLElement>(`[data-list-note="${sel}"]`),
        given: null,
      } };
    }
    return { kind: 'scalar', b: { field, el: required(form, `[data-path="${sel}"]`) } };
  }

  read(): FormState {
    const state: FormState = {};
    for (const x of this.#bindings) {
      if (x.kind === 'scalar') {
        const el = x.b.el;
        // A number field holding text the browser cannot read reports '' : say so rather than "unknown".
        state[x.b.field.path] = scalarText(el);
      } else if (x.kind === 'list') {
        const items: string[] = [];
        for (const i of x.b.items) if (i.checked) items.push(i.value);
        state[x.b.field.path] = { known: x.b.status.value === 'list', items: x.b.given ?? items } satisfies ListState;
      } else {
        const rows: TherapyRow[] = [...x.b.list.children].map((li) => ({
          kind: required<HTMLSelectElement>(li, '[data-part="kind"]').value,
          weeks: scalarText(required<HTMLInputElement>(li, '[data-part="weeks"]')),
          outcome: required<HTMLSelectElement>(li, '[data-part="outcome"]').value,
        }));
        state[x.b.field.path] = { known: x.b.status.value === 'list', rows } satisfies TherapiesState;
      }
    }
    return state;
  }

  write(state: FormState): void {
    for (const x of this.#bindings) {
      const s = state[x.b.field.path];
      if (x.kind === 'scalar') {
        x.b.el.value = typeof s === 'string' ? s : '';
      } else if (x.kind === 'list') {
        const list = s as ListState | undefined;
        x.b.status.value = list?.known ? 'list' : '';
        const items = new Set(list?.items ?? []);
        for (const i of x.b.items) i.checked = items.has(i.value);
        const ticked = x.b.items.filter((i) => i.checked).map((i) => i.value);
        const given = list?.known ? list.items : [];
        x.b.given = given.join() === ticked.join() ? null : [...given];
        if (x.b.note) {
          x.b.note.hidden = !x.b.given;
          x.b.note.textContent = x.b.given ? `As given in the link: ${x.b.given.join(', ')}. Changing this list replaces it with the ticked items.` : '';
        }
      } else {
        const t = s as TherapiesState | undefined;
        x.b.status.value = t?.known ? 'list' : '';
        x.b.list.replaceChildren();
        for (const row of t?.rows ?? []) this.#addRow(x.b, row);
      }
    }
    this.markKnown(state);
  }

  /** `data-known` on each field, for the "unknown" styling. */
  markKnown(state: FormState): void {
    for (const x of this.#bindings) {
      const s = state[x.b.field.path];
      const known = typeof s === 'string' ? s.trim() !== '' : !!s?.known;
      if (x.wrap && x.wrap.dataset.known !== String(known)) x.wrap.dataset.known = String(known);
    }
  }

  /** The control a field path is edited with (the list's status select for lists). */
  control(path: string): HTMLElement | null {
    const x = this.#bindings.find((b) => b.b.field.path === path);
    if (!x) return null;
    return x.kind === 'scalar' ? x.b.el : x.b.status;
  }

  #addRow(rows: Rows, row?: TherapyRow): HTMLLIElement {
    const li = (rows.template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
    if (row) {
      required<HTMLSelectElement>(li, '[data-part="kind"]').value = row.kind;
      required<HTMLInputElement>(li, '[data-part="weeks"]').value = row.weeks;
      required<HTMLSelectElement>(li, '[data-part="outcome"]').value = row.outcome;
    }
    rows.list.append(li);
    this.#numberRows(rows);
    return li;
  }

  /** Each row's controls are named with the row's number ("Therapy 2: weeks") for screen readers. */
  #numberRows(rows: Rows): void {
    [...rows.list.children].forEach((li, i) => {
      for (const el of li.querySelectorAll<HTMLElement>('[data-part]')) el.setAttribute('aria-label', `Therapy ${i + 1}: ${el.dataset.part === 'kind' ? 'kind' : el.dataset.part}`);
      li.querySelector('[data-remove-row]')?.setAttribute('aria-label', `Remove therapy ${i + 1}`);
    });
  }

  /** Sets the date of service to today ("Today" button, and a fresh form). */
  setToday(): void {
    const x = this.#bindings.find((b) => b.kind === 'scalar' && b.b.field.kind === 'date');
    if (x?.kind === 'scalar') x.b.el.value = today();
  }

  /** "None of these" (every yes/no in the group: no) and "Clear" (every field in the group: unknown). */
  #groupAction(group: Element, none: boolean): void {
    const paths = new Set([...group.querySelectorAll('[data-field]')].map((el) => el.getAttribute('data-field')));
    for (const x of this.#bindings) {
      if (!paths.has(x.b.field.path)) continue;
      if (x.kind === 'scalar') {
        if (none && x.b.field.kind === 'boolean') x.b.el.value = 'false';
        else if (!none) x.b.el.value = '';
      } else if (!none) {
        x.b.status.value = '';
        if (x.kind === 'list') { for (const i of x.b.items) i.checked = false; x.b.given = null; if (x.b.note) x.b.note.hidden = true; }
        else x.b.list.replaceChildren();
      }
    }
  }

  #click(e: Event): void {
    const target = e.target as HTMLElement;
    const action = target.closest<HTMLElement>('[data-group-none], [data-group-clear], [data-today]');
    if (action) {
      if (action.dataset.today !== undefined) this.setToday();
      else this.#groupAction(action.closest('.form-group') ?? this.form, action.dataset.groupNone !== undefined);
      this.form.dispatchEvent(new Event('input', { bubbles: true }));
      return;
    }
    const add = target.closest<HTMLElement>('[data-add-row]');
    const remove = target.closest<HTMLElement>('[data-remove-row]');
    if (!add && !remove) return;
    const path = add?.dataset.addRow ?? remove!.closest('[data-field]')?.getAttribute('data-field');
    const x = this.#bindings.find((b) => b.b.field.path === path);
    if (x?.kind !== 'rows') return;
    if (add) {
      x.b.status.value = 'list';
      const li = this.#addRow(x.b);
      li.querySelector<HTMLElement>('[data-part="kind"]')?.focus();
    } else {
      const li = remove!.closest('li')!;
      const next = (li.nextElementSibling ?? li.previousElementSibling)?.querySelector<HTMLElement>('[data-remove-row]');
      li.remove();
      this.#numberRows(x.b);
      (next ?? x.b.status).focus();
    }
    this.form.dispatchEvent(new Event('input', { bubbles: true }));
  }

  #couple(target: EventTarget | null): void {
    if (!(target instanceof HTMLElement)) return;
    const listPath = target.dataset.itemOf ?? target.dataset.listStatus;
    const list = listPath === undefined ? undefined : this.#bindings.find((b) => b.b.field.path === listPath);
    if (list?.kind === 'list' && list.b.given) {
      list.b.given = null;
      if (list.b.note) list.b.note.hidden = true;
    }
    const itemOf = target.dataset.itemOf;
    if (itemOf && (target as HTMLInputElement).checked) {
      const x = this.#bindings.find((b) => b.b.field.path === itemOf);
      if (x?.kind === 'list') x.b.status.value = 'list';
      return;
    }
    const statusOf = target.dataset.listStatus;
    if (statusOf && (target as HTMLSelectElement).value === '') {
      const x = this.#bindings.find((b) => b.b.field.path === statusOf);
      if (x?.kind === 'list') for (const i of x.b.items) i.checked = false;
      if (x?.kind === 'rows') x.b.list.replaceChildren();
    }
  }
}
