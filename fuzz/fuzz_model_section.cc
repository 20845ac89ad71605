// The committed model with one section's payload replaced or damaged by the input, the container
// rebuilt with a valid checksum: the entity tagger's reading of its own sections must refuse or
// cope, never crash. Input: byte 0 picks the section (modulo their number), byte 1 the operation:
//   0  the payload is the rest of the input
//   1  the rest, after a u32 offset, overwrites the real payload from that offset
//   2  the real payload is cut at a u32 offset and the rest appended
// Seeds: with $BYLINE_FUZZ_SEED_DIR set, LLVMFuzzerInitialize writes one seed per section there
// (operation 0 with the real payload, cut to 60 KB). Without a committed model it does nothing.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <vector>

#include "core/model.h"
#include "fuzz/fuzz_common.h"

namespace {

constexpr std::string_view kText =
    "NATO Secretary-General Jens Stoltenberg said on Monday: \"We will stand firm,\" in Brussels. "
    "Mr. Stoltenberg met Ukraine's President Volodymyr Zelensky in Kyiv.";

const byline::ModelFile* model = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::string& bytes = byline::fuzz::ModelBytes();
  if (bytes.empty()) {
    std::fprintf(stderr, "fuzz_model_section: no committed model; nothing to fuzz\n");
    return 0;
  }
  auto* m = new byline::ModelFile;
  std::string error;
  if (!byline::ModelFile::Parse(bytes, m, &error)) {
    std::fprintf(stderr, "fuzz_model_section: the committed model does not parse: %s\n", error.c_str());
    std::abort();
  }
  model = m;
  if (const char* dir = std::getenv("BYLINE_FUZZ_SEED_DIR"); dir && *dir) {
    for (size_t s = 0; s < m->sections().size() && s < 256; ++s) {
      std::string seed = {static_cast<char>(s), '\0'};
      seed += m->sections()[s].second.substr(0, 60000);
      std::ofstream(std::string(dir) + "/section-" + std::to_string(s), std::ios::binary) << seed;
    }
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!model || size < 2 || model->sections().empty()) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t pick = data[0] % model->sections().size();
  std::string payload(model->sections()[pick].second);
  std::string_view rest = in.substr(2);
  if (data[1] % 3 != 0) {
    size_t pos = 0;
    uint32_t offset = 0;
    if (!byline::ReadU32(rest, &pos, &offset)) return 0;
    rest.remove_prefix(4);
    const size_t at = payload.empty() ? 0 : offset % (payload.size() + 1);
    if (data[1] % 3 == 1) {
      payload.replace(at, rest.size(), rest);
    } else {
      payload.resize(at);
      payload += rest;
    }
  } else {
    payload = std::string(rest);
  }
  byline::ModelWriter w;
  for (size_t s = 0; s < model->sections().size(); ++s) {
    w.Add(model->sections()[s].first, s == pick ? std::string_view(payload) : model->sections()[s].second);
  }
  byline::Analyzer analyzer;
  std::string error;
  if (analyzer.LoadModel(w.Finish(), &error)) {
    byline::fuzz::CheckOrTrap(kText, analyzer.Analyze(kText), "damaged model");
  } else if (error.empty()) {
    byline::fuzz::Trap("LoadModel failed without an error");
  }
  return 0;
}
