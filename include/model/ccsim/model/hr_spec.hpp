#pragma once
// HR levers (docs/model.md §4.16): what personnel policy sets beside the organisation of
// the work. Read from keys of `organisation`, so the presets set them. Every lever at 0 is
// the model without HR measures (and without careers, §4.15).

namespace ccsim::model {

struct HrSpec {
  double productivity_bonus = 0.0;       // b, 0-1: individual pay for measured output
  double targeted_recruitment = 0.0;     // r, 0-1: selection effort for fit and aptitude
  double technical_training_days = 0.0;  // d: paid product-training days per agent a year, 0-30
  double internal_promotion = 0.0;       // p, 0-1: share of upper-post vacancies filled from inside

  // Careers and the split of exits are modelled only when some HR lever is set, so a
  // scenario without them keeps its results byte for byte.
  [[nodiscard]] bool any() const {
    return productivity_bonus > 0.0 || targeted_recruitment > 0.0 || technical_training_days > 0.0 ||
           internal_promotion > 0.0;
  }
};

}  // namespace ccsim::model
