-- wrk script for http.sh: rotates GET /api/v1/near among ZIP codes in different states,
-- so the benchmark does not measure one cached answer.
local zips = { "28052", "28202", "27601", "29201", "30303", "32801", "33101", "37203",
               "77002", "78701", "85003", "10001", "60601", "80202", "98101", "90012" }
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/near?zip=" .. zips[(counter % #zips) + 1])
end
