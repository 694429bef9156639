#!/usr/bin/env bash
# Runs test.lua in headless Neovim against dist/server.js; prints "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
RESULT_FILE=${RESULT_FILE:-$(mktemp)}
# A fresh copy of the fixture: the editor tests before this one may have changed theirs.
nvim_dir=$(mktemp -d "${E2E_WORKSPACE:?}/../nvim-XXXX")
cp "$repo/test/fixtures/e2e/broken-unit.case" "$nvim_dir/"
export RESULT_FILE SERVER_JS="$repo/dist/server.js" CASE_FILE="$nvim_dir/broken-unit.case"
rm -f "$RESULT_FILE"
timeout 90 nvim --headless -u NONE -i NONE -c "luafile $here/test.lua" >/dev/null 2>&1
status=$?
[ -f "$RESULT_FILE" ] || { echo "nvim wrote no results (exit $status)"; echo "0 passed, 1 failed"; exit 1; }
cat "$RESULT_FILE"
passed=$(grep -c '^PASS' "$RESULT_FILE"); failed=$(grep -c '^FAIL' "$RESULT_FILE")
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$status" = 0 ]
