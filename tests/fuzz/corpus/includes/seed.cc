#include "a.h"
  #  include <sys/stat.h> // x
#if 0
#include_next <b.h>
#endif
/* #include "c.h" */
const char* r = R"x(
#include "raw.h"
)x";
#include \
  "split.h"
#include MACRO
