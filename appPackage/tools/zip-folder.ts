/**
 * Zips a folder's content (paths relative to it, forward slashes) with the zip writer used for the
 * app package. teamsapp.yml uses it for the Functions deployment package:
 *
 *   tsx appPackage/tools/zip-folder.ts <folder> <output.zip>
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeZip, type ZipInput } from './zip';

/** Every file under `folder`, sorted by path, named relative to it. */
export async function folderEntries(folder: string): Promise<ZipInput[]> {
  const root = resolve(folder);
  const found = await readdir(root, { recursive: true, withFileTypes: true });
  const files = found
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    files.map(async (path) => ({
      name: relative(root, path).split(sep).join('/'),
      data: await readFile(path),
    })),
  );
}

async function main(folder: string | undefined, output: string | undefined): Promise<void> {
  if (!folder || !output)
    throw new Error('usage: tsx appPackage/tools/zip-folder.ts <folder> <output.zip>');
  const entries = await folderEntries(folder);
  if (entries.length === 0) throw new Error(`${folder} has no files`);
  await mkdir(dirname(resolve(output)), { recursive: true });
  const zip = writeZip(entries);
  await writeFile(output, zip);
  process.stdout.write(`wrote ${output}: ${entries.length} files, ${zip.length} bytes\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv[2], process.argv[3]).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
