// Server render: the page for a request whose session the server has read.
import { renderToString } from "react-dom/server";
import { App } from "./App.jsx";
import { createHydratedClient } from "./auth.js";

export function render(session) {
  return renderToString(<App authClient={createHydratedClient(session)} />);
}
