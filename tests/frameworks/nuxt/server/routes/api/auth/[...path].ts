// Better Auth runs as its own server (BETTER_AUTH_URL): the app hands it /api/auth/*, so
// the browser talks to its own origin, as with Better Auth mounted in the app.
export default defineEventHandler((event) => proxyRequest(event, `${process.env.BETTER_AUTH_URL}${event.path}`));
