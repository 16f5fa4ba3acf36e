#include "ccsim/io/calibration_writer.hpp"

#include <cmath>
#include <cstdio>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/value_reader.hpp"

namespace ccsim::io {

namespace {

std::string number(double v) {
  if (!std::isfinite(v)) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", v);
  return text;
}

// A distribution object of the resolved document with every time value times `factor`.
void scale_times(nlohmann::json& dist, double factor) {
  for (const char* key : {"mean_s", "min_s", "max_s"}) {
    if (dist.contains(key)) dist[key] = dist[key].get<double>() * factor;
  }
  if (dist.contains("samples_s")) {
    for (auto& x : dist["samples_s"]) x = x.get<double>() * factor;
  }
  if (dist.contains("components")) {
    for (auto& c : dist["components"]) scale_times(c, factor);
  }
}

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json calibrated_document(const nlohmann::json& resolved, const planning::Calibration& calibration) {
  nlohmann::json doc = resolved;
  auto& types = doc.at("call_types");
  for (const auto& fit : calibration.types) {
    auto& type = types.at(fit.call_type);
    nlohmann::json arrivals;
    const nlohmann::json& old = type.at("arrivals");
    const bool gamma = old.contains("daily_cv");
    arrivals["process"] = gamma ? "poisson_gamma" : "piecewise_poisson";
    arrivals["interval_min"] = calibration.interval_s / 60.0;
    nlohmann::json rates = nlohmann::json::array();
    for (double r : fit.rates_per_s) rates.push_back(r * 3600.0);
    arrivals["rates_per_hour"] = rates;
    if (gamma) arrivals["daily_cv"] = old["daily_cv"];
    if (old.contains("day_factors")) arrivals["day_factors"] = old["day_factors"];
    type["arrivals"] = arrivals;
    scale_times(type.at("handle_time"), fit.handle_scale);
    if (type.contains("wrap_up")) scale_times(type["wrap_up"], fit.handle_scale);
    if (fit.patience_added) {
      type["patience"] = {{"dist", "exponential"}, {"mean_s", planning::added_patience_s * fit.patience_scale}};
    } else if (type.contains("patience") && !type["patience"].is_null()) {
      scale_times(type["patience"], fit.patience_scale);
    }
  }
  return doc;
}

std::string fit_csv(const planning::Calibration& c) {
  std::string out =
      "call_type,start,observed_offered,simulated_offered,offered_error,observed_abandoned,simulated_abandoned,"
      "observed_abandon_share,simulated_abandon_share,observed_aht_s,simulated_aht_s,aht_error,first_contacts\n";
  const auto line = [&](const planning::FitRow& r, const std::string& start) {
    const auto share = [](double a, double o) { return o > 0.0 ? a / o : NAN; };
    const double off_err = r.observed_offered > 0.0 ? r.simulated_offered / r.observed_offered - 1.0 : NAN;
    const double aht_err = r.observed_aht_s > 0.0 ? r.simulated_aht_s / r.observed_aht_s - 1.0 : NAN;
    out += csv_field(c.scenario.call_types[r.call_type].name) + "," + start + "," + number(r.observed_offered) + "," +
           number(r.simulated_offered) + "," + number(off_err) + "," + number(r.observed_abandoned) + "," +
           number(r.simulated_abandoned) + "," + number(share(r.observed_abandoned, r.observed_offered)) + "," +
           number(share(r.simulated_abandoned, r.simulated_offered)) + "," + number(r.observed_aht_s) + "," +
           number(r.simulated_aht_s) + "," + number(aht_err) + "," + number(r.first_contacts) + "\n";
  };
  for (const auto& r : c.rows) {
    line(r, format_time_of_day(c.first_interval_s + static_cast<double>(r.interval) * c.interval_s));
  }
  for (const auto& t : c.types) line(t.total, "day");
  return out;
}

nlohmann::json calibration_summary(const planning::Calibration& c, const planning::CalibrationTolerance& tolerance) {
  nlohmann::json j;
  j["converged"] = c.converged;
  j["iterations"] = c.iterations;
  j["replications"] = c.replications;
  j["interval_min"] = c.interval_s / 60.0;
  j["tolerance"] = {{"offered", tolerance.offered}, {"aht", tolerance.aht}, {"abandon", tolerance.abandon},
                      {"interval_offered", tolerance.interval_offered}};
  nlohmann::json history = nlohmann::json::array();
  for (const auto& h : c.history) {
    history.push_back({{"iteration", h.iteration},
                       {"max_offered_error", h.offered_error},
                       {"max_aht_error", h.aht_error},
                       {"max_abandon_error", h.abandon_error},
                       {"max_interval_offered_error", h.interval_offered_error}});
  }
  j["history"] = history;
  nlohmann::json types = nlohmann::json::array();
  for (const auto& t : c.types) {
    nlohmann::json rates = nlohmann::json::array();
    for (double r : t.rates_per_s) rates.push_back(r * 3600.0);
    types.push_back({{"call_type", c.scenario.call_types[t.call_type].name},
                     {"met", t.met},
                     {"offered_error", t.offered_error},
                     {"aht_error", t.aht_error},
                     {"abandon_error", t.abandon_error},
                     {"observed", {{"offered", t.total.observed_offered},
                                   {"abandoned", t.total.observed_abandoned},
                                   {"aht_s", t.total.observed_aht_s},
                                   {"fcr", optional_number(t.observed_fcr)},
                                   {"repeat_share", optional_number(t.observed_repeat_share)}}},
                     {"simulated", {{"offered", t.total.simulated_offered},
                                    {"abandoned", t.total.simulated_abandoned},
                                    {"aht_s", t.total.simulated_aht_s},
                                    {"fcr", optional_number(t.simulated_fcr)},
                                    {"repeat_share", optional_number(t.simulated_repeat_share)}}},
                     {"inputs", {{"first_contacts_per_day", t.total.first_contacts},
                                 {"rates_per_hour", rates},
                                 {"handle_time_factor", t.handle_scale},
                                 {"handle_time_mean_s", t.handle_mean_s},
                                 {"wrap_up_mean_s", t.wrap_up_mean_s},
                                 {"patience_factor", t.patience_scale},
                                 {"patience_mean_s", optional_number(t.patience_mean_s)},
                                 {"patience_added", t.patience_added}}}});
  }
  j["call_types"] = types;
  return j;
}

std::vector<std::string> write_calibration_files(const std::filesystem::path& dir, const nlohmann::json& resolved,
                                                 const planning::Calibration& calibration,
                                                 const planning::CalibrationTolerance& tolerance) {
  write_file_atomically(dir / "fit.csv", fit_csv(calibration));
  write_file_atomically(dir / "calibration.json", calibration_summary(calibration, tolerance).dump(2) + "\n");
  write_file_atomically(dir / "calibrated.json", calibrated_document(resolved, calibration).dump(2) + "\n");
  return {"fit.csv", "calibration.json", "calibrated.json"};
}

}  // namespace ccsim::io
