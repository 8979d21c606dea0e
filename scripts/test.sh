#!/usr/bin/env bash
# The project's test command: formatting and lints, every Rust test (analysis units, the server
# over real JSON-RPC, the CLI), then the editor integrations' tests when they are present. All
# run even when one fails; the exit status is non-zero if any failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

status=0

# rustfmt and clippy come with rustup's default profile; add them when missing.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    command -v rustup >/dev/null 2>&1 && rustup component add rustfmt clippy || true
fi
if cargo fmt --version >/dev/null 2>&1; then
    cargo fmt --all -- --check || { echo "rustfmt: the code is not formatted (run cargo fmt --all)"; status=1; }
else
    echo "rustfmt: not available, formatting not checked"
fi
if cargo clippy --version >/dev/null 2>&1; then
    cargo clippy --workspace --all-targets -- -D warnings || status=1
else
    echo "clippy: not available, lints not checked"
fi

cargo test --workspace --no-fail-fast || status=$?

if [ -f editors/test.sh ]; then
    bash editors/test.sh || status=$?
fi

exit "$status"
