// What an app ships for the official client: createAuthClient only.
export { createAuthClient } from "better-auth/client";
