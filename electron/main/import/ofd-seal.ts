/**
 * Who an OFD's electronic seal (电子签章, GB/T 38540 and its predecessor GM/T 0031) says it is,
 * for the report to name it: the seal's name from its `SES_Seal` (`Seal.esl`: eSealInfo →
 * property → name, a UTF8String such as `某某公司合同专用章`), and the signer's certificate subject
 * from its `SES_Signature` (`SignedValue.dat`). Read with asn1js; nothing here verifies a seal
 * or a signature, and the report says so.
 */
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';

type Node = asn1js.AsnType;

/** The child elements of a constructed ASN.1 value (none for a primitive one). */
function children(n: Node): Node[] {
  const v = (n as { valueBlock?: { value?: unknown } }).valueBlock?.value;
  return Array.isArray(v) ? (v as Node[]) : [];
}

function parse(bytes: Uint8Array): Node | null {
  const copy = new Uint8Array(bytes).buffer;
  const { offset, result } = asn1js.fromBER(copy);
  return offset === -1 ? null : result;
}

/**
 * The seal's name: in `SES_Seal` → `eSealInfo` (its first element) → `property` (the first
 * SEQUENCE after the header and the seal's id), the first UTF8String.
 * @returns null when the file is not a seal as the standards lay it out
 */
export function sealName(esl: Uint8Array): string | null {
  const seal = parse(esl);
  const info = seal && children(seal)[0];
  if (!info) return null;
  const property = children(info)
    .slice(1)
    .find((n) => n instanceof asn1js.Sequence);
  const name = property && children(property).find((n) => n instanceof asn1js.Utf8String);
  const text = name ? (name as asn1js.Utf8String).valueBlock.value.trim() : '';
  return text ? text.slice(0, 100) : null;
}

/**
 * The subject of the signer's certificate in a `SES_Signature`: the first OCTET STRING beside
 * `toSign` (GB/T 38540: `cert`) or in it (GM/T 0031: `toSign.cert`) that holds an X.509
 * certificate; the seal's own certificates sit inside its `eseal`, which is not searched.
 * @returns the subject's CN (or the whole subject), null when none is found
 */
export function signerOf(signedValue: Uint8Array): string | null {
  const signature = parse(signedValue);
  const toSign = signature && children(signature)[0];
  if (!signature || !toSign) return null;
  for (const n of [...children(signature).slice(1), ...children(toSign)]) {
    if (!(n instanceof asn1js.OctetString)) continue;
    try {
      const cert = new X509Certificate(Buffer.from(n.valueBlock.valueHexView));
      const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
      return (cn ?? cert.subject.replace(/\n/g, ', ')).slice(0, 100);
    } catch {
      // Not a certificate: the next one.
    }
  }
  return null;
}
