#!/usr/bin/env bash
# Signing benchmark: POST /campaigns/{slug}/sign on PostgreSQL, every request a new person
# (validation, rate-limit buckets, supporter, signature, count), with the test-mode switch
# that confirms at once (end287g.campaigns.confirm-without-mail), so every success is a
# confirmed signature. In the same run, pgbench inserts comparable one-row signatures
# straight into PostgreSQL: the physical bound of this machine. Afterwards the rows are
# counted against the successes wrk saw. Results go to benchmarks/results/signing.txt.
# See benchmarks/README.md.
#
# Settings (environment):
#   DURATION=60s WARMUP=30s CONNECTIONS=32 THREADS=2 PGBENCH_CLIENTS=32 PGBENCH_TIME=30
#   BENCH_DB=end287g_bench_sign  PGHOST=127.0.0.1  PGPORT=5432  PGUSER=postgres
#   JAVA_OPTS=...  OUT=benchmarks/results/signing.txt
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-32}
PGBENCH_TIME=${PGBENCH_TIME:-30}
BENCH_DB=${BENCH_DB:-end287g_bench_sign}
OUT=${OUT:-benchmarks/results/signing.txt}
TARGET_RATE=2000
TARGET_P99_MS=100

NAME=signing.sh
. benchmarks/lib.sh
require wrk wrk
require psql postgresql-client
require pgbench postgresql-client
require curl curl
ensure_jar
fresh_database

mkdir -p "$(dirname "$OUT")" target/bench
APP_LOG=$(mktemp /tmp/end287g-signing-bench.XXXXXX.log)
trap stop_app EXIT
trap 'exit 130' INT TERM

# 1. The physical bound: pgbench, one-row inserts into a table shaped like signatures
#    (sealed values as bytea, a unique key per campaign), each insert its own transaction.
log "pgbench: $PGBENCH_CLIENTS clients, one-row inserts for ${PGBENCH_TIME}s"
pgbench_signature_bound

# 2. The application, trusting X-Forwarded-For from loopback like behind a load balancer,
#    with its ordinary rate limits (each request comes from a different address).
start_app --end287g.campaigns.confirm-without-mail=true --server.forward-headers-strategy=native \
	--end287g.campaigns.count-max-age=1s
SLUG=$(psql_bench -c "select slug from campaigns order by id limit 1")
[ -n "$SLUG" ] || die "no campaign in the database, see $APP_LOG"
CAMPAIGN_ID=$(psql_bench -c "select id from campaigns where slug = '$SLUG'")
# A goal out of reach, so the run measures signing, not the goal-reached mail.
psql_bench -c "update campaigns set goal = 100000000 where id = $CAMPAIGN_ID"

csrf_from "$BASE/campaigns/$SLUG"
export BENCH_PATH="/campaigns/$SLUG/sign"
export BENCH_BODY="firstName=Ana&lastName=Garc%C3%ADa&zip=28052&comment=&showPublicly=true&campaignUpdates=true&_csrf=$CSRF_TOKEN"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $BENCH_COOKIE" -H "X-Forwarded-For: 192.0.2.1" \
	-d "$BENCH_BODY&email=probe%40bench.example.org" "$BASE$BENCH_PATH")
[ "$status" = 303 ] || die "POST $BENCH_PATH answered $status, not 303 (see $APP_LOG)"

count() { psql_bench -F ' ' -c "select (select count(*) from signatures where campaign_id = $CAMPAIGN_ID),
	(select count(*) from signatures where campaign_id = $CAMPAIGN_ID and confirmed_at is not null),
	(select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = $CAMPAIGN_ID)"; }

log "warm-up ($WARMUP)"
BENCH_PREFIX=warm wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s benchmarks/sign.lua "$BASE" >/dev/null
sleep 2
read -r rows_before confirmed_before counted_before < <(count)
log "measuring ($DURATION)"
cpu_before=$(cpu_snapshot)
report=$(BENCH_PREFIX=run wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benchmarks/sign.lua "$BASE")
cpu_after=$(cpu_snapshot)
echo "$report" >&2
sleep 2
read -r rows_after confirmed_after counted_after < <(count)
rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$report")
p50=$(awk '$1 == "50%" { print $2 }' <<<"$report")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$report")
signed=$(awk '/^signed \(303\):/ { print $3 }' <<<"$report")
refused=$(awk '/^refused/ { print $4 }' <<<"$report")
errors=$(awk '/Socket errors/ { print }' <<<"$report")
rows=$((rows_after - rows_before))
confirmed=$((confirmed_after - confirmed_before))
counted=$((counted_after - counted_before))
duplicates=$(psql_bench -c "select count(*) from (select email_key from signatures where email_key is not null
	group by campaign_id, email_key having count(*) > 1) d")
shown=$(curl -fsS "$BASE/api/v1/campaigns/$SLUG" | sed -n 's/.*"signatures":\([0-9]*\).*/\1/p')
p99_ms=$(to_ms "$p99")
verdict=$(awk -v r="$rps" -v p="$p99_ms" -v f="$refused" -v tr="$TARGET_RATE" -v tp="$TARGET_P99_MS" \
	'BEGIN { print (r >= tr && p < tp && f == 0) ? "met" : "MISSED" }')

{
	echo "end287g signing benchmark"
	describe_run
	echo "wrk:      $THREADS threads, $CONNECTIONS connections, $DURATION after a $WARMUP warm-up"
	echo
	printf 'pgbench one-row insert (bound)   %s tps with %s clients, latency average %s\n' "$pg_tps" "$PGBENCH_CLIENTS" "$pg_latency"
	printf 'POST /campaigns/{slug}/sign      %s signatures/s   p50 %s   p99 %s   target %s/s, p99 < %s ms: %s\n' \
		"$rps" "$p50" "$p99" "$TARGET_RATE" "$TARGET_P99_MS" "$verdict"
	printf 'responses                        %s signed (303), %s refused%s\n' "$signed" "$refused" "${errors:+, $errors}"
	printf 'rows written in the window       %s signatures, %s confirmed, count +%s (wrk does not see the up to %s requests in flight when it stops)\n' \
		"$rows" "$confirmed" "$counted" "$CONNECTIONS"
	printf 'duplicate signatures             %s\n' "$duplicates"
	printf 'count shown by the API           %s (rows confirmed in all: %s)\n' "$shown" "$confirmed_after"
	printf 'CPU while measuring              %s of %s\n' "$(cpu_shares "$cpu_before" "$cpu_after")" "$(nproc)"
	printf 'share of the pgbench bound       %s%%\n' "$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b }')"
} | tee "$OUT"
