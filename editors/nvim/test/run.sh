#!/usr/bin/env bash
# Run the headless Neovim end-to-end test with one nvim binary.
#   editors/nvim/test/run.sh [NVIM]    (NVIM defaults to `nvim`; BYLINE_BIN to target/release/byline)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
nvim="${1:-nvim}"
bin="${BYLINE_BIN:-$repo/target/release/byline}"
if [ ! -x "$bin" ]; then
  echo "building $bin (cargo build --release)" >&2
  (cd "$repo" && cargo build --release) >&2
fi
export BYLINE_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
export BYLINE_FIXTURE="$repo/editors/fixtures/workspace"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# A hard limit, in case the server or nvim hangs.
timeout "${BYLINE_NVIM_TIMEOUT:-180}" "$nvim" --headless -u NONE -i NONE -n \
  --cmd "set rtp^=$repo/editors/nvim" \
  -c "luafile $here/e2e.lua" 2>"$log" && rc=0 || rc=$?
if [ "$rc" -ne 0 ] && [ -s "$log" ]; then
  echo "--- nvim stderr ---" >&2
  tail -n 40 "$log" >&2
fi
exit "$rc"
