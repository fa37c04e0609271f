/** `YYYY-MM-DD` that names a day of the calendar (no 2025-02-30): cases and policy versions share this check. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}
