import type { SilhouetteCatalog } from "../garment-shape";
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
