// Tests of core/offsets.h: DecodeUtf8 against the table of well-formed byte sequences (Unicode
// Table 3-7); IsCharBoundary and Utf16Offsets against naive references on random mixed strings
// (Utf16Offsets against the WHATWG UTF-8 decoder, which is what a browser's TextDecoder runs).
#include "core/offsets.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace byline {
namespace {

// Reference decoder written from Unicode Table 3-7 (well-formed UTF-8 byte sequences): for each
// lead byte the allowed range of the second byte; later bytes are always 80..BF.
int ReferenceDecode(std::string_view s, size_t i, char32_t* cp) {
  if (i >= s.size()) return 0;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = b(i);
  if (b0 <= 0x7F) {
    *cp = b0;
    return 1;
  }
  int len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
  else if (b0 == 0xE0) len = 3, lo = 0xA0;
  else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) len = 3;
  else if (b0 == 0xED) len = 3, hi = 0x9F;
  else if (b0 == 0xF0) len = 4, lo = 0x90;
  else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
  else if (b0 == 0xF4) len = 4, hi = 0x8F;
  else return 0;
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (int k = 2; k < len; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  const unsigned char lead_bits = len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
  char32_t v = b0 & lead_bits;
  for (int k = 1; k < len; ++k) v = (v << 6) | (b(i + k) & 0x3F);
  *cp = v;
  return len;
}

// What a browser's TextDecoder produces, written from the WHATWG Encoding standard's UTF-8 decoder
// algorithm: each item is a code point or one U+FFFD, with the bytes [begin, end) it came from.
struct Decoded {
  size_t begin, end;
  uint32_t units;  // UTF-16 code units: 2 above U+FFFF, else 1
};

std::vector<Decoded> WhatwgDecode(std::string_view s) {
  std::vector<Decoded> out;
  size_t start = 0;
  int needed = 0, seen = 0;
  char32_t cp = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  for (size_t p = 0; p < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[p]);
    if (needed == 0) {
      start = p;
      ++p;
      if (b <= 0x7F) {
        out.push_back({start, p, 1});
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2;
        cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3;
        cp = b & 0x07;
      } else {
        out.push_back({start, p, 1});  // error
      }
      continue;
    }
    if (b < lower || b > upper) {  // error; the byte is processed again ("prepended")
      out.push_back({start, p, 1});
      needed = seen = 0;
      cp = 0;
      lower = 0x80;
      upper = 0xBF;
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    ++p;
    if (++seen == needed) {
      out.push_back({start, p, cp > 0xFFFF ? 2u : 1u});
      needed = seen = 0;
      cp = 0;
    }
  }
  if (needed != 0) out.push_back({start, s.size(), 1});  // truncated at the end
  return out;
}

// UTF-16 units before byte offset `at`: the items that end at or before it.
uint32_t ReferenceUnits(const std::vector<Decoded>& items, size_t at) {
  uint32_t units = 0;
  for (const Decoded& d : items) {
    if (d.end > at) break;
    units += d.units;
  }
  return units;
}

// Whether each offset 0..size is a character boundary, from one greedy walk.
std::vector<bool> ReferenceBoundaries(std::string_view s) {
  std::vector<bool> boundary(s.size() + 1, true);
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const int n = ReferenceDecode(s, i, &cp);
    if (n == 0) {
      ++i;
      continue;
    }
    for (int k = 1; k < n; ++k) boundary[i + k] = false;
    i += n;
  }
  return boundary;
}

struct DecodeCase {
  const char* name;
  std::string bytes;
  int length;  // expected return of DecodeUtf8(bytes, 0, ...)
  char32_t cp;
};

TEST_CASE("DecodeUtf8 accepts exactly the well-formed sequences") {
  const std::vector<DecodeCase> cases = {
      {"ASCII", "A", 1, U'A'},
      {"NUL", std::string("\0", 1), 1, 0},
      {"DEL", "\x7F", 1, 0x7F},
      {"two bytes, smallest", "\xC2\x80", 2, 0x80},
      {"e acute", "\xC3\xA9", 2, 0xE9},
      {"two bytes, largest", "\xDF\xBF", 2, 0x7FF},
      {"three bytes, smallest", "\xE0\xA0\x80", 3, 0x800},
      {"euro sign", "\xE2\x82\xAC", 3, 0x20AC},
      {"last before surrogates", "\xED\x9F\xBF", 3, 0xD7FF},
      {"first after surrogates", "\xEE\x80\x80", 3, 0xE000},
      {"BOM", "\xEF\xBB\xBF", 3, 0xFEFF},
      {"U+FFFF", "\xEF\xBF\xBF", 3, 0xFFFF},
      {"four bytes, smallest", "\xF0\x90\x80\x80", 4, 0x10000},
      {"emoji", "\xF0\x9F\x98\x80", 4, 0x1F600},
      {"U+10FFFF", "\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
      {"followed by more", "\xC3\xA9xyz", 2, 0xE9},
      // Overlong forms.
      {"overlong NUL", "\xC0\x80", 0, 0},
      {"overlong slash", "\xC0\xAF", 0, 0},
      {"overlong C1", "\xC1\xBF", 0, 0},
      {"overlong three bytes", "\xE0\x80\x80", 0, 0},
      {"overlong U+7FF in three", "\xE0\x9F\xBF", 0, 0},
      {"overlong four bytes", "\xF0\x80\x80\x80", 0, 0},
      {"overlong U+FFFF in four", "\xF0\x8F\xBF\xBF", 0, 0},
      // Surrogates.
      {"high surrogate", "\xED\xA0\x80", 0, 0},
      {"low surrogate", "\xED\xBF\xBF", 0, 0},
      {"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 0, 0},
      // Above U+10FFFF and bytes that never occur.
      {"U+110000", "\xF4\x90\x80\x80", 0, 0},
      {"F5 lead", "\xF5\x80\x80\x80", 0, 0},
      {"F8 five-byte lead", "\xF8\x88\x80\x80\x80", 0, 0},
      {"FE", "\xFE", 0, 0},
      {"FF", "\xFF", 0, 0},
      // Truncated and broken sequences.
      {"lone continuation", "\x80", 0, 0},
      {"lone lead", "\xC3", 0, 0},
      {"truncated three", "\xE2\x82", 0, 0},
      {"truncated four", "\xF0\x9F\x98", 0, 0},
      {"ASCII instead of continuation", "\xC3(", 0, 0},
      {"lead instead of continuation", "\xE2\xC3\xA9", 0, 0},
      {"empty", "", 0, 0},
  };
  for (const DecodeCase& c : cases) {
    SUBCASE(c.name) {
      char32_t cp = 0xDEAD;
      const int n = DecodeUtf8(c.bytes, 0, &cp);
      CHECK(n == c.length);
      if (c.length > 0) CHECK(cp == c.cp);
      char32_t ref = 0;
      CHECK(ReferenceDecode(c.bytes, 0, &ref) == c.length);
    }
  }
  SUBCASE("at an offset, and past the end") {
    const std::string s = "a\xE2\x82\xAC";
    char32_t cp;
    CHECK(DecodeUtf8(s, 1, &cp) == 3);
    CHECK(cp == 0x20AC);
    CHECK(DecodeUtf8(s, 2, &cp) == 0);  // a continuation byte
    CHECK(DecodeUtf8(s, 4, &cp) == 0);
    CHECK(DecodeUtf8(s, 100, &cp) == 0);
  }
}

TEST_CASE("DecodeUtf8 agrees with the reference on every 1-4 byte prefix pattern") {
  // All lead bytes with boundary continuation values, so every range edge of Table 3-7 is hit.
  const unsigned char seconds[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  int checked = 0;
  for (int lead = 0; lead < 256; ++lead) {
    for (unsigned char b1 : seconds) {
      for (unsigned char b2 : {0x80, 0xBF, 0x41}) {
        for (unsigned char b3 : {0x80, 0xBF, 0xC0}) {
          const std::string s = {static_cast<char>(lead), static_cast<char>(b1),
                                 static_cast<char>(b2), static_cast<char>(b3)};
          char32_t a = 0, r = 0;
          const int n = DecodeUtf8(s, 0, &a);
          const int m = ReferenceDecode(s, 0, &r);
          REQUIRE(n == m);
          if (n > 0) REQUIRE(a == r);
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 256 * 11 * 9);
}

TEST_CASE("CountInvalidUtf8") {
  CHECK(CountInvalidUtf8("") == 0);
  CHECK(CountInvalidUtf8("plain ASCII") == 0);
  CHECK(CountInvalidUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80") == 0);
  CHECK(CountInvalidUtf8("\xFF") == 1);
  CHECK(CountInvalidUtf8("a\xE2\x82z") == 2);            // truncated: both bytes
  CHECK(CountInvalidUtf8("\xED\xA0\x80") == 3);          // surrogate
  CHECK(CountInvalidUtf8("\xC0\xAF\xC3\xA9") == 2);      // overlong then é
  CHECK(CountInvalidUtf8(std::string("\0\0", 2)) == 0);  // NUL is valid
}

TEST_CASE("IsCharBoundary") {
  struct Row {
    const char* name;
    std::string text;
    std::vector<bool> expected;  // for offsets 0..size
  };
  const std::vector<Row> rows = {
      {"empty", "", {true}},
      {"ASCII", "ab", {true, true, true}},
      {"e acute", "\xC3\xA9", {true, false, true}},
      {"emoji between letters", "a\xF0\x9F\x98\x80" "b", {true, true, false, false, false, true, true}},
      {"stray continuation bytes", "\x80\x80", {true, true, true}},
      {"truncated sequence", "\xE2\x82" "a", {true, true, true, true}},
      {"surrogate bytes", "\xED\xA0\x80", {true, true, true, true}},
      {"invalid then valid", "\xFF\xC3\xA9", {true, true, false, true}},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      for (size_t i = 0; i <= r.text.size(); ++i) {
        CAPTURE(i);
        CHECK(IsCharBoundary(r.text, i) == r.expected[i]);
      }
      CHECK_FALSE(IsCharBoundary(r.text, r.text.size() + 1));
    }
  }
}

// Random strings of letters, accents, emoji, NUL and bad bytes, long enough to cross several of
// Utf16Offsets' checkpoints.
std::string RandomMixed(std::mt19937* rng, size_t pieces) {
  static const std::vector<std::string> kPieces = {
      "a", "Z", " ", "\n", std::string("\0", 1), "\xC3\xA9", "\xD0\x96", "\xE2\x82\xAC",
      "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "\xF4\x8F\xBF\xBF",
      "\xFF", "\x80", "\xE2\x82", "\xF0\x9F\x98", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80"};
  std::string s;
  for (size_t k = 0; k < pieces; ++k) {
    if ((*rng)() % 10 == 0) {
      s += static_cast<char>((*rng)() % 256);  // any byte at all
    } else {
      s += kPieces[(*rng)() % kPieces.size()];
    }
  }
  return s;
}

TEST_CASE("Utf16Offsets and IsCharBoundary agree with naive references on random strings") {
  std::mt19937 rng(2023);
  for (int round = 0; round < 300; ++round) {
    const std::string s = RandomMixed(&rng, rng() % 400);
    CAPTURE(round);
    const Utf16Offsets to16(s);
    const std::vector<bool> boundary = ReferenceBoundaries(s);
    const std::vector<Decoded> items = WhatwgDecode(s);
    CHECK(to16.size16() == ReferenceUnits(items, s.size()));
    bool all_ok = true;
    for (size_t i = 0; i <= s.size() && all_ok; ++i) {
      const uint32_t want = ReferenceUnits(items, i);
      const uint32_t got = to16(static_cast<uint32_t>(i));
      if (got != want || IsCharBoundary(s, i) != boundary[i]) {
        all_ok = false;
        FAIL_CHECK("offset " << i << ": units " << got << " want " << want << ", boundary "
                             << IsCharBoundary(s, i) << " want " << boundary[i]);
      }
    }
    uint32_t invalid = 0;
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      const int n = ReferenceDecode(s, i, &cp);
      invalid += n == 0;
      i += n == 0 ? 1 : n;
    }
    CHECK(CountInvalidUtf8(s) == invalid);
  }
}

TEST_CASE("Utf16Offsets on known strings") {
  SUBCASE("bad bytes count as TextDecoder's U+FFFD replacements") {
    struct Row {
      const char* name;
      std::string text;
      uint32_t units;
    };
    const std::vector<Row> rows = {
        {"invalid lead byte", "\xFF" "a", 2},
        {"stray continuation bytes", "\x80\x80" "a", 3},
        {"truncated euro sign: one replacement", "\xE2\x82" "a", 2},
        {"truncated emoji: one replacement", "\xF0\x9F\x98" "a", 2},
        {"truncated at the end", "a\xF0\x9F", 2},
        {"surrogate: three replacements", "\xED\xA0\x80", 3},
        {"overlong: two replacements", "\xC0\xAF", 2},
        {"above U+10FFFF: four replacements", "\xF4\x90\x80\x80", 4},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      const Utf16Offsets to16(r.text);
      CHECK(to16.size16() == r.units);
    }
    const std::string s = "\xE2\x82" "ab";  // [0,2) is one unit
    const Utf16Offsets to16(s);
    CHECK(to16(0) == 0);
    CHECK(to16(1) == 0);  // inside the replaced run: its start
    CHECK(to16(2) == 1);
    CHECK(to16(3) == 2);
  }
  SUBCASE("empty") {
    const Utf16Offsets to16("");
    CHECK(to16.size16() == 0);
    CHECK(to16(0) == 0);
  }
  SUBCASE("what JavaScript's String.length and slice() count") {
    // "a😀é€" is 1 + 2 + 1 + 1 = 5 UTF-16 units; bytes 0,1,5,7,10.
    const std::string s = "a\xF0\x9F\x98\x80\xC3\xA9\xE2\x82\xAC";
    const Utf16Offsets to16(s);
    CHECK(to16.size16() == 5);
    CHECK(to16(0) == 0);
    CHECK(to16(1) == 1);
    CHECK(to16(3) == 1);  // inside the emoji: its start
    CHECK(to16(5) == 3);
    CHECK(to16(7) == 4);
    CHECK(to16(10) == 5);
  }
  SUBCASE("a long text: the checkpoints hold across emoji that straddle them") {
    std::string s;
    for (int k = 0; k < 1000; ++k) s += (k % 3 == 0) ? "\xF0\x9F\x98\x80" : "ab";
    const Utf16Offsets to16(s);
    uint32_t units = 0;
    size_t i = 0;
    for (int k = 0; k < 1000; ++k) {
      CHECK(to16(static_cast<uint32_t>(i)) == units);
      const bool emoji = k % 3 == 0;
      if (emoji) CHECK(to16(static_cast<uint32_t>(i + 2)) == units);
      i += emoji ? 4 : 2;
      units += 2;
    }
    CHECK(to16.size16() == units);
  }
}

}  // namespace
}  // namespace byline
