// better-auth's own client tests, ported from packages/better-auth/src/client/client.test.ts
// (its "run time proxy" and "plugin actions deep merge" blocks; the type tests are
// checked by tests/npm's TypeScript consumer; the Lynx client has no counterpart here):
// the same code, run on either client (vitest.config.mjs swaps the import).
import { isProxy } from "node:util/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAuthClient as createReactClient } from "client-under-test/react";
import { createAuthClient as createSolidClient } from "client-under-test/solid";
import { createAuthClient as createSvelteClient } from "client-under-test/svelte";
import { createAuthClient as createVanillaClient } from "client-under-test/client";
import { createAuthClient as createVueClient } from "client-under-test/vue";
import { testClientPlugin, testDeepMergePluginA, testDeepMergePluginB } from "./test-plugin.mjs";

describe("run time proxy", async () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it("atom in proxy should not be proxy", async () => {
		const client = createVanillaClient();
		const atom = client.$store.atoms.session;
		expect(isProxy(atom)).toBe(false);
	});

	it("every framework client should expose the real $fetch and $store", async () => {
		// A key missing from the proxy routes silently falls through to the
		// dynamic path handler, so `client.$fetch(...)` would issue a request
		// to a phantom `/fetch` action instead of using the better-fetch
		// instance, and `$store.atoms.session` would resolve to a path proxy
		// instead of the session atom.
		const clients = {
			vanilla: createVanillaClient(),
			react: createReactClient(),
			solid: createSolidClient(),
			svelte: createSvelteClient(),
			vue: createVueClient(),
		};
		for (const [framework, client] of Object.entries(clients)) {
			expect(isProxy(client.$fetch), `${framework} $fetch`).toBe(false);
			expect(
				isProxy(client.$store.atoms.session),
				`${framework} session atom`,
			).toBe(false);
		}
	});

	it("proxy api should be called", async () => {
		let apiCalled = false;
		const client = createSolidClient({
			plugins: [testClientPlugin()],
			fetchOptions: {
				customFetchImpl: async (url, init) => {
					apiCalled = true;
					return new Response();
				},
				baseURL: "http://localhost:3000",
			},
		});
		await client.test();
		expect(apiCalled).toBe(true);
	});

	it("state listener should be called on matched path", async () => {
		const client = createSolidClient({
			plugins: [testClientPlugin()],
			fetchOptions: {
				customFetchImpl: async (url, init) => {
					return new Response();
				},
				baseURL: "http://localhost:3000",
			},
		});
		const res = client.useComputedAtom();
		expect(res()).toBe(0);
		await client.test();
		vi.useFakeTimers();
		setTimeout(() => {
			expect(res()).toBe(1);
		}, 100);
	});

	it("should call useSession", async () => {
		vi.useFakeTimers();
		let returnNull = false;
		const client = createSolidClient({
			plugins: [testClientPlugin()],
			fetchOptions: {
				customFetchImpl: async () => {
					if (returnNull) {
						return new Response(JSON.stringify(null));
					}
					return new Response(
						JSON.stringify({
							user: {
								id: 1,
								email: "test@email.com",
							},
						}),
					);
				},
				baseURL: "http://localhost:3000",
			},
		});
		const res = client.useSession();
		await vi.runAllTimersAsync();
		expect(res()).toMatchObject({
			data: { user: { id: 1, email: "test@email.com" } },
			error: null,
			isPending: false,
		});
		/**
		 * recall
		 */
		returnNull = true;
		await client.test2.signOut();
		await vi.runAllTimersAsync();
		expect(res()).toMatchObject({
			data: null,
			error: null,
			isPending: false,
		});
		vi.useRealTimers();
	});

	it("should hydrate session on an existing client", async () => {
		vi.useFakeTimers();
		const client = createSolidClient({
			fetchOptions: {
				customFetchImpl: async () =>
					new Response(
						JSON.stringify({
							user: {
								id: "2",
								email: "fresh@email.com",
							},
							session: {
								id: "session-2",
							},
						}),
					),
				baseURL: "http://localhost:3000",
			},
		});

		client.hydrateSession({
			user: {
				id: "1",
				name: "Hydrated User",
				email: "hydrated@email.com",
				emailVerified: false,
				createdAt: new Date(),
				updatedAt: new Date(),
			},
			session: {
				id: "session-1",
				userId: "1",
				expiresAt: new Date(),
				token: "session-token-1",
				createdAt: new Date(),
				updatedAt: new Date(),
			},
		});

		const session = client.useSession();

		expect(session()).toMatchObject({
			data: {
				user: {
					id: "1",
					email: "hydrated@email.com",
				},
				session: {
					id: "session-1",
				},
			},
			error: null,
			isPending: false,
			isRefetching: false,
		});

		await vi.runAllTimersAsync();

		expect(session()).toMatchObject({
			data: {
				user: {
					id: "2",
					email: "fresh@email.com",
				},
				session: {
					id: "session-2",
				},
			},
			error: null,
			isPending: false,
			isRefetching: false,
		});
	});

	it("should not overwrite session when already hydrated", async () => {
		const client = createSolidClient({
			fetchOptions: {
				customFetchImpl: async () =>
					new Response(
						JSON.stringify({
							user: { id: "1", email: "fresh@email.com" },
							session: { id: "session-1" },
						}),
					),
				baseURL: "http://localhost:3000",
			},
		});

		client.hydrateSession({
			user: {
				id: "1",
				name: "First",
				email: "first@email.com",
				emailVerified: false,
				createdAt: new Date(),
				updatedAt: new Date(),
			},
			session: {
				id: "session-1",
				userId: "1",
				expiresAt: new Date(),
				token: "token-1",
				createdAt: new Date(),
				updatedAt: new Date(),
			},
		});

		// Second call should be a no-op
		client.hydrateSession({
			user: {
				id: "2",
				name: "Second",
				email: "second@email.com",
				emailVerified: false,
				createdAt: new Date(),
				updatedAt: new Date(),
			},
			session: {
				id: "session-2",
				userId: "2",
				expiresAt: new Date(),
				token: "token-2",
				createdAt: new Date(),
				updatedAt: new Date(),
			},
		});

		const session = client.useSession();
		expect(session().data?.user?.email).toBe("first@email.com");
	});

	it("should not hydrate when session is null", () => {
		const client = createSolidClient({
			fetchOptions: {
				customFetchImpl: async () => new Response(JSON.stringify(null)),
				baseURL: "http://localhost:3000",
			},
		});

		client.hydrateSession(null);

		const session = client.useSession();
		expect(session().data).toBeNull();
		expect(session().isPending).toBe(true);
	});

	/**
	 * Re-running hydrateSession on a later render (e.g. after sign-out cleared
	 * the atom) must not restore the stale initial session. Hydration is
	 * one-shot per client instance.
	 */
	it("should not re-hydrate after the session atom has been cleared", () => {
		const client = createVanillaClient({
			fetchOptions: {
				customFetchImpl: async () => new Response(JSON.stringify(null)),
				baseURL: "http://localhost:3000",
			},
		});

		const initialSession = {
			user: {
				id: "1",
				name: "Hydrated",
				email: "hydrated@email.com",
				emailVerified: false,
				createdAt: new Date(),
				updatedAt: new Date(),
			},
			session: {
				id: "session-1",
				userId: "1",
				expiresAt: new Date(),
				token: "token-1",
				createdAt: new Date(),
				updatedAt: new Date(),
			},
		};

		client.hydrateSession(initialSession);

		// Simulate sign-out clearing the session atom.
		const sessionAtom = client.$store.atoms.session;
		sessionAtom.set({
			...sessionAtom.get(),
			data: null,
			isPending: false,
		});

		// A later render calls hydrateSession again with the same initialSession.
		client.hydrateSession(initialSession);

		expect(sessionAtom.get().data).toBeNull();
	});

	/**
	 * The auth client is a module-level singleton, so the session atom is shared
	 * across concurrent SSR requests. Writing during server render would leak one
	 * request's session into another. Hydration must be a no-op on the server.
	 */
	it("should not write to the shared atom during server render", () => {
		const client = createVanillaClient({
			fetchOptions: {
				customFetchImpl: async () => new Response(JSON.stringify(null)),
				baseURL: "http://localhost:3000",
			},
		});

		vi.stubGlobal("window", undefined);
		try {
			client.hydrateSession({
				user: {
					id: "user-a",
					name: "User A",
					email: "a@email.com",
					emailVerified: false,
					createdAt: new Date(),
					updatedAt: new Date(),
				},
				session: {
					id: "session-a",
					userId: "user-a",
					expiresAt: new Date(),
					token: "token-a",
					createdAt: new Date(),
					updatedAt: new Date(),
				},
			});
		} finally {
			vi.unstubAllGlobals();
		}

		expect(client.$store.atoms.session.get().data).toBeNull();
	});

	it("should allow second argument fetch options", async () => {
		let called = false;
		const client = createSolidClient({
			plugins: [testClientPlugin()],
			fetchOptions: {
				customFetchImpl: async (url, init) => {
					return new Response();
				},
				baseURL: "http://localhost:3000",
			},
		});
		await client.test(
			{},
			{
				onSuccess(context) {
					called = true;
				},
			},
		);
		expect(called).toBe(true);
	});

	it("should not expose a 'then', 'catch', 'finally' property on the proxy", async () => {
		const client = createSolidClient({
			plugins: [testClientPlugin()],
			fetchOptions: {
				customFetchImpl: async () => new Response(),
				baseURL: "http://localhost:3000",
			},
		});
		const proxy = client.test;
		expect(proxy.then).toBeUndefined();
		expect(proxy.catch).toBeUndefined();
		expect(proxy.finally).toBeUndefined();
	});
});


describe("plugin actions deep merge", () => {
	it("should merge actions from multiple plugins with same top-level key", async () => {
		const client = createVanillaClient({
			plugins: [testDeepMergePluginA(), testDeepMergePluginB()],
			fetchOptions: {
				customFetchImpl: async () => new Response(),
				baseURL: "http://localhost:3000",
			},
		});

		// Both methods should be accessible under signIn
		expect(typeof client.signIn.methodA).toBe("function");
		expect(typeof client.signIn.methodB).toBe("function");

		// Both methods should work correctly
		const resultA = await client.signIn.methodA();
		const resultB = await client.signIn.methodB();
		expect(resultA).toEqual({ success: true, method: "A" });
		expect(resultB).toEqual({ success: true, method: "B" });
	});

	it("should preserve first plugin methods when second plugin adds to same key", async () => {
		// Order matters: A first, then B
		const clientAB = createVanillaClient({
			plugins: [testDeepMergePluginA(), testDeepMergePluginB()],
			fetchOptions: {
				customFetchImpl: async () => new Response(),
				baseURL: "http://localhost:3000",
			},
		});

		// Order reversed: B first, then A
		const clientBA = createVanillaClient({
			plugins: [testDeepMergePluginB(), testDeepMergePluginA()],
			fetchOptions: {
				customFetchImpl: async () => new Response(),
				baseURL: "http://localhost:3000",
			},
		});

		// Both orders should have both methods
		expect(typeof clientAB.signIn.methodA).toBe("function");
		expect(typeof clientAB.signIn.methodB).toBe("function");
		expect(typeof clientBA.signIn.methodA).toBe("function");
		expect(typeof clientBA.signIn.methodB).toBe("function");
	});
});
