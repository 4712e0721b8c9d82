#!/bin/sh
# Plays `goiex run [--clock=…] FILE.exs` by running FILE in Elixir, the way
# the golden files are recorded. It exists only to test the golden harness
# before (or without) a goiex binary:
#   GOIEX_BIN=golden/testdata/elixir-as-goiex.sh go test ./golden
# Elixir has no virtual clock, so sleeps take wall time here.
[ "$1" = run ] || { echo "usage: $0 run [--clock=real|virtual] FILE.exs" >&2; exit 2; }
shift
case "$1" in --clock=*) shift ;; esac
exec elixir -e "Logger.configure_backend(:console, device: :standard_error); Code.eval_file(\"$1\"); Logger.flush()"
