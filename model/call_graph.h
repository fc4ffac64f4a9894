// The repository's call graph (docs/callgraph.md): nodes are the repo's
// function definitions, keyed by clang's USR; edges are call sites, merged
// from every translation unit's facts after the join.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace stepup {

/// A function definition of the repository.
struct CallNode {
  std::string usr;             ///< clang's USR: the same in every TU
  std::string qualified_name;  ///< "leveldb::DBImpl::Write"
  std::string path;            ///< repo-relative file of its definition
  int line = 0;                ///< line of its name
  std::string module;
  std::string role;            ///< the file's role (docs/roles.md)
  /// A virtual method that calls reach but no scanned file defines (a pure
  /// virtual, an interface's method): path and line are its declaration's.
  bool declared_only = false;
};

/// One call site: caller calls callee at line (of the caller's file).
struct CallEdge {
  int caller = 0, callee = 0;  ///< indexes into CallGraph::nodes
  int line = 0;
  /// A virtual member called through a pointer or reference: the callee is
  /// the static type's method, and an override may run instead.
  bool is_virtual = false;
  int loop_line = 0;  ///< the per-element loop that always reaches the call; 0 none
  bool conditional = false;  ///< not reached on every call of the caller (CallSite::conditional)
};

/// Definitions in file order, then the declared-only virtual methods; edges
/// by (caller, line, callee).
/// callers_of[n] and callees_of[n] index edges; several edges between one
/// pair (two call sites) count as one caller and one callee.
struct CallGraph {
  std::vector<CallNode> nodes;
  std::vector<CallEdge> edges;
  std::vector<std::vector<int>> callers_of, callees_of;
  /// The nodes overriding each node's virtual method, one level down.
  std::vector<std::vector<int>> overriders_of;
  std::map<std::string, int> node_of;  ///< USR -> node
  /// Call sites whose callee is declared in the repository but defined in
  /// no scanned file (a library's header, a file outside the database).
  long long unresolved = 0;
};

}  // namespace stepup
