import type { GarmentSlot, ResolvedGarment, Silhouette } from "@garment/schemas";

const SLOTS: Record<GarmentSlot, readonly Silhouette[]> = {
  top: ["t_shirt", "shirt", "blouse", "tank_top", "sweater", "hoodie", "polo"],
  bottom: ["trousers", "jeans", "shorts", "skirt_a_line", "skirt_pencil", "skirt_pleated"],
  one_piece: ["dress", "slip_dress", "shirt_dress", "jumpsuit"],
  outerwear: [
    "blazer",
    "denim_jacket",
    "leather_jacket",
    "trench_coat",
    "wool_coat",
    "puffer_jacket",
    "cardigan",
  ],
  footwear: ["sneakers", "ankle_boots", "loafers", "heels", "sandals"],
  accessory: ["handbag", "belt", "scarf", "hat"],
};

export function slotOf(silhouette: Silhouette): GarmentSlot {
  for (const [slot, members] of Object.entries(SLOTS))
    if (members.includes(silhouette)) return slot as GarmentSlot;
  return "accessory";
}

/** One fixture builder for garments in tests, scripts and benchmarks. */
export function aGarment(overrides: Partial<ResolvedGarment> = {}): ResolvedGarment {
  const silhouette = overrides.silhouette ?? "t_shirt";
  return {
    categoryId: `cat-${silhouette}`,
    categoryName: silhouette.replace(/_/g, " "),
    slot: slotOf(silhouette),
    silhouette,
    colorHex: "#1f3a68",
    colorName: "navy",
    accentColorHex: null,
    pattern: "solid",
    material: "cotton",
    fit: "regular",
    length: null,
    ...overrides,
  };
}
