#include "scanner/parse/compile_db.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "scanner/common/path_match.h"
#include "scanner/parse/compiler_defaults.h"

namespace fs = std::filesystem;

namespace stepup {
namespace {

// Flags whose value is the next argument and which we drop with it.
const std::set<std::string, std::less<>> kDropWithValue = {"-o",  "-MF", "-MT",
                                                           "-MQ", "-MJ", "--serialize-diagnostics"};

const std::set<std::string, std::less<>> kDropExact = {"-c",
                                                       "-S",
                                                       "-E",
                                                       "-M",
                                                       "-MM",
                                                       "-MD",
                                                       "-MMD",
                                                       "-MP",
                                                       "-MG",
                                                       "--coverage",
                                                       "-fprofile-arcs",
                                                       "-ftest-coverage",
                                                       "-fcoverage-mapping",
                                                       "-pedantic-errors",
                                                       "-fsyntax-only",
                                                       "-pipe",
                                                       "-save-temps",
                                                       "-fanalyzer",
                                                       "-fconserve-stack",
                                                       "-fno-canonical-system-headers",
                                                       "-fstack-usage",
                                                       "-fno-fat-lto-objects",
                                                       "-ffat-lto-objects",
                                                       "-fuse-linker-plugin",
                                                       "-fno-gnu-unique",
                                                       "-fno-semantic-interposition",
                                                       "-fno-var-tracking",
                                                       "-fvar-tracking",
                                                       "-fno-var-tracking-assignments",
                                                       "-fvar-tracking-assignments",
                                                       "-fmodulo-sched",
                                                       "-fno-lifetime-dse",
                                                       "-fno-delete-null-pointer-checks",
                                                       "-fno-allow-store-data-races"};

// Prefixes of flags clang rejects or that only affect code generation.
constexpr std::string_view kDropPrefixes[] = {"-Werror",
                                              "-fprofile-",
                                              "-fdump-",
                                              "-flto",
                                              "-fipa-",
                                              "-fno-ipa-",
                                              "-ftree-",
                                              "-fno-tree-",
                                              "-fmax-errors=",
                                              "-fcallgraph-info",
                                              "-fcompare-debug",
                                              "-Wp,-M",
                                              "-MF",
                                              "-MT",
                                              "-MQ",
                                              "-fopt-info",
                                              "-fmodulo-sched",
                                              "-fsched-",
                                              "-fselective-scheduling"};

// Options whose value is a path, joined ("-Idir") or separate ("-I dir").
// Relative values are made absolute against the entry's directory: libclang
// would resolve them against the process's working directory, and its
// -working-directory option changes that directory for the whole process.
constexpr std::string_view kPathOptions[] = {
    "-I",           "-isystem",  "-iquote",      "-idirafter",  "-include",
    "-imacros",     "-isysroot", "-F",           "-iframework", "-cxx-isystem",
    "-ivfsoverlay", "-B",        "-iwithprefix", "-iprefix",    "-include-pch"};
constexpr std::string_view kPathOptionsWithEquals[] = {
    "--sysroot=", "--include-directory=", "-fmodule-map-file=", "-fprebuilt-module-path=",
    "-fmodules-cache-path="};

bool starts_with(std::string_view s, std::string_view prefix);

std::string absolute_value(const std::string& value, const std::string& directory) {
  // "=dir" is relative to the sysroot, not to the directory.
  if (value.empty() || value[0] == '/' || value[0] == '=') return value;
  return join_path(directory, value);
}

// Rewrites args[i] (and the value after it) with absolute paths. Returns
// how many extra arguments were consumed.
size_t absolutize(const std::vector<std::string>& raw, size_t i, const std::string& directory,
                  std::vector<std::string>& out) {
  const std::string& a = raw[i];
  for (auto opt : kPathOptions) {
    if (a == opt && i + 1 < raw.size()) {
      out.push_back(a);
      out.push_back(absolute_value(raw[i + 1], directory));
      return 1;
    }
  }
  for (auto opt : kPathOptions) {
    // Joined forms of the one-letter options only: "-isystemfoo" is
    // ambiguous with longer option names, so only -I, -F and -B join.
    if (opt.size() == 2 && a.size() > 2 && starts_with(a, opt)) {
      out.push_back(std::string(opt) + absolute_value(a.substr(2), directory));
      return 0;
    }
  }
  for (auto opt : kPathOptionsWithEquals) {
    if (starts_with(a, opt)) {
      out.push_back(std::string(opt) + absolute_value(a.substr(opt.size()), directory));
      return 0;
    }
  }
  out.push_back(a);
  return 0;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string read_file_or_throw(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string required_string(const nlohmann::json& entry, const char* key,
                            const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end()) throw InputError(where + ": missing \"" + key + "\"");
  if (!it->is_string()) {
    throw InputError(where + ": \"" + key + "\" is not a string");
  }
  return it->get<std::string>();
}

}  // namespace

std::optional<std::string> find_compile_database(const std::string& repo_root,
                                                 const std::string& option) {
  std::error_code ec;
  if (!option.empty()) {
    fs::path p = fs::absolute(option, ec);
    if (fs::is_directory(p, ec)) p /= "compile_commands.json";
    if (!fs::is_regular_file(p, ec)) {
      throw InputError(p.string() + ": compile database not found");
    }
    return normalize_path(p.string());
  }
  fs::path direct = fs::path(repo_root) / "compile_commands.json";
  if (fs::is_regular_file(direct, ec)) return direct.string();
  std::vector<std::string> found;
  for (fs::directory_iterator it(repo_root, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    fs::path db = it->path() / "compile_commands.json";
    if (starts_with(name, "build") && fs::is_regular_file(db, ec)) {
      found.push_back(db.string());
    }
  }
  if (found.empty()) return std::nullopt;
  std::sort(found.begin(), found.end());
  return found.front();
}

std::vector<std::string> split_command(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(std::move(cur));
      cur.clear();
      in_word = false;
    } else if (c == '\\' && i + 1 < s.size()) {
      cur += s[++i];
      in_word = true;
    } else if (c == '\'') {
      size_t end = s.find('\'', i + 1);
      if (end == std::string_view::npos) end = s.size();
      cur.append(s.substr(i + 1, end - i - 1));
      i = end;
      in_word = true;
    } else if (c == '"') {
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size() &&
            (s[i + 1] == '"' || s[i + 1] == '\\' || s[i + 1] == '$' || s[i + 1] == '`')) {
          ++i;
        }
        cur += s[i];
      }
      in_word = true;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(cur));
  return words;
}

std::vector<std::string> sanitize_args(const std::vector<std::string>& raw, const std::string& file,
                                       const std::string& directory) {
  std::vector<std::string> out;
  if (raw.empty()) return out;
  out.push_back(raw[0]);
  for (size_t i = 1; i < raw.size(); ++i) {
    const std::string& a = raw[i];
    if (kDropWithValue.count(a)) {
      ++i;
      continue;
    }
    if (kDropExact.count(a)) continue;
    if (starts_with(a, "-o") && !starts_with(a, "-objc")) continue;
    bool dropped = false;
    for (auto prefix : kDropPrefixes) {
      if (starts_with(a, prefix)) {
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    if (!a.empty() && a[0] != '-') {
      if (join_path(directory, a) == file) continue;  // the source itself
    }
    if (a.size() > 1 && a[0] == '@') {
      out.push_back("@" + join_path(directory, a.substr(1)));  // response file
      continue;
    }
    i += absolutize(raw, i, directory, out);
  }
  return out;
}

namespace {

// The entry's "output" when it is a string, else the command's -o value.
std::string output_of(const nlohmann::json& entry, const std::vector<std::string>& raw) {
  if (auto it = entry.find("output"); it != entry.end() && it->is_string()) {
    return it->get<std::string>();
  }
  for (size_t i = 1; i < raw.size(); ++i) {
    if (raw[i] == "-o" && i + 1 < raw.size()) return raw[i + 1];
    if (raw[i].size() > 2 && starts_with(raw[i], "-o") && !starts_with(raw[i], "-objc")) {
      return raw[i].substr(2);
    }
  }
  return "";
}

// One entry of the database, read and cleaned; problems go to db.
CompileCommand read_entry(const nlohmann::json& entry, const std::string& path, size_t i,
                          CompileDatabase& db) {
  std::string where = path + ": entry " + std::to_string(i);
  if (!entry.is_object()) throw InputError(where + ": not an object");
  CompileCommand cmd;
  cmd.directory = normalize_path(required_string(entry, "directory", where));
  if (cmd.directory.empty() || cmd.directory[0] != '/') {
    // Relative directories are relative to the database's own folder.
    cmd.directory = join_path(fs::path(path).parent_path().string(), cmd.directory);
  }
  cmd.file = join_path(cmd.directory, required_string(entry, "file", where));
  std::vector<std::string> raw;
  if (auto it = entry.find("arguments"); it != entry.end()) {
    if (!it->is_array()) throw InputError(where + ": \"arguments\" is not an array");
    for (const auto& a : *it) {
      if (!a.is_string()) {
        throw InputError(where + ": \"arguments\" holds a non-string");
      }
      raw.push_back(a.get<std::string>());
    }
  } else if (entry.contains("command")) {
    raw = split_command(required_string(entry, "command", where));
  } else {
    throw InputError(where + ": needs \"arguments\" or \"command\"");
  }
  if (raw.empty()) throw InputError(where + ": empty command line");
  std::vector<std::string> problems;
  raw = expand_response_files(raw, cmd.directory, &problems);
  for (const std::string& p : problems) {
    db.diagnostics.push_back(
        {Diagnostic::Level::kWarning, "compile-db", where + ": " + p, std::nullopt});
  }
  cmd.output = output_of(entry, raw);
  cmd.args = sanitize_args(raw, cmd.file, cmd.directory);
  cmd.is_c = cmd.file.size() > 2 && cmd.file.compare(cmd.file.size() - 2, 2, ".c") == 0;
  return cmd;
}

}  // namespace

CompileDatabase parse_compile_database(const std::string& path, std::string_view text) {
  nlohmann::json doc = parse_json_input(text, path, "compile database");
  if (!doc.is_array()) {
    throw InputError(path + ": a compile database is a JSON array of entries");
  }
  CompileDatabase db;
  db.path = path;
  // A file compiled twice with flags that shape the AST (a static and a
  // shared build, two targets) is two configurations, both parsed; twice
  // with flags that do not (-fPIC, -O2, warnings) is one.
  std::map<std::string, std::vector<std::string>> configurations;  // file -> keys
  for (size_t i = 0; i < doc.size(); ++i) {
    CompileCommand cmd = read_entry(doc[i], path, i, db);
    cmd.implied_std = default_std_for(cmd.args, cmd.is_c);
    if (!cmd.implied_std.empty()) cmd.args.push_back("-std=" + cmd.implied_std);
    std::string key = configuration_key(cmd.args);
    std::vector<std::string>& seen = configurations[cmd.file];
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    cmd.variant = static_cast<int>(seen.size());
    seen.push_back(std::move(key));
    db.commands.push_back(std::move(cmd));
  }
  return db;
}

namespace {

constexpr int kMaxResponseDepth = 16;

void expand_into(const std::vector<std::string>& args, const std::string& directory, int depth,
                 std::set<std::string>& open, std::vector<std::string>& out,
                 std::vector<std::string>* problems) {
  for (const std::string& a : args) {
    if (a.size() < 2 || a[0] != '@') {
      out.push_back(a);
      continue;
    }
    std::string file = join_path(directory, a.substr(1));
    std::error_code ec;
    std::ifstream in(file, std::ios::binary);
    if (!in || fs::is_directory(file, ec) || depth >= kMaxResponseDepth || open.count(file)) {
      if (problems) {
        problems->push_back("response file " + a +
                            (open.count(file)             ? " includes itself"
                             : depth >= kMaxResponseDepth ? " nests too deep"
                                                          : " cannot be read (" + file + ")") +
                            "; its flags are missing, so code behind them may be too");
      }
      out.push_back("@" + file);
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    open.insert(file);
    expand_into(split_command(text.str()), directory, depth + 1, open, out, problems);
    open.erase(file);
  }
}

}  // namespace

std::vector<std::string> expand_response_files(const std::vector<std::string>& raw,
                                               const std::string& directory,
                                               std::vector<std::string>* problems) {
  std::vector<std::string> out;
  std::set<std::string> open;
  expand_into(raw, directory, 0, open, out, problems);
  return out;
}

namespace {

// Options that change what the compiler sees of a file; the ones with a
// separate value take the next argument along.
constexpr std::string_view kShapingJoined[] = {
    "-D",        "-U",         "-I",   "-std=", "--std=",   "-stdlib=",
    "--target=", "--sysroot=", "-m32", "-m64",  "-nostdinc"};
constexpr std::string_view kShapingWithValue[] = {"-D",      "-U",         "-I",       "-isystem",
                                                  "-iquote", "-idirafter", "-include", "-imacros",
                                                  "-x",      "-target",    "-isysroot"};

bool shaping(const std::string& arg) {
  for (std::string_view p : kShapingWithValue) {
    if (arg == p) return true;
  }
  for (std::string_view p : kShapingJoined) {
    if (starts_with(arg, p)) return true;
  }
  return false;
}

// The shaping options of a command line, each with its value: "-DX=1",
// "-I/abs/inc" (a separate value joined), "-isystem /abs/x".
std::vector<std::string> shaping_flags(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (size_t i = 1; i < args.size(); ++i) {
    if (!shaping(args[i])) continue;
    bool takes_value = false;
    for (std::string_view p : kShapingWithValue) takes_value |= args[i] == p;
    if (!takes_value || i + 1 == args.size()) {
      out.push_back(args[i]);
      continue;
    }
    bool joined = args[i] == "-D" || args[i] == "-U" || args[i] == "-I";
    out.push_back(args[i] + (joined ? "" : " ") + args[i + 1]);
    ++i;
  }
  return out;
}

}  // namespace

std::string configuration_key(const std::vector<std::string>& args) {
  std::string key;
  if (!args.empty()) key = fs::path(args[0]).filename().string();
  for (const std::string& flag : shaping_flags(args)) key += '\0' + flag;
  return key;
}

std::vector<Diagnostic> configuration_notes(const CompileDatabase& db, const std::string& root) {
  std::map<std::string, std::vector<const CompileCommand*>> by_file;
  for (const CompileCommand& cmd : db.commands) by_file[cmd.file].push_back(&cmd);
  std::vector<Diagnostic> out;
  for (const auto& [file, cmds] : by_file) {
    if (cmds.size() < 2) continue;
    // The shaping flags some configurations have and others lack.
    std::map<std::string, size_t> count;
    for (const CompileCommand* cmd : cmds) {
      std::vector<std::string> flags = shaping_flags(cmd->args);
      for (const std::string& a : std::set<std::string>(flags.begin(), flags.end())) ++count[a];
    }
    std::string differ;
    for (const auto& [flag, n] : count) {
      if (n < cmds.size()) differ += (differ.empty() ? "" : " ") + flag;
    }
    std::string rel = relative_to(root, file);
    out.push_back({Diagnostic::Level::kInfo, "compile-db",
                   "compiled in " + std::to_string(cmds.size()) + " configurations" +
                       (differ.empty() ? "" : " (differing in " + differ + ")") +
                       ": each was parsed, and a function is counted once, where it is defined",
                   rel.empty() ? file : rel});
  }
  return out;
}

CompileDatabase load_compile_database(const std::string& path) {
  return parse_compile_database(path, read_file_or_throw(path));
}

CompileCommand interpolate_command(const CompileDatabase& db, const std::string& file, bool is_c) {
  const CompileCommand* best = nullptr;
  size_t best_score = 0;
  for (const auto& cmd : db.commands) {
    size_t common = 0;
    size_t n = std::min(cmd.file.size(), file.size());
    for (size_t i = 0; i < n && cmd.file[i] == file[i]; ++i) {
      if (file[i] == '/') common = i + 1;
    }
    // Same language outweighs any directory closeness.
    size_t score = common + (cmd.is_c == is_c ? 1u << 20 : 0);
    if (!best || score > best_score) {
      best = &cmd;
      best_score = score;
    }
  }
  CompileCommand out;
  out.file = file;
  if (best) {
    out.directory = best->directory;
    out.args = best->args;
    out.is_c = best->is_c;
  }
  return out;
}

}  // namespace stepup
