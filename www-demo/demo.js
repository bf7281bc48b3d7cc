// The demo page: sign up, sign in, see the live session, sign out.
// Talks to the Better Auth server that serves this page (same origin).
import init, { createAuthClient } from "./pkg/better_auth_wasm.js";

const $ = (id) => document.getElementById(id);
let requests = 0;
const counted = async (promise) => {
  requests += 1;
  $("request-count").textContent = String(requests);
  return promise;
};

function showMessage(text, isError = false) {
  $("message").textContent = text;
  $("message").className = isError ? "error" : "";
}

function showSession(session, reason) {
  const signedIn = Boolean(session);
  $("session-state").textContent = signedIn
    ? `Signed in as ${session.user.name}`
    : "Signed out";
  $("session-state").className = `state ${signedIn ? "signed-in" : "signed-out"}`;
  $("session-details").hidden = !signedIn;
  $("sign-out").hidden = !signedIn;
  $("auth-forms").hidden = signedIn;
  if (signedIn) {
    $("user-name").textContent = session.user.name;
    $("user-email").textContent = session.user.email;
    $("session-expires").textContent = session.session.expiresAt.toLocaleString();
  }
  $("last-refresh").textContent = `Last refresh: ${reason}, at ${new Date().toLocaleTimeString()}`;
}

async function busy(button, work) {
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

await init();
const client = createAuthClient({ baseURL: location.origin });

async function refresh(reason) {
  $("session-state").textContent = "Checking session…";
  const { data, error } = await counted(client.getSession());
  if (error) {
    showMessage(`${error.code}: ${error.message}`, true);
    return;
  }
  showSession(data, reason);
}

function formBody(form) {
  const fields = Object.fromEntries(new FormData(form));
  fields.rememberMe = form.elements.rememberMe.checked;
  return fields;
}

for (const [formId, call, verb] of [
  ["sign-up-form", (body) => client.signUpEmail(body), "Signed up"],
  ["sign-in-form", (body) => client.signInEmail(body), "Signed in"],
]) {
  $(formId).addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form.querySelector("button"), async () => {
      showMessage("Working…");
      const { data, error } = await counted(call(formBody(form)));
      if (error) {
        showMessage(`${error.code}: ${error.message}`, true);
        return;
      }
      showMessage(`${verb} as ${data.user.email}.`);
      form.reset();
      await refresh(verb.toLowerCase());
    });
  });
}

$("sign-out").addEventListener("click", (event) =>
  busy(event.currentTarget, async () => {
    const { error } = await counted(client.signOut());
    if (error) {
      showMessage(`${error.code}: ${error.message}`, true);
      return;
    }
    showMessage("Signed out.");
    await refresh("signed out");
  }),
);
$("refresh").addEventListener("click", (event) =>
  busy(event.currentTarget, () => refresh("refresh clicked")),
);

await refresh("page load");
