/**
 * Builds appPackage/build/appPackage.<env>.zip (manifest.json, localization files, icons at the
 * root) after filling `${{NAME}}` placeholders and validating everything offline.
 *
 *   tsx scripts/package-app.ts --env dev   values from the environment, then env/.env.dev
 *   tsx scripts/package-app.ts --dev       local defaults (localhost:7071, demo ids); env "local"
 *
 * Exits 1, naming every missing variable or problem, when the package is not good to ship.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import {
  APP_PACKAGE_DIR,
  buildPackage,
  DEV_DEFAULTS,
  zipPackage,
} from '../appPackage/tools/package';
import { mergeVariables, type Variables } from '../appPackage/tools/placeholders';
import { listZip } from '../appPackage/tools/zip';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: tsx scripts/package-app.ts [--env <name>] [--dev]';

interface Options {
  readonly env: string;
  readonly dev: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      env: { type: 'string' },
      dev: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const env = values.env ?? (values.dev ? 'local' : 'dev');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(env)) throw new Error(`invalid --env name: ${env}`);
  return { env, dev: values.dev };
}

/** `env/.env.<name>` as written by the Agents Toolkit, or nothing when the file is absent. */
async function readEnvFile(env: string): Promise<Variables> {
  try {
    return parseEnv(await readFile(join(ROOT, 'env', `.env.${env}`), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Later layers win: dev defaults, then the env file, then the process environment. */
async function resolveVariables(options: Options): Promise<Variables> {
  return mergeVariables(
    options.dev ? DEV_DEFAULTS : {},
    await readEnvFile(options.env),
    process.env,
  );
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const built = await buildPackage(await resolveVariables(options));
  if (built.missing.size > 0) {
    for (const [file, names] of built.missing) {
      console.error(`${file} needs: ${names.join(', ')}`);
    }
    console.error(
      `Set them in the environment or in env/.env.${options.env}, or use --dev for local defaults.`,
    );
    return 1;
  }
  if (built.problems.length > 0) {
    console.error(`appPackage is not valid (${built.problems.length} problems):`);
    for (const line of built.problems) console.error(`  ${line}`);
    return 1;
  }
  const outDir = join(APP_PACKAGE_DIR, 'build');
  await mkdir(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  const zip = zipPackage(built);
  await writeFile(zipPath, zip);
  await writeFile(join(outDir, `manifest.${options.env}.json`), built.files[0]!.data);
  const names = listZip(zip).map((entry) => entry.name);
  console.log(`wrote ${zipPath} (${zip.length} bytes): ${names.join(', ')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
