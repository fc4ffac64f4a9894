#include "app/command_docs.h"

#include <iostream>
#include <sstream>

namespace po = boost::program_options;

namespace stepup {
namespace {

/// The command being described, or null outside describe_command (the CLI
/// is single-threaded: nothing else runs while it describes).
CommandDoc* g_describing = nullptr;

OptionDoc option_doc(const po::option_description& o) {
  OptionDoc d;
  d.long_name = o.long_name();
  const std::string shorter =
      o.canonical_display_name(po::command_line_style::allow_dash_for_short);
  if (shorter.size() == 2 && shorter[0] == '-') d.short_name = shorter;
  d.parameter = o.format_parameter();
  d.description = o.description();
  return d;
}

/// Restores std::cout's buffer however describe_command leaves.
struct CoutCapture {
  std::ostringstream text;
  std::streambuf* saved;
  CoutCapture() : saved(std::cout.rdbuf(text.rdbuf())) {}
  ~CoutCapture() { std::cout.rdbuf(saved); }
  CoutCapture(const CoutCapture&) = delete;
  CoutCapture& operator=(const CoutCapture&) = delete;
};

}  // namespace

void record_options(const po::options_description& desc) {
  if (g_describing == nullptr || !g_describing->options.empty()) return;
  for (const auto& o : desc.options()) g_describing->options.push_back(option_doc(*o));
}

void describe_command(CommandFn run, CommandDoc& doc) {
  doc.options.clear();
  CoutCapture out;
  g_describing = &doc;
  try {
    run({"--help"});
  } catch (...) {
    g_describing = nullptr;
    throw;
  }
  g_describing = nullptr;
  doc.help = out.text.str();
}

}  // namespace stepup
