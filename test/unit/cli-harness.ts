/** Runs a CLI command in-process with captured output: the tests are about logic, not about spawning npm. */
import type { Io } from '../../src/lib/cli/io.ts';

export type Ran = { status: number; stdout: string; stderr: string };

export async function run(command: (args: string[], io: Io) => Promise<number>, args: string[], stdin: string | Buffer = '', env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { write: async (t) => { out.push(t); } },
    stderr: { write: async (t) => { err.push(t); } },
    readStdin: () => Buffer.from(stdin),
    cwd: process.cwd(),
    env,
  };
  const status = await command(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}
