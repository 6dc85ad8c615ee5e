import { PatternKey } from "@garment/schemas";
import { renderMatrixSuite } from "../test/render-matrix";

renderMatrixSuite(PatternKey.options.slice(0, 9), "first 9 patterns");
