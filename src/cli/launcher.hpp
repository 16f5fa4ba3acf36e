#pragma once
// Whether this process is one rank of a job started by an MPI launcher (mpirun, mpiexec,
// srun with an MPI plugin). Only then does ccsim initialise MPI: started any other way it
// is an ordinary process and never pays for MPI's start-up (docs/cluster.md).

#include <functional>
#include <string_view>

namespace ccsim::cli {

// Looks an environment variable up: its value, or nullptr when it is not set.
using EnvironmentLookup = std::function<const char*(const char*)>;

// The variables process managers set for the ranks they start, one of which is enough:
// Open MPI's mpirun (OMPI_COMM_WORLD_SIZE), PMIx servers such as Open MPI 5 and
// `srun --mpi=pmix` (PMIX_RANK), PMI-1/PMI-2 servers such as MPICH's Hydra and
// `srun --mpi=pmi2` (PMI_RANK, PMI_SIZE), and Hydra's MPI_LOCALNRANKS.
inline constexpr std::string_view launcher_variables[] = {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK",
                                                          "PMI_SIZE", "MPI_LOCALNRANKS"};

// True when one of launcher_variables is set (to anything, even empty). Pure: it reads
// the environment only through `lookup`.
bool started_by_mpi_launcher(const EnvironmentLookup& lookup);

}  // namespace ccsim::cli
