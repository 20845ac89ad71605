// byline: analyze news text from the command line. `byline help` lists the subcommands.
#include <cstring>
#include <iostream>

#include "tools/cli.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* help;
};

constexpr Command kCommands[] = {
    {"analyze", byline::cli::RunAnalyze,
     "analyze [--model M] [--jsonl] FILE|-   entities, quotes, sentences as JSON"},
    {"tag-conll", byline::cli::RunTagConll,
     "tag-conll [--model M] FILE            token TAB gold TAB predicted (IOB2)"},
    {"train", byline::cli::RunTrain, "train --train F --dev F --out M ...   train the entity model"},
    {"eval-ner", byline::cli::RunEvalNer, "eval-ner [--model M] FILE             conlleval-style scores"},
    {"clusters", byline::cli::RunClusters,
     "clusters --out F FILE.jsonl...        word clusters for the entity model"},
    {"eval-quotes", byline::cli::RunEvalQuotes,
     "eval-quotes [--model M] FILE.jsonl    quote and speaker scores (PolNeAR format)"},
    {"bench", byline::cli::RunBench,
     "bench [--model M] [--runs N] CORPUS    native throughput, load time, peak memory (JSON)"},
};

int Usage(std::ostream& os) {
  os << "usage: byline COMMAND [options]\n\ncommands:\n";
  for (const Command& c : kCommands) os << "  " << c.help << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage(std::cerr);
  if (!std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    Usage(std::cout);
    return 0;
  }
  for (const Command& c : kCommands) {
    if (!std::strcmp(argv[1], c.name)) {
      try {
        return c.run(argc - 1, argv + 1);
      } catch (const std::exception& e) {
        std::cerr << "byline " << c.name << ": " << e.what() << "\n";
        return 1;
      }
    }
  }
  std::cerr << "byline: unknown command '" << argv[1] << "'\n";
  return Usage(std::cerr);
}
