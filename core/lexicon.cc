#include "core/lexicon.h"

#include <algorithm>
#include <vector>

namespace byline {
namespace {

#include "core/first_names.inc"
#include "core/speech_verbs.inc"

struct Entry {
  std::string_view key;
  char value;
};

// Splits a sorted blob of "key value\n" lines into entries, once.
std::vector<Entry> Index(std::string_view blob) {
  std::vector<Entry> out;
  size_t i = 0;
  while (i < blob.size()) {
    const size_t eol = blob.find('\n', i);
    if (eol == std::string_view::npos) break;
    const size_t space = blob.find(' ', i);
    if (space != std::string_view::npos && space + 1 < eol) {
      out.push_back({blob.substr(i, space - i), blob[space + 1]});
    }
    i = eol + 1;
  }
  return out;
}

char Find(const std::vector<Entry>& index, std::string_view word) {
  char buf[32];
  if (word.empty() || word.size() > sizeof buf) return 0;
  for (size_t k = 0; k < word.size(); ++k) {
    const char c = word[k];
    buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view key(buf, word.size());
  auto it = std::lower_bound(index.begin(), index.end(), key,
                             [](const Entry& e, std::string_view k) { return e.key < k; });
  return it != index.end() && it->key == key ? it->value : 0;
}

}  // namespace

SpeechVerb LookupSpeechVerb(std::string_view word) {
  static const std::vector<Entry>* const index = new std::vector<Entry>(Index(kSpeechVerbs));
  const char flag = Find(*index, word);
  if (flag == 0) return {};
  return {true, flag == 't'};
}

Gender FirstNameGender(std::string_view name) {
  static const std::vector<Entry>* const index = new std::vector<Entry>(Index(kFirstNames));
  if (name.size() < 2) return Gender::kUnknown;
  const char g = Find(*index, name);
  return g == 'm' ? Gender::kMale : g == 'f' ? Gender::kFemale : Gender::kUnknown;
}

}  // namespace byline
