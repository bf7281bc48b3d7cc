// The one client of the local OpenID Connect provider (oidc-provider.mjs), as the
// provider registers it and as the Better Auth test server's generic OAuth plugin uses it.
export const OIDC_CLIENT = {
  providerId: "local-oidc",
  id: "better-auth-wasm-tests",
  secret: "local-oidc-test-secret",
};
