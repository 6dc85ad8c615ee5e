import type { GarmentSlot, Silhouette } from "@garment/schemas";

export interface GarmentCategory {
  /** Stable ULID: seeded into the database and referenced by API clients. Never change one. */
  publicId: string;
  slug: string;
  name: string;
  slot: GarmentSlot;
  silhouette: Silhouette;
}

/** The garment taxonomy. Order is display order within a slot. */
export const GARMENT_CATEGORIES: readonly GarmentCategory[] = [
  {
    publicId: "01KDVDNA00ZKRRMS30Q0DXB47N",
    slug: "t-shirt",
    name: "T-shirt",
    slot: "top",
    silhouette: "t_shirt",
  },
  {
    publicId: "01KDVDNA01698PWX8AXW3S5SZJ",
    slug: "shirt",
    name: "Shirt",
    slot: "top",
    silhouette: "shirt",
  },
  {
    publicId: "01KDVDNA029HRV8CZF8MZTVZ9D",
    slug: "blouse",
    name: "Blouse",
    slot: "top",
    silhouette: "blouse",
  },
  {
    publicId: "01KDVDNA03GAS3SDAYNCAPJ2WB",
    slug: "tank-top",
    name: "Tank top",
    slot: "top",
    silhouette: "tank_top",
  },
  {
    publicId: "01KDVDNA04S96XR3HY59A0SMS0",
    slug: "sweater",
    name: "Sweater",
    slot: "top",
    silhouette: "sweater",
  },
  {
    publicId: "01KDVDNA055W42HNWDC0JTBDX5",
    slug: "hoodie",
    name: "Hoodie",
    slot: "top",
    silhouette: "hoodie",
  },
  {
    publicId: "01KDVDNA06XJCASGAQW5BQ0E8Q",
    slug: "polo",
    name: "Polo shirt",
    slot: "top",
    silhouette: "polo",
  },
  {
    publicId: "01KDVDNA07W32E3CTVK52Q2BVA",
    slug: "trousers",
    name: "Trousers",
    slot: "bottom",
    silhouette: "trousers",
  },
  {
    publicId: "01KDVDNA089M9PBME94MVJMQP8",
    slug: "jeans",
    name: "Jeans",
    slot: "bottom",
    silhouette: "jeans",
  },
  {
    publicId: "01KDVDNA09DGHDQMFSJAPWPEME",
    slug: "shorts",
    name: "Shorts",
    slot: "bottom",
    silhouette: "shorts",
  },
  {
    publicId: "01KDVDNA0AQ73JKSMSKGBPS7QE",
    slug: "a-line-skirt",
    name: "A-line skirt",
    slot: "bottom",
    silhouette: "skirt_a_line",
  },
  {
    publicId: "01KDVDNA0BSVESTV57Q2DBRV20",
    slug: "pencil-skirt",
    name: "Pencil skirt",
    slot: "bottom",
    silhouette: "skirt_pencil",
  },
  {
    publicId: "01KDVDNA0CEG8H7C2HD4HE4AYF",
    slug: "pleated-skirt",
    name: "Pleated skirt",
    slot: "bottom",
    silhouette: "skirt_pleated",
  },
  {
    publicId: "01KDVDNA0DNMV5HEBZWN0BM2W7",
    slug: "dress",
    name: "Dress",
    slot: "one_piece",
    silhouette: "dress",
  },
  {
    publicId: "01KDVDNA0EDYK6R3Y3T4XGEHS8",
    slug: "slip-dress",
    name: "Slip dress",
    slot: "one_piece",
    silhouette: "slip_dress",
  },
  {
    publicId: "01KDVDNA0F294BDJ9AWCENB20X",
    slug: "shirt-dress",
    name: "Shirt dress",
    slot: "one_piece",
    silhouette: "shirt_dress",
  },
  {
    publicId: "01KDVDNA0GPSJCB5WFDJTXVQTX",
    slug: "jumpsuit",
    name: "Jumpsuit",
    slot: "one_piece",
    silhouette: "jumpsuit",
  },
  {
    publicId: "01KDVDNA0HG5WRABAH59C2T23N",
    slug: "blazer",
    name: "Blazer",
    slot: "outerwear",
    silhouette: "blazer",
  },
  {
    publicId: "01KDVDNA0JPYREJR3AA99SJA7E",
    slug: "denim-jacket",
    name: "Denim jacket",
    slot: "outerwear",
    silhouette: "denim_jacket",
  },
  {
    publicId: "01KDVDNA0KZ3ZBYN0DKVFJGECW",
    slug: "leather-jacket",
    name: "Leather jacket",
    slot: "outerwear",
    silhouette: "leather_jacket",
  },
  {
    publicId: "01KDVDNA0MKGZT7MH65N48HVXT",
    slug: "trench-coat",
    name: "Trench coat",
    slot: "outerwear",
    silhouette: "trench_coat",
  },
  {
    publicId: "01KDVDNA0NQF7TCFGZJTN1A25B",
    slug: "wool-coat",
    name: "Wool coat",
    slot: "outerwear",
    silhouette: "wool_coat",
  },
  {
    publicId: "01KDVDNA0PBRKH5RPSG3BHAT3E",
    slug: "puffer-jacket",
    name: "Puffer jacket",
    slot: "outerwear",
    silhouette: "puffer_jacket",
  },
  {
    publicId: "01KDVDNA0QCCTFTT1MDJT1WSKR",
    slug: "cardigan",
    name: "Cardigan",
    slot: "outerwear",
    silhouette: "cardigan",
  },
  {
    publicId: "01KDVDNA0R3DT66JRJJFDV1RY9",
    slug: "sneakers",
    name: "Sneakers",
    slot: "footwear",
    silhouette: "sneakers",
  },
  {
    publicId: "01KDVDNA0SF2DS26K6V2M3MQ2Q",
    slug: "ankle-boots",
    name: "Ankle boots",
    slot: "footwear",
    silhouette: "ankle_boots",
  },
  {
    publicId: "01KDVDNA0T4GRJ6VCPSGCBZXC0",
    slug: "loafers",
    name: "Loafers",
    slot: "footwear",
    silhouette: "loafers",
  },
  {
    publicId: "01KDVDNA0VSEA7JXA1EQDRNPPT",
    slug: "heels",
    name: "Heels",
    slot: "footwear",
    silhouette: "heels",
  },
  {
    publicId: "01KDVDNA0WEDV1H3VTYC2TV2BP",
    slug: "sandals",
    name: "Sandals",
    slot: "footwear",
    silhouette: "sandals",
  },
  {
    publicId: "01KDVDNA0XNTATFBFH6KSCFXRR",
    slug: "handbag",
    name: "Handbag",
    slot: "accessory",
    silhouette: "handbag",
  },
  {
    publicId: "01KDVDNA0YRS3YZDBV40WYCMNG",
    slug: "belt",
    name: "Belt",
    slot: "accessory",
    silhouette: "belt",
  },
  {
    publicId: "01KDVDNA0Z5AAS15G1J0JFH4MG",
    slug: "scarf",
    name: "Scarf",
    slot: "accessory",
    silhouette: "scarf",
  },
  {
    publicId: "01KDVDNA10NKT0X1GR3FKK05RY",
    slug: "hat",
    name: "Hat",
    slot: "accessory",
    silhouette: "hat",
  },
];

/**
 * Which slots may be worn together. Never the same slot; a one-piece replaces top and bottom;
 * outerwear goes over tops and one-pieces.
 */
export const COMPATIBLE_SLOTS: Readonly<Record<GarmentSlot, readonly GarmentSlot[]>> = {
  top: ["bottom", "outerwear", "footwear", "accessory"],
  bottom: ["top", "outerwear", "footwear", "accessory"],
  one_piece: ["outerwear", "footwear", "accessory"],
  outerwear: ["top", "bottom", "one_piece", "footwear", "accessory"],
  footwear: ["top", "bottom", "one_piece", "outerwear", "accessory"],
  accessory: ["top", "bottom", "one_piece", "outerwear", "footwear"],
};

const BY_ID = new Map(GARMENT_CATEGORIES.map((c) => [c.publicId, c]));

export function findCategory(publicId: string): GarmentCategory | undefined {
  return BY_ID.get(publicId);
}

export function areSlotsCompatible(a: GarmentSlot, b: GarmentSlot): boolean {
  return COMPATIBLE_SLOTS[a].includes(b);
}
