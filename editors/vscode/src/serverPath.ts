// Finds the `byline` executable: the byline.serverPath setting, else `byline` on PATH,
// else the binary bundled in the extension (server/byline). Pure apart from the injected
// file-system probe, so it is unit-tested without an editor.
import * as path from "path";

export interface Environment {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  extensionPath: string;
  workspaceFolder?: string;
  homedir: string;
  /** true when `file` exists and may be executed. */
  isExecutable: (file: string) => boolean;
}

export type Resolution =
  | { ok: true; command: string; source: "setting" | "path" | "bundled" }
  | { ok: false; message: string };

function pathApi(platform: NodeJS.Platform): typeof path.posix {
  return platform === "win32" ? path.win32 : path.posix;
}

function executableNames(platform: NodeJS.Platform): string[] {
  return platform === "win32" ? ["byline.exe", "byline.cmd", "byline"] : ["byline"];
}

/** Expands ~ and ${workspaceFolder}, and makes a relative path relative to the workspace. */
export function expandSetting(value: string, env: Environment): string {
  const api = pathApi(env.platform);
  let p = value.trim();
  if (p === "~" || p.startsWith("~/")) p = api.join(env.homedir, p.slice(1));
  if (env.workspaceFolder) p = p.split("${workspaceFolder}").join(env.workspaceFolder);
  const hasSeparator = p.includes("/") || (env.platform === "win32" && p.includes("\\"));
  if (hasSeparator && !api.isAbsolute(p) && env.workspaceFolder) p = api.join(env.workspaceFolder, p);
  return p;
}

export function findOnPath(env: Environment): string | undefined {
  const pathVar = env.env.PATH ?? env.env.Path ?? "";
  const sep = env.platform === "win32" ? ";" : ":";
  for (const dir of pathVar.split(sep)) {
    if (dir === "") continue;
    for (const name of executableNames(env.platform)) {
      const candidate = pathApi(env.platform).join(dir, name);
      if (env.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export function bundledServer(env: Environment): string | undefined {
  for (const name of executableNames(env.platform)) {
    const candidate = pathApi(env.platform).join(env.extensionPath, "server", name);
    if (env.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function resolveServer(setting: string | undefined, env: Environment): Resolution {
  if (setting && setting.trim() !== "") {
    const expanded = expandSetting(setting, env);
    // A bare name ("byline-nightly") is looked up on PATH like a shell would.
    if (!expanded.includes("/") && !(env.platform === "win32" && expanded.includes("\\"))) {
      const onPath = lookUp(expanded, env);
      if (onPath) return { ok: true, command: onPath, source: "setting" };
    } else if (env.isExecutable(expanded)) {
      return { ok: true, command: expanded, source: "setting" };
    }
    return {
      ok: false,
      message: `byline.serverPath is set to "${setting}", but no executable was found there. Fix the setting or clear it to use \`byline\` from PATH.`,
    };
  }
  const onPath = findOnPath(env);
  if (onPath) return { ok: true, command: onPath, source: "path" };
  const bundled = bundledServer(env);
  if (bundled) return { ok: true, command: bundled, source: "bundled" };
  return {
    ok: false,
    message:
      "Could not find the byline language server: `byline` is not on PATH and this extension has no bundled binary. Install it (cargo install --path . in a byline checkout) or set byline.serverPath. " +
      `PATH searched: ${env.env.PATH ?? env.env.Path ?? "(empty)"}`,
  };
}

function lookUp(name: string, env: Environment): string | undefined {
  const pathVar = env.env.PATH ?? env.env.Path ?? "";
  const sep = env.platform === "win32" ? ";" : ":";
  for (const dir of pathVar.split(sep)) {
    if (dir === "") continue;
    const candidate = pathApi(env.platform).join(dir, name);
    if (env.isExecutable(candidate)) return candidate;
  }
  return undefined;
}
