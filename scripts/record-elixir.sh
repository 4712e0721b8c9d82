#!/bin/sh
# Re-records golden/*.golden from Elixir (which must be on PATH), by running
# each scripts/*.exs the way golden/golden_test.go documents. Pass -script=NAME
# to re-record only the scripts whose name contains NAME.
# Review the diff (git diff golden/) before committing.
set -e
cd "$(dirname "$0")/.."
command -v elixir >/dev/null || { echo "elixir is not on PATH (apt-get install -y elixir)" >&2; exit 1; }
exec go test ./golden -run 'TestScripts$' -count=1 -record-elixir "$@"
