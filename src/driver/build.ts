import { readFileSync, realpathSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadContent } from '../content/load.js';
import type { DocumentFamily, Kit } from '../content/model.js';
import { FAMILIES } from '../documents/registry.js';
import type { BuildOptions } from '../documents/family.js';
import { localize, type Localization } from '../i18n/translator.js';
import { PreviewsUnavailable } from '../errors.js';
import { UsageError } from '../content/problems.js';
import { indexPage } from '../writers/index-page.js';
import { addFallbacks, MANIFEST, readManifest, sha256, type Manifest, type ManifestFile, type RecordedWarnings } from '../writers/manifest.js';
import { readme, readmeName } from '../writers/readme.js';
import { Staging } from '../publish/staging.js';
import { lockOutput } from '../publish/out-lock.js';
import { zip } from '../writers/zip.js';
import { fileInside } from '../publish/out-path.js';
import { outputFolder } from '../publish/out-folder.js';
import { DEFAULT_ACCENT, editionFile } from '../writers/html-edition.js';
import { ACCESSIBILITY_FILE, accessibilityPage } from '../writers/accessibility-page.js';
import { plannerFiles } from '../writers/planner-page.js';
import { builtFile } from '../writers/built-file.js';
import { configWebFonts, WEB_FONT_PATHS } from '../fonts/web-fonts.js';
import { reviewTranslations } from '../i18n/review.js';
import { hasTranslation } from '../i18n/language-code.js';
import { documentFiles, previewFile, zipFile } from '../writers/kit-files.js';
import type { Gate } from '../i18n/gates.js';
import { environment, fileFingerprint } from './fingerprint.js';
import { meeting, overrunWarning } from '../plan/meeting.js';
import { hasSize } from './source-key.js';
import { defaultJobs, runJobs, type Job } from './parallel.js';
import { previewPng } from './previews.js';
import { saveEngineCache } from '../render/engine-cache.js';
import { useFonts } from '../render/font-set.js';
import type { Timings } from './timings.js';
import { SCHEMA_VERSION } from '../json-output.js';
import { gateTranslations, recordWarnings, type BuildWarnings } from './warnings.js';

export interface BuildRequest {
  contentDir: string;
  outDir: string;
  languages: string[];
  only: DocumentFamily[];
  options: Omit<BuildOptions, 'date'>;
  /** What fails the build instead of a warning: untranslated (`missing`) or `stale` keys. Broken placeholders always fail. */
  failOn?: readonly Gate[];
  /** Rebuild every document, even those whose inputs did not change. */
  force?: boolean;
  /** Threads that render at once (1: all on the main thread); by default as parallel.ts decides. */
  jobs?: number;
  /** sourceKey() of this build, recorded in the manifest so the next one can tell nothing changed. */
  sourceKey?: string;
  /** Records where the time goes (--timings). */
  timings?: Timings;
  /** Told, with its process id, when another build holds the output folder and this one waits for it. */
  onWait?: (holder: number) => void;
}

export interface BuiltFile {
  language: string;
  /** The document family, named as in manifest.json. */
  document: DocumentFamily;
  /** Path inside the output folder. */
  path: string;
  title: string;
  pages: number;
  bytes: number;
  /** Milliseconds spent composing and rendering it (the sum of the next two). */
  ms: number;
  /** Composing its family, counted on the family's first file (0 on the others). */
  composeMs: number;
  renderMs: number;
}

export interface BuildResult {
  files: BuiltFile[];
  manifest: Manifest;
  /** Nothing had changed: nothing was written. */
  upToDate: boolean;
  /** The same whether or not anything was built. */
  warnings: BuildWarnings;
}

/** 9999-12-31T23:59:59Z: a PDF date has four digits for the year. */
const LAST_PDF_SECOND = 253402300799;

/** The date written into PDFs: SOURCE_DATE_EPOCH when set (reproducible builds), else the kit's own date. */
export function buildDate(kitDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch) {
    if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_PDF_SECOND) {
      throw new UsageError(`SOURCE_DATE_EPOCH=${epoch} is not a date a PDF can hold. Give whole seconds since 1970 up to ${LAST_PDF_SECOND} (the end of 9999), or unset it to use the kit's date.`);
    }
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${kitDate}T12:00:00Z`);
}

/**
 * Loads, localizes, composes and renders every requested document whose inputs changed
 * since the last build (all of them with `force`), then publishes the folder: PDFs,
 * HTML editions, previews, a zip per language, manifest.json, index.html and the
 * accessibility page. All of it is written into a
 * staging folder that replaces `<out>` only when everything succeeded. When nothing
 * changed, nothing is written at all.
 */
export async function build(req: BuildRequest, onFile: (f: BuiltFile) => void = () => {}, onPlanned: (pdfs: number) => void = () => {}): Promise<BuildResult> {
  const outDir = outputFolder(req.outDir, req.contentDir);
  // From reading the last manifest to swapping in the new folder, one build at a time.
  const lock = await lockOutput(outDir, req.onWait);
  try {
    return await buildLocked({ ...req, outDir }, onFile, onPlanned);
  } finally {
    lock.release();
  }
}

async function buildLocked(req: BuildRequest, onFile: (f: BuiltFile) => void, onPlanned: (pdfs: number) => void): Promise<BuildResult> {
  const outDir = req.outDir;
  const { kit, warnings: content } = loadContent(req.contentDir);
  // Only the kit knows its exercises: a name it does not know stops the build before anything is made.
  const meetingWarning = overrunWarning(meeting(kit.exercises, req.options.tailoring ?? {}));
  req.timings?.lap('reading and checking the content');
  const options: BuildOptions = { ...req.options, date: buildDate(kit.meta.date) };
  // The glyph checks of translating and planning, the planner pages and any rendering on this thread draw with the config's fonts.
  useFonts(options.fonts);
  Staging.recover(outDir);
  const previous = readManifest(join(outDir, MANIFEST));
  const plan = planBuild(kit, { ...req, outDir }, options, previous);
  const stale = reviewTranslations(kit, req.contentDir, plan.map((p) => p.loc));
  req.timings?.lap('translating and planning');
  const fallbacks = new Map<string, string[]>();
  const recorded = (language: string, keys: string[]) => addFallbacks(fallbacks, language, keys);
  for (const p of plan) for (const f of p.families) if (!f.stale) for (const file of f.files) recorded(p.loc.language, file.previous?.fallbacks ?? []);
  const gate = () => gateTranslations(req.failOn, { missing: fallbacks, stale });
  if (plan.every((p) => p.families.every((f) => !f.stale)) && previous) {
    // The zips' read-mes and the index page were made last time: their fallbacks are on record.
    // Every document here has its thumbnail (one without is not intact), so none is missing.
    for (const z of previous.files) if (z.kind === 'zip' && req.languages.includes(z.language)) recorded(z.language, z.fallbacks ?? []);
    gate();
    return { files: [], manifest: previous, upToDate: true, warnings: { missing: fallbacks, stale, content, ...(meetingWarning ? { meeting: meetingWarning } : {}) } };
  }

  const staging = Staging.open(outDir);
  // Previews are made on their own thread while rendering goes on; every one has settled
  // before the staging folder is committed or removed.
  const previews: Array<Promise<void>> = [];
  let previewFailed: unknown;
  let noPreviews: string | undefined;
  try {
    const files: BuiltFile[] = [];
    const fresh: ManifestFile[] = [];
    const jobs: Job[] = plan.flatMap(({ loc, families }) =>
      families
        .filter((f) => f.stale)
        .map(({ family, files: planned }) => ({
          id: 0,
          contentDir: req.contentDir,
          language: loc.language,
          family: family.id,
          options,
          wanted: planned.filter((f) => f.changed).map((f) => f.file),
        })),
    );
    jobs.forEach((job, i) => (job.id = i));
    onPlanned(jobs.reduce((n, job) => n + job.wanted.length, 0));
    const byLanguage = new Map(plan.map((p) => [p.loc.language, p]));
    await runJobs(
      jobs,
      req.jobs ?? defaultJobs(jobs.length),
      (job) => ({ family: FAMILIES.find((f) => f.id === job.family)!, loc: byLanguage.get(job.language)!.loc }),
      ({ job, docs, fallbacks: used }) => {
        const planned = byLanguage.get(job.language)!.families.find((f) => f.family.id === job.family)!.files;
        for (const doc of docs) {
          const path = `${job.language}/${doc.file}`;
          const previewPath = `${job.language}/${previewFile(doc.file)}`;
          const htmlPath = `${job.language}/${editionFile(doc.file)}`;
          const html = Buffer.from(doc.html, 'utf8');
          staging.put(path, doc.pdf);
          staging.put(htmlPath, html);
          const common = { language: job.language, document: job.family, title: doc.title, inputs: planned.find((f) => f.file === doc.file)!.fingerprint };
          const pdfSha256 = sha256(doc.pdf);
          fresh.push({ ...common, path, kind: 'pdf', pages: doc.pages, bytes: doc.pdf.length, sha256: pdfSha256, preview: previewPath, html: htmlPath, fallbacks: used });
          fresh.push({ ...common, path: htmlPath, kind: 'html', pages: null, bytes: html.length, sha256: sha256(html) });
          previews.push(
            previewPng(doc.pdf, pdfSha256).then((png) => {
              staging.put(previewPath, png);
              fresh.push({ ...common, path: previewPath, kind: 'preview', pages: null, bytes: png.length, sha256: sha256(png) });
            })
              .catch((err: unknown) => {
                if (err instanceof PreviewsUnavailable) noPreviews ??= err.message;
                else previewFailed ??= err;
              }),
          );
          const timing = { ms: doc.composeMs + doc.renderMs, composeMs: doc.composeMs, renderMs: doc.renderMs };
          const file = { language: job.language, document: job.family, path, title: doc.title, pages: doc.pages, bytes: doc.pdf.length, ...timing };
          files.push(file);
          onFile(file);
        }
        recorded(job.language, used);
      },
    );
    req.timings?.lap(`composing and rendering ${files.length} PDF${files.length === 1 ? '' : 's'}`);
    await Promise.all(previews);
    if (previewFailed) throw previewFailed;
    // Without thumbnails the PDFs name none; the next build that can draw them does (their entries are not intact).
    if (noPreviews) for (const f of fresh) delete f.preview;
    req.timings?.lap('waiting for the last previews');
    const warnings: BuildWarnings = { missing: fallbacks, stale, content, ...(noPreviews ? { noPreviews } : {}), ...(meetingWarning ? { meeting: meetingWarning } : {}) };
    const manifest = publish(staging, kit, req, options, fresh, plan.map((p) => p.loc), recordWarnings(warnings, req.contentDir));
    for (const z of manifest.files) if (z.kind === 'zip') recorded(z.language, z.fallbacks ?? []);
    gate();
    staging.commit();
    req.timings?.lap('publishing: zips, manifest.json, index.html');
    // Threads finish in any order; report in the order of languages, families and each family's own files.
    const rank = kitOrder(kit);
    files.sort((a, b) => req.languages.indexOf(a.language) - req.languages.indexOf(b.language) || rank.family(a.document) - rank.family(b.document) || rank.file(a.path) - rank.file(b.path));
    return { files, manifest, upToDate: false, warnings };
  } catch (err) {
    await Promise.all(previews);
    staging.abort();
    throw staging.asOutput(err);
  } finally {
    saveEngineCache();
    req.timings?.lap('saving the engine cache');
  }
}

interface PlannedFile {
  file: string;
  fingerprint: string;
  /** Its manifest entry from the last build, if that is still on disk. */
  previous: ManifestFile | undefined;
  changed: boolean;
}

/** Per language and family: which files are out of date. A family is composed when any of its files is. */
function planBuild(kit: Kit, req: BuildRequest, options: BuildOptions, previous: Manifest | undefined) {
  const onDisk = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  return req.languages.map((language) => {
    const loc = localize(kit, req.contentDir, language);
    const env = environment(req.contentDir, language, options);
    const families = FAMILIES.filter((f) => req.only.includes(f.id)).map((family) => {
      const files: PlannedFile[] = Object.entries(family.inputs(loc.kit, options.tailoring)).map(([file, input]) => {
        const fingerprint = fileFingerprint(env, family.id, file, input);
        const path = `${language}/${file}`;
        const before = onDisk.get(path);
        const beside = (f: string | undefined) => f !== undefined && fileInside(req.outDir, f) !== undefined;
        const intact = before !== undefined && before.inputs === fingerprint && hasSize(req.outDir, path, before.bytes) && beside(before.preview) && beside(before.html);
        return { file, fingerprint, previous: intact ? before : undefined, changed: req.force === true || !intact };
      });
      return { family, files, stale: files.some((f) => f.changed) };
    });
    return { loc, families };
  });
}

/**
 * Manifest, zips and index over everything the folder now holds: this build's files and
 * those of the previous build that the content still makes (another language's, another
 * family's). A file the previous build made that the content no longer makes (a deleted
 * exercise's, a language whose translation is gone) leaves the folder with its entry.
 */
function publish(staging: Staging, kit: Kit, req: BuildRequest, options: BuildOptions, fresh: ManifestFile[], planned: Localization[], warnings: RecordedWarnings | undefined): Manifest {
  const previous = readManifest(staging.path(MANIFEST));
  const replaced = new Set(fresh.map((f) => f.path));
  const made = documentFiles(kit);
  const stillMade = (f: ManifestFile) => hasTranslation(req.contentDir, f.language) && made.has(f.path.slice(f.language.length + 1));
  // Zips and planners are made anew from all the documents.
  const kept = (previous?.files ?? []).filter((f) => f.kind !== 'zip' && f.kind !== 'planner' && !replaced.has(f.path) && stillMade(f) && fileInside(staging.dir, f.path) !== undefined);
  const documents = [...kept, ...fresh];
  const languages = order([...new Set(documents.map((f) => f.language))]);
  // A language of the folder this build did not ask for (an earlier build's) is localized here.
  const locs = languages.map((l) => planned.find((loc) => loc.language === l)?.withOwnFallbacks() ?? localize(kit, req.contentDir, l));
  const zips = locs.map((loc) => bundle(staging, req.contentDir, loc, documents));
  const planners = locs.flatMap((loc) => planner(staging, kit, req.contentDir, loc, options, documents));
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    kit: kit.meta.id,
    kernekit: req.options.version,
    ...(req.sourceKey ? { source: req.sourceKey } : {}),
    languages,
    ...(warnings ? { warnings } : {}),
    files: sortFiles([...documents, ...zips, ...planners], languages, kit),
    fonts: [...WEB_FONT_PATHS.map((path) => [path, builtFile(path)] as const), ...[...configWebFonts(req.options.fonts)].map(([path, font]) => [path, readFileSync(font.file)] as const)].map(([path, data]) => {
      staging.put(path, data);
      return { path, bytes: data.length, sha256: sha256(data) };
    }),
  };
  const branding = req.options.branding;
  const accent = branding?.accent ?? DEFAULT_ACCENT;
  const index = indexPage(manifest, locs, { accent, organisation: branding?.organisation ?? null, logo: branding?.logo ?? null, fonts: req.options.fonts });
  const accessibility = accessibilityPage(manifest, locs, accent, req.options.fonts);
  // The read-me and the web pages are read too: what fell back there is recorded on the language's zip.
  for (const [i, loc] of locs.entries()) if (loc.fallbacks.size > 0) zips[i]!.fallbacks = [...loc.fallbacks];
  staging.put(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  staging.put('index.html', index);
  staging.put(ACCESSIBILITY_FILE, accessibility);
  const listed = new Set([...manifest.files, ...(manifest.fonts ?? [])].map((f) => f.path));
  // A font file of an earlier config (its typeface or fonts: changed) goes as a document does.
  for (const f of [...(previous?.files ?? []), ...(previous?.fonts ?? [])]) if (!listed.has(f.path)) removeMade(staging, f);
  return manifest;
}

/**
 * Removes a file the previous build listed and this one does not, if it is still the file
 * kernekit wrote (its bytes as recorded, no link on its way): one a user put in its place stays.
 * The language's folders go with their last file.
 */
function removeMade(staging: Staging, f: Pick<ManifestFile, 'path' | 'sha256'>): void {
  const path = join(realpathSync.native(staging.dir), f.path);
  if (fileInside(staging.dir, f.path) !== path || sha256(readFileSync(path)) !== f.sha256) return;
  unlinkSync(path);
  for (let dir = dirname(f.path); dir !== '.'; dir = dirname(dir)) {
    try {
      rmdirSync(staging.path(dir));
    } catch {
      return;
    }
  }
}

/** `<lang>/kernekit-<lang>.zip`: that language's PDFs and a read-me in that language. */
function bundle(staging: Staging, contentDir: string, loc: Localization, documents: ManifestFile[]): ManifestFile {
  const pdfs = sortFiles(documents.filter((f) => f.language === loc.language && f.kind === 'pdf'), [loc.language], loc.kit);
  const entries = [
    { name: readmeName(loc, contentDir), data: Buffer.from(readme(loc, pdfs), 'utf8') },
    ...pdfs.map((f) => ({ name: f.path.slice(f.language.length + 1), data: readFileSync(fileInside(staging.dir, f.path)!) })),
  ];
  const data = zip(entries);
  const path = `${loc.language}/${zipFile(loc.language)}`;
  staging.put(path, data);
  return { path, language: loc.language, kind: 'zip', document: null, title: loc.kit.meta.title, pages: null, bytes: data.length, sha256: sha256(data) };
}

/** `<lang>/planlaeg-moedet.html` (its name translated) and the scripts beside it. */
function planner(staging: Staging, kit: Kit, contentDir: string, loc: Localization, options: BuildOptions, documents: ManifestFile[]): ManifestFile[] {
  const title = loc.t('planner.title');
  return [...plannerFiles(kit, contentDir, loc, options, documents)].map(([file, data]) => {
    const path = `${loc.language}/${file}`;
    staging.put(path, data);
    return { path, language: loc.language, kind: 'planner', document: null, title, pages: null, bytes: data.length, sha256: sha256(data) };
  });
}

/** Danish first, then the others alphabetically. */
function order(languages: string[]): string[] {
  return [...languages].sort((a, b) => (a === 'da' ? -1 : b === 'da' ? 1 : a.localeCompare(b)));
}

/** Language order, then the order of the families in the registry, then file name: stable from build to build. */
function sortFiles(files: ManifestFile[], languages: string[], kit: Kit): ManifestFile[] {
  const rank = kitOrder(kit);
  const kindRank = { pdf: 0, html: 1, preview: 2, zip: 3, planner: 4 };
  return [...files].sort(
    (a, b) =>
      languages.indexOf(a.language) - languages.indexOf(b.language) ||
      rank.family(a.document) - rank.family(b.document) ||
      kindRank[a.kind] - kindRank[b.kind] ||
      rank.file(a.path) - rank.file(b.path) ||
      a.path.localeCompare(b.path),
  );
}

/**
 * The kit's order of documents: families as the registry lists them (anything else, the
 * zips, after), and within a family its own order (worksheets by exercise number), not the
 * alphabet. A preview or HTML edition ranks as its PDF.
 */
function kitOrder(kit: Kit): { family(id: DocumentFamily | null): number; file(path: string): number } {
  const fileRank = new Map(FAMILIES.flatMap((family) => family.files(kit).map((file, i) => [file, i] as const)));
  return {
    family: (id) => (id ? FAMILIES.findIndex((x) => x.id === id) : FAMILIES.length),
    file: (path) => fileRank.get(path.slice(path.lastIndexOf('/') + 1).replace(/\.(png|html)$/, '.pdf')) ?? Infinity,
  };
}
