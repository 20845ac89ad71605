// UTF-8 decoding and the one conversion from UTF-8 byte offsets to UTF-16 code units.
//
// Usage:
//   byline::Utf16Offsets to16(text);      // O(n) once per text
//   uint32_t u16 = to16(entity.begin);    // O(log n) per offset
//
// Units: inputs are UTF-8 byte offsets; Utf16Offsets answers UTF-16 code units, what JavaScript's
// String.prototype.slice() indexes. A code point above U+FFFF counts 2 units, any other 1. Bytes
// that are not well-formed UTF-8 count what TextDecoder makes of them: one U+FFFD, so 1 unit, for
// each "maximal subpart" (the longest prefix of a well-formed sequence, else a single byte), so
// "\xE2\x82" (a truncated euro sign) counts 1 and "\xED\xA0\x80" (a surrogate) counts 3. Text
// that came from a JavaScript string is always well-formed and counts exactly as JavaScript does.
// Thread-safety: immutable after construction.
#ifndef BYLINE_CORE_OFFSETS_H_
#define BYLINE_CORE_OFFSETS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace byline {

// Decodes the well-formed UTF-8 sequence that starts at text[i] (rejecting overlong forms,
// surrogates and code points above U+10FFFF). Returns its length in bytes (1-4) and sets *cp, or
// returns 0 when the bytes at i are not a well-formed sequence (or i >= text.size()).
int DecodeUtf8(std::string_view text, size_t i, char32_t* cp);

// Number of bytes in text that are not part of a well-formed UTF-8 sequence.
uint32_t CountInvalidUtf8(std::string_view text);

// True when offset i of text is a character boundary: 0, text.size(), or not a continuation byte
// of a well-formed sequence.
bool IsCharBoundary(std::string_view text, size_t i);

class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view text);
  // byte_offset must be <= text.size(); an offset inside a character (or inside a run of bad bytes
  // counted as one U+FFFD) maps to its start.
  uint32_t operator()(uint32_t byte_offset) const;
  uint32_t size16() const { return total16_; }

 private:
  // Checkpoints every kStride bytes: units16 before checkpoint k, and the byte where that character
  // starts; the rest is decoded on demand.
  static constexpr uint32_t kStride = 64;
  std::string_view text_;
  std::vector<uint32_t> units_at_;  // UTF-16 units before the char starting at/after k*kStride
  std::vector<uint32_t> byte_at_;   // that char's byte offset
  uint32_t total16_ = 0;
};

}  // namespace byline

#endif  // BYLINE_CORE_OFFSETS_H_
