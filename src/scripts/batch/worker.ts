/** The Web Worker behind "evaluate a file" on /compare/: the file never leaves the browser. */
import { loaders } from 'virtual:policy-client-loaders';
import { summarizeStream } from '../../lib/batch/summarize-file.ts';

async function* textOf(file: File): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
}

/** `payers`: the payers chosen on the page; only their evaluators are fetched. */
self.onmessage = async (e: MessageEvent<{ file: File; by: string | null; payers: string[] }>) => {
  const { file, by, payers } = e.data;
  try {
    const policies = await Promise.all(payers.filter((id) => id in loaders).map((id) => loaders[id]!()));
    const result = await summarizeStream(policies, textOf(file), {
      name: file.name, total: file.size, by,
      onProgress: (p) => self.postMessage({ type: 'progress', ...p }),
    });
    self.postMessage({ type: 'done', ...result });
  } catch (err) {
    self.postMessage({ type: 'error', message: (err as Error).message });
  }
};
