import type { Fit, LengthKey, Silhouette } from "@garment/schemas";

const TOP: readonly LengthKey[] = ["cropped", "waist", "hip", "tunic"];
const JACKET: readonly LengthKey[] = ["cropped", "waist", "hip", "tunic"];
const COAT: readonly LengthKey[] = ["hip", "knee", "midi", "maxi"];
const LEGS: readonly LengthKey[] = ["cropped", "ankle", "full"];
const SKIRT: readonly LengthKey[] = ["mini", "knee", "midi", "maxi"];
const ALL_FITS: readonly Fit[] = ["slim", "regular", "loose"];
const CLOSE: readonly Fit[] = ["slim", "regular"];
const EASY: readonly Fit[] = ["regular", "loose"];

/**
 * The cuts the built-in model draws distinctly for each silhouette: the lengths of its family
 * (tops cropped → tunic, trousers cropped → full, skirts and dresses mini → maxi) and the
 * fits the cut comes in (a pencil skirt is never loose, a puffer never slim), as the styling
 * engine's categories allow them. Shoes and accessories have one cut. The renderer frames every cut of a silhouette
 * alike, and the evaluation tells them apart.
 */
export const SILHOUETTE_CUTS: Readonly<
  Record<Silhouette, { lengths: readonly LengthKey[]; fits: readonly Fit[] }>
> = {
  t_shirt: { lengths: TOP, fits: ALL_FITS },
  shirt: { lengths: TOP, fits: ALL_FITS },
  blouse: { lengths: TOP, fits: ALL_FITS },
  tank_top: { lengths: TOP, fits: CLOSE },
  sweater: { lengths: TOP, fits: ALL_FITS },
  hoodie: { lengths: TOP, fits: ALL_FITS },
  polo: { lengths: TOP, fits: ALL_FITS },
  trousers: { lengths: LEGS, fits: ALL_FITS },
  jeans: { lengths: LEGS, fits: ALL_FITS },
  shorts: { lengths: ["short", "knee"], fits: ALL_FITS },
  skirt_a_line: { lengths: SKIRT, fits: EASY },
  skirt_pencil: { lengths: ["mini", "knee", "midi"], fits: CLOSE },
  skirt_pleated: { lengths: SKIRT, fits: EASY },
  dress: { lengths: SKIRT, fits: ALL_FITS },
  slip_dress: { lengths: SKIRT, fits: CLOSE },
  shirt_dress: { lengths: ["mini", "knee", "midi"], fits: ALL_FITS },
  jumpsuit: { lengths: LEGS, fits: ALL_FITS },
  blazer: { lengths: ["waist", "hip", "tunic"], fits: ALL_FITS },
  denim_jacket: { lengths: JACKET, fits: ALL_FITS },
  leather_jacket: { lengths: JACKET, fits: CLOSE },
  trench_coat: { lengths: ["knee", "midi", "maxi"], fits: ALL_FITS },
  wool_coat: { lengths: COAT, fits: ALL_FITS },
  puffer_jacket: { lengths: ["cropped", "waist", "hip", "knee"], fits: EASY },
  cardigan: { lengths: TOP, fits: ALL_FITS },
  sneakers: { lengths: [], fits: ["regular"] },
  ankle_boots: { lengths: [], fits: ["regular"] },
  loafers: { lengths: [], fits: ["regular"] },
  heels: { lengths: [], fits: ["regular"] },
  sandals: { lengths: [], fits: ["regular"] },
  handbag: { lengths: [], fits: ["regular"] },
  belt: { lengths: [], fits: ["regular"] },
  scarf: { lengths: [], fits: ["regular"] },
  hat: { lengths: [], fits: ["regular"] },
};
