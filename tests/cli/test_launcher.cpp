// MPI is initialised only in processes an MPI launcher started (docs/cluster.md).

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "launcher.hpp"

using ccsim::cli::started_by_mpi_launcher;

namespace {

// An environment holding exactly these variables.
ccsim::cli::EnvironmentLookup environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> const char* {
    const auto it = variables.find(name);
    return it == variables.end() ? nullptr : it->second.c_str();
  };
}

}  // namespace

TEST_CASE("a process started without a launcher does not initialise MPI") {
  CHECK_FALSE(started_by_mpi_launcher(environment({})));
  // A Slurm job without an MPI plugin (a job array running shards) is no MPI job.
  CHECK_FALSE(started_by_mpi_launcher(
      environment({{"SLURM_JOB_ID", "42"}, {"SLURM_PROCID", "0"}, {"SLURM_ARRAY_TASK_ID", "3"}})));
  CHECK_FALSE(started_by_mpi_launcher(environment({{"PATH", "/usr/bin"}, {"OMPI_MCA_plm", "rsh"}})));
}

TEST_CASE("each launcher's rank variables are recognised") {
  CHECK(started_by_mpi_launcher(environment({{"OMPI_COMM_WORLD_SIZE", "2"}})));  // Open MPI mpirun
  CHECK(started_by_mpi_launcher(environment({{"PMIX_RANK", "0"}})));             // PMIx, srun --mpi=pmix
  CHECK(started_by_mpi_launcher(environment({{"PMI_RANK", "1"}})));              // PMI, MPICH Hydra
  CHECK(started_by_mpi_launcher(environment({{"PMI_SIZE", "4"}})));              // srun --mpi=pmi2
  CHECK(started_by_mpi_launcher(environment({{"MPI_LOCALNRANKS", "2"}})));      // MPICH Hydra
  // mpirun -n 1 is still a launcher: MPI is initialised, with one rank.
  CHECK(started_by_mpi_launcher(environment({{"OMPI_COMM_WORLD_SIZE", "1"}})));
}
