// Browser: hydrate the server's HTML from the session embedded in the page.
import { hydrateRoot } from "react-dom/client";
import { App } from "./App.jsx";
import { createHydratedClient } from "./auth.js";

// `data`: the session the server rendered with; `error`: why it could not read one.
const { data, error } = JSON.parse(document.getElementById("session")?.textContent ?? "{}");
const authClient = createHydratedClient(data ?? null);
window.authClient = authClient; // for the tests
hydrateRoot(document.getElementById("root"), <App authClient={authClient} />);
// The server could not read the session (Better Auth down or slow): the page shows
// signed out, and the browser asks Better Auth itself.
if (error) authClient.$store.notify("$sessionSignal");
