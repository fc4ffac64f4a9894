// The two failures that stop a run. Everything else is a Diagnostic.
#pragma once

#include <stdexcept>
#include <string>

namespace stepup {

/// Unusable input (missing REPO, malformed compile database, config or
/// coverage): the message names the file and line or offset. Exit code 3.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Wrong command-line usage. Exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr int kExitOk = 0;
constexpr int kExitGateFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInput = 3;

}  // namespace stepup
