#pragma once
// Private to analytic: what the files of the Erlang models (erlang_bc.cpp, erlang_a.cpp,
// erlang_staffing.cpp) share.

#include "ccsim/analytic/erlang.hpp"

namespace ccsim::analytic::detail {

// Throw std::invalid_argument naming the offending input.
void validate(const QueueInputs& in);
void validate_load(int c, double a);

}  // namespace ccsim::analytic::detail
