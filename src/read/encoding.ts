/**
 * From an input file's bytes to its text: UTF-8 only, and when the bytes are not UTF-8, a diagnostic
 * that says where, which encoding the file is probably in (UTF-16, Windows-1258, TCVN3 or
 * Windows-1252/Latin-1: what Vietnamese offices still save files in) and how to convert it. Also finds
 * text that is valid UTF-8 but was decoded as Windows-1252 once before being saved ("VÄƒn" for "Văn").
 * Everything here runs only on the failure path, or as one regex test over the text.
 */
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourcePos } from "../model/source.js";

export type Decoded = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

const fatal = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

/** Decode UTF-8 (a UTF-8 BOM is dropped); anything else is a positioned diagnostic (CD104, CD115, CD116). */
export function decodeText(file: string, bytes: Uint8Array): Decoded {
  const at = (line = 1, column = 1): SourcePos => ({ file, line, column });
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { diagnostic: utf16(file, at(), le ? "UTF-16LE" : "UTF-16BE", true) };
  }
  let text: string;
  try {
    text = fatal.decode(bytes);
  } catch {
    const u16 = utf16Order(bytes);
    if (u16) return { diagnostic: utf16(file, at(), u16, false) };
    const bad = firstInvalidUtf8(bytes);
    const pos = bytePos(file, bytes, bad);
    if (looksBinary(bytes)) return { diagnostic: diag("CD104", pos) };
    const encoding = guessEightBit(bytes);
    return {
      diagnostic: diag("CD115", pos, {
        byte: `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")}`,
        encoding: ENCODING_NAMES[encoding],
        fix: conversionHint(file, encoding),
      }),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // UTF-16 without a BOM is valid UTF-8 when its text is ASCII (every other byte is NUL).
  if (text.includes("\u0000")) {
    const u16 = utf16Order(bytes);
    if (u16) return { diagnostic: utf16(file, at(), u16, false) };
  }
  return { text };
}

type EightBit = "WINDOWS-1258" | "TCVN5712-1" | "WINDOWS-1252";

const ENCODING_NAMES: Record<EightBit | "UTF-16LE" | "UTF-16BE", Arg> = {
  "WINDOWS-1258": "Windows-1258 (Vietnamese)",
  "TCVN5712-1": { vi: "TCVN3 (ABC, phông .VnTime)", en: "TCVN3 (ABC, .VnTime fonts)" },
  "WINDOWS-1252": "Windows-1252 / Latin-1 (ISO 8859-1)",
  "UTF-16LE": "UTF-16 little-endian",
  "UTF-16BE": "UTF-16 big-endian",
};

function utf16(file: string, pos: SourcePos, order: "UTF-16LE" | "UTF-16BE", bom: boolean): Diagnostic {
  const name = ENCODING_NAMES[order] as string;
  return diag("CD116", pos, {
    encoding: bom ? { vi: `${name}, có BOM`, en: `${name}, with a BOM` } : { vi: `${name}, không có BOM`, en: `${name}, without a BOM` },
    fix: conversionHint(file, bom ? "UTF-16" : order),
  });
}

/** How to convert: the iconv command for this very file, and the editor way. */
function conversionHint(file: string, from: string): Arg {
  const q = (s: string) => (/^[\w./-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`);
  const out = file.replace(/(\.ya?ml)?$/i, ".utf8$1");
  const cmd = `iconv -f ${from} -t UTF-8 ${q(file)} > ${q(out)}`;
  if (from === "TCVN5712-1") {
    return {
      vi: `chạy “${cmd}”, hoặc dùng công cụ chuyển mã của Unikey (nguồn TCVN3 (ABC), đích Unicode)`,
      en: `run “${cmd}”, or Unikey's converter (source TCVN3 (ABC), target Unicode)`,
    };
  }
  const editor = from.startsWith("UTF-16") ? "UTF-16" : from === "WINDOWS-1258" ? "Vietnamese (Windows 1258)" : "Western (Windows 1252)";
  return {
    vi: `chạy “${cmd}”, hoặc mở tệp bằng VS Code (Reopen with Encoding → ${editor}) rồi lưu lại với UTF-8 (Save with Encoding → UTF-8; trong Notepad: Save As → Encoding: UTF-8)`,
    en: `run “${cmd}”, or open the file in VS Code (Reopen with Encoding → ${editor}) and save it as UTF-8 (Save with Encoding → UTF-8; in Notepad: Save As → Encoding: UTF-8)`,
  };
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte. Returns the byte order
 * when at least a third of the pairs in the first 4 KB look like that, and the other half is not NUL.
 */
function utf16Order(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) even++;
    else if (bytes[i + 1] === 0 && bytes[i] !== 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs / 3 && even < pairs / 20) return "UTF-16LE";
  if (even >= pairs / 3 && odd < pairs / 20) return "UTF-16BE";
  return undefined;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (WHATWG rules). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return b.length;
}

/** Line and column (in characters, as every other position) of a byte offset. */
function bytePos(file: string, bytes: Uint8Array, offset: number): SourcePos {
  let line = 1;
  let start = 0;
  const lf = bytes.includes(0x0a);
  for (let i = 0; i < offset; i++) {
    const c = bytes[i];
    if (c === 0x0a || (!lf && c === 0x0d)) {
      line++;
      start = i + 1;
    }
  }
  return { file, line, column: lenient.decode(bytes.subarray(start, offset)).length + 1 };
}

/** Control bytes other than tab and line ends, or NULs: not a text file in some other encoding. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) controls++;
  }
  return controls > n / 100;
}

const isAsciiLetter = (c: number | undefined) => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));

const ASCII_VOWELS = new Set([..."aeiouyAEIOUY"].map((c) => c.charCodeAt(0)));
/** Windows-1258 combining tone marks: grave, acute, hook above, tilde, dot below. */
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
/** Windows-1258 vowels that carry tone marks beyond ASCII's: Â â Ê ê Ô ô Ă ă Ơ ơ Ư ư. */
const CP1258_VOWELS = new Set([0xc2, 0xe2, 0xca, 0xea, 0xd4, 0xf4, 0xc3, 0xe3, 0xd5, 0xf5, 0xdd, 0xfd]);

/**
 * Which single-byte encoding Vietnamese (or Western) text probably is in. Windows-1258 writes tones as
 * combining bytes after a vowel (in Latin-1 those bytes are ì Ì ò Ò Þ, which follow consonants); TCVN3 puts its letters in 0xA1–0xFF, where the other two have symbols
 * (¡ ¢ £ … ¿) that never stand between two letters; anything else is read as Windows-1252/Latin-1.
 */
function guessEightBit(bytes: Uint8Array): EightBit {
  let tones = 0;
  let tcvn = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c < 0x80) continue;
    high++;
    const prev = bytes[i - 1];
    if (CP1258_TONES.has(c) && prev !== undefined && (ASCII_VOWELS.has(prev) || CP1258_VOWELS.has(prev))) tones++;
    if (c >= 0xa1 && c <= 0xbf && (isAsciiLetter(prev) || isAsciiLetter(bytes[i + 1]))) tcvn++;
  }
  if (tcvn > tones && tcvn >= high / 4) return "TCVN5712-1";
  if (tones > 0) return "WINDOWS-1258";
  return "WINDOWS-1252";
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of its upper half is Latin-1). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const CP1252_BYTE = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

/**
 * A UTF-8 lead byte read as Windows-1252 or Latin-1 (Â–ï) followed by a continuation byte read the
 * same way: the mark of UTF-8 text decoded once as Windows-1252 and saved again as UTF-8.
 */
const MOJIBAKE_HINT = /[\u00c2-\u00ef][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/;

/**
 * The first word that is UTF-8 decoded as Windows-1252 ("VÄƒn"), with what it meant ("Văn"): its
 * characters encode to Windows-1252 bytes that are well-formed UTF-8 of something else. Real
 * Vietnamese never passes: its ă, đ, ơ, ư and tone letters have no Windows-1252 byte.
 */
export function findMojibake(text: string): { offset: number; text: string; meant: string } | undefined {
  if (!MOJIBAKE_HINT.test(text)) return undefined;
  const hint = new RegExp(MOJIBAKE_HINT.source, "g");
  for (let m = hint.exec(text); m; m = hint.exec(text)) {
    let start = m.index;
    while (start > 0 && m.index - start < 100 && !WORD_END.test(text[start - 1]!)) start--;
    let end = m.index;
    while (end < text.length && end - m.index < 100 && !WORD_END.test(text[end]!)) end++;
    const word = text.slice(start, end);
    const meant = strongPair(word) ? reencode(word) : undefined;
    if (meant !== undefined) return { offset: start, text: word, meant };
    hint.lastIndex = Math.max(hint.lastIndex, end);
  }
  return undefined;
}

/** What ends a word for findMojibake (ASCII only: “ ” ‘ ’ are themselves Windows-1252 bytes of UTF-8). */
const WORD_END = /[\s"':,;()[\]{}]/;

/** Vietnamese letters among the lead characters Â–ï: after them, a quote or a dash may be real text ("NGÃ”"). */
const VIETNAMESE_LEADS = new Set("ÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìí");
const PUNCTUATION = new Set("‘’“”‚„–—…•\u00a0");

/** A pair no Vietnamese text has: a lead that is not a Vietnamese letter (Ä Æ …), or one followed by a symbol (Ã², á»). */
function strongPair(word: string): boolean {
  const pairs = new RegExp(MOJIBAKE_HINT.source, "g");
  for (let m = pairs.exec(word); m; m = pairs.exec(word)) {
    if (!VIETNAMESE_LEADS.has(m[0][0]!) || !PUNCTUATION.has(m[0][1]!)) return true;
  }
  return false;
}

/** Characters a Vietnamese or Western text decodes to: Latin letters, combining marks, punctuation, currency. */
const PLAUSIBLE = /^[\u0000-\u007f\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20bf]*$/;

function reencode(s: string): string | undefined {
  if (s.length > 200) return undefined;
  const bytes: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const b = code < 0x80 ? code : (CP1252_BYTE.get(ch) ?? (code >= 0xa0 && code <= 0xff ? code : code >= 0x80 && code <= 0x9f ? code : -1));
    if (b < 0) return undefined;
    bytes.push(b);
  }
  try {
    const meant = fatal.decode(Uint8Array.from(bytes));
    return meant !== s && /[^\u0000-\u007f]/.test(meant) && PLAUSIBLE.test(meant) ? meant : undefined;
  } catch {
    return undefined;
  }
}

/** The conversion back, for CD117: a whole file decoded once as Windows-1252 is undone by iconv. */
export function mojibakeHint(file: string): Arg {
  const q = (s: string) => (/^[\w./-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`);
  const out = file.replace(/(\.ya?ml)?$/i, ".fixed$1");
  const cmd = `iconv -f UTF-8 -t WINDOWS-1252 ${q(file)} > ${q(out)}`;
  return {
    vi: `nếu cả tệp bị như vậy, chạy “${cmd}”; nếu chỉ vài chỗ, gõ lại các chữ đó`,
    en: `if the whole file is like this, run “${cmd}”; if only a few places are, retype those words`,
  };
}
