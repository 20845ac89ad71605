// Golden end-to-end test: the seed article's whole analysis against its hand-checked expectation
// (seeds/nato-stoltenberg.expected.json), with the committed model.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "core/analyzer.h"

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using Key = std::tuple<uint32_t, uint32_t, std::string>;  // begin, end, type

std::string Show(const std::string& text, const std::set<Key>& keys) {
  std::string out;
  for (const auto& [b, e, t] : keys) {
    out += "  " + t + " [" + std::to_string(b) + "," + std::to_string(e) + ") '" +
           text.substr(b, e - b) + "'\n";
  }
  return out;
}

struct Golden {
  std::string text = Slurp(BYLINE_SOURCE_DIR "/seeds/nato-stoltenberg.txt");
  nlohmann::json expected =
      nlohmann::json::parse(Slurp(BYLINE_SOURCE_DIR "/seeds/nato-stoltenberg.expected.json"));
  byline::Analysis analysis;

  Golden() {
    byline::Analyzer analyzer;
    std::string error;
    const std::string model = Slurp(BYLINE_SOURCE_DIR "/models/byline-ner.bin");
    REQUIRE_MESSAGE(analyzer.LoadModel(model, &error), error);
    analysis = analyzer.Analyze(text);
    REQUIRE(analysis.ok());
  }

  bool Optional(uint32_t b, uint32_t e) const {
    for (const auto& o : expected["optional"]) {
      if (b >= o["begin"].get<uint32_t>() && e <= o["end"].get<uint32_t>()) return true;
    }
    return false;
  }
};

}  // namespace

TEST_CASE("the expected file is consistent with the seed text") {
  Golden g;
  for (const auto& e : g.expected["entities"]) {
    const uint32_t b = e["begin"], end = e["end"];
    CHECK(g.text.substr(b, end - b) == e["text"].get<std::string>());
  }
  for (const auto& q : g.expected["quotes"]) {
    const uint32_t b = q["begin"], end = q["end"];
    CHECK(g.text.substr(b, end - b) == q["text"].get<std::string>());
    const auto& s = q["speaker"];
    CHECK(g.text.substr(s["begin"].get<uint32_t>(),
                        s["end"].get<uint32_t>() - s["begin"].get<uint32_t>()) ==
          s["text"].get<std::string>());
  }
}

TEST_CASE("seed article: every entity found with the right type and exact span, nothing extra") {
  Golden g;
  for (const std::string type : {"PER", "ORG", "LOC", "MISC", "DATE"}) {
    CAPTURE(type);
    std::set<Key> want, got;
    for (const auto& e : g.expected["entities"]) {
      if (e["type"] == type) want.insert({e["begin"], e["end"], type});
    }
    for (const byline::Entity& e : g.analysis.entities) {
      if (e.type == type && !g.Optional(e.begin, e.end)) got.insert({e.begin, e.end, e.type});
    }
    std::set<Key> missing, extra;
    for (const Key& k : want) {
      if (!got.count(k)) missing.insert(k);
    }
    for (const Key& k : got) {
      if (!want.count(k)) extra.insert(k);
    }
    CHECK_MESSAGE(missing.empty(), "missing:\n" << Show(g.text, missing));
    CHECK_MESSAGE(extra.empty(), "extra:\n" << Show(g.text, extra));
  }
}

TEST_CASE("seed article: all 8 direct quotes with their speakers, the two partial ones marked") {
  Golden g;
  std::vector<const byline::Quote*> direct;
  for (const byline::Quote& q : g.analysis.quotes) {
    if (q.kind == byline::QuoteKind::kDirect) direct.push_back(&q);
  }
  const auto& want = g.expected["quotes"];
  REQUIRE(want.size() == 8);
  CHECK(direct.size() == want.size());
  for (const auto& w : want) {
    const uint32_t b = w["begin"], e = w["end"];
    CAPTURE(w["text"].get<std::string>());
    const byline::Quote* found = nullptr;
    for (const byline::Quote* q : direct) {
      if (q->begin == b && q->end == e) found = q;
    }
    REQUIRE_MESSAGE(found != nullptr, "quote not found with its exact span");
    CHECK(found->speaker_name == w["speaker_name"].get<std::string>());
    CHECK(found->partial == w["partial"].get<bool>());
    REQUIRE(found->has_speaker);
    CHECK(g.text.substr(found->speaker.begin, found->speaker.end - found->speaker.begin) ==
          w["speaker"]["text"].get<std::string>());
    CHECK(found->speaker.begin == w["speaker"]["begin"].get<uint32_t>());
  }
}
