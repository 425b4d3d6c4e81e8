// Preloaded into each benchmarked process: reports its peak memory to the benchmark.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.KERNEKIT_BENCH_RSS) writeFileSync(process.env.KERNEKIT_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024));
});
