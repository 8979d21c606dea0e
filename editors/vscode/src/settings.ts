// Maps the extension's settings (byline.*) to the server's settings contract:
//   { diagnostics: { "<code>": "error" | "warning" | "information" | "hint" | "off" },
//     files: { include: [globs], exclude: [globs], maxFileSize: bytes },
//     ledger: { showChecked: "hint" | "hidden" },   (only when set)
//     inlayHints: { enable: boolean } }               (only when set)
// Pure: no `vscode` import, so it is unit-tested without an editor.

export const DIAGNOSTIC_CODES = [
  "unattributed-claim",
  "vague-attribution",
  "anonymous-source",
  "unattributed-quote",
  "name-spelling",
  "quote-mismatch",
  "quote-speaker-mismatch",
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const SEVERITIES = ["error", "warning", "information", "hint", "off"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ServerSettings {
  diagnostics: Partial<Record<DiagnosticCode, Severity>>;
  files: { include?: string[]; exclude?: string[]; maxFileSize?: number };
  ledger?: { showChecked: "hint" | "hidden" };
  inlayHints?: { enable: boolean };
}

/** Reads one setting; `undefined` when it is not set. Mirrors WorkspaceConfiguration.get. */
export type SettingsReader = (key: string) => unknown;

// Spellings people type (or older VS Code names) mapped to the server's words.
const SEVERITY_ALIASES: Record<string, Severity> = {
  error: "error",
  warning: "warning",
  warn: "warning",
  information: "information",
  info: "information",
  hint: "hint",
  off: "off",
  none: "off",
  false: "off",
};

export function normaliseSeverity(value: unknown): Severity | undefined {
  if (value === false) return "off";
  if (typeof value !== "string") return undefined;
  return SEVERITY_ALIASES[value.trim().toLowerCase()];
}

function globs(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((g): g is string => typeof g === "string" && g.trim() !== "").map((g) => g.trim());
  return list.length > 0 ? list : undefined;
}

/** The server settings for the values read from the `byline` configuration section. */
export function toServerSettings(read: SettingsReader): ServerSettings {
  const diagnostics: ServerSettings["diagnostics"] = {};
  for (const code of DIAGNOSTIC_CODES) {
    const severity = normaliseSeverity(read(`diagnostics.${code}`));
    if (severity !== undefined) diagnostics[code] = severity;
  }
  const files: ServerSettings["files"] = {};
  const include = globs(read("files.include"));
  const exclude = globs(read("files.exclude"));
  if (include) files.include = include;
  if (exclude) files.exclude = exclude;
  const maxFileSize = read("files.maxFileSize");
  // 0 (the default) and anything that is not a positive whole number leave the server's default.
  if (typeof maxFileSize === "number" && Number.isSafeInteger(maxFileSize) && maxFileSize > 0) {
    files.maxFileSize = maxFileSize;
  }
  const settings: ServerSettings = { diagnostics, files };
  const shown = read("ledger.showChecked");
  if (shown === "hint" || shown === "hidden") settings.ledger = { showChecked: shown };
  const hints = read("inlayHints.enable");
  if (typeof hints === "boolean") settings.inlayHints = { enable: hints };
  return settings;
}

/** Reads from a plain object shaped like the `byline` section of settings.json (tests, scripts). */
export function readerFromObject(section: Record<string, unknown>): SettingsReader {
  return (key) => {
    if (key in section) return section[key];
    let value: unknown = section;
    for (const part of key.split(".")) {
      if (value === null || typeof value !== "object") return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}
