import type { Silhouette } from "@garment/schemas";
import { createRandom } from "../../random";
import type { Box } from "../geometry";
import type { SilhouetteCatalog } from "../garment-shape";
import { SILHOUETTE_CUTS } from "./cuts";
import { belt, handbag, hat, scarf } from "./accessories";
import { jeans, shorts, skirtALine, skirtPencil, skirtPleated, trousers } from "./bottoms";
import { ankleBoots, heels, loafers, sandals, sneakers } from "./footwear";
import { dress, jumpsuit, shirtDress, slipDress } from "./one-pieces";
import {
  blazer,
  denimJacket,
  leatherJacket,
  pufferJacket,
  trenchCoat,
  woolCoat,
} from "./outerwear";
import { blouse, cardigan, hoodie, polo, shirt, sweater, tankTop, tShirt } from "./tops";

/** One drawing per silhouette key. */
export const silhouettes: SilhouetteCatalog = {
  t_shirt: tShirt,
  shirt,
  blouse,
  tank_top: tankTop,
  sweater,
  hoodie,
  polo,
  trousers,
  jeans,
  shorts,
  skirt_a_line: skirtALine,
  skirt_pencil: skirtPencil,
  skirt_pleated: skirtPleated,
  dress,
  slip_dress: slipDress,
  shirt_dress: shirtDress,
  jumpsuit,
  blazer,
  denim_jacket: denimJacket,
  leather_jacket: leatherJacket,
  trench_coat: trenchCoat,
  wool_coat: woolCoat,
  puffer_jacket: pufferJacket,
  cardigan,
  sneakers,
  ankle_boots: ankleBoots,
  loafers,
  heels,
  sandals,
  handbag,
  belt,
  scarf,
  hat,
};

const frames = new Map<Silhouette, Box>();

/**
 * The box every cut of a silhouette fits in (its fits × its family's lengths): the renderer scales each
 * garment by its silhouette's frame, so a cropped or slim cut is drawn smaller than a long or
 * loose one instead of being stretched to the same size.
 */
export function silhouetteFrame(silhouette: Silhouette): Box {
  const hit = frames.get(silhouette);
  if (hit) return hit;
  const boxes: Box[] = [];
  const cuts = SILHOUETTE_CUTS[silhouette];
  for (const fit of cuts.fits)
    for (const length of [null, ...cuts.lengths])
      boxes.push(silhouettes[silhouette]({ fit, length, random: createRandom(1) }).box);
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const frame = {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
  frames.set(silhouette, frame);
  return frame;
}
