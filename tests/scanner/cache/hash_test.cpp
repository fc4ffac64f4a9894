#include "scanner/cache/hash.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/support/temp_repo.h"

using stepup::sha256_hex;

TEST_CASE("sha256 gives FIPS 180-4's test vectors", "[cache]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // A million 'a's, fed in uneven pieces: the block boundaries do not matter.
  stepup::Sha256 h;
  std::string chunk(997, 'a');
  size_t left = 1000000;
  while (left > 0) {
    size_t n = std::min(left, chunk.size());
    h.update(std::string_view(chunk.data(), n));
    left -= n;
  }
  CHECK(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("length-prefixed fields keep neighbours apart", "[cache]") {
  stepup::Sha256 a, b;
  a.field("ab");
  a.field("c");
  b.field("a");
  b.field("bc");
  CHECK(a.hex() != b.hex());
}

TEST_CASE("file hashes are the content's, and empty for a missing file", "[cache]") {
  stepup::test::TempDir dir;
  std::string path = dir.write("a.h", "abc");
  stepup::FileHashes hashes;
  CHECK(hashes.of(path) == sha256_hex("abc"));
  CHECK(hashes.of(dir.path() + "/gone.h").empty());
}
