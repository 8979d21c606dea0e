// The byline extension: starts `byline lsp` for plain-text and Markdown articles and keeps the
// server's settings in step with the byline.* settings.
import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  Location as LspLocation,
  Position as LspPosition,
  ServerOptions,
  Trace,
} from "vscode-languageclient/node";
import { resolveServer } from "./serverPath";
import { isSnippet, isSnippetAction, withSnippetTextEdit } from "./snippets";
import { toServerSettings } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function currentSettings() {
  const config = vscode.workspace.getConfiguration("byline");
  // Only what the user set: the rest comes from the workspace's byline.toml (which editor settings
  // override), then the server's defaults.
  return toServerSettings((key) => {
    const i = config.inspect(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  });
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("byline");
  const resolution = resolveServer(config.get<string>("serverPath"), {
    platform: process.platform,
    env: process.env,
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    homedir: os.homedir(),
    isExecutable,
  });
  if (!resolution.ok) {
    output?.appendLine(resolution.message);
    const choice = await vscode.window.showErrorMessage(resolution.message, "Open Settings");
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "byline.serverPath");
    }
    return;
  }
  output?.appendLine(`Starting ${resolution.command} lsp (found via ${resolution.source})`);

  const serverOptions: ServerOptions = {
    run: { command: resolution.command, args: ["lsp"] },
    debug: { command: resolution.command, args: ["lsp"] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: currentSettings(),
    outputChannel: output,
    middleware: {
      // The server's check commands (from the light bulb or the palette): ask for a note and a
      // source URL, or a reason, before they run. Escape cancels; nothing is recorded.
      executeCommand: async (command, args, next) => {
        const asked = await askFor(command, args);
        if (asked === undefined) return undefined;
        const result = await next(command, asked);
        if (typeof result === "string") void vscode.window.showInformationMessage(`byline: ${result}`);
        return result;
      },
      // The attribution actions arrive as snippet text (the client declares snippetTextEdit,
      // below): inserted as snippet edits, the source's placeholder selected to type over.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        return actions?.map((a) => (a instanceof vscode.CodeAction ? withSnippetEdits(a) : a));
      },
      workspace: {
        // A server that asks for its settings (workspace/configuration) gets the mapped ones.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === "byline" ? currentSettings() : answers[i]));
        },
      },
    },
  };
  client = new LanguageClient("byline", "byline", serverOptions, clientOptions);
  client.registerFeature({
    fillClientCapabilities: (capabilities) => {
      capabilities.experimental = withSnippetTextEdit(capabilities.experimental);
    },
    initialize: () => undefined,
    getState: () => ({ kind: "static" }),
    clear: () => undefined,
  });
  await client.start();
  await client.setTrace(Trace.fromString(config.get<string>("trace.server") ?? "off"));
}

/** An attribution action whose edits are snippet text, with them as snippet edits. */
function withSnippetEdits(action: vscode.CodeAction): vscode.CodeAction {
  if (!action.edit || !isSnippetAction(action.title)) return action;
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, edits] of action.edit.entries()) {
    edit.set(
      uri,
      edits.map((e) => (isSnippet(e.newText) ? new vscode.SnippetTextEdit(e.range, new vscode.SnippetString(e.newText)) : e)),
    );
  }
  action.edit = edit;
  return action;
}

/** The fields a check command asks for, as input boxes; `undefined` when the user cancels. */
export async function askFor(command: string, args: unknown[]): Promise<unknown[] | undefined> {
  const prompts: Record<string, [string, string][]> = {
    "byline.markChecked": [
      ["note", "How was it checked? (a note for the ledger; may be empty)"],
      ["url", "Source URL (optional)"],
    ],
    "byline.dismiss": [["reason", "Why dismiss it? (not a claim, the source is fine …)"]],
  };
  const fields = prompts[command];
  if (!fields || args.length === 0 || typeof args[0] !== "object" || args[0] === null) return args;
  const target: Record<string, unknown> = { ...(args[0] as Record<string, unknown>) };
  for (const [key, prompt] of fields) {
    if (typeof target[key] === "string") continue; // given already
    const value = await vscode.window.showInputBox({
      prompt,
      ignoreFocusOut: true,
      validateInput: key === "url" ? (v) => (v === "" || /^https?:\/\//.test(v) ? undefined : "an http(s) URL") : undefined,
    });
    if (value === undefined) return undefined;
    if (value !== "") target[key] = value;
  }
  return [target, ...args.slice(1)];
}

/** Run the code action titled `prefix…` of the byline finding under the cursor (palette commands). */
async function actOnFindingAtCursor(prefix: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const here = editor.selection.active;
  const finding = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((d) => d.source === "byline" && d.range.contains(here));
  if (!finding) {
    void vscode.window.showInformationMessage("byline: no finding under the cursor");
    return;
  }
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      editor.document.uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  const action = actions.find((a) => a.title.startsWith(prefix));
  if (!action) {
    void vscode.window.showInformationMessage(`byline: "${prefix}" is not available here`);
    return;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** `byline.showReferences`: the code lens's arguments converted, then the references peek. */
async function showReferences(uri: string, position: unknown, locations: unknown[]): Promise<void> {
  const c = client;
  if (!c || typeof uri !== "string") return;
  const p2c = c.protocol2CodeConverter;
  const locs = ((Array.isArray(locations) ? locations : []) as LspLocation[]).map((l) => p2c.asLocation(l));
  await vscode.commands.executeCommand(
    "editor.action.showReferences",
    p2c.asUri(uri),
    p2c.asPosition(position as LspPosition),
    locs,
  );
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("byline");
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand("byline.restartServer", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("byline.showOutput", () => output?.show()),
    vscode.commands.registerCommand("byline.markCheckedAtCursor", () => actOnFindingAtCursor("Mark as checked")),
    vscode.commands.registerCommand("byline.dismissAtCursor", () => actOnFindingAtCursor("Dismiss")),
    vscode.commands.registerCommand("byline.addAttributionAtCursor", () => actOnFindingAtCursor("Add attribution")),
    vscode.commands.registerCommand("byline.turnOffInFileAtCursor", () => actOnFindingAtCursor("Turn off")),
    vscode.commands.registerCommand("byline.namedSourceAtCursor", () => actOnFindingAtCursor('Treat "')),
    // The people code lens ("12 mentions · 4 files"): the server sends [uri, position, locations]
    // in LSP form; VS Code's references peek wants its own Uri/Position/Location objects.
    vscode.commands.registerCommand("byline.showReferences", (uri: string, position: unknown, locations: unknown[]) =>
      showReferences(uri, position, locations),
    ),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("byline")) return;
      if (event.affectsConfiguration("byline.serverPath")) {
        await stop();
        await start(context);
        return;
      }
      if (!client) return;
      if (event.affectsConfiguration("byline.trace.server")) {
        const trace = vscode.workspace.getConfiguration("byline").get<string>("trace.server") ?? "off";
        await client.setTrace(Trace.fromString(trace));
      }
      await client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { byline: currentSettings() },
      });
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
