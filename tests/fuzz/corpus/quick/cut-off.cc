int f(int a) {
  if (a) {
#ifdef X
    return 1;
  } else {
#endif
    return 2;
  }
