// Preloaded into the build process by scripts/build.ts when BUILD_STATS names a file: writes the process's
// peak resident memory there on exit, which only the process itself can read (getrusage).
import { writeFileSync } from 'node:fs';

const file = process.env.BUILD_STATS;
if (file) {
  process.on('exit', () => {
    const { maxRSS } = process.resourceUsage(); // kilobytes
    writeFileSync(file, JSON.stringify({ peakMemoryBytes: maxRSS * 1024 }));
  });
}
