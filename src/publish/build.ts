import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadKit } from '../content/load.js';
import type { DocumentFamily, Kit } from '../content/model.js';
import { FAMILIES } from '../documents/registry.js';
import type { BuildOptions } from '../documents/family.js';
import { localize, type Localization } from '../i18n/translator.js';
import { renderPdf } from '../render/render.js';
import { TranslationError } from '../errors.js';
import { indexPage } from './index-page.js';
import { MANIFEST, readManifest, sha256, type Manifest, type ManifestFile } from './manifest.js';
import { previewPng } from './previews.js';
import { readme } from './readme.js';
import { Staging } from './staging.js';
import { zip } from './zip.js';

export interface BuildRequest {
  contentDir: string;
  outDir: string;
  languages: string[];
  only: DocumentFamily[];
  options: Omit<BuildOptions, 'date'>;
  /** Treat a missing translation as an error instead of a warning. */
  strict?: boolean;
}

export interface BuiltFile {
  language: string;
  family: DocumentFamily;
  /** Path inside the output folder. */
  path: string;
  title: string;
  pages: number;
  bytes: number;
  /** Milliseconds spent composing and rendering it. */
  ms: number;
}

export interface BuildResult {
  files: BuiltFile[];
  /** Per language, the translation keys that printed in Danish. */
  fallbacks: Map<string, string[]>;
  manifest: Manifest;
}

/** The date written into PDFs: SOURCE_DATE_EPOCH when set (reproducible builds), else the kit's own date. */
export function buildDate(kitDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${kitDate}T12:00:00Z`);
}

/**
 * Loads, localizes, composes and renders every requested document, then publishes the
 * folder: PDFs, previews, a zip per language, manifest.json and index.html. All of it is
 * written into a staging folder that replaces `<out>` only when everything succeeded.
 */
export async function build(req: BuildRequest, onFile: (f: BuiltFile) => void = () => {}): Promise<BuildResult> {
  const kit = loadKit(req.contentDir);
  const options: BuildOptions = { ...req.options, date: buildDate(kit.meta.date) };
  const staging = Staging.open(req.outDir);
  try {
    const files: BuiltFile[] = [];
    const fallbacks = new Map<string, string[]>();
    const fresh: ManifestFile[] = [];
    for (const language of req.languages) {
      const loc = localize(kit, req.contentDir, language);
      for (const family of FAMILIES.filter((f) => req.only.includes(f.id))) {
        // Composing a family makes all its documents at once; the first one's time includes it.
        let started = performance.now();
        for (const doc of await family.compose(loc, options)) {
          const { bytes, pages } = await renderPdf(doc.pdf);
          const path = `${language}/${doc.file}`;
          const previewPath = `${language}/previews/${doc.file.replace(/\.pdf$/, '.png')}`;
          put(staging, path, bytes);
          const png = await previewPng(bytes);
          put(staging, previewPath, png);
          fresh.push(
            { path, language, kind: 'pdf', document: doc.family, title: doc.title, pages, bytes: bytes.length, sha256: sha256(bytes), preview: previewPath },
            { path: previewPath, language, kind: 'preview', document: doc.family, title: doc.title, pages: null, bytes: png.length, sha256: sha256(png) },
          );
          const file = { language, family: doc.family, path, title: doc.title, pages, bytes: bytes.length, ms: performance.now() - started };
          started = performance.now();
          files.push(file);
          onFile(file);
        }
      }
      if (loc.fallbacks.size > 0) fallbacks.set(language, [...loc.fallbacks]);
    }
    if (req.strict && fallbacks.size > 0) throw new TranslationError(fallbacks);
    const manifest = publish(staging, kit, req, fresh);
    staging.commit();
    return { files, fallbacks, manifest };
  } catch (err) {
    staging.abort();
    throw err;
  }
}

/** Manifest, zips and index over everything the folder now holds: this build's files and the previous build's others. */
function publish(staging: Staging, kit: Kit, req: BuildRequest, fresh: ManifestFile[]): Manifest {
  const previous = readManifest(staging.path(MANIFEST));
  const replaced = new Set(fresh.map((f) => f.path));
  const kept = (previous?.files ?? []).filter((f) => f.kind !== 'zip' && !replaced.has(f.path) && existsSync(staging.path(f.path)));
  const documents = [...kept, ...fresh];
  const languages = order([...new Set(documents.map((f) => f.language))]);
  const locs = languages.map((l) => localize(kit, req.contentDir, l));
  const zips = locs.map((loc) => bundle(staging, loc, documents));
  const manifest: Manifest = {
    kit: kit.meta.id,
    kernekit: req.options.version,
    languages,
    files: sortFiles([...documents, ...zips], languages),
  };
  put(staging, MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  const branding = req.options.branding;
  put(staging, 'index.html', indexPage(manifest, locs, { accent: branding?.accent ?? '#1D5E8C', organisation: branding?.organisation ?? null }));
  return manifest;
}

/** `<lang>/kernekit-<lang>.zip`: that language's PDFs and a read-me in that language. */
function bundle(staging: Staging, loc: Localization, documents: ManifestFile[]): ManifestFile {
  const pdfs = sortFiles(documents.filter((f) => f.language === loc.language && f.kind === 'pdf'), [loc.language]);
  const entries = [
    { name: loc.t('publish.readme.file'), data: Buffer.from(readme(loc, pdfs), 'utf8') },
    ...pdfs.map((f) => ({ name: f.path.slice(f.language.length + 1), data: readFileSync(staging.path(f.path)) })),
  ];
  const data = zip(entries);
  const path = `${loc.language}/kernekit-${loc.language}.zip`;
  put(staging, path, data);
  return { path, language: loc.language, kind: 'zip', document: null, title: loc.kit.meta.title, pages: null, bytes: data.length, sha256: sha256(data) };
}

/** Danish first, then the others alphabetically. */
function order(languages: string[]): string[] {
  return [...languages].sort((a, b) => (a === 'da' ? -1 : b === 'da' ? 1 : a.localeCompare(b)));
}

/** Language order, then the order of the families in the registry, then file name: stable from build to build. */
function sortFiles(files: ManifestFile[], languages: string[]): ManifestFile[] {
  const familyRank = (f: ManifestFile) => (f.document ? FAMILIES.findIndex((x) => x.id === f.document) : FAMILIES.length);
  const kindRank = { pdf: 0, preview: 1, zip: 2 };
  return [...files].sort(
    (a, b) =>
      languages.indexOf(a.language) - languages.indexOf(b.language) ||
      familyRank(a) - familyRank(b) ||
      kindRank[a.kind] - kindRank[b.kind] ||
      a.path.localeCompare(b.path),
  );
}

function put(staging: Staging, path: string, data: Buffer | string): void {
  const full = staging.path(path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
}
