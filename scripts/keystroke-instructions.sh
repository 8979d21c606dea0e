#!/usr/bin/env bash
# Instructions the whole server process executes per keystroke, measured from outside: the
# external perf.py opens one article of WORDS words and sends EDITS one-character edits, once with
# 1 edit and once with EDITS + 1, each under callgrind; the difference over EDITS is the cost of
# one keystroke (analysis, index update, diagnostics conversion, JSON, threads). Instruction
# counts do not depend on the machine's load, unlike the wall clock.
#
#   scripts/keystroke-instructions.sh target/release/byline 10000 30
#   KEEP=/tmp/k.cg scripts/keystroke-instructions.sh …   # keep the callgrind profile of the long run
set -euo pipefail
BIN=$(realpath "$1"); WORDS=${2:-10000}; EDITS=${3:-30}
SHARED=${SHARED:-$(dirname "$0")/../../shared}
CORPUS="$SHARED/corpus/seeds $SHARED/corpus/dev"
[ "$WORDS" -gt 20000 ] && CORPUS="$CORPUS $SHARED/corpus/dev2"
OUT=$(mktemp -d)
total() { callgrind_annotate "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done { gsub(",", "", $1); print $1; done = 1 }'; }
for e in 1 $((EDITS + 1)); do
  # shellcheck disable=SC2086
  python3 "$SHARED/eval/perf.py" --server "valgrind --tool=callgrind --callgrind-out-file=$OUT/cg.$e $BIN lsp" \
    --corpus $CORPUS --words "$WORDS" --edits "$e" --skip cold --timeout 120 > /dev/null
done
a=$(total "$OUT/cg.1"); b=$(total "$OUT/cg.$((EDITS + 1))")
python3 -c "print(f'{($b - $a) / $EDITS / 1e6:.3f} M instructions per keystroke ({$WORDS} words, {$EDITS} edits)')"
if [ -n "${KEEP:-}" ]; then cp "$OUT/cg.$((EDITS + 1))" "$KEEP"; fi
rm -rf "$OUT"
