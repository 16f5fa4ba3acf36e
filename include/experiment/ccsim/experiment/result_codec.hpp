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
#include "ccsim/experiment/row_record.hpp"

namespace ccsim::experiment {

void encode_result(const ReplicationResult& result, std::string& out);
// The results and, when `rows` is not empty, each result's rows (one RowRecord per result).
std::string encode_results(const std::vector<ReplicationResult>& results, const std::vector<RowRecord>& rows = {});

struct DecodedResults {
  std::vector<ReplicationResult> results;
  std::vector<RowRecord> rows;  // empty, or one per result
};
// Throws std::runtime_error when the bytes are not a result list of this build.
DecodedResults decode_results(const std::string& bytes);

}  // namespace ccsim::experiment
