/**
 * Builds the Teams app package from appPackage/: fill `${{NAME}}` placeholders, validate the
 * manifest and its localization files against the official schemas, check the icons, and lay out
 * the files for the zip (all at its root).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMissing, fillPlaceholders, type Variables } from './placeholders';
import { decodePng, readPngHeader } from './png';
import { localizationSchemaUrl, validateDocument } from './schema';
import { writeZip, type ZipInput } from './zip';

/** The appPackage/ folder. */
export const APP_PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Values for `--dev`: the local host (`npm start`) and fixed demo ids, never real registrations. */
export const DEV_DEFAULTS: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-00000000a001',
  BOT_ID: '00000000-0000-4000-8000-00000000b002',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-00000000c003',
  TAB_DOMAIN: 'localhost:7071',
  BOT_DOMAIN: 'localhost:7071',
};

/** Required pixel size of each icon the manifest names. */
export const ICON_SIZES: Readonly<Record<string, number>> = {
  color: 192,
  outline: 32,
  color32x32: 32,
};

export type Json = Record<string, unknown>;

export interface BuiltPackage {
  /** The filled manifest (undefined when variables were missing or the JSON did not parse). */
  readonly manifest: Json | undefined;
  /** manifest.json first, then localization files and icons, as they go into the zip. */
  readonly files: readonly ZipInput[];
  /** Variables with no value, by file. */
  readonly missing: ReadonlyMap<string, readonly string[]>;
  /** Everything wrong, one line each; empty means the package is good to ship. */
  readonly problems: readonly string[];
}

interface Loaded {
  readonly name: string;
  readonly data: Buffer;
  readonly json?: Json;
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Fills a JSON template and parses it; reports missing variables and parse errors. */
function fillJson(
  name: string,
  template: Buffer,
  vars: Variables,
  missing: Map<string, readonly string[]>,
  problems: string[],
): Loaded | undefined {
  const filled = fillPlaceholders(template.toString('utf8'), vars, { json: true });
  if (filled.missing.length > 0) {
    missing.set(name, filled.missing);
    problems.push(describeMissing(name, filled.missing));
    return undefined;
  }
  try {
    const json = JSON.parse(filled.text) as Json;
    return { name, data: Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8'), json };
  } catch (error) {
    problems.push(`${name}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

/** A path the manifest refers to must stay inside the package. */
function checkRelativePath(name: string): string | undefined {
  if (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').includes('..')
  ) {
    return `manifest.json: file path ${JSON.stringify(name)} must be relative, inside the package`;
  }
  return undefined;
}

/** Localization files named by `localizationInfo`. */
export function localizationFiles(manifest: Json): string[] {
  const info = (manifest.localizationInfo ?? {}) as {
    defaultLanguageFile?: string;
    additionalLanguages?: { file: string }[];
  };
  const files = (info.additionalLanguages ?? []).map((language) => language.file);
  return info.defaultLanguageFile ? [info.defaultLanguageFile, ...files] : files;
}

/** Icons named by `icons`, with their role (`color`, `outline`, `color32x32`). */
export function iconFiles(manifest: Json): [role: string, file: string][] {
  return Object.entries((manifest.icons ?? {}) as Record<string, string>);
}

/** Size, format and (for the outline icon) colour checks for one icon. */
export function checkIcon(name: string, role: string, png: Uint8Array): string[] {
  const size = ICON_SIZES[role];
  let header;
  try {
    header = readPngHeader(png);
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (size !== undefined && (header.width !== size || header.height !== size)) {
    problems.push(
      `${name}: ${role} icon is ${header.width}x${header.height}, must be ${size}x${size}`,
    );
  }
  if (role === 'outline' || role === 'color32x32') {
    const { pixels } = decodePng(png);
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else if (role === 'outline' && (pixels[i]! & pixels[i + 1]! & pixels[i + 2]!) !== 255) {
        problems.push(`${name}: outline icon must be white on transparent (pixel ${i / 4})`);
        break;
      }
    }
    if (transparent === 0) problems.push(`${name}: ${role} icon needs a transparent background`);
  }
  return problems;
}

/** `validDomains` and the domain variables hold host names (with an optional port), never URLs. */
export function checkDomains(manifest: Json): string[] {
  const domains = (manifest.validDomains ?? []) as string[];
  return domains
    .filter((domain) => !/^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(domain))
    .map(
      (domain) => `manifest.json: validDomains entry ${JSON.stringify(domain)} is not a host name`,
    );
}

async function loadLocalization(
  dir: string,
  file: string,
  manifest: Json,
  vars: Variables,
  missing: Map<string, readonly string[]>,
  problems: string[],
): Promise<Loaded | undefined> {
  const template = await readIfPresent(join(dir, file));
  if (!template) {
    problems.push(`${file}: named in localizationInfo but not found`);
    return undefined;
  }
  const loaded = fillJson(file, template, vars, missing, problems);
  if (!loaded?.json) return undefined;
  const expected = localizationSchemaUrl(String(manifest.$schema));
  if (loaded.json.$schema !== expected) {
    problems.push(`${file}: $schema must be ${expected} (same version as the manifest)`);
    return loaded;
  }
  problems.push(...(await validateDocument(loaded.json)).map((line) => `${file}: ${line}`));
  return loaded;
}

async function loadIcon(dir: string, role: string, file: string, problems: string[]) {
  const data = await readIfPresent(join(dir, file));
  if (!data) {
    problems.push(`${file}: ${role} icon named in the manifest but not found`);
    return undefined;
  }
  problems.push(...checkIcon(file, role, data));
  return { name: file, data };
}

/** Reads, fills and checks everything; never throws for a bad package, only for I/O failures. */
export async function buildPackage(vars: Variables, dir = APP_PACKAGE_DIR): Promise<BuiltPackage> {
  const missing = new Map<string, readonly string[]>();
  const problems: string[] = [];
  const template = await readFile(join(dir, 'manifest.json'));
  const manifest = fillJson('manifest.json', template, vars, missing, problems);
  if (!manifest?.json) return { manifest: undefined, files: [], missing, problems };

  const json = manifest.json;
  problems.push(...(await validateDocument(json)).map((line) => `manifest.json: ${line}`));
  problems.push(...checkDomains(json));
  const files: ZipInput[] = [manifest];
  const referenced = [...localizationFiles(json), ...iconFiles(json).map(([, file]) => file)];
  const badPaths = referenced.map(checkRelativePath).filter((line) => line !== undefined);
  if (badPaths.length > 0)
    return { manifest: json, files, missing, problems: [...problems, ...badPaths] };

  for (const file of localizationFiles(json)) {
    const loaded = await loadLocalization(dir, file, json, vars, missing, problems);
    if (loaded) files.push(loaded);
  }
  for (const [role, file] of iconFiles(json)) {
    const icon = await loadIcon(dir, role, file, problems);
    if (icon && !files.some((added) => added.name === file)) files.push(icon);
  }
  return { manifest: json, files, missing, problems };
}

/** The zip bytes for a built package. */
export function zipPackage(built: BuiltPackage): Buffer {
  return writeZip(built.files);
}
