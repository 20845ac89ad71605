// Shared by the fuzz targets: the committed model, loaded once, and the invariant check that traps.
//
// Usage:
//   static const byline::Analyzer* model = byline::fuzz::ModelAnalyzer();   // null if absent
//   byline::fuzz::CheckOrTrap(text, analyzer.Analyze(text), "with model");
#ifndef BYLINE_FUZZ_FUZZ_COMMON_H_
#define BYLINE_FUZZ_FUZZ_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "core/analyzer.h"
#include "span_invariants.h"

namespace byline::fuzz {

// $BYLINE_FUZZ_MODEL if set, else models/byline-ner.bin of the source tree.
inline std::string ModelPath() {
  if (const char* env = std::getenv("BYLINE_FUZZ_MODEL"); env && *env) return env;
  return std::string(BYLINE_SOURCE_DIR) + "/models/byline-ner.bin";
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The committed model's bytes ("" when absent).
inline const std::string& ModelBytes() {
  static const std::string* bytes = new std::string(ReadBytes(ModelPath()));
  return *bytes;
}

// An analyzer with the committed model, or null when there is none. A model that is present but
// does not load is a bug: abort.
inline const Analyzer* ModelAnalyzer() {
  static const Analyzer* analyzer = [] () -> const Analyzer* {
    if (ModelBytes().empty()) {
      std::fprintf(stderr, "fuzz: no model at %s; fuzzing without a model only\n", ModelPath().c_str());
      return nullptr;
    }
    auto* a = new Analyzer;
    std::string error;
    if (!a->LoadModel(ModelBytes(), &error)) {
      std::fprintf(stderr, "fuzz: the model at %s does not load: %s\n", ModelPath().c_str(), error.c_str());
      std::abort();
    }
    std::fprintf(stderr, "fuzz: loaded model %s\n", ModelPath().c_str());
    return a;
  }();
  return analyzer;
}

inline void CheckOrTrap(std::string_view text, const Analysis& a, const char* what) {
  std::string violation = testing::CheckSpanInvariants(text, a);
  if (violation.empty() && !a.ok() && text.size() <= kMaxTextBytes) {
    violation = "analysis failed: " + a.error;
  }
  if (!violation.empty()) {
    std::fprintf(stderr, "span invariant violated (%s): %s\n", what, violation.c_str());
    __builtin_trap();
  }
}

inline void Trap(const char* why) {
  std::fprintf(stderr, "fuzz check failed: %s\n", why);
  __builtin_trap();
}

}  // namespace byline::fuzz

#endif  // BYLINE_FUZZ_FUZZ_COMMON_H_
