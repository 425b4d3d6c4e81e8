import { loadKit } from '../content/load.js';
import type { Kit } from '../content/model.js';
import { FAMILIES } from '../documents/registry.js';
import { localize, type Localization } from '../i18n/translator.js';
import { renderFamily } from './render-family.js';
import { saveEngineCache } from '../render/engine-cache.js';
import { answerRequests } from './thread-messages.js';
import type { Job } from './parallel.js';

// A render worker: takes one family of one language at a time and sends back the PDFs.
const kits = new Map<string, Kit>();
const locs = new Map<string, Localization>();

answerRequests(async (job: Job) => {
  let kit = kits.get(job.contentDir);
  if (!kit) kits.set(job.contentDir, (kit = loadKit(job.contentDir)));
  const key = `${job.contentDir}\0${job.language}`;
  let loc = locs.get(key);
  if (!loc) locs.set(key, (loc = localize(kit, job.contentDir, job.language)));
  const family = FAMILIES.find((f) => f.id === job.family)!;
  const docs = await renderFamily(family, loc, job.options, new Set(job.wanted));
  // Saved before replying, so the main thread's own save, which comes last, merges it in.
  saveEngineCache();
  return { docs, fallbacks: [...loc.fallbacks] };
});
