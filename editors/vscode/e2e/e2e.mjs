// Drives code-server (real VS Code in a browser) with the byline extension installed, via Playwright
// and Debian's Chromium. Started by run.sh, which sets:
//   CS_URL        http://127.0.0.1:PORT of a code-server started with --auth none
//   WORKSPACE     the folder code-server opened (a copy of editors/fixtures/workspace)
//   SHOTS         where screenshots go
//   CHROMIUM      the browser (default /usr/bin/chromium)
// Prints "ok"/"not ok" per check and "vscode e2e: N passed, M failed"; exits 1 on any failure.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";

const url = process.env.CS_URL;
const workspace = process.env.WORKSPACE;
const shots = process.env.SHOTS;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const TIMEOUT = Number(process.env.BYLINE_E2E_TIMEOUT_MS || 90000);
fs.mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
const results = [];
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - vscode: ${name}`);
  } catch (err) {
    failed++;
    console.log(`not ok - vscode: ${name}\n    ${String(err && err.message || err).split("\n").join("\n    ")}`);
    results.push(name);
  }
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-dev-shm-usage"],
});
const page = await browser.newPage({ viewport: { width: 1900, height: 1000 } });
page.setDefaultTimeout(TIMEOUT);
const shot = (name) => page.screenshot({ path: path.join(shots, name) });

// The centre of `needle` (optionally the part `sub` of it) as drawn in the editor's text layer.
async function textPoint(needle, sub = needle) {
  const point = await page.evaluate(([needle, sub]) => {
    const lines = document.querySelectorAll(".editor-instance .monaco-editor .view-lines .view-line");
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      // Monaco renders spaces as U+00A0.
      let node;
      while ((node = walker.nextNode())) {
        const text = node.textContent.replace(/\u00a0/g, " ");
        const at = text.indexOf(needle);
        if (at < 0) continue;
        const start = at + needle.indexOf(sub);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + sub.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  }, [needle, sub]);
  if (!point) throw new Error(`text not on screen: ${needle}`);
  return point;
}

async function openFile(name) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(name);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tabs-container .tab.active", { hasText: name }).waitFor();
  await page.locator(".editor-instance .monaco-editor .view-lines").first().waitFor();
}

try {
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator(".monaco-workbench").waitFor();
  await page.locator(".explorer-folders-view, .explorer-viewlet").first().waitFor();

  await check("opens the example article", async () => {
    await openFile("harbour-closure.md");
  });

  await check("a byline squiggle appears under the unsourced figure", async () => {
    await page.locator(".editor-instance .monaco-editor .squiggly-warning").first().waitFor({ timeout: TIMEOUT });
    const point = await textPoint("Repairs will cost", "Repairs");
    // The decoration sits on the same text line as the claim.
    const onLine = await page.evaluate((y) => {
      return [...document.querySelectorAll(".editor-instance .monaco-editor .squiggly-warning")].some((el) => {
        const r = el.getBoundingClientRect();
        return y >= r.top - 2 && y <= r.bottom + 2;
      });
    }, point.y);
    if (!onLine) throw new Error("no squiggly-warning on the line of \"Repairs will cost ...\"");
    await shot("squiggle.png");
  });

  await check("the Problems panel lists byline(unattributed-claim)", async () => {
    await page.keyboard.press("Control+Shift+M");
    const panel = page.locator(".markers-panel");
    await panel.waitFor();
    const row = panel.locator(".monaco-list-row", { hasText: "unattributed-claim" }).first();
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, " ");
    if (!text.includes("byline")) throw new Error(`problem row lacks the source byline: ${text}`);
    await shot("problems.png");
  });

  await check("hover on a person shows the full name and the role", async () => {
    const p = await textPoint("Ms Okafor", "Okafor");
    await page.mouse.move(p.x - 200, p.y - 200);
    await page.mouse.move(p.x, p.y, { steps: 5 });
    const hover = page.locator(".monaco-hover:visible").filter({ hasText: "Helena Okafor" }).first();
    await hover.waitFor({ timeout: 20000 });
    const text = await hover.innerText();
    if (!/port director/i.test(text)) throw new Error(`hover lacks the role "port director": ${text}`);
    await shot("hover.png");
  });

  await check("Shift+F12 lists the person's mentions from both files", async () => {
    await page.mouse.move(5, 500);
    const p = await textPoint("Ms Okafor", "Okafor");
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press("Shift+F12");
    const peek = page.locator(".peekview-widget").first();
    await peek.waitFor();
    const tree = peek.locator(".ref-tree");
    await tree.locator(".monaco-list-row", { hasText: "ferry-fares.txt" }).first().waitFor();
    await tree.locator(".monaco-list-row", { hasText: "harbour-closure.md" }).first().waitFor();
    const head = (await peek.locator(".peekview-title").innerText()).replace(/\s+/g, " ");
    await shot("references.png");
    console.log(`    peek title: ${head}`);
  });

  await check("one picture with squiggle, hover and references (README screenshot)", async () => {
    // Hide the side bar so that the hover does not cover the peek's file list, then hover the
    // introduction of the person while the references peek is open below it.
    await page.mouse.move(5, 500);
    await page.keyboard.press("Control+B");
    await page.locator(".part.sidebar").waitFor({ state: "hidden" });
    await page.waitForTimeout(500);
    const p = await textPoint("Helena Okafor", "Okafor");
    await page.mouse.move(p.x, p.y - 150);
    await page.mouse.move(p.x, p.y, { steps: 5 });
    await page.locator(".monaco-hover:visible").filter({ hasText: "Helena Okafor" }).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    await shot("byline-vscode.png");
  });

  await check("settings: a code set to off leaves the Problems panel, error turns the squiggle red", async () => {
    await page.keyboard.press("Escape");
    const problems = page.locator(".markers-panel .monaco-list-row");
    const settingsFile = path.join(workspace, ".vscode", "settings.json");
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ "byline.diagnostics.unattributed-claim": "off" }));
    await problems.filter({ hasText: "unattributed-claim" }).first().waitFor({ state: "detached" });
    await problems.filter({ hasText: "vague-attribution" }).first().waitFor();
    fs.writeFileSync(settingsFile, JSON.stringify({ "byline.diagnostics.unattributed-claim": "error" }));
    await page.locator(".editor-instance .monaco-editor .squiggly-error").first().waitFor();
    await problems.filter({ hasText: "unattributed-claim" }).first().waitFor();
    await shot("settings-error.png");
    fs.rmSync(settingsFile);
  });
} catch (err) {
  failed++;
  console.log(`not ok - vscode: workbench did not load: ${err && err.message}`);
} finally {
  if (failed > 0) await shot("failure.png").catch(() => {});
  await browser.close();
}
console.log(`vscode e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
