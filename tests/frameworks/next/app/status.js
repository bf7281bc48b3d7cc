"use client";
import { useEffect, useState } from "react";
import { authClient } from "./auth-client";

/** The session view: starts from the session the server rendered with. */
export function Status({ initialSession }) {
  // The browser's store starts from it (on the server this does nothing: the client is
  // shared by every request).
  authClient.hydrateSession(initialSession);
  const session = authClient.useSession();
  const user = session.isPending ? initialSession?.user : session.data?.user;
  const [failure, setFailure] = useState("");
  useEffect(() => {
    window.authClient = authClient;
    window.hydrated = true;
  }, []);
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
      <p id="status">{user ? `Signed in as ${user.name}` : "Signed out"}</p>
      <p id="failure">{failure}</p>
      {user ? (
        <button id="sign-out" onClick={() => authClient.signOut()}>
          Sign out
        </button>
      ) : (
        <form id="sign-up" onSubmit={signUp}>
          <input id="name" name="name" placeholder="Name" />
          <input id="email-input" name="email" placeholder="Email" />
          <input id="password" name="password" type="password" placeholder="Password" />
          <button type="submit">Sign up</button>
        </form>
      )}
    </main>
  );
}
