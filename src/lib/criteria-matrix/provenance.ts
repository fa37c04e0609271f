/**
 * Where a policy comes from, in words: dates as the source prints them, and whether its next review date has
 * passed on the day the site was built (a sign that a newer version may exist).
 */
import type { Frontmatter } from '../criteria/block-schema.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-08-21` → "21 Aug 2026"; `2026-05` → "May 2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = Number(m) - 1;
  return d ? `${Number(d)} ${MONTHS[month]} ${y}` : `${LONG_MONTHS[month]} ${y}`;
}

/** The day the site is built, as YYYY-MM-DD (UTC); `BUILD_DATE` pins it for reproducible builds. */
export function buildDate(): string {
  return process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10);
}

export type Version = Frontmatter['versions'][number];

/** The latest version: the one the site shows as current. */
export function currentVersion(meta: Frontmatter): Version {
  return [...meta.versions].sort((a, b) => a.effective.localeCompare(b.effective)).at(-1)!;
}

export type ReviewStatus =
  | { state: 'not-stated'; text: string }
  | { state: 'due' | 'overdue'; date: string; text: string; flag: string | null };

/** The next review of a version, and the flag shown when that date is before the build date. */
export function reviewStatus(version: Version, today: string): ReviewStatus {
  if (!version.nextReview) return { state: 'not-stated', text: 'not stated' };
  const text = version.nextReviewAsPrinted ?? formatDate(version.nextReview);
  const overdue = version.nextReview < today;
  return { state: overdue ? 'overdue' : 'due', date: version.nextReview, text, flag: overdue ? `review was due ${text} — check for a newer version` : null };
}
