# Embeds index.html's stylesheet and script (*.css, js/*.js) into the
# stepup binary as C++ raw strings, in a header generated under the build
# tree: ${CMAKE_BINARY_DIR}/generated/reports/html_assets_gen.h.
#
# Why real files and not strings typed into a header: the script is several
# hundred lines of JavaScript; as a real file it gets an editor's JS mode,
# `node --check` (the browser test runs it) and readable diffs, and nobody has
# to think about the raw-string delimiter. The page still ships as one file:
# the text is compiled in, nothing is read at run time.
#
# The script is one file per view (js/core.js: helpers and indexes; then the
# summary, treemap, scatter, tasks and file views; js/main.js runs the render
# steps), joined in the order of _stepup_js_parts inside one function scope,
# so each part is a list of declarations that `node --check` accepts alone.
#
# The script's SHA-256 goes into the page's Content-Security-Policy
# (script-src 'sha256-...'), so only this exact script runs: even markup that
# slipped into the page could not run a script or an inline event handler.
#
# Included from the top-level CMakeLists.txt after stepup_core is defined.
set(_stepup_assets "${CMAKE_CURRENT_LIST_DIR}")
set(_stepup_js_parts core summary treemap scatter tasks file_view main)
# The stylesheet likewise: report.css (the palette, light and dark, and the
# base layout), then one file per view that needs more.
set(_stepup_css_parts report panels file_view)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_stepup_assets}/html_assets_gen.h.in")
set(STEPUP_HTML_CSS "")
foreach(_part ${_stepup_css_parts})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_stepup_assets}/${_part}.css")
  file(READ "${_stepup_assets}/${_part}.css" _text)
  string(APPEND STEPUP_HTML_CSS "${_text}")
endforeach()
set(STEPUP_HTML_JS "(function () {\n  'use strict';\n")
foreach(_part ${_stepup_js_parts})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_stepup_assets}/js/${_part}.js")
  file(READ "${_stepup_assets}/js/${_part}.js" _text)
  string(APPEND STEPUP_HTML_JS "${_text}")
endforeach()
string(APPEND STEPUP_HTML_JS "})();\n")
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
