-- wrk script: POST /fhir/ServiceRequest with a new identifier and a new person on every request.
-- Birth dates vary, as they would, so matching by date of birth narrows to a few records.
-- TOKEN comes from the environment (run.sh gets it from /fhir/token).
local counter = 0
local tag = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))

local template = [[{"resourceType":"ServiceRequest","status":"active","intent":"order",
"identifier":[{"system":"https://bench.example/referrals","value":"%s"}],
"category":[{"coding":[{"system":"http://snomed.info/sct","code":"871731000000106"}]}],
"contained":[{"resourceType":"Patient","id":"p","name":[{"text":"Bench Person %s"}],"birthDate":"%s",
"address":[{"postalCode":"AV1 2AB"}]}],
"subject":{"reference":"#p"},"requester":{"display":"Bench surgery"},
"note":[{"text":"Would like to meet people nearby; enjoys walking and gardening."}]}]]

function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end

function request()
  counter = counter + 1
  local key = tag .. "-" .. id .. "-" .. counter
  local born = string.format("%04d-%02d-%02d", 1930 + counter % 70, 1 + counter % 12, 1 + counter % 28)
  local body = string.format(template, key, key, born)
  return wrk.format("POST", "/fhir/ServiceRequest", {
    ["Content-Type"] = "application/fhir+json",
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
  }, body)
end

local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p99_ms=%.1f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
