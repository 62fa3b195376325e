// Preloaded into a benchmark's child command (`node --import …/peak-rss.mjs bin/dossier …`): writes the process's
// peak resident memory on standard error when it exits, the figure `/usr/bin/time -v` calls maximum resident set size.
process.on("exit", () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
