// The byline extension: starts `byline lsp` for plain-text and Markdown articles and keeps the
// server's settings in step with the byline.* settings.
import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  Trace,
} from "vscode-languageclient/node";
import { resolveServer } from "./serverPath";
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
  return toServerSettings((key) => config.get(key));
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
  await client.start();
  await client.setTrace(Trace.fromString(config.get<string>("trace.server") ?? "off"));
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
