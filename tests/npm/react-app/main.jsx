// A React app built with Vite from the packed npm package, driven by tests/e2e/npm.test.mjs.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { createAuthClient } from "better-auth-wasm/react";

const authClient = createAuthClient({ baseURL: location.origin });
window.authClient = authClient; // for the tests
window.userNameRenders = 0;

/** Reads only `data`: it should render again only when the data changes. */
function UserName() {
  const { data } = authClient.useSession();
  window.userNameRenders += 1;
  return <p id="user-name">{data?.user.name ?? "nobody"}</p>;
}

function App() {
  const { data, isPending, error } = authClient.useSession();
  const [message, setMessage] = useState("");
  if (isPending) return <p id="status">Loading…</p>;
  const signUp = async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { error } = await authClient.signUp.email({
      email: form.get("email"),
      password: form.get("password"),
      name: form.get("name"),
    });
    setMessage(error ? `${error.code}: ${error.message}` : "");
  };
  return (
    <main>
      {error && <p id="error">{error.code}</p>}
      {data ? (
        <>
          <p id="status">Signed in as {data.user.name}</p>
          <button id="sign-out" onClick={() => authClient.signOut()}>Sign out</button>
        </>
      ) : (
        <form id="sign-up" onSubmit={signUp}>
          <p id="status">Signed out</p>
          <input name="name" placeholder="name" />
          <input name="email" placeholder="email" />
          <input name="password" type="password" placeholder="password" />
          <button type="submit">Sign up</button>
        </form>
      )}
      <p id="message">{message}</p>
      <UserName />
    </main>
  );
}

createRoot(document.getElementById("root")).render(<App />);
