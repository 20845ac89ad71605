#include "core/lexicon.h"

#include <string>

namespace byline {
namespace {

#include "core/first_names.inc"
#include "core/speech_verbs.inc"

// Finds the line "key value\n" in a sorted blob of such lines; returns the value's first byte or 0.
char FindInSortedLines(std::string_view blob, std::string_view key) {
  size_t lo = 0, hi = blob.size();  // search line starts in [lo, hi)
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    size_t start = mid;
    while (start > lo && blob[start - 1] != '\n') --start;
    const size_t space = blob.find(' ', start);
    const size_t eol = blob.find('\n', start);
    if (space == std::string_view::npos || eol == std::string_view::npos) return 0;
    const std::string_view word = blob.substr(start, space - start);
    const int cmp = word.compare(key);
    if (cmp == 0) return space + 1 < eol ? blob[space + 1] : 0;
    if (cmp < 0) {
      lo = eol + 1;
    } else {
      hi = start;
    }
  }
  return 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

SpeechVerb LookupSpeechVerb(std::string_view word) {
  if (word.empty() || word.size() > 32) return {};
  const char flag = FindInSortedLines(kSpeechVerbs, Lower(word));
  if (flag == 0) return {};
  return {true, flag == 't'};
}

Gender FirstNameGender(std::string_view name) {
  if (name.size() < 2 || name.size() > 32) return Gender::kUnknown;
  const char g = FindInSortedLines(kFirstNames, Lower(name));
  return g == 'm' ? Gender::kMale : g == 'f' ? Gender::kFemale : Gender::kUnknown;
}

}  // namespace byline
