#!/usr/bin/env bash
# Benchmark: the CLI import of ICE's whole sheet sequence (../shared/data/ice-287g) into a fresh
# PostgreSQL database (end287g_bench_import on 127.0.0.1) and a fresh H2 file database.
# Measures wall time and peak RSS with /usr/bin/time -v; writes benchmarks/results/import.txt.
# `benchmarks/import.sh history` measures a thousand synthetic days instead (results/import-history.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${DATA:-../shared/data/ice-287g}
RESULTS=benchmarks/results/import.txt
PGDB=end287g_bench_import
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }

jar=$(ls target/end287g-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
	./mvnw -q -B -DskipTests package
	jar=$(ls target/end287g-*.jar | grep -v original | head -1)
fi

launch=(-jar "$jar")

# `import.sh history`: a long synthetic history (benchmarks/SyntheticSheets.java), see README.md.
if [ "${1:-}" = history ]; then
	. benchmarks/import-history.sh
	exit
fi

run() { # label, datasource url, username
	local label=$1 url=$2 user=$3 log
	log=$(mktemp)
	local start end
	start=$(date +%s.%N)
	SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD= \
		/usr/bin/time -v "$JAVA" "${launch[@]}" import "$DATA" >"$log" 2>&1 || { tail -30 "$log"; echo "$label: import failed"; exit 1; }
	end=$(date +%s.%N)
	local sheets rss
	sheets=$(grep -cE '^(ACCEPTED|ALREADY_IMPORTED|REJECTED) ' "$log" || true)
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
	printf '%-11s sheets=%s wall=%.1fs (JVM start included) peak_rss=%s MB\n' "$label" "$sheets" \
		"$(echo "$end - $start" | bc)" "$((rss / 1024))" | tee -a "$RESULTS.tmp"
	grep -E '^(ACCEPTED|ALREADY_IMPORTED|REJECTED) ' "$log" | tail -2 | sed 's/^/    /' | tee -a "$RESULTS.tmp"
	rm -f "$log"
}

: >"$RESULTS.tmp"
echo "import benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(ls "$DATA"/*.xlsx | wc -l) files in $DATA" | tee -a "$RESULTS.tmp"

psql -h 127.0.0.1 -U postgres -qAt -c "drop database if exists $PGDB" -c "create database $PGDB" >/dev/null
run PostgreSQL "jdbc:postgresql://127.0.0.1:5432/$PGDB" postgres

h2dir=$(mktemp -d)
run H2 "jdbc:h2:file:$h2dir/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" sa
rm -rf "$h2dir"

mv "$RESULTS.tmp" "$RESULTS"
