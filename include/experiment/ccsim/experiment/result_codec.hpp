#pragma once
// Replication results as bytes, to move them between processes (MPI ranks, or shard
// files merged later) and get back exactly the same values.
//
// The encoding copies the in-memory representation of plain structs, so it is only
// meant for processes running the same ccsim binary on machines of the same
// architecture (a homogeneous cluster). A header with a format tag and the sizes of
// the structs guards against mixing builds: decoding anything else throws.

#include <cstdint>
#include <string>
#include <vector>

#include "ccsim/experiment/replications.hpp"

namespace ccsim::experiment {

void encode_result(const ReplicationResult& result, std::string& out);
std::string encode_results(const std::vector<ReplicationResult>& results);

// Throws std::runtime_error when the bytes are not a result list of this build.
std::vector<ReplicationResult> decode_results(const std::string& bytes);

}  // namespace ccsim::experiment
