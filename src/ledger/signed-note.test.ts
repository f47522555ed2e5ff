import { generateKeyPairSync, sign } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256 } from "./merkle.ts";
import { formatCheckpoint, type NoteSigner, noteKeyId, openNote, parseCheckpoint, parseNote, parseVerifierKey, signNote, verifierKeyString } from "./signed-note.ts";
import { openKeyRing, toVerifier } from "./signing-keys.ts";

function makeSigner(name: string): NoteSigner {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x as string, "base64url");
  return { name, publicKey: raw, keyId: noteKeyId(name, raw), sign: (message) => sign(null, message, privateKey) };
}

const body = formatCheckpoint({ origin: "example.com/log", size: 45, root: sha256(Buffer.from("root")) });

describe("C2SP checkpoint and signed note", () => {
  it("formats and parses the checkpoint body", () => {
    expect(body).toBe(`example.com/log\n45\n${sha256(Buffer.from("root")).toString("base64")}\n`);
    expect(parseCheckpoint(body)).toEqual({ origin: "example.com/log", size: 45, root: sha256(Buffer.from("root")) });
    expect(parseCheckpoint(`${body}extension line\n`)?.size).toBe(45);
    for (const bad of ["example.com/log\n45\n", "example.com/log\n045\nAAAA\n", `example.com/log\n-1\n${sha256().toString("base64")}\n`, "\n1\nAA==\n"])
      expect(parseCheckpoint(bad)).toBeNull();
  });

  it("derives the key id as the first 4 bytes of SHA-256(name ‖ \\n ‖ 0x01 ‖ key)", () => {
    const key = Buffer.alloc(32, 7);
    const expected = sha256(Buffer.from("example.com/log\n"), Buffer.from([1]), key).subarray(0, 4);
    expect(noteKeyId("example.com/log", key)).toEqual(expected);
    const vkey = verifierKeyString({ name: "example.com/log", publicKey: key });
    expect(vkey).toBe(`example.com/log+${expected.toString("hex")}+${Buffer.concat([Buffer.from([1]), key]).toString("base64")}`);
    expect(parseVerifierKey(vkey)).toEqual({ name: "example.com/log", keyId: expected, publicKey: key });
    expect(() => parseVerifierKey(vkey.replace(/\+[0-9a-f]{8}\+/, "+00000000+"))).toThrow(/does not match/);
  });

  it("signs with an em-dash signature line and verifies with the right key only", () => {
    const signer = makeSigner("example.com/log");
    const note = signNote(body, [signer]);
    expect(note.startsWith(`${body}\n— example.com/log `)).toBe(true);
    expect(note.endsWith("\n")).toBe(true);
    const sigLine = note.split("\n").at(-2) as string;
    expect(Buffer.from(sigLine.split(" ")[2] as string, "base64")).toHaveLength(4 + 64);
    expect(openNote(note, [signer])).toMatchObject({ ok: true, text: body });
    expect(openNote(note, [makeSigner("example.com/log")])).toMatchObject({ ok: false, code: "key_id_unknown" });
    expect(openNote(note.replace("\n45\n", "\n46\n"), [signer])).toMatchObject({ ok: false, code: "signature_invalid" });
    expect(openNote(note.replace("— ", "- "), [signer])).toMatchObject({ ok: false, code: "note_malformed" });
    expect(openNote(body, [signer])).toMatchObject({ ok: false, code: "note_malformed" });
  });

  it("rejects a changed byte anywhere in the signature", () => {
    const signer = makeSigner("example.com/log");
    const note = signNote(body, [signer]);
    const parsed = parseNote(note);
    const raw = Buffer.concat([parsed?.signatures[0]?.keyId as Buffer, parsed?.signatures[0]?.signature as Buffer]);
    for (let i = 4; i < raw.length; i++) {
      const changed = Buffer.from(raw);
      changed[i] = (changed[i] as number) ^ 0x80;
      const forged = `${body}\n— example.com/log ${changed.toString("base64")}\n`;
      expect(openNote(forged, [signer]).ok, `byte ${i}`).toBe(false);
    }
  });

  it("accepts a note co-signed by an unknown key when a known key signed it", () => {
    const signer = makeSigner("example.com/log");
    const witness = makeSigner("witness.example");
    const note = signNote(body, [signer, witness]);
    expect(openNote(note, [signer])).toMatchObject({ ok: true });
    expect(openNote(note, [witness])).toMatchObject({ ok: true });
  });
});

describe("signing key ring", () => {
  it("creates the key on first use with mode 0600, keeps old keys on rotation, and their checkpoints still verify", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cw-keys-")), "keys", "ledger");
    const ring = openKeyRing(dir);
    expect(ring.keys()).toEqual([]);
    const first = ring.signerFor("example.com/log");
    const [key] = ring.keys();
    expect(key?.keyId).toBe(first.keyId.toString("hex"));
    expect(fs.statSync(path.join(dir, `ed25519-${key?.keyId}.pem`)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, "ring.json"), "utf8")).not.toMatch(/PRIVATE/);
    const oldNote = signNote(body, [first]);

    const rotated = ring.rotate("example.com/log");
    const second = ring.signerFor("example.com/log");
    expect(second.keyId.toString("hex")).toBe(rotated.keyId);
    expect(second.keyId.equals(first.keyId)).toBe(false);
    expect(ring.keys().map((k) => Boolean(k.retiredAt))).toEqual([true, false]);
    const verifiers = openKeyRing(dir).keys().map(toVerifier);
    expect(openNote(oldNote, verifiers)).toMatchObject({ ok: true });
    expect(openNote(signNote(body, [second]), verifiers)).toMatchObject({ ok: true });
    expect(openKeyRing(dir).signerFor("example.com/log").keyId).toEqual(second.keyId);
  });
});
