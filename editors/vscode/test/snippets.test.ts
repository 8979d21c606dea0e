import { strict as assert } from "node:assert";
import { test } from "node:test";
import { isSnippet, isSnippetAction, withSnippetTextEdit } from "../src/snippets";

test("the server's attribution snippets are snippets; plain attributions and names are not", () => {
  assert.equal(isSnippet(", according to ${1:whom}"), true);
  assert.equal(isSnippet(", ${1:who} said"), true);
  assert.equal(isSnippet(", according to [source]"), false);
  assert.equal(isSnippet("Kovalyov"), false);
});

test("only the attribution actions are converted", () => {
  assert.equal(isSnippetAction("Add attribution…"), true);
  assert.equal(isSnippetAction("Add attribution (… said)"), true);
  assert.equal(isSnippetAction("Change to 'Kovalyov' (used 3 times)"), false);
});

test("snippetTextEdit is declared beside the client's other experimental capabilities", () => {
  assert.deepEqual(withSnippetTextEdit(undefined), { snippetTextEdit: true });
  assert.deepEqual(withSnippetTextEdit({ other: 1 }), { other: 1, snippetTextEdit: true });
});
