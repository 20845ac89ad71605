// Tests of byline::Tokenize: tables of input -> tokens, each rendered with its kind and spacing,
// plus the offset invariants on every case and on hostile input.
#include "core/tokenizer.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/offsets.h"

namespace byline {
namespace {

const char* KindSuffix(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return "";
    case TokenKind::kNumber: return "/N";
    case TokenKind::kPunct: return "/P";
    case TokenKind::kQuote: return "/Q";
    case TokenKind::kUrl: return "/U";
    case TokenKind::kEmail: return "/E";
    case TokenKind::kSymbol: return "/S";
  }
  return "/?";
}

// Checks the invariants of a tokenization; returns "" or the first violation.
std::string Violation(std::string_view text, const std::vector<Token>& tokens) {
  uint32_t previous_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const std::string where = "token " + std::to_string(i) + " [" + std::to_string(t.begin) + "," +
                              std::to_string(t.end) + ")";
    if (t.begin >= t.end) return where + ": empty or reversed";
    if (t.end > text.size()) return where + ": past the end";
    if (i > 0 && t.begin < previous_end) return where + ": overlaps the previous token";
    if (!IsCharBoundary(text, t.begin) || !IsCharBoundary(text, t.end)) {
      return where + ": not on a character boundary";
    }
    const std::string_view surface = text.substr(t.begin, t.end - t.begin);
    if (CountInvalidUtf8(surface) != 0) return where + ": holds an invalid byte";
    // Between tokens there is nothing but whitespace, controls, invisible marks and bad bytes: no
    // printable ASCII character is ever dropped.
    for (uint32_t k = previous_end; k < t.begin; ++k) {
      const unsigned char c = static_cast<unsigned char>(text[k]);
      if (c > 0x20 && c < 0x7F) return where + ": a printable character before it is in no token";
    }
    if (i == 0 && (!t.space_before || !t.paragraph_start)) {
      return where + ": the first token must have space_before and paragraph_start";
    }
    if (t.paragraph_start && !t.space_before) return where + ": paragraph_start without space";
    previous_end = t.end;
  }
  for (size_t k = previous_end; k < text.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (c > 0x20 && c < 0x7F) return "a printable character at the end is in no token";
  }
  return "";
}

// Tokens joined by " " (space before), "·" (no space before) or " ¶" (paragraph start), each
// followed by its kind unless it is a word: He said·,/P "/Q·Yes·./P·"/Q
std::string Render(std::string_view text) {
  const std::vector<Token> tokens = Tokenize(text);
  const std::string violation = Violation(text, tokens);
  CHECK_MESSAGE(violation.empty(), violation);
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (i > 0) out += t.paragraph_start ? " ¶" : t.space_before ? " " : "·";
    out.append(text.substr(t.begin, t.end - t.begin));
    out += KindSuffix(t.kind);
  }
  return out;
}

struct Case {
  std::string text;
  std::string expected;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SUBCASE(c.text.c_str()) { CHECK(Render(c.text) == c.expected); }
  }
}

TEST_CASE("punctuation is split off") {
  RunCases({
      {"He said, \"Yes.\"", "He said·,/P \"/Q·Yes·./P·\"/Q"},
      {"Wait... what?! No; maybe: (not) [really] {x}",
       "Wait·.../P what·?/P·!/P No·;/P maybe·:/P (/P·not·)/P [/P·really·]/P {/P·x·}/P"},
      {"Kenzo Tribouillard | AFP | Getty Images", "Kenzo Tribouillard |/P AFP |/P Getty Images"},
      {"President [Vladimir] Putin", "President [/P·Vladimir·]/P Putin"},
      {"and/or", "and·//P·or"},
      {"end.Next", "end·./P·Next"},
      {"", ""},
      {"   \n\t ", ""},
  });
}

TEST_CASE("clitics split as in CoNLL-2003 and the Penn Treebank") {
  RunCases({
      {"Ukraine's NATO’s", "Ukraine·'s NATO·’s"},
      {"don't can't won't isn’t", "do·n't ca·n't wo·n't is·n’t"},
      {"they're I'm we've you'll he'd IT'S", "they·'re I·'m we·'ve you·'ll he·'d IT·'S"},
      {"O'Brien's team", "O'Brien·'s team"},
      {"the 1990's", "the 1990/N·'s"},
  });
}

TEST_CASE("apostrophes that stay inside a word") {
  RunCases({
      {"O'Brien o'clock d'Estaing Nuku'alofa", "O'Brien o'clock d'Estaing Nuku'alofa"},
      {"rock'n'roll, rock 'n' roll, rock ’n’ roll", "rock'n'roll·,/P rock 'n' roll·,/P rock ’n’ roll"},
      {"the ’90s and '07 and ‘80s", "the ’90s and '07 and ‘80s"},
      {"gov't Gen'l", "gov't Gen'l"},
  });
}

TEST_CASE("single quotation marks versus apostrophes") {
  RunCases({
      {"the 'pattern of aggression' comes", "the '/Q·pattern of aggression·'/Q comes"},
      {"‘Quote,’ he said", "‘/Q·Quote·,/P·’/Q he said"},
      {"the allies' door and the allies’ door", "the allies·' door and the allies·’ door"},
      {"\"He said 'no'.\"", "\"/Q·He said '/Q·no·'/Q·./P·\"/Q"},
      {"``Yes,'' he said", "``/Q·Yes·,/P·''/Q he said"},
      {"'Hello' \n\n it's", "'/Q·Hello·'/Q ¶it·'s"},
      {"a ' b", "a '/Q b"},
  });
}

TEST_CASE("quotation marks of every style are kQuote tokens") {
  RunCases({
      {"“Hi” «Bonjour» ‹x› „Hallo“ ‚ja‘", "“/Q·Hi·”/Q «/Q·Bonjour·»/Q ‹/Q·x·›/Q „/Q·Hallo·“/Q ‚/Q·ja·‘/Q"},
      {"「東京」", "「/Q·東京·」/Q"},
  });
}

TEST_CASE("abbreviations, initials and acronyms keep their period") {
  RunCases({
      {"Mr. Smith met Dr. Jones and Gen. Lee.", "Mr. Smith met Dr. Jones and Gen. Lee·./P"},
      {"Sen. Rep. Gov. Lt. Col. Mrs. Jr. Sr.", "Sen. Rep. Gov. Lt. Col. Mrs. Jr. Sr."},
      {"Apple Inc., Sony Corp. and Foo Co. Ltd.", "Apple Inc.·,/P Sony Corp. and Foo Co. Ltd."},
      {"on Jan. 5 and Feb. 6 at 3 p.m. or 9 a.m. sharp", "on Jan. 5/N and Feb. 6/N at 3/N p.m. or 9/N a.m. sharp"},
      {"the U.S. and U.K. at the U.N. vs. NATO etc. e.g. Ph.D.",
       "the U.S. and U.K. at the U.N. vs. NATO etc. e.g. Ph.D."},
      {"J. K. Rowling and George W. Bush", "J. K. Rowling and George W. Bush"},
      {"St. Louis", "St. Louis"},
      {"No. 10 and No.10 but no. No.", "No. 10/N and No.·10/N but no·./P No·./P"},
      {"the end.", "the end·./P"},
      {"It got to be Mr.Benn.", "It got to be Mr.·Benn·./P"},
      {"U.S.-led and anti-U.S. protests", "U.S.-led and anti-U.S. protests"},
      {"etc...", "etc·.../P"},
  });
}

TEST_CASE("numbers, dates, times, money and percentages") {
  RunCases({
      {"1,200.50 3.5 2023-06-01 3:30 24/7", "1,200.50/N 3.5/N 2023-06-01/N 3:30/N 24/7/N"},
      {"$3.5 40% £600m US$5 HK$ 10 €10", "$/S·3.5/N 40/N·%/S £/S·600m/N US$/S·5/N HK$/S 10/N €/S·10/N"},
      {"1.13bn 1990s 3rd 10:30:15 .5", "1.13bn/N 1990s/N 3rd/N 10:30:15/N .5/N"},
      {"1,2,3 and 1,2345", "1/N·,/P·2/N·,/P·3/N and 1/N·,/P·2345/N"},
      {"won 2-1 in 1996-97", "won 2-1/N in 1996-97/N"},
      {"in 2023. Then", "in 2023/N·./P Then"},
      {"-5 degrees", "-/P·5/N degrees"},
  });
}

TEST_CASE("hyphenated words are one token, dashes and ellipses one token each") {
  RunCases({
      {"Secretary-General Russia-Ukraine multi-year F-16 AT&T e-mail",
       "Secretary-General Russia-Ukraine multi-year F-16 AT&T e-mail"},
      {"war—and – peace -- now - then … end...", "war·—/P·and –/P peace --/P now -/P then …/P end·.../P"},
      {"pre- and post-war", "pre·-/P and post-war"},
      {"non‐breaking well‑known", "non‐breaking well‑known"},
      {"R & D", "R &/S D"},
  });
}

TEST_CASE("URLs and e-mail addresses") {
  RunCases({
      {"See https://example.com/a?b=c&d=1. Or www.bbc.co.uk/news, now",
       "See https://example.com/a?b=c&d=1/U·./P Or www.bbc.co.uk/news/U·,/P now"},
      {"mail press@nato.int! or j.doe+x@mail.example.org.", "mail press@nato.int/E·!/P or j.doe+x@mail.example.org/E·./P"},
      {"(https://en.wikipedia.org/wiki/Oslo_(city))", "(/P·https://en.wikipedia.org/wiki/Oslo_(city)/U·)/P"},
      {"(see http://x.org/a)", "(/P·see http://x.org/a/U·)/P"},
      {"Amazon.com said; bbc.co.uk", "Amazon.com/U said·;/P bbc.co.uk/U"},
      {"said.It worked", "said·./P·It worked"},
      {"HTTPS://NATO.INT", "HTTPS://NATO.INT/U"},
      {"\"https://a.org/x\"", "\"/Q·https://a.org/x/U·\"/Q"},
      {"an @ sign and a@b", "an @/S sign and a·@/S·b"},
  });
}

TEST_CASE("symbols and emoji sequences") {
  RunCases({
      {"Great 👍🏽! 👨‍👩‍👧 family", "Great 👍🏽/S·!/P 👨‍👩‍👧/S family"},
      {"🇺🇦🇳🇴 flags", "🇺🇦/S·🇳🇴/S flags"},
      {"#️⃣ ❤️ © ™ + = #tag", "#️⃣/S ❤️/S ©/S ™/S +/S =/S #/S·tag"},
      {"😀😀", "😀/S·😀/S"},
  });
}

TEST_CASE("non-ASCII letters are word characters") {
  RunCases({
      {"Zelenskyy Москва café Ünal straße naïve 東京", "Zelenskyy Москва café Ünal straße naïve 東京"},
      {"cafe\xCC\x81 au lait", "cafe\xCC\x81 au lait"},  // combining acute accent
      {"Zürich-based Kyiv’s", "Zürich-based Kyiv·’s"},
  });
}

TEST_CASE("space_before and paragraph_start") {
  RunCases({
      {"a b\n\nc\r\n\r\nd\ne \n \t\n f\r\rg", "a b ¶c ¶d e ¶f ¶g"},
      {"a\xE2\x80\xA9" "b\xE2\x80\xA8" "c", "a ¶b c"},              // U+2029, U+2028
      {"a\xC2\xA0" "b\xE3\x80\x80" "c\xE2\x80\x8B" "d", "a b c d"},  // NBSP, ideographic space, ZWSP
      {"\n\n\nHeadline\n\nBody", "Headline ¶Body"},
  });
}

TEST_CASE("invalid UTF-8, NUL and invisible characters") {
  RunCases({
      {"ab\xFF" "cd", "ab·cd"},
      {"ab \xFF" "cd", "ab cd"},
      {"\xC3(x \xE2\x82 y \xF0\x9F\x98 z", "(/P·x y z"},
      {"\xED\xA0\x80" "a \xC0\xAF" "b \xF4\x90\x80\x80" "c", "a b c"},  // surrogate, overlong, > U+10FFFF
      {std::string("a\0b", 3), "a b"},
      {"\xEF\xBB\xBFHello", "Hello"},                    // byte order mark
      {"news\xC2\xAD" "paper", "news\xC2\xAD" "paper"},  // soft hyphen inside a word
      {"a\xE2\x80\x8E b", "a\xE2\x80\x8E b"},            // left-to-right mark
  });
}

TEST_CASE("offsets are exact and invalid bytes do not shift them") {
  const std::string text = "\xFF\xFE Ukraine\xE2\x82's \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD end.";
  const std::vector<Token> tokens = Tokenize(text);
  CHECK(Violation(text, tokens) == "");
  REQUIRE(tokens.size() == 6);
  CHECK(tokens[0].begin == 3);
  CHECK(tokens[0].end == 10);  // Ukraine
  CHECK(tokens[1].begin == 12);  // ' then s: the bad bytes end the word, so no clitic
  CHECK(tokens[1].end == 13);
  CHECK_FALSE(tokens[1].space_before);
  CHECK(tokens[2].begin == 13);
  CHECK(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin) == "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
  CHECK(tokens[5].end == text.size());
}

TEST_CASE("the seed article's tokens") {
  const std::string text =
      " date 2023-06-01 NATO Secretary-General Jens Stoltenberg said Ukraine's door is open "
      "\"NATO's door is open for new members.\" Zelenskyy welcomed Stoltenberg's support.";
  CHECK(Render(text) ==
        "date 2023-06-01/N NATO Secretary-General Jens Stoltenberg said Ukraine·'s door is open "
        "\"/Q·NATO·'s door is open for new members·./P·\"/Q Zelenskyy welcomed Stoltenberg·'s "
        "support·./P");
}

// Hostile shapes: each must finish (linear time) and satisfy the invariants.
TEST_CASE("hostile input: huge words and repeated patterns") {
  const size_t n = size_t{1} << 20;
  struct Shape {
    const char* name;
    std::string unit;
    size_t expected_tokens_per_unit_times_1000;  // 0: only check the invariants
  };
  const std::vector<Shape> shapes = {
      {"one 1 MB word", "a", 0},
      {"dotted letters", "a.", 0},
      {"dotted pairs", "ab.", 0},
      {"hyphens", "a-", 0},
      {"apostrophes", "a'", 0},
      {"digits and commas", "1,", 0},
      {"at signs", "a@", 0},
      {"dots", ".", 0},
      {"straight quotes", "'", 0},
      {"emoji ZWJ chain", "\xF0\x9F\x91\xA8\xE2\x80\x8D", 0},
      {"URL-like", "www.a", 0},
      {"invalid bytes", "\xFF", 0},
      {"regional indicators", "\xF0\x9F\x87\xBA", 0},
      {"combining marks", "\xCC\x81", 0},
  };
  for (const Shape& s : shapes) {
    SUBCASE(s.name) {
      std::string text;
      text.reserve(n + s.unit.size());
      while (text.size() < n) text += s.unit;
      const std::vector<Token> tokens = Tokenize(text);
      CHECK(Violation(text, tokens) == "");
    }
  }
  SUBCASE("one 1 MB word is one token") {
    const std::string text(n, 'x');
    const std::vector<Token> tokens = Tokenize(text);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].end == n);
  }
}

// Random mixtures of tricky pieces: never a crash, always the invariants.
TEST_CASE("random mixtures of tricky pieces") {
  const std::vector<std::string> pieces = {
      " ", "\n", "\n\n", "a", "Ab", "U.S.", ".", "'", "’", "‘", "\"", "“", "”", "-", "--", "—",
      "1", "2,000", "3.5", "$", "%", "@", "www.", "http://", ".com", "x@y.org", "😀", "\xF0\x9F\x8F\xBD",
      "\xE2\x80\x8D", "\xEF\xB8\x8F", "\xF0\x9F\x87\xBA", "é", "\xCC\x81", "\xFF", "\xE2\x82",
      std::string("\0", 1), "Mr", "n't", "'s", "(", ")", "[", "]", "…", "\xC2\xA0", "\r\n", ":", "/"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 40);
    if (round % 4 == 0) {  // any bytes at all
      for (int k = 0; k < len * 3; ++k) text += static_cast<char>(rng() % 256);
    } else {
      for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    }
    const std::vector<Token> tokens = Tokenize(text);
    const std::string violation = Violation(text, tokens);
    if (!violation.empty()) {
      FAIL_CHECK(violation << " in \"" << text << "\"");
      break;
    }
  }
}

}  // namespace
}  // namespace byline
