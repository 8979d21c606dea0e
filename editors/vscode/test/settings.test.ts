import { strict as assert } from "node:assert";
import { test } from "node:test";
import { normaliseSeverity, readerFromObject, toServerSettings } from "../src/settings";

test("defaults (nothing set) send an empty contract: the server keeps its own defaults", () => {
  assert.deepEqual(toServerSettings(() => undefined), { diagnostics: {}, files: {} });
});

test("per-code severities map to the server's diagnostics table, including off", () => {
  const settings = toServerSettings(
    readerFromObject({
      "diagnostics.unattributed-claim": "error",
      "diagnostics.vague-attribution": "off",
      "diagnostics.anonymous-source": "hint",
      "diagnostics.unattributed-quote": "information",
    }),
  );
  assert.deepEqual(settings.diagnostics, {
    "unattributed-claim": "error",
    "vague-attribution": "off",
    "anonymous-source": "hint",
    "unattributed-quote": "information",
  });
});

test("nested settings.json objects are read like dotted keys", () => {
  const settings = toServerSettings(
    readerFromObject({ diagnostics: { "anonymous-source": "warning" }, files: { exclude: ["drafts/**"] } }),
  );
  assert.deepEqual(settings, { diagnostics: { "anonymous-source": "warning" }, files: { exclude: ["drafts/**"] } });
});

test("severity spellings people type are normalised; unknown values are dropped, not sent", () => {
  assert.equal(normaliseSeverity("Warn"), "warning");
  assert.equal(normaliseSeverity(" info "), "information");
  assert.equal(normaliseSeverity("none"), "off");
  assert.equal(normaliseSeverity(false), "off");
  assert.equal(normaliseSeverity("loud"), undefined);
  assert.equal(normaliseSeverity(3), undefined);
  const settings = toServerSettings(readerFromObject({ "diagnostics.unattributed-claim": "loud" }));
  assert.deepEqual(settings.diagnostics, {});
});

test("file globs: blanks and non-strings are dropped, empty lists are not sent", () => {
  const settings = toServerSettings(
    readerFromObject({ "files.include": ["**/*.md", " ", 7, " notes/*.txt "], "files.exclude": [] }),
  );
  assert.deepEqual(settings.files, { include: ["**/*.md", "notes/*.txt"] });
});

test("maximum file size: a positive whole number of bytes is sent; 0 and nonsense are not", () => {
  assert.deepEqual(toServerSettings(readerFromObject({ "files.maxFileSize": 1048576 })).files, { maxFileSize: 1048576 });
  for (const value of [0, -5, 1.5, "8M", null, undefined]) {
    assert.deepEqual(toServerSettings(readerFromObject({ "files.maxFileSize": value })).files, {}, String(value));
  }
});

test("codes that are not byline's are ignored", () => {
  const settings = toServerSettings(readerFromObject({ "diagnostics.spelling": "error" }));
  assert.deepEqual(settings.diagnostics, {});
});

test("ledger.showChecked is sent only when set to hint or hidden", () => {
  assert.deepEqual(toServerSettings(readerFromObject({ ledger: { showChecked: "hidden" } })).ledger, { showChecked: "hidden" });
  assert.equal(toServerSettings(readerFromObject({})).ledger, undefined);
  assert.equal(toServerSettings(readerFromObject({ "ledger.showChecked": "loud" })).ledger, undefined);
});

test("inlayHints.enable is sent only when set to true or false", () => {
  assert.deepEqual(toServerSettings(readerFromObject({ inlayHints: { enable: false } })).inlayHints, { enable: false });
  assert.deepEqual(toServerSettings(readerFromObject({ "inlayHints.enable": true })).inlayHints, { enable: true });
  assert.equal(toServerSettings(readerFromObject({})).inlayHints, undefined);
  assert.equal(toServerSettings(readerFromObject({ "inlayHints.enable": "yes" })).inlayHints, undefined);
});
