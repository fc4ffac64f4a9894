namespace a { namespace {
struct B : X {
  B(int x) : v(x ? 1 : 2) {}
  ~B() = default;
  bool operator==(const B& o) const { return v == o.v && (o.v || v); }
  template <class T> T f(T t, ...) try { if (t) return t; else if (!t) return 1; else { return 2; } } catch (...) { throw; }
  int v;
};
} }
TEST(Foo, Bar) { EXPECT_TRUE(a and b); }
void B::x(void) { for (auto& v : w) { switch (v) { case 1: break; default: ; } } do {} while (0); [&]() { while (1) goto x; }(); }
