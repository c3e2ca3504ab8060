/**
 * X-DOC — reading XAdES signature files (META-INF/signatures*.xml) from an
 * ASiC-E/BDOC container: per ds:Signature its Id, the signer's certificate
 * from ds:KeyInfo, the claimed xades:SigningTime and the signature policy.
 *
 * Nothing here verifies anything; the values are for display only. The
 * signing time in particular is what the signer's computer said — the
 * trusted time comes from the OCSP/timestamp, checked by the validator.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
// XAdES 1.3.2 and 1.4.1 (and the old 1.1.1) all live under this prefix.
const XADES_PREFIX = 'http://uri.etsi.org/01903/';
const ELEMENT_NODE = 1;

/** BDOC 2.1 time-mark (TM) profile policy, used only by Estonian BDOC signatures. */
export const BDOC_TM_POLICY = 'urn:oid:1.3.6.1.4.1.10015.1000.3.2.1';

export type XadesSignature = {
  id: string | null;
  /** Base64 DER of the signing certificate, whitespace removed. */
  certificate: string | null;
  /** ISO 8601 instant, or null when absent or without an explicit time zone. */
  signingTime: string | null;
  policyId: string | null;
};

function children(parent: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE && node.namespaceURI === ns && node.localName === localName) out.push(node as Element);
  }
  return out;
}

/** First descendant with this local name in a XAdES namespace. */
function firstXades(root: Element, localName: string): Element | null {
  const all = root.getElementsByTagNameNS('*', localName);
  for (let i = 0; i < all.length; i += 1) {
    const el = all.item(i);
    if (el?.namespaceURI?.startsWith(XADES_PREFIX)) return el;
  }
  return null;
}

const text = (el: Element | null | undefined): string | null => el?.textContent?.trim() || null;

// xsd:dateTime with a zone; a zone-less time would be read in the server's TZ.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: string | null): string | null {
  if (!value || !DATE_TIME.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function readSignature(sig: Element): XadesSignature {
  const keyInfo = children(sig, DS, 'KeyInfo')[0];
  const cert = keyInfo?.getElementsByTagNameNS(DS, 'X509Certificate').item(0);
  const policy = firstXades(sig, 'SigPolicyId');
  return {
    id: sig.getAttribute('Id') || null,
    certificate: text(cert)?.replace(/\s+/g, '') ?? null,
    signingTime: instant(text(firstXades(sig, 'SigningTime'))),
    policyId: policy ? text(firstXades(policy, 'Identifier')) : null,
  };
}

/**
 * The signatures in one XAdES file, or null when it is not well-formed XML.
 * A DOCTYPE is refused outright: XAdES never has one, and refusing it rules
 * out entity tricks whatever the parser does with them.
 */
export function parseXadesSignatures(xml: string): XadesSignature[] | null {
  if (/<!DOCTYPE/i.test(xml)) return null;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    const doc = parser.parseFromString(xml, 'text/xml');
    const signatures = doc.getElementsByTagNameNS(DS, 'Signature');
    const out: XadesSignature[] = [];
    for (let i = 0; i < signatures.length; i += 1) {
      const sig = signatures.item(i);
      if (sig) out.push(readSignature(sig));
    }
    return out;
  } catch {
    return null;
  }
}
