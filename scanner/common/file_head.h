// What the top of a source file says about where it comes from: a
// generator's banner, a copyright holder and license, an upstream URL, a
// note that it was copied. Read by role classification (docs/roles.md).
#pragma once

#include <string>
#include <string_view>

namespace stepup {

/// The facts of a file's leading comment block (the comments, blank lines
/// and preprocessor lines before its first line of code).
struct HeadFacts {
  std::string banner;       ///< "DO NOT EDIT (line 2)", "GNU Bison (line 1)"; "" none
  std::string holder;       ///< copyright holder, normalised: "google", "the leveldb authors"
  std::string license;      ///< "apache", "mit", "bsd", "gpl", "lgpl", "public-domain"...
  std::string url;          ///< first URL that is not a license's
  std::string copied_from;  ///< "copied from (line 3)" when the block says so
  std::string name_space;   ///< first namespace the text declares, outermost part
};

/// Reads head (a file's first lines). Banners count only in the first 40
/// lines; the rest is read from the whole leading comment block.
HeadFacts read_head(std::string_view head);

}  // namespace stepup
