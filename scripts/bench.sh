#!/usr/bin/env bash
# Runs the benchmark programs in scripts/bench/ in goiex and, when elixir is
# on PATH, in Elixir, in the same run, and prints a table of times, ratios
# and peak memory against the targets of issue 2 §7.
#
#   scripts/bench.sh            # build goiex, run everything
#   GOIEX=./goiex scripts/bench.sh   # use an existing binary
#   NO_ELIXIR=1 scripts/bench.sh     # goiex only
#   NO_GOIEX=1 scripts/bench.sh      # Elixir only
#   ONLY="ring loop" scripts/bench.sh
#
# "s" columns are the time each program measures itself with :timer.tc
# (startup excluded), except hello, whose figure is the wall time of the
# whole run. Peak memory is the run's maximum resident set size, from
# /usr/bin/time. Elixir runs `elixir FILE.exs` (the file's top level is
# compiled, as iex's evaluator is not), with +P raised for spawn.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
	echo "bench.sh needs GNU time at /usr/bin/time (Debian: apt-get install -y time)" >&2
	exit 1
fi

benches=(${ONLY:-ring loop spawn selective hello genserver supervisor dets})

goiex=${GOIEX:-}
if [ -n "${NO_GOIEX:-}" ]; then
	goiex=""
elif [ -z "$goiex" ]; then
	goiex=/tmp/goiex-bench
	if ! go build -o "$goiex" . 2>/tmp/goiex-bench-build.log; then
		echo "go build failed (see /tmp/goiex-bench-build.log); goiex columns will be empty" >&2
		goiex=""
	fi
fi
elixir=""
if [ -z "${NO_ELIXIR:-}" ] && command -v elixir >/dev/null; then
	elixir=elixir
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME SIDE CMD... : runs CMD, leaves "<seconds> <peak KB> <ok>" in
# $tmp/NAME.SIDE. The seconds are the program's own figure ("… N us") or,
# for hello, the wall time measured here.
measure() {
	local name=$1 side=$2
	shift 2
	local start end wall out
	start=$(date +%s%N)
	if /usr/bin/time -f '%M' -o "$tmp/$name.$side.time" "$@" >"$tmp/$name.$side.out" 2>"$tmp/$name.$side.err"; then
		ok=ok
	else
		ok=FAILED
	fi
	end=$(date +%s%N)
	wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
	local kb secs
	kb=$(tail -n 1 "$tmp/$name.$side.time")
	if [ "$name" = hello ]; then
		secs=$wall
	else
		secs=$(grep -oE '[0-9]+ us' "$tmp/$name.$side.out" | tail -n 1 | awk '{ printf "%.3f", $1 / 1e6 }' || true)
		[ -n "$secs" ] || { secs="-"; ok=FAILED; }
	fi
	echo "$secs $kb $ok $wall" >"$tmp/$name.$side"
	if [ "$ok" != ok ]; then
		echo "$side $name failed; stderr:" >&2
		head -n 5 "$tmp/$name.$side.err" >&2
	fi
}

target() {
	case $1 in
	ring) echo "<= 2x Elixir" ;;
	loop) echo "<= 0.5 s" ;;
	spawn) echo "<= 2 s, <= 1000 B/proc" ;;
	selective) echo "<= 2x Elixir" ;;
	hello) echo "<= 0.02 s, <= 30 MB" ;;
	genserver) echo "<= 2x Elixir (100,000 calls)" ;;
	supervisor) echo "<= 2x Elixir (10,000 children)" ;;
	dets) echo "report (1,000 insert+sync; 100 x insert of 100 + sync)" ;;
	esac
}

for b in "${benches[@]}"; do
	file=scripts/bench/$b.exs
	if [ -n "$goiex" ]; then
		echo "running $b in goiex…" >&2
		measure "$b" goiex "$goiex" run --clock=real "$file"
	fi
	if [ -n "$elixir" ]; then
		echo "running $b in elixir…" >&2
		if [ "$b" = spawn ]; then
			measure "$b" elixir elixir --erl "+P 2000000" "$file"
		else
			measure "$b" elixir elixir "$file"
		fi
	fi
done

field() { # field NAME SIDE N
	if [ -f "$tmp/$1.$2" ]; then awk -v n="$3" '{ print $n }' "$tmp/$1.$2"; else echo "-"; fi
}
mb() { [ "$1" = - ] && echo - || awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

printf '\n%-10s %9s %9s %7s %13s %14s  %s\n' bench "goiex s" "elixir s" ratio "goiex peak MB" "elixir peak MB" target
for b in "${benches[@]}"; do
	gs=$(field "$b" goiex 1)
	es=$(field "$b" elixir 1)
	gk=$(field "$b" goiex 2)
	ek=$(field "$b" elixir 2)
	[ "$(field "$b" goiex 3)" = FAILED ] && gs=FAILED
	[ "$(field "$b" elixir 3)" = FAILED ] && es=FAILED
	ratio=-
	if [[ $gs =~ ^[0-9.]+$ && $es =~ ^[0-9.]+$ ]]; then
		ratio=$(awk -v g="$gs" -v e="$es" 'BEGIN { if (e > 0) printf "%.2f", g / e; else print "-" }')
	fi
	printf '%-10s %9s %9s %7s %13s %14s  %s\n' "$b" "$gs" "$es" "$ratio" "$(mb "$gk")" "$(mb "$ek")" "$(target "$b")"
done

for b in "${benches[@]}"; do
	[ "$b" = spawn ] || continue
	for side in goiex elixir; do
		kb=$(field spawn "$side" 2)
		[ "$kb" = - ] && continue
		awk -v s="$side" -v k="$kb" 'BEGIN { printf "spawn bytes per process (%s): %.0f (peak RSS / 1,000,000)\n", s, k * 1024 / 1e6 }'
	done
done
echo "s: the program's own :timer.tc figure; hello: wall time of the whole run."
