cmake_minimum_required(VERSION 3.25)
# Runs ccsim locally and in a distributed way (MPI ranks, or shards then merge) and
# checks that the output files are byte-identical.
# Variables: CCSIM, SCENARIO, WORK_DIR, MODE (mpi|shards), MPIEXEC (for mpi), FILES,
# optional SUBCOMMAND (run, default, sweep or compare: SCENARIO then a list of files),
# SWEEP_VARY (for sweep: PATH=LIST) and EXTRA_ARGS (a list of further options).

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Runs a command, fails on a non-zero exit; its stdout goes to the variable `run_stdout`.
function(run_or_fail)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${err}")
  endif()
  set(run_stdout "${out}" PARENT_SCOPE)
endfunction()

if(NOT SUBCOMMAND)
  set(SUBCOMMAND run)
endif()
set(extra "")
if(SUBCOMMAND STREQUAL "sweep")
  set(extra --vary ${SWEEP_VARY})
endif()
list(APPEND extra ${EXTRA_ARGS})

run_or_fail(${CCSIM} ${SUBCOMMAND} ${SCENARIO} ${extra} --quiet --replications 5 --threads 2 -o ${WORK_DIR}/local)
set(local_stdout "${run_stdout}")

if(MODE STREQUAL "mpi")
  run_or_fail(${MPIEXEC} --allow-run-as-root --oversubscribe -n 2
              ${CCSIM} ${SUBCOMMAND} ${SCENARIO} ${extra} --quiet --replications 5 --threads 1
              -o ${WORK_DIR}/distributed)
  # One table, from rank 0: the ranks joined one MPI job (two processes that did not
  # would each print the whole table, and each compute every replication).
  if(NOT run_stdout STREQUAL local_stdout)
    message(FATAL_ERROR "stdout under mpirun -n 2 differs from the local run's (did the ranks not "
                        "initialise MPI?):\n${run_stdout}\nvs\n${local_stdout}")
  endif()
elseif(MODE STREQUAL "shards")
  foreach(k 0 1 2)
    run_or_fail(${CCSIM} run ${SCENARIO} --quiet --replications 5 --shard ${k}/3 -o ${WORK_DIR}/shard${k})
  endforeach()
  run_or_fail(${CCSIM} merge ${WORK_DIR}/shard0 ${WORK_DIR}/shard1 ${WORK_DIR}/shard2
              --quiet -o ${WORK_DIR}/distributed)
else()
  message(FATAL_ERROR "MODE must be mpi or shards")
endif()

foreach(f IN LISTS FILES)
  file(READ "${WORK_DIR}/local/${f}" a HEX)
  file(READ "${WORK_DIR}/distributed/${f}" b HEX)
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "${f} differs between the local and the ${MODE} run")
  endif()
endforeach()
message(STATUS "${MODE}: ${FILES} byte-identical to the local run")
