#include "ccsim/io/sweep_writer.hpp"

#include <cmath>
#include <set>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/version.hpp"

namespace ccsim::io {

using experiment::metric_catalogue;
using nlohmann::json;

namespace {

// A varied value, written as it was given (JSON text from sweep_spec.hpp).
json value_json(const std::string& text) { return json::parse(text); }

json scope_json(const std::array<experiment::Summary, experiment::metric_count>& summaries, bool overall) {
  json out = json::object();
  for (const auto& m : metric_catalogue()) {
    if (!overall && !m.per_call_type) continue;
    out[std::string(m.name)] = summary_entry(summaries[static_cast<std::size_t>(m.metric)]);
  }
  return out;
}

json point_json(const SweepRecord& record, const SweepPointRecord& point) {
  json j;
  j["index"] = point.index;
  json values = json::object();
  for (std::size_t a = 0; a < record.axes.size() && a < point.values.size(); ++a) {
    values[record.axes[a].path] = value_json(point.values[a]);
  }
  j["values"] = std::move(values);
  if (!point.folder.empty()) j["folder"] = point.folder;
  j["scenario_digest"] = point.scenario_digest;
  j["replications"] = point.replications;
  j["stopped_at_cap"] = point.stopped_at_cap;
  json precision = json::array();
  for (const auto& p : point.precision) {
    precision.push_back(json{{"metric", std::string(experiment::info(p.metric).name)},
                             {"target", p.target},
                             {"achieved", json_number(p.achieved)},
                             {"met", p.met}});
  }
  j["precision"] = std::move(precision);
  j["metrics"] = json::object();
  j["by_call_type"] = json::object();
  if (!point.summaries.empty()) {
    j["metrics"] = scope_json(point.summaries.back(), true);
    for (std::size_t scope = 0; scope + 1 < point.summaries.size() && scope < point.scopes.size(); ++scope) {
      j["by_call_type"][point.scopes[scope]] = scope_json(point.summaries[scope], false);
    }
  }
  return j;
}

void append_row(std::string& out, const std::string& prefix, const std::string& scope,
                const experiment::MetricInfo& m, const experiment::Summary& s) {
  out += prefix + csv_field(scope) + ',' + std::string(m.name) + ',' + format_number(s.mean) + ',' +
         format_number(s.sd) + ',' + format_number(s.ci95_lo) + ',' + format_number(s.ci95_hi) + ',' +
         std::to_string(s.n) + '\n';
}

}  // namespace

json sweep_json(const SweepRecord& record) {
  json j;
  j["ccsim_version"] = version_string;
  j["git_commit"] = git_commit;
  j["scenario"] = record.scenario;
  j["scenario_file"] = record.scenario_file;
  j["seed"] = record.seed;
  j["mode"] = std::string(experiment::sweep_mode_name(record.mode));
  j["replications"] = record.replications;
  j["max_replications"] = record.max_replications;
  json targets = json::array();
  for (const auto& t : record.targets) {
    targets.push_back(json{{"metric", std::string(experiment::info(t.metric).name)}, {"target", t.relative}});
  }
  j["precision_targets"] = std::move(targets);
  json vary = json::array();
  const std::vector<std::string> columns = sweep_column_names(record.axes);
  for (std::size_t a = 0; a < record.axes.size(); ++a) {
    json values = json::array();
    for (const auto& v : record.axes[a].values) values.push_back(value_json(v));
    vary.push_back(json{{"path", record.axes[a].path}, {"column", columns[a]}, {"values", std::move(values)}});
  }
  j["vary"] = std::move(vary);
  j["points_planned"] = record.points_planned;
  j["partial"] = record.partial;
  json points = json::array();
  json files = json::array();
  for (const auto& point : record.points) {
    points.push_back(point_json(record, point));
    if (!point.folder.empty()) files.push_back(point.folder);
  }
  j["points"] = std::move(points);
  // With -o: the entries of the folder, so that the next sweep into it knows what to replace.
  if (!files.empty()) {
    files.push_back("sweep.csv");
    files.push_back("sweep.json");
    j["files"] = std::move(files);
  }
  return j;
}

void sweep_csv(const SweepRecord& record, const TextSink& write) {
  std::string out = "point";
  for (const auto& column : sweep_column_names(record.axes)) out += ',' + column;
  out += ",call_type,metric,mean,sd,ci95_lo,ci95_hi,n\n";
  write(out);
  for (const auto& point : record.points) {
    std::string prefix = std::to_string(point.index) + ',';
    for (std::size_t a = 0; a < record.axes.size(); ++a) {
      prefix += (a < point.values.size() ? csv_field(sweep_value_text(point.values[a])) : std::string()) + ',';
    }
    if (point.summaries.empty()) continue;
    const auto& overall = point.summaries.back();
    for (const auto& m : metric_catalogue()) {
      out.clear();
      append_row(out, prefix, "all", m, overall[static_cast<std::size_t>(m.metric)]);
      write(out);
    }
    for (std::size_t scope = 0; scope + 1 < point.summaries.size() && scope < point.scopes.size(); ++scope) {
      for (const auto& m : metric_catalogue()) {
        if (!m.per_call_type) continue;
        out.clear();
        append_row(out, prefix, point.scopes[scope], m, point.summaries[scope][static_cast<std::size_t>(m.metric)]);
        write(out);
      }
    }
  }
}

std::string sweep_column_name(const std::string& pointer) {
  std::string name;
  for (char c : pointer) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (plain) {
      name += c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) name = "x" + name;
  return name;
}

std::vector<std::string> sweep_column_names(const std::vector<experiment::SweepAxis>& axes) {
  // Names the other columns of sweep.csv already take.
  std::set<std::string> taken{"point", "call_type", "metric", "mean", "sd", "ci95_lo", "ci95_hi", "n"};
  std::vector<std::string> names;
  for (const auto& axis : axes) {
    const std::string base = sweep_column_name(axis.path);
    std::string name = base;
    for (int k = 2; taken.count(name) != 0; ++k) name = base + "_" + std::to_string(k);
    taken.insert(name);
    names.push_back(name);
  }
  return names;
}

std::string sweep_point_folder_name(std::size_t index) { return "point-" + std::to_string(index); }

std::vector<std::string> write_sweep_outputs(const std::filesystem::path& dir, const SweepRecord& record) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> entries;
  for (const auto& point : record.points) {
    if (!point.folder.empty()) entries.push_back(point.folder);
  }
  AtomicFile csv(dir / "sweep.csv");
  sweep_csv(record, [&csv](std::string_view text) { csv.write(text); });
  csv.commit();
  entries.emplace_back("sweep.csv");
  entries.emplace_back("sweep.json");
  write_file_atomically(dir / "sweep.json", sweep_json(record).dump(2) + "\n");
  return entries;
}

}  // namespace ccsim::io
