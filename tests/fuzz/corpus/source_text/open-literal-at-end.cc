// comment \
con!in= R"x(/* raw )x"; int a = 1'000; /* block
*/ char c/c"; = '\'b//c";
'; const char* s = "a\"b//c";
