// The invariants every byline::Analysis must satisfy, checked in one place for the tests and the
// fuzz targets (fuzz/).
//
// Usage:
//   byline::Analysis a = analyzer.Analyze(text);
//   std::string violation = byline::testing::CheckSpanInvariants(text, a);
//   CHECK(violation == "");                  // doctest; a fuzz target __builtin_trap()s instead
//
// Checked (see core/analyzer.h): every span has begin <= end <= text.size() with both ends on UTF-8
// character boundaries (byline::IsCharBoundary); tokens are non-empty, in order, do not overlap and
// hold no byte that is not well-formed UTF-8; sentences are non-empty, in order, and cover every
// token exactly once, and each sentence's begin/end are its first and last token's; entities are
// non-empty, sorted by begin then longer first, with a known type; quotes are sorted by begin and
// their speaker spans are in bounds; invalid_utf8_bytes is the count of bad bytes. A failed analysis
// (ok() false) must carry no results.
// Returns "" when all hold, else a description of the first violation.
#ifndef BYLINE_TESTS_SPAN_INVARIANTS_H_
#define BYLINE_TESTS_SPAN_INVARIANTS_H_

#include <string>
#include <string_view>

#include "core/analyzer.h"
#include "core/offsets.h"

namespace byline::testing {

inline std::string CheckSpan(std::string_view text, const char* what, size_t index, uint32_t begin,
                             uint32_t end, bool allow_empty) {
  const std::string where = std::string(what) + " " + std::to_string(index) + " [" +
                            std::to_string(begin) + ", " + std::to_string(end) + ")";
  if (begin > end) return where + ": begin > end";
  if (!allow_empty && begin == end) return where + ": empty";
  if (end > text.size()) return where + ": end past the text (" + std::to_string(text.size()) + ")";
  if (!IsCharBoundary(text, begin)) return where + ": begin inside a UTF-8 character";
  if (!IsCharBoundary(text, end)) return where + ": end inside a UTF-8 character";
  return "";
}

inline bool IsKnownEntityType(std::string_view type) {
  for (std::string_view t : {"PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT",
                             "QUANTITY"}) {
    if (type == t) return true;
  }
  return false;
}

inline std::string CheckSpanInvariants(std::string_view text, const Analysis& a) {
  if (!a.ok()) {
    if (!a.tokens.empty() || !a.sentences.empty() || !a.entities.empty() || !a.quotes.empty()) {
      return "failed analysis (" + a.error + ") carries results";
    }
    return "";
  }
  if (a.invalid_utf8_bytes != CountInvalidUtf8(text)) {
    return "invalid_utf8_bytes is " + std::to_string(a.invalid_utf8_bytes) + ", expected " +
           std::to_string(CountInvalidUtf8(text));
  }
  // Tokens.
  if (a.tokens.size() > text.size()) return "more tokens than bytes";
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    if (std::string e = CheckSpan(text, "token", i, t.begin, t.end, false); !e.empty()) return e;
    if (i > 0 && a.tokens[i - 1].end > t.begin) {
      return "token " + std::to_string(i) + " overlaps or precedes token " + std::to_string(i - 1);
    }
    if (CountInvalidUtf8(text.substr(t.begin, t.end - t.begin)) != 0) {
      return "token " + std::to_string(i) + " holds bytes that are not well-formed UTF-8";
    }
  }
  // Sentences cover the tokens, in order.
  if (a.tokens.empty() != a.sentences.empty()) {
    return "tokens and sentences must be both empty or both non-empty (" +
           std::to_string(a.tokens.size()) + " tokens, " + std::to_string(a.sentences.size()) +
           " sentences)";
  }
  uint32_t next_token = 0;
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const Sentence& s = a.sentences[i];
    const std::string where = "sentence " + std::to_string(i);
    if (s.first_token != next_token) {
      return where + " starts at token " + std::to_string(s.first_token) + ", expected " +
             std::to_string(next_token);
    }
    if (s.last_token <= s.first_token) return where + " has no tokens";
    if (s.last_token > a.tokens.size()) return where + " ends past the last token";
    if (s.begin != a.tokens[s.first_token].begin || s.end != a.tokens[s.last_token - 1].end) {
      return where + " [" + std::to_string(s.begin) + ", " + std::to_string(s.end) +
             ") is not the span of its tokens";
    }
    next_token = s.last_token;
  }
  if (next_token != a.tokens.size()) {
    return "sentences cover " + std::to_string(next_token) + " of " +
           std::to_string(a.tokens.size()) + " tokens";
  }
  // Entities.
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    if (std::string err = CheckSpan(text, "entity", i, e.begin, e.end, false); !err.empty()) {
      return err;
    }
    if (!IsKnownEntityType(e.type)) {
      return "entity " + std::to_string(i) + " has unknown type '" + e.type + "'";
    }
    if (i > 0) {
      const Entity& p = a.entities[i - 1];
      if (p.begin > e.begin || (p.begin == e.begin && p.end < e.end)) {
        return "entity " + std::to_string(i) + " is out of order (sorted by begin, longer first)";
      }
    }
  }
  // Quotes.
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    if (std::string err = CheckSpan(text, "quote", i, q.begin, q.end, true); !err.empty()) {
      return err;
    }
    if (i > 0 && a.quotes[i - 1].begin > q.begin) {
      return "quote " + std::to_string(i) + " is out of order (sorted by begin)";
    }
    if (q.has_speaker) {
      if (std::string err = CheckSpan(text, "quote speaker", i, q.speaker.begin, q.speaker.end,
                                      false);
          !err.empty()) {
        return err;
      }
    }
  }
  return "";
}

// True when two analyses report the same tokens, sentences, entities and quotes (counts, spans,
// types, speakers and speaker names).
inline bool SameAnalysis(const Analysis& x, const Analysis& y) {
  if (x.tokens.size() != y.tokens.size() || x.sentences.size() != y.sentences.size() ||
      x.entities.size() != y.entities.size() || x.quotes.size() != y.quotes.size()) {
    return false;
  }
  for (size_t i = 0; i < x.entities.size(); ++i) {
    if (x.entities[i].begin != y.entities[i].begin || x.entities[i].end != y.entities[i].end ||
        x.entities[i].type != y.entities[i].type) {
      return false;
    }
  }
  for (size_t i = 0; i < x.quotes.size(); ++i) {
    if (x.quotes[i].begin != y.quotes[i].begin || x.quotes[i].end != y.quotes[i].end ||
        x.quotes[i].has_speaker != y.quotes[i].has_speaker || !(x.quotes[i].speaker == y.quotes[i].speaker) ||
        x.quotes[i].speaker_name != y.quotes[i].speaker_name) {
      return false;
    }
  }
  return true;
}

}  // namespace byline::testing

#endif  // BYLINE_TESTS_SPAN_INVARIANTS_H_
