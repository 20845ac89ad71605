// byline::Analyzer::Analyze on arbitrary bytes, without a model and with the committed one.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_common.h"

namespace {
const byline::Analyzer* plain = nullptr;
const byline::Analyzer* with_model = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  plain = new byline::Analyzer;
  with_model = byline::fuzz::ModelAnalyzer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  byline::fuzz::CheckOrTrap(text, plain->Analyze(text), "without model");
  if (with_model) byline::fuzz::CheckOrTrap(text, with_model->Analyze(text), "with model");
  return 0;
}
