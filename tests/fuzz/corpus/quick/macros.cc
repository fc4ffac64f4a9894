#define M(x) if (x) { return; }
void g(int* p) { M(p) while (p && *p) ++p; }
int (*h(int))(int) { return 0; }
