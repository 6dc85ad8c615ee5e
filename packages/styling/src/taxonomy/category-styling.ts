import type { Fit, GarmentSlot, LengthKey, MaterialKey, PatternKey } from "@garment/schemas";
import { GARMENT_CATEGORIES, type GarmentCategory } from "./categories";

/** How a category may be made and worn: what the engine may choose when designing one. */
export interface CategoryStyling {
  /**
   * Where the category sits on the formality scale (0 athleisure, 1 casual, 2 smart-casual,
   * 3 business, 4 evening): its usual register and how far material and print can move it
   * (a satin blazer is evening wear, a hoodie never rises above casual).
   */
  formality: ScaleRange;
  /** Warmth on the same kind of range (0 hot-weather … 3 cold-weather): a puffer is always winter. */
  warmth: ScaleRange;
  /** A classic piece stylists use to dress a formal look down on purpose (white tee, sneakers, denim jacket). */
  dressDown: boolean;
  defaultFit: Fit;
  /** Whether fit varies meaningfully (shoes and bags are always "regular"). */
  hasFit: boolean;
  /** The fits the garment can have (a pencil skirt is never loose, a puffer never slim). */
  fits: readonly Fit[];
  defaultLength: LengthKey | null;
  lengths: readonly LengthKey[];
  defaultMaterial: MaterialKey;
  materials: readonly MaterialKey[];
  patterns: readonly PatternKey[];
}

const TOP_LENGTHS: readonly LengthKey[] = ["cropped", "waist", "hip", "tunic"];
const TROUSER_LENGTHS: readonly LengthKey[] = ["cropped", "ankle", "full"];
const SKIRT_LENGTHS: readonly LengthKey[] = ["mini", "knee", "midi", "maxi"];
const JACKET_LENGTHS: readonly LengthKey[] = ["cropped", "waist", "hip"];
const COAT_LENGTHS: readonly LengthKey[] = ["hip", "knee", "midi", "maxi"];
const SHIRTING_PATTERNS: readonly PatternKey[] = [
  "solid",
  "stripes",
  "pinstripe",
  "check",
  "gingham",
  "plaid",
  "polka_dot",
  "floral",
  "paisley",
  "geometric",
  "abstract",
];
const PRINT_PATTERNS: readonly PatternKey[] = [
  "solid",
  "stripes",
  "polka_dot",
  "floral",
  "paisley",
  "animal",
  "geometric",
  "abstract",
  "gingham",
  "tie_dye",
  "color_block",
];
const TAILORING_PATTERNS: readonly PatternKey[] = [
  "solid",
  "pinstripe",
  "check",
  "houndstooth",
  "herringbone",
  "plaid",
];

/** A category's usual value on a scale, and how far material and print can move it. */
export interface ScaleRange {
  base: number;
  min: number;
  max: number;
}

type Styling = Omit<CategoryStyling, "hasFit" | "fits" | "dressDown"> & {
  dressDown?: boolean;
  hasFit?: boolean;
  fits?: readonly Fit[];
};
const ALL_FITS: readonly Fit[] = ["slim", "regular", "loose"];

const STYLING_BY_SLUG: Readonly<Record<string, Styling>> = {
  "t-shirt": {
    formality: { base: 1, min: 0, max: 2 },
    warmth: { base: 1, min: 0.3, max: 1.8 },
    dressDown: true,
    defaultFit: "regular",
    defaultLength: "hip",
    lengths: TOP_LENGTHS,
    defaultMaterial: "jersey",
    materials: ["jersey", "cotton", "linen", "silk"],
    patterns: ["solid", "stripes", "tie_dye", "abstract", "color_block", "camouflage"],
  },
  shirt: {
    formality: { base: 2, min: 1, max: 3 },
    warmth: { base: 1, min: 0.3, max: 1.8 },
    defaultFit: "regular",
    defaultLength: "hip",
    lengths: ["waist", "hip", "tunic"],
    defaultMaterial: "cotton",
    materials: ["cotton", "linen", "silk", "denim", "corduroy", "wool"],
    patterns: SHIRTING_PATTERNS,
  },
  blouse: {
    formality: { base: 2, min: 1, max: 4 },
    warmth: { base: 1, min: 0.3, max: 1.6 },
    defaultFit: "regular",
    defaultLength: "hip",
    lengths: TOP_LENGTHS,
    defaultMaterial: "silk",
    materials: ["silk", "satin", "chiffon", "cotton", "linen"],
    patterns: PRINT_PATTERNS,
  },
  "tank-top": {
    fits: ["slim", "regular"],
    formality: { base: 1, min: 0, max: 3 },
    // Bare arms and shoulders: a warm-weather piece whatever the cloth.
    warmth: { base: 0.5, min: 0, max: 0.85 },
    defaultFit: "slim",
    defaultLength: "hip",
    lengths: TOP_LENGTHS,
    defaultMaterial: "jersey",
    materials: ["jersey", "cotton", "silk", "satin", "knit", "linen"],
    patterns: ["solid", "stripes", "floral", "abstract", "animal"],
  },
  sweater: {
    formality: { base: 2, min: 1, max: 3 },
    warmth: { base: 2.5, min: 1.5, max: 3 },
    dressDown: true,
    defaultFit: "regular",
    defaultLength: "hip",
    lengths: TOP_LENGTHS,
    defaultMaterial: "wool",
    materials: ["wool", "cashmere", "knit", "mohair", "cotton", "boucle"],
    patterns: ["solid", "stripes", "geometric", "color_block"],
  },
  hoodie: {
    formality: { base: 0, min: 0, max: 1 },
    warmth: { base: 2, min: 1.5, max: 3 },
    defaultFit: "loose",
    defaultLength: "hip",
    lengths: TOP_LENGTHS,
    defaultMaterial: "cotton",
    materials: ["cotton", "fleece", "jersey"],
    patterns: ["solid", "tie_dye", "color_block", "camouflage", "abstract"],
  },
  polo: {
    formality: { base: 1, min: 1, max: 2 },
    warmth: { base: 1, min: 0.5, max: 1.5 },
    defaultFit: "regular",
    defaultLength: "hip",
    lengths: ["waist", "hip"],
    defaultMaterial: "cotton",
    materials: ["cotton", "knit", "jersey", "linen"],
    patterns: ["solid", "stripes", "color_block"],
  },
  trousers: {
    formality: { base: 3, min: 1, max: 4 },
    warmth: { base: 1.5, min: 0.8, max: 2.3 },
    defaultFit: "regular",
    defaultLength: "full",
    lengths: TROUSER_LENGTHS,
    defaultMaterial: "wool",
    materials: ["wool", "cotton", "linen", "corduroy", "leather", "satin", "velvet", "tweed"],
    patterns: ["solid", "pinstripe", "check", "houndstooth", "herringbone", "plaid"],
  },
  jeans: {
    formality: { base: 1, min: 1, max: 2 },
    warmth: { base: 1.5, min: 1.2, max: 2 },
    dressDown: true,
    defaultFit: "regular",
    defaultLength: "full",
    lengths: TROUSER_LENGTHS,
    defaultMaterial: "denim",
    materials: ["denim"],
    patterns: ["solid"],
  },
  shorts: {
    formality: { base: 1, min: 0, max: 2 },
    warmth: { base: 0.3, min: 0, max: 0.8 },
    defaultFit: "regular",
    defaultLength: "short",
    lengths: ["short", "knee"],
    defaultMaterial: "cotton",
    materials: ["cotton", "denim", "linen", "jersey"],
    patterns: ["solid", "stripes", "gingham", "floral", "camouflage"],
  },
  "a-line-skirt": {
    fits: ["regular", "loose"],
    formality: { base: 2, min: 1, max: 3 },
    warmth: { base: 1.2, min: 0.5, max: 2.4 },
    defaultFit: "regular",
    defaultLength: "knee",
    lengths: SKIRT_LENGTHS,
    defaultMaterial: "cotton",
    materials: ["cotton", "denim", "wool", "leather", "suede", "linen", "tweed", "corduroy"],
    patterns: ["solid", "check", "gingham", "plaid", "floral", "polka_dot", "houndstooth"],
  },
  "pencil-skirt": {
    fits: ["slim", "regular"],
    formality: { base: 3, min: 2, max: 4 },
    warmth: { base: 1.2, min: 0.8, max: 2.4 },
    defaultFit: "slim",
    defaultLength: "knee",
    lengths: ["mini", "knee", "midi"],
    defaultMaterial: "wool",
    materials: ["wool", "leather", "satin", "tweed", "cotton", "suede", "boucle"],
    patterns: ["solid", "pinstripe", "houndstooth", "check", "animal"],
  },
  "pleated-skirt": {
    fits: ["regular", "loose"],
    formality: { base: 2, min: 1, max: 4 },
    warmth: { base: 1.2, min: 0.5, max: 2.2 },
    defaultFit: "regular",
    defaultLength: "midi",
    lengths: SKIRT_LENGTHS,
    defaultMaterial: "polyester",
    materials: ["polyester", "chiffon", "satin", "wool", "silk"],
    patterns: ["solid", "plaid", "floral", "polka_dot", "check"],
  },
  dress: {
    formality: { base: 2, min: 1, max: 4 },
    warmth: { base: 1, min: 0.2, max: 2.2 },
    defaultFit: "regular",
    defaultLength: "midi",
    lengths: SKIRT_LENGTHS,
    defaultMaterial: "cotton",
    materials: [
      "cotton",
      "linen",
      "silk",
      "satin",
      "jersey",
      "knit",
      "velvet",
      "chiffon",
      "sequin",
    ],
    patterns: PRINT_PATTERNS,
  },
  "slip-dress": {
    fits: ["slim", "regular"],
    formality: { base: 3, min: 2, max: 4 },
    warmth: { base: 0.8, min: 0.2, max: 1.8 },
    defaultFit: "slim",
    defaultLength: "midi",
    lengths: ["mini", "knee", "midi", "maxi"],
    defaultMaterial: "satin",
    materials: ["satin", "silk", "velvet", "chiffon"],
    patterns: ["solid", "animal", "floral", "polka_dot"],
  },
  "shirt-dress": {
    formality: { base: 2, min: 1, max: 3 },
    warmth: { base: 1, min: 0.3, max: 1.8 },
    defaultFit: "regular",
    defaultLength: "knee",
    lengths: ["mini", "knee", "midi"],
    defaultMaterial: "cotton",
    materials: ["cotton", "linen", "denim", "silk"],
    patterns: ["solid", "stripes", "check", "gingham", "floral", "polka_dot"],
  },
  jumpsuit: {
    formality: { base: 2, min: 1, max: 4 },
    warmth: { base: 1.2, min: 0.5, max: 2 },
    defaultFit: "regular",
    defaultLength: "full",
    lengths: TROUSER_LENGTHS,
    defaultMaterial: "cotton",
    materials: ["cotton", "linen", "denim", "jersey", "satin", "canvas"],
    patterns: ["solid", "floral", "stripes", "animal", "camouflage"],
  },
  blazer: {
    formality: { base: 3, min: 2, max: 4 },
    warmth: { base: 2, min: 1.2, max: 2.6 },
    defaultFit: "regular",
    defaultLength: "hip",
    lengths: ["waist", "hip", "tunic"],
    defaultMaterial: "wool",
    materials: ["wool", "linen", "tweed", "velvet", "cotton", "boucle", "corduroy"],
    patterns: TAILORING_PATTERNS,
  },
  "denim-jacket": {
    formality: { base: 1, min: 1, max: 1 },
    warmth: { base: 1.5, min: 1.5, max: 1.8 },
    dressDown: true,
    defaultFit: "regular",
    defaultLength: "waist",
    lengths: JACKET_LENGTHS,
    defaultMaterial: "denim",
    materials: ["denim"],
    patterns: ["solid"],
  },
  "leather-jacket": {
    fits: ["slim", "regular"],
    formality: { base: 2, min: 1, max: 2 },
    warmth: { base: 2, min: 1.8, max: 2.3 },
    dressDown: true,
    defaultFit: "slim",
    defaultLength: "waist",
    lengths: JACKET_LENGTHS,
    defaultMaterial: "leather",
    materials: ["leather", "suede"],
    patterns: ["solid"],
  },
  "trench-coat": {
    formality: { base: 3, min: 2, max: 3 },
    warmth: { base: 2, min: 1.8, max: 2.3 },
    defaultFit: "regular",
    defaultLength: "knee",
    lengths: ["knee", "midi", "maxi"],
    defaultMaterial: "cotton",
    materials: ["cotton", "canvas", "nylon", "leather"],
    patterns: ["solid", "check"],
  },
  "wool-coat": {
    formality: { base: 3, min: 2, max: 4 },
    warmth: { base: 3, min: 2.6, max: 3 },
    defaultFit: "regular",
    defaultLength: "knee",
    lengths: COAT_LENGTHS,
    defaultMaterial: "wool",
    materials: ["wool", "cashmere", "boucle", "tweed", "mohair"],
    patterns: ["solid", "herringbone", "houndstooth", "check", "plaid"],
  },
  "puffer-jacket": {
    fits: ["regular", "loose"],
    formality: { base: 0.5, min: 0, max: 1 },
    warmth: { base: 3, min: 3, max: 3 },
    defaultFit: "loose",
    defaultLength: "hip",
    lengths: ["cropped", "waist", "hip", "knee"],
    defaultMaterial: "nylon",
    materials: ["nylon", "polyester", "satin"],
    patterns: ["solid", "color_block", "camouflage"],
  },
  cardigan: {
    formality: { base: 2, min: 1, max: 3 },
    warmth: { base: 2, min: 1.2, max: 2.8 },
    dressDown: true,
    defaultFit: "regular",
    defaultLength: "hip",
    lengths: TOP_LENGTHS,
    defaultMaterial: "knit",
    materials: ["knit", "wool", "cashmere", "mohair", "cotton"],
    patterns: ["solid", "stripes", "geometric", "color_block"],
  },
  sneakers: {
    formality: { base: 0.5, min: 0, max: 1 },
    warmth: { base: 1.5, min: 1, max: 2 },
    dressDown: true,
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "leather",
    materials: ["leather", "canvas", "suede", "nylon"],
    patterns: ["solid", "color_block"],
  },
  "ankle-boots": {
    formality: { base: 2, min: 1, max: 3 },
    warmth: { base: 2.3, min: 1.8, max: 2.8 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "leather",
    materials: ["leather", "suede"],
    patterns: ["solid", "animal"],
  },
  loafers: {
    formality: { base: 2.5, min: 2, max: 3 },
    warmth: { base: 1.5, min: 1, max: 2 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "leather",
    materials: ["leather", "suede", "velvet"],
    patterns: ["solid"],
  },
  heels: {
    formality: { base: 3.5, min: 3, max: 4 },
    warmth: { base: 1.5, min: 1, max: 2 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "leather",
    materials: ["leather", "suede", "satin", "velvet"],
    patterns: ["solid", "animal"],
  },
  sandals: {
    formality: { base: 1, min: 0, max: 3 },
    warmth: { base: 0.3, min: 0, max: 0.5 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "leather",
    materials: ["leather", "suede", "canvas"],
    patterns: ["solid"],
  },
  handbag: {
    formality: { base: 2.5, min: 1, max: 4 },
    warmth: { base: 1.5, min: 1, max: 2 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "leather",
    materials: ["leather", "suede", "canvas", "nylon", "satin"],
    patterns: ["solid", "animal", "check", "stripes", "color_block"],
  },
  belt: {
    formality: { base: 2, min: 1, max: 3 },
    warmth: { base: 1.5, min: 1, max: 2 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "leather",
    materials: ["leather", "suede", "canvas"],
    patterns: ["solid", "animal"],
  },
  scarf: {
    formality: { base: 2, min: 1, max: 4 },
    warmth: { base: 2, min: 0.5, max: 3 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "wool",
    materials: ["silk", "wool", "cashmere", "knit", "chiffon", "mohair"],
    patterns: [
      "solid",
      "plaid",
      "check",
      "paisley",
      "floral",
      "polka_dot",
      "stripes",
      "geometric",
      "animal",
    ],
  },
  hat: {
    formality: { base: 1.5, min: 1, max: 3 },
    warmth: { base: 1.5, min: 0.5, max: 3 },
    defaultFit: "regular",
    hasFit: false,
    defaultLength: null,
    lengths: [],
    defaultMaterial: "wool",
    materials: ["wool", "canvas", "cotton", "knit"],
    patterns: ["solid", "check", "houndstooth", "herringbone", "plaid"],
  },
};

const STYLING_CACHE = new Map<string, CategoryStyling>();

/** Styling data for a category (by its public id). */
export function categoryStyling(category: GarmentCategory): CategoryStyling {
  const hit = STYLING_CACHE.get(category.publicId);
  if (hit) return hit;
  const raw = STYLING_BY_SLUG[category.slug];
  if (!raw) throw new Error(`No styling data for category ${category.slug}`);
  const hasFit = raw.hasFit ?? true;
  const styling: CategoryStyling = {
    ...raw,
    dressDown: raw.dressDown ?? false,
    hasFit,
    fits: hasFit ? (raw.fits ?? ALL_FITS) : ["regular"],
  };
  STYLING_CACHE.set(category.publicId, styling);
  return styling;
}

/**
 * Which slots complete a look best, per product slot: the piece a stylist adds first. A top
 * or bottom needs its other half; a one-piece is already an outfit, so shoes, a bag or a belt
 * finish it as often as a layer does; shoes as the product want the garment they finish, or
 * the bag that matches them. Weights are relative.
 */
const PREFERRED_COMPLEMENT_SLOTS: Readonly<
  Record<GarmentSlot, Partial<Record<GarmentSlot, number>>>
> = {
  top: { bottom: 1, outerwear: 0.35, footwear: 0.12, accessory: 0.08 },
  bottom: { top: 1, outerwear: 0.3, footwear: 0.2, accessory: 0.1 },
  one_piece: { outerwear: 0.6, footwear: 0.75, accessory: 0.55 },
  outerwear: { top: 0.8, one_piece: 0.8, bottom: 0.3, footwear: 0.25, accessory: 0.25 },
  footwear: { bottom: 0.8, one_piece: 0.6, accessory: 0.4 },
  accessory: { one_piece: 0.7, outerwear: 0.6, top: 0.4, footwear: 0.3 },
};

/** Per-category nudges on top of the slot weights ("sneakers → jeans", "heels → dress"). */
const CATEGORY_AFFINITY: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  sneakers: { jeans: 0.5, shorts: 0.2, "t-shirt": 0.2, dress: -0.3, "pencil-skirt": -0.4 },
  "ankle-boots": { jeans: 0.4, dress: 0.3, "a-line-skirt": 0.2, scarf: 0.1 },
  loafers: { trousers: 0.5, "pleated-skirt": 0.2, belt: 0.2 },
  heels: { dress: 0.5, "slip-dress": 0.4, "pencil-skirt": 0.3, shorts: -0.5, handbag: 0.3 },
  sandals: { dress: 0.4, shorts: 0.3, "a-line-skirt": 0.2, hat: 0.2 },
  handbag: { dress: 0.3, "trench-coat": 0.3, blazer: 0.2, heels: 0.2, loafers: 0.1 },
  belt: { jeans: 0.4, trousers: 0.4, "shirt-dress": 0.3, loafers: 0.2 },
  scarf: { "wool-coat": 0.5, "trench-coat": 0.3, sweater: 0.2 },
  hat: { "trench-coat": 0.3, "wool-coat": 0.3, dress: 0.2 },
  dress: { heels: 0.2, sandals: 0.2, "ankle-boots": 0.1, handbag: 0.2, belt: 0.1 },
  "slip-dress": { "leather-jacket": 0.2, cardigan: 0.2, heels: 0.3, handbag: 0.2 },
  "shirt-dress": { "denim-jacket": 0.1, blazer: 0.1, belt: 0.4, sneakers: 0.2, loafers: 0.2 },
  jumpsuit: { belt: 0.3, heels: 0.2, sandals: 0.1, handbag: 0.1 },
  jeans: { "t-shirt": 0.2, shirt: 0.1, sweater: 0.1, sneakers: 0.1, belt: 0.1 },
  trousers: { shirt: 0.2, blouse: 0.2, sweater: 0.1, loafers: 0.2, belt: 0.1 },
  "pencil-skirt": { blouse: 0.3, shirt: 0.2, hoodie: -0.3, heels: 0.2 },
  hoodie: { jeans: 0.3, "denim-jacket": 0.2, "pencil-skirt": -0.5, sneakers: 0.3 },
  "wool-coat": { scarf: 0.3, "ankle-boots": 0.2 },
  "puffer-jacket": { hat: 0.2, sneakers: 0.1 },
  "trench-coat": { loafers: 0.1, handbag: 0.1 },
};

/** How strongly a stylist would reach for `candidate` to complete `product` (0 = not at all). */
export function complementAffinity(product: GarmentCategory, candidate: GarmentCategory): number {
  const slotWeight = PREFERRED_COMPLEMENT_SLOTS[product.slot][candidate.slot] ?? 0;
  if (slotWeight === 0) return 0;
  const nudge = CATEGORY_AFFINITY[product.slug]?.[candidate.slug] ?? 0;
  return Math.max(0.05, slotWeight + nudge);
}

export function categoriesInSlot(slot: GarmentSlot): readonly GarmentCategory[] {
  return GARMENT_CATEGORIES.filter((c) => c.slot === slot);
}
