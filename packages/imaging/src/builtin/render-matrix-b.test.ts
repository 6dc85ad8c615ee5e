import { PatternKey } from "@garment/schemas";
import { renderMatrixSuite } from "../test/render-matrix";

renderMatrixSuite(PatternKey.options.slice(9), "last 8 patterns");
