#pragma once
// Runs under `mpirun -n N ccsim ...` when ccsim is built with -DCCSIM_WITH_MPI=ON:
// every rank parses the same command line and runs the same command; replications
// are shared out by index (r % N == rank) and the results gathered on every rank, so
// each command's decisions are identical everywhere; only rank 0 prints and writes.
// Without MPI, in a process no MPI launcher started (launcher.hpp), or with a single
// rank, this does nothing.

#include <memory>

namespace ccsim::cli {

class ClusterSession {
 public:
  ClusterSession(int& argc, char**& argv);
  ~ClusterSession();
  ClusterSession(const ClusterSession&) = delete;
  ClusterSession& operator=(const ClusterSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace ccsim::cli
