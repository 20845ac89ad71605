// The JSONL readers on arbitrary bytes:
// - `byline analyze --jsonl`: tools/cmd_analyze.cc's AnalyzeJsonl as the CLI runs it. Every
//   non-blank input line gives exactly one output line (a JSON object whose spans are in order) or
//   one error line on stderr, and the exit code is 1 exactly when there was an error.
// - `byline eval-quotes`: tools/quote_eval.h's ScoreArticle on each non-blank line as gold. A line
//   is scored (with counts that add up) or refused with a reason.
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fuzz/fuzz_common.h"
#include "tools/cli.h"
#include "tools/quote_eval.h"

namespace {

const byline::Analyzer* analyzer = nullptr;

size_t CountLines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

void CheckSpans(const nlohmann::json& list) {
  if (!list.is_array()) byline::fuzz::Trap("a result list is not an array");
  for (const nlohmann::json& j : list) {
    if (!j.is_object() || !j.contains("begin") || !j.contains("end") || !j["begin"].is_number_unsigned() ||
        !j["end"].is_number_unsigned() || j["begin"].get<uint64_t>() > j["end"].get<uint64_t>()) {
      byline::fuzz::Trap("a result span is malformed");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  analyzer = byline::fuzz::ModelAnalyzer();
  if (!analyzer) analyzer = new byline::Analyzer;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  size_t expected = 0;
  {
    std::istringstream lines(input);
    std::string line;
    while (std::getline(lines, line)) expected += line.find_first_not_of(" \t\r") != std::string::npos;
  }
  std::istringstream in(input);
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  const int rc = byline::cli::AnalyzeJsonl(*analyzer, in);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);

  const std::string results = out.str(), errors = err.str();
  if (CountLines(results) + CountLines(errors) != expected) {
    byline::fuzz::Trap("output and error lines do not match the input's non-blank lines");
  }
  if ((rc != 0) != !errors.empty()) byline::fuzz::Trap("exit code disagrees with the errors");
  std::istringstream result_lines(results);
  std::string line;
  while (std::getline(result_lines, line)) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) byline::fuzz::Trap("an output line is not a JSON object");
    if (!j.contains("id") || !j.contains("entities") || !j.contains("quotes") ||
        !j.contains("sentences")) {
      byline::fuzz::Trap("an output line lacks a field of the schema");
    }
    CheckSpans(j["entities"]);
    CheckSpans(j["quotes"]);
    CheckSpans(j["sentences"]);
  }

  std::istringstream gold_lines(input);
  while (std::getline(gold_lines, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    byline::cli::QuoteScores scores;
    std::ostringstream misses;
    std::string why;
    if (!byline::cli::ScoreArticle(*analyzer, line, true, &scores, &misses, &why)) {
      if (why.empty()) byline::fuzz::Trap("eval-quotes refused a line without a reason");
      if (scores.articles != 0) byline::fuzz::Trap("eval-quotes counted a refused line");
      continue;
    }
    if (scores.articles != 1) byline::fuzz::Trap("eval-quotes did not count the article");
    for (const byline::cli::QuoteCounts* c : {&scores.direct, &scores.partial, &scores.all,
                                               &scores.indirect}) {
      if (c->tp < 0 || c->fp < 0 || c->fn < 0 || c->tp_gold > c->gold || c->tp_gold + c->fn != c->gold ||
          c->speaker_right > c->speaker_total || c->P() < 0 || c->P() > 1 || c->R() < 0 || c->R() > 1) {
        byline::fuzz::Trap("eval-quotes counts do not add up");
      }
    }
  }
  return 0;
}
