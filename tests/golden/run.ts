import { extract } from "../../src/extract/pipeline.ts";

/** The part of the output a golden file pins: claims without evidence offsets' rule traces. */
export function goldenOutput(lang: string, file: string, text: string): unknown {
  const published = /^published: (\S+)$/m.exec(text)?.[1] ?? null;
  const body = text.replace(/^published: \S+\n/m, "");
  const claims = extract({ id: file.replace(/\.txt$/, ""), text: body, lang, published });
  return claims.transfers.map(({ rules: _rules, span: _span, ...rest }) => rest);
}
