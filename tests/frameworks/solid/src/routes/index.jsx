import { createAsync } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { authClient } from "../lib/auth-client";
import { getRenderedSession } from "../lib/session";

export const route = { preload: () => getRenderedSession() };

export default function Home() {
  const rendered = createAsync(() => getRenderedSession());
  return (
    <Show when={rendered() !== undefined}>
      <Status initial={rendered()} />
    </Show>
  );
}

function Status(props) {
  // The browser's store starts from the server's session (on the server this does
  // nothing: the client is shared by every request).
  authClient.hydrateSession(props.initial);
  const session = authClient.useSession();
  // Until the store has a result, the server's session.
  const user = () => (session().isPending ? props.initial?.user : session().data?.user);
  const [failure, setFailure] = createSignal("");
  onMount(() => {
    window.authClient = authClient;
    window.hydrated = true;
  });
  async function signUp(event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { error } = await authClient.signUp.email({
      name: form.get("name"),
      email: form.get("email"),
      password: form.get("password"),
    });
    setFailure(error ? `${error.code ?? error.status}: ${error.message}` : "");
  }
  return (
    <main>
      <p id="status">{user() ? `Signed in as ${user().name}` : "Signed out"}</p>
      <p id="failure">{failure()}</p>
      <Show
        when={user()}
        fallback={
          <form id="sign-up" onSubmit={signUp}>
            <input id="name" name="name" placeholder="Name" />
            <input id="email-input" name="email" placeholder="Email" />
            <input id="password" name="password" type="password" placeholder="Password" />
            <button type="submit">Sign up</button>
          </form>
        }
      >
        <button id="sign-out" onClick={() => authClient.signOut()}>
          Sign out
        </button>
      </Show>
    </main>
  );
}
