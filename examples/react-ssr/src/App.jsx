// The page: who is signed in, and a sign-out button. No loading branch is ever shown
// on first paint: the store starts from the server's session.
export function App({ authClient }) {
  const { data, isPending } = authClient.useSession();
  if (isPending) return <p id="status">Loading…</p>;
  if (!data) return <p id="status">Signed out</p>;
  return (
    <main>
      <p id="status">Signed in as {data.user.name}</p>
      <button id="sign-out" onClick={() => authClient.signOut()}>
        Sign out
      </button>
    </main>
  );
}
