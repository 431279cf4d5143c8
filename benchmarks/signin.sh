#!/usr/bin/env bash
# Sign-in and mail benchmark: POST /sign-in for an existing account, the most expensive
# public form (validation, two rate-limit buckets in the database, blind index, account
# lookup, a one-time token, a rendered and encrypted mail in the outbox, an audit entry,
# all in one transaction), then the outbox worker draining every queued message to a real
# SMTP server (GreenMail standalone, from Maven Central). Results go to
# benchmarks/results/signin.txt. See benchmarks/README.md.
#
# Settings (environment):
#   DURATION=30s WARMUP=30s CONNECTIONS=16 THREADS=2 DRAIN_TIMEOUT=600
#   BENCH_DB=end287g_bench_signin  PGHOST=127.0.0.1  PGPORT=5432  PGUSER=postgres
#   JAVA_OPTS=...  OUT=benchmarks/results/signin.txt
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-600}
BENCH_DB=${BENCH_DB:-end287g_bench_signin}
OUT=${OUT:-benchmarks/results/signin.txt}
EMAIL=bench.admin@example.org

NAME=signin.sh
. benchmarks/lib.sh
require wrk wrk
require psql postgresql-client
require curl curl
ensure_jar
fresh_database

mkdir -p "$(dirname "$OUT")"
APP_LOG=$(mktemp /tmp/end287g-signin-bench.XXXXXX.log)
stop_all() {
	stop_app
	stop_greenmail
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_greenmail

# Limits far above the load, so the figures are for the work, not for 429 pages.
start_app --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
	--end287g.accounts.bootstrap-admin="$EMAIL" \
	--end287g.rate-limits.sign-in.per-address=1000000000 --end287g.rate-limits.sign-in.per-email=1000000000

csrf_from "$BASE/sign-in"
export BENCH_BODY="email=$(printf '%s' "$EMAIL" | sed 's/@/%40/')&_csrf=$CSRF_TOKEN"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $BENCH_COOKIE" -d "$BENCH_BODY" "$BASE/sign-in")
[ "$status" = 200 ] || die "POST /sign-in answered $status, not 200 (see $APP_LOG)"

log "warm-up ($WARMUP)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s benchmarks/signin.lua "$BASE/sign-in" >/dev/null
queued_before=$(psql_bench -c "select count(*) from mail_outbox")
log "measuring ($DURATION)"
report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benchmarks/signin.lua "$BASE/sign-in")
echo "$report" >&2
load_ended=$(date +%s.%N)
rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$report")
p50=$(awk '$1 == "50%" { print $2 }' <<<"$report")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$report")
requests=$(awk '/requests in/ { print $1 }' <<<"$report")
errors=$(awk -F': *' '/Non-2xx or 3xx responses|Socket errors/ { print $0 }' <<<"$report" | paste -sd';' -)
queued=$(( $(psql_bench -c "select count(*) from mail_outbox") - queued_before ))

log "waiting for the outbox to drain"
waiting=""
for _ in $(seq 1 "$DRAIN_TIMEOUT"); do
	waiting=$(psql_bench -c "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')")
	[ "$waiting" = 0 ] && break
	sleep 1
done
drained=$(awk -v a="$load_ended" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
read -r sent failed send_seconds < <(psql_bench -F ' ' -c "select count(*) filter (where status = 'SENT'),
	count(*) filter (where status = 'FAILED'),
	round(extract(epoch from max(sent_at) - min(sent_at))::numeric, 1) from mail_outbox")
send_rate=$(awk -v n="$sent" -v s="$send_seconds" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
# What the SMTP server holds for the account's address: exactly one message per SENT row.
received=$(mailbox_size "$EMAIL")
outbox_health=$(curl -s "$BASE/actuator/health")

{
	echo "end287g sign-in and mail benchmark"
	describe_run
	echo "smtp:     GreenMail $GREENMAIL_VERSION standalone on 127.0.0.1"
	echo "wrk:      $THREADS threads, $CONNECTIONS connections, $DURATION after a $WARMUP warm-up"
	echo
	printf 'POST /sign-in (known address, one mail each)  %s req/s   p50 %s   p99 %s   %s requests%s\n' \
		"$rps" "$p50" "$p99" "$requests" "${errors:+   errors: $errors}"
	printf 'mail queued in the measured window            %s for %s completed requests (wrk does not count the %s requests in flight when it stops)\n' \
		"$queued" "$requests" "$CONNECTIONS"
	printf 'outbox after the load                         drained in %s s (%s still waiting), %s sent, %s failed\n' \
		"$drained" "${waiting:-?}" "$sent" "$failed"
	printf 'worker send rate (one instance, SMTP)         %s mails/s over %s s\n' "$send_rate" "$send_seconds"
	printf 'received by the SMTP server                   %s (sent rows: %s)\n' "${received:-?}" "$sent"
	printf 'health after the run                          %s\n' "$outbox_health"
} | tee "$OUT"
