#include "core/known_entities.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/tokenizer.h"

namespace {

std::vector<std::string> Found(const std::string& text, std::vector<byline::Entity> entities = {}) {
  const size_t before = entities.size();
  byline::AddKnownEntities(text, byline::Tokenize(text), &entities);
  std::vector<std::string> out;
  for (size_t i = before; i < entities.size(); ++i) {
    const byline::Entity& e = entities[i];
    out.push_back(e.type + " " + text.substr(e.begin, e.end - e.begin));
  }
  return out;
}

}  // namespace

TEST_CASE("agencies in credits and bylines are ORG") {
  struct Case {
    const char* text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"Kenzo Tribouillard | AFP | Getty Images", {"ORG AFP", "ORG Getty Images"}},
      {"(Photo: Associated Press)", {"ORG Associated Press"}},
      {"Reuters reported on Monday.", {"ORG Reuters"}},
      {"Photo by EPA-EFE/Shutterstock", {"ORG EPA-EFE", "ORG Shutterstock"}},
      {"getty images and reuters in lower case are not names", {}},
      {"Getty", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Found(c.text) == c.expected);
  }
}

TEST_CASE("what the tagger found is kept; overlapping names are not added") {
  const std::string text = "The Reuters Institute said so, Reuters said.";
  std::vector<byline::Entity> tagged = {{4, 21, "ORG"}};  // "Reuters Institute"
  CHECK(Found(text, tagged) == std::vector<std::string>{"ORG Reuters"});
}
