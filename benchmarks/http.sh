#!/usr/bin/env bash
# HTTP benchmark: the app on a fresh PostgreSQL database loaded with ICE's shared sheets,
# measured with wrk. Results go to benchmarks/results/http.txt. See benchmarks/README.md.
#
# Settings (environment):
#   ENDPOINTS="near home"  which endpoints to measure (near: /api/v1/near rotating ZIPs, home: /,
#                          search: /search rotating what people type;
#                          a campaign's printed and shared files: share qr flyer handout, and
#                          sheet: signature sheets with random sheet numbers, so each is drawn anew;
#                          events: /events, ics: /events.ics, eventsapi: /api/v1/events, event: one
#                          event's page, over EVENTS published events written straight into the database)
#   EVENTS=200             how many events the event endpoints find
#   SKIP_IMPORT=1          do not import the sheets (the pages then show an empty tracker)
#   DURATION=30s WARMUP=60s CONNECTIONS=32 THREADS=2
#   BENCH_DB=end287g_bench_http  PGHOST=127.0.0.1  PGPORT=5432  PGUSER=postgres
#   SHEETS=../shared/data/ice-287g  JAVA_OPTS=...  OUT=benchmarks/results/http.txt
#   ACCEPT_ENCODING=gzip   sent like a browser would; empty to measure uncompressed responses
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=http.sh
. benchmarks/lib.sh
wrk_settings end287g_bench_http benchmarks/results/http.txt
ENDPOINTS=${ENDPOINTS:-"near home"}
# p99 targets in milliseconds (README.md).
declare -A TARGET_P99_MS=([near]=20 [home]=50 [search]=50 [share]=50 [qr]=50 [flyer]=50 [handout]=50 [sheet]=500
	[events]=100 [ics]=100 [eventsapi]=100 [event]=50)
declare -A PATHS=([near]="/api/v1/near?zip=28052" [home]="/" [search]="/search?q=Gastonia+NC" [share]="/share.png" [qr]="/qr.png"
	[flyer]="/flyer.pdf" [handout]="/handout.pdf" [sheet]="/signature-sheet.pdf"
	[events]="/events" [ics]="/events.ics" [eventsapi]="/api/v1/events" [event]="/events/bench-event-1")
declare -A SCRIPTS=([near]=benchmarks/near.lua [sheet]=benchmarks/sheet.lua [search]=benchmarks/search.lua)
CAMPAIGN_FILES="share qr flyer handout sheet"

require wrk wrk
require psql postgresql-client
require curl curl
ensure_jar
fresh_database

mkdir -p "$(dirname "$OUT")"
APP_LOG=$(mktemp /tmp/end287g-http-bench.XXXXXX.log)
trap stop_app EXIT
trap 'exit 130' INT TERM

import_sheets

start_app

# A campaign's files are under its page: the first campaign (the sample's, or the import's).
if grep -qwE "${CAMPAIGN_FILES// /|}" <<<"$ENDPOINTS"; then
	SLUG=$(psql_bench -c "select slug from campaigns order by id limit 1")
	[ -n "$SLUG" ] || die "no campaign in the database, see $APP_LOG"
	for file in $CAMPAIGN_FILES; do PATHS[$file]="/campaigns/$SLUG${PATHS[$file]}"; done
	export SHEET_PATH="${PATHS[sheet]}"
fi

# Published events, one in three in person in Gastonia, NC, the others online, an hour apart.
EVENTS=${EVENTS:-200}
if grep -qwE "events|ics|eventsapi|event" <<<"$ENDPOINTS"; then
	log "writing $EVENTS published events"
	psql_bench -c "insert into events (slug, title_en, title_es, description_en, description_es, kind, starts_at,
		ends_at, time_zone, capacity, venue, address, zip, state, address_public, status, sequence, created_by,
		created_at, updated_at, published_at)
		select 'bench-event-' || g, 'Know your rights, part ' || g, 'Conozca sus derechos, parte ' || g,
			repeat('What to do when ICE comes to the door, and how a 287(g) agreement works. ', 5),
			repeat('Qué hacer cuando ICE llega a la puerta y cómo funciona un acuerdo 287(g). ', 5),
			case when g % 3 = 0 then 'IN_PERSON' else 'ONLINE' end,
			now() + g * interval '1 hour', now() + g * interval '1 hour' + interval '90 minutes', 'America/New_York',
			100, case when g % 3 = 0 then 'Public library' end, case when g % 3 = 0 then '1 Main St' end,
			case when g % 3 = 0 then '28052' end, case when g % 3 = 0 then 'NC' end, true, 'PUBLISHED', 0, 'benchmark',
			now(), now(), now()
		from generate_series(1, $EVENTS) g"
fi

RESULTS=""
VERDICT=0
for endpoint in $ENDPOINTS; do
	[ -n "${PATHS[$endpoint]:-}" ] || die "unknown endpoint '$endpoint' (known: ${!PATHS[*]})"
	measure "$endpoint"
done

{
	echo "end287g HTTP benchmark"
	describe_run
	echo "import:   ${import_seconds}$([ "$import_seconds" = skipped ] || echo ' s') of $SHEETS${import_summary:+ ($import_summary)}"
	echo "wrk:      $THREADS threads, $CONNECTIONS connections, $DURATION after a $WARMUP warm-up, Accept-Encoding: ${ACCEPT_ENCODING:-none}"
	echo
	printf '%s' "$RESULTS"
	echo
	echo "application memory after the runs: $(awk '/^VmRSS/ { printf "%.0f MB resident", $2 / 1024 }' "/proc/$APP_PID/status")"
} | tee "$OUT"
exit "$VERDICT"
