-- wrk script for http.sh: rotates GET /search among what people type (a city and state,
-- a county with or without "County", Spanish forms, abbreviations, typos), so the
-- benchmark does not measure one answer. The search keeps the results of recent queries
-- under the data version, as it does for the popular queries of a real day.
local queries = { "Gastonia NC", "Gastonia, N.C.", "gastonia north carolina", "gaston county nc", "Gaston Co",
                  "Gaston Co., NC", "condado de Gaston", "Gaston Co SO", "Gaston County Sheriff's Dept",
                  "Charlotte", "Charlotte PD", "Mesa PD", "Georgia DPS", "Mecklenberg, VA", "Houston",
                  "Orange County", "Miami", "Las Vegas", "Richmond", "Lexington", "Sheriffs Office, NC",
                  "Panama City PD", "Nassau County PD", "St. Cloud PD", "Oficina del Sheriff del Condado de Gaston" }
local counter = 0

local function escape(text)
  return (text:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  return wrk.format("GET", "/search?q=" .. escape(queries[(counter % #queries) + 1]))
end
