// Joining mentions into entities (core/mentions.h) and the compiled word lists (core/lexicon.h).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/lexicon.h"
#include "core/mentions.h"

namespace {

// The nth (0-based) occurrence of surface in text.
byline::NameMention At(const std::string& text, const std::string& surface, int nth,
                       const std::string& type = "") {
  size_t b = text.find(surface);
  for (int k = 0; k < nth && b != std::string::npos; ++k) b = text.find(surface, b + 1);
  REQUIRE(b != std::string::npos);
  return {{static_cast<uint32_t>(b), static_cast<uint32_t>(b + surface.size())}, type};
}

}  // namespace

TEST_CASE("person mentions join into one entity with the fullest name") {
  const std::string text =
      "NATO Secretary-General Jens Stoltenberg spoke. Stoltenberg's plan. Jens Stoltenberg left. "
      "Bill Clinton and Hillary Clinton came. Clinton spoke.";
  std::vector<byline::NameMention> m = {
      At(text, "NATO Secretary-General Jens Stoltenberg", 0), At(text, "Stoltenberg's", 0),
      At(text, "Jens Stoltenberg", 1), At(text, "Bill Clinton", 0),
      At(text, "Hillary Clinton", 0), At(text, "Clinton", 2)};
  const byline::JoinedMentions j = byline::JoinMentions(text, m);
  CHECK(j.entity_of[0] == j.entity_of[1]);
  CHECK(j.entity_of[0] == j.entity_of[2]);
  const byline::JoinedEntity& e = j.entities[j.entity_of[0]];
  CHECK(e.name == "Jens Stoltenberg");
  CHECK(e.type == "PER");
  CHECK(e.gender == byline::Gender::kMale);
  CHECK(text.substr(j.name_span[0].begin, j.name_span[0].end - j.name_span[0].begin) ==
        "Jens Stoltenberg");
  // Two Clintons stay apart; a bare surname joins the most recent one.
  CHECK(j.entity_of[3] != j.entity_of[4]);
  CHECK(j.entity_of[5] == j.entity_of[4]);
  CHECK(j.entities[j.entity_of[4]].gender == byline::Gender::kFemale);
}

TEST_CASE("organization mentions join through acronyms") {
  const std::string text =
      "The North Atlantic Council (NAC) met. NAC members agreed. The World Health Organization "
      "spoke; WHO officials left.";
  std::vector<byline::NameMention> m = {At(text, "North Atlantic Council", 0, "ORG"),
                                        At(text, "NAC", 1), At(text, "World Health Organization", 0),
                                        At(text, "WHO", 0)};
  const byline::JoinedMentions j = byline::JoinMentions(text, m);
  CHECK(j.entity_of[0] == j.entity_of[1]);
  CHECK(j.entities[j.entity_of[1]].name == "North Atlantic Council");
  CHECK(j.entity_of[2] == j.entity_of[3]);
  CHECK(j.entity_of[0] != j.entity_of[2]);
}

TEST_CASE("titles are stripped from the name proper") {
  struct Case {
    const char* mention;
    const char* name;
  };
  const Case cases[] = {
      {"Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelenskyy"},
      {"Attorney General Loretta Lynch", "Loretta Lynch"},
      {"Sen. Ted Cruz", "Ted Cruz"},
      {"Mr. Trump", "Trump"},
      {"Republican Donald J. Trump", "Donald J. Trump"},
      {"Texas Senator Ted Cruz", "Ted Cruz"},
      {"Washington Political Editor Matthew Boyle", "Matthew Boyle"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.mention) {
      const std::string text = c.mention;
      const byline::JoinedMentions j =
          byline::JoinMentions(text, {{{0, static_cast<uint32_t>(text.size())}, ""}});
      CHECK(j.entities[0].name == c.name);
    }
  }
}

TEST_CASE("first-name genders") {
  CHECK(byline::FirstNameGender("Jens") == byline::Gender::kMale);
  CHECK(byline::FirstNameGender("hillary") == byline::Gender::kFemale);
  CHECK(byline::FirstNameGender("Zzyzx") == byline::Gender::kUnknown);
  CHECK(byline::FirstNameGender("") == byline::Gender::kUnknown);
}

TEST_CASE("every form in data/speech_verbs.txt is compiled in") {
  std::ifstream in(std::string(BYLINE_SOURCE_DIR) + "/data/speech_verbs.txt");
  REQUIRE(in.good());
  std::string line;
  int forms = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string w;
    const bool that = line.find("+that") != std::string::npos;
    while (words >> w) {
      if (w == "+that") continue;
      CAPTURE(w);
      const byline::SpeechVerb v = byline::LookupSpeechVerb(w);
      CHECK(v.is_verb);
      if (that) CHECK(v.reports_that);
      ++forms;
    }
  }
  CHECK(forms > 300);
  CHECK_FALSE(byline::LookupSpeechVerb("table").is_verb);
  CHECK(byline::LookupSpeechVerb("Said").is_verb);
}

TEST_CASE("every name in data/first_names.tsv is compiled in with its gender") {
  std::ifstream in(std::string(BYLINE_SOURCE_DIR) + "/data/first_names.tsv");
  REQUIRE(in.good());
  std::string line;
  int names = 0, wrong = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const byline::Gender want =
        line.substr(tab + 1) == "m" ? byline::Gender::kMale : byline::Gender::kFemale;
    if (byline::FirstNameGender(line.substr(0, tab)) != want) ++wrong;
    ++names;
  }
  CHECK(names > 30000);
  CHECK(wrong == 0);
}
