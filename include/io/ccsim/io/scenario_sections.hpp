#pragma once
// Readers for the sections of a scenario document: each checks its part, converts units
// and returns model structs. A section that cannot be read returns nullopt or partial
// values; its problems are in the ReadContext and the load fails, so partial values never
// reach the model. Used by load_scenario (scenario_loader.cpp), one file per section.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/sweep.hpp"
#include "ccsim/io/value_reader.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"

namespace ccsim::io {

// horizon_reader.cpp. nullopt when the horizon itself is wrong (then checks that depend
// on the opening hours are skipped rather than reported against a guess).
std::optional<model::HorizonSpec> read_horizon(ObjectReader& root);
// start_date, opening_hours, closed_dates of a calendar horizon whose days, open and
// close are read (calendar_reader.cpp); sets the dated fields and the frame.
void read_dated_calendar(ObjectReader& horizon, model::HorizonSpec& spec);
// "YYYY-MM-DD" to a civil day (days since 1970-01-01); nullopt unless the date exists.
std::optional<std::int64_t> parse_civil_date(std::string_view text);
std::string format_civil_date(std::int64_t civil_day);

// Number of profile intervals of `interval_s` covering a calendar horizon's opening hours;
// nullopt when the interval does not divide them.
std::optional<std::size_t> intervals_in_opening_hours(const model::HorizonSpec& horizon, double interval_s);

// "08:00-20:00 (720 min)", for messages.
std::string describe_opening_hours(const model::HorizonSpec& horizon);

// distribution_reader.cpp. The distribution object at `key` of `parent`; `fallback` is
// read in its place when the key is absent (nullptr: absent means nullopt, or a problem
// when the table marks the key required). A spec it returns is one random::Distribution
// accepts (what the model builds from it).
std::optional<random::DistributionSpec> read_distribution(ObjectReader& parent, std::string_view key,
                                                          const nlohmann::json* fallback);

// arrivals_reader.cpp.
std::optional<model::ArrivalSpec> read_arrivals(ObjectReader& arrivals,
                                                const std::optional<model::HorizonSpec>& horizon);

// transfer_reader.cpp. The names of a call type's transfer spec, checked by
// resolve_transfers once every call type and agent group has been read.
struct TransferNames {
  std::size_t call_type = 0;  // index of the type that transfers
  std::string path;           // its transfer object
  std::string to, to_path;
  std::vector<std::pair<std::string, double>> by_group;  // group name, checked probability
  std::vector<std::string> by_group_paths;
};
// The `transfer` object of a call type (nullopt when absent); its names go to `names`.
std::optional<model::TransferSpec> read_transfer(ObjectReader& call_type, std::size_t index,
                                                 std::vector<TransferNames>& names);
// Sets each transfer's target and by_group probabilities, and checks the second-level
// groups (docs/model.md §3.15).
void resolve_transfers(ReadContext& context, std::vector<model::CallTypeSpec>& call_types,
                       const std::vector<TransferNames>& names, const std::vector<model::AgentGroupSpec>& groups,
                       const std::vector<std::string>& group_paths);

// call_type_reader.cpp. Call types in file order; `paths` receives the JSON path of each,
// `transfers` the names of their transfer specs.
std::vector<model::CallTypeSpec> read_call_types(ObjectReader& root,
                                                 const std::optional<model::HorizonSpec>& horizon,
                                                 std::vector<std::string>& paths,
                                                 std::vector<TransferNames>& transfers);

// agent_group_reader.cpp. Skills are indexed like `call_types`; `paths` receives the
// JSON path of each group.
std::vector<model::AgentGroupSpec> read_agent_groups(ObjectReader& root,
                                                     const std::vector<model::CallTypeSpec>& call_types,
                                                     const std::optional<model::HorizonSpec>& horizon,
                                                     std::vector<std::string>& paths);

// settings_reader.cpp: the small sections.
model::RoutingSpec read_routing(ObjectReader& root, const std::vector<model::AgentGroupSpec>& groups);

// The contract section fills two model structs: what is measured and how it is billed.
struct ContractSection {
  model::ServiceLevelSpec service_level;
  model::ContractSpec terms;
};
ContractSection read_contract(ObjectReader& root);

model::SkillEffectSpec read_skill_effect(ObjectReader& root);

// The preset expanded and the file's levers applied over it; the resolved document gets
// every effective lever, so a variant's organisation is explicit in --dry-run. The
// neutral organisation (enabled == false) takes no levers.
// `hr`, when given, receives the HR levers (keys of the organisation; all 0 when neutral).
model::OrganisationSpec read_organisation(ObjectReader& root, model::HrSpec* hr = nullptr);

// An enabled workforce model needs a calendar horizon (nullopt: the horizon itself is
// wrong and has been reported, so that check is skipped), groups without staffing
// tables and at most 2^24 agents in all (a random stream each) (`groups` at
// `group_paths`): the model's own invariants (model::CallCenter).
model::WorkforceSpec read_workforce(ObjectReader& root, const std::optional<model::HorizonSpec>& horizon,
                                    const std::vector<model::AgentGroupSpec>& groups,
                                    const std::vector<std::string>& group_paths);

// work_contracts, and the contract each shift and opening-hours group names: sets their
// days_per_week once the paid hours match (work_contract_reader.cpp).
std::vector<model::WorkContractSpec> read_work_contracts(ObjectReader& root,
                                                         const std::optional<model::HorizonSpec>& horizon,
                                                         std::vector<model::AgentGroupSpec>& groups,
                                                         const std::vector<std::string>& group_paths);

model::EconomicsSpec read_economics(ObjectReader& root);

// coefficients_reader.cpp. `coefficients`: coefficient name -> value, set in `out` (the
// defaults elsewhere). Unknown names get a suggestion from the registry
// (model/coefficient_table.hpp), values outside a coefficient's domain a problem naming it.
void read_coefficients(ObjectReader& root, model::ModelCoefficients& out);

// timeline_reader.cpp. The changes in day order; each day after the last and within the
// horizon, headcounts keyed by the groups' names, and the workforce model and an
// organisation other than neutral enabled (docs/model.md §4.13).
std::vector<model::TimelineChange> read_timeline(ObjectReader& root, const std::optional<model::HorizonSpec>& horizon,
                                                 const model::OrganisationSpec& organisation,
                                                 const model::WorkforceSpec& workforce,
                                                 const std::vector<model::AgentGroupSpec>& groups);

// sweep_reader.cpp. The file's "sweep" declaration (kept out of the resolved document);
// nullopt when there is none or it is wrong (its problems are in the context).
std::optional<experiment::SweepSpec> read_sweep(ReadContext& context, const ObjectReader& root);

}  // namespace ccsim::io
