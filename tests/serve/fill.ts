// A register for the web tests: the repository's fictional provenance case, the shared provenance corpus when it
// is there, and one fictional article full of hostile markup; served on a free loopback port.
import type { Server } from "node:http";
import { loadCatalog } from "../../src/catalog/load.ts";
import type { Catalog } from "../../src/catalog/types.ts";
import type { Document } from "../../src/ingest/document.ts";
import type { FetchOptions } from "../../src/ingest/fetch.ts";
import type { IncomingClaims } from "../../src/resolve/claims.ts";
import { startServer } from "../../src/serve/app.ts";
import { openDb, type Db } from "../../src/store/db.ts";
import { registerDocument } from "../../src/store/register.ts";
import { caseDirs, FIXTURE_DIR, loadCase, PROVENANCE_DIR, type LoadedCase } from "../provenance/load.ts";
import { goldInputs } from "../provenance/run.ts";

/** Strings an attacker could place in an article, its headline, its outlet or a source's name. */
export const HOSTILE = [
  `<script>window.__pwned = 1</script>`,
  `<img src=x onerror="window.__pwned = 2">`,
  `<a href="javascript:window.__pwned=3">click</a>`,
  `</style><style>body{background:red}</style>`,
  `<div style="width: expression(alert(4))">css</div>`,
  `"><svg onload="window.__pwned=5">`,
  `</textarea></title><iframe src="javascript:alert(6)"></iframe>`,
];

/** The hostile article's id. */
export const HOSTILE_ID = "hostile-fictional";

const hostileText = [
  `Fictional test article. Ostmark sold two Kestrel drones to Valdoria in 2023, Hostile Wire reported.`,
  ...HOSTILE.map((p, i) => `Payload ${i}: ${p}`),
].join("\n\n");

function hostile(): { document: Document; claims: IncomingClaims } {
  const evidence = "Ostmark sold two Kestrel drones to Valdoria in 2023";
  const start = hostileText.indexOf(evidence);
  return {
    document: { id: HOSTILE_ID, url: "javascript:window.__pwned=7", canonicalUrl: null, outlet: `Hostile ${HOSTILE[1]}`, published: "2024-03-01", language: "en", title: `Headline ${HOSTILE[0]} ${HOSTILE[3]}`, author: HOSTILE[2]!, text: hostileText },
    claims: {
      document: { id: HOSTILE_ID, language: "en", published: "2024-03-01", outlet: null },
      transfers: [
        {
          supplier: "QOM",
          recipient: "QVD",
          intermediary: null,
          item: { name: `Kestrel ${HOSTILE[0]}`, category: "spyware" },
          maker: null,
          quantity: 2,
          value: null,
          time: { from: "2023", to: "2023" },
          status: "delivered",
          stance: "alleged",
          targets: [],
          sources: [`Hostile ${HOSTILE[5]}`, `Relay ${HOSTILE[4]}`],
          evidence,
          span: { start, end: start + evidence.length },
          rules: [`rule-${HOSTILE[2]}`],
        },
      ],
    } as unknown as IncomingClaims,
  };
}

/** The French fictional article's id: no claims, only text for the search in French. */
export const FRENCH_ID = "valdorie-fictional-fr";

function french(): { document: Document; claims: IncomingClaims } {
  const text = "Article fictif de test.\n\nLes drones commandés par la Valdorie ont été livrés l'an dernier, selon des sources à Ostmark.";
  return {
    document: { id: FRENCH_ID, url: null, canonicalUrl: null, outlet: "Gazette fictive", published: "2024-04-01", language: "fr", title: "Drones pour la Valdorie (fiction)", author: null, text },
    claims: { document: { id: FRENCH_ID }, transfers: [] } as unknown as IncomingClaims,
  };
}

/** Inputs of a case from the shared corpus, with ids prefixed by the case so cases cannot collide. */
function prefixed(c: LoadedCase): { document: Document; claims: IncomingClaims }[] {
  const name = c.spec.case;
  const id = (x: string) => `${name}--${x}`;
  return goldInputs(c).map(({ document, claims }) => ({
    document: { ...document, id: id(document.id), copyOf: document.copyOf?.map(id) },
    claims: { ...claims, document: { ...claims.document, id: id(document.id) } },
  }));
}

/** A served register and how to reach it. */
export interface Served {
  db: Db;
  catalog: Catalog;
  server: Server;
  url: string;
  /** Shared provenance cases loaded (0 when ../shared is absent). */
  sharedCases: number;
  close(): Promise<void>;
}

/** Fills a register (embedded PGlite in memory unless `open` gives another) and serves it on 127.0.0.1 at a free port. */
export async function serveFixtures(options: { shared?: boolean; hostile?: boolean; open?: () => Promise<Db>; fetch?: FetchOptions } = {}): Promise<Served> {
  const fixture = loadCase(caseDirs(FIXTURE_DIR)[0]!);
  const shared = options.shared === false ? [] : caseDirs(PROVENANCE_DIR).map(loadCase);
  const overlays = [fixture, ...shared].flatMap((c) => (c.overlay ? [c.overlay] : []));
  const catalog = loadCatalog({ overlays });
  const db = await (options.open ?? (() => openDb({ url: null, dataDir: "memory" })))();
  const inputs = [...goldInputs(fixture), ...shared.flatMap(prefixed), ...(options.hostile === false ? [] : [hostile(), french()])];
  for (const i of inputs) await registerDocument(db, i.document, i.claims, { catalog });
  const { server, url } = await startServer({ db, catalog, log: () => {}, fetch: options.fetch }, { host: "127.0.0.1", port: 0 });
  return {
    db,
    catalog,
    server,
    url,
    sharedCases: shared.length,
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      await db.close();
    },
  };
}
