// The extension's package.json agrees with the settings mapping and the server contract.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { DIAGNOSTIC_CODES, SEVERITIES, readerFromObject, toServerSettings } from "../src/settings";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
const properties: Record<string, { default: unknown; enum?: string[] }> = manifest.contributes.configuration.properties;

test("activates for plain text and Markdown", () => {
  assert.deepEqual([...manifest.activationEvents].sort(), ["onLanguage:markdown", "onLanguage:plaintext"]);
});

test("one severity setting per diagnostic code, offering every severity and off", () => {
  for (const code of DIAGNOSTIC_CODES) {
    const prop = properties[`byline.diagnostics.${code}`];
    assert.ok(prop, `no setting for ${code}`);
    assert.deepEqual(prop.enum, [...SEVERITIES]);
  }
  const declared = Object.keys(properties).filter((k) => k.startsWith("byline.diagnostics."));
  assert.equal(declared.length, DIAGNOSTIC_CODES.length);
});

test("default severities are the server's: anonymous-source and name-spelling are information, the rest warnings", () => {
  assert.equal(properties["byline.diagnostics.unattributed-claim"].default, "warning");
  assert.equal(properties["byline.diagnostics.vague-attribution"].default, "warning");
  assert.equal(properties["byline.diagnostics.anonymous-source"].default, "information");
  assert.equal(properties["byline.diagnostics.unattributed-quote"].default, "warning");
  assert.equal(properties["byline.diagnostics.name-spelling"].default, "information");
  assert.equal(properties["byline.diagnostics.quote-mismatch"].default, "warning");
  assert.equal(properties["byline.diagnostics.quote-speaker-mismatch"].default, "warning");
});

test("every contributed setting's default maps cleanly", () => {
  const section: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(properties)) section[key.replace(/^byline\./, "")] = prop.default;
  const settings = toServerSettings(readerFromObject(section));
  assert.equal(Object.keys(settings.diagnostics).length, DIAGNOSTIC_CODES.length);
  assert.deepEqual(settings.files, {});
});

test("serverPath and trace.server settings exist", () => {
  assert.equal(properties["byline.serverPath"].default, "");
  assert.deepEqual(properties["byline.trace.server"].enum, ["off", "messages", "verbose"]);
});

test("the check commands are in the palette (the server's own commands are not: they need a finding)", () => {
  const commands: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
  for (const c of [
    "byline.markCheckedAtCursor",
    "byline.dismissAtCursor",
    "byline.addAttributionAtCursor",
    "byline.turnOffInFileAtCursor",
    "byline.namedSourceAtCursor",
  ]) {
    assert.ok(commands.includes(c), `${c} missing`);
  }
  for (const c of ["byline.markChecked", "byline.dismiss", "byline.turnOff", "byline.addNamedSource"]) {
    assert.ok(!commands.includes(c), `${c} is registered by the language client, not the manifest`);
  }
});

test("inlay hints are on by default; the semantic token modifier `person` is contributed", () => {
  assert.equal(properties["byline.inlayHints.enable"].default, true);
  const modifiers: string[] = manifest.contributes.semanticTokenModifiers.map((m: { id: string }) => m.id);
  assert.deepEqual(modifiers, ["person"]);
  // The lens command runs in the client: not in the palette.
  const commands: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
  assert.ok(!commands.includes("byline.showReferences"));
});
