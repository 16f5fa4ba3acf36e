#include "exit_codes.hpp"

#include <exception>
#include <string>

#include "ccsim/io/errors.hpp"
#include "ccsim/model/model_error.hpp"

namespace ccsim::cli {

int exit_code_of_current_exception(std::string_view command, std::FILE* err) {
  const std::string prefix = "ccsim " + std::string(command) + ": ";
  try {
    throw;
  } catch (const io::InputError& e) {
    std::fprintf(err, "%s\n", e.what());  // every line names its file and JSON path
    return bad_input;
  } catch (const io::UsageError& e) {
    std::fprintf(err, "%s%s\n", prefix.c_str(), e.what());
    return bad_input;
  } catch (const model::ModelError& e) {
    // The scenario loader checks what the model requires; reaching here means a check is
    // missing there, but the input is still what is wrong.
    std::fprintf(err, "%sthe scenario cannot be simulated: %s\n", prefix.c_str(), e.what());
    return bad_input;
  } catch (const io::WriteError& e) {
    std::fprintf(err, "%s%s\n", prefix.c_str(), e.what());  // names the file or stdout
    return internal_error;
  } catch (const std::exception& e) {
    std::fprintf(err, "%sinternal error: %s\n", prefix.c_str(), e.what());
    return internal_error;
  } catch (...) {
    std::fprintf(err, "%sinternal error: unknown exception\n", prefix.c_str());
    return internal_error;
  }
}

}  // namespace ccsim::cli
