// The attribution snippets of the server's code actions. The server sends *Add attribution…* and
// *Add attribution (… said)* as snippet text (`, according to ${1:whom}`) to a client that
// declares `experimental.snippetTextEdit`; vscode-languageclient would insert that text as it is,
// so the extension turns those edits into snippet edits (the placeholder selected). Kept free of
// the `vscode` module so that the unit tests run under plain Node.

/** The titles of the code actions whose edits may be snippets. */
export const SNIPPET_ACTION_PREFIX = "Add attribution";

/** Whether the text of an edit is a snippet: it has a tab stop or placeholder ($1, ${1:whom}). */
export function isSnippet(text: string): boolean {
  return /\$(\d|\{\d+(:[^}]*)?\})/.test(text);
}

/** Whether an action's edits are to be inserted as snippets. */
export function isSnippetAction(title: string): boolean {
  return title.startsWith(SNIPPET_ACTION_PREFIX);
}

/** The client's `experimental` capabilities with `snippetTextEdit` declared. */
export function withSnippetTextEdit(experimental: unknown): Record<string, unknown> {
  const base = typeof experimental === "object" && experimental !== null ? (experimental as Record<string, unknown>) : {};
  return { ...base, snippetTextEdit: true };
}
