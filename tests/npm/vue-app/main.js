// A Vue app built with Vite from the packed npm package (render functions: no SFC
// compiler needed), driven by tests/e2e/npm.test.mjs.
import { createApp, h, ref } from "vue";
import { createAuthClient } from "better-auth-wasm/vue";

const authClient = createAuthClient({ baseURL: location.origin });

const App = {
  setup() {
    const session = authClient.useSession();
    const message = ref("");
    async function signUp(event) {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      const { error } = await authClient.signUp.email({
        email: form.get("email"),
        password: form.get("password"),
        name: form.get("name"),
      });
      message.value = error ? `${error.code}: ${error.message}` : "";
    }
    return () => {
      const { data, isPending, error } = session.value;
      if (isPending) return h("p", { id: "status" }, "Loading…");
      return h("main", [
        error && h("p", { id: "error" }, error.code),
        ...(data
          ? [
              h("p", { id: "status" }, `Signed in as ${data.user.name}`),
              h("button", { id: "sign-out", onClick: () => authClient.signOut() }, "Sign out"),
            ]
          : [
              h("p", { id: "status" }, "Signed out"),
              h("form", { id: "sign-up", onSubmit: signUp }, [
                h("input", { name: "name", placeholder: "Name" }),
                h("input", { name: "email", type: "email", placeholder: "Email" }),
                h("input", { name: "password", type: "password", placeholder: "Password" }),
                h("button", { type: "submit" }, "Sign up"),
              ]),
            ]),
        message.value && h("p", { id: "message" }, message.value),
      ]);
    };
  },
};

createApp(App).mount("#app");
