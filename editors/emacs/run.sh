#!/usr/bin/env bash
# Batch end-to-end test of byline under Emacs eglot (Debian: emacs-nox, elpa-eglot, elpa-markdown-mode).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${BYLINE_BIN:-$repo/target/release/byline}"
if [ ! -x "$bin" ]; then (cd "$repo" && cargo build --release) >&2; fi
command -v emacs >/dev/null || { echo "SKIP: emacs eglot: emacs is not installed (apt-get install emacs-nox elpa-eglot elpa-markdown-mode)"; exit 0; }
export BYLINE_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
export BYLINE_FIXTURE="$repo/editors/fixtures/workspace"
log="$(mktemp)"; trap 'rm -f "$log"' EXIT
timeout "${BYLINE_EMACS_TIMEOUT:-120}" emacs --batch -Q -l "$here/byline-eglot-test.el" 2>"$log" && rc=0 || rc=$?
if [ "$rc" -ne 0 ]; then echo "--- emacs stderr ---" >&2; tail -n 30 "$log" >&2; fi
exit "$rc"
