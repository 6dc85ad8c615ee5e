import { lightnessOf, mixHex, shiftLightness } from "../color";
import type { Overlay, Paint } from "./garment-shape";
import { n } from "./svg";

export type OverlayPalette = {
  main: string;
  accent: string;
  thread: string;
  outline: string;
  paints: Record<Paint, string>;
};

export function overlayPalette(
  main: string,
  accent: string,
  contrastThread: boolean,
): OverlayPalette {
  return {
    main,
    accent,
    thread: contrastThread ? "#d59a3a" : shiftLightness(main, main === "#000000" ? 0.25 : -0.14),
    outline: shiftLightness(main, -0.2),
    paints: {
      sole: "#efece4",
      metal: "#b8a06a",
      dark: "#2a2623",
      light: "#f3f1eb",
      accent,
      lining: shiftLightness(main, lightnessOf(main) < 0.3 ? 0.08 : -0.12),
      shade: mixHex(main, shiftLightness(main, -0.1), 1),
    },
  };
}

/** SVG for the overlays of a garment, in order; `clipId` prefixes the per-piece clips. */
export function drawOverlays(
  overlays: readonly Overlay[],
  palette: OverlayPalette,
  clipId: string,
): string {
  return overlays
    .map((overlay, index) => drawOverlay(overlay, palette, `${clipId}-${index}`))
    .join("");
}

function drawOverlay(overlay: Overlay, palette: OverlayPalette, id: string): string {
  const outline = `stroke="${palette.outline}" stroke-opacity=".55" stroke-width="2" stroke-linejoin="round"`;
  switch (overlay.kind) {
    case "piece": {
      const tone = overlay.tone ?? 0;
      const fill = tone >= 0 ? "#fff" : "#000";
      const ribs = overlay.ribs ? ribLines(overlay.d, overlay.ribs, id) : "";
      return `<path d="${overlay.d}" fill="${fill}" fill-opacity="${n(Math.abs(tone) * 2.5)}" ${outline}/>${ribs}`;
    }
    case "solid": {
      const color = palette.paints[overlay.paint];
      const sheen =
        overlay.paint === "metal"
          ? `<path d="${overlay.d}" fill="#fff" fill-opacity=".25" transform="translate(-1.5 -1.5) scale(1)"/>`
          : "";
      return `<path d="${overlay.d}" fill="${color}" ${outline}/>${sheen}`;
    }
    case "seam":
      return `<path d="${overlay.d}" fill="none" stroke="#000" stroke-opacity=".28" stroke-width="2.2" stroke-linecap="round"/>`;
    case "stitch":
      return `<path d="${overlay.d}" fill="none" stroke="${palette.thread}" stroke-opacity=".85" stroke-width="1.8" stroke-dasharray="6 4" stroke-linecap="round"/>`;
    case "fold":
      // A crease: a soft shadow beside a thin highlight.
      return (
        `<path d="${overlay.d}" fill="none" stroke="#000" stroke-opacity=".09" stroke-width="16" stroke-linecap="round"/>` +
        `<path d="${overlay.d}" fill="none" stroke="#000" stroke-opacity=".1" stroke-width="5" stroke-linecap="round"/>` +
        `<path d="${overlay.d}" fill="none" stroke="#fff" stroke-opacity=".14" stroke-width="5" stroke-linecap="round" transform="translate(-6 -2)"/>`
      );
    case "quilt": {
      // Each channel is a padded tube: lit at its top, shadowed towards the stitch line.
      let bands = "";
      let stitches = "";
      for (let y = overlay.fromY; y < 1100; y += overlay.spacing) {
        bands += `<rect x="0" y="${n(y)}" width="1000" height="${n(overlay.spacing)}" fill="url(#${id})"/>`;
        stitches += `M0 ${n(y)}h1000`;
      }
      return (
        `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">` +
        `<stop offset="0" stop-color="#000" stop-opacity=".22"/><stop offset=".3" stop-color="#fff" stop-opacity=".16"/>` +
        `<stop offset=".6" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".2"/></linearGradient></defs>` +
        bands +
        `<path d="${stitches}" stroke="#000" stroke-opacity=".3" stroke-width="2.5" fill="none"/>`
      );
    }
    case "button": {
      const color = overlay.paint
        ? palette.paints[overlay.paint]
        : shiftLightness(palette.main, lightnessOf(palette.main) < 0.5 ? 0.14 : -0.14);
      const hole = overlay.r * 0.22;
      return (
        `<circle cx="${n(overlay.x)}" cy="${n(overlay.y)}" r="${n(overlay.r)}" fill="${color}" ${outline}/>` +
        `<circle cx="${n(overlay.x - hole * 1.5)}" cy="${n(overlay.y)}" r="${n(hole)}" fill="#000" fill-opacity=".45"/>` +
        `<circle cx="${n(overlay.x + hole * 1.5)}" cy="${n(overlay.y)}" r="${n(hole)}" fill="#000" fill-opacity=".45"/>`
      );
    }
    case "cord": {
      const color = overlay.paint === "fabric" ? palette.main : palette.paints[overlay.paint];
      return (
        `<path d="${overlay.d}" fill="none" stroke="${palette.outline}" stroke-opacity=".55" stroke-width="${n(overlay.width + 3)}" stroke-linecap="round" stroke-linejoin="round"/>` +
        `<path d="${overlay.d}" fill="none" stroke="${color}" stroke-width="${n(overlay.width)}" stroke-linecap="round" stroke-linejoin="round"/>`
      );
    }
  }
}

/** Rib knit on cuffs and hems: fine parallel lines clipped to the band. */
function ribLines(d: string, direction: "vertical" | "horizontal", id: string): string {
  let lines = "";
  for (let k = 0; k <= 1000; k += 9)
    lines += direction === "vertical" ? `M${k} 0v1100` : `M0 ${k}h1000`;
  return (
    `<clipPath id="${id}"><path d="${d}"/></clipPath>` +
    `<path d="${lines}" clip-path="url(#${id})" fill="none" stroke="#000" stroke-opacity=".2" stroke-width="3"/>`
  );
}
