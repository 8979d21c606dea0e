// The mapped settings, sent the way the extension sends them, against the real `byline lsp`.
// Uses BYLINE_BIN, else <repo>/target/release/byline; skipped (with a note) when neither exists.
import { strict as assert } from "node:assert";
import * as cp from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { readerFromObject, toServerSettings } from "../src/settings";

const repo = path.resolve(__dirname, "..", "..", "..", "..");
const bin = process.env.BYLINE_BIN || path.join(repo, "target", "release", "byline");
const fixture = path.join(repo, "editors", "fixtures", "workspace");
const article = path.join(fixture, "harbour-closure.md");
const skip = fs.existsSync(bin) ? false : `no byline binary at ${bin} (set BYLINE_BIN or cargo build --release)`;

interface Diagnostic { code?: string | number; severity?: number; source?: string; range: { start: { line: number } } }

function startServer(initializationOptions: unknown) {
  const child = cp.spawn(bin, ["lsp"], { stdio: ["pipe", "pipe", "pipe"] });
  child.stderr.resume();
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let latest: Diagnostic[] | undefined;
  const waiters: Array<() => void> = [];
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diagnostic[] }) => {
    if (p.uri === pathToFileURL(article).href) {
      latest = p.diagnostics;
      waiters.splice(0).forEach((w) => w());
    }
  });
  conn.onRequest("workspace/configuration", () => [{}]);
  conn.onRequest("client/registerCapability", () => null);
  conn.onRequest("window/workDoneProgress/create", () => null);
  conn.listen();
  const until = (pred: (d: Diagnostic[]) => boolean, ms = 20000) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; last diagnostics: ${JSON.stringify(latest)}`)), ms);
      const look = () => {
        if (latest && pred(latest)) {
          clearTimeout(timer);
          resolve(latest);
        } else waiters.push(look);
      };
      look();
    });
  return {
    conn,
    until,
    async open() {
      await conn.sendRequest("initialize", {
        processId: process.pid,
        rootUri: pathToFileURL(fixture).href,
        workspaceFolders: [{ uri: pathToFileURL(fixture).href, name: "workspace" }],
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } },
        initializationOptions,
      });
      await conn.sendNotification("initialized", {});
      await conn.sendNotification("textDocument/didOpen", {
        textDocument: { uri: pathToFileURL(article).href, languageId: "markdown", version: 1, text: fs.readFileSync(article, "utf8") },
      });
    },
    async close() {
      try {
        await conn.sendRequest("shutdown");
        await conn.sendNotification("exit");
      } catch { /* already gone */ }
      conn.dispose();
      child.kill();
    },
  };
}

const codes = (d: Diagnostic[]) => new Set(d.map((x) => x.code));

test("server: default settings give unattributed-claim and vague-attribution warnings", { skip }, async () => {
  const s = startServer(toServerSettings(() => undefined));
  try {
    await s.open();
    const d = await s.until((d) => codes(d).has("unattributed-claim") && codes(d).has("vague-attribution"));
    for (const x of d) assert.equal(x.source, "byline");
  } finally {
    await s.close();
  }
});

test("server: a code set to off in initializationOptions is not reported; error is honoured", { skip }, async () => {
  const init = toServerSettings(
    readerFromObject({ "diagnostics.vague-attribution": "off", "diagnostics.unattributed-claim": "error" }),
  );
  const s = startServer(init);
  try {
    await s.open();
    const d = await s.until((d) => codes(d).has("unattributed-claim"));
    assert.ok(!codes(d).has("vague-attribution"), `vague-attribution still reported: ${JSON.stringify(d)}`);
    for (const x of d.filter((x) => x.code === "unattributed-claim")) assert.equal(x.severity, 1);
  } finally {
    await s.close();
  }
});

test("server: didChangeConfiguration under the byline key switches a code back on", { skip }, async () => {
  const s = startServer(toServerSettings(readerFromObject({ "diagnostics.vague-attribution": "off" })));
  try {
    await s.open();
    await s.until((d) => codes(d).has("unattributed-claim"));
    await s.conn.sendNotification("workspace/didChangeConfiguration", {
      settings: { byline: toServerSettings(readerFromObject({ "diagnostics.vague-attribution": "hint" })) },
    });
    const d = await s.until((d) => codes(d).has("vague-attribution"));
    for (const x of d.filter((x) => x.code === "vague-attribution")) assert.equal(x.severity, 4);
  } finally {
    await s.close();
  }
});
