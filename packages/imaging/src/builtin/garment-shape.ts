import type { Fit, LengthKey, Silhouette } from "@garment/schemas";
import type { Random } from "../random";
import type { Box } from "./geometry";

/** Non-fabric colours a drawing may use (soles, hardware, linings…); the renderer picks the tones. */
export type Paint = "sole" | "metal" | "dark" | "light" | "accent" | "lining" | "shade";

/** What is drawn on top of (or under) the fabric, in design-space coordinates. */
export type Overlay =
  /** A fabric piece laid on the body (collar, pocket, cuff, lapel): keeps the print, gets a tone and an outline. */
  | { kind: "piece"; d: string; tone?: number; ribs?: "vertical" | "horizontal" }
  /** A piece in another material (sole, buckle, lining). */
  | { kind: "solid"; d: string; paint: Paint }
  /** A seam: a thin line where two panels meet. */
  | { kind: "seam"; d: string }
  /** Topstitching: a dashed thread line. */
  | { kind: "stitch"; d: string }
  /** A soft crease in the cloth. */
  | { kind: "fold"; d: string }
  /** Quilted channels (puffers): padded bands between stitched lines, from `fromY` down. */
  | { kind: "quilt"; fromY: number; spacing: number }
  | { kind: "button"; x: number; y: number; r: number; paint?: Paint }
  /** A stroked band: straps, handles, drawstrings, laces, belt loops. */
  | { kind: "cord"; d: string; width: number; paint: Paint | "fabric" };

export type GarmentShape = {
  /** Outlines whose union is the garment's fabric (color, pattern, texture, shading). */
  fabric: string[];
  /** Drawn before the fabric (a handle behind a bag, the inside of a hood). */
  under: Overlay[];
  /** Drawn after the fabric, in order. */
  over: Overlay[];
  /** Bounds in design space, as drawn for the fit. */
  box: Box;
};

export type SilhouetteInput = {
  fit: Fit;
  length: LengthKey | null;
  random: Random;
};

export type SilhouetteBuilder = (input: SilhouetteInput) => GarmentShape;

export type SilhouetteCatalog = Record<Silhouette, SilhouetteBuilder>;
