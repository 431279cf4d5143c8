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
GREENMAIL_VERSION=2.1.13

NAME=signin.sh
. benchmarks/lib.sh
require wrk wrk
require psql postgresql-client
require curl curl
ensure_jar
fresh_database

GREENMAIL=target/bench/greenmail-standalone-$GREENMAIL_VERSION.jar
if [ ! -f "$GREENMAIL" ]; then
	log "fetching GreenMail $GREENMAIL_VERSION from Maven Central"
	./mvnw -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
		-DoutputDirectory=target/bench
fi

mkdir -p "$(dirname "$OUT")"
APP_LOG=$(mktemp /tmp/end287g-signin-bench.XXXXXX.log)
SMTP_PID=""
stop_all() {
	stop_app
	[ -z "$SMTP_PID" ] || kill "$SMTP_PID" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

SMTP_PORT=$(free_port)
POP3_PORT=$(free_port)
log "starting GreenMail: SMTP $SMTP_PORT, POP3 $POP3_PORT"
"$JAVA" -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.pop3.port="$POP3_PORT" \
	-Dgreenmail.auth.disabled -jar "$GREENMAIL" >"$APP_LOG.smtp" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 60); do
	(exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
	sleep 1
done

# Limits far above the load, so the figures are for the work, not for 429 pages.
start_app --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
	--end287g.accounts.bootstrap-admin="$EMAIL" \
	--end287g.rate-limits.sign-in.per-address=1000000000 --end287g.rate-limits.sign-in.per-email=1000000000

# A CSRF cookie and the masked token of the form, as a browser would have them.
JAR_FILE=$(mktemp)
TOKEN=$(curl -fsS -c "$JAR_FILE" "$BASE/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
COOKIE=$(awk '$6 == "XSRF-TOKEN" { print "XSRF-TOKEN=" $7 }' "$JAR_FILE")
rm -f "$JAR_FILE"
[ -n "$TOKEN" ] && [ -n "$COOKIE" ] || die "no CSRF token on /sign-in, see $APP_LOG"
export BENCH_COOKIE="$COOKIE"
export BENCH_BODY="email=$(printf '%s' "$EMAIL" | sed 's/@/%40/')&_csrf=$TOKEN"
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
received=$(curl -s --max-time 120 -u "$EMAIL:$EMAIL" -X STAT "pop3://127.0.0.1:$POP3_PORT/" -v 2>&1 |
	sed -n 's/^< +OK \([0-9]*\) .*/\1/p' | tail -1)
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
