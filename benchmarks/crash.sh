#!/usr/bin/env bash
# Crash test: signing under load with real confirmation mail (double opt-in, GreenMail as
# the SMTP server), the server killed with SIGKILL in the middle, then started again on the
# same database. Checks that every address that got a success response (303) has its
# signature and exactly one confirmation mail, and that no confirmation mail was lost or
# sent twice. Results go to benchmarks/results/crash.txt. See benchmarks/README.md.
#
# Settings (environment):
#   LOAD=20 KILL_AFTER=8 CONNECTIONS=4 DRAIN_TIMEOUT=300
#   BENCH_DB=end287g_bench_crash  PGHOST=127.0.0.1  PGPORT=5432  PGUSER=postgres
#   JAVA_OPTS=...  OUT=benchmarks/results/crash.txt
set -euo pipefail
cd "$(dirname "$0")/.."

LOAD=${LOAD:-20}
KILL_AFTER=${KILL_AFTER:-8}
CONNECTIONS=${CONNECTIONS:-4}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-300}
BENCH_DB=${BENCH_DB:-end287g_bench_crash}
OUT=${OUT:-benchmarks/results/crash.txt}

NAME=crash.sh
. benchmarks/lib.sh
require wrk wrk
require psql postgresql-client
require curl curl
ensure_jar
fresh_database

mkdir -p "$(dirname "$OUT")" target/bench
APP_LOG=$(mktemp /tmp/end287g-crash.XXXXXX.log)
SIGNED=target/bench/crash-signed
rm -f "$SIGNED".*
stop_all() {
	stop_app
	stop_greenmail
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_greenmail
# A short mail lease, so the messages the killed instance had claimed are sent soon after
# the restart; the application's own keys, the same after the restart.
APP_ARGS=(--spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" --end287g.mail.lease=15s
	--end287g.mail.poll-interval=500ms --end287g.crypto.keys-dir=target/bench/crash-keys
	--server.forward-headers-strategy=native)
rm -rf target/bench/crash-keys
start_app "${APP_ARGS[@]}"
SLUG=$(psql_bench -c "select slug from campaigns order by id limit 1")
CAMPAIGN_ID=$(psql_bench -c "select id from campaigns where slug = '$SLUG'")
psql_bench -c "update campaigns set goal = 100000000 where id = $CAMPAIGN_ID"
csrf_from "$BASE/campaigns/$SLUG"
export BENCH_PATH="/campaigns/$SLUG/sign"
export BENCH_BODY="firstName=Ana&lastName=Garc%C3%ADa&zip=28052&comment=&_csrf=$CSRF_TOKEN"

# One connection per thread: every response answers its thread's last request, so the
# script logs exactly the addresses that got a 303.
log "signing for ${LOAD}s, SIGKILL after ${KILL_AFTER}s"
BENCH_PREFIX=crash SIGNED_LOG="$SIGNED" wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${LOAD}s" \
	-s benchmarks/sign.lua "$BASE" >target/bench/crash-wrk.txt 2>&1 &
WRK_PID=$!
sleep "$KILL_AFTER"
kill -KILL "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
killed_at=$(date -u +%H:%M:%S)
APP_PID=""
sending_at_kill=$(psql_bench -c "select count(*) from mail_outbox where status = 'SENDING'")
wait "$WRK_PID" || true
cat target/bench/crash-wrk.txt >&2

log "restarting on the same database"
restart_port=$PORT
"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$restart_port" "${APP_ARGS[@]}" >>"$APP_LOG" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
	curl -fsS -o /dev/null "$BASE/actuator/health" 2>/dev/null && break
	sleep 1
done

log "waiting for the outbox to drain"
for _ in $(seq 1 "$DRAIN_TIMEOUT"); do
	[ "$(psql_bench -c "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')")" = 0 ] && break
	sleep 1
done

cat "$SIGNED".* | sort -u >"$SIGNED"
successes=$(wc -l <"$SIGNED")
read -r rows mails sent failed pending < <(psql_bench -F ' ' -c "select
	(select count(*) from signatures where campaign_id = $CAMPAIGN_ID),
	(select count(*) from mail_outbox where template = 'signature-confirm'),
	(select count(*) from mail_outbox where template = 'signature-confirm' and status = 'SENT'),
	(select count(*) from mail_outbox where template = 'signature-confirm' and status = 'FAILED'),
	(select count(*) from mail_outbox where template = 'signature-confirm' and status in ('PENDING', 'SENDING'))")

log "reading $successes mailboxes"
export POP3_PORT
export -f mailbox_size
xargs -P 8 -I '{}' bash -c 'echo "$(mailbox_size "{}")"' <"$SIGNED" >target/bench/crash-mailboxes
missing=$(awk '$1 == "" || $1 == 0' target/bench/crash-mailboxes | wc -l)
twice=$(awk '$1 > 1' target/bench/crash-mailboxes | wc -l)
verdict=$([ "$missing" = 0 ] && [ "$twice" = 0 ] && [ "$rows" = "$mails" ] && [ "$mails" = "$sent" ] && echo passed || echo FAILED)

{
	echo "end287g crash test (SIGKILL during signing)"
	describe_run
	echo "smtp:     GreenMail $GREENMAIL_VERSION standalone on 127.0.0.1"
	echo "load:     wrk, $CONNECTIONS connections for ${LOAD}s; SIGKILL after ${KILL_AFTER}s ($killed_at), restart on the same database"
	echo
	printf 'success responses (303)                %s distinct addresses\n' "$successes"
	printf 'signature rows after the restart       %s (may exceed the successes by the requests in flight at the kill)\n' "$rows"
	printf 'confirmation mails in the outbox       %s: %s sent, %s failed, %s waiting; %s were being sent at the kill\n' \
		"$mails" "$sent" "$failed" "$pending" "$sending_at_kill"
	printf 'successful addresses without a mail    %s\n' "$missing"
	printf 'successful addresses with two or more  %s\n' "$twice"
	printf 'verdict                                %s\n' "$verdict"
} | tee "$OUT"
[ "$verdict" = passed ]
