-- wrk script for the student read path: GET /api/me/campaign, each request with the next student's
-- token (tokens in the file named by ROLLCHECK_TOKENS, one per line), on the tenant's host (ROLLCHECK_HOST).
local tokens = {}
for line in io.lines(os.getenv("ROLLCHECK_TOKENS")) do
  tokens[#tokens + 1] = line
end
local host = os.getenv("ROLLCHECK_HOST")
local threads = 0

function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

local i = 0
function request()
  i = i + 1
  local token = tokens[((offset or 0) + i) % #tokens + 1]
  return wrk.format("GET", "/api/me/campaign", {
    ["Host"] = host,
    ["Authorization"] = "Bearer " .. token,
    ["Accept"] = "application/json",
  })
end
