#include "core/known_entities.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/tokenizer.h"

namespace byline {
namespace {

// News, wire and photo agencies (type ORG), written as they appear in credits and bylines.
constexpr std::string_view kAgencies[] = {
    "Agence France-Presse", "AFP",       "Anadolu Agency", "Associated Press", "AP Photo",
    "Alamy",                "Bloomberg", "dpa",            "EPA",              "EPA-EFE",
    "Getty Images",         "Kyodo",     "NurPhoto",       "PA Images",        "PA Media",
    "Reuters",              "Shutterstock", "Sipa USA",    "TASS",             "Xinhua",
    "Yonhap",
};

struct Table {
  // Each name as its tokens, indexed by its first token.
  std::vector<std::vector<std::string>> names;
  std::unordered_map<std::string, std::vector<size_t>> by_first;

  Table() {
    for (std::string_view name : kAgencies) {
      std::vector<std::string>& words = names.emplace_back();
      for (const Token& t : Tokenize(name)) words.emplace_back(name.substr(t.begin, t.end - t.begin));
      by_first[words.front()].push_back(names.size() - 1);
    }
  }
};

const Table& Agencies() {
  static const Table* table = new Table();
  return *table;
}

}  // namespace

void AddKnownEntities(std::string_view text, const std::vector<Token>& tokens,
                      std::vector<Entity>* entities) {
  const Table& table = Agencies();
  // covered[k] > 0 when byte k is inside an entity (a difference array, summed once).
  std::vector<int32_t> covered(text.size() + 1, 0);
  for (const Entity& e : *entities) {
    if (e.begin >= e.end || e.end > text.size()) continue;
    ++covered[e.begin];
    --covered[e.end];
  }
  for (size_t k = 1; k < covered.size(); ++k) covered[k] += covered[k - 1];
  const auto overlaps = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; ++k) {
      if (covered[k] > 0) return true;
    }
    return false;
  };
  std::vector<Entity> found;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto it = table.by_first.find(
        std::string(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)));
    if (it == table.by_first.end()) continue;
    for (size_t n : it->second) {
      const std::vector<std::string>& words = table.names[n];
      if (i + words.size() > tokens.size()) continue;
      bool match = true;
      for (size_t k = 1; k < words.size() && match; ++k) {
        const Token& t = tokens[i + k];
        match = text.substr(t.begin, t.end - t.begin) == words[k];
      }
      if (!match) continue;
      const uint32_t b = tokens[i].begin, e = tokens[i + words.size() - 1].end;
      if (!overlaps(b, e)) found.push_back({b, e, "ORG"});
      i += words.size() - 1;
      break;
    }
  }
  entities->insert(entities->end(), found.begin(), found.end());
}

}  // namespace byline
