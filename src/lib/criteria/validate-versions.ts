/**
 * The frontmatter's `versions`, checked as a whole (issue #11): every date is a day of the calendar, version
 * names and effective dates are unique (otherwise the evaluator would silently pick one), and `until` comes
 * after `effective` (a version is in effect from `effective` up to, not including, `until`).
 */
import type { Frontmatter } from './block-schema.ts';
import { isCalendarDate } from './dates.ts';
import type { PathKey } from './path.ts';

type Report = (path: PathKey[], reason: string, ruleId: string) => void;

export function checkVersions(versions: Frontmatter['versions'], report: Report): void {
  const names = new Map<string, number>();
  const effective = new Map<string, number>();
  versions.forEach((v, i) => {
    const at = (key: string): PathKey[] => ['versions', i, key];
    for (const key of ['effective', 'nextReview', 'until'] as const) {
      const d = v[key];
      if (d !== undefined && !isCalendarDate(d)) report(at(key), `Unexpected \`${d}\`, expected a real calendar date for \`${key}\``, 'version-date');
    }
    const sameName = names.get(v.version);
    if (sameName !== undefined) report(at('version'), `Duplicate version \`${v.version}\`, expected version names unique (also versions[${sameName}])`, 'version-duplicate');
    else names.set(v.version, i);
    const sameDay = effective.get(v.effective);
    if (sameDay !== undefined) report(at('effective'), `Duplicate effective date ${v.effective}, expected one version per date (also version \`${versions[sameDay]!.version}\`)`, 'version-duplicate');
    else effective.set(v.effective, i);
    if (v.until !== undefined && v.until <= v.effective) report(at('until'), `Unexpected until ${v.until}, expected a date after effective ${v.effective} (a version is in effect from effective up to until)`, 'version-until');
  });
}
