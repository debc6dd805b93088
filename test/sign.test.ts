/**
 * A chamdiem PDF can be signed as an office signs it: a signature filling the existing signature
 * field "chamdiem.chu-ky" by an incremental update (test/helpers/sign.ts), with a test certificate
 * made here, in memory (never a real one), once as adbe.pkcs7.detached and once as PAdES baseline
 * B-B (ETSI.CAdES.detached). Verified by independent readers: poppler's pdfsig (the signature is
 * valid and covers the whole file) and qpdf --check.
 *
 * unsignedExample() makes the unsigned file: the example's report and score table in one PDF, exactly
 * as the writer writes it in electronic mode, with its own unsigned fields.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, createSign, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PDFDict, PDFRef } from "pdf-lib";
import { loadFontSet } from "../src/fonts/index.js";
import { loadPdfLib, writePdf } from "../src/write/pdf/index.js";
import { composeReport, composeScoreTable, type ComposeOptions } from "../src/compose/index.js";
import { sameFile } from "../src/pipeline/render.js";
import { exampleOptions } from "./fixtures/compose/example.js";
import { loadExampleScored } from "./helpers/example.js";
import { toolGate } from "./helpers/pdf-read.js";
import { fieldsByName, pdfDate, signIncremental } from "./helpers/sign.js";

const FIELD = "chamdiem.chu-ky";
const SIGNER = "Chánh Văn phòng (thử nghiệm)";
/** 2021-11-19 09:30 in Vietnam. */
const SIGNED_AT = new Date("2021-11-19T02:30:00Z");

/**
 * The example's report as `build --mode electronic` writes it: blank number and date, the score table in
 * the same file, and the writer's own unsigned signature fields ("chamdiem.so", "chamdiem.ngay",
 * "chamdiem.chu-ky", "chamdiem.con-dau": src/write/pdf/fields.ts).
 */
export async function unsignedExample(): Promise<Uint8Array> {
  const scored = loadExampleScored();
  const opts: ComposeOptions = { ...exampleOptions(), mode: "electronic", attachments: "same-file" };
  const doc = sameFile(composeReport(scored, opts).doc, composeScoreTable(scored, opts).doc);
  return writePdf(doc, loadFontSet(readFileSync));
}

/** A self-signed RSA 2048 test certificate for SIGNER (its common name a UTF8String) and its key. */
function testIdentity(): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate; pem: string } {
  // The key pair from Node (native, milliseconds); forge makes the certificate.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const key = forge.pki.privateKeyFromPem(pem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date("2021-01-01T00:00:00Z");
  cert.validity.notAfter = new Date("2031-01-01T00:00:00Z");
  const name = [
    { shortName: "CN", value: SIGNER, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: "C", value: "VN" },
  ] as forge.pki.CertificateField[];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { key, cert, pem };
}

/**
 * The detached CMS (adbe.pkcs7.detached) of the given bytes, SHA-256, with the attributes
 * @signpdf/signer-p12 writes (content type, signing time, message digest, in that order). Made with
 * node-forge's pkcs7 from the certificate in memory, not with @signpdf/signer-p12 from a P12: forge
 * 1.x reads a UTF8String of a name read from a file without decoding it and encodes it again when
 * it writes the signer's issuer into the CMS, so with a Vietnamese common name the CMS names an
 * issuer that is not the certificate's and no verifier finds the signer ("signer certificate not
 * found"; docs/signing.md).
 */
function cmsSigner(id: { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate }, at: Date) {
  return async (bytes: Buffer): Promise<Uint8Array> => {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(bytes.toString("binary"));
    p7.addCertificate(id.cert);
    p7.addSigner({
      key: id.key,
      certificate: id.cert,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: at as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
  };
}

/**
 * A PAdES baseline B-B CMS (ETSI.CAdES.detached, ETSI EN 319 142-1): content type, message digest and
 * the ESS signing-certificate-v2 attribute (the SHA-256 of the signer's certificate) signed, no
 * signing-time attribute (PAdES takes the claimed time from /M). forge's pkcs7 writes only its three
 * known attributes, so the SignedData is put together here from forge's ASN.1 nodes; the issuer is
 * the certificate's own node (never a name re-encoded), the RSA signature is Node's.
 */
function cadesSigner(id: { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate }, privatePem: string) {
  const { asn1, pki } = forge;
  const { Class, Type } = asn1;
  const seq = (v: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, v);
  const set = (v: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, v);
  const oid = (o: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(o).getBytes());
  const octets = (b: Buffer) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, b.toString("binary"));
  const int = (n: number) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, String.fromCharCode(n));
  const attr = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);
  const certAsn1 = pki.certificateToAsn1(id.cert);
  const certDer = Buffer.from(asn1.toDer(certAsn1).getBytes(), "binary");
  const tbs = certAsn1.value[0] as forge.asn1.Asn1;
  const [, serial, , issuer] = tbs.value as forge.asn1.Asn1[]; // [0] version, serial, signature, issuer
  const sha256 = seq([oid(pki.oids.sha256)]);
  return async (bytes: Buffer): Promise<Uint8Array> => {
    const attrs = [
      attr(pki.oids.contentType, oid(pki.oids.data)),
      attr(pki.oids.messageDigest, octets(createHash("sha256").update(bytes).digest())),
      // id-aa-signingCertificateV2: SigningCertificateV2 { certs: [ESSCertIDv2 { certHash }] } (SHA-256 by default).
      attr("1.2.840.113549.1.9.16.2.47", seq([seq([seq([octets(createHash("sha256").update(certDer).digest())])])])),
    ];
    // The signature is over the attributes' DER as a SET; in the SignerInfo they are [0] IMPLICIT.
    const signedAttrsDer = Buffer.from(asn1.toDer(set(attrs)).getBytes(), "binary");
    const signature = createSign("sha256").update(signedAttrsDer).sign(privatePem);
    const signerInfo = seq([
      int(1),
      seq([issuer, serial]),
      sha256,
      asn1.create(Class.CONTEXT_SPECIFIC, 0, true, attrs),
      seq([oid(pki.oids.rsaEncryption), asn1.create(Class.UNIVERSAL, Type.NULL, false, "")]),
      octets(signature),
    ]);
    const signedData = seq([int(1), set([sha256]), seq([oid(pki.oids.data)]), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [certAsn1]), set([signerInfo])]);
    const contentInfo = seq([oid(pki.oids.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
    return Buffer.from(asn1.toDer(contentInfo).getBytes(), "binary");
  };
}

describe("pdfDate", () => {
  it("writes the time in Vietnam time (UTC+7), the day rolling over", () => {
    expect(pdfDate(SIGNED_AT)).toBe("D:20211119093000+07'00'");
    expect(pdfDate(new Date("2021-11-19T20:15:05Z"))).toBe("D:20211120031505+07'00'");
  });
});

const gate = toolGate(["pdfsig", "qpdf"], "poppler-utils qpdf");

describe.runIf(gate.available)("signing a chamdiem PDF by incremental update (pdfsig, qpdf)", () => {
  let dir: string;
  let unsigned: Uint8Array;
  let signed: Uint8Array;
  let signedPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chamdiem-sign-"));
    unsigned = await unsignedExample();
    writeFileSync(join(dir, "unsigned.pdf"), unsigned);
    const lib = await loadPdfLib();
    signed = await signIncremental(lib, unsigned, {
      field: FIELD,
      date: SIGNED_AT,
      name: SIGNER,
      reason: "Thử nghiệm ký số",
      sign: cmsSigner(testIdentity(), SIGNED_AT),
    });
    signedPath = join(dir, "signed.pdf");
    writeFileSync(signedPath, signed);
  });
  afterAll(() => (process.env.KEEP_SIGN ? undefined : rmSync(dir, { recursive: true, force: true })));

  it("the unsigned file is one of ours with the field, and qpdf finds nothing wrong in it", async () => {
    const lib = await loadPdfLib();
    const doc = await lib.PDFDocument.load(unsigned, { updateMetadata: false });
    const form = doc.catalog.lookup(lib.PDFName.of("AcroForm")) as PDFDict;
    const fields = fieldsByName(lib, doc.context, form);
    expect([...fields.keys()]).toEqual(["chamdiem", "chamdiem.so", "chamdiem.ngay", FIELD, "chamdiem.con-dau"]);
    expect(Buffer.from(unsigned).toString("latin1")).not.toContain("/ByteRange");
    const check = spawnSync("qpdf", ["--check", join(dir, "unsigned.pdf")], { encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it("appends to the original: the signed file starts with the unsigned file's exact bytes", () => {
    expect(signed.length).toBeGreaterThan(unsigned.length + 8192 * 2);
    expect(Buffer.compare(Buffer.from(signed.subarray(0, unsigned.length)), Buffer.from(unsigned))).toBe(0);
    const tail = Buffer.from(signed.subarray(unsigned.length)).toString("latin1");
    // One update: one new xref section pointing back to the original's, one %%EOF after the original's.
    const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(Buffer.from(unsigned).toString("latin1"))![1];
    expect(tail).toMatch(new RegExp(`/Prev ${prev}\\b`));
    expect(tail.match(/%%EOF/g)).toHaveLength(1);
    expect(tail).toContain("/SubFilter /adbe.pkcs7.detached");
    expect(tail).toContain("/M (D:20211119093000+07'00')");
  });

  it("fills the existing field: /V is the new signature, no second field appears", async () => {
    const lib = await loadPdfLib();
    const doc = await lib.PDFDocument.load(signed, { updateMetadata: false });
    const form = doc.catalog.lookup(lib.PDFName.of("AcroForm")) as PDFDict;
    expect(form.get(lib.PDFName.of("SigFlags"))?.toString()).toBe("3");
    const fields = fieldsByName(lib, doc.context, form);
    expect([...fields.keys()]).toEqual(["chamdiem", "chamdiem.so", "chamdiem.ngay", FIELD, "chamdiem.con-dau"]);
    const v = doc.context.lookup(fields.get(FIELD)!.dict.get(lib.PDFName.of("V")) as PDFRef) as PDFDict;
    expect(v.get(lib.PDFName.of("Type"))?.toString()).toBe("/Sig");
    const range = v.lookup(lib.PDFName.of("ByteRange"))!.toString();
    const [a, b, c, d] = range.slice(1, -1).trim().split(/\s+/).map(Number);
    // The whole file is covered but the hex string: <…> from b to c.
    expect([a, b + (c - b) + d]).toEqual([0, signed.length]);
    expect(String.fromCharCode(signed[b], signed[c - 1])).toBe("<>");
  });

  it("pdfsig: the signature is valid and covers the whole document (the test certificate is not trusted)", () => {
    const r = spawnSync("pdfsig", [signedPath], { encoding: "utf8" });
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(0);
    expect(out).toContain("Signature is Valid");
    expect(out).toContain("Total document signed");
    expect(out).toContain(SIGNER);
    // The writer's four fields, in order; only the signer's is signed (the number, date and seal are
    // for the document system and the seal image).
    expect([...out.matchAll(/Signature Field Name: (\S+)/g)].map((m) => m[1])).toEqual(["chamdiem.so", "chamdiem.ngay", FIELD, "chamdiem.con-dau"]);
    expect(out).toMatch(/Signature Field Name: chamdiem\.chu-ky\s*\n\s*- Signer Certificate Common Name/);
    expect(out.match(/The signature form field is not signed/g)?.length).toBe(3);
  });

  it("pdfsig: a byte changed inside the signed range makes it invalid (the check can fail)", () => {
    // The header's binary comment (byte 10, after "%PDF-1.7\n%"): the file still parses, its digest differs.
    const tampered = Buffer.from(signed);
    expect(tampered[10]).toBe(0x81);
    tampered[10] = 0x82;
    const path = join(dir, "tampered.pdf");
    writeFileSync(path, tampered);
    const r = spawnSync("pdfsig", [path], { encoding: "utf8" });
    const out = r.stdout + r.stderr;
    expect(out).toContain("Signature Field Name: chamdiem.chu-ky");
    expect(out).not.toContain("Signature is Valid");
  });

  it("qpdf --check finds no errors in the signed file", () => {
    const out = execFileSync("qpdf", ["--check", signedPath], { encoding: "utf8" });
    expect(out).toContain("No syntax or stream encoding errors found");
  });
});

describe.runIf(gate.available)("signing a chamdiem PDF as PAdES baseline B-B (ETSI.CAdES.detached), verified by pdfsig", () => {
  it("is a valid signature of the whole document, of the CAdES type", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-sign-pades-"));
    try {
      const unsigned = await unsignedExample();
      const id = testIdentity();
      const signed = await signIncremental(await loadPdfLib(), unsigned, {
        field: FIELD,
        date: SIGNED_AT,
        subFilter: "ETSI.CAdES.detached",
        sign: cadesSigner(id, id.pem),
      });
      expect(Buffer.compare(Buffer.from(signed.subarray(0, unsigned.length)), Buffer.from(unsigned))).toBe(0);
      const path = join(dir, "signed.pdf");
      writeFileSync(path, signed);
      const r = spawnSync("pdfsig", [path], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
      const out = r.stdout + r.stderr;
      expect(r.status, out).toBe(0);
      expect(out).toContain("Signature Type: ETSI.CAdES.detached");
      // No signing-time attribute: pdfsig shows the time of /M (09:30 in Vietnam, printed in UTC).
      expect(out).toContain("Signing Time: Nov 19 2021 02:30:00");
      expect(out).toContain("Signature is Valid");
      expect(out).toContain("Total document signed");
      expect(out).toContain(SIGNER);
      expect(execFileSync("qpdf", ["--check", path], { encoding: "utf8" })).toContain("No syntax or stream encoding errors found");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
