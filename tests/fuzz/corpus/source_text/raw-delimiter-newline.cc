/Ó co// comment \
continued
auto r = R"xmment \
con!in=(/* raw ×‡\
coİÌ int a =