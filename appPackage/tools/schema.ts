/**
 * Offline validation against the official Teams JSON schemas shipped in `@microsoft/app-manifest`
 * (build/json-schemas/teams/vX.Y/*.json, draft-04). A `$schema` URL maps to the local file the same
 * way the package's own `AppManifestUtils.fetchSchema` maps it, but nothing is ever fetched.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type JsonSchema = Record<string, unknown> & { $schema?: string };

const requireHere = createRequire(import.meta.url);
const manifestPackageEntry = requireHere.resolve('@microsoft/app-manifest');
/** `ajv-draft-04` is a dependency of `@microsoft/app-manifest`: load it the way that package does. */
const requireFromManifestPackage = createRequire(manifestPackageEntry);

/** Folder holding `teams/v1.25/MicrosoftTeams.schema.json` and friends. */
export const SCHEMA_ROOT = join(dirname(manifestPackageEntry), 'json-schemas');

/**
 * Local file for a schema URL such as
 * `https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json`
 * (with or without the locale segment). Throws for URLs the package does not ship.
 */
export function localSchemaPath(schemaUrl: string): string {
  const url = new URL(schemaUrl);
  const match = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/json-schemas\/(teams\/[^/]+\/[^/]+\.json)$/i.exec(
    url.pathname,
  );
  if (url.hostname !== 'developer.microsoft.com' || !match) {
    throw new Error(`Not an offline Teams schema URL: ${schemaUrl}`);
  }
  return join(SCHEMA_ROOT, ...match[1]!.split('/'));
}

/** The localization schema that belongs to the same manifest version as `manifestSchemaUrl`. */
export function localizationSchemaUrl(manifestSchemaUrl: string): string {
  return manifestSchemaUrl.replace(
    /MicrosoftTeams\.schema\.json$/,
    'MicrosoftTeams.Localization.schema.json',
  );
}

/** Reads a shipped schema. Like the package, turns the invalid JSON escapes `\a` and `\v` into `\u` ones. */
export async function loadSchema(schemaUrl: string): Promise<JsonSchema> {
  const raw = await readFile(localSchemaPath(schemaUrl), 'utf8');
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as JsonSchema;
}

type AjvConstructor = new (options: Options) => Ajv;

function ajvFor(schema: JsonSchema): AjvConstructor {
  const draft = schema.$schema ?? '';
  if (draft.includes('draft-04')) {
    return (requireFromManifestPackage('ajv-draft-04') as { default: unknown })
      .default as AjvConstructor;
  }
  if (draft.includes('2020-12')) return Ajv2020 as unknown as AjvConstructor;
  return Ajv;
}

export interface CompileOptions {
  /**
   * Compile `pattern`s as Unicode regular expressions (Ajv's default). The Teams localization
   * schema has patterns such as `\b]` that are not valid with the `u` flag: pass `false` for it.
   */
  readonly unicodeRegExp?: boolean;
}

export type Validate = (document: unknown) => string[];

/** A validator returning readable error lines (empty when valid). */
export function compileSchema(schema: JsonSchema, options: CompileOptions = {}): Validate {
  const AjvClass = ajvFor(schema);
  const ajv = new AjvClass({
    allErrors: true,
    strict: false,
    unicodeRegExp: options.unicodeRegExp ?? true,
  });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate: ValidateFunction = ajv.compile(schema);
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map(formatError));
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  return `${where} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`;
}

const compiled = new Map<string, Promise<Validate>>();

/**
 * Validator for the schema at `schemaUrl`, compiled once per URL. Localization schemas are
 * compiled without Unicode regular expressions (they do not compile otherwise).
 */
export function validatorFor(schemaUrl: string): Promise<Validate> {
  let validator = compiled.get(schemaUrl);
  if (!validator) {
    const unicodeRegExp = !/Localization\.schema\.json$/.test(schemaUrl);
    validator = loadSchema(schemaUrl).then((schema) => compileSchema(schema, { unicodeRegExp }));
    compiled.set(schemaUrl, validator);
  }
  return validator;
}

/** Validates a manifest or localization document against the schema its own `$schema` names. */
export async function validateDocument(document: object): Promise<string[]> {
  const schemaUrl = (document as { $schema?: unknown }).$schema;
  if (typeof schemaUrl !== 'string') return ['(root) has no $schema URL'];
  const validate = await validatorFor(schemaUrl);
  return validate(document);
}
