// Speaker resolution: pronouns, nominals, continuation paragraphs (core/speakers.h).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/quote_marks.h"
#include "core/speakers.h"

namespace {

struct Got {
  std::string quote, speaker, name;
};

std::vector<Got> DirectQuotes(const std::string& text) {
  byline::Analyzer analyzer;
  const byline::Analysis a = analyzer.Analyze(text);
  std::vector<Got> out;
  for (const byline::Quote& q : a.quotes) {
    if (q.kind != byline::QuoteKind::kDirect) continue;
    out.push_back({text.substr(q.begin, q.end - q.begin),
                   q.has_speaker ? text.substr(q.speaker.begin, q.speaker.end - q.speaker.begin)
                                 : std::string(),
                   q.speaker_name});
  }
  return out;
}

}  // namespace

TEST_CASE("pronoun speakers resolve to the most recent compatible person") {
  struct Case {
    const char* name;
    std::string text;
    std::string want_name;
  };
  const std::vector<Case> cases = {
      {"he after a named subject",
       "Senator John Smith visited the plant on Monday. \"We need these jobs,\" he said.",
       "John Smith"},
      {"she skips a man",
       "Mary Jones met John Smith on Monday. \"We need these jobs,\" she said.", "Mary Jones"},
      {"he skips a woman",
       "Mary Jones met John Smith on Monday. \"We need these jobs,\" he said.", "John Smith"},
      {"a possessive is not the antecedent",
       "Ukrainian President Volodymyr Zelenskyy welcomed Stoltenberg's support. \"We are ready to "
       "join,\" he told reporters.",
       "Volodymyr Zelenskyy"},
      {"a surname mention joins the full name",
       "John Smith spoke first. Later Smith took questions. \"We need these jobs,\" he said.",
       "John Smith"},
      {"who refers to the name before it",
       "The plan was backed by John Smith, who said \"we need these jobs now.\"", "John Smith"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      const auto q = DirectQuotes(c.text);
      REQUIRE(q.size() == 1);
      CHECK(q[0].name == c.want_name);
    }
  }
}

TEST_CASE("a quote paragraph with no attribution continues the previous speaker") {
  const std::string text =
      "\"We need these jobs,\" John Smith said on Monday.\n\n"
      "\"The plant has been here for fifty years and it will stay.\"\n\n"
      "The company did not respond to a request for comment on the plant or its workers.\n\n"
      "\"Nobody asked us anything about the future of the plant.\"";
  const auto q = DirectQuotes(text);
  REQUIRE(q.size() == 3);
  CHECK(q[0].name == "John Smith");
  CHECK(q[1].name == "John Smith");
  CHECK(q[1].speaker == "John Smith");
  // A narrative paragraph in between breaks the chain.
  CHECK(q[2].name.empty());
}

TEST_CASE("same paragraph continuation after a closing attribution") {
  const std::string text =
      "\"All allies agree,\" he said. \"It is not for Moscow to have a veto.\"";
  const auto q = DirectQuotes(text);
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "he");
}

TEST_CASE("nominal speakers stay unnamed unless the text ties them to a name") {
  SUBCASE("untied") {
    const auto q = DirectQuotes("\"It was very nice,\" the gambling tycoon told Reuters.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "the gambling tycoon");
    CHECK(q[0].name.empty());
  }
  SUBCASE("spokesman X") {
    const auto q = DirectQuotes(
        "Company spokesman Tom Baker declined to comment. Later \"we are ready,\" the spokesman "
        "said.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].name == "Tom Baker");
  }
}

TEST_CASE("the SpeakerFinder reports the rule it used") {
  const std::string text = "\"We will win,\" Maria Lopez said. \"And then we rest.\"";
  const auto spans = byline::FindQuotedSpans(text);
  REQUIRE(spans.size() == 2);
  byline::SpeakerFinder finder(text, spans, {});
  CHECK(finder.Attribute(0).rule == byline::AttributionRule::kAdjacent);
  CHECK(finder.Attribute(1).rule == byline::AttributionRule::kContinuation);
  CHECK(finder.WordCount(0) == 3);
}
