/** A usage error: the CLI prints it with the command's help and exits 2. */
export class UsageError extends Error {
  readonly code = "usage";
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Parses `--name value`, `--name=value` and boolean `--flag`; `booleans` lists the flags that take no value. */
export function parseArgs(argv: string[], booleans: readonly string[], valued: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (booleans.includes(name)) flags.set(name, true);
      else if (valued.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
      } else throw new UsageError(`unknown option --${name}`);
    } else if (a === "-h") flags.set("help", true);
    else positional.push(a);
  }
  return { positional, flags };
}
