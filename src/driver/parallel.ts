import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentFamily } from '../content/model.js';
import type { BuildOptions, Family } from '../documents/family.js';
import { reviveError } from '../errors.js';
import type { Localization } from '../i18n/translator.js';
import { renderFamily, type RenderedDoc } from './render-family.js';
import { workerUrl } from './worker-url.js';
import { asBuffer, type Reply } from './thread-messages.js';

/** One family of one language to compose and render. */
export interface Job {
  id: number;
  contentDir: string;
  language: string;
  family: DocumentFamily;
  options: BuildOptions;
  /** The files of the family that need rendering. */
  wanted: string[];
}

export type JobResult = Reply<{ docs: RenderedDoc[]; fallbacks: string[] }>;

export interface JobRun {
  job: Job;
  docs: RenderedDoc[];
  fallbacks: string[];
}

/**
 * How many threads render at once by default. The preview thread already keeps a second
 * core busy for about a third of the main thread's time, and a render worker starts cold
 * (modules, fonts, an unoptimised JIT: about half a second). Measured on 2 cores with the
 * preview thread, a second render thread made da+en 13 % slower and da+en+qps 6 % slower,
 * so extra render threads are used only where there are cores beyond those two, and only
 * for builds large enough (more than 12 jobs, two languages' worth) to repay their start.
 */
export function defaultJobs(jobCount: number): number {
  return jobCount > 12 ? Math.max(1, Math.min(4, availableParallelism() - 1)) : 1;
}

/**
 * Runs the jobs on the main thread and, when `threads` > 1 and there is more than one job,
 * on worker threads beside it, each taking the next job when it is free. Every thread runs
 * the same renderFamily, so the PDFs are the same bytes however the jobs were spread.
 */
export async function runJobs(
  jobs: Job[],
  threads: number,
  local: (job: Job) => { family: Family; loc: Localization },
  done: (run: JobRun) => void,
): Promise<void> {
  const queue = [...jobs];
  const helpers = Math.max(0, Math.min(threads, jobs.length) - 1);
  const workers = Array.from({ length: helpers }, () => new Worker(workerUrl('worker', import.meta.url)));
  try {
    const onMain = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { family, loc } = local(job);
        const docs = await renderFamily(family, loc, job.options, new Set(job.wanted));
        done({ job, docs, fallbacks: [...loc.fallbacks] });
      }
    };
    const onWorker = async (worker: Worker) => {
      for (let job = queue.shift(); job; job = queue.shift()) done(await send(worker, job));
    };
    await Promise.all([onMain(), ...workers.map(onWorker)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function send(worker: Worker, job: Job): Promise<JobRun> {
  return new Promise((resolve, reject) => {
    const onMessage = async (result: JobResult) => {
      worker.off('error', reject);
      if ('error' in result) reject(await reviveError(result.error));
      else resolve({ job, fallbacks: result.fallbacks, docs: result.docs.map((d) => ({ ...d, pdf: asBuffer(d.pdf) })) });
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(job);
  });
}
