// Preloaded into the build process by scripts/build.ts when BUILD_STATS names a file: writes the process's
// peak resident memory there on exit, which only the process itself can read (getrusage).
import { writeFileSync } from 'node:fs';

const file = process.env.BUILD_STATS;
const started = performance.now();
if (file) {
  process.on('exit', (code) => {
    const { maxRSS } = process.resourceUsage(); // kilobytes
    writeFileSync(file, JSON.stringify({ code, seconds: (performance.now() - started) / 1000, peakMemoryBytes: maxRSS * 1024 }));
  });
}
