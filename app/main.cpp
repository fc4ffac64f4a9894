#include "app/cli.h"

int main(int argc, char** argv) { return stepup::run_cli(argc, argv); }
