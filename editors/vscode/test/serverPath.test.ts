import { strict as assert } from "node:assert";
import { test } from "node:test";
import { Environment, expandSetting, resolveServer } from "../src/serverPath";

function env(executables: string[], extra: Partial<Environment> = {}): Environment {
  const set = new Set(executables);
  return {
    platform: "linux",
    env: { PATH: "/usr/local/bin:/usr/bin" },
    extensionPath: "/ext/byline-0.1.0",
    workspaceFolder: "/home/ana/articles",
    homedir: "/home/ana",
    isExecutable: (f) => set.has(f),
    ...extra,
  };
}

test("no setting: byline on PATH wins over the bundled binary", () => {
  const r = resolveServer("", env(["/usr/bin/byline", "/ext/byline-0.1.0/server/byline"]));
  assert.deepEqual(r, { ok: true, command: "/usr/bin/byline", source: "path" });
});

test("no setting: the first PATH entry that has byline is used", () => {
  const r = resolveServer(undefined, env(["/usr/bin/byline", "/usr/local/bin/byline"]));
  assert.deepEqual(r, { ok: true, command: "/usr/local/bin/byline", source: "path" });
});

test("no setting and not on PATH: the bundled binary", () => {
  const r = resolveServer("  ", env(["/ext/byline-0.1.0/server/byline"]));
  assert.deepEqual(r, { ok: true, command: "/ext/byline-0.1.0/server/byline", source: "bundled" });
});

test("nothing found: a message that says what to do", () => {
  const r = resolveServer("", env([]));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : "", /not on PATH.*byline\.serverPath/);
});

test("the setting wins, with ~ and ${workspaceFolder} expanded", () => {
  assert.deepEqual(resolveServer("~/bin/byline", env(["/home/ana/bin/byline", "/usr/bin/byline"])), {
    ok: true,
    command: "/home/ana/bin/byline",
    source: "setting",
  });
  assert.deepEqual(resolveServer("${workspaceFolder}/tools/byline", env(["/home/ana/articles/tools/byline"])), {
    ok: true,
    command: "/home/ana/articles/tools/byline",
    source: "setting",
  });
});

test("a relative path in the setting is relative to the workspace folder", () => {
  assert.equal(expandSetting("target/release/byline", env([])), "/home/ana/articles/target/release/byline");
});

test("a bare name in the setting is looked up on PATH", () => {
  assert.deepEqual(resolveServer("byline-nightly", env(["/usr/bin/byline-nightly"])), {
    ok: true,
    command: "/usr/bin/byline-nightly",
    source: "setting",
  });
});

test("a setting that points nowhere is an error, not a silent fallback", () => {
  const r = resolveServer("/opt/missing/byline", env(["/usr/bin/byline"]));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : "", /\/opt\/missing\/byline/);
});

test("Windows: byline.exe on a ;-separated PATH", () => {
  const r = resolveServer("", env(["C:\\tools\\byline.exe"], { platform: "win32", env: { Path: "C:\\tools;C:\\bin" } }));
  assert.deepEqual(r, { ok: true, command: "C:\\tools\\byline.exe", source: "path" });
});
