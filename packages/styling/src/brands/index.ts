export { type BrandStyleGuide } from "./brand-style-guide";
export { PILOT_BRANDS, findPilotBrand } from "./pilot-brands";
