# The Debian package: `cmake --build build --target package` writes
# build/stepup_<version>_<arch>.deb with CPack's DEB generator
# (https://cmake.org/cmake/help/latest/cpack_gen/deb.html). Included from the
# top-level CMakeLists.txt after the install() rules, so the package holds
# exactly what `cmake --install` puts in place.
#
# Depends is what the binary needs, no more: dpkg-shlibdeps reads the ELF
# NEEDED entries (libclang through the binary's RUNPATH, libtree-sitter,
# SQLite, Boost.Program_options, pugixml, simdjson, libstdc++, libc) and
# names the packages that ship them, with their minimum versions. One
# dependency no ELF entry shows is added by hand: the clang resource
# directory (stddef.h, stdarg.h... under lib/clang/<version>/include) that
# the binary passes to libclang by its absolute path (CMakeLists.txt,
# CLANG_RESOURCE_DIR), shipped by libclang-common-<major>-dev.
# Recommends: git (history, churn, patch mode) and gcovr
# (--coverage-build); stepup runs without them (docs/install.md says what
# each adds).
# tests/e2e/install_test.cpp checks Depends against dpkg -S of every NEEDED
# library, unpacks the package into a temporary root and scans with it.

string(REGEX MATCH "llvm-([0-9]+)" _llvm_dir "${LLVM_ROOT}")
set(STEPUP_LLVM_MAJOR "${CMAKE_MATCH_1}")
if(NOT STEPUP_LLVM_MAJOR)
  message(FATAL_ERROR "package: no LLVM major version in ${LLVM_ROOT}")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stepup)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(STEPUP_MAINTAINER "stepup maintainers <stepup@localhost>" CACHE STRING
    "The .deb's Maintainer field: set it to whoever publishes the package")
set(CPACK_PACKAGE_CONTACT "${STEPUP_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "C++ code-health scanner that ranks test, refactor and instrumentation work")
# The long description's body: CPack puts the summary line first and indents
# each line by one space, as Debian's control format wants.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "stepup parses a C++ repository with libclang over compile_commands.json,
reads its coverage (gcovr, lcov, Cobertura, llvm-cov) and its git history,
and ranks concrete tasks: tests for under-tested, error-prone code,
instrumentation where errors vanish, refactors of complex churning code and
performance work on hot paths. It writes report.json, a self-contained HTML
report, SARIF, GitLab Code Quality and a Markdown summary for CI.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # stepup_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${STEPUP_LLVM_MAJOR}-dev")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gcovr, git")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
