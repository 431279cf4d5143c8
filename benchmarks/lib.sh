# Shared by the benchmark scripts (sourced, not run): the JDK, the jar, a fresh PostgreSQL
# database, the application on a free port, and wrk's latency figures in milliseconds.
# The sourcing script sets NAME (for messages) and may set PGHOST, PGPORT, PGUSER, JAVA_OPTS.

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}

log() { printf '== %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "${NAME:-benchmark}" "$*" >&2; exit 1; }

# Java 21+, the same choice as .ci/run.
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ] 2>/dev/null; then
	for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
		if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
	done
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The settings of the wrk benchmarks (each script's header lists them): $1 its database,
# $2 its results file. On 2 cores the JIT needs about a minute under load to settle: after
# 10 s the near-me p99 was 26-31 ms, after a minute 8-10 ms on the same build.
wrk_settings() {
	DURATION=${DURATION:-30s}
	WARMUP=${WARMUP:-60s}
	CONNECTIONS=${CONNECTIONS:-32}
	THREADS=${THREADS:-2}
	BENCH_DB=${BENCH_DB:-$1}
	SHEETS=${SHEETS:-../shared/data/ice-287g}
	OUT=${OUT:-$2}
	ACCEPT_ENCODING=${ACCEPT_ENCODING-gzip}
	HEADERS=()
	[ -z "$ACCEPT_ENCODING" ] || HEADERS=(-H "Accept-Encoding: $ACCEPT_ENCODING")
}

require() { # command, Debian package
	command -v "$1" >/dev/null || die "$1 is missing: apt-get install -y $2"
}

jar() { ls target/end287g-*.jar 2>/dev/null | grep -v -e '-plain\.jar$' -e '-sources\.jar$' | head -1; }

# Builds when the jar is missing or older than the sources, so the figures are for this code.
ensure_jar() {
	if [ -z "$(jar)" ] || [ -n "$(find src pom.xml -newer "$(jar)" -print -quit)" ]; then
		log "building the jar"
		./mvnw -q -DskipTests package
	fi
	JAR=$(jar)
	[ -n "$JAR" ] || die "no jar in target/ after the build"
}

free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
	done
	die "no free port found"
}

psql_admin() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_bench() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$BENCH_DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

# Drops and creates $BENCH_DB and points the application at it.
fresh_database() {
	log "fresh database $BENCH_DB on $PGHOST:$PGPORT"
	psql_admin -c "drop database if exists $BENCH_DB" || die "cannot reach PostgreSQL as $PGUSER at $PGHOST:$PGPORT"
	psql_admin -c "create database $BENCH_DB"
	export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
	export SPRING_DATASOURCE_USERNAME="$PGUSER"
	export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"
}

# Starts the jar on a free port (BASE, APP_PID, APP_LOG) and waits for /actuator/health;
# stop_app runs on exit.
APP_PID=""
stop_app() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null || true
	fi
}
start_app() {
	PORT=$(free_port)
	BASE="http://127.0.0.1:$PORT"
	log "starting $JAR on port $PORT (log: $APP_LOG)"
	"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" "$@" >>"$APP_LOG" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 120); do
		curl -fsS -o /dev/null "$BASE/actuator/health" 2>/dev/null && return
		kill -0 "$APP_PID" 2>/dev/null || die "the app stopped during startup, see $APP_LOG"
		sleep 1
	done
	die "the app did not become healthy in 120 s, see $APP_LOG"
}

# Latency as wrk prints it (870.00us, 1.20ms, 2.00s), in milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# The header lines every results file starts with.
describe_run() {
	echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ':!benchmarks/results' 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "machine:  $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr)"
	echo "jvm:      $("$JAVA" -version 2>&1 | head -1)"
	echo "database: PostgreSQL $(psql_admin -c 'show server_version' | head -1), $BENCH_DB"
}

# GreenMail standalone from Maven Central, a real SMTP server with POP3 to read what it
# received (SMTP_PORT, POP3_PORT, SMTP_PID); stop_greenmail stops it.
GREENMAIL_VERSION=2.1.13
SMTP_PID=""
start_greenmail() {
	local jar=target/bench/greenmail-standalone-$GREENMAIL_VERSION.jar
	if [ ! -f "$jar" ]; then
		log "fetching GreenMail $GREENMAIL_VERSION from Maven Central"
		./mvnw -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
			-DoutputDirectory=target/bench
	fi
	SMTP_PORT=$(free_port)
	POP3_PORT=$(free_port)
	log "starting GreenMail: SMTP $SMTP_PORT, POP3 $POP3_PORT"
	"$JAVA" -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.pop3.port="$POP3_PORT" \
		-Dgreenmail.auth.disabled -jar "$jar" >"$APP_LOG.smtp" 2>&1 &
	SMTP_PID=$!
	for _ in $(seq 1 60); do
		(exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && return
		sleep 1
	done
	die "GreenMail did not start, see $APP_LOG.smtp"
}
stop_greenmail() { [ -z "$SMTP_PID" ] || kill "$SMTP_PID" 2>/dev/null || true; }

# How many messages GreenMail holds for an address (its POP3 login is the address): the
# lines of a POP3 LIST (curl waits for a STAT answer it never recognises as complete).
mailbox_size() {
	curl -s --max-time 60 -u "$1:$1" "pop3://127.0.0.1:$POP3_PORT/" | grep -c '^[0-9]'
}

# A CSRF cookie and the masked token of the form on a page, as a browser would have them:
# sets BENCH_COOKIE and CSRF_TOKEN.
csrf_from() {
	local cookies
	cookies=$(mktemp)
	CSRF_TOKEN=$(curl -fsS -c "$cookies" "$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
	BENCH_COOKIE=$(awk '$6 == "XSRF-TOKEN" { print "XSRF-TOKEN=" $7 }' "$cookies")
	rm -f "$cookies"
	[ -n "$CSRF_TOKEN" ] && [ -n "$BENCH_COOKIE" ] || die "no CSRF token on $1, see $APP_LOG"
	export BENCH_COOKIE
}

# CPU time in clock ticks, for sharing out the machine's cores in a results file:
# "busy app postgres" (the whole machine's busy time, the application, every PostgreSQL
# process). cpu_shares BEFORE AFTER prints the cores each used in between.
cpu_snapshot() {
	local busy app pg
	busy=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
	app=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat" 2>/dev/null || echo 0)
	pg=0
	for pid in $(pgrep -x postgres); do
		pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
	done
	echo "$(date +%s%N) $busy $app $pg"
}
cpu_shares() { # "before" "after"
	awk -v hz="$(getconf CLK_TCK)" -v a="$1" -v b="$2" 'BEGIN {
		split(a, x, " "); split(b, y, " "); s = (y[1] - x[1]) / 1e9
		busy = (y[2] - x[2]) / hz / s; app = (y[3] - x[3]) / hz / s; pg = (y[4] - x[4]) / hz / s
		printf "%.2f cores busy: application %.2f, PostgreSQL %.2f, the rest (load generator, system) %.2f", busy, app, pg, busy - app - pg
	}'
}

# Imports $SHEETS with the application's own command, unless SKIP_IMPORT=1; sets
# import_seconds and import_summary for the results file.
import_sheets() {
	import_seconds="skipped"
	import_summary=""
	if [ "${SKIP_IMPORT:-0}" != 1 ]; then
		[ -d "$SHEETS" ] || die "no sheets at $SHEETS (set SHEETS, or SKIP_IMPORT=1)"
		log "importing $SHEETS"
		started=$(date +%s.%N)
		# SERVER_PORT=0: should the import command start the web server, it must not take a fixed port.
		# Exit code 1 means some sheets were rejected (ICE's broken publications): expected, not fatal.
		import_status=0
		SERVER_PORT=0 "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" import "$SHEETS" >"$APP_LOG.import" 2>&1 || import_status=$?
		cat "$APP_LOG.import" >>"$APP_LOG"
		[ "$import_status" -le 1 ] || die "import failed with status $import_status, see $APP_LOG"
		import_seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
		import_summary=$(grep -E '^imported [0-9]+ file' "$APP_LOG.import" | tail -1 || true)
		rm -f "$APP_LOG.import"
		# Exit code 1 is also a failed start: insist on the command's summary and on data.
		[ -n "$import_summary" ] || die "the import command did not run, see $APP_LOG"
		agreements=$(psql_bench -c 'select count(*) from agreement')
		[ "${agreements:-0}" -gt 0 ] || die "the import left no agreements, see $APP_LOG"
		import_summary="$import_summary, $agreements agreements"
	fi
}

# Measures GET ${PATHS[$1]} on $BASE with wrk (warm-up, then --latency), compares its p99
# with ${TARGET_P99_MS[$1]} and appends a line to RESULTS (VERDICT=1 on a miss). Uses
# THREADS, CONNECTIONS, WARMUP, DURATION, HEADERS and SCRIPTS[$1] when set.
measure() {
	local name=$1 path=${PATHS[$1]} script=()
	[ -z "${SCRIPTS[$name]:-}" ] || script=(-s "${SCRIPTS[$name]}")
	local status
	status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
	[ "$status" = 200 ] || die "GET $path answered $status, not 200 (see $APP_LOG)"
	log "warm-up $name ($WARMUP)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${HEADERS[@]}" "${script[@]}" "$BASE$path" >/dev/null
	log "measuring $name ($DURATION)"
	local report rps p50 p99 errors p99ms target verdict
	report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${HEADERS[@]}" "${script[@]}" "$BASE$path")
	echo "$report" >&2
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$report")
	p50=$(awk '$1 == "50%" { print $2 }' <<<"$report")
	p99=$(awk '$1 == "99%" { print $2 }' <<<"$report")
	errors=$(awk -F': *' '/Non-2xx or 3xx responses|Socket errors/ { print $0 }' <<<"$report" | paste -sd';' -)
	p99ms=$(to_ms "$p99")
	# "3081 requests in 30.06s, 1.94GB read": the average response size, headers included.
	size=$(awk '/requests in/ { n = $1; v = $5; m = 1; if (v ~ /KB$/) m = 1024; if (v ~ /MB$/) m = 1048576;
		if (v ~ /GB$/) m = 1073741824; if (n > 0) printf "%.1f KB", (v + 0) * m / n / 1024 }' <<<"$report")
	target=${TARGET_P99_MS[$name]}
	# No answer at all, timeouts or errors are a miss whatever the latency of the rest.
	if [ -z "$errors" ] && awk -v a="$p99ms" -v b="$target" 'BEGIN { exit !(a > 0 && a < b) }'; then verdict="meets"
	else verdict="MISSES"; VERDICT=1; fi
	RESULTS+=$(printf '%-5s GET %-24s %10s req/s   p50 %9s   p99 %9s   %s/response   (target p99 < %s ms: %s)%s' \
		"$name" "$path" "$rps" "$p50" "$p99" "$size" "$target" "$verdict" "${errors:+   errors: $errors}")
	RESULTS+=$'\n'
}

# The physical bound of a signature: pgbench's one-row inserts into a table shaped like
# signatures (sealed values as bytea, a unique key per campaign), each its own transaction.
# Sets pg_tps and pg_latency.
pgbench_signature_bound() {
psql_bench -c "create table bench_signatures (
	id bigint generated by default as identity primary key, campaign_id bigint not null,
	email_key varchar(64) not null, first_name_sealed bytea, last_name_sealed bytea, zip_sealed bytea,
	client_hash varchar(64), created_at timestamptz not null, confirmed_at timestamptz,
	unique (campaign_id, email_key))"
cat >target/bench/insert.sql <<'SQL'
\set campaign random(1, 4)
insert into bench_signatures (campaign_id, email_key, first_name_sealed, last_name_sealed, zip_sealed, client_hash, created_at, confirmed_at)
values (:campaign, md5(random()::text || clock_timestamp()::text), decode(md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex'), decode(md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex'), decode(md5(random()::text) || md5(random()::text), 'hex'), md5(random()::text), now(), now());
SQL
pgbench_report=$(pgbench -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -n -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_TIME" \
	-f target/bench/insert.sql "$BENCH_DB" 2>&1)
echo "$pgbench_report" >&2
pg_tps=$(awk '/^tps = / { printf "%.0f", $3 }' <<<"$pgbench_report")
pg_latency=$(awk '/^latency average = / { print $4 " " $5 }' <<<"$pgbench_report")
psql_bench -c "drop table bench_signatures"
}
