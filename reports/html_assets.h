// The inline stylesheet and script of index.html. Vanilla JS, no library:
// the page must open from file:// offline and load nothing, and a few
// hundred lines of DOM code do what a chart or table library would, with no
// third-party code to audit or inline. Every value from the report reaches
// the DOM through textContent, a property or setAttribute, never innerHTML.
//
// The CSS and JS live as real files in reports/assets/ (report.css,
// report.js) and are compiled in by reports/assets/embed.cmake, which says
// why; this header only exposes them.
#pragma once

#include "reports/html_assets_gen.h"  // generated under the build tree
