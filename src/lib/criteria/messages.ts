/** Positioned messages for authors: `file:line:column: Unexpected X, expected Y`. Collected, then reported at once. */

export type Place = { line: number; column: number };

export type Message = {
  file: string;
  place: Place;
  reason: string;
  /** Stable name of the rule that produced the message (for tests and filtering). */
  ruleId: string;
  severity: 'error' | 'warning';
};

export function formatMessage(m: Message): string {
  return `${m.file}:${m.place.line}:${m.place.column}: ${m.reason}${m.severity === 'warning' ? ' [warning]' : ''} (${m.ruleId})`;
}

/** Maps offsets in a text to 1-based line/column. */
export class LineIndex {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }
  place(offset: number): Place {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.#starts[lo]! + 1 };
  }
  lineStart(line: number): number {
    return this.#starts[line - 1] ?? this.#starts[this.#starts.length - 1]!;
  }
}

/** Thrown by the build when a policy has errors: one line per message, all of them. */
export class PolicyError extends Error {
  readonly messages: Message[];
  constructor(messages: Message[]) {
    super(messages.map(formatMessage).join('\n'));
    this.name = 'InvalidCriteria';
    this.messages = messages;
  }
}
