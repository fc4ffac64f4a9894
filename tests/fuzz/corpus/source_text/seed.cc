// comment \
continued
auto r = R"x(/* raw )x"; int a = 1'000; /* block
*/ char c = '\''; const char* s = "a\"b//c";
