import { defaultCatalog, loadCatalog } from "../catalog/load.ts";
import { startServer } from "../serve/app.ts";
import { openDb } from "../store/db.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Io } from "./main.ts";
import { STORE_OPTIONS } from "./register-common.ts";

export const SERVE_HELP = `Usage: dossier serve [options]

Serves the register as a web application: the register with its facets and
filters (/), one assertion with its provenance graph (/assertions/ID), one
document with its evidence highlighted (/documents/ID), a state (/countries/ISO3),
a system's transfers over time (/systems/ID), what a source originated and
relayed (/sources/ID), full-text search (/search), and a form that reads an article from its URL or
pasted text, previews its claims and stores them (/ingest; URLs are fetched
behind the same SSRF guard as "dossier ingest", private addresses refused).
Every page answers as JSON at the same address with .json appended;
/assertions.csv and /assertions.jsonl export the filtered rows;
/api/openapi.json describes the API.

Options:
  --host HOST        address to listen on (default 127.0.0.1)
  --port N           port to listen on (default 8080; 0 picks a free one)
${STORE_OPTIONS}
  --help             this text

Stops on Ctrl-C (SIGINT) or SIGTERM.`;

/** Runs the web app until the process is told to stop. */
export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["help"], ["host", "port", "data", "catalog"]);
  if (flags.has("help")) {
    io.out(SERVE_HELP + "\n");
    return 0;
  }
  if (positional.length) throw new UsageError(`serve takes no arguments (got "${positional[0]}")`);
  const portText = (flags.get("port") as string | undefined) ?? "8080";
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port takes a port number, 0 to 65535 (got "${portText}")`);
  const host = (flags.get("host") as string | undefined) ?? "127.0.0.1";
  const dir = flags.get("catalog") as string | undefined;
  const catalog = dir ? loadCatalog({ overlays: [dir] }) : defaultCatalog();
  const db = await openDb({ dataDir: (flags.get("data") as string | undefined) ?? undefined });
  let server;
  try {
    server = (await startServer({ db, catalog }, { host, port: Number(portText) })).server;
  } catch (e) {
    await db.close();
    throw e;
  }
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : portText;
  io.err(`dossier serve: the register (${db.backend}, ${db.location}) at http://${host.includes(":") ? `[${host}]` : host}:${port}/\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      server.close(() => done());
      server.closeAllConnections();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await db.close();
  return 0;
}
