// The model file: a versioned, checksummed container of named sections.
//
// Usage:
//   byline::ModelFile model;
//   std::string error;
//   if (!byline::ModelFile::Parse(bytes, &model, &error)) { ...error says why... }
//   std::string_view weights = model.Section("ner.weights");   // empty if absent
//
//   byline::ModelWriter w;                 // tools side
//   w.Add("ner.weights", bytes);
//   std::string file = w.Finish();
//
// Layout (all integers little-endian):
//   0  8 bytes  magic "BYLINEMD"
//   8  u32      format version (kModelFormatVersion); a newer one is refused
//   12 u32      CRC-32 (IEEE) of every byte from offset 16 to the end
//   16 u32      number of sections
//   20 ...      sections, each: u32 name length, name bytes, u32 payload length, payload bytes
// Sections hold whatever their stage defines (see entity_tagger.h, speakers.h); unknown sections
// are ignored, so a stage can add one without a format change.
//
// Ownership: a parsed ModelFile holds string_views into the bytes given to Parse(); those bytes must
// outlive it. Thread-safety: immutable after Parse().
#ifndef BYLINE_CORE_MODEL_H_
#define BYLINE_CORE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace byline {

inline constexpr char kModelMagic[8] = {'B', 'Y', 'L', 'I', 'N', 'E', 'M', 'D'};
inline constexpr uint32_t kModelFormatVersion = 1;

uint32_t Crc32(std::string_view bytes);

class ModelFile {
 public:
  // Returns false with a clear *error for: too short, wrong magic, a newer version, a checksum
  // mismatch, sections that run past the end, or a section name that appears twice.
  static bool Parse(std::string_view bytes, ModelFile* out, std::string* error);

  uint32_t version() const { return version_; }
  bool Has(std::string_view name) const;
  std::string_view Section(std::string_view name) const;  // empty if absent
  const std::vector<std::pair<std::string_view, std::string_view>>& sections() const {
    return sections_;
  }

 private:
  uint32_t version_ = 0;
  std::vector<std::pair<std::string_view, std::string_view>> sections_;
};

class ModelWriter {
 public:
  void Add(std::string_view name, std::string_view payload);
  std::string Finish() const;

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

// Little-endian helpers for section payloads.
void AppendU32(std::string* out, uint32_t v);
// Reads a u32 at *pos and advances it; false if fewer than 4 bytes remain.
bool ReadU32(std::string_view in, size_t* pos, uint32_t* v);

}  // namespace byline

#endif  // BYLINE_CORE_MODEL_H_
