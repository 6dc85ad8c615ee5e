import type { ResolvedGarment } from "@garment/schemas";
import sharp from "sharp";
import { derivedAccent, lightnessOf, shiftLightness, tonalAccent } from "../color";
import { createRandom, hashString, type Random } from "../random";
import type { GarmentShape } from "./garment-shape";
import type { Box } from "./geometry";
import { drawMaterial } from "./materials";
import { applyNoise, type NoiseLayer, type PixelBounds } from "./noise-texture";
import { drawOverlays, overlayPalette } from "./overlays";
import { drawPattern, TONAL_PATTERNS } from "./patterns";
import { silhouetteFrame, silhouettes } from "./silhouettes";
import { expandArea, n, type Area } from "./svg";

export type FlatlayRequest = {
  garment: ResolvedGarment;
  seed: number;
  width: number;
  height: number;
};

export type Flatlay = { png: Buffer; meta: Record<string, unknown> };

/** Margin around the garment, as a share of the canvas's short side. */
const MARGIN = 0.085;
/** Shadow and background are drawn small and scaled up: they are soft anyway, and blur is slow at 4K. */
const BACKGROUND_LONG_SIDE = 384;

/**
 * Draw the garment as a flat-lay: silhouette → colour → pattern → material → shading →
 * details, over a light background with a soft shadow. Only the seed and the garment feed
 * the randomness, so the same request gives the same bytes.
 */
export async function renderFlatlay(request: FlatlayRequest): Promise<Flatlay> {
  const { garment, width, height } = request;
  const random = createRandom(hashString(garmentKey(garment), request.seed >>> 0));
  const shape = silhouettes[garment.silhouette]({
    fit: garment.fit,
    length: garment.length,
    random: createRandom(random.int(0, 2 ** 31)),
  });
  const placement = placeGarment(shape, silhouetteFrame(garment.silhouette), width, height, random);
  const colors = garmentColors(garment);
  const background = lightnessOf(garment.colorHex) > 0.86 ? "#d8d9dc" : "#f3f1ed";

  const canvas = { width, height };
  const { svg, noise } = garmentLayer(garment, shape, placement, colors, random, canvas);
  // Rasterise once to raw pixels: compositing an SVG input lets libvips re-render it per tile,
  // which made 4K renders take tens of seconds.
  const garmentPixels = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
  applyNoise(garmentPixels, canvas, placement.pixelBounds, noise, random);
  const backgroundPixels = await backgroundWithShadow(shape, placement, background, canvas);
  // One pipeline: upscale the small background, lay the garment over it, encode. Never
  // materialising the full-size background saves about a third of this stage at 4K.
  const png = await sharp(backgroundPixels.pixels, {
    raw: { width: backgroundPixels.width, height: backgroundPixels.height, channels: 3 },
  })
    .resize(width, height, { fit: "fill", kernel: "linear" })
    .composite([{ input: garmentPixels, raw: { width, height, channels: 4 }, top: 0, left: 0 }])
    .png({ compressionLevel: 4, adaptiveFiltering: false })
    .toBuffer();
  return {
    png,
    meta: {
      renderer: "builtin-flatlay",
      silhouette: garment.silhouette,
      pattern: garment.pattern,
      material: garment.material,
      accentColorHex: colors.accent,
      backgroundHex: background,
      rotationDeg: Math.round(placement.rotation * 100) / 100,
    },
  };
}

function garmentKey(g: ResolvedGarment): string {
  return [
    g.silhouette,
    g.colorHex,
    g.accentColorHex ?? "",
    g.pattern,
    g.material,
    g.fit,
    g.length ?? "",
  ].join("|");
}

function garmentColors(garment: ResolvedGarment) {
  const main = garment.colorHex;
  const accent =
    garment.accentColorHex ??
    (TONAL_PATTERNS.has(garment.pattern) ? tonalAccent(main) : derivedAccent(main));
  return { main, accent };
}

type Placement = {
  /** SVG transform from design space to the canvas. */
  transform: string;
  /** Fabric area in design coordinates. */
  area: Area;
  /** Garment size on the canvas, in pixels (drives texture detail). */
  pixelSize: number;
  /** Canvas rectangle around the placed garment. */
  pixelBounds: PixelBounds;
  rotation: number;
  scale: number;
};

/**
 * Centre the garment with a margin, at a slight seeded angle, whatever the aspect ratio. The
 * scale comes from the silhouette's frame (its longest, loosest cut), not from this garment:
 * a cropped top is drawn smaller than a tunic, wide-leg trousers wider than skinny ones, so
 * length and fit stay visible instead of being stretched to fill the canvas.
 */
export function placeGarment(
  shape: GarmentShape,
  frame: Box,
  width: number,
  height: number,
  random: Random,
): Placement {
  const area: Area = { ...shape.box };
  const rotation = random.range(-2.5, 2.5);
  const margin = MARGIN * Math.min(width, height);
  const rad = (Math.abs(rotation) * Math.PI) / 180;
  // Bounds of the rotated frame, so any cut of the silhouette keeps its margin when turned.
  const turned = (w: number, h: number) => ({
    w: w * Math.cos(rad) + h * Math.sin(rad),
    h: w * Math.sin(rad) + h * Math.cos(rad),
  });
  // A length outside the silhouette's family (a maxi T-shirt) may overrun the frame: then the
  // garment's own box sets the scale, so it still fits the canvas.
  const frameTurned = turned(
    Math.max(frame.width, area.width),
    Math.max(frame.height, area.height),
  );
  const scale = Math.min(
    (width - 2 * margin) / frameTurned.w,
    (height - 2 * margin) / frameTurned.h,
  );
  const own = turned(area.width, area.height);
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  return {
    transform: `translate(${n(width / 2)} ${n(height / 2)}) rotate(${n(rotation)}) scale(${n(scale)}) translate(${n(-cx)} ${n(-cy)})`,
    area,
    pixelSize: Math.max(area.width, area.height) * scale,
    pixelBounds: {
      x: width / 2 - (own.w * scale) / 2,
      y: height / 2 - (own.h * scale) / 2,
      width: own.w * scale,
      height: own.h * scale,
    },
    rotation,
    scale,
  };
}

export function garmentLayer(
  garment: ResolvedGarment,
  shape: GarmentShape,
  placement: Placement,
  colors: { main: string; accent: string },
  random: Random,
  canvas: { width: number; height: number },
): { svg: string; noise: NoiseLayer[] } {
  const area = expandArea(placement.area, 24);
  const pattern = drawPattern(garment.pattern, { area, colors, random, id: "pt" });
  const material = drawMaterial(garment.material, { area, random, id: "mt" });
  const palette = overlayPalette(colors.main, colors.accent, garment.material === "denim");
  const fabricPaths = shape.fabric.map((d) => `<path d="${d}"/>`).join("");
  const foldShift = `translate(${n(random.range(-18, 18))} ${n(random.range(-14, 14))})`;
  // Creases and quilting belong to the cloth: drawn inside the fabric clip, under the details.
  const inCloth = (kind: string) => kind === "fold" || kind === "quilt";
  const folds = shape.over.filter((o) => inCloth(o.kind));
  const details = shape.over.filter((o) => !inCloth(o.kind));
  const box = `x="${n(area.x)}" y="${n(area.y)}" width="${n(area.width)}" height="${n(area.height)}"`;

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${canvas.width}" height="${canvas.height}" viewBox="0 0 ${canvas.width} ${canvas.height}">` +
    `<defs><clipPath id="fabric">${fabricPaths}</clipPath>` +
    `<linearGradient id="light" x1="0" y1="0" x2=".9" y2="1">` +
    `<stop offset="0" stop-color="#fff" stop-opacity=".16"/><stop offset=".5" stop-color="#fff" stop-opacity="0"/>` +
    `<stop offset=".5" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".14"/></linearGradient>` +
    pattern.defs +
    material.svg.defs +
    `</defs>` +
    `<g transform="${placement.transform}">` +
    drawOverlays(shape.under, palette, "under") +
    `<g clip-path="url(#fabric)">` +
    `<rect ${box} fill="${colors.main}"/>` +
    pattern.body +
    material.svg.body +
    `<rect ${box} fill="url(#light)"/>` +
    // Edges turn away from the light: a wide dark stroke inside the outline gives volume.
    `<g fill="none" stroke="#000" stroke-opacity=".07" stroke-linejoin="round">` +
    shape.fabric
      .map((d) => `<path d="${d}" stroke-width="34"/><path d="${d}" stroke-width="14"/>`)
      .join("") +
    `</g>` +
    `<g transform="${foldShift}">${drawOverlays(folds, palette, "fold")}</g>` +
    `</g>` +
    `<g>` +
    shape.fabric
      .map(
        (d) =>
          `<path d="${d}" fill="none" stroke="${shiftLightness(colors.main, -0.22)}" stroke-opacity=".6" stroke-width="2.4" stroke-linejoin="round"/>`,
      )
      .join("") +
    drawOverlays(details, palette, "over") +
    `</g></g></svg>`;
  return { svg, noise: material.noise };
}

/**
 * Light paper background, faint vignette, and the garment's soft contact shadow, as small raw
 * RGB pixels (long side ≤ BACKGROUND_LONG_SIDE) for the caller to scale to the canvas.
 */
export async function backgroundWithShadow(
  shape: GarmentShape,
  placement: Placement,
  background: string,
  canvas: { width: number; height: number },
): Promise<{ pixels: Buffer; width: number; height: number }> {
  const k = Math.min(1, BACKGROUND_LONG_SIDE / Math.max(canvas.width, canvas.height));
  const w = Math.max(8, Math.round(canvas.width * k));
  const h = Math.max(8, Math.round(canvas.height * k));
  const blur = Math.max(1, 0.012 * Math.min(w, h));
  const offset = 0.01 * Math.min(canvas.width, canvas.height);
  const outlines = [
    ...shape.fabric,
    ...shape.under.concat(shape.over).flatMap((o) => (o.kind === "solid" ? [o.d] : [])),
  ];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${canvas.width} ${canvas.height}" preserveAspectRatio="none">` +
    `<defs><radialGradient id="v" cx=".5" cy=".45" r=".75"><stop offset="0" stop-color="#fff" stop-opacity=".35"/>` +
    `<stop offset="1" stop-color="#000" stop-opacity=".025"/></radialGradient>` +
    `<filter id="s" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="${n(blur / k)}"/></filter></defs>` +
    `<rect width="${canvas.width}" height="${canvas.height}" fill="${background}"/>` +
    `<rect width="${canvas.width}" height="${canvas.height}" fill="url(#v)"/>` +
    `<g filter="url(#s)" opacity=".26"><g transform="translate(${n(offset * 0.6)} ${n(offset)}) ${placement.transform}">` +
    `<g fill="#3a3530">${outlines.map((d) => `<path d="${d}"/>`).join("")}</g></g></g></svg>`;
  // Rasterise small, and let the caller scale the pixels: handing sharp the SVG with a resize
  // makes it render the SVG (and its blur) at full size, which took 20 s at 4K. The content is
  // a soft gradient and a blurred shadow, so linear upscaling loses nothing visible.
  const pixels = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  return { pixels, width: w, height: h };
}
