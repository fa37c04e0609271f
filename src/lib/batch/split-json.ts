/**
 * Splits a stream of text into JSON values without parsing it whole, so that input of any size is read in
 * bounded memory: JSON Lines (one value a line), a top-level array (its elements), or a sequence of values.
 * Each item keeps the line it starts on, for messages. Parsing each item is left to JSON.parse (native, fast).
 */
export type Item = { text: string; line: number };

/** One value per non-blank line (JSON Lines / NDJSON). A line that is not JSON is still one item: its parse fails with its own line number. */
export class LineSplitter {
  private pending = '';
  private line = 0;

  push(chunk: string, out: Item[]): void {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.emit(this.pending + chunk.slice(start, nl), out);
      this.pending = '';
      start = nl + 1;
    }
    this.pending += chunk.slice(start);
  }

  end(out: Item[]): void {
    if (this.pending) this.emit(this.pending, out);
    this.pending = '';
  }

  private emit(raw: string, out: Item[]): void {
    this.line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim()) out.push({ text, line: this.line });
  }
}

export class SplitError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

const WS = new Set([' ', '\t', '\r', '\n']);

/**
 * A top-level array → its elements; anything else → the sequence of top-level values (one value for a plain
 * JSON document). Tracks only nesting and strings; JSON.parse judges each value afterwards.
 */
export class JsonSplitter {
  /** 'array' once a top-level `[` was seen; 'sequence' for anything else. */
  mode: 'unknown' | 'array' | 'sequence' = 'unknown';
  private arrayClosed = false;
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Inside a value: its text so far from earlier chunks, its first line, and whether it is a bare scalar. */
  private inValue = false;
  private scalar = false;
  private pending = '';
  private valueLine = 0;
  private line = 1;

  push(chunk: string, out: Item[]): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (!this.inValue) {
        if (c === '\n') this.line++;
        if (WS.has(c) || c === '\uFEFF') continue;
        if (this.mode === 'unknown') {
          if (c === '[') { this.mode = 'array'; continue; }
          this.mode = 'sequence';
        }
        if (this.mode === 'array') {
          if (this.arrayClosed) throw new SplitError(`Unexpected \`${c}\` after the end of the array, expected nothing`, this.line);
          if (c === ',') continue;
          if (c === ']') { this.arrayClosed = true; continue; }
        }
        this.inValue = true;
        this.valueLine = this.line;
        this.pending = '';
        start = i;
        this.depth = 0;
        this.scalar = c !== '{' && c !== '[' && c !== '"';
        if (this.scalar) continue;
      }
      if (this.scalar) {
        if (WS.has(c) || c === ',' || (this.mode === 'array' && c === ']')) {
          this.finish(chunk.slice(start, i), out);
          i--; // the delimiter is read again between values
        }
        continue;
      }
      if (c === '\n') this.line++;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === '\\') this.escape = true;
        else if (c === '"') {
          this.inString = false;
          if (this.depth === 0) this.finish(chunk.slice(start, i + 1), out);
        }
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) this.finish(chunk.slice(start, i + 1), out);
      }
    }
    if (this.inValue) this.pending += chunk.slice(start);
  }

  end(out: Item[]): void {
    if (this.inValue && this.scalar) this.finish('', out);
    else if (this.inValue) throw new SplitError('Unexpected end of input inside a value, expected it to be closed', this.valueLine);
    if (this.mode === 'array' && !this.arrayClosed) throw new SplitError('Unexpected end of input, expected `]` to close the array', this.line);
  }

  private finish(tail: string, out: Item[]): void {
    out.push({ text: this.pending + tail, line: this.valueLine });
    this.pending = '';
    this.inValue = false;
  }
}
