# Embeds index.html's stylesheet and script (report.css, report.js) into the
# stepup binary as C++ raw strings, in a header generated under the build
# tree: ${CMAKE_BINARY_DIR}/generated/reports/html_assets_gen.h.
#
# Why real files and not strings typed into a header: the script is several
# hundred lines of JavaScript; as a real file it gets an editor's JS mode,
# `node --check` (the browser test runs it) and readable diffs, and nobody has
# to think about the raw-string delimiter. The page still ships as one file:
# the text is compiled in, nothing is read at run time.
#
# The script's SHA-256 goes into the page's Content-Security-Policy
# (script-src 'sha256-...'), so only this exact script runs: even markup that
# slipped into the page could not run a script or an inline event handler.
#
# Included from the top-level CMakeLists.txt after stepup_core is defined.
set(_stepup_assets "${CMAKE_CURRENT_LIST_DIR}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${_stepup_assets}/report.css" "${_stepup_assets}/report.js"
             "${_stepup_assets}/html_assets_gen.h.in")
file(READ "${_stepup_assets}/report.css" STEPUP_HTML_CSS)
file(READ "${_stepup_assets}/report.js" STEPUP_HTML_JS)
string(SHA256 STEPUP_HTML_JS_SHA256 "${STEPUP_HTML_JS}")

# Text that would end the raw string or the page's own <script>/<style>.
foreach(_asset CSS JS)
  string(TOLOWER "${STEPUP_HTML_${_asset}}" _lower)
  foreach(_bad ")stepup_asset\"" "</script" "</style" "<!--")
    string(FIND "${_lower}" "${_bad}" _at)
    if(NOT _at EQUAL -1)
      message(FATAL_ERROR "reports/assets: the ${_asset} holds '${_bad}', which would break index.html")
    endif()
  endforeach()
endforeach()

configure_file("${_stepup_assets}/html_assets_gen.h.in"
               "${CMAKE_BINARY_DIR}/generated/reports/html_assets_gen.h" @ONLY)
target_include_directories(stepup_core PUBLIC "${CMAKE_BINARY_DIR}/generated")
