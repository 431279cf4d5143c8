-- GET a campaign's signature sheet with a random sheet number (1 to 9999), so that almost
-- every request draws a new PDF instead of reading the per-instance cache.
local path = os.getenv("SHEET_PATH")

function init(args)
	math.randomseed(os.time() + math.random(1, 100000))
end

function request()
	return wrk.format("GET", path .. "?sheet=" .. math.random(1, 9999))
end
