/**
 * Lookup key for color names: case, spaces, hyphens, underscores, apostrophes and accents
 * are ignored, so "Dusty Rose", "dusty-rose" and "DUSTY_ROSE" meet, and "rosé" is "rose".
 */
export function colorKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/grey/g, "gray")
    .replace(/[^a-z0-9]/g, "");
}
