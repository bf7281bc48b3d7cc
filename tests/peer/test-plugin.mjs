// better-auth's test client plugins (src/client/test-plugin.ts), in JavaScript: the parts
// the ported tests use (its queryAtom, built on better-auth's internal useAuthQuery, is
// left out: no ported test reads it).
import { atom, computed } from "nanostores";

export const testClientPlugin = () => {
  const $test = atom(false);
  let testValue = 0;
  const computedAtom = computed($test, () => testValue++);
  return {
    id: "test",
    getActions() {
      return {
        setTestAtom(value) {
          $test.set(value);
        },
        test: { signOut: async () => {} },
      };
    },
    getAtoms() {
      const $signal = atom(false);
      return { $test, $signal, computedAtom };
    },
    atomListeners: [
      { matcher: (path) => path === "/test", signal: "$test" },
      { matcher: (path) => path === "/test2/sign-out", signal: "$sessionSignal" },
    ],
  };
};

export const testDeepMergePluginA = () => ({
  id: "test-deep-merge-a",
  getActions: () => ({ signIn: { methodA: async () => ({ success: true, method: "A" }) } }),
});

export const testDeepMergePluginB = () => ({
  id: "test-deep-merge-b",
  getActions: () => ({ signIn: { methodB: async () => ({ success: true, method: "B" }) } }),
});
