// The layer rule: each package lists its src/ folders in layers, lowest first, and a folder may
// import only from its own layer or the layers below (eslint-plugin-import-x resolves every
// import, type-only ones included).
import importX from "eslint-plugin-import-x";

export function layerRule({ layers, rootDir, docs = "ARCHITECTURE.md" }) {
  const at = (entry) => `./src/${entry}`;
  const zones = layers.flatMap((layer, index) =>
    layers.slice(index + 1).map((above) => ({
      target: layer.map(at),
      from: above.map(at),
      message: `${layer.join(", ")} may not import ${above.join(", ")}: imports point down the layers (${docs}).`,
    })),
  );
  return {
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [importX.createNodeResolver({ extensions: [".ts", ".js"] })],
    },
    rules: { "import-x/no-restricted-paths": ["error", { zones, basePath: rootDir }] },
  };
}
