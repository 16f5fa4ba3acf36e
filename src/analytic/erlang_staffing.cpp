// The metrics of a model chosen at run time, and the staffing search over them.

#include <cmath>
#include <limits>
#include <stdexcept>

#include "erlang_detail.hpp"

namespace ccsim::analytic {

QueueMetrics metrics(Model model, const QueueInputs& in) {
  switch (model) {
    case Model::b:
      return erlang_b_metrics(in);
    case Model::c:
      return erlang_c_metrics(in);
    case Model::a:
      return erlang_a_metrics(in);
  }
  throw std::invalid_argument("unknown Model");
}

int agents_for_service_level(Model model, const QueueInputs& in, double target_sl) {
  if (!(target_sl > 0.0 && target_sl < 1.0)) {
    throw std::invalid_argument("agents_for_service_level: target must be in (0, 1)");
  }
  QueueInputs probe = in;
  probe.agents = 1;
  detail::validate(probe);

  const double a = in.rate_per_s * in.aht_s;
  const bool needs_stability = model == Model::c || (model == Model::a && std::isinf(in.patience_s));
  if (needs_stability && a + 1.0 > static_cast<double>(std::numeric_limits<int>::max() / 4)) {
    throw std::invalid_argument("agents_for_service_level: load too large");
  }
  const int start = needs_stability ? static_cast<int>(std::floor(a)) + 1 : 1;

  auto meets = [&](int c) {
    probe.agents = c;
    return metrics(model, probe).service_level >= target_sl;
  };

  if (meets(start)) return start;
  // Doubling search for a passing c, then bisection on (fail, pass].
  constexpr int kMaxAgents = 100'000'000;
  int fail = start;
  int pass = start;
  for (int step = 1;; step *= 2) {
    if (step > kMaxAgents - start) throw std::runtime_error("agents_for_service_level: target not reachable");
    pass = start + step;
    if (meets(pass)) break;
    fail = pass;
  }
  while (pass - fail > 1) {
    const int mid = fail + (pass - fail) / 2;
    if (meets(mid)) {
      pass = mid;
    } else {
      fail = mid;
    }
  }
  return pass;
}

}  // namespace ccsim::analytic
