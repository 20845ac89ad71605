// Model files from arbitrary bytes: ModelFile::Parse and Analyzer::LoadModel on the input as it is,
// and again with its checksum repaired so that the section structure is reached. A model that
// loads must analyze a sentence within the span invariants; a failed load must say why and leave
// the analyzer as it was.
#include <cstddef>
#include <cstdint>

#include "core/model.h"
#include "fuzz/fuzz_common.h"

namespace {

constexpr std::string_view kText =
    "NATO Secretary-General Jens Stoltenberg said on Monday: \"We will stand firm,\" in Brussels.";

void Check(std::string_view bytes) {
  byline::ModelFile m;
  std::string error;
  if (!byline::ModelFile::Parse(bytes, &m, &error)) {
    if (error.empty()) byline::fuzz::Trap("Parse failed without an error");
    if (!m.sections().empty()) byline::fuzz::Trap("Parse failed but filled its output");
  } else {
    for (const auto& [name, payload] : m.sections()) {
      // Views into the input: in bounds by construction, touched here so ASan would see it.
      if (name.data() < bytes.data() || payload.data() + payload.size() > bytes.data() + bytes.size()) {
        byline::fuzz::Trap("a section view points outside the input");
      }
    }
  }
  byline::Analyzer analyzer;
  error.clear();
  if (analyzer.LoadModel(bytes, &error)) {
    if (!analyzer.has_model()) byline::fuzz::Trap("LoadModel succeeded without a model");
    byline::fuzz::CheckOrTrap(kText, analyzer.Analyze(kText), "fuzzed model");
  } else {
    if (error.empty()) byline::fuzz::Trap("LoadModel failed without an error");
    if (analyzer.has_model()) byline::fuzz::Trap("a failed LoadModel changed the analyzer");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Check(bytes);
  if (size >= 20) {
    std::string fixed(bytes);
    std::string crc;
    byline::AppendU32(&crc, byline::Crc32(std::string_view(fixed).substr(16)));
    fixed.replace(12, 4, crc);
    Check(fixed);
  }
  return 0;
}
