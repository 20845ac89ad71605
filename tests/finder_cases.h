// Table-driven cases for the rule finders that take (text, tokens, sentences) and return sorted,
// non-overlapping, token-aligned entities (FindQuantities, FindEntitiesByRules).
#ifndef BYLINE_TESTS_FINDER_CASES_H_
#define BYLINE_TESTS_FINDER_CASES_H_

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/analyzer.h"
#include "core/sentences.h"
#include "core/tokenizer.h"

namespace byline {

using Finder = std::vector<Entity> (*)(std::string_view, const std::vector<Token>&,
                                       const std::vector<Sentence>&);

// "TYPE surface" for each entity the finder reports, checking the span invariants on the way.
inline std::vector<std::string> FindWith(Finder finder, const std::string& text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<Sentence> sentences = SplitSentences(text, tokens);
  std::vector<Entity> found = finder(text, tokens, sentences);
  std::set<uint32_t> token_begins, token_ends;
  for (const Token& t : tokens) {
    token_begins.insert(t.begin);
    token_ends.insert(t.end);
  }
  std::vector<std::string> out;
  uint32_t previous_end = 0;
  for (const Entity& e : found) {
    CHECK(e.begin < e.end);
    CHECK(e.end <= text.size());
    CHECK(e.begin >= previous_end);  // sorted, no overlaps
    previous_end = e.end;
    CHECK(token_begins.count(e.begin) == 1);  // on token boundaries
    CHECK(token_ends.count(e.end) == 1);
    out.push_back(e.type + " " + text.substr(e.begin, e.end - e.begin));
  }
  return out;
}

// Joined with " | " so a failing CHECK prints both lists.
inline std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " | ") + s;
  return out;
}

struct FinderCase {
  const char* text;
  std::vector<std::string> expected;
};

inline void RunFinderCases(Finder finder, const std::vector<FinderCase>& cases) {
  for (const FinderCase& c : cases) {
    SUBCASE(c.text) { CHECK(Join(FindWith(finder, c.text)) == Join(c.expected)); }
  }
}

}  // namespace byline

#endif  // BYLINE_TESTS_FINDER_CASES_H_
