import type { Fit, PatternKey, ResolvedGarment } from "@garment/schemas";
import { categoryStyling } from "../taxonomy/category-styling";
import { findCategory } from "../taxonomy/categories";

const titleCase = (s: string) =>
  s
    .split(/([\s-])/)
    .map((w) =>
      w.length > 0 && w !== " " && w !== "-" ? w.charAt(0).toUpperCase() + w.slice(1) : w,
    )
    .join("");

/** Soft layers take top words ("fitted cardigan"), not tailoring words ("tailored blazer"). */
const KNIT_LAYERS: ReadonlySet<string> = new Set(["cardigan", "puffer_jacket"]);

/** How shoppers say a fit for each kind of garment ("wide-leg trousers", "oversized blazer"). */
function fitWord(garment: ResolvedGarment): string | null {
  const words: Record<string, Partial<Record<Fit, string>>> = {
    trousers: { slim: "slim", regular: "straight", loose: "wide-leg" },
    jeans: { slim: "skinny", regular: "straight", loose: "wide-leg" },
    shorts: { slim: "fitted", loose: "relaxed" },
    top: { slim: "fitted", loose: "oversized" },
    skirt: { slim: "fitted" },
    one_piece: { slim: "fitted", loose: "relaxed" },
    outerwear: { slim: "tailored", loose: "oversized" },
  };
  const key = ["trousers", "jeans", "shorts"].includes(garment.silhouette)
    ? garment.silhouette
    : garment.silhouette.startsWith("skirt")
      ? "skirt"
      : KNIT_LAYERS.has(garment.silhouette)
        ? "top"
        : garment.slot;
  return words[key]?.[garment.fit] ?? null;
}

const PATTERN_WORDS: Readonly<Record<PatternKey, string | null>> = {
  solid: null,
  stripes: "striped",
  pinstripe: "pinstripe",
  check: "check",
  gingham: "gingham",
  plaid: "plaid",
  houndstooth: "houndstooth",
  herringbone: "herringbone",
  polka_dot: "polka-dot",
  floral: "floral",
  paisley: "paisley",
  animal: "animal-print",
  camouflage: "camo",
  geometric: "geometric",
  abstract: "abstract-print",
  tie_dye: "tie-dye",
  color_block: "color-block",
};

const LENGTH_WORDS: Partial<Record<string, string>> = {
  cropped: "cropped",
  tunic: "longline",
  mini: "mini",
  midi: "midi",
  maxi: "maxi",
};

/**
 * A catalog name such as "Camel Wool Straight Trousers": color, pattern, material (left out
 * when the category implies it: denim jeans), length and fit words, category.
 */
export function complementDisplayName(garment: ResolvedGarment): string {
  const category = findCategory(garment.categoryId);
  const styling = category ? categoryStyling(category) : null;
  const impliedMaterial =
    (styling?.materials.length === 1 && styling.materials[0] === garment.material) ||
    garment.categoryName.toLowerCase().includes(garment.material);
  const parts = [
    garment.colorName,
    PATTERN_WORDS[garment.pattern],
    impliedMaterial ? null : garment.material,
    garment.length ? (LENGTH_WORDS[garment.length] ?? null) : null,
    fitWord(garment),
    garment.categoryName,
  ];
  return titleCase(parts.filter((p): p is string => p !== null).join(" "));
}
