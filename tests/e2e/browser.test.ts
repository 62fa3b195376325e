// End to end in real headless Chromium (Debian's, driven by playwright-core): filter the register to a pair, open
// an assertion, read its provenance graph, follow a claim's evidence to its sentence, export the filtered CSV.
// Screenshots of each page go to out/screenshots/ as artefacts of the run.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { caseDirs, FIXTURE_DIR, loadCase, PROVENANCE_DIR } from "../provenance/load.ts";
import { HOSTILE_ID, serveFixtures, type Served } from "../serve/fill.ts";

const CHROMIUM = process.env.DOSSIER_CHROMIUM ?? "/usr/bin/chromium";
const SHOTS = fileURLToPath(new URL("../../out/screenshots/", import.meta.url));
const absent = !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set DOSSIER_CHROMIUM; .ci/run installs it`;
// CI sets DOSSIER_REQUIRE_CHROMIUM, so there a missing browser fails the run instead of skipping these tests.
if (absent && process.env.DOSSIER_REQUIRE_CHROMIUM) throw new Error(absent);
const missing = absent;

/** The walk: the Israel → Morocco Harop case when the shared corpus is there, else the repository's fixture. */
function target() {
  const harop = caseDirs(PROVENANCE_DIR).find((d) => d.endsWith("harop-morocco-2021"));
  const spec = loadCase(harop ?? caseDirs(FIXTURE_DIR)[0]!).spec;
  const item = harop ? "Harop" : "Kestrel";
  const expected = spec.assertions.find((a) => a.item === item)!;
  return { supplier: expected.supplier, recipient: expected.recipient, item, origins: expected.independentOrigins, shared: !!harop };
}

let s: Served;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const t0 = Date.now();

before(async () => {
  if (missing) return;
  const { chromium } = await import("playwright-core");
  mkdirSync(SHOTS, { recursive: true });
  [s, browser] = await Promise.all([serveFixtures(), chromium.launch({ executablePath: CHROMIUM, headless: true, chromiumSandbox: false })]);
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});
after(async () => {
  if (missing) return;
  await browser?.close();
  await s?.close();
  console.log(`# e2e in Chromium took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in out/screenshots/`);
});

test("filter to a pair, open the assertion, see its origins drawn, follow the evidence, export the CSV", { skip: missing }, async () => {
  const t = target();
  if (!t.shared) console.log("# ../shared/corpus/provenance not found: the walk uses the repository's fictional fixture");
  await page.goto(`${s.url}/`);
  await page.screenshot({ path: `${SHOTS}register.png` });

  await page.selectOption('select[name="supplier"]', t.supplier);
  await page.selectOption('select[name="recipient"]', t.recipient);
  await Promise.all([page.waitForURL(/supplier=/), page.click('form.filters button[type="submit"]')]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("supplier"), t.supplier);
  assert.equal(url.searchParams.get("recipient"), t.recipient);
  const cells = await page.$$eval("table.register tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  assert.ok(cells.length > 0);
  for (const c of cells) {
    assert.ok(c[0]!.includes(`(${t.supplier})`), `supplier cell ${c[0]}`);
    assert.ok(c[1]!.includes(`(${t.recipient})`), `recipient cell ${c[1]}`);
  }
  assert.equal(Number(await page.textContent("#count")), cells.length);
  await page.screenshot({ path: `${SHOTS}register-filtered.png` });
  const ids = await page.$$eval("table.register tbody tr td:nth-child(3) a[href^=\"/assertions/\"]", (as) => as.map((a) => a.getAttribute("href")!.split("/").pop()!));

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a#csv")]);
  const csv = readFileSync((await download.path())!, "utf8").trimEnd().split("\r\n");
  assert.equal(csv[0]!.split(",").slice(0, 3).join(","), "id,supplier,recipient");
  assert.deepEqual(csv.slice(1).map((l) => l.split(",")[0]), ids, "the CSV has the table's rows, in its order");
  for (const l of csv.slice(1)) assert.deepEqual(l.split(",").slice(1, 3), [t.supplier, t.recipient]);

  await Promise.all([page.waitForURL(/\/assertions\//), page.getByRole("link", { name: t.item, exact: true }).first().click()]);
  const graph = page.locator("svg.provenance");
  await graph.waitFor();
  assert.equal(await graph.getAttribute("data-origins"), String(t.origins));
  assert.equal(await graph.locator('[data-kind="origin"]').count(), t.origins, `${t.origins} origin nodes drawn`);
  assert.equal(await page.textContent("#origins"), String(t.origins));
  assert.match((await graph.locator("desc").textContent())!, new RegExp(`^${t.origins} independent origins`));
  const box = (await graph.boundingBox())!;
  assert.ok(box.width > 600 && box.height > 100, "the graph is drawn at a readable size");
  await page.screenshot({ path: `${SHOTS}assertion.png`, fullPage: true });
  await graph.screenshot({ path: `${SHOTS}provenance-graph.png` });

  const evidence = page.locator("a.evidence").first();
  const quoted = (await evidence.textContent())!;
  await Promise.all([page.waitForURL(/\/documents\/.+#claim-\d+$/), evidence.click()]);
  const mark = page.locator("mark:target");
  assert.equal(await mark.count(), 1, "the link lands on a highlighted mark");
  assert.equal(await mark.textContent(), quoted, "the mark is the quoted sentence");
  assert.match((await mark.getAttribute("title"))!, /^Claim \d+: /);
  const inView = await mark.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, "the sentence is scrolled into view");
  assert.notEqual(await mark.evaluate((m) => getComputedStyle(m).backgroundColor), "rgba(0, 0, 0, 0)", "the stylesheet highlights it (CSP lets our own CSS in)");
  await page.screenshot({ path: `${SHOTS}document.png` });
});

test("a supplier's country page draws its years and links back to the filtered register", { skip: missing }, async () => {
  const t = target();
  await page.goto(`${s.url}/`);
  await Promise.all([page.waitForURL(/\/countries\//), page.locator(`a.state[href="/countries/${t.supplier}"]`).first().click()]);
  const chart = page.locator("svg.chart");
  await chart.waitFor();
  assert.ok(((await chart.boundingBox())?.height ?? 0) > 100, "the chart is drawn");
  await page.screenshot({ path: `${SHOTS}country.png`, fullPage: true });
  await Promise.all([page.waitForURL(/recipient=/), page.locator(`.side a[href="/?supplier=${t.supplier}&recipient=${t.recipient}"]`).click()]);
  const count = Number(await page.textContent("#count"));
  assert.ok(count > 0);
  await page.goBack();
  const band = page.locator(`svg.flows a.partner[href="/?supplier=${t.supplier}&recipient=${t.recipient}"]`);
  assert.match((await band.locator("title").textContent())!, new RegExp(`: ${count} assertions?$`), "the flows band says how many");
  await Promise.all([page.waitForURL(/recipient=/), band.locator("path").click()]);
  assert.equal(Number(await page.textContent("#count")), count, "the band opens the same pair");
});

test("a system's timeline and a source's record, reached from the register and an assertion", { skip: missing }, async () => {
  const t = target();
  await page.goto(`${s.url}/?item=${encodeURIComponent(t.item)}`);
  await Promise.all([page.waitForURL(/\/systems\//), page.locator("a.to-system").first().click()]);
  const timeline = page.locator("svg.timeline");
  await timeline.waitFor();
  assert.ok(((await timeline.boundingBox())?.height ?? 0) > 40, "the timeline is drawn");
  assert.ok((await timeline.locator("a.bar").count()) >= 1, "at least one bar");
  await page.screenshot({ path: `${SHOTS}system.png`, fullPage: true });
  await Promise.all([page.waitForURL(/\/assertions\//), page.locator("table.system-rows a[href^='/assertions/']").first().click()]);
  await Promise.all([page.waitForURL(/\/sources\//), page.locator(".who a.source").first().click()]);
  assert.ok((await page.locator("section.originated, section.relayed").count()) === 2, "originated and relayed side by side");
  await page.screenshot({ path: `${SHOTS}source.png`, fullPage: true });
});

test("the hostile article runs nothing in the browser", { skip: missing }, async () => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${s.url}/documents/${HOSTILE_ID}`);
  await page.goto(`${s.url}/?category=spyware`);
  await page.click("table.register tbody td[data-label=\"System\"] a");
  await page.locator("svg.provenance").waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 0, 0)", "no injected style applies");
  await page.goto(`${s.url}/documents/${HOSTILE_ID}`);
  await page.screenshot({ path: `${SHOTS}hostile-document.png` });
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.ok(errors.every((e) => !/pwned/.test(e)));
});

test("at phone width the register and an assertion fit the screen", { skip: missing }, async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  try {
    await phone.goto(`${s.url}/`);
    const fits = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    assert.ok(await fits(), "the register does not scroll sideways");
    assert.equal(await phone.locator("table.register thead").isVisible(), false, "rows become cards");
    await phone.screenshot({ path: `${SHOTS}register-phone.png` });
    await phone.click("table.register tbody td[data-label=\"System\"] a");
    await phone.locator("svg.provenance").waitFor();
    assert.ok(await fits(), "the assertion page does not scroll sideways (the graph scrolls in its own box)");
    await phone.screenshot({ path: `${SHOTS}assertion-phone.png` });
    for (const path of ["/ingest", `/countries/${target().supplier}`, `/systems/${target().item.toLowerCase()}`]) {
      await phone.goto(s.url + path);
      assert.ok(await fits(), `${path} does not scroll sideways`);
    }
  } finally {
    await phone.close();
  }
});

test("paste a text into the ingest form, preview its claims, store them, find them in the register", { skip: missing }, async () => {
  await page.goto(`${s.url}/`);
  await Promise.all([page.waitForURL(/\/ingest$/), page.click('header a[href="/ingest"]')]);
  await page.fill('textarea[name="text"]', "Fictional test article. Valdoria delivered three Kestrel drones to Ostmark in 2021, a fictional wire reported.");
  await page.fill('input[name="published"]', "2024-06-01");
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click('form.ingest button[type="submit"]')]);
  const refusal = page.locator("p.error");
  if (await refusal.count()) assert.fail(`the form refused the text: ${await refusal.textContent()}`);
  const transfer = page.locator("li.transfer");
  assert.equal(await transfer.count(), 1, "one transfer in the preview");
  assert.match((await transfer.locator("h3").textContent())!, /Valdoria \(QVD\) → Ostmark \(QOM\): Kestrel/);
  await page.screenshot({ path: `${SHOTS}ingest-preview.png`, fullPage: true });
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click('form.store button[type="submit"]')]);
  assert.equal(await page.getAttribute(".stored", "data-status"), "added");
  await page.goto(`${s.url}/?supplier=QVD&recipient=QOM`);
  assert.equal(Number(await page.textContent("#count")), 1, "the stored claim is an assertion in the register");
});
