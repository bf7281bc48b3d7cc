// The request's session, read on the server with its cookie (a server function).
import { query } from "@solidjs/router";
import { getRequestEvent } from "solid-js/web";
import { authClient } from "./auth-client";

export const getRenderedSession = query(async () => {
  "use server";
  const cookie = getRequestEvent()?.request.headers.get("cookie") ?? "";
  const { data, error } = await authClient.getSession({ fetchOptions: { headers: { cookie } } });
  if (error) console.error(`session read failed during render: ${error.code ?? error.status}: ${error.message}`);
  return data ? JSON.parse(JSON.stringify(data)) : null;
}, "session");
