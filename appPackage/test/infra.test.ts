/**
 * Consistency checks on infra/*.bicep without the Bicep CLI (not installed here): module files
 * exist, every parameter passed is declared and every required one is passed, every
 * `<module>.outputs.<name>` exists, and the tables match the store's table names.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../functions/src/store/table-names';

const INFRA = fileURLToPath(new URL('../../infra/', import.meta.url));

interface BicepFile {
  readonly params: ReadonlyMap<string, { readonly required: boolean }>;
  readonly outputs: ReadonlySet<string>;
}

function parseBicep(text: string): BicepFile {
  const params = new Map<string, { required: boolean }>();
  for (const [, name, rest] of text.matchAll(/^param (\w+) ([^\n]*)$/gm)) {
    params.set(name!, { required: !rest!.includes('=') });
  }
  const outputs = new Set(Array.from(text.matchAll(/^output (\w+) /gm), (match) => match[1]!));
  return { params, outputs };
}

interface ModuleUse {
  readonly symbol: string;
  readonly path: string;
  readonly passed: readonly string[];
}

/** `module x 'path' = { ... params: { key: ... } ... }` blocks of a top-level file. */
function moduleUses(text: string): ModuleUse[] {
  return Array.from(text.matchAll(/^module (\w+) '([^']+)' = \{\n([\s\S]*?)^\}/gm), (match) => {
    const body = match[3]!;
    const params = /^ {2}params: \{\n([\s\S]*?)^ {2}\}/m.exec(body)?.[1] ?? '';
    const passed = Array.from(params.matchAll(/^ {4}(\w+):/gm), (key) => key[1]!);
    return { symbol: match[1]!, path: match[2]!, passed };
  });
}

const main = () => readFile(join(INFRA, 'main.bicep'), 'utf8');

describe('infra/main.bicep', () => {
  it('passes every required module parameter and only declared ones', async () => {
    const uses = moduleUses(await main());
    expect(uses.map((use) => use.symbol)).toEqual(
      expect.arrayContaining(['storage', 'functionApp', 'bot', 'tabs', 'monitoring']),
    );
    for (const use of uses) {
      const module = parseBicep(await readFile(join(INFRA, use.path), 'utf8'));
      for (const name of use.passed)
        expect(module.params.has(name), `${use.path}: ${name}`).toBe(true);
      for (const [name, { required }] of module.params) {
        if (required) expect(use.passed, `${use.path} needs ${name}`).toContain(name);
      }
    }
  });

  it('reads only outputs the modules declare', async () => {
    const text = await main();
    const outputsBySymbol = new Map<string, ReadonlySet<string>>();
    for (const use of moduleUses(text)) {
      const module = parseBicep(await readFile(join(INFRA, use.path), 'utf8'));
      outputsBySymbol.set(use.symbol, module.outputs);
    }
    for (const [, symbol, output] of text.matchAll(/\b(\w+)\.outputs\.(\w+)/g)) {
      expect(outputsBySymbol.get(symbol!)?.has(output!), `${symbol}.outputs.${output}`).toBe(true);
    }
  });

  it('declares every table the store uses', async () => {
    const block = /^var tableNames = \[\n([\s\S]*?)^\]/m.exec(await main())?.[1] ?? '';
    const declared = Array.from(block.matchAll(/'(\w+)'/g), (match) => match[1]);
    expect(declared).toEqual(expect.arrayContaining(Object.values(TABLES)));
  });

  it('sets the app settings the Functions app and the Teams SDK read', async () => {
    const text = await main();
    for (const setting of [
      'QCDC_STORAGE_ACCOUNT_URL',
      'QCDC_AUTH_MODE',
      'QCDC_API_AUDIENCE',
      'QCDC_ALLOWED_TENANTS',
      'CLIENT_ID',
      'TENANT_ID',
    ]) {
      expect(text).toMatch(new RegExp(`^ {6}${setting}: `, 'm'));
    }
  });

  it('has a parameter file naming only declared parameters, and every required one', async () => {
    const declared = parseBicep(await main()).params;
    const file = JSON.parse(await readFile(join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    for (const name of Object.keys(file.parameters)) expect(declared.has(name), name).toBe(true);
    for (const [name, { required }] of declared) {
      if (required) expect(Object.keys(file.parameters)).toContain(name);
    }
  });
});

describe('app settings coverage', () => {
  it('sets every setting the code reads, or documents it as manual or local-only', async () => {
    const sources = await Promise.all(
      ['functions/src/config.ts', 'functions/src/graph/graph-config.ts'].map((file) =>
        readFile(new URL(`../../${file}`, import.meta.url), 'utf8'),
      ),
    );
    const read = new Set(
      sources.flatMap((text) =>
        Array.from(
          text.matchAll(
            /\b(QCDC_[A-Z0-9_]+|CLIENT_ID|CLIENT_SECRET|TENANT_ID|MANAGED_IDENTITY_CLIENT_ID)\b/g,
          ),
          (match) => match[1]!,
        ),
      ),
    );
    expect(read.size).toBeGreaterThan(10);
    const bicep = await main();
    const documented = await readFile(new URL('../../infra/SETTINGS.md', import.meta.url), 'utf8');
    const missing = [...read].filter(
      (setting) =>
        !new RegExp(`^ {6}${setting}: `, 'm').test(bicep) && !documented.includes(`\`${setting}\``),
    );
    expect(missing).toEqual([]);
  });
});

describe('files the toolkit and the manifest reference', () => {
  it('all exist', async () => {
    const yml = await readFile(new URL('../../teamsapp.yml', import.meta.url), 'utf8');
    const manifest = JSON.parse(
      await readFile(new URL('../manifest.json', import.meta.url), 'utf8'),
    ) as {
      icons: { color: string; outline: string };
      localizationInfo?: { additionalLanguages?: { file: string }[] };
    };
    const paths = [
      ...Array.from(
        yml.matchAll(/(?:path|manifestPath|templatePath|parameters): (\.\/[^\s'"]+)/g),
        (m) => m[1]!,
      ),
      ...[manifest.icons.color, manifest.icons.outline].map((file) => `./appPackage/${file}`),
      ...(manifest.localizationInfo?.additionalLanguages ?? []).map(
        (l) => `./appPackage/${l.file}`,
      ),
    ];
    expect(paths.length).toBeGreaterThan(4);
    for (const path of paths) {
      await expect(
        access(new URL(`../../${path.replace(/^\.\//, '')}`, import.meta.url)),
        path,
      ).resolves.toBeUndefined();
    }
  });
});
