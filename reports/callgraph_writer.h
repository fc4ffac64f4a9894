// The call graph's two files (docs/callgraph.md): callgraph.json, every node
// and call site, for tools; callgraph.dot, one edge per calling pair, for
// GraphViz (`dot -Tsvg callgraph.dot`).
#pragma once

#include <ostream>
#include <string>

#include "model/report.h"

namespace stepup {

/// The schema of callgraph.json; readers accept only this one.
constexpr const char* kCallGraphSchema = "stepup-callgraph/1";

/// {"schema", "commit", "available", "nodes": [{id, usr, function, file,
/// line, module, role, defined, callers, callees}], "edges": [{caller,
/// callee, line, virtual, loop_line}], "overrides": [{base, override}],
/// "unresolved"}; ids are node indexes. available is
/// false (and the lists empty) in quick mode or with signals.call_graph off.
void write_callgraph_json(const Report& report, std::ostream& out);

/// A digraph with a cluster per module; several call sites of one pair make
/// one edge labelled with their count. Virtual edges are dashed, edges from
/// a per-element loop are bold. Names are escaped for DOT's quoted strings.
void write_callgraph_dot(const Report& report, std::ostream& out);

/// text as a DOT quoted string, quotes included: `"` and `\` escaped, line
/// breaks and other control characters as spaces.
std::string dot_quoted(const std::string& text);

}  // namespace stepup
