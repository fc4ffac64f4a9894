// cppcheck's XML output (cppcheck --xml, format version 2).
#pragma once

#include <string>
#include <string_view>

#include "scanner/evidence/findings.h"

namespace stepup {

/// Reads <results version="2"><errors><error id severity msg><location
/// file line/>: the first <location> is where cppcheck reports the error.
/// Errors of severity "information" (missing includes, check-level notes)
/// and errors without a location are skipped. No DOCTYPE or entity is ever
/// expanded. Throws InputError "<name>:<line>:<col>: ..." when malformed.
FindingsData import_cppcheck_xml(std::string_view text, const std::string& name);

}  // namespace stepup
