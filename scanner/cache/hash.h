// SHA-256, for the facts cache's keys and the content of the files a
// translation unit read: a scanned repository is untrusted input, so a
// collision must not be something a file's author can arrange.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stepup {

/// Incremental SHA-256 (FIPS 180-4).
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  /// Adds a length-prefixed field, so ("ab","c") and ("a","bc") differ.
  void field(std::string_view data);
  std::string hex();  ///< 64 lowercase hex digits; the object is spent

 private:
  void block(const unsigned char* p);
  uint32_t h_[8];
  unsigned char buf_[64];
  size_t used_ = 0;
  uint64_t bytes_ = 0;
};

std::string sha256_hex(std::string_view data);

/// The content hashes of files, each read once per scan (thread-safe).
class FileHashes {
 public:
  /// The file's SHA-256, or "" when it cannot be read.
  std::string of(const std::string& path);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::string> known_;
};

}  // namespace stepup
