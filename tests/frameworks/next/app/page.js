// A server component: the session read with the request's cookie, handed to the client.
import { headers } from "next/headers";
import { serverAuth } from "./server-auth";
import { Status } from "./status";

export const dynamic = "force-dynamic";

export default async function Page() {
  const cookie = (await headers()).get("cookie") ?? "";
  const { data, error } = await serverAuth.getSession({ fetchOptions: { headers: { cookie } } });
  if (error) console.error(`session read failed during render: ${error.code ?? error.status}: ${error.message}`);
  return <Status initialSession={data ?? null} />;
}
