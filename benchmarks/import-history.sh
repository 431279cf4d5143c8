# Sourced by `benchmarks/import.sh history` (which sets JAVA, jar, DATA): a thousand days of
# synthetic sheets grown from ICE's last shared ones, imported from empty into PostgreSQL with
# the import command in one JVM (-Xmx512m, GC log), then day 1,001 alone in a second run.
# Writes benchmarks/results/import-history.txt.

DAYS=${DAYS:-1000}
PGDB=${PGDB:-end287g_history}
OUT=${OUT:-benchmarks/results/import-history.txt}
WORK=${WORK:-target/bench/history}
HEAP=${HEAP:-512m}
base=participatingAgencies06272025am.xlsx
[ -f "$DATA/$base" ] || { echo "missing $DATA/$base" >&2; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK/sheets" "$WORK/last"
gen_started=$(date +%s.%N)
"$JAVA" benchmarks/SyntheticSheets.java "$DATA/$base" "$DATA/pendingAgencies06272025am.xlsx" "$WORK/sheets" \
	"$((DAYS + 1))" | tee "$WORK/generator.txt"
gen_seconds=$(echo "$(date +%s.%N) - $gen_started" | bc)
# the last day's files (a participating sheet, and a pending one when due) are imported on their own
lastday=$(ls "$WORK/sheets" | sed -n 's/.*Agencies\([0-9]\{2\}\)\([0-9]\{2\}\)\([0-9]\{4\}\)am.xlsx/\3\1\2/p' | sort | tail -1)
mmddyyyy="${lastday:4:2}${lastday:6:2}${lastday:0:4}"
mv "$WORK"/sheets/*Agencies${mmddyyyy}am.xlsx "$WORK/last/"
files=$(ls "$WORK/sheets" | wc -l)
participating=$(ls "$WORK/sheets" | grep -c participating)

psql -h 127.0.0.1 -U postgres -qAt -c "drop database if exists $PGDB" -c "create database $PGDB" >/dev/null
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$PGDB" SPRING_DATASOURCE_USERNAME=postgres \
	SPRING_DATASOURCE_PASSWORD= SERVER_PORT=0

# Prints every line of the command with the seconds since the start in front.
stamped() {
	local start=$1
	while IFS= read -r line; do
		printf '%s %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$line"
	done
}

run_import() { # label, folder
	local started
	started=$(date +%s.%N)
	/usr/bin/time -v "$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$WORK/$1-gc.log" "${launch[@]}" import "$2" 2>&1 \
		| stamped "$started" >"$WORK/$1.log" || true
	grep -q 'imported [0-9]* file' "$WORK/$1.log" || { tail -40 "$WORK/$1.log"; echo "$1: the import failed" >&2; exit 1; }
}

# Peak heap before a collection and the largest live set after one, from -Xlog:gc lines
# such as "Pause Young (Normal) (G1 Evacuation Pause) 301M->98M(512M) 6.1ms".
heap() {
	sed -n 's/.* \([0-9]*\)M->\([0-9]*\)M(\([0-9]*\)M).*/\1 \2 \3/p' "$WORK/$1-gc.log" \
		| awk '{ if ($1 > peak) peak = $1; if ($2 > live) live = $2; if ($3 > committed) committed = $3; n++ }
			END { printf "heap peak %d MB before a collection, largest live set %d MB after one, committed at most %d MB, %d collections", peak, live, committed, n }'
}

echo "importing $files files ($participating participating days) from empty" >&2
run_import all "$WORK/sheets"
total=$(awk '/imported [0-9]* file/ { print $1 }' "$WORK/all.log" | tail -1)
first=$(awk '/^[0-9.]+ (ACCEPTED|REJECTED|ALREADY_IMPORTED) / { print $1; exit }' "$WORK/all.log")
accepted=$(grep -c ' ACCEPTED ' "$WORK/all.log" || true)
rejected=$(grep -c ' REJECTED ' "$WORK/all.log" || true)
# the time between consecutive summary lines: a sheet and the follow-ups of the one before
per_sheet=$(awk '/^[0-9.]+ (ACCEPTED|REJECTED) / { if (prev) { d = $1 - prev; n++; all += d; if (n <= 50) early += d; last[n % 50] = d } prev = $1 }
	END { for (i in last) late += last[i]; printf "first 50: %.0f ms a sheet, last 50: %.0f ms a sheet", early / 50 * 1000, late / 50 * 1000 }' "$WORK/all.log")

echo "importing day $((DAYS + 1)) alone" >&2
run_import last "$WORK/last"
ready=$(awk '/Started .* in [0-9.]+ seconds/ { print $1; exit }' "$WORK/last.log")
done_at=$(awk '/^[0-9.]+ ACCEPTED participating/ { print $1 }' "$WORK/last.log")
last_line=$(grep -E ' (ACCEPTED|REJECTED) participating' "$WORK/last.log" | cut -d' ' -f2-)
agreements=$(psql -h 127.0.0.1 -U postgres -d "$PGDB" -qAt -c 'select count(*) from agreement')
active=$(psql -h 127.0.0.1 -U postgres -d "$PGDB" -qAt -c "select count(*) from agreement where status = 'ACTIVE'")
rows=$(psql -h 127.0.0.1 -U postgres -d "$PGDB" -qAt -c 'select count(*) from sheet_row')

verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? "met" : "MISSED" }'; }
import_seconds=$(echo "$total - $first" | bc)
sheet_seconds=$(echo "$done_at - $ready" | bc)
peak_all=$(heap all | awk '{ print $3 }')
{
	echo "import-history benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); $("$JAVA" -version 2>&1 | head -1); PostgreSQL $(psql -h 127.0.0.1 -U postgres -qAt -c 'show server_version'), database $PGDB"
	echo "generated: $(cat "$WORK/generator.txt") in $(printf '%.0f' "$gen_seconds") s"
	echo "imported:  $files files ($participating participating days, $((files - participating)) pending), $accepted accepted, $rejected rejected; then $agreements agreements ($active active), $rows sheet rows"
	echo
	printf 'whole history from empty: %.1f s from the first sheet to the last (JVM start excluded; %.1f s with it); %s\n' \
		"$import_seconds" "$total" "$per_sheet"
	echo "  $(heap all)"
	printf 'day %d alone (a new JVM): %.2f s from the application ready to its summary line\n' "$((DAYS + 1))" "$sheet_seconds"
	echo "  $last_line"
	echo "  $(heap last)"
	echo
	echo "targets: $DAYS days from empty under 60 s: $(verdict "$import_seconds" 60); day $((DAYS + 1)) under 1 s: $(verdict "$sheet_seconds" 1); heap under 512 MB (-Xmx$HEAP): $(verdict "${peak_all:-999999}" 512)"
} | tee "$OUT"
