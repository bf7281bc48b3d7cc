// The official client plugins, bundled for the test pages by scripts/e2e.sh (esbuild,
// better-auth from bench/node_modules): what an app passes to createAuthClient.
export {
  inferAdditionalFields,
  multiSessionClient,
  organizationClient,
  twoFactorClient,
} from "better-auth/client/plugins";
