# The cases of the byte-identity check (tests/identity/README.md): every example in
# scenarios/ and the flagship comparison, with fixed seeds and short horizons.
# One entry per case: NAME|SUBCOMMAND|ARGUMENTS (paths relative to the source tree;
# --threads is added by the check, which runs each case with 1 and with 2 threads).
set(identity_cases
  "tiny|run|tests/cli/data/tiny.json -r 3"
  "tiny-json|run|tests/cli/data/tiny.json -r 3 -q --format json"
  "tiny-csv|run|tests/cli/data/tiny.json -r 3 -q --format csv"
  "continuous-table|run|tests/io/data/continuous.json -r 2"
  "acme-base|run|scenarios/acme-base.json -r 2 --set /horizon/days=7"
  "acme-overflow|run|scenarios/acme-overflow.json -r 2 --set /horizon/days=7"
  "small-helpdesk|run|scenarios/small-helpdesk.json -r 2"
  "erlang-a-reference|run|scenarios/erlang-a-reference.json -r 2 --set /horizon/duration_s=20000 --set /horizon/warmup_s=1000"
  "centre-base|run|scenarios/centre-base.json -r 2 --set /horizon/days=45 --set /horizon/warmup_days=10"
  "centre-taylorist|run|scenarios/centre-taylorist.json -r 2 --set /horizon/days=45 --set /horizon/warmup_days=10"
  "centre-autonomous|run|scenarios/centre-autonomous.json -r 2 --set /horizon/days=45 --set /horizon/warmup_days=10"
  "management-rule|run|scenarios/centre-taylorist.json -r 2 --set /horizon/days=150 --set /horizon/warmup_days=0 --set /organisation/management_rule=true --set /agent_groups/0/headcount=60"
  "sweep-autonomy-rigidity|sweep|scenarios/sweep-autonomy-rigidity.json -r 1 --set /horizon/days=20 --set /horizon/warmup_days=5"
  "balking-callers|run|scenarios/balking-callers.json -r 2 --set /horizon/days=5"
  "voicemail-max-wait|run|scenarios/voicemail-max-wait.json -r 2 --set /horizon/days=5"
  "closing-disconnect|run|scenarios/closing-disconnect.json -r 2 --set /horizon/days=5"
  "callback-offer|run|scenarios/callback-offer.json -r 2 --set /horizon/days=5"
  "patience-mixture|run|scenarios/patience-mixture.json -r 2"
  "routing-weighted-wait|run|scenarios/routing-weighted-wait.json -r 2"
  "two-level-transfers|run|scenarios/two-level-transfers.json -r 2"
  "blended-outbound|run|scenarios/blended-outbound.json -r 2"
  "flagship|compare|scenarios/centre-taylorist.json scenarios/centre-autonomous.json -r 2 --set /horizon/days=45 --set /horizon/warmup_days=10"
  "calendar-mon-sat|run|scenarios/calendar-mon-sat.json -r 2"
  "shifts-with-breaks|run|scenarios/shifts-with-breaks.json -r 2"
  "staffing-daily-profile|staff|scenarios/staffing-daily-profile.json --target-sl 0.8 -r 4 --check-replications 4"
  "compare-staff-to|compare|--staff-to 0.8 --staff-replications 2 tests/cli/data/staff-to-taylorist.json tests/cli/data/staff-to-autonomous.json"
  "insurer|run|scenarios/insurer.json -r 2"
  "insurer-calibrate|calibrate|scenarios/insurer.json --observed scenarios/data/insurer-observed.csv"
)
