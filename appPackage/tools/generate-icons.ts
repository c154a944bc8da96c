/** Writes appPackage/color.png and appPackage/outline.png. Run: `tsx appPackage/tools/generate-icons.ts`. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { colorIconPng, outlineIconPng } from './icons';

const targets = [
  ['color.png', colorIconPng()],
  ['outline.png', outlineIconPng()],
] as const;

for (const [name, png] of targets) {
  const path = fileURLToPath(new URL(`../${name}`, import.meta.url));
  await writeFile(path, png);
  process.stdout.write(`wrote ${path} (${png.length} bytes)\n`);
}
