#include "core/lexicon.h"

#include <algorithm>
#include <string>
#include <vector>

namespace byline {
namespace {

#include "core/first_names.inc"
#include "core/report_verbs.inc"
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

// Splits a sorted blob of "key hh\n" lines (hh: a byte in two hex digits) into entries, once.
std::vector<Entry> IndexHex(std::string_view blob) {
  const auto hex = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::vector<Entry> out;
  size_t i = 0;
  while (i < blob.size()) {
    const size_t eol = blob.find('\n', i);
    if (eol == std::string_view::npos) break;
    const size_t space = blob.find(' ', i);
    if (space != std::string_view::npos && space + 3 == eol) {
      out.push_back({blob.substr(i, space - i),
                     static_cast<char>(hex(blob[space + 1]) * 16 + hex(blob[space + 2]))});
    }
    i = eol + 1;
  }
  return out;
}

// Decodes the front-coded first names (see scripts/gen_quote_data.js) into *names and indexes
// them. *names is reserved up front, so the views into it stay valid.
std::vector<Entry> IndexFrontCoded(std::string_view blob, std::string* names) {
  std::vector<Entry> out;
  names->reserve(blob.size() * 3);
  std::string prev;
  size_t i = 0;
  while (i < blob.size()) {
    const size_t eol = blob.find('\n', i);
    if (eol == std::string_view::npos || eol < i + 2) break;
    const size_t shared = std::min<size_t>(static_cast<unsigned char>(blob[i]) - '0', prev.size());
    std::string name = prev.substr(0, shared);
    name.append(blob.substr(i + 1, eol - i - 2));
    const char gender = blob[eol - 1];
    if (names->size() + name.size() > names->capacity()) break;  // never reallocate
    const size_t at = names->size();
    names->append(name);
    out.push_back({std::string_view(names->data() + at, name.size()), gender});
    prev = std::move(name);
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

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

SpeechVerb LookupSpeechVerb(std::string_view word) {
  static const std::vector<Entry>* const index = new std::vector<Entry>(Index(kSpeechVerbs));
  const char flag = Find(*index, word);
  if (flag == 0) return {};
  return {true, flag == 't'};
}

ReportWord LookupReportWord(std::string_view word) {
  static const std::vector<Entry>* const index = new std::vector<Entry>(IndexHex(kReportWords));
  const int bits = static_cast<unsigned char>(Find(*index, word));
  return {(bits & 1) != 0,  (bits & 2) != 0,  (bits & 4) != 0,
          (bits & 8) != 0,  (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0,
          (bits & 128) != 0};
}

Gender FirstNameGender(std::string_view name) {
  static std::string* const names = new std::string();
  static const std::vector<Entry>* const index =
      new std::vector<Entry>(IndexFrontCoded(kFirstNames, names));
  if (name.size() < 2) return Gender::kUnknown;
  const char g = Find(*index, name);
  return g == 'm' ? Gender::kMale : g == 'f' ? Gender::kFemale : Gender::kUnknown;
}

}  // namespace byline
