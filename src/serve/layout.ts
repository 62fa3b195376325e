import { html, type Html } from "./html.ts";

/** A whole HTML page around a body: the stylesheet, the header's links, and a link to the page's JSON twin. */
export function layout(title: string, body: Html, jsonHref: string | null): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Dossier</title>
<link rel="stylesheet" href="/static/dossier.css">
</head>
<body>
<header class="top"><a class="brand" href="/">Dossier</a> <span class="tag">evidence-graded register of arms and spyware transfers</span> <form class="quick" method="get" action="/search" role="search"><input name="q" aria-label="Search the documents" placeholder="Search documents"></form> <a href="/ingest">Add an article</a>${jsonHref ? html` <a class="json" href="${jsonHref}">JSON</a>` : ""}</header>
<main>
${body}
</main>
<footer class="foot"><a href="/api/openapi.json">API (OpenAPI)</a></footer>
</body>
</html>
`.value;
}
