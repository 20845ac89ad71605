// Tests of byline::SplitSentences: tables of input -> sentences, the seed article, and the
// invariants (sentences in order, covering every token once, never across a paragraph break).
#include "core/sentences.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/tokenizer.h"

namespace byline {
namespace {

std::string Violation(std::string_view text, const std::vector<Token>& tokens,
                      const std::vector<Sentence>& sentences) {
  uint32_t next = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& x = sentences[s];
    const std::string where = "sentence " + std::to_string(s);
    if (x.first_token != next) return where + ": does not start where the previous one ended";
    if (x.last_token <= x.first_token) return where + ": empty";
    if (x.last_token > tokens.size()) return where + ": past the last token";
    if (x.begin != tokens[x.first_token].begin || x.end != tokens[x.last_token - 1].end) {
      return where + ": begin/end are not its tokens' offsets";
    }
    if (x.end > text.size()) return where + ": past the text";
    for (uint32_t k = x.first_token + 1; k < x.last_token; ++k) {
      if (tokens[k].paragraph_start) return where + ": crosses a paragraph break";
    }
    next = x.last_token;
  }
  if (next != tokens.size()) return "the sentences do not cover every token";
  return "";
}

std::vector<std::string> Split(std::string_view text) {
  const std::vector<Token> tokens = Tokenize(text);
  const std::vector<Sentence> sentences = SplitSentences(text, tokens);
  const std::string violation = Violation(text, tokens, sentences);
  CHECK_MESSAGE(violation.empty(), violation);
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> expected;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SUBCASE(c.text) {
      const std::vector<std::string> got = Split(c.text);
      std::string shown;
      for (const std::string& s : got) shown += "[" + s + "] ";
      CHECK_MESSAGE(got == c.expected, "got: " << shown);
    }
  }
}

TEST_CASE("sentence-final punctuation") {
  RunCases({
      {"He left. She stayed.", {"He left.", "She stayed."}},
      {"Is it? Yes!?! Really… OK...", {"Is it?", "Yes!?!", "Really…", "OK..."}},
      {"Is it。Yes", {"Is it。", "Yes"}},
      {"No final punctuation", {"No final punctuation"}},
      {"", {}},
      {"Note: a colon does not split. Done.", {"Note: a colon does not split.", "Done."}},
      {"Yes; a semicolon neither.", {"Yes; a semicolon neither."}},
      {"It rose 5%. 10 people left.", {"It rose 5%.", "10 people left."}},
  });
}

TEST_CASE("sentences continue after a lower-case word or continuing punctuation") {
  RunCases({
      {"“Why?” he asked. Nobody knew.", {"“Why?” he asked.", "Nobody knew."}},
      {"\"Stop!\" she shouted.", {"\"Stop!\" she shouted."}},
      {"Yahoo! said nothing.", {"Yahoo! said nothing."}},
      {"I think... maybe not.", {"I think... maybe not."}},
      {"Wait!, he said.", {"Wait!, he said."}},
  });
}

TEST_CASE("closing quotation marks and brackets belong to the sentence they end") {
  RunCases({
      {"He said. \"Next one,\" she said.", {"He said.", "\"Next one,\" she said."}},
      {"\"It was fine.\" He left.", {"\"It was fine.\"", "He left."}},
      {"“It was fine.” He left.", {"“It was fine.”", "He left."}},
      {"‘It was fine.’ He left.", {"‘It was fine.’", "He left."}},
      {"He agreed (as usual.) Then he left.", {"He agreed (as usual.)", "Then he left."}},
      {"They said \"members.\" \"All agree,\" he said.",
       {"They said \"members.\"", "\"All agree,\" he said."}},
      {"Really?!\" He laughed.", {"Really?!\"", "He laughed."}},
  });
}

TEST_CASE("abbreviations and initials") {
  RunCases({
      {"Mr. Smith met Dr. Jones. They talked.", {"Mr. Smith met Dr. Jones.", "They talked."}},
      {"Gen. Lee and Sen. Warren. He spoke.", {"Gen. Lee and Sen. Warren.", "He spoke."}},
      {"He lives in the U.S. The weather is fine.", {"He lives in the U.S.", "The weather is fine."}},
      {"The U.S. Army said so.", {"The U.S. Army said so."}},
      {"It costs 5 U.S. dollars.", {"It costs 5 U.S. dollars."}},
      {"George W. Bush spoke. J. K. Rowling wrote.", {"George W. Bush spoke.", "J. K. Rowling wrote."}},
      {"He chose Plan B. The rest followed.", {"He chose Plan B.", "The rest followed."}},
      {"Shares of Apple Inc. rose. Sony Corp. fell.", {"Shares of Apple Inc. rose.", "Sony Corp. fell."}},
      {"He works for Apple Inc. But he is leaving.", {"He works for Apple Inc.", "But he is leaving."}},
      {"They met at 3 p.m. The talks ended at 5 p.m. on Friday.",
       {"They met at 3 p.m.", "The talks ended at 5 p.m. on Friday."}},
      {"The talks begin on Jan. 5 in Oslo.", {"The talks begin on Jan. 5 in Oslo."}},
      {"He lives on Main St. The house is old.", {"He lives on Main St.", "The house is old."}},
      {"He went to St. Louis.", {"He went to St. Louis."}},
      {"No. 10 said so. Mr. The Rock is here.", {"No. 10 said so.", "Mr. The Rock is here."}},
      {"Fruit, vegetables, etc. are cheap.", {"Fruit, vegetables, etc. are cheap."}},
      {"It was made in the U.K.", {"It was made in the U.K."}},
      {"He said it was made in the U.S.\" It was not.", {"He said it was made in the U.S.\"", "It was not."}},
      {"He lives in the U.S. \"We like it,\" he said.",
       {"He lives in the U.S.", "\"We like it,\" he said."}},
  });
}

TEST_CASE("a paragraph break always ends a sentence") {
  RunCases({
      {"Headline without punctuation\n\nBody starts here. Second one.",
       {"Headline without punctuation", "Body starts here.", "Second one."}},
      {"BRUSSELS, June 1 (Reuters) - NATO said\n\nwatch now\n\nMore text.",
       {"BRUSSELS, June 1 (Reuters) - NATO said", "watch now", "More text."}},
      {"He works for Apple Inc.\n\nthe next paragraph", {"He works for Apple Inc.", "the next paragraph"}},
      {"\"An open quote\n\ncontinues here.\"", {"\"An open quote", "continues here.\""}},
      {"One line\nwrapped here.", {"One line\nwrapped here."}},
  });
}

TEST_CASE("the seed article") {
  std::ifstream in(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.txt", std::ios::binary);
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::vector<std::string> got = Split(text);
  auto has = [&](const std::string& s) {
    for (const std::string& g : got) {
      if (g == s) return true;
    }
    return false;
  };
  CHECK(has("NATO Secretary-General Jens Stoltenberg said Thursday that all NATO allies agree that "
            "Russia cannot prevent Ukraine's eventual membership of the military alliance."));
  CHECK(has("Speaking to reporters ahead of an informal meeting of NATO foreign ministers in Oslo, "
            "Stoltenberg said all allies agreed that \"NATO's door is open for new members.\""));
  CHECK(has("President [Vladimir] Putin and Russia must not win this war.\""));
  CHECK(has("Kenzo Tribouillard | AFP | Getty Images"));
  CHECK(has("Ukrainian President Volodymyr Zelenskyy welcomed Stoltenberg's support and reiterated "
            "that Ukraine is hoping to receive a formal NATO invitation to join."));
  int watch_now = 0;
  for (const std::string& g : got) watch_now += g == "watch now";
  CHECK(watch_now == 2);
  // The quotation that spans two sentences starts one and ends the other.
  CHECK(has("\"It is not for Moscow to have a veto against NATO enlargement, but most importantly, "
            "all allies agree that the most urgent and important task now is to ensure that Ukraine "
            "prevails as a sovereign, independent nation."));
  CHECK(got.size() == 15);
}

TEST_CASE("hostile input: long runs are capped, odd shapes split sanely") {
  SUBCASE("a text without any punctuation is cut into bounded sentences") {
    std::string text;
    for (int k = 0; k < 5000; ++k) text += "word ";
    const std::vector<Token> tokens = Tokenize(text);
    const std::vector<Sentence> sentences = SplitSentences(text, tokens);
    CHECK(Violation(text, tokens, sentences) == "");
    CHECK(sentences.size() >= 5);
    for (const Sentence& s : sentences) CHECK(s.last_token - s.first_token <= 1000);
  }
  SUBCASE("a million quotation marks and periods") {
    std::string text;
    for (int k = 0; k < 500000; ++k) text += "\".";
    const std::vector<Token> tokens = Tokenize(text);
    const std::vector<Sentence> sentences = SplitSentences(text, tokens);
    CHECK(Violation(text, tokens, sentences) == "");
  }
  SUBCASE("only punctuation") {
    CHECK(Split("...") == std::vector<std::string>{"..."});
    CHECK(Split("?!") == std::vector<std::string>{"?!"});
    CHECK(Split(". . .") == std::vector<std::string>{". . ."});  // a spaced ellipsis
  }
}

}  // namespace
}  // namespace byline
