// A relying party on openid-client 6 (https://github.com/panva/openid-client), a certified OpenID Connect
// client nobody in this repository wrote, driven step by step by tests/Identity.Tests (OpenIdClientInteropTests).
//   node client.mjs COMMAND 'JSON'   ->   one JSON object on stdout (or the error on stderr, exit code 1)
// Commands (JSON fields):
//   client-credentials {issuer, clientId, clientSecret, scope}
//   authorize          {issuer, clientId, redirectUri, scope}            -> {url, verifier, state, nonce}
//   redeem             {issuer, clientId, callbackUrl, verifier, state, nonce}
//   refresh            {issuer, clientId, refreshToken}
// The issuer is plain http on loopback in tests: allowInsecureRequests is set for that reason only.
import * as oidc from 'openid-client';

const [command, json] = process.argv.slice(2);
const input = JSON.parse(json ?? '{}');

async function configuration() {
  const auth = input.clientSecret ? oidc.ClientSecretBasic(input.clientSecret) : oidc.None();
  return oidc.discovery(new URL(input.issuer), input.clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });
}

function tokens(response) {
  const claims = response.id_token ? response.claims() : undefined;
  return {
    access_token: response.access_token,
    token_type: response.token_type,
    expires_in: response.expiresIn(),
    scope: response.scope,
    refresh_token: response.refresh_token,
    id_token_claims: claims,
  };
}

const commands = {
  async 'client-credentials'() {
    return tokens(await oidc.clientCredentialsGrant(await configuration(), { scope: input.scope }));
  },
  async authorize() {
    const config = await configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: input.redirectUri,
      scope: input.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, verifier, state, nonce, server: config.serverMetadata() };
  },
  async redeem() {
    const response = await oidc.authorizationCodeGrant(await configuration(), new URL(input.callbackUrl), {
      pkceCodeVerifier: input.verifier,
      expectedState: input.state,
      expectedNonce: input.nonce,
      idTokenExpected: true,
    });
    return tokens(response);
  },
  async refresh() {
    return tokens(await oidc.refreshTokenGrant(await configuration(), input.refreshToken));
  },
};

try {
  if (!commands[command]) throw new Error(`unknown command '${command}'`);
  process.stdout.write(JSON.stringify(await commands[command]()));
} catch (error) {
  // The OAuth error (error, error_description), from the body or the WWW-Authenticate challenge.
  const oauth = error.error ? `${error.error}: ${error.error_description}` : error.cause ? JSON.stringify(error.cause) : '';
  process.stderr.write(`${error.name}: ${error.message}${error.code ? ` (${error.code})` : ''} ${oauth}\n`);
  process.exit(1);
}
