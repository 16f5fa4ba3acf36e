#!/usr/bin/env bash
# Turns a run's intervals.csv into an observed file for `ccsim calibrate`
# (docs/calibration.md, "Making test data"): per call type and interval start, the calls
# offered and abandoned averaged over the run's open days and replications (closed days
# have no rows), and the AHT weighted by the calls answered. Used to make
# scenarios/data/insurer-observed.csv from tests/calibration/insurer-truth.json:
#   ccsim run tests/calibration/insurer-truth.json -o /tmp/truth
#   scripts/observed-from-run.sh /tmp/truth/intervals.csv > scenarios/data/insurer-observed.csv
set -euo pipefail
intervals="${1:?usage: observed-from-run.sh RUN_DIR/intervals.csv}"
awk -F, '
  NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
  $col["call_type"] == "all" { next }
  {
    key = $col["call_type"] SUBSEP $col["start"]
    if (!(key in offered)) { order[++n] = key }
    days[$col["replication"] SUBSEP $col["day"]] = 1
    offered[key] += $col["offered"]; abandoned[key] += $col["abandoned"]
    if ($col["aht_s"] != "") { aht[key] += $col["aht_s"] * $col["answered"]; answered[key] += $col["answered"] }
    if ($col["fcr"] != "") { fcr[key] += $col["fcr"] * $col["answered"] }
    if ($col["repeat_share"] != "") { rep[key] += $col["repeat_share"] * $col["offered"] }
  }
  END {
    d = 0; for (k in days) ++d
    print "call_type,start,offered,abandoned,aht_s,fcr,repeat_share"
    for (i = 1; i <= n; ++i) {
      k = order[i]; split(k, part, SUBSEP)
      h = 0; f = 0; r = 0
      if (answered[k] > 0) { h = aht[k] / answered[k]; f = fcr[k] / answered[k] }
      if (offered[k] > 0) r = rep[k] / offered[k]
      printf "%s,%s,%.1f,%.1f,%.1f,%.3f,%.3f\n", part[1], part[2], offered[k] / d, abandoned[k] / d, h, f, r
    }
  }' "$intervals"
