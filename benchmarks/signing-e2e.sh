#!/usr/bin/env bash
# End-to-end signing benchmark: double opt-in as a signer lives it. Every request a new
# person signs (POST /campaigns/{slug}/sign, the test-mode switch off), the confirmation
# mail goes through the outbox to a local SMTP server that hands the link to the load
# generator, which follows it (the page, then its button) and confirms. Reports confirmed
# signatures per second, the time from signing to the mail (confirmable) and to confirmed
# (p50, p99), and checks that nothing was lost or doubled (rows = mails = confirmations).
# pgbench's one-row insert bound is measured in the same run. The load generator and the
# SMTP server are benchmarks/SigningE2e.java (JDK only). Results go to
# benchmarks/results/signing-e2e.txt. See benchmarks/README.md.
#
# Settings (environment):
#   DURATION=60 (seconds of signing) WARMUP=30 (seconds of signing first, drained, not counted)
#   CONNECTIONS=32 (signers at once) DRAIN_TIMEOUT=300
#   MAIL_CONNECTIONS=8 (the outbox's SMTP connections) PGBENCH_CLIENTS=32 PGBENCH_TIME=30
#   BENCH_DB=end287g_bench_e2e  PGHOST=127.0.0.1  PGPORT=5432  PGUSER=postgres
#   JAVA_OPTS=...  OUT=benchmarks/results/signing-e2e.txt
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-300}
MAIL_CONNECTIONS=${MAIL_CONNECTIONS:-8}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-32}
PGBENCH_TIME=${PGBENCH_TIME:-30}
BENCH_DB=${BENCH_DB:-end287g_bench_e2e}
OUT=${OUT:-benchmarks/results/signing-e2e.txt}
TARGET_RATE=1000
TARGET_P99_S=10

NAME=signing-e2e.sh
. benchmarks/lib.sh
require psql postgresql-client
require pgbench postgresql-client
require curl curl
ensure_jar
fresh_database

mkdir -p "$(dirname "$OUT")" target/bench
APP_LOG=$(mktemp /tmp/end287g-signing-e2e.XXXXXX.log)
trap stop_app EXIT
trap 'exit 130' INT TERM

# 1. The physical bound, as signing.sh measures it: one-row inserts shaped like signatures.
log "pgbench: $PGBENCH_CLIENTS clients, one-row inserts for ${PGBENCH_TIME}s"
pgbench_signature_bound

# 2. The application with real double opt-in: mail to the load generator's SMTP server,
#    client addresses from X-Forwarded-For (as behind a load balancer), ordinary rate limits.
SMTP_PORT=$(free_port)
start_app --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
	--end287g.mail.connections="$MAIL_CONNECTIONS" --server.forward-headers-strategy=native \
	--end287g.campaigns.count-max-age=1s
# The first-start data (ICE's shipped sheets, then their campaigns) arrives after the health
# check turns UP: on a busy machine, some seconds later.
for _ in $(seq 1 120); do
	SLUG=$(psql_bench -c "select slug from campaigns order by id limit 1")
	[ -z "$SLUG" ] || break
	sleep 1
done
[ -n "$SLUG" ] || die "no campaign in the database, see $APP_LOG"
CAMPAIGN_ID=$(psql_bench -c "select id from campaigns where slug = '$SLUG'")
# A goal out of reach, so the run measures signing and confirming, not the goal-reached mail.
psql_bench -c "update campaigns set goal = 100000000 where id = $CAMPAIGN_ID"
csrf_from "$BASE/campaigns/$SLUG"

# The JIT needs load to settle: a warm-up run of the same kind, drained before the measured one.
generate() { # seconds
	"$JAVA" benchmarks/SigningE2e.java "$BASE" "$SLUG" "$BENCH_COOKIE" "$CSRF_TOKEN" "$SMTP_PORT" \
		"$1" "$CONNECTIONS" "$DRAIN_TIMEOUT"
}
if [ "$WARMUP" -gt 0 ]; then
	log "warm-up: signing and confirming for ${WARMUP}s"
	generate "$WARMUP" >/dev/null
fi
read -r rows_before confirmed_before counted_before sent_before < <(psql_bench -F ' ' -c "select
	(select count(*) from signatures where campaign_id = $CAMPAIGN_ID),
	(select count(*) from signatures where campaign_id = $CAMPAIGN_ID and confirmed_at is not null),
	(select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = $CAMPAIGN_ID),
	(select count(*) from mail_outbox where template = 'signature-confirm' and status = 'SENT')")

log "signing for ${DURATION}s with $CONNECTIONS signers at once, confirming from the mail"
cpu_before=$(cpu_snapshot)
report=$(generate "$DURATION")
cpu_after=$(cpu_snapshot)
echo "$report" >&2
get() { awk -v k="$1" '$1 == k { print $2 }' <<<"$report"; }

read -r rows confirmed_rows counted < <(psql_bench -F ' ' -c "select
	(select count(*) from signatures where campaign_id = $CAMPAIGN_ID),
	(select count(*) from signatures where campaign_id = $CAMPAIGN_ID and confirmed_at is not null),
	(select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = $CAMPAIGN_ID)")
rows=$((rows - rows_before))
confirmed_rows=$((confirmed_rows - confirmed_before))
counted=$((counted - counted_before))
read -r sent_rows waiting_rows failed_rows < <(psql_bench -F ' ' -c "select
	count(*) filter (where status = 'SENT'), count(*) filter (where status in ('PENDING', 'SENDING')),
	count(*) filter (where status not in ('SENT', 'PENDING', 'SENDING')) from mail_outbox where template = 'signature-confirm'")
sent_rows=$((sent_rows - sent_before))
duplicates=$(psql_bench -c "select count(*) from (select email_key from signatures where email_key is not null
	group by campaign_id, email_key having count(*) > 1) d")

signed=$(get signed)
mails=$(get mails)
confirmed=$(get confirmed)
rate=$(get confirmed_rate_all)
p99=$(get confirmed_p99_s)
mail_p99=$(get mail_p99_s)
exact=$([ "$rows" = "$signed" ] && [ "$mails" = "$signed" ] && [ "$confirmed" = "$signed" ] \
	&& [ "$confirmed_rows" = "$signed" ] && [ "$sent_rows" = "$signed" ] && [ "$(get mail_doubles)" = 0 ] \
	&& [ "$duplicates" = 0 ] && echo yes || echo NO)
verdict=$(awk -v r="$rate" -v p="$mail_p99" -v tr="$TARGET_RATE" -v tp="$TARGET_P99_S" -v e="$exact" \
	'BEGIN { print (r >= tr && p < tp && e == "yes") ? "met" : "MISSED" }')

{
	echo "end287g end-to-end signing benchmark (double opt-in with real mail)"
	describe_run
	echo "load:     $CONNECTIONS signers at once for ${DURATION}s after a ${WARMUP}s warm-up, each request a new person; the generator's SMTP server"
	echo "          (benchmarks/SigningE2e.java) follows every confirmation link: GET the page, POST its button"
	echo "outbox:   one instance, $MAIL_CONNECTIONS SMTP connections"
	echo
	printf 'pgbench one-row insert (bound)   %s tps with %s clients, latency average %s\n' "$pg_tps" "$PGBENCH_CLIENTS" "$pg_latency"
	printf 'signing (POST .../sign)          %s signatures/s while signing   p50 %s ms   p99 %s ms   %s refused, %s errors\n' \
		"$(get sign_rate)" "$(get sign_p50_ms)" "$(get sign_p99_ms)" "$(get refused)" "$(get errors)"
	printf 'confirmed signatures             %s/s from the first signature to the last confirmation (%s in %s s); %s/s during the %s s of signing\n' \
		"$rate" "$confirmed" "$(get all_seconds)" "$(get confirmed_rate_load)" "$(get load_seconds)"
	printf 'signing to confirmable (mail)    p50 %s s   p99 %s s\n' "$(get mail_p50_s)" "$mail_p99"
	printf 'signing to confirmed             p50 %s s   p99 %s s\n' "$(get confirmed_p50_s)" "$p99"
	printf 'target                           >= %s confirmed/s, p99 signing to confirmable < %s s, nothing lost or doubled: %s\n' \
		"$TARGET_RATE" "$TARGET_P99_S" "$verdict"
	printf 'rows = mails = confirmations     %s signed (303); rows %s (%s confirmed, count %s); mails %s received (%s doubled, %s never arrived), outbox %s sent, %s waiting, %s other; %s confirmed by the generator (%s failed): %s\n' \
		"$signed" "$rows" "$confirmed_rows" "$counted" "$mails" "$(get mail_doubles)" "$(get mail_lost)" \
		"$sent_rows" "$waiting_rows" "$failed_rows" "$confirmed" "$(get confirm_failures)" "$exact"
	printf 'duplicate signatures             %s\n' "$duplicates"
	printf 'SMTP sessions                    %s; the outbox drained %s s after the signing stopped\n' "$(get smtp_sessions)" "$(get drain_seconds)"
	printf 'CPU over the measured run        %s of %s; the load generator alone %s\n' "$(cpu_shares "$cpu_before" "$cpu_after")" "$(nproc)" "$(get generator_cores)"
	printf 'machine load (1 min) afterwards  %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
	printf 'share of the pgbench bound       %s%% (confirmed signatures/s)\n' "$(awk -v a="$rate" -v b="$pg_tps" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b }')"
} | tee "$OUT"
[ "$verdict" = met ]
