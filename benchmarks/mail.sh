#!/usr/bin/env bash
# Mail pipeline benchmark: how fast one instance's outbox empties a backlog on a viral day.
# Fills the outbox with MESSAGES messages (one in URGENT_EVERY a sign-in link, the rest
# campaign updates), starts one instance and lets its worker send them all to Postfix's
# smtp-sink (a real SMTP server that accepts and drops everything, the fastest there is,
# so the figure is the outbox's), then measures mails/s and how long until every urgent
# message was out. With SINGLE_MESSAGES > 0 the same run follows over one SMTP connection
# (end287g.mail.connections=1), as the outbox sent before. Results go to
# benchmarks/results/mail.txt. See benchmarks/README.md.
#
# Settings (environment):
#   MESSAGES=50000 URGENT_EVERY=5 CONNECTIONS=8 SINGLE_MESSAGES=10000 DRAIN_TIMEOUT=900
#   SINK_PORT=first free of 25840-25849  BENCH_DB=end287g_bench_mail
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres  JAVA_OPTS=...  OUT=benchmarks/results/mail.txt
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-50000}
URGENT_EVERY=${URGENT_EVERY:-5}
CONNECTIONS=${CONNECTIONS:-8}
SINGLE_MESSAGES=${SINGLE_MESSAGES:-10000}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-900}
BENCH_DB=${BENCH_DB:-end287g_bench_mail}
OUT=${OUT:-benchmarks/results/mail.txt}
TARGET=1000
EMAIL=bench.admin@example.org

NAME=mail.sh
. benchmarks/lib.sh
require psql postgresql-client
require curl curl

# Only Postfix's smtp-sink binary is used. Installing the package must not leave a Postfix
# daemon on port 25: "No configuration" leaves it unconfigured, and a running one is stopped.
sink_binary() {
	for candidate in /usr/sbin/smtp-sink /usr/lib/postfix/sbin/smtp-sink; do
		if [ -x "$candidate" ]; then echo "$candidate"; return; fi
	done
}
SINK=$(sink_binary)
if [ -z "$SINK" ]; then
	[ "$(id -u)" = 0 ] || die "smtp-sink is missing: apt-get install -y postfix (as root)"
	log "installing postfix for its smtp-sink (no mail system configured, no daemon kept)"
	echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix >&2
	SINK=$(sink_binary)
	[ -n "$SINK" ] || die "postfix installed but no smtp-sink binary found"
fi
if command -v postfix >/dev/null && postfix status >/dev/null 2>&1; then
	log "stopping the Postfix daemon the package started"
	postfix stop >&2 || true
fi

ensure_jar
fresh_database
mkdir -p "$(dirname "$OUT")"
APP_LOG=$(mktemp /tmp/end287g-mail-bench.XXXXXX.log)

SINK_PID=""
SINK_LOG="$APP_LOG.sink"
start_sink() {
	if [ -z "${SINK_PORT:-}" ]; then
		for port in $(seq 25840 25849); do
			if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then SINK_PORT=$port; break; fi
		done
	fi
	[ -n "${SINK_PORT:-}" ] || die "no free port in 25840-25849 for smtp-sink (set SINK_PORT)"
	log "starting $SINK on 127.0.0.1:$SINK_PORT"
	# -c: counters of sessions and messages on its output; -u: drop root after binding
	"$SINK" -c -u nobody "127.0.0.1:$SINK_PORT" 256 >"$SINK_LOG" 2>&1 &
	SINK_PID=$!
	for _ in $(seq 1 20); do
		(exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && return
		sleep 0.5
	done
	die "smtp-sink did not start, see $SINK_LOG"
}
stop_sink() { [ -z "$SINK_PID" ] || kill "$SINK_PID" 2>/dev/null || true; }
# Messages smtp-sink received so far: the last "." counter it printed.
# ("sess=2 quit=2 mesg=4", rewritten in place with a carriage return).
sink_messages() { tr '\r' '\n' <"$SINK_LOG" | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1 | awk '{ n = $1 } END { print n + 0 }'; }
sink_sessions() { tr '\r' '\n' <"$SINK_LOG" | sed -n 's/.*sess=\([0-9]*\).*/\1/p' | tail -1 | awk '{ n = $1 } END { print n + 0 }'; }

stop_all() {
	stop_app
	stop_sink
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_sink
MAIL_ARGS=(--spring.mail.host=127.0.0.1 --spring.mail.port="$SINK_PORT")

# One real message, queued the way the site queues it (rendered, sealed), while the worker
# waits an hour between polls; the SQL below copies it into the backlog.
start_app "${MAIL_ARGS[@]}" --end287g.mail.poll-interval=1h --end287g.accounts.bootstrap-admin="$EMAIL"
csrf_from "$BASE/sign-in"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $BENCH_COOKIE" \
	-d "email=$(printf '%s' "$EMAIL" | sed 's/@/%40/')&_csrf=$CSRF_TOKEN" "$BASE/sign-in")
[ "$status" = 200 ] || die "POST /sign-in answered $status, not 200 (see $APP_LOG)"
[ "$(psql_bench -c "select count(*) from mail_outbox where status = 'PENDING'")" = 1 ] \
	|| die "no sign-in mail waiting in the outbox (see $APP_LOG)"
stop_app
# The original stays only as the pattern of the copies: never sent, never counted.
psql_bench -c "update mail_outbox set status = 'KEPT' where message_id not like '<bench-%'"

# The backlog: copies of that message, each with its own Message-ID; every URGENT_EVERY-th
# stays a sign-in link (urgent), the others become campaign updates (a category: the
# unsubscribe check and headers), all due now, in an order that puts the urgent ones last.
fill() { # count
	log "filling the outbox with $1 messages"
	psql_bench -c "delete from mail_outbox where message_id like '<bench-%'" \
		-c "insert into mail_outbox (message_id, recipient_index, recipient_sealed, language, template, category,
			subject_sealed, body_sealed, status, attempts, next_attempt_at, created_at, expires_at, priority)
		select '<bench-' || g || '@end287g>', o.recipient_index, o.recipient_sealed, o.language,
			case when g % $URGENT_EVERY = 0 then o.template else 'campaign-update' end,
			case when g % $URGENT_EVERY = 0 then null else 'campaign-updates' end,
			o.subject_sealed, o.body_sealed, 'PENDING', 0,
			now() - interval '1 hour' + g * interval '1 millisecond', now(), now() + interval '1 day',
			case when g % $URGENT_EVERY = 0 then 0 else 1 end
		from mail_outbox o, generate_series(1, $1) g where o.message_id not like '<bench-%'" \
		-c "vacuum analyze mail_outbox"
}

# Runs one instance with CONNECTIONS until the outbox is empty; sets the figures.
run() { # connections
	local before after sessions_before waiting=""
	before=$(sink_messages)
	sessions_before=$(sink_sessions)
	start_app "${MAIL_ARGS[@]}" --end287g.mail.connections="$1"
	local cpu_before
	cpu_before=$(cpu_snapshot)
	for _ in $(seq 1 "$DRAIN_TIMEOUT"); do
		waiting=$(psql_bench -c "select count(*) from mail_outbox where status in ('PENDING', 'SENDING') and message_id like '<bench-%'")
		[ "$waiting" = 0 ] && break
		sleep 1
	done
	cpu=$(cpu_shares "$cpu_before" "$(cpu_snapshot)")
	load=$(cut -d' ' -f1 /proc/loadavg)
	stop_app
	sleep 1
	after=$(sink_messages)
	received=$((after - before))
	sessions=$(($(sink_sessions) - sessions_before))
	still_waiting=$waiting
	read -r sent failed other seconds urgent_seconds < <(psql_bench -F ' ' -c "select
		count(*) filter (where status = 'SENT'), count(*) filter (where status = 'FAILED'),
		count(*) filter (where status not in ('SENT', 'FAILED')),
		round(extract(epoch from max(sent_at) - min(sent_at))::numeric, 1),
		round(extract(epoch from max(sent_at) filter (where priority = 0) - min(sent_at))::numeric, 1)
		from mail_outbox where message_id like '<bench-%'")
	rate=$(awk -v n="$sent" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
	urgent=$(psql_bench -c "select count(*) from mail_outbox where priority = 0 and message_id like '<bench-%'")
}

fill "$MESSAGES"
# The claim's plan on PostgreSQL: the index, in claim order, no sort of the queue.
plan=$(psql_bench -c "explain select id from mail_outbox where status = 'PENDING' and next_attempt_at <= now()
	and expires_at > now() order by priority, next_attempt_at, id limit 20 for update skip locked" | sed -n '3p' | sed 's/^ *-> *//')
log "sending $MESSAGES messages over $CONNECTIONS connections"
run "$CONNECTIONS"
main_line=$(printf '%-44s %6s mails/s over %s s   %s sent, %s failed, %s left; smtp-sink received %s in %s SMTP session(s)' \
	"one instance, $CONNECTIONS connections:" "$rate" "$seconds" "$sent" "$failed" "$other" "$received" "$sessions")
urgent_line=$(printf '%-44s %s s after the first mail (%s urgent among %s; the last mail at %s s)' \
	"all urgent mail out:" "$urgent_seconds" "$urgent" "$MESSAGES" "$seconds")
main_cpu=$cpu
main_load=$load
main_rate=$rate
main_ok=$([ "$sent" = "$MESSAGES" ] && [ "$received" = "$MESSAGES" ] && echo yes || echo no)

single_line=""
if [ "$SINGLE_MESSAGES" -gt 0 ]; then
	fill "$SINGLE_MESSAGES"
	log "sending $SINGLE_MESSAGES messages over 1 connection"
	run 1
	single_line=$(printf '%-44s %6s mails/s over %s s   %s sent, %s failed, %s left; smtp-sink received %s in %s SMTP session(s); all urgent out after %s s' \
		"one instance, 1 connection:" "$rate" "$seconds" "$sent" "$failed" "$other" "$received" "$sessions" "$urgent_seconds")
fi

verdict=$(awk -v r="$main_rate" -v t="$TARGET" 'BEGIN { print (r + 0 >= t) ? "meets" : "MISSES" }')
{
	echo "end287g mail pipeline benchmark"
	describe_run
	echo "smtp:     Postfix smtp-sink ($SINK, $(dpkg-query -W -f '${Version}' postfix 2>/dev/null || echo '?')) on 127.0.0.1:$SINK_PORT"
	echo "backlog:  $MESSAGES messages queued before the instance starts, 1 in $URGENT_EVERY a sign-in link (urgent), the rest campaign updates"
	echo
	echo "$main_line"
	echo "$urgent_line"
	[ -z "$single_line" ] || echo "$single_line"
	printf '%-44s %s\n' "before (results/signin.txt, GreenMail):" "91 mails/s, one connection at a time"
	printf '%-44s >= %s mails/s per instance on 2 cores: %s; every message sent and received once: %s\n' \
		"target:" "$TARGET" "$verdict" "$main_ok"
	printf '%-44s %s\n' "cores during the $CONNECTIONS-connection run:" "$main_cpu (smtp-sink in the rest)"
	printf '%-44s %s\n' "claim query plan (PostgreSQL):" "$plan"
	# On a machine shared with other work the rate is what this instance's share of the
	# cores gave; the cores its own work used tell what two cores of its own would give.
	awk -v r="$main_rate" -v c="$main_cpu" 'BEGIN {
		split(c, w, /[ ,]+/); app = 0; pg = 0
		for (i = 1; i <= length(w); i++) { if (w[i] == "application") app = w[i + 1]; if (w[i] == "PostgreSQL") pg = w[i + 1] }
		if (app + pg > 0) printf "%-44s %.0f mails/s per core used by the application and PostgreSQL together (%.2f + %.2f cores); with 2 cores of their own (the SMTP server aside), about %.0f mails/s\n", "per core:", r / (app + pg), app, pg, 2 * r / (app + pg)
	}'
	printf '%-44s %s\n' "machine load during the run (1 min):" "$main_load"
} | tee "$OUT"
[ "$verdict" = meets ] && [ "$main_ok" = yes ]
