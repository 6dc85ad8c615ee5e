/**
 * Free-text matching shared by the material, pattern and length vocabularies: lowercase,
 * accents and punctuation stripped, then whole-phrase synonym matching (so "jean" matches
 * "jean jacket" but "linen" does not match "crinoline").
 */
export function normalizeFreeText(text: string): string {
  return ` ${text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, " ")
    .trim()} `;
}

export interface SynonymMatch<K> {
  key: K;
  /** Longer phrases are more specific ("faux leather" beats "faux"). */
  length: number;
  position: number;
}

/** Every synonym phrase found in the text, as whole words. */
export function findSynonyms<K>(
  normalized: string,
  synonyms: readonly (readonly [K, readonly string[]])[],
): SynonymMatch<K>[] {
  const matches: SynonymMatch<K>[] = [];
  for (const [key, phrases] of synonyms) {
    for (const phrase of phrases) {
      const position = normalized.indexOf(` ${phrase} `);
      if (position >= 0) matches.push({ key, length: phrase.length, position });
    }
  }
  return matches;
}

export interface VocabularyEntry {
  /** The terse value stored in requests and the catalog. */
  value: string;
  /** One-line grounding string shown next to the value. */
  description: string;
}
