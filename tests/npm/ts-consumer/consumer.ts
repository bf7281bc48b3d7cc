// Compiled with `tsc --strict --noEmit` against the packed package: the public types
// must let a strict app do everything without `any` or casts.
import { createAuthClient, isFresh } from "better-auth-wasm";
import type { AuthError, ErrorCode, SessionState, SessionData, User } from "better-auth-wasm";
import { createAuthClient as createReactClient } from "better-auth-wasm/react";
import { createAuthClient as createSvelteClient } from "better-auth-wasm/svelte";
import { createAuthClient as createVueClient } from "better-auth-wasm/vue";
import { createAuthClient as createSolidClient } from "better-auth-wasm/solid";

type AppUser = User & { role: "admin" | "member" };
const client = createAuthClient<AppUser>({
  baseURL: "http://127.0.0.1:3000",
  sessionOptions: { refetchInterval: 60, crossTabSync: true, timeoutMs: 5000 },
});

// A bearer-token app with its own fetch, a plugin that rewrites paths, and a hook that
// adds a header: every fetch option typed.
export const bearerClient = createAuthClient({
  baseURL: "http://127.0.0.1:3000",
  fetchOptions: {
    auth: { type: "Bearer", token: () => globalThis.localStorage?.getItem("bearer_token") ?? undefined },
    customFetchImpl: (input: string, init: RequestInit) => fetch(input, init),
    headers: { "x-app": "consumer" },
    plugins: [{ id: "alias", init: (url: string, options) => ({ url: url.replace("/me", "/get-session"), options }) }],
    onRequest(request) {
      request.headers.set("x-request-method", request.method);
    },
  },
});
export const quietRename = () =>
  bearerClient.$fetch<{ status: boolean }>("/update-user", { body: { name: "Quiet" }, method: "POST", disableSignal: true });

export async function flow(): Promise<string> {
  const signedIn = await client.signIn.email({ email: "a@b.co", password: "pw", rememberMe: false });
  if (signedIn.error) {
    const code: ErrorCode = signedIn.error.code;
    return code === "INVALID_EMAIL_OR_PASSWORD" ? "retry" : signedIn.error.message;
  }
  const role: "admin" | "member" = signedIn.data.user.role;
  const { data, error } = await client.getSession({ query: { disableCookieCache: true } });
  if (error) return error.code;
  if (data) {
    const expires: Date = data.session.expiresAt;
    const fresh: boolean = isFresh(data.session, 600);
    void expires;
    void fresh;
  }
  const listed = await client.listSessions();
  if (listed.data) {
    const current = listed.data.find((s) => s.current);
    if (current) await client.revokeSession({ id: current.id });
    await client.revokeSession({ token: listed.data[0]?.token ?? "" });
  }
  await client.revokeOtherSessions();
  await client.signOutAll();
  const devices = await client.multiSession.listDeviceSessions();
  const first: SessionData<AppUser> | undefined = devices.data?.[0];
  if (first) await client.multiSession.setActive({ sessionToken: first.session.token });
  await client.signUp.email({ email: "b@c.co", password: "pw", name: "B", role: "admin" });
  return role;
}

const stop = client.useSession.subscribe((state: SessionState<SessionData<AppUser>>) => {
  const name: string | undefined = state.data?.user.name;
  const err: AuthError | null = state.error;
  const retryAfter: number | undefined = err?.retryAfter;
  void name;
  void retryAfter;
  if (state.isPending || state.isRefetching) return;
});
stop();
client.useSession.refetch();

const react = createReactClient<AppUser>();
export function useRole(): string | undefined {
  return react.useSession().data?.user.role;
}
const svelte = createSvelteClient();
svelte.useSession().subscribe((s) => s.data?.user.email);
const vue = createVueClient();
export function useVueName(): string | undefined {
  return vue.useSession().value.data?.user.name;
}
// Nuxt: the session through the framework's fetch.
export async function useNuxtSession(useFetch: (url: string, options: object) => Promise<{ data: unknown; error: unknown }>) {
  const { data, isPending } = await vue.useSession(useFetch);
  return isPending ? undefined : data;
}
const solid = createSolidClient();
export function useSolidEmail(): string | undefined {
  return solid.useSession()().data?.user.email;
}
client.useSession.set({ data: null, isPending: false });

// @ts-expect-error revokeSession needs a token or an id
void client.revokeSession({});
// @ts-expect-error session data is read-only in a snapshot
client.useSession.get().data = null;
