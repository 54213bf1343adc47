import { describe, expect, it } from 'vitest';
import { parseIdpMetadata } from './saml-metadata.js';

const CERT = `MII${'B'.repeat(120)}`;
const metadata = (sso: string, keyUse = 'signing') =>
  `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.jp/entity">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="${keyUse}"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>
      ${CERT.slice(0, 60)}
      ${CERT.slice(60)}
    </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    ${sso}
  </md:IDPSSODescriptor></md:EntityDescriptor>`;

describe('IdP metadata', () => {
  it('reads the entity id, the Redirect SSO URL and the signing certificates (whitespace removed)', async () => {
    const xml = metadata(
      '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.jp/post"/>' +
        '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.jp/redirect"/>',
    );
    expect(await parseIdpMetadata(xml)).toEqual({
      entityId: 'https://idp.example.jp/entity',
      ssoUrl: 'https://idp.example.jp/redirect',
      certs: [CERT],
    });
  });

  it('refuses metadata without a Redirect SSO URL or a signing certificate, and what is not XML', async () => {
    const redirect =
      '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.jp/r"/>';
    expect(await parseIdpMetadata(metadata(''))).toBeNull();
    expect(await parseIdpMetadata(metadata(redirect, 'encryption'))).toBeNull();
    expect(await parseIdpMetadata('not xml at all')).toBeNull();
  });
});
