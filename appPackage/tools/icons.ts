/**
 * The app icons, drawn in code so they can be regenerated and checked: a yellow five-pointed star
 * on red for the 192x192 colour icon, and a white star on transparent for the 32x32 outline icon.
 */
import { encodePng, type RgbaImage } from './png';

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** Red and yellow of the national flag; the red is also the manifest's accentColor. */
export const RED: Rgb = [0xda, 0x25, 0x1d];
export const YELLOW: Rgb = [0xff, 0xcd, 0x00];

/** A five-pointed star, point up; its bounding box is centred on (cx, cy). */
export function starPolygon(cx: number, cy: number, outerRadius: number): Point[] {
  const innerRadius = outerRadius * 0.382; // the regular pentagram's ratio
  // Top point at -R, lowest points at +R*cos(36deg): shift down to centre the box.
  const centreY = cy + (outerRadius * (1 - Math.cos(Math.PI / 5))) / 2;
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outerRadius : innerRadius;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), centreY + radius * Math.sin(angle)] as const;
  });
}

/** Even-odd ray casting. */
export function insidePolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Fraction of the pixel (px, py) covered by the polygon, from a 4x4 grid of samples. */
function coverage(px: number, py: number, polygon: readonly Point[]): number {
  const grid = 4;
  let hits = 0;
  for (let sy = 0; sy < grid; sy++) {
    for (let sx = 0; sx < grid; sx++) {
      if (insidePolygon([px + (sx + 0.5) / grid, py + (sy + 0.5) / grid], polygon)) hits++;
    }
  }
  return hits / (grid * grid);
}

function draw(size: number, paint: (cover: number) => readonly number[]): RgbaImage {
  const star = starPolygon(size / 2, size / 2, size * (size >= 96 ? 0.32 : 0.47));
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) pixels.set(paint(coverage(x, y, star)), (y * size + x) * 4);
  }
  return { width: size, height: size, pixels };
}

/** Full-colour icon: opaque red square, yellow star (anti-aliased by blending). */
export function colorIcon(): RgbaImage {
  return draw(COLOR_ICON_SIZE, (cover) => [
    ...RED.map((red, i) => Math.round(red + (YELLOW[i]! - red) * cover)),
    255,
  ]);
}

/** Outline icon: white star, transparent elsewhere (anti-aliased through alpha only). */
export function outlineIcon(): RgbaImage {
  return draw(OUTLINE_ICON_SIZE, (cover) => [255, 255, 255, Math.round(255 * cover)]);
}

export function colorIconPng(): Buffer {
  return encodePng(colorIcon());
}

export function outlineIconPng(): Buffer {
  return encodePng(outlineIcon());
}
