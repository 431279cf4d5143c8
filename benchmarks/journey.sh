#!/usr/bin/env bash
# The pages of the journey from finding to signing, under load, beside the home page in
# the same run: a campaign's page (where a viral share lands), the campaigns near a ZIP and
# search results. Two instances on one PostgreSQL database loaded with ICE's shared sheets;
# wrk loads the first while signatures are confirmed on it all along, and a probe measures
# how old the count each instance's campaign page shows is. Results go to
# benchmarks/results/journey.txt. See benchmarks/README.md.
#
# Settings (environment):
#   ENDPOINTS="home campaign campaigns search"   what to measure, in this order
#   SLUG=nc-gaston-county-sheriffs-office ZIP=28052 QUERY="Gastonia NC"
#   DURATION=30s WARMUP=60s CONNECTIONS=32 THREADS=2 ACCEPT_ENCODING=gzip
#   LIGHTHOUSE=1           also Lighthouse's mobile performance score of the campaign page
#                          (installed from the npm registry into target/bench on first use)
#   BENCH_DB=end287g_bench_journey  PGHOST=127.0.0.1  PGPORT=5432  PGUSER=postgres
#   SHEETS=../shared/data/ice-287g  JAVA_OPTS=...  OUT=benchmarks/results/journey.txt
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=journey.sh
. benchmarks/lib.sh
wrk_settings end287g_bench_journey benchmarks/results/journey.txt
ENDPOINTS=${ENDPOINTS:-"home campaign campaigns search"}
SLUG=${SLUG:-nc-gaston-county-sheriffs-office}
ZIP=${ZIP:-28052}
QUERY=${QUERY:-Gastonia NC}
# Targets (issue "Journey"): p99 under 50 ms; the campaign page at least half the home
# page's throughput; its count at most 2 s old on every instance; under 30 KB gzipped.
declare -A TARGET_P99_MS=([home]=50 [campaign]=50 [campaigns]=50 [search]=50)
declare -A PATHS=([home]="/" [campaign]="/campaigns/$SLUG" [campaigns]="/campaigns?zip=$ZIP"
	[search]="/search?q=${QUERY// /+}")
declare -A SCRIPTS=()
MAX_COUNT_AGE_MS=2000
MAX_CAMPAIGN_KB=30

require wrk wrk
require psql postgresql-client
require curl curl
ensure_jar
fresh_database

mkdir -p "$(dirname "$OUT")"
APP_LOG=$(mktemp /tmp/end287g-journey-bench.XXXXXX.log)
WORK=$(mktemp -d /tmp/end287g-journey.XXXXXX)
PIDS=()
MOVER=""
stop_all() {
	[ -z "$MOVER" ] || kill "$MOVER" 2>/dev/null || true
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

import_sheets

# Two instances alike; signatures are confirmed at once (the test-mode switch), so the
# count moves with every signature; X-Forwarded-For from loopback is trusted, as behind a
# load balancer, so each probe signature comes from an address of its own.
OPTIONS=(--end287g.campaigns.confirm-without-mail=true --server.forward-headers-strategy=native)
start_app "${OPTIONS[@]}"
PIDS+=("$APP_PID")
FIRST=$BASE
start_app "${OPTIONS[@]}"
PIDS+=("$APP_PID")
SECOND=$BASE
APP_PID=${PIDS[0]}
BASE=$FIRST

CAMPAIGN_ID=$(psql_bench -c "select id from campaigns where slug = '$SLUG'")
[ -n "$CAMPAIGN_ID" ] || die "no campaign $SLUG after the import, see $APP_LOG"
# A goal out of reach: the page's progress bar then shows the count itself.
psql_bench -c "update campaigns set goal = 100000000 where id = $CAMPAIGN_ID"

# The count a campaign page shows: its progress bar's value.
shown_count() {
	curl -s "$1/campaigns/$SLUG" | grep -o '<progress[^>]*>' | head -1 | sed -n 's/.*value="\([0-9]*\)".*/\1/p'
}
# Signs on the first instance every 200 ms, then polls both instances' campaign pages until
# they show the new count; writes each instance's delay in milliseconds to $WORK/lag.*.
move_count() {
	local i=0 status expected started seen shown
	csrf_from "$FIRST/campaigns/$SLUG"
	while :; do
		i=$((i + 1))
		status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $BENCH_COOKIE" \
			-H "X-Forwarded-For: 10.77.$((i / 250 % 250)).$((i % 250 + 1))" \
			-d "firstName=Ana&lastName=Garc%C3%ADa&zip=$ZIP&comment=&email=journey-$i%40bench.example.org&_csrf=$CSRF_TOKEN" \
			"$FIRST/campaigns/$SLUG/sign")
		if [ "$status" = 303 ]; then
			started=$(date +%s%N)
			expected=$(psql_bench -c "select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = $CAMPAIGN_ID")
			for instance in first second; do
				[ "$instance" = first ] && base=$FIRST || base=$SECOND
				while :; do
					shown=$(shown_count "$base")
					seen=$(date +%s%N)
					if [ "${shown:-0}" -ge "$expected" ] || [ $(((seen - started) / 1000000)) -gt 10000 ]; then break; fi
					sleep 0.05
				done
				echo $(((seen - started) / 1000000)) >>"$WORK/lag.$instance"
			done
		else
			echo "$status" >>"$WORK/refused"
		fi
		sleep 0.2
	done
}

for endpoint in $ENDPOINTS; do
	[ -n "${PATHS[$endpoint]:-}" ] || die "unknown endpoint '$endpoint' (known: ${!PATHS[*]})"
done
# The second instance takes no load of its own here; behind a load balancer it would take
# half. Warmed like the first during the first warm-up, its campaign page is compiled code
# when the probe reads it, as on a real second instance.
wrk -t1 -c8 -d"$WARMUP" "${HEADERS[@]}" "$SECOND/campaigns/$SLUG" >/dev/null &
move_count &
MOVER=$!
count_before=$(psql_bench -c "select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = $CAMPAIGN_ID")
RESULTS=""
VERDICT=0
declare -A RPS=()
for endpoint in $ENDPOINTS; do
	measure "$endpoint"
	RPS[$endpoint]=$(awk -v name="$endpoint" '$1 == name { print $4 }' <<<"$RESULTS" | tail -1)
done
kill "$MOVER" 2>/dev/null || true
wait "$MOVER" 2>/dev/null || true
MOVER=""
count_after=$(psql_bench -c "select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = $CAMPAIGN_ID")

# The age of the count: the largest and the median delay seen on each instance.
lag_line() {
	[ -s "$WORK/lag.$1" ] || { echo "no probe"; VERDICT=1; return; }
	sort -n "$WORK/lag.$1" | awk -v target="$MAX_COUNT_AGE_MS" '{ v[NR] = $1 } END {
		printf "%d probes, median %d ms, 99th %d ms, max %d ms (target max < %d ms: %s)", NR, v[int((NR + 1) / 2)],
			v[int(NR * 0.99 + 0.5)], v[NR], target, (v[NR] < target) ? "meets" : "MISSES" }'
	awk -v target="$MAX_COUNT_AGE_MS" '$1 >= target { bad = 1 } END { exit bad }' "$WORK/lag.$1" || VERDICT=1
}
first_lag=$(lag_line first)
second_lag=$(lag_line second)

gzipped_kb() { curl -s -H 'Accept-Encoding: gzip' "$FIRST$1" | wc -c | awk '{ printf "%.1f", $1 / 1024 }'; }
campaign_kb=$(gzipped_kb "/campaigns/$SLUG")
home_kb=$(gzipped_kb "/")
awk -v a="$campaign_kb" -v b="$MAX_CAMPAIGN_KB" 'BEGIN { exit !(a < b) }' && weight="meets" || { weight="MISSES"; VERDICT=1; }
# Lighthouse (npm registry, driving Debian's chromium) on the campaign page, phone settings.
lighthouse_score="not measured (LIGHTHOUSE=0)"
if [ "${LIGHTHOUSE:-1}" = 1 ]; then
	if [ ! -x target/bench/lighthouse/node_modules/.bin/lighthouse ]; then
		require npm npm
		log "installing lighthouse from the npm registry"
		npm install --prefix target/bench/lighthouse --no-save --no-audit --no-fund lighthouse@12 >&2
	fi
	CHROME_PATH=/usr/bin/chromium target/bench/lighthouse/node_modules/.bin/lighthouse "$FIRST/campaigns/$SLUG" \
		--quiet --only-categories=performance --form-factor=mobile --output=json --output-path="$WORK/lighthouse.json" \
		--chrome-flags="--headless=new --no-sandbox --disable-gpu" >&2 || true
	lighthouse_score=$(node -e 'console.log(Math.round(require(process.argv[1]).categories.performance.score * 100))' \
		"$WORK/lighthouse.json" 2>/dev/null || true)
	[ "${lighthouse_score:-0}" = 100 ] && lighthouse_score="$lighthouse_score (target 100: meets)" \
		|| { lighthouse_score="${lighthouse_score:-failed} (target 100: MISSES)"; VERDICT=1; }
fi
ratio=""
if [ -n "${RPS[home]:-}" ] && [ -n "${RPS[campaign]:-}" ]; then
	ratio=$(awk -v c="${RPS[campaign]}" -v h="${RPS[home]}" 'BEGIN { printf "%.0f", 100 * c / h }')
	[ "$ratio" -ge 50 ] && share="meets" || { share="MISSES"; VERDICT=1; }
fi

{
	echo "end287g journey benchmark: the pages before a signature, beside the home page"
	describe_run
	echo "import:   ${import_seconds}$([ "$import_seconds" = skipped ] || echo ' s') of $SHEETS${import_summary:+ ($import_summary)}"
	echo "wrk:      $THREADS threads, $CONNECTIONS connections, $DURATION after a $WARMUP warm-up, Accept-Encoding: ${ACCEPT_ENCODING:-none}, on the first of two instances"
	echo "moving:   a signature confirmed on the first instance every ~0.2 s during the runs (count +$((count_after - count_before)))"
	echo
	printf '%s' "$RESULTS"
	echo
	[ -z "$ratio" ] || echo "campaign page throughput: ${ratio}% of the home page's (target at least 50%: $share)"
	echo "count shown on the campaign page, age after a confirmation: first instance $first_lag"
	echo "                                                            second instance $second_lag"
	echo "Lighthouse mobile performance, campaign page: $lighthouse_score"
	echo "page weight, gzipped: campaign page ${campaign_kb} KB (target under ${MAX_CAMPAIGN_KB} KB: $weight), home page ${home_kb} KB"
	[ ! -s "$WORK/refused" ] || echo "probe signatures refused: $(sort "$WORK/refused" | uniq -c | paste -sd, -)"
	echo "application memory after the runs: $(awk '/^VmRSS/ { printf "%.0f MB resident", $2 / 1024 }' "/proc/${PIDS[0]}/status")"
} | tee "$OUT"
exit "$VERDICT"
