#include "core/rule_entities.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/sentences.h"
#include "core/tokenizer.h"
#include "tests/finder_cases.h"

namespace byline {
namespace {

std::vector<std::string> Find(const std::string& text) { return FindWith(FindEntitiesByRules, text); }

using Case = FinderCase;

void RunCases(const std::vector<Case>& cases) { RunFinderCases(FindEntitiesByRules, cases); }

TEST_CASE("titles mark people and are left out of the name") {
  RunCases({
      {"The talks were led by Mr. John Smith and Dr Jane Doe.",
       {"PER John Smith", "PER Jane Doe"}},
      {"It was a victory for President Vladimir Putin.", {"PER Vladimir Putin"}},
      {"NATO Secretary-General Jens Stoltenberg said so.",
       {"ORG NATO", "PER Jens Stoltenberg"}},
      {"Ukrainian President Volodymyr Zelenskyy welcomed it.",
       {"MISC Ukrainian", "PER Volodymyr Zelenskyy"}},
      {"He met Prime Minister Theresa May in London.", {"PER Theresa May", "LOC London"}},
      {"The plan was backed by Pope Francis.", {"PER Francis"}},
  });
}

TEST_CASE("organizations") {
  RunCases({
      {"Shares in Apple Inc. rose.", {"ORG Apple Inc."}},
      {"The Bank of England raised rates.", {"ORG Bank of England"}},
      {"A report by the World Health Organization was cited.", {"ORG World Health Organization"}},
      {"Officials from the EU and AFP staff were there.", {"ORG EU", "ORG AFP"}},
      {"He wrote for The New York Times.", {"ORG New York Times"}},
      {"The Sunday Times reported it.", {"ORG Sunday Times"}},
      {"The Foreign Ministry declined to comment.", {"ORG Foreign Ministry"}},
      {"She studied at the University of Oxford.", {"ORG University of Oxford"}},
  });
}

TEST_CASE("places and demonyms") {
  RunCases({
      {"Troops crossed from Russia into Ukraine.", {"LOC Russia", "LOC Ukraine"}},
      {"The summit is in Vilnius, Lithuania.", {"LOC Vilnius", "LOC Lithuania"}},
      {"He flew to New York and then to the United States.",
       {"LOC New York", "LOC United States"}},
      {"The Russian and German delegations left.", {"MISC Russian", "MISC German"}},
      {"Ships sailed into the Red Sea.", {"LOC Red Sea"}},
      {"The end of the Russia-Ukraine war.", {"MISC Russia-Ukraine"}},
  });
}

TEST_CASE("no names where there are none") {
  RunCases({
      {"The minister said it would not happen.", {}},
      {"Speaking to reporters, he said it was fine.", {}},
      {"He said on Thursday that it was fine.", {}},
      {"On Monday Mr Smith left.", {"PER Smith"}},
      {"I think it is over, but We will see.", {}},
      {"The president and the prime minister spoke.", {}},
      {"", {}},
  });
}

TEST_CASE("headlines, brackets and quotations") {
  RunCases({
      {"GERMANY BEAT ENGLAND IN FINAL", {"LOC GERMANY", "LOC ENGLAND"}},
      {"Yukos Unit Buyer Faces Loan Claim", {}},
      {"President [Vladimir] Putin and Russia must not win.",
       {"PER Vladimir", "PER Putin", "LOC Russia"}},
      {"\"Russia can stop this war,\" Zelenskyy said.", {"LOC Russia", "PER Zelenskyy"}},
      {"Kenzo Tribouillard | AFP | Getty Images", {"PER Kenzo Tribouillard", "ORG AFP",
                                                  "ORG Getty Images"}},
      {"The U.S. Labor Day holiday.", {"LOC U.S.", "MISC Labor Day"}},
      {"She won the U.S. Open and the World Cup.", {"MISC U.S. Open", "MISC World Cup"}},
  });
}

TEST_CASE("bad input gives nothing, not a crash") {
  std::string text = "Mr Smith went to Paris.";
  std::vector<Token> tokens = Tokenize(text);
  std::vector<Sentence> sentences = SplitSentences(text, tokens);
  CHECK(FindEntitiesByRules("short", tokens, sentences).empty());
  CHECK(FindEntitiesByRules(text, {}, {}).empty());
  std::vector<Sentence> broken = {{0, 0, 0, 999}};
  CHECK(FindEntitiesByRules(text, tokens, broken).empty());
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "Mr Jean de la Fontaine of NATO met Bank of England \xff officials. ";
  CHECK(FindEntitiesByRules(many, Tokenize(many), SplitSentences(many, Tokenize(many))).size() ==
        3 * 20000);
  // One "sentence" of 200,000 capitalized words: long runs are cut, nothing recurses deeply.
  std::string caps;
  for (int i = 0; i < 50000; ++i) caps += "Mr Smith Of Paris ";
  std::vector<Token> caps_tokens = Tokenize(caps);
  std::vector<Sentence> one = {{0, static_cast<uint32_t>(caps.size()), 0,
                                static_cast<uint32_t>(caps_tokens.size())}};
  CHECK(!FindEntitiesByRules(caps, caps_tokens, one).empty());
}

TEST_CASE("a name mentioned again keeps its type") {
  RunCases({
      {"Jens Stoltenberg spoke in Oslo. Stoltenberg said allies agree.",
       {"PER Jens Stoltenberg", "LOC Oslo", "PER Stoltenberg"}},
      {"Talks with Mr Smith ended. Smith left.", {"PER Smith", "PER Smith"}},
  });
}

TEST_CASE("the seed article") {
  std::ifstream in(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.txt",
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::vector<std::string> found = Find(buffer.str());
  auto has = [&](const std::string& s) {
    return std::find(found.begin(), found.end(), s) != found.end();
  };
  for (const char* expected :
       {"PER Jens Stoltenberg", "LOC Brussels", "ORG NATO", "LOC Oslo", "PER Stoltenberg",
        "LOC Ukraine", "LOC Russia", "LOC Moscow", "LOC Vilnius", "LOC Lithuania",
        "PER Volodymyr Zelenskyy", "MISC Ukrainian", "ORG EU", "LOC Moldova", "LOC Europe",
        "PER Zelenskyy", "MISC Russian", "ORG AFP", "MISC Russia-Ukraine"}) {
    CHECK_MESSAGE(has(expected), expected);
  }
  for (const char* unexpected : {"PER Thursday", "ORG Thursday", "ORG Speaking", "PER Speaking",
                                 "ORG Asked", "ORG What", "ORG Long-term", "ORG President"}) {
    CHECK_MESSAGE(!has(unexpected), unexpected);
  }
}

namespace compiled {
#include "core/rule_words.inc"
}  // namespace compiled

// core/rule_words.inc is generated from data/*.txt by scripts/gen_rule_words.js: it must be current.
TEST_CASE("the compiled word lists match data/*.txt") {
  struct List {
    const char* path;
    std::string_view compiled;
  };
  const List lists[] = {
      {"data/places.txt", compiled::kPlaces},
      {"data/demonyms.txt", compiled::kDemonyms},
      {"data/person_titles.txt", compiled::kPersonTitles},
      {"data/org_words.txt", compiled::kOrgWords},
      {"data/misc_words.txt", compiled::kMiscWords},
      {"data/loc_words.txt", compiled::kLocWords},
      {"data/capitalized_stopwords.txt", compiled::kCapitalizedStopwords},
  };
  for (const List& list : lists) {
    CAPTURE(list.path);
    std::ifstream in(std::string(BYLINE_SOURCE_DIR) + "/" + list.path);
    REQUIRE(in.good());
    std::set<std::string> source, built;
    for (std::string line; std::getline(in, line);) {
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
      if (!line.empty() && line[0] != '#') source.insert(line);
    }
    std::string_view rest = list.compiled;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      built.insert(std::string(rest.substr(0, nl)));
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    CHECK_MESSAGE(source == built, "run: node scripts/gen_rule_words.js");
  }
}

// Without a model the analyzer uses these rules: against the seed article's hand-checked
// expectation (which the model-based golden test uses too) they should do nearly as well.
TEST_CASE("the seed article's expected entities without a model") {
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::string text = slurp(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.txt");
  const std::string expected_json =
      slurp(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.expected.json");
  REQUIRE(!text.empty());
  REQUIRE(!expected_json.empty());
  nlohmann::json expected = nlohmann::json::parse(expected_json);
  auto optional = [&](uint32_t b, uint32_t e) {
    for (const auto& o : expected["optional"]) {
      if (b >= o["begin"].get<uint32_t>() && e <= o["end"].get<uint32_t>()) return true;
    }
    return false;
  };
  using Key = std::tuple<uint32_t, uint32_t, std::string>;
  std::set<Key> want, got;
  for (const auto& e : expected["entities"]) {
    want.insert({e["begin"].get<uint32_t>(), e["end"].get<uint32_t>(), e["type"].get<std::string>()});
  }
  Analyzer analyzer;  // no model loaded: entities come from FindEntitiesByRules
  REQUIRE(!analyzer.has_model());
  for (const Entity& e : analyzer.Analyze(text).entities) {
    if (e.type != "TIME" && e.type != "MONEY" && e.type != "PERCENT" && e.type != "QUANTITY" &&
        !optional(e.begin, e.end)) {
      got.insert({e.begin, e.end, e.type});
    }
  }
  size_t correct = 0;
  for (const Key& k : got) correct += want.count(k);
  const double precision = got.empty() ? 0 : double(correct) / got.size();
  const double recall = want.empty() ? 0 : double(correct) / want.size();
  MESSAGE("no-model seed article: precision " << precision << ", recall " << recall);
  CHECK(precision >= 0.9);
  CHECK(recall >= 0.9);
}

}  // namespace
}  // namespace byline
