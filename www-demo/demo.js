// The demo page: sign up or in, watch the live session, manage this user's sessions.
// It uses the npm package exactly as an app would (./pkg is `make pkg`'s output).
import { createAuthClient } from "./pkg/index.js";
import { deviceName } from "./device-name.js";

const $ = (id) => document.getElementById(id);

// Count every request this page makes (the client calls the global fetch).
let requests = 0;
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (...args) => {
  requests += 1;
  $("request-count").textContent = String(requests);
  return realFetch(...args);
};

const authClient = createAuthClient({ baseURL: location.origin });

function say(text, isError = false) {
  $("message").textContent = text;
  $("message").className = isError ? "error" : "";
}
const describe = (error) => `${error.code}: ${error.message}`;

async function busy(button, work) {
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

let listedFor = null;
authClient.useSession.subscribe((state) => {
  const { data, error, isPending, isRefetching, lastResultAt, lastFetchReason } = state;
  $("session-state").textContent = isPending
    ? "Loading the session…"
    : data
      ? `Signed in as ${data.user.name}`
      : "Signed out";
  $("session-state").className = `state ${data ? "signed-in" : "signed-out"}`;
  $("badge-pending").hidden = !isPending;
  $("badge-refetching").hidden = !isRefetching;
  $("badge-error").hidden = !error;
  $("badge-error").textContent = error ? describe(error) : "";
  $("session-details").hidden = !data;
  $("sign-out").hidden = !data;
  $("devices").hidden = !data;
  $("auth-forms").hidden = isPending || Boolean(data);
  if (data) {
    $("user-name").textContent = data.user.name;
    $("user-email").textContent = data.user.email;
    $("session-expires").textContent = data.session.expiresAt.toLocaleString();
  }
  if (lastResultAt) {
    $("last-read").textContent = `Last read: ${lastFetchReason ?? "?"} at ${lastResultAt.toLocaleTimeString()}`;
  }
  const sessionId = data?.session.id ?? null;
  if (sessionId !== listedFor) {
    listedFor = sessionId;
    if (sessionId) listDevices();
  }
});

async function listDevices() {
  $("devices-message").textContent = "Loading sessions…";
  const { data, error } = await authClient.listSessions();
  const list = $("device-list");
  list.replaceChildren();
  if (error) {
    $("devices-message").textContent =
      error.code === "SESSION_NOT_FRESH" ? "Sign in again to manage your sessions." : describe(error);
    return;
  }
  $("devices-message").textContent = `${data.length} active session${data.length === 1 ? "" : "s"}`;
  for (const session of data) {
    const item = document.createElement("li");
    const info = document.createElement("span");
    info.className = "agent";
    info.textContent = `${deviceName(session.userAgent, session.ipAddress)} · since ${session.createdAt.toLocaleString()}`;
    info.title = session.userAgent ?? "";
    if (session.current) {
      const badge = document.createElement("span");
      badge.className = "badge this-device";
      badge.textContent = "This device";
      info.prepend(badge, " ");
    }
    const revoke = document.createElement("button");
    revoke.className = "small";
    revoke.textContent = session.current ? "Sign out this device" : "Revoke";
    revoke.addEventListener("click", () =>
      busy(revoke, async () => {
        const { error } = await authClient.revokeSession({ id: session.id });
        if (error) return say(describe(error), true);
        say(session.current ? "Signed out." : "Session revoked.");
        if (!session.current) await listDevices();
      }),
    );
    item.append(info, revoke);
    list.append(item);
  }
}

function formBody(form) {
  const fields = Object.fromEntries(new FormData(form));
  fields.rememberMe = form.elements.rememberMe.checked;
  return fields;
}

for (const [formId, call, verb] of [
  ["sign-up-form", authClient.signUp.email, "Signed up"],
  ["sign-in-form", authClient.signIn.email, "Signed in"],
]) {
  $(formId).addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form.querySelector("button"), async () => {
      say("Working…");
      const { data, error } = await call(formBody(form));
      if (error) return say(describe(error), true);
      say(`${verb} as ${data.user.email}.`);
      form.reset();
    });
  });
}

$("sign-out").addEventListener("click", (event) =>
  busy(event.currentTarget, async () => {
    const { error } = await authClient.signOut();
    say(error ? describe(error) : "Signed out.", Boolean(error));
  }),
);
$("revoke-others").addEventListener("click", (event) =>
  busy(event.currentTarget, async () => {
    const { error } = await authClient.revokeOtherSessions();
    if (error) return say(describe(error), true);
    say("Other sessions revoked.");
    await listDevices();
  }),
);
$("sign-out-all").addEventListener("click", (event) =>
  busy(event.currentTarget, async () => {
    const { error } = await authClient.signOutAll();
    say(error ? describe(error) : "Signed out everywhere.", Boolean(error));
  }),
);
$("refetch").addEventListener("click", () => authClient.useSession.refetch());
