// Hostile input through byline::Analyzer, with and without the committed model: each row has a
// defined outcome, and every result satisfies the span invariants (tests/span_invariants.h).
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/offsets.h"
#include "doctest/doctest.h"
#include "span_invariants.h"

namespace byline {
namespace {

using testing::CheckSpanInvariants;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const Analyzer& Plain() {
  static const Analyzer analyzer;
  return analyzer;
}

// The committed model, or null when it is absent (then only the rule-based analyzer is tested).
const Analyzer* WithModel() {
  static const Analyzer* analyzer = [] () -> const Analyzer* {
    const std::string bytes = Slurp(std::string(BYLINE_SOURCE_DIR) + "/models/byline-ner.bin");
    if (bytes.empty()) {
      MESSAGE("no committed model: hostile input runs without a model only");
      return nullptr;
    }
    auto* a = new Analyzer;
    std::string error;
    REQUIRE_MESSAGE(a->LoadModel(bytes, &error), error);
    return a;
  }();
  return analyzer;
}

struct Named {
  std::string name;
  const Analyzer* analyzer;
};

std::vector<Named> Analyzers() {
  std::vector<Named> v = {{"without model", &Plain()}};
  if (const Analyzer* m = WithModel()) v.push_back({"with model", m});
  return v;
}

// Analyzes text with each analyzer, checks ok() and the invariants, and returns the analyses.
std::vector<Analysis> AnalyzeAll(std::string_view text) {
  std::vector<Analysis> out;
  for (const Named& n : Analyzers()) {
    CAPTURE(n.name);
    Analysis a = n.analyzer->Analyze(text);
    CHECK_MESSAGE(a.ok(), a.error);
    CHECK(CheckSpanInvariants(text, a) == "");
    out.push_back(std::move(a));
  }
  return out;
}

std::string Repeat(std::string_view unit, size_t times) {
  std::string s;
  s.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) s += unit;
  return s;
}

std::string Encode(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

std::string Surface(std::string_view text, uint32_t begin, uint32_t end) {
  return std::string(text.substr(begin, end - begin));
}

const std::string kSentence = "Jens Stoltenberg said the alliance would stand firm.";

TEST_CASE("empty and blank text give an empty, ok analysis") {
  for (const char* text : {"", " ", "\n\n\n", " \t\r\n\v\f ", "\xc2\xa0\xe2\x80\x83\xe3\x80\x80"}) {
    SUBCASE(("blank of " + std::to_string(std::string_view(text).size()) + " bytes").c_str()) {
      for (const Analysis& a : AnalyzeAll(text)) {
        CHECK(a.entities.empty());
        CHECK(a.quotes.empty());
      }
    }
  }
  SUBCASE("only whitespace, 100 KB") {
    for (const Analysis& a : AnalyzeAll(Repeat(" \n\t", 34000))) {
      CHECK(a.tokens.empty());
      CHECK(a.sentences.empty());
    }
  }
}

// Bad bytes are never in a token and never move the offsets of the valid text: the analysis of
// "X<bad> Jens Stoltenberg said ..." equals that of the text with each bad byte replaced by a space.
TEST_CASE("invalid UTF-8 does not shift valid offsets") {
  struct Row {
    const char* name;
    std::string bad;
  };
  const std::vector<Row> rows = {
      {"a stray 0xFF", "\xff"},
      {"0xFE", "\xfe"},
      {"overlong slash C0 AF", "\xc0\xaf"},
      {"overlong NUL C0 80", "\xc0\x80"},
      {"overlong 3-byte E0 80 AF", "\xe0\x80\xaf"},
      {"overlong 4-byte F0 80 80 AF", "\xf0\x80\x80\xaf"},
      {"lone high surrogate ED A0 80", "\xed\xa0\x80"},
      {"lone low surrogate ED B0 80", "\xed\xb0\x80"},
      {"truncated 2-byte C3", "\xc3"},
      {"truncated 3-byte E2 80", "\xe2\x80"},
      {"truncated 4-byte F0 9F 98", "\xf0\x9f\x98"},
      {"stray continuation 80", "\x80"},
      {"stray continuations 80 BF 80", "\x80\xbf\x80"},
      {"above U+10FFFF F4 90 80 80", "\xf4\x90\x80\x80"},
      {"F5 lead", "\xf5\x80\x80\x80"},
      {"a run of garbage", "\xff\xfe\xc0\xed\xa0\x80\xf8\x88\x80\x80\x80"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      const std::string bad = "X" + row.bad + " " + kSentence + " \"We stand ready" + row.bad +
                              " ,\" she said" + row.bad;
      std::string clean = bad;
      for (size_t i = 0; i < clean.size();) {
        char32_t cp;
        const int n = DecodeUtf8(clean, i, &cp);
        if (n == 0) {
          clean[i] = ' ';
          ++i;
        } else {
          i += n;
        }
      }
      REQUIRE(CountInvalidUtf8(clean) == 0);
      REQUIRE(clean.size() == bad.size());
      const std::vector<Analysis> with_bad = AnalyzeAll(bad);
      const std::vector<Analysis> with_space = AnalyzeAll(clean);
      REQUIRE(with_bad.size() == with_space.size());
      for (size_t k = 0; k < with_bad.size(); ++k) {
        const Analysis& b = with_bad[k];
        const Analysis& c = with_space[k];
        CHECK(b.invalid_utf8_bytes == 3 * CountInvalidUtf8(row.bad));
        CHECK(c.invalid_utf8_bytes == 0);
        REQUIRE(b.tokens.size() == c.tokens.size());
        for (size_t i = 0; i < b.tokens.size(); ++i) {
          CAPTURE(i);
          CHECK(b.tokens[i].begin == c.tokens[i].begin);
          CHECK(b.tokens[i].end == c.tokens[i].end);
          CHECK(b.tokens[i].kind == c.tokens[i].kind);
        }
        REQUIRE(b.entities.size() == c.entities.size());
        for (size_t i = 0; i < b.entities.size(); ++i) {
          CHECK(b.entities[i].begin == c.entities[i].begin);
          CHECK(b.entities[i].end == c.entities[i].end);
          CHECK(b.entities[i].type == c.entities[i].type);
        }
        REQUIRE(b.quotes.size() == c.quotes.size());
        for (size_t i = 0; i < b.quotes.size(); ++i) {
          CHECK(b.quotes[i].begin == c.quotes[i].begin);
          CHECK(b.quotes[i].end == c.quotes[i].end);
        }
        // "X" stays a one-byte token at offset 0 and the name keeps its place.
        REQUIRE_FALSE(b.tokens.empty());
        CHECK(b.tokens[0].begin == 0);
        CHECK(b.tokens[0].end == 1);
        const size_t jens = bad.find("Jens");
        bool found = false;
        for (const Token& t : b.tokens) found |= t.begin == jens && t.end == jens + 4;
        CHECK(found);
      }
    }
  }
  SUBCASE("bad bytes inside words split them but keep every offset") {
    const std::string text = "Stolten\xff" "berg met Erdo\xc4\x9f\x61n in Vil\xe2\x80nius.";
    for (const Analysis& a : AnalyzeAll(text)) {
      CHECK(a.invalid_utf8_bytes == 3);
      for (const Token& t : a.tokens) {
        const std::string s = Surface(text, t.begin, t.end);
        CHECK(s.find('\xff') == std::string::npos);
      }
    }
  }
  SUBCASE("nothing but invalid bytes") {
    std::string junk;
    for (int b = 0x80; b <= 0xff; ++b) junk += static_cast<char>(b);
    for (const Analysis& a : AnalyzeAll(Repeat(junk, 100))) {
      CHECK(a.invalid_utf8_bytes == 12800);
      CHECK(a.tokens.empty());
    }
  }
}

TEST_CASE("NUL bytes") {
  const std::string nul(1, '\0');
  SUBCASE("between sentences: the first sentence's tokens are unchanged") {
    const std::string text = kSentence + nul + nul + kSentence;
    const Analysis alone = Plain().Analyze(kSentence);
    for (const Analysis& a : AnalyzeAll(text)) {
      REQUIRE(a.tokens.size() >= alone.tokens.size());
      for (size_t i = 0; i < alone.tokens.size(); ++i) {
        CHECK(a.tokens[i].begin == alone.tokens[i].begin);
        CHECK(a.tokens[i].end == alone.tokens[i].end);
      }
      CHECK(a.invalid_utf8_bytes == 0);  // NUL is valid UTF-8
    }
  }
  SUBCASE("inside words and quotes") {
    AnalyzeAll("Jens" + nul + "Stoltenberg said \"" + nul + "we" + nul + "\" " + nul);
  }
  SUBCASE("only NUL bytes") { AnalyzeAll(std::string(100000, '\0')); }
}

// The seed article repeated to 10 MB: completes, and every copy is tokenized and split alike.
TEST_CASE("a 10 MB article") {
  std::string article = Slurp(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.txt");
  REQUIRE_FALSE(article.empty());
  while (!article.empty() && (article.back() == '\n' || article.back() == ' ')) article.pop_back();
  article += "\n\n";
  const size_t copies = (size_t{10} << 20) / article.size() + 1;
  const std::string big = Repeat(article, copies);
  REQUIRE(big.size() >= (size_t{10} << 20));
  for (const Named& n : Analyzers()) {
    CAPTURE(n.name);
    const Analysis one = n.analyzer->Analyze(article);
    const Analysis all = n.analyzer->Analyze(big);
    REQUIRE(all.ok());
    CHECK(CheckSpanInvariants(big, all) == "");
    CHECK(all.tokens.size() == copies * one.tokens.size());
    CHECK(all.sentences.size() == copies * one.sentences.size());
    // The last copy's tokens are the first copy's, shifted.
    const size_t shift = (copies - 1) * article.size();
    const size_t base = (copies - 1) * one.tokens.size();
    for (size_t i = 0; i < one.tokens.size() && base + i < all.tokens.size(); ++i) {
      CHECK(all.tokens[base + i].begin == one.tokens[i].begin + shift);
      CHECK(all.tokens[base + i].end == one.tokens[i].end + shift);
    }
    CHECK(all.quotes.size() == copies * one.quotes.size());
    if (!one.quotes.empty() && !all.quotes.empty()) {
      CHECK(all.quotes.back().begin == one.quotes.back().begin + shift);
      CHECK(all.quotes.back().end == one.quotes.back().end + shift);
    }
  }
}

TEST_CASE("a 1 MB line without spaces") {
  struct Row {
    const char* name;
    std::string unit;
  };
  const std::vector<Row> rows = {
      {"letters", "a"},
      {"capitals", "Q"},
      {"digits", "7"},
      {"dotted initials", "U.S."},
      {"hyphenated", "e-"},
      {"apostrophes", "o'"},
      {"digits with separators", "1,2.3"},
      {"a URL-like run", "http://x.y/"},
      {"at signs", "a@b."},
      {"periods", "."},
      {"dashes", "\xe2\x80\x94"},
      {"emoji", "\xf0\x9f\x98\x80"},
      {"CJK", "\xe4\xb8\xad"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      const std::string text = Repeat(row.unit, (size_t{1} << 20) / row.unit.size());
      for (const Analysis& a : AnalyzeAll(text)) {
        CHECK_FALSE(a.tokens.empty());
        CHECK(a.invalid_utf8_bytes == 0);
      }
    }
  }
}

// Each row holds 100,000 quotation marks (a unit with two marks is repeated 50,000 times).
TEST_CASE("100,000 quotation marks") {
  struct Row {
    const char* name;
    std::string unit;
    size_t marks;  // per unit
  };
  const std::vector<Row> rows = {
      {"straight double", "\"", 1},
      {"straight single", "'", 1},
      {"curly pairs", "\xe2\x80\x9c\xe2\x80\x9d", 2},
      {"opening curly only", "\xe2\x80\x9c", 1},
      {"guillemets", "\xc2\xab", 1},
      {"quote, word, space", "\"a ", 1},
      {"said-quote pattern", "\"Yes,\" he said. ", 2},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      const std::string text = Repeat(row.unit, 100000 / row.marks);
      for (const Analysis& a : AnalyzeAll(text)) {
        CHECK_FALSE(a.tokens.empty());
        CHECK(a.quotes.size() <= 100000);
      }
    }
  }
}

TEST_CASE("10,000 nested brackets and quotes") {
  const std::vector<std::pair<const char*, std::pair<std::string, std::string>>> rows = {
      {"parentheses", {"(", ")"}},
      {"square brackets", {"[", "]"}},
      {"braces", {"{", "}"}},
      {"curly quotes", {"\xe2\x80\x9c", "\xe2\x80\x9d"}},
      {"alternating double and single", {"\xe2\x80\x9c\xe2\x80\x98", "\xe2\x80\x99\xe2\x80\x9d"}},
      {"guillemets", {"\xc2\xab", "\xc2\xbb"}},
      {"parenthesis with words", {"(he said ", ") "}},
  };
  for (const auto& row : rows) {
    SUBCASE(row.first) {
      const std::string text =
          Repeat(row.second.first, 10000) + "Stoltenberg" + Repeat(row.second.second, 10000);
      for (const Analysis& a : AnalyzeAll(text)) CHECK_FALSE(a.tokens.empty());
      AnalyzeAll(Repeat(row.second.first, 10000) + "x");  // never closed
      AnalyzeAll(Repeat(row.second.second, 10000) + "x");  // never opened
    }
  }
}

// One quotation of 20,000 transcript turns, each with its own label and a name: one quote per turn
// (the label index is built once, not searched per turn).
TEST_CASE("a quoted transcript of 20,000 turns") {
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    const std::string label = {static_cast<char>('A' + i % 26), static_cast<char>('A' + i / 26 % 26),
                               static_cast<char>('A' + i / 676 % 26)};
    text += "\"" + label + ": Mr. Ben " + label + " said so.\n\n";
  }
  for (const Analysis& a : AnalyzeAll(text)) {
    size_t turns = 0;
    for (const Quote& q : a.quotes) turns += q.kind == QuoteKind::kDirect && q.has_speaker;
    CHECK(turns == 20000);
  }
}

// Every Unicode quotation mark: the mark is its own token, nothing crashes.
const std::vector<char32_t> kQuotationMarks = {
    0x0022, 0x0027, 0x00AB, 0x00BB, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E,
    0x201F, 0x2039, 0x203A, 0x2E42, 0x300C, 0x300D, 0x300E, 0x300F, 0x301D, 0x301E, 0x301F,
    0xFF02, 0xFF07, 0xFE41, 0xFE42, 0xFE43, 0xFE44};

TEST_CASE("every Unicode quotation mark") {
  for (char32_t cp : kQuotationMarks) {
    const std::string mark = Encode(cp);
    char name[32];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
    SUBCASE(name) {
      for (const std::string& text :
           {"Stoltenberg said " + mark + "We will stand firm" + mark + ".",
            mark + mark + mark, mark + "Nato" + mark + "s" + mark,
            "He said:" + mark + "\n\n" + mark + "Yes" + Repeat(mark, 50)}) {
        for (const Analysis& a : AnalyzeAll(text)) {
          // No token starts or ends inside the mark.
          const size_t at = text.find(mark);
          for (const Token& t : a.tokens) {
            CHECK_FALSE((t.begin > at && t.begin < at + mark.size()));
            CHECK_FALSE((t.end > at && t.end < at + mark.size()));
          }
        }
      }
    }
  }
}

// A quotation mark, apostrophe-like ones aside, is a token of its own, not glued to a word.
TEST_CASE("quotation marks are tokens of their own") {
  for (char32_t cp : kQuotationMarks) {
    if (cp == 0x0027 || cp == 0x2019 || cp == 0xFF07) continue;  // also apostrophes
    const std::string mark = Encode(cp);
    char name[32];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
    SUBCASE(name) {
      const std::string text = "Stoltenberg said " + mark + "We will stand firm" + mark + ".";
      const Analysis a = Plain().Analyze(text);
      const size_t first = text.find(mark);
      const size_t second = text.find(mark, first + mark.size());
      int found = 0;
      for (const Token& t : a.tokens) {
        if ((t.begin == first || t.begin == second) && t.end == t.begin + mark.size()) ++found;
      }
      CHECK(found == 2);
    }
  }
}

TEST_CASE("right-to-left and combining text") {
  struct Row {
    const char* name;
    std::string text;
    std::vector<std::string> words;  // words that must come out as single tokens
  };
  const std::vector<Row> rows = {
      {"Arabic with guillemets",
       "\xd9\x82\xd8\xa7\xd9\x84 \xd8\xb3\xd8\xaa\xd9\x88\xd9\x84\xd8\xaa\xd9\x86\xd8\xa8\xd8\xb1\xd8"
       "\xba: \xc2\xab\xd8\xb3\xd9\x86\xd9\x86\xd8\xaa\xd8\xb5\xd8\xb1\xc2\xbb.",
       {"\xd9\x82\xd8\xa7\xd9\x84",
        "\xd8\xb3\xd8\xaa\xd9\x88\xd9\x84\xd8\xaa\xd9\x86\xd8\xa8\xd8\xb1\xd8\xba"}},
      {"Hebrew with niqqud",
       "\xd7\xa9\xd6\xb8\xd7\x81\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d \xd7\xa2\xd7\x95\xd6\xb9\xd7\x9c"
       "\xd6\xb8\xd7\x9d \"\xd7\x9b\xd6\xbc\xd6\xb5\xd7\x9f\" \xd7\x90\xd6\xb8\xd7\x9e\xd6\xb7\xd7\xa8.",
       {"\xd7\xa9\xd6\xb8\xd7\x81\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d"}},
      {"bidi controls around a name",
       "\xe2\x80\x8f\xe2\x80\xaeJens Stoltenberg\xe2\x80\xac\xe2\x80\x8e said \xe2\x81\xa6yes\xe2\x81\xa9.",
       {}},
      {"combining acute", "Caf" "e\xcc\x81 owner Jose\xcc\x81 Martinez said yes.",
       {"Cafe\xcc\x81", "Jose\xcc\x81"}},
      {"stacked combining marks", "Zalgo Z\xcc\x8d\xcc\x8e\xcc\x8f\xcc\x90\xcc\x91\xcc\x92o said no.",
       {"Z\xcc\x8d\xcc\x8e\xcc\x8f\xcc\x90\xcc\x91\xcc\x92o"}},
      {"a combining mark at the very start", "\xcc\x81" "Stoltenberg said.", {}},
      {"Devanagari", "\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 "
                     "Modi said.",
       {"\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87"}},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      for (const Analysis& a : AnalyzeAll(row.text)) {
        CHECK(a.invalid_utf8_bytes == 0);
        for (const std::string& w : row.words) {
          CAPTURE(w);
          const size_t at = row.text.find(w);
          REQUIRE(at != std::string::npos);
          bool whole = false;
          for (const Token& t : a.tokens) whole |= t.begin == at && t.end == at + w.size();
          CHECK(whole);
        }
      }
    }
  }
}

TEST_CASE("text larger than kMaxTextBytes is refused with a clear error") {
  std::string text(kMaxTextBytes + 1, ' ');
  text.replace(0, kSentence.size(), kSentence);
  for (const Named& n : Analyzers()) {
    CAPTURE(n.name);
    const Analysis a = n.analyzer->Analyze(text);
    CHECK_FALSE(a.ok());
    CHECK(a.error.find("too large") != std::string::npos);
    CHECK(a.error.find(std::to_string(kMaxTextBytes)) != std::string::npos);
    CHECK(CheckSpanInvariants(text, a) == "");
  }
}

TEST_CASE("text of exactly kMaxTextBytes is analyzed") {
  std::string text(kMaxTextBytes, ' ');
  text.replace(0, kSentence.size(), kSentence);
  text.replace(text.size() - kSentence.size(), kSentence.size(), kSentence);
  const Analysis a = Plain().Analyze(text);
  CHECK_MESSAGE(a.ok(), a.error);
  CHECK(CheckSpanInvariants(text, a) == "");
  REQUIRE(a.tokens.size() >= 2);
  CHECK(a.tokens.back().end == text.size());
}

}  // namespace
}  // namespace byline
