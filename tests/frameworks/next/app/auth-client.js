"use client";
// The browser's auth client, at module level as Better Auth's docs make it (also
// evaluated, and shared, by every server render of this process). No baseURL: the
// page's origin, whose /api/auth the app hands to Better Auth.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
