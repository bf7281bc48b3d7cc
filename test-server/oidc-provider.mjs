// A local OpenID Connect provider for the tests (npm oidc-provider, its development
// login and consent pages), so that Better Auth's generic OAuth plugin can run a whole
// sign-in round trip on 127.0.0.1: the browser goes to this provider, "signs in" with
// any login (the login is the account's email) and any password, consents, and comes
// back to Better Auth's callback. Never for anything but tests.
//
//   PORT  port to listen on (default 0: a free one)
//
// One client, OIDC_CLIENT (oidc-client.mjs), whose redirect URIs may be any http://127.0.0.1 URL
// (the Better Auth test servers listen on ports chosen at start).
// Prints exactly one ready line, JSON, on stdout: {"ready":true,"url":"http://127.0.0.1:PORT"}
import { createServer } from "node:http";
import Provider from "oidc-provider";
import { OIDC_CLIENT } from "./oidc-client.mjs";

// The development pages warn on every start; this provider is only for tests.
console.warn = () => {};

const server = createServer();
await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${issuer}/unused`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true, name: `OIDC ${id.split("@")[0]}` }),
    };
  },
  pkce: { required: () => true },
  cookies: { keys: ["local-oidc-cookie-key"] },
});
// The test servers' callbacks are on ports chosen at start: any 127.0.0.1 URL is allowed.
provider.Client.prototype.redirectUriAllowed = (uri) => uri.startsWith("http://127.0.0.1:");

server.on("request", provider.callback());
process.on("SIGTERM", () => server.close(() => process.exit(0)));
console.log(JSON.stringify({ ready: true, url: issuer }));
