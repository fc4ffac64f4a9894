// libFuzzer target: any bytes as a repository's header and source file, read
// the way a ticket's test skeleton reads them (include lines, the class body
// a member's access comes from, a definition's head, callers by name).
#include <cstddef>
#include <cstdint>
#include <string>

#include "reports/skeleton_source.h"
#include "reports/test_skeleton.h"
#include "scanner/parse/test_framework.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t cut = text.find('\f');  // header \f source
  std::string header = cut == std::string::npos ? text : text.substr(0, cut);
  std::string source = cut == std::string::npos ? text : text.substr(cut + 1);
  for (const stepup::IncludeLine& inc : stepup::include_lines(text)) {
    if (inc.spelled.empty() || inc.line < 1) __builtin_trap();
  }
  stepup::Report r;
  stepup::FileFacts h, cc;
  h.path = "src/a/w.h";
  h.source = header;
  cc.path = "src/a/w.cc";
  cc.source = source;
  int lines = 1;
  for (char c : source) lines += c == '\n';
  for (int i = 0; i < 3; ++i) {  // functions at made-up places, some overlapping
    stepup::FunctionFacts fn;
    fn.name = i == 0 ? "Get" : i == 1 ? "run" : "main";
    fn.qualified_name = i == 0 ? "a::W::Get" : i == 1 ? "a::(anonymous namespace)::run" : "main";
    fn.line = 1 + (lines * i) / 3;
    fn.end_line = lines;
    fn.coverage = stepup::Coverage{};
    fn.uncovered_lines = {fn.line, fn.line + 1, lines + 5};
    fn.partial_branch_lines = {fn.line};
    cc.functions.push_back(fn);
  }
  r.files = {h, cc};
  stepup::access_of(header, "W", "Get");
  for (const std::string& target : {"a::W::Get", "a::(anonymous namespace)::run", "main"}) {
    stepup::Candidate c;
    c.kind = "add-tests";
    c.target.file = "src/a/w.cc";
    c.target.function = target;
    stepup::SkeletonPlan p = stepup::plan_skeleton(r, c);
    if (p.entry) stepup::render_skeleton(p);
  }
  return 0;
}
