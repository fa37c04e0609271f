/** The Web Worker behind "evaluate a file" on /compare/: the file never leaves the browser. */
import { policies as compiled } from 'virtual:policies-client';
import type { CompiledPolicy } from '../../lib/criteria/compile.ts';
import { summarizeStream } from '../../lib/batch/summarize-file.ts';

const policies = compiled as CompiledPolicy[];

async function* textOf(file: File): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
}

self.onmessage = async (e: MessageEvent<{ file: File; by: string | null }>) => {
  const { file, by } = e.data;
  try {
    const result = await summarizeStream(policies, textOf(file), {
      name: file.name, total: file.size, by,
      onProgress: (p) => self.postMessage({ type: 'progress', ...p }),
    });
    self.postMessage({ type: 'done', ...result });
  } catch (err) {
    self.postMessage({ type: 'error', message: (err as Error).message });
  }
};
