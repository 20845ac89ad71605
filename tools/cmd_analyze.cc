// byline analyze: one JSON object per text (the schema is a stable contract; see README).
#include <cxxopts.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "tools/cli.h"

namespace byline::cli {
namespace {

using nlohmann::json;

json SpanJson(std::string_view text, uint32_t begin, uint32_t end) {
  return {{"begin", begin}, {"end", end}, {"text", std::string(text.substr(begin, end - begin))}};
}

json AnalysisJson(std::string_view text, const Analysis& a) {
  json entities = json::array();
  for (const Entity& e : a.entities) {
    json j = SpanJson(text, e.begin, e.end);
    j["type"] = e.type;
    entities.push_back(std::move(j));
  }
  json quotes = json::array();
  for (const Quote& q : a.quotes) {
    json j = SpanJson(text, q.begin, q.end);
    j["kind"] = QuoteKindName(q.kind);
    j["speaker"] = q.has_speaker ? SpanJson(text, q.speaker.begin, q.speaker.end) : json(nullptr);
    j["partial"] = q.partial;
    j["speaker_name"] = q.speaker_name.empty() ? json(nullptr) : json(q.speaker_name);
    quotes.push_back(std::move(j));
  }
  json sentences = json::array();
  for (const Sentence& s : a.sentences) sentences.push_back({{"begin", s.begin}, {"end", s.end}});
  return {{"entities", std::move(entities)}, {"quotes", std::move(quotes)},
          {"sentences", std::move(sentences)}};
}

// Invalid UTF-8 inside a reported slice is written as U+FFFD (JSON cannot carry raw bytes).
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

// Declared in tools/cli.h (fuzz/fuzz_jsonl.cc calls it too).
int AnalyzeJsonl(const Analyzer& analyzer, std::istream& in) {
  std::string line;
  size_t line_no = 0, failures = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json record;
    std::string why;
    if (!ParseTextRecord(line, &record, &why)) {
      std::cerr << "byline analyze: line " << line_no << ": " << why << "\n";
      ++failures;
      continue;
    }
    const std::string& text = record["text"].get_ref<const std::string&>();
    const Analysis a = analyzer.Analyze(text);
    if (!a.ok()) {
      std::cerr << "byline analyze: line " << line_no << ": " << a.error << "\n";
      ++failures;
      continue;
    }
    json out = {{"id", record.contains("id") ? record["id"] : json(nullptr)}};
    out.update(AnalysisJson(text, a));
    std::cout << Dump(out) << "\n";
  }
  std::cout.flush();
  return failures ? 1 : 0;
}

int RunAnalyze(int argc, char** argv) {
  cxxopts::Options options("byline analyze", "Entities, quotes and sentences of a text, as JSON.");
  options.add_options()("model", "model file (default: the bundled model)",
                        cxxopts::value<std::string>()->default_value(""))(
      "jsonl", "input is JSON lines {\"id\":…,\"text\":…}; one result per line")(
      "file", "input file, or - for stdin", cxxopts::value<std::string>())("h,help", "help");
  options.parse_positional({"file"});
  options.positional_help("FILE|-");
  const auto args = options.parse(argc, argv);
  if (args.count("help")) {
    std::cout << options.help() << "\n";
    return 0;
  }
  if (!args.count("file")) {
    std::cerr << "byline analyze: missing FILE (use - for stdin)\n";
    return 2;
  }
  Analyzer analyzer;
  std::string error;
  if (!LoadAnalyzer(args["model"].as<std::string>(), &analyzer, &error)) {
    std::cerr << "byline analyze: " << error << "\n";
    return 1;
  }
  const std::string path = args["file"].as<std::string>();
  if (args.count("jsonl")) {
    if (path == "-") return AnalyzeJsonl(analyzer, std::cin);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "byline analyze: cannot open '" << path << "'\n";
      return 1;
    }
    return AnalyzeJsonl(analyzer, in);
  }
  std::string text;
  if (!ReadFile(path, &text, &error)) {
    std::cerr << "byline analyze: " << error << "\n";
    return 1;
  }
  const Analysis a = analyzer.Analyze(text);
  if (!a.ok()) {
    std::cerr << "byline analyze: " << a.error << "\n";
    return 1;
  }
  std::cout << Dump(AnalysisJson(text, a)) << "\n";
  return 0;
}

}  // namespace byline::cli
