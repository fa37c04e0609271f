/** A batch worker thread: loads the compiled policies once, then evaluates the chunks it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCompiled } from '../criteria/load.ts';
import { evaluateChunk, type ChunkIn, type ChunkOptions } from './evaluate-chunk.ts';

const options = workerData as ChunkOptions;
const { policies } = await loadCompiled();
parentPort!.on('message', (chunk: ChunkIn) => parentPort!.postMessage(evaluateChunk(policies, chunk, options)));
parentPort!.postMessage('ready');
