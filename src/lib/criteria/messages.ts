/**
 * Positioned messages for authors: `file:line:column: Unexpected X, expected Y (rule)`. Collected as plain data
 * (they travel through JSON, tests and the dev overlay), reported as vfile messages (the unified ecosystem's
 * message type, which the remark plugin adds to the MDX file), printed in one format.
 */
import { location } from 'vfile-location';
import { VFileMessage } from 'vfile-message';

export type Place = { line: number; column: number };

export type Message = {
  file: string;
  place: Place;
  reason: string;
  /** Stable name of the rule that produced the message (for tests and filtering). */
  ruleId: string;
  severity: 'error' | 'warning';
};

/** The message as a vfile message (`source: criteria`, the rule as `ruleId`, the file in `file`). */
export function toVFileMessage(m: Message): VFileMessage {
  const v = new VFileMessage(m.reason, { place: m.place, ruleId: m.ruleId, source: 'criteria' });
  v.file = m.file;
  v.fatal = m.severity === 'error' ? true : false;
  return v;
}

export function formatMessage(m: Message): string {
  const v = toVFileMessage(m);
  const at = v.place && 'line' in v.place ? v.place : { line: v.line ?? 1, column: v.column ?? 1 };
  return `${v.file}:${at.line}:${at.column}: ${v.reason}${v.fatal ? '' : ' [warning]'} (${v.ruleId})`;
}

/** Maps offsets in a text to 1-based line/column (vfile-location), and lines to their first offset. */
export class LineIndex {
  readonly #location: ReturnType<typeof location>;
  readonly #lines: number;
  readonly #length: number;
  constructor(text: string) {
    this.#location = location(text);
    this.#length = text.length;
    this.#lines = this.#location.toPoint(text.length)?.line ?? 1;
  }
  place(offset: number): Place {
    const p = this.#location.toPoint(Math.min(Math.max(offset, 0), this.#length));
    return p ? { line: p.line, column: p.column } : { line: 1, column: 1 };
  }
  lineStart(line: number): number {
    const offset = this.#location.toOffset({ line: Math.min(Math.max(line, 1), this.#lines), column: 1 });
    return offset ?? this.#length;
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
