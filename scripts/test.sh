#!/usr/bin/env bash
# The project's test command: every Rust test (analysis units, the server over real JSON-RPC,
# the CLI), then the editor integrations' tests when they are present.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo test --workspace --no-fail-fast

if [ -f editors/test.sh ]; then
    bash editors/test.sh
fi
