// Shared pieces of the `byline` command-line tool (native only; not part of core/).
#ifndef BYLINE_TOOLS_CLI_H_
#define BYLINE_TOOLS_CLI_H_

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>

#include "core/analyzer.h"

namespace byline::cli {

// Subcommands; argv[0] is the subcommand's name. Each returns the process exit code.
int RunAnalyze(int argc, char** argv);    // cmd_analyze.cc
int RunTagConll(int argc, char** argv);   // cmd_ner.cc
int RunTrain(int argc, char** argv);      // cmd_ner.cc
int RunEvalNer(int argc, char** argv);    // cmd_ner.cc
int RunClusters(int argc, char** argv);   // cmd_clusters.cc
int RunEvalQuotes(int argc, char** argv); // cmd_quotes.cc
int RunBench(int argc, char** argv);      // bench.cc

// `byline analyze --jsonl`: one JSON result per input line on stdout, errors on stderr; 1 if any
// line failed. (cmd_analyze.cc; also run by fuzz/fuzz_jsonl.cc)
int AnalyzeJsonl(const Analyzer& analyzer, std::istream& in);

// One line of a JSONL input: a JSON object with a string "text". False with *why ("not valid JSON
// (the parser's message)" or "not a JSON object with a string \"text\"") otherwise.
bool ParseTextRecord(const std::string& line, nlohmann::json* record, std::string* why);

// Reads a whole file ("-" is stdin). False with *error on failure.
bool ReadFile(const std::string& path, std::string* out, std::string* error);

// The model to use: --model PATH if given, else $BYLINE_MODEL, else models/byline-ner.bin next to
// the executable's source tree or install prefix. Empty if none is found.
std::string DefaultModelPath();

// Loads the model at path (or the default one when path is empty) into analyzer. A model that was
// named explicitly must load; a missing default model only warns. False with *error on failure.
bool LoadAnalyzer(const std::string& path, Analyzer* analyzer, std::string* error);

}  // namespace byline::cli

#endif  // BYLINE_TOOLS_CLI_H_
