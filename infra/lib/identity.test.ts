import { describe, expect, it } from 'vitest';
import { synthStage } from './testing';

type Json = Record<string, unknown>;
type Resources = Record<string, Json>;

/** Every IAM statement of the template that allows an action, with the logical id of where it sits. */
function allowStatements(resources: Resources): { where: string; actions: string[]; resource: unknown; principal?: unknown }[] {
  const out: { where: string; actions: string[]; resource: unknown; principal?: unknown }[] = [];
  const add = (where: string, doc: unknown) => {
    for (const s of ((doc as { Statement?: Json[] })?.Statement ?? []) as Json[]) {
      if (s.Effect !== 'Allow') continue;
      const actions = ([] as string[]).concat(s.Action as string | string[]);
      out.push({ where, actions, resource: s.Resource, principal: s.Principal });
    }
  };
  for (const [id, r] of Object.entries(resources)) {
    const p = (r.Properties ?? {}) as Json;
    if (r.Type === 'AWS::IAM::Policy') add(id, p.PolicyDocument);
    if (r.Type === 'AWS::IAM::Role')
      for (const inline of (p.Policies ?? []) as Json[]) add(`${id}/${String(inline.PolicyName)}`, inline.PolicyDocument);
    if (r.Type === 'AWS::KMS::Key') add(`${id}/KeyPolicy`, p.KeyPolicy);
  }
  return out;
}

const grantsSign = (actions: string[]) => actions.some((a) => a === 'kms:Sign' || a === 'kms:*' || a === '*');

describe('token signing in KMS (template)', () => {
  it('signs with an asymmetric P-256 KMS key that only the identity function may use to sign', () => {
    const { main } = synthStage();
    const keys = main.findResources('AWS::KMS::Key', { Properties: { KeySpec: 'ECC_NIST_P256' } });
    expect(Object.keys(keys)).toHaveLength(1);
    const [keyId, key] = Object.entries(keys)[0]!;
    expect((key.Properties as Json).KeyUsage).toBe('SIGN_VERIFY');

    const resources = main.toJSON().Resources as Resources;
    const signers = allowStatements(resources).filter((s) => grantsSign(s.actions));
    // IAM policies: exactly the identity function's role, on the signing key only.
    const iamSigners = signers.filter((s) => !s.where.endsWith('/KeyPolicy'));
    expect(iamSigners.map((s) => s.where)).toEqual([expect.stringMatching(/^IdentityFunctionServiceRoleDefaultPolicy/)]);
    expect(iamSigners[0]!.resource).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    // Key policies: only the account itself (CDK's default statement, which defers to IAM policies).
    for (const s of signers.filter((x) => x.where.endsWith('/KeyPolicy')))
      expect(JSON.stringify(s.principal), s.where).toMatch(/:iam::111111111111:root/);

    // The request function reads the public keys and nothing more of KMS.
    const apiKms = allowStatements(resources)
      .filter((s) => s.where.startsWith('ApiFunctionServiceRoleDefaultPolicy'))
      .flatMap((s) => s.actions.filter((a) => a.startsWith('kms:')));
    expect(apiKms).toEqual(['kms:GetPublicKey']);
  });

  it('keeps two kids across a rotation: the newest key signs, the previous one still verifies', () => {
    const { main } = synthStage({ signingKeys: 'k1,k2' });
    const keys = Object.keys(main.findResources('AWS::KMS::Key', { Properties: { KeySpec: 'ECC_NIST_P256' } }));
    const k1 = keys.find((k) => k.startsWith('IdentitySigningKeyk1'))!;
    const k2 = keys.find((k) => k.startsWith('IdentitySigningKeyk2'))!;
    expect(k1 && k2).toBeTruthy();
    const fns = main.findResources('AWS::Lambda::Function');
    for (const prefix of ['ApiFunction', 'IdentityFunction']) {
      const [, fn] = Object.entries(fns).find(([id]) => id.startsWith(prefix))!;
      const vars = ((fn.Properties as Json).Environment as { Variables: Json }).Variables;
      expect(vars.SIGNING_KEY_ID, prefix).toEqual({ 'Fn::GetAtt': [k2, 'Arn'] });
      expect(vars.SIGNING_KEY_PREVIOUS_ID, prefix).toEqual({ 'Fn::GetAtt': [k1, 'Arn'] });
      expect(vars).not.toHaveProperty('JWT_KEYS');
    }
    const signs = allowStatements(main.toJSON().Resources as Resources).filter(
      (s) => grantsSign(s.actions) && !s.where.endsWith('/KeyPolicy'),
    );
    expect(signs.map((s) => s.resource)).toEqual([{ 'Fn::GetAtt': [k2, 'Arn'] }]);
  });

  it('routes the session-starting routes to the identity function and everything else to the request function', () => {
    const { main } = synthStage();
    const integrations = main.findResources('AWS::ApiGatewayV2::Integration');
    const fnOfIntegration = (ref: { Ref: string }) =>
      JSON.stringify((integrations[ref.Ref]!.Properties as Json).IntegrationUri).match(/"(\w+Function)[0-9A-F]{8}"/)![1];
    const routes = Object.fromEntries(
      Object.values(main.findResources('AWS::ApiGatewayV2::Route')).map((r) => {
        const p = r.Properties as Json;
        const target = (p.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1] as { Ref: string };
        return [p.RouteKey as string, fnOfIntegration(target)];
      }),
    );
    expect(routes).toEqual({
      'ANY /api/{proxy+}': 'ApiFunction',
      'ANY /scorm/{proxy+}': 'ApiFunction',
      'ANY /scim/{proxy+}': 'ApiFunction',
      'ANY /api/auth/{proxy+}': 'IdentityFunction',
      'POST /api/signup': 'IdentityFunction',
    });
  });
});
