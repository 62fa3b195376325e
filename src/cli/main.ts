import { UsageError } from "./args.ts";

const HELP = `dossier — arms and spyware transfer claims from news reports

Usage: dossier <command> [options]

Commands:
  extract FILE...     extract transfer claims from text or HTML files (or - for stdin)
  ingest INPUT...     read articles from URLs, files, folders, feeds or WARCs, with their claims
  catalog stats       count the catalog's entries
  catalog find NAME   show what a name resolves to, and why
  list                the register's assertions, with origins, conflicts and grades
  show ID             one assertion: its provenance tree, grade and why
  reextract           run the extractor again over the register's stored texts
  merge               merge what an interrupted bulk ingest left unmerged
  decide KIND ...     record an analyst's decision (source reliability, same source, rejected claim)
  worker              take jobs from the register's Postgres job queue
  serve               the register as a web application and JSON API
  import sipri FILE   import a SIPRI trade-register export as reference records
  check ID            what the reference register records for an assertion: the verdict
  export --format sipri  the assertions in the SIPRI trade-register column layout

Run "dossier <command> --help" for a command's options.`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Runs the CLI; returns the exit code (0 ok, 2 usage error, 1 other failure, 3 some inputs failed). */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "extract":
        return await (await import("./extract.ts")).extractCommand(rest, io);
      case "ingest":
        return await (await import("./ingest.ts")).ingestCommand(rest, io);
      case "catalog":
        return await (await import("./catalog.ts")).catalogCommand(rest, io);
      case "list":
        return await (await import("./list.ts")).listCommand(rest, io);
      case "show":
        return await (await import("./show.ts")).showCommand(rest, io);
      case "reextract":
        return await (await import("./reextract.ts")).reextractCommand(rest, io);
      case "merge":
        return await (await import("./merge.ts")).mergeCommand(rest, io);
      case "decide":
        return await (await import("./decide.ts")).decideCommand(rest, io);
      case "worker":
        return await (await import("./worker.ts")).workerCommand(rest, io);
      case "serve":
        return await (await import("./serve.ts")).serveCommand(rest, io);
      case "import":
        return await (await import("./import.ts")).importCommand(rest, io);
      case "check":
        return await (await import("./check.ts")).checkCommand(rest, io);
      case "export":
        return await (await import("./export.ts")).exportCommand(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP + "\n");
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dossier: ${e.message}\n${command && command !== "help" ? `Run "dossier ${command} --help" for usage.` : HELP}\n`);
      return 2;
    }
    const err = e as Error & { code?: string };
    io.err(`dossier: ${err.message}\n`);
    if (process.env.DOSSIER_DEBUG) io.err(`${err.stack}\n`);
    return 1;
  }
}
