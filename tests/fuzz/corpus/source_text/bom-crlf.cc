#if 0
x &&
#endif
int g() { return 1 ? /* x */ 2 : 3; }
#define A \
  1
