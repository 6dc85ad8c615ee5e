import { z } from "zod";

/**
 * Canonical keys shared by the styling engine (which maps free text onto them) and the
 * image models (which draw them). Free text in a request is kept as written; these keys
 * are what the engine understood it as.
 */
export const GarmentSlot = z.enum([
  "top",
  "bottom",
  "one_piece",
  "outerwear",
  "footwear",
  "accessory",
]);
export type GarmentSlot = z.infer<typeof GarmentSlot>;

export const Silhouette = z.enum([
  "t_shirt",
  "shirt",
  "blouse",
  "tank_top",
  "sweater",
  "hoodie",
  "polo",
  "trousers",
  "jeans",
  "shorts",
  "skirt_a_line",
  "skirt_pencil",
  "skirt_pleated",
  "dress",
  "slip_dress",
  "shirt_dress",
  "jumpsuit",
  "blazer",
  "denim_jacket",
  "leather_jacket",
  "trench_coat",
  "wool_coat",
  "puffer_jacket",
  "cardigan",
  "sneakers",
  "ankle_boots",
  "loafers",
  "heels",
  "sandals",
  "handbag",
  "belt",
  "scarf",
  "hat",
]);
export type Silhouette = z.infer<typeof Silhouette>;

export const PatternKey = z.enum([
  "solid",
  "stripes",
  "pinstripe",
  "check",
  "gingham",
  "plaid",
  "houndstooth",
  "herringbone",
  "polka_dot",
  "floral",
  "paisley",
  "animal",
  "camouflage",
  "geometric",
  "abstract",
  "tie_dye",
  "color_block",
]);
export type PatternKey = z.infer<typeof PatternKey>;

export const MaterialKey = z.enum([
  "cotton",
  "denim",
  "linen",
  "silk",
  "satin",
  "wool",
  "cashmere",
  "knit",
  "leather",
  "suede",
  "corduroy",
  "velvet",
  "tweed",
  "fleece",
  "mohair",
  "boucle",
  "chiffon",
  "jersey",
  "nylon",
  "polyester",
  "canvas",
  "sequin",
]);
export type MaterialKey = z.infer<typeof MaterialKey>;

export const LengthKey = z.enum([
  "cropped",
  "waist",
  "hip",
  "tunic",
  "mini",
  "knee",
  "midi",
  "ankle",
  "maxi",
  "short",
  "full",
]);
export type LengthKey = z.infer<typeof LengthKey>;

export const Fit = z.enum(["slim", "regular", "loose"]);
export type Fit = z.infer<typeof Fit>;
