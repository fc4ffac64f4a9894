// The JSON that `llvm-cov export` writes (clang's source-based coverage:
// -fprofile-instr-generate -fcoverage-mapping), read into the coverage model.
#pragma once

#include <string>
#include <string_view>

#include "model/coverage.h"

namespace stepup {

/// Reads an `llvm-cov export` document (format versions 2.0.0, 2.0.1 and
/// any 3.x) named name (for messages).
///
/// Line counts are the ones llvm-cov itself reports: they come from each
/// file's segments, read the way llvm-cov's LineCoverageIterator reads them.
/// Branches at one source range (one per template instantiation) are added
/// into one pair of outcomes, as the segments already are; functions are
/// demangled and the instantiations of one template are added into one
/// FunctionCount at the line where its body starts. Counts above INT64_MAX
/// are clamped, with a Diagnostic. Throws InputError naming name, and the
/// source file or function, for anything that is not such a document.
CoverageData import_llvm_cov(std::string_view text, const std::string& name);

}  // namespace stepup
