#include "cluster.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/atomic_file.hpp"
#include "launcher.hpp"

#ifdef CCSIM_WITH_MPI
#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#endif

namespace ccsim::cli {

#ifdef CCSIM_WITH_MPI
struct ClusterSession::Impl {
  Impl(int& argc, char**& argv) : environment(argc, argv) {}
  boost::mpi::environment environment;
  boost::mpi::communicator world;
};

ClusterSession::ClusterSession(int& argc, char**& argv) {
  // Outside a launcher MPI is not initialised at all: a singleton MPI_Init would start
  // a runtime daemon (a third of a second with Open MPI) for a job of one process.
  if (!started_by_mpi_launcher([](const char* name) { return std::getenv(name); })) return;
  impl_ = std::make_unique<Impl>(argc, argv);
  rank_ = impl_->world.rank();
  size_ = impl_->world.size();
  if (size_ <= 1) return;
  experiment::ProcessDistribution distribution;
  distribution.index = rank_;
  distribution.count = size_;
  boost::mpi::communicator* world = &impl_->world;
  distribution.all_gather = [world](const std::string& mine) {
    std::vector<std::string> all;
    boost::mpi::all_gather(*world, mine, all);
    return all;
  };
  experiment::set_process_distribution(std::move(distribution));
  if (rank_ != 0) {
    // Other ranks compute the same results but print and write nothing.
    io::set_writes_enabled(false);
    if (!std::freopen("/dev/null", "w", stdout)) std::fclose(stdout);
  }
}
#else
struct ClusterSession::Impl {};

ClusterSession::ClusterSession(int&, char**&) {}
#endif

ClusterSession::~ClusterSession() = default;

}  // namespace ccsim::cli
