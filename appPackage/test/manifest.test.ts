import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import appManifest, { type TeamsManifestV1D25 } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { colorIcon, outlineIcon } from '../tools/icons';
import {
  APP_PACKAGE_DIR,
  buildPackage,
  checkDomains,
  checkIcon,
  DEV_DEFAULTS,
  zipPackage,
  type Json,
} from '../tools/package';
import { fillPlaceholders, findPlaceholders, mergeVariables } from '../tools/placeholders';
import { decodePng, encodePng, readPngHeader } from '../tools/png';
import { compileSchema, loadSchema, validateDocument } from '../tools/schema';
import { listZip, readZip, writeZip } from '../tools/zip';
import { folderEntries } from '../tools/zip-folder';

type Manifest = TeamsManifestV1D25.TeamsManifestV1D25;

const MANIFEST_SCHEMA =
  'https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json';
const LOCALIZATION_SCHEMA =
  'https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.Localization.schema.json';

/** Values shaped like a real provisioned environment (Azure host names, fresh GUIDs). */
const CLOUD_VARIABLES = {
  TEAMS_APP_ID: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  AAD_APP_CLIENT_ID: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  TAB_DOMAIN: 'purple-river-0a1b2c3d4.6.azurestaticapps.net',
  BOT_DOMAIN: 'func-qcdc-dev-abc123.azurewebsites.net',
};

const source = (file: string) => readFile(join(APP_PACKAGE_DIR, file));
const sourceJson = async (file: string) =>
  JSON.parse((await source(file)).toString('utf8')) as Json;

async function filledManifest(vars = DEV_DEFAULTS): Promise<Json> {
  const built = await buildPackage(vars);
  expect(built.problems).toEqual([]);
  return built.manifest!;
}

/** Follows a localization key such as `bots[0].commandLists[1].commands[3].title`. */
function lookup(document: unknown, key: string): unknown {
  return key
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>(
      (value, part) => (value as Record<string, unknown> | undefined)?.[part],
      document,
    );
}

describe('placeholders', () => {
  it('finds exactly the variables the dev defaults provide', async () => {
    const names = findPlaceholders((await source('manifest.json')).toString('utf8'));
    expect(names.sort()).toEqual(Object.keys(DEV_DEFAULTS).sort());
  });

  it('reports every missing or blank variable, sorted, and leaves those placeholders alone', () => {
    const result = fillPlaceholders('${{B}} ${{A}} ${{ C }} ${{B}}', { A: '  ', C: 'c' });
    expect(result.missing).toEqual(['A', 'B']);
    expect(result.text).toBe('${{B}} ${{A}} c ${{B}}');
  });

  it('escapes values for JSON strings when asked', () => {
    const result = fillPlaceholders('{"x":"${{V}}"}', { V: 'a"b\\c' }, { json: true });
    expect(JSON.parse(result.text)).toEqual({ x: 'a"b\\c' });
  });

  it('lets later layers win and ignores blank values', () => {
    expect(mergeVariables({ A: '1', B: '1' }, { A: '2', B: '' }, { C: undefined })).toEqual({
      A: '2',
      B: '1',
    });
  });

  it('names every missing variable when building without any', async () => {
    const built = await buildPackage({});
    expect(built.manifest).toBeUndefined();
    expect(built.missing.get('manifest.json')).toEqual([
      'AAD_APP_CLIENT_ID',
      'BOT_DOMAIN',
      'BOT_ID',
      'TAB_DOMAIN',
      'TEAMS_APP_ID',
    ]);
    expect(built.problems).toHaveLength(1);
    for (const name of Object.keys(DEV_DEFAULTS)) expect(built.problems[0]).toContain(name);
  });
});

describe('manifest', () => {
  it('validates against the official 1.25 schema once filled (local and cloud values)', async () => {
    for (const vars of [DEV_DEFAULTS, CLOUD_VARIABLES]) {
      const manifest = await filledManifest(vars);
      expect(manifest.$schema).toBe(MANIFEST_SCHEMA);
      expect(manifest.manifestVersion).toBe('1.25');
      expect(await validateDocument(manifest)).toEqual([]);
    }
  });

  it("agrees with @microsoft/app-manifest's own validator", async () => {
    const manifest = await filledManifest(CLOUD_VARIABLES);
    const schema = await loadSchema(MANIFEST_SCHEMA);
    const errors = await appManifest.AppManifestUtils.validateAgainstSchema(
      manifest as never,
      schema as never,
    );
    expect(errors).toEqual([]);
  });

  it('fails validation when a field is broken (lowercase groupchat bot scope)', async () => {
    const manifest = structuredClone(await filledManifest());
    const bot = (manifest.bots as { scopes: string[] }[])[0]!;
    bot.scopes = ['personal', 'team', 'groupchat'];
    const errors = await validateDocument(manifest);
    expect(errors.some((line) => line.startsWith('/bots/0/scopes/2 '))).toBe(true);
  });

  it('fails validation for unknown properties and too many RSC permissions', async () => {
    const manifest = structuredClone(await filledManifest()) as unknown as Manifest;
    manifest.authorization!.permissions!.resourceSpecific = Array.from({ length: 17 }, (_, i) => ({
      name: `Permission${i}.Read.Chat`,
      type: 'Application' as never,
    }));
    const errors = await validateDocument({ ...manifest, unexpected: true });
    expect(errors.some((line) => line.includes('additionalProperty":"unexpected'))).toBe(true);
    expect(
      errors.some((line) => line.startsWith('/authorization/permissions/resourceSpecific ')),
    ).toBe(true);
  });

  it('refuses URLs where host names belong', () => {
    expect(checkDomains({ validDomains: ['localhost:7071', '*.example.org', 'a.b.c'] })).toEqual(
      [],
    );
    expect(checkDomains({ validDomains: ['https://x.org', 'x.org/path'] })).toHaveLength(2);
  });

  it('declares the bot, tabs, SSO, RSC, domains and activity types the app needs', async () => {
    const m = (await filledManifest(CLOUD_VARIABLES)) as unknown as Manifest;
    const tab = `https://${CLOUD_VARIABLES.TAB_DOMAIN}`;
    expect(m.localizationInfo).toEqual({
      defaultLanguageTag: 'vi-vn',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }],
    });
    expect(m.name).toEqual({ short: 'QCDC', full: 'Dân chủ cơ sở (QCDC)' });
    const bot = m.bots![0]!;
    expect(bot).toMatchObject({
      botId: CLOUD_VARIABLES.BOT_ID,
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: false,
    });
    for (const list of bot.commandLists!) {
      expect(list.commands.map((command) => command.title)).toEqual([
        'việc của tôi',
        'cuộc họp',
        'biểu quyết',
        'trợ giúp',
      ]);
    }
    const configurable = m.configurableTabs![0]!;
    expect(configurable).toMatchObject({
      configurationUrl: `${tab}/config`,
      scopes: ['team', 'groupChat'],
      meetingSurfaces: ['sidePanel', 'stage'],
    });
    expect([...configurable.context!].sort()).toEqual(
      [
        'channelTab',
        'privateChatTab',
        'meetingChatTab',
        'meetingDetailsTab',
        'meetingSidePanel',
        'meetingStage',
      ].sort(),
    );
    expect(m.staticTabs).toEqual([
      {
        entityId: 'my-tasks',
        name: 'Việc của tôi',
        contentUrl: `${tab}/my-tasks`,
        scopes: ['personal'],
      },
      { entityId: 'conversations', scopes: ['personal'] },
    ]);
    expect(m.webApplicationInfo).toEqual({
      id: CLOUD_VARIABLES.AAD_APP_CLIENT_ID,
      resource: `api://${CLOUD_VARIABLES.TAB_DOMAIN}/${CLOUD_VARIABLES.AAD_APP_CLIENT_ID}`,
    });
    expect(m.validDomains).toEqual([CLOUD_VARIABLES.TAB_DOMAIN, CLOUD_VARIABLES.BOT_DOMAIN]);
    expect(m.devicePermissions).toBeUndefined();
    const rsc = m.authorization!.permissions!.resourceSpecific!;
    expect(rsc.length).toBeLessThanOrEqual(16);
    expect(rsc).toContainEqual({ name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' });
    expect(rsc).toContainEqual({ name: 'MeetingStage.Write.Chat', type: 'Delegated' });
    const activityTypes = m.activities!.activityTypes!.map((activity) => activity.type);
    expect(activityTypes).toEqual(['taskReminder', 'approvalRequested']);
    expect(m.developer.privacyUrl).toBe(`${tab}/privacy`);
    expect(m.developer.termsOfUseUrl).toBe(`${tab}/terms`);
  });
});

describe('localization', () => {
  it('en-us.json validates against the 1.25 localization schema', async () => {
    const english = await sourceJson('en-us.json');
    expect(english.$schema).toBe(LOCALIZATION_SCHEMA);
    expect(await validateDocument(english)).toEqual([]);
  });

  it('needs unicodeRegExp: false to compile (as the platform notes say)', async () => {
    const schema = await loadSchema(LOCALIZATION_SCHEMA);
    expect(() => compileSchema(schema, { unicodeRegExp: true })).toThrow();
    expect(() => compileSchema(schema, { unicodeRegExp: false })).not.toThrow();
  });

  it('translates only strings that exist in the manifest, and the four commands', async () => {
    const manifest = await filledManifest();
    const english = await sourceJson('en-us.json');
    for (const key of Object.keys(english).filter((key) => key !== '$schema')) {
      expect(typeof lookup(manifest, key), key).toBe('string');
    }
    for (const list of [0, 1]) {
      const titles = [0, 1, 2, 3].map(
        (i) => english[`bots[0].commandLists[${list}].commands[${i}].title`],
      );
      expect(titles).toEqual(['my tasks', 'meetings', 'votes', 'help']);
    }
  });

  it('rejects a broken localization file', async () => {
    const english = { ...(await sourceJson('en-us.json')) };
    english['name.short'] = 'A name far longer than thirty characters';
    english['staticTabs[16].name'] = 'no such tab';
    const errors = await validateDocument(english);
    expect(errors.some((line) => line.startsWith('/name.short '))).toBe(true);
    expect(errors.some((line) => line.includes('staticTabs[16].name'))).toBe(true);
  });
});

describe('icons', () => {
  it('are a 192x192 colour icon and a 32x32 white-on-transparent outline icon', async () => {
    const color = await source('color.png');
    const outline = await source('outline.png');
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
    expect(checkIcon('color.png', 'color', color)).toEqual([]);
    expect(checkIcon('outline.png', 'outline', outline)).toEqual([]);
  });

  it('match what the generator draws (regenerate with appPackage/tools/generate-icons.ts)', async () => {
    expect(decodePng(await source('color.png')).pixels).toEqual(colorIcon().pixels);
    expect(decodePng(await source('outline.png')).pixels).toEqual(outlineIcon().pixels);
  });

  it('reports a wrong size and a coloured outline icon', () => {
    const red = { width: 64, height: 64, pixels: new Uint8Array(64 * 64 * 4).fill(0x80) };
    const problems = checkIcon('outline.png', 'outline', encodePng(red));
    expect(problems.join('\n')).toMatch(/64x64, must be 32x32/);
    expect(problems.join('\n')).toMatch(/white on transparent/);
    expect(checkIcon('color.png', 'color', Buffer.from('not a png'))).toEqual([
      'color.png: not a PNG file',
    ]);
  });
});

describe('zip', () => {
  it('holds the manifest, the localization file and the icons at its root', async () => {
    const built = await buildPackage(CLOUD_VARIABLES);
    const zip = zipPackage(built);
    expect(listZip(zip).map((entry) => entry.name)).toEqual([
      'manifest.json',
      'en-us.json',
      'color.png',
      'outline.png',
    ]);
    const contents = readZip(zip);
    const manifest = contents.get('manifest.json')!.toString('utf8');
    expect(manifest).not.toContain('${{');
    expect(JSON.parse(manifest)).toEqual(built.manifest);
    expect(contents.get('color.png')).toEqual(await source('color.png'));
    expect(contents.get('en-us.json')!.toString('utf8')).toContain('"my tasks"');
  });

  it('round-trips stored and deflated entries and refuses bad names', () => {
    const inputs = [
      { name: 'a.txt', data: Buffer.from('x'.repeat(1000)) },
      { name: 'thư mục/b.bin', data: Uint8Array.from([1, 2, 3]) },
    ];
    const entries = listZip(writeZip(inputs));
    expect(entries.map((entry) => [entry.name, entry.method])).toEqual([
      ['a.txt', 8],
      ['thư mục/b.bin', 0],
    ]);
    expect(readZip(writeZip(inputs)).get('thư mục/b.bin')).toEqual(Buffer.from([1, 2, 3]));
    expect(() => writeZip([...inputs, inputs[0]!])).toThrow(/duplicate/);
    expect(() => writeZip([{ name: '../evil', data: new Uint8Array() }])).toThrow(/invalid/);
  });
});

describe('zip-folder', () => {
  it('lists every file under a folder with forward-slash names, sorted', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'qcdc-zip-'));
    try {
      await mkdir(join(folder, 'dist', 'lib'), { recursive: true });
      await writeFile(join(folder, 'host.json'), '{}');
      await writeFile(join(folder, 'dist', 'lib', 'main.js'), 'export {};');
      const entries = await folderEntries(folder);
      expect(entries.map((entry) => entry.name)).toEqual(['dist/lib/main.js', 'host.json']);
      expect(readZip(writeZip(entries)).get('host.json')?.toString()).toBe('{}');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('scripts/package-app.ts', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [tsx, join(root, 'scripts/package-app.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });

  it('exits 1 naming each missing variable', () => {
    const result = run(['--env', 'vitest-missing']);
    expect(result.status).toBe(1);
    for (const name of Object.keys(DEV_DEFAULTS)) expect(result.stderr).toContain(name);
  }, 30_000);

  it('writes appPackage/build/appPackage.<env>.zip with --dev', async () => {
    const zipPath = join(APP_PACKAGE_DIR, 'build', 'appPackage.vitest.zip');
    try {
      const result = run(['--dev', '--env', 'vitest']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const names = listZip(await readFile(zipPath)).map((entry) => entry.name);
      expect(names).toEqual(['manifest.json', 'en-us.json', 'color.png', 'outline.png']);
    } finally {
      await rm(zipPath, { force: true });
      await rm(join(APP_PACKAGE_DIR, 'build', 'manifest.vitest.json'), { force: true });
    }
  }, 30_000);
});
