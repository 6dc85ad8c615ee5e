export { parseColor, type ParsedColor, type ColorSource } from "./parse-color";
export { nearestColorName, nearestColor, type NearestColor } from "./nearest-color-name";
export { FASHION_COLORS, type FashionColor } from "./fashion-colors";
export {
  deltaE2000,
  deltaE2000Hex,
  hexToLab,
  hexToOklch,
  oklchToHex,
  hueDistance,
  type LabCoords,
  type OklchCoords,
} from "./color-space";
export { isNeutralColor } from "./neutral";
export {
  HUE_TEMPLATES,
  hueTemplateFit,
  hueTemplateScore,
  PERMISSIVE_TEMPLATES,
  type HueTemplateFit,
  type HueTemplateName,
} from "./hue-templates";
