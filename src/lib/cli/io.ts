/**
 * What a command line tool reads and writes, so that the same command runs in a process (src/cli/*.ts) and
 * in-process in tests. Writes wait for the stream to drain: a tool that exits right after a large write must
 * not lose the tail of its output (issue #11: refusals cut off under `npm run`).
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

export type Out = { write: (text: string) => Promise<void> };
export type Io = {
  stdout: Out;
  stderr: Out;
  readStdin: () => Buffer;
  /** stdin as a stream, for commands that read input of any size (evaluate); tests give readStdin only. */
  stdinChunks?: () => AsyncIterable<Uint8Array>;
  /** Where progress goes: a terminal's stderr, or nothing. */
  progress?: NodeJS.WriteStream | null;
  cwd: string;
  env: NodeJS.ProcessEnv;
};

export function streamOut(stream: NodeJS.WritableStream): Out {
  return {
    write: async (text) => {
      if (!stream.write(text)) await once(stream, 'drain');
    },
  };
}

export function processIo(): Io {
  return {
    stdout: streamOut(process.stdout), stderr: streamOut(process.stderr), readStdin: () => readFileSync(0),
    stdinChunks: () => process.stdin, progress: process.stderr.isTTY ? process.stderr : null, cwd: process.cwd(), env: process.env,
  };
}

/** Writes lines in chunks (one huge string is itself a crash at some size). */
export async function writeLines(out: Out, lines: readonly string[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 1000) await out.write(`${lines.slice(i, i + 1000).join('\n')}\n`);
}

/**
 * Runs a command with the process's streams and sets the exit code once everything is written: no
 * process.exit, so nothing buffered is lost; an unexpected error is one line, never a stack trace.
 */
export async function runMain(name: string, command: (args: string[], io: Io) => Promise<number>): Promise<void> {
  const io = processIo();
  // A reader that stops early (`| head`) closes the pipe: nothing more to say to it, and no stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await command(process.argv.slice(2), io);
  } catch (e) {
    await io.stderr.write(`${name}: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 70;
  }
}
