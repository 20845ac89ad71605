#include "core/offsets.h"

namespace byline {

int DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  if (i >= s.size()) return 0;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len;
  char32_t v;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (int k = 1; k < len; ++k) {
    const unsigned char cc = b(i + k);
    if ((cc & 0xC0) != 0x80) return 0;
    v = (v << 6) | (cc & 0x3F);
  }
  if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
      (v >= 0xD800 && v <= 0xDFFF)) {
    return 0;
  }
  *cp = v;
  return len;
}

uint32_t CountInvalidUtf8(std::string_view text) {
  uint32_t bad = 0;
  char32_t cp;
  for (size_t i = 0; i < text.size();) {
    const int n = DecodeUtf8(text, i, &cp);
    if (n == 0) {
      ++bad;
      ++i;
    } else {
      i += n;
    }
  }
  return bad;
}

namespace {

// The number of bytes from i (where DecodeUtf8 failed) that a browser's TextDecoder replaces by one
// U+FFFD: the longest prefix of a well-formed sequence ("maximal subpart", Unicode 3.9 and the
// WHATWG Encoding standard), at least 1.
int InvalidRunLength(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  int k = 1;
  while (k < len && i + k < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
    ++k;
  }
  return k;
}

}  // namespace

bool IsCharBoundary(std::string_view text, size_t i) {
  if (i == 0 || i >= text.size()) return i <= text.size();
  if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return true;
  // A continuation byte: a boundary only if no well-formed sequence covers it.
  char32_t cp;
  for (size_t back = 1; back <= 3 && back <= i; ++back) {
    const int n = DecodeUtf8(text, i - back, &cp);
    if (n > static_cast<int>(back)) return false;
  }
  return true;
}

Utf16Offsets::Utf16Offsets(std::string_view text) : text_(text) {
  uint32_t units = 0;
  char32_t cp;
  size_t i = 0;
  size_t next_checkpoint = 0;
  while (i < text.size()) {
    while (next_checkpoint <= i) {
      units_at_.push_back(units);
      byte_at_.push_back(static_cast<uint32_t>(i));
      next_checkpoint += kStride;
    }
    const int n = DecodeUtf8(text, i, &cp);
    if (n == 0) {
      units += 1;
      i += InvalidRunLength(text, i);
    } else {
      units += cp > 0xFFFF ? 2 : 1;
      i += n;
    }
  }
  total16_ = units;
}

uint32_t Utf16Offsets::operator()(uint32_t byte_offset) const {
  if (byte_offset >= text_.size()) return total16_;
  // Last checkpoint whose character starts at or before byte_offset.
  size_t k = byte_offset / kStride;
  if (k >= byte_at_.size()) k = byte_at_.size() - 1;
  while (k > 0 && byte_at_[k] > byte_offset) --k;
  uint32_t units = units_at_[k];
  size_t i = byte_at_[k];
  char32_t cp;
  while (i < byte_offset) {
    const int n = DecodeUtf8(text_, i, &cp);
    if (n == 0) {
      const int run = InvalidRunLength(text_, i);
      if (i + run > byte_offset) break;  // offset inside a replaced run: its start
      units += 1;
      i += run;
    } else {
      if (i + n > byte_offset) break;  // offset inside a character: its start
      units += cp > 0xFFFF ? 2 : 1;
      i += n;
    }
  }
  return units;
}

}  // namespace byline
