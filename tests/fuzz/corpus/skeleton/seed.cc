class EXPORT W {
 public:
  int Get();
 private:
  /* a } */ int x_;
};
#include "a/w.h"
#include <string>
namespace a {
namespace {
int run() { return 1; }
}
int W::Get() {
  if (run()) return 2;
  return "}" [0];
}
}
int main() { return a::W().Get(); }
