-- POST /campaigns/{slug}/sign, each request a new person: a unique e-mail address and a
-- client address from a large range (the app trusts X-Forwarded-For from loopback, as
-- behind a load balancer). A fixed CSRF cookie and token: a masked token stays valid for
-- its cookie. With one connection per thread (-c equal to -t), every response answers the
-- thread's last request, so SIGNED_LOG can list the addresses that got a success.
local counter = 0
local thread_id = 0
local prefix = os.getenv("BENCH_PREFIX") or "run"
local body_base = os.getenv("BENCH_BODY")
local path = os.getenv("BENCH_PATH")
local signed_log = os.getenv("SIGNED_LOG")
local threads = {}
local last_email = nil
local out = nil
-- globals, so done() can read them from every thread
signed_ok, signed_failed = 0, 0

function setup(thread)
	thread:set("id", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	thread_id = id
	math.randomseed(os.time() + id * 7919)
	if signed_log and signed_log ~= "" then
		out = io.open(signed_log .. "." .. id, "w")
	end
end

function request()
	counter = counter + 1
	last_email = prefix .. "-" .. thread_id .. "-" .. counter .. "%40bench.example.org"
	local headers = {}
	headers["Content-Type"] = "application/x-www-form-urlencoded"
	headers["Cookie"] = os.getenv("BENCH_COOKIE")
	headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
	return wrk.format("POST", path, headers, body_base .. "&email=" .. last_email)
end

function response(status, headers, body)
	if status == 303 then
		signed_ok = signed_ok + 1
		if out then out:write(last_email:gsub("%%40", "@"), "\n") ; out:flush() end
	else
		signed_failed = signed_failed + 1
	end
end

function done(summary, latency, requests)
	local total_ok, total_failed = 0, 0
	for _, t in ipairs(threads) do
		total_ok = total_ok + (t:get("signed_ok") or 0)
		total_failed = total_failed + (t:get("signed_failed") or 0)
	end
	io.write(string.format("signed (303): %d\nrefused (other status): %d\n", total_ok, total_failed))
end
