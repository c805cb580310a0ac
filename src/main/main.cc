// The `gongkai` executable: the command line, whose `serve` subcommand runs the server.
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) { return gongkai::cli::RunCli(argc, argv, std::cout, std::cerr); }
