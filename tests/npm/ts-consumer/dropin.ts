// A strict app migrated from better-auth/client by swapping the import (to
// better-auth-wasm/client): official plugins, custom user fields through
// inferAdditionalFields, plugin methods and endpoints, all typed, no `any`. The lines
// marked as expected errors prove the types are real (an `any` would make them unused).
import { createAuthClient } from "better-auth-wasm/client";
import { inferAdditionalFields, organizationClient, twoFactorClient } from "better-auth/client/plugins";

const client = createAuthClient({
  baseURL: "http://127.0.0.1:3000",
  sessionOptions: { refetchInterval: 60, crossTabSync: true },
  plugins: [
    inferAdditionalFields({ user: { role: { type: "string", required: false } } }),
    organizationClient(),
    twoFactorClient(),
  ],
});

export async function migratedApp(): Promise<string> {
  const { data, error } = await client.getSession();
  if (error) return error.message ?? "error";
  const role: string | null | undefined = data?.user.role;
  // @ts-expect-error role is a string, not a number
  const wrong: number | undefined = data?.user.role;
  void wrong;
  await client.updateUser({ name: "New Name" });
  // @ts-expect-error updateUser takes no such field
  await client.updateUser({ nmae: "typo" });
  await client.changePassword({ currentPassword: "a", newPassword: "b", revokeOtherSessions: true });
  await client.requestPasswordReset({ email: "a@b.co", redirectTo: "/reset" });
  const created = await client.organization.create({ name: "Org", slug: "org" });
  const orgName: string | undefined = created.data?.name;
  await client.twoFactor.enable({ password: "pw" });
  const social = await client.signIn.social({ provider: "github", disableRedirect: true });
  const url: string | undefined = social.data?.url;
  const state = client.useSession.get();
  const name: string | undefined = state.data?.user.name;
  const stored: string | null | undefined = state.data?.user.role;
  const stop = client.useSession.subscribe((next) => void next.isPending);
  stop();
  await client.refreshSession();
  return `${role}${orgName}${url}${name}${stored}`;
}
