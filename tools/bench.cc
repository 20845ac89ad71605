// byline bench: how fast the native core is, on a corpus of texts, printed as one JSON object.
//
// Usage:
//   byline bench [--model M] [--runs 5] [--warmup 1] [--max-seconds 60] CORPUS
//
// CORPUS is JSON lines ({"text": ...} per document, as in ../shared/data/unlabeled) or, for any
// other file, one plain text. Each document is analyzed on its own, as a user would paste it.
// Printed (times are medians of the timed runs, after the warm-up runs):
//   load_ms        read the model file and Analyzer::LoadModel (what a cold start pays)
//   analyze        the full Analyzer::Analyze (tokens, sentences, entities, quantities, quotes)
//   tagger         EntityTagger::TagDocument alone on the same sentences (the statistical tagger)
//   tokenize       Tokenize + SplitSentences alone
//   quotes         FindQuotes alone, on the tokens, sentences and entities that Analyze produced
//   quote_share    quotes / (analyze - quotes): what the quote stage adds to the rest of analysis
//   cpu_seconds    the same figures in CPU time of this process (less moved by a busy machine)
//   peak_rss_kb    VmHWM (/proc/self/status) after loading and analyzing each document once
// "chars" are UTF-16 code units (JavaScript's string length), so figures compare with the
// Node benchmarks in bench/; "tokens" are Byline's tokens.
// Timings are figures to read, not assertions: nothing here fails because the machine is slow.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cxxopts.hpp>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/entity_tagger.h"
#include "core/model.h"
#include "core/offsets.h"
#include "core/quotes.h"
#include "core/sentences.h"
#include "core/tokenizer.h"
#include "tools/cli.h"

namespace byline::cli {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// VmHWM (peak resident set) of this process in kB; 0 when /proc is unavailable.
long PeakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return 0;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The corpus: JSON lines with a "text" field, or else the whole file as one text.
bool LoadCorpus(const std::string& bytes, std::vector<std::string>* docs, std::string* error) {
  std::istringstream in(bytes);
  std::string line;
  bool jsonl = true;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json record;
    std::string why;
    if (!ParseTextRecord(line, &record, &why)) {
      if (line_no == 1) {
        jsonl = false;
        break;
      }
      *error = "line " + std::to_string(line_no) + ": " + why;
      return false;
    }
    docs->push_back(record["text"].get<std::string>());
  }
  if (!jsonl) {
    docs->clear();
    docs->push_back(bytes);
  }
  if (docs->empty()) {
    *error = "the corpus has no text";
    return false;
  }
  return true;
}

struct Timings {
  std::vector<double> wall;  // seconds per timed run
  std::vector<double> cpu;   // CPU seconds of this process per timed run (std::clock)
};

// Runs fn warmup + runs times (fewer timed runs, but at least 3, once max_seconds have passed).
Timings Time(const std::function<void()>& fn, int warmup, int runs, double max_seconds) {
  for (int i = 0; i < warmup; ++i) fn();
  Timings t;
  const Clock::time_point start = Clock::now();
  for (int i = 0; i < runs; ++i) {
    const std::clock_t c0 = std::clock();
    const Clock::time_point t0 = Clock::now();
    fn();
    t.wall.push_back(SecondsSince(t0));
    t.cpu.push_back(double(std::clock() - c0) / CLOCKS_PER_SEC);
    if (i + 1 >= 3 && SecondsSince(start) > max_seconds) break;
  }
  return t;
}

json Figure(const Timings& t, double chars, double tokens) {
  const double s = Median(t.wall);
  json j = {{"seconds", s}, {"cpu_seconds", Median(t.cpu)}, {"runs", t.wall.size()}, {"all_seconds", t.wall}};
  j["chars_per_s"] = s > 0 ? chars / s : 0;
  j["tokens_per_s"] = s > 0 ? tokens / s : 0;
  return j;
}

}  // namespace

int RunBench(int argc, char** argv) {
  cxxopts::Options options("byline bench", "Native throughput, load time and peak memory, as JSON.");
  options.add_options()("model", "model file (default: the bundled model)",
                        cxxopts::value<std::string>()->default_value(""))(
      "runs", "timed runs (median reported)", cxxopts::value<int>()->default_value("5"))(
      "warmup", "untimed runs first", cxxopts::value<int>()->default_value("1"))(
      "max-seconds", "stop adding timed runs (after 3) past this many seconds per figure",
      cxxopts::value<double>()->default_value("60"))(
      "corpus", "JSON lines with \"text\", or a plain text file", cxxopts::value<std::string>())(
      "h,help", "help");
  options.parse_positional({"corpus"});
  options.positional_help("CORPUS");
  const cxxopts::ParseResult args = options.parse(argc, argv);
  if (args.count("help")) {
    std::cout << options.help() << "\n";
    return 0;
  }
  if (!args.count("corpus")) {
    std::cerr << "byline bench: no corpus given\n" << options.help() << "\n";
    return 2;
  }
  const int runs = std::max(1, args["runs"].as<int>());
  const int warmup = std::max(0, args["warmup"].as<int>());
  const double max_seconds = args["max-seconds"].as<double>();

  std::string error, corpus_bytes;
  std::vector<std::string> docs;
  if (!ReadFile(args["corpus"].as<std::string>(), &corpus_bytes, &error) ||
      !LoadCorpus(corpus_bytes, &docs, &error)) {
    std::cerr << "byline bench: " << error << "\n";
    return 1;
  }
  corpus_bytes = std::string();
  corpus_bytes.shrink_to_fit();

  // Load: reading the model file and LoadModel, as `byline analyze` and the page do it.
  const std::string model_arg = args["model"].as<std::string>();
  const std::string model_path = model_arg.empty() ? DefaultModelPath() : model_arg;
  const Clock::time_point load_start = Clock::now();
  std::string model_bytes;
  Analyzer analyzer;
  if (!model_path.empty()) {
    if (!ReadFile(model_path, &model_bytes, &error) || !analyzer.LoadModel(model_bytes, &error)) {
      std::cerr << "byline bench: " << model_path << ": " << error << "\n";
      return 1;
    }
  }
  const double load_s = SecondsSince(load_start);

  // A tagger of its own for the tagger-alone figure (the Analyzer keeps its tagger private).
  ModelFile model;
  std::unique_ptr<EntityTagger> tagger;
  if (!model_path.empty() && ModelFile::Parse(model_bytes, &model, &error)) {
    tagger = EntityTagger::FromModel(model, &error);
  }

  const long rss_after_load_kb = PeakRssKb();

  // One pass over the documents, keeping nothing: their sizes, and the peak memory of a process
  // that loads the model and analyzes each text (before this benchmark keeps analyses around).
  uint64_t bytes = 0, chars = 0, tokens = 0, entities = 0, quotes = 0, sentences = 0;
  for (const std::string& d : docs) {
    const Analysis a = analyzer.Analyze(d);
    if (!a.ok()) {
      std::cerr << "byline bench: " << a.error << "\n";
      return 1;
    }
    bytes += d.size();
    chars += Utf16Offsets(d).size16();
    tokens += a.tokens.size();
    sentences += a.sentences.size();
    entities += a.entities.size();
    quotes += a.quotes.size();
  }
  const long peak_rss_kb = PeakRssKb();

  // The inputs of the stage-alone figures.
  std::vector<Analysis> analyses;
  for (const std::string& d : docs) analyses.push_back(analyzer.Analyze(d));
  std::vector<std::vector<std::vector<std::string_view>>> words(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    for (const Sentence& s : analyses[i].sentences) {
      std::vector<std::string_view>& w = words[i].emplace_back();
      for (uint32_t t = s.first_token; t < s.last_token; ++t) {
        const Token& tok = analyses[i].tokens[t];
        w.push_back(std::string_view(docs[i]).substr(tok.begin, tok.end - tok.begin));
      }
    }
  }

  size_t sink = 0;  // keeps results alive so nothing is optimized away
  json out = {{"tool", "byline-native"},
              {"model", model_path},
              {"has_model", analyzer.has_model()},
              {"documents", docs.size()},
              {"bytes", bytes},
              {"chars", chars},
              {"tokens", tokens},
              {"sentences", sentences},
              {"entities", entities},
              {"quotes", quotes},
              {"load_ms", load_s * 1000},
              {"model_bytes", model_bytes.size()}};
  out["analyze"] = Figure(Time(
                              [&] {
                                for (const std::string& d : docs) sink += analyzer.Analyze(d).entities.size();
                              },
                              warmup, runs, max_seconds),
                          chars, tokens);
  out["tokenize"] = Figure(Time(
                               [&] {
                                 for (const std::string& d : docs) {
                                   const std::vector<Token> t = Tokenize(d);
                                   sink += SplitSentences(d, t).size();
                                 }
                               },
                               warmup, runs, max_seconds),
                           chars, tokens);
  if (tagger) {
    out["tagger"] = Figure(Time(
                               [&] {
                                 for (const auto& w : words) sink += tagger->TagDocument(w).size();
                               },
                               warmup, runs, max_seconds),
                           chars, tokens);
  } else {
    out["tagger"] = nullptr;
  }
  out["quotes_stage"] = Figure(Time(
                                   [&] {
                                     for (size_t i = 0; i < docs.size(); ++i) {
                                       const Analysis& a = analyses[i];
                                       sink += FindQuotes(docs[i], a.tokens, a.sentences, a.entities).size();
                                     }
                                   },
                                   warmup, runs, max_seconds),
                               chars, tokens);
  const double analyze_s = out["analyze"]["seconds"].get<double>();
  const double quotes_s = out["quotes_stage"]["seconds"].get<double>();
  out["quote_share"] = analyze_s > quotes_s ? quotes_s / (analyze_s - quotes_s) : 0;
  const double analyze_cpu = out["analyze"]["cpu_seconds"].get<double>();
  const double quotes_cpu = out["quotes_stage"]["cpu_seconds"].get<double>();
  out["quote_share_cpu"] = analyze_cpu > quotes_cpu ? quotes_cpu / (analyze_cpu - quotes_cpu) : 0;
  out["rss_after_load_kb"] = rss_after_load_kb;
  out["peak_rss_kb"] = peak_rss_kb;  // load + analyzing every document once
  out["peak_rss_end_kb"] = PeakRssKb();
  out["sink"] = sink;
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace byline::cli
