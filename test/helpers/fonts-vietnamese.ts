/** Every Vietnamese letter (NFC, both cases), for font tests. */
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

export function vietnameseLetters(): string[] {
  const out = new Set<string>();
  for (const v of VOWELS) {
    for (const t of TONES) {
      const lower = (v + t).normalize("NFC");
      out.add(lower);
      out.add(lower.toUpperCase());
    }
  }
  for (const c of "bcdđghklmnpqrstvx") {
    out.add(c);
    out.add(c.toUpperCase());
  }
  return [...out];
}
