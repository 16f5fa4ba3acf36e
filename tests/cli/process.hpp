#pragma once
// Starts ccsim as a child process the test can signal, time and wait for: what the
// fault tests need and popen() cannot do (send SIGTERM to ccsim itself, set a file-size
// limit in the child, hand it a pipe whose reader has gone).

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace ccsim::test {

struct Child {
  pid_t pid = -1;
};

// Runs CCSIM_EXE with `args`; stdout and stderr go to the files given ("" for stdout:
// left as `stdout_fd`). `in_child` runs in the child before exec (limits, signals).
inline Child start_ccsim(const std::vector<std::string>& args, const std::filesystem::path& out,
                         const std::filesystem::path& err, const std::function<void()>& in_child = {},
                         int stdout_fd = -1) {
  Child c;
  c.pid = ::fork();
  if (c.pid != 0) return c;
  if (stdout_fd >= 0) {
    ::dup2(stdout_fd, 1);
  } else {
    const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
  }
  const int efd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(efd, 2);
  if (in_child) in_child();
  std::vector<char*> argv;
  std::string exe = CCSIM_EXE;
  argv.push_back(exe.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(exe.c_str(), argv.data());
  ::_exit(127);
}

// Waits for the child at most `timeout_s`; its exit code (-1: killed by a signal), or
// -2 on timeout (the child is then killed, so no test leaves a process behind).
inline int wait_exit(const Child& c, double timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(c.pid, &status, WNOHANG);
    if (done == c.pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(c.pid, SIGKILL);
      ::waitpid(c.pid, &status, 0);
      return -2;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Polls `ready` until it holds or `timeout_s` passes; whether it held.
inline bool wait_until(const std::function<bool()>& ready, double timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (!ready()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// The temporary folder of a run in progress (io/output_folder.hpp) exists in `dir`.
inline bool has_temporary_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().filename().string().rfind(".ccsim-tmp-", 0) == 0) return true;
  }
  return false;
}

inline double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace ccsim::test
