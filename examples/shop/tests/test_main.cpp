#include <cstring>
#include <iostream>

#include "check.h"
#include "util/log.h"

void run_util_tests();
void run_pricing_tests();
void run_store_tests();

namespace shop::test {
int& failures() {
    static int count = 0;
    return count;
}
}  // namespace shop::test

int main(int argc, char** argv) {
    shop::log::set_level(shop::log::Level::Off);
    struct Suite {
        const char* name;
        void (*run)();
    };
    const Suite suites[] = {
        {"util", run_util_tests},
        {"pricing", run_pricing_tests},
        {"store", run_store_tests},
    };
    for (const auto& suite : suites) {
        if (argc > 1 && std::strcmp(argv[1], suite.name) != 0) continue;
        const int before = shop::test::failures();
        suite.run();
        std::cout << suite.name << ": " << (shop::test::failures() - before) << " failure(s)\n";
    }
    return shop::test::failures() == 0 ? 0 : 1;
}
