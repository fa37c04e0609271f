/** Small helpers for showing witnesses. */
export function decisionOf(outcome: string): string {
  return outcome.split(':')[0]!;
}

