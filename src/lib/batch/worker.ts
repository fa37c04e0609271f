/** A batch worker thread: loads the compiled policies once, then evaluates the chunks it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCompiled } from '../criteria/load.ts';
import { evaluateChunk, type ChunkIn, type ChunkOptions } from './evaluate-chunk.ts';

const { options, files } = workerData as { options: ChunkOptions; files: string[] };
const { policies } = await loadCompiled(files);
parentPort!.on('message', (chunk: ChunkIn) => parentPort!.postMessage(evaluateChunk(policies, chunk, options)));
parentPort!.postMessage('ready');
