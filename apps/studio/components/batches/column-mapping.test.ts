import { describe, expect, it } from "vitest";
import { applyMapping, prepareFeed, proposeMapping } from "./column-mapping";
import { parseFeed, type FeedTable } from "./feed-table";

function table(csv: string): FeedTable {
  const parsed = parseFeed(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.table;
}

const SHOPIFY = [
  "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Image Src",
  "linen-shirt,Linen Shirt,<p>Airy</p>,Acme,Apparel & Accessories > Clothing > Shirts & Tops,Shirts,summer,Size,S,Color,Ecru,LS-S-ECRU,https://cdn/1.jpg",
  "linen-shirt,,,,,,,,M,,Ecru,LS-M-ECRU,",
  "linen-shirt,,,,,,,,,,,,https://cdn/2.jpg",
  "wool-coat,Wool Coat,,Acme,Apparel & Accessories > Clothing > Outerwear > Coats,Coats,winter,Color,Camel,Fit,Slim,WC-CAMEL,",
].join("\n");

describe("prepareFeed and proposeMapping", () => {
  it("maps our own columns by name, whatever their case and order", () => {
    const feed = prepareFeed(
      table(
        "SKU,Colour,Category,Material,Pattern,Fit,Length,Display Name\nA1,navy,Shirt,linen,solid,slim,hip,Navy shirt",
      ),
    );
    expect(feed.format).toBe("garment");
    const mapping = proposeMapping(feed.table.headers);
    expect(mapping).toEqual({
      sku: 0,
      color: 1,
      category: 2,
      material: 3,
      pattern: 4,
      fit: 5,
      length: 6,
      display_name: 7,
    });
    expect(applyMapping(feed.table, mapping)[0]).toEqual({
      sku: "A1",
      display_name: "Navy shirt",
      category: "Shirt",
      color: "navy",
      material: "linen",
      pattern: "solid",
      fit: "slim",
      length: "hip",
    });
  });

  it("leaves a field unmapped when no header names it", () => {
    const mapping = proposeMapping(["category", "color"]);
    expect(mapping.material).toBeNull();
    expect(
      applyMapping({ headers: ["category", "color"], rows: [["Shirt", "red"]] }, mapping)[0]
        ?.material,
    ).toBe("");
  });

  it("reads a Shopify export as one row per variant, options by name wherever they sit", () => {
    const feed = prepareFeed(table(SHOPIFY));
    expect(feed.format).toBe("shopify");
    const rows = applyMapping(feed.table, proposeMapping(feed.table.headers));
    // The image-only row of linen-shirt is dropped; its second variant inherits the product's fields.
    expect(rows).toEqual([
      {
        sku: "LS-S-ECRU",
        display_name: "Linen Shirt",
        category: "Shirts",
        color: "Ecru",
        material: "",
        pattern: "",
        fit: "",
        length: "",
      },
      {
        sku: "LS-M-ECRU",
        display_name: "Linen Shirt",
        category: "Shirts",
        color: "Ecru",
        material: "",
        pattern: "",
        fit: "",
        length: "",
      },
      {
        sku: "WC-CAMEL",
        display_name: "Wool Coat",
        category: "Coats",
        color: "Camel",
        material: "",
        pattern: "",
        fit: "Slim",
        length: "",
      },
    ]);
  });

  it("takes the last segment of Shopify's Product Category when the export has no Type", () => {
    const feed = prepareFeed(
      table(
        "Handle,Title,Product Category,Variant SKU\ndress-1,Dress,Apparel > Clothing > Dresses,D1",
      ),
    );
    const rows = applyMapping(feed.table, proposeMapping(feed.table.headers));
    expect(rows[0]?.category).toBe("Dresses");
  });

  it("types a Shopify product whose Type is empty by its Product Category, keeping the others' Type", () => {
    const feed = prepareFeed(
      table(
        [
          "Handle,Title,Product Category,Type,Variant SKU",
          "jeans,Jeans,Apparel > Clothing > Pants > Jeans,,J1",
          "jeans,,,,J2",
          "coat,Coat,Apparel > Clothing > Outerwear,Blazers,C1",
        ].join("\n"),
      ),
    );
    const rows = applyMapping(feed.table, proposeMapping(feed.table.headers));
    expect(rows.map((row) => row.category)).toEqual(["Jeans", "Jeans", "Blazers"]);
  });

  it("reads Shopify metafield columns such as Fabric by their name before the parenthesis", () => {
    const feed = prepareFeed(
      table("Handle,Title,Variant SKU,Fabric (product.metafields.shopify.fabric)\nx,X,X1,wool"),
    );
    expect(applyMapping(feed.table, proposeMapping(feed.table.headers))[0]?.material).toBe("wool");
  });
});

describe("parseFeed", () => {
  it("reads pasted tab-separated rows, quoted commas and a byte-order mark", () => {
    const parsed = parseFeed(
      '\uFEFFcategory\tcolor\tdisplay name\nShirt\tnavy\t"Navy, washed"\n\n',
    );
    expect(parsed).toEqual({
      ok: true,
      table: {
        headers: ["category", "color", "display name"],
        rows: [["Shirt", "navy", "Navy, washed"]],
      },
    });
  });

  it("pads short records so every row has a cell per header", () => {
    const parsed = parseFeed("category,color,material\nShirt,navy");
    expect(parsed.ok && parsed.table.rows).toEqual([["Shirt", "navy", ""]]);
  });

  it.each([
    ["", "The file has no rows."],
    ["category,color\n", "The file has headers but no rows."],
  ])("refuses %j with a reason", (text, error) => {
    expect(parseFeed(text)).toEqual({ ok: false, error });
  });
});
