// byline eval-quotes: quotation and speaker scores against PolNeAR-format gold (one JSON article per
// line, see /work/shared/data/quotes/polnear/README.md).
//
// tools/quote_eval.h says how each row is scored.
#include <cxxopts.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tools/cli.h"
#include "tools/quote_eval.h"

namespace byline::cli {
namespace {

std::string Pct(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%6.2f", 100 * x);
  return buf;
}

}  // namespace

int RunEvalQuotes(int argc, char** argv) {
  cxxopts::Options options("byline eval-quotes",
                           "Scores quotations and speakers against PolNeAR-format JSONL gold");
  options.add_options()("model", "entity model (default: the project's model)",
                        cxxopts::value<std::string>()->default_value(""))(
      "json", "print the scores as JSON")("errors", "print the misses and false positives")(
      "no-split-join", "a prediction matches one gold record only, even when the annotators "
                       "marked one attribution's content in several pieces")(
      "file", "gold JSONL", cxxopts::value<std::string>())("h,help", "this help");
  options.parse_positional({"file"});
  options.positional_help("FILE.jsonl");
  cxxopts::ParseResult args;
  try {
    args = options.parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "byline eval-quotes: " << e.what() << "\n" << options.help() << "\n";
    return 2;
  }
  if (args.count("help")) {
    std::cout << options.help() << "\n";
    return 0;
  }
  if (!args.count("file")) {
    std::cerr << "byline eval-quotes: missing FILE.jsonl\n" << options.help() << "\n";
    return 2;
  }
  const std::string path = args["file"].as<std::string>();
  const bool show_errors = args.count("errors") > 0;
  const bool join_split = args.count("no-split-join") == 0;
  std::string error, data;
  if (!ReadFile(path, &data, &error)) {
    std::cerr << "byline eval-quotes: " << error << "\n";
    return 1;
  }
  Analyzer analyzer;
  if (!LoadAnalyzer(args["model"].as<std::string>(), &analyzer, &error)) {
    std::cerr << "byline eval-quotes: " << error << "\n";
    return 1;
  }

  QuoteScores scores;
  std::istringstream lines(data);
  std::string line;
  int64_t line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string why;
    if (!ScoreArticle(analyzer, line, join_split, &scores, show_errors ? &std::cout : nullptr,
                      &why)) {
      std::cerr << "byline eval-quotes: " << path << ":" << line_no << ": " << why << "\n";
      return 1;
    }
  }

  auto block = [](const QuoteCounts& c) {
    return nlohmann::json{{"tp", c.tp},
                          {"tp_gold", c.tp_gold},
                          {"gold", c.gold},
                          {"union_matches", c.union_matches},
                          {"fp", c.fp},
                          {"fn", c.fn},
                          {"ignored", c.ignored},
                          {"precision", c.P()},
                          {"recall", c.R()},
                          {"f1", c.F()},
                          {"speaker_total", c.speaker_total},
                          {"speaker_correct", c.speaker_right},
                          {"speaker_accuracy", c.SpeakerAcc()}};
  };
  if (args.count("json")) {
    nlohmann::json out{{"articles", scores.articles},
                       {"bytes", scores.bytes},
                       {"seconds", scores.seconds},
                       {"quote_seconds", scores.quote_seconds},
                       {"direct", block(scores.direct)},
                       {"partial", block(scores.partial)},
                       {"all_direct", block(scores.all)},
                       {"indirect", block(scores.indirect)}};
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "byline eval-quotes " << path << ": " << scores.articles << " articles, "
            << scores.bytes << " bytes, analyzed in " << scores.seconds
            << " s, of which quotations and speakers " << scores.quote_seconds << " s ("
            << Pct(scores.seconds > 0 ? scores.quote_seconds / scores.seconds : 0)
            << " %)\n\n";
  std::cout << "             gold  pred    TP    FP  ignored    P       R       F1    speaker acc\n";
  auto row = [](const char* name, const QuoteCounts& c) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-10s %6lld %5lld %5lld %5lld %6lld  %s  %s  %s     %s (%lld/%lld)\n",
                  name, (long long)c.gold, (long long)(c.tp + c.fp + c.ignored),
                  (long long)c.tp, (long long)c.fp, (long long)c.ignored, Pct(c.P()).c_str(),
                  Pct(c.R()).c_str(), Pct(c.F()).c_str(), Pct(c.SpeakerAcc()).c_str(),
                  (long long)c.speaker_right, (long long)c.speaker_total);
    std::cout << buf;
  };
  row("direct", scores.direct);
  row("partial", scores.partial);
  row("all direct", scores.all);
  row("indirect", scores.indirect);
  std::cout << "\n"
               "direct:     our whole (non-partial) direct quotes against PolNeAR direct and embedded\n"
               "            records (verbatim quotations); IoU >= 0.8\n"
               "            after trimming spaces, punctuation and marks, one to one (the pieces of one\n"
               "            attribution count as one span"
            << (join_split ? "" : ": off") << ").\n"
               "partial:    our partial quotes against mixed records that hold a quotation mark\n"
               "            (right when at least half lies inside one; recall over those records).\n"
               "all direct: every direct quote, partial or not, against the direct records alone.\n"
               "indirect:   content spans; ignored = predictions inside a mixed record.\n"
               "speaker accuracy: our speaker mention overlaps the gold speaker, over matched quotes.\n";
  return 0;
}

}  // namespace byline::cli
