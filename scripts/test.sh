#!/usr/bin/env bash
# The project's test command: every Rust test (analysis units, the server over real JSON-RPC,
# the CLI), then the editor integrations' tests when they are present. Both run even when the
# first fails; the exit status is non-zero if either failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

status=0
cargo test --workspace --no-fail-fast || status=$?

if [ -f editors/test.sh ]; then
    bash editors/test.sh || status=$?
fi

exit "$status"
