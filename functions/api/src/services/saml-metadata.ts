import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml.js';

export interface IdpMetadata {
  entityId: string;
  /** The IdP's single sign-on URL for the HTTP-Redirect binding (our AuthnRequest goes there). */
  ssoUrl: string;
  /** Signing certificates, base64 DER (as in the metadata, whitespace removed). */
  certs: string[];
}

const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** Reads what we need from an IdP's SAML metadata; null when it is not usable IdP metadata. */
export async function parseIdpMetadata(xml: string): Promise<IdpMetadata | null> {
  let doc: Awaited<ReturnType<typeof parseDomFromString>>;
  try {
    doc = await parseDomFromString(xml);
  } catch {
    return null;
  }
  const descriptor = "/*[local-name()='EntityDescriptor']";
  const idp = `${descriptor}/*[local-name()='IDPSSODescriptor']`;
  const entityId = xpath.selectAttributes(doc, `${descriptor}/@entityID`)[0]?.value?.trim();
  const sso = xpath
    .selectElements(doc, `${idp}/*[local-name()='SingleSignOnService']`)
    .find((e) => e.getAttribute('Binding') === REDIRECT_BINDING)
    ?.getAttribute('Location')
    ?.trim();
  const keyDescriptors = xpath
    .selectElements(doc, `${idp}/*[local-name()='KeyDescriptor']`)
    .filter((k) => !k.getAttribute('use') || k.getAttribute('use') === 'signing');
  const certs = keyDescriptors.flatMap((k) =>
    xpath
      .selectElements(k, ".//*[local-name()='X509Certificate']")
      .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
      .filter((c) => /^[A-Za-z0-9+/=]{100,}$/.test(c)),
  );
  if (!entityId || !sso || !/^https?:\/\//.test(sso) || certs.length === 0) return null;
  return { entityId, ssoUrl: sso, certs: [...new Set(certs)] };
}

/** A base64 DER certificate as PEM. */
export const certPem = (b64: string): string =>
  `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----\n`;
