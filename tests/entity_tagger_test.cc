// The statistical entity tagger: features, IOB2-constrained decoding, model sections (round trip
// and corruption), and the committed model on a few news sentences.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/entity_tagger.h"
#include "core/model.h"
#include "core/ner_features.h"
#include "core/ner_weights.h"

namespace {

using byline::ModelFile;
using byline::ModelWriter;
namespace ner = byline::ner;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string& CommittedModel() {
  static const std::string bytes = Slurp(BYLINE_SOURCE_DIR "/models/byline-ner.bin");
  return bytes;
}

std::vector<std::string_view> Split(const std::string& s) {
  std::vector<std::string_view> out;
  std::string_view v(s);
  size_t p = 0;
  while (p < v.size()) {
    size_t q = v.find(' ', p);
    if (q == std::string_view::npos) q = v.size();
    if (q > p) out.push_back(v.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

bool ValidIob2(const std::vector<int>& tags) {
  for (size_t i = 0; i < tags.size(); ++i) {
    if (!ner::TransitionAllowed(i == 0 ? -1 : tags[i - 1], tags[i])) return false;
  }
  return true;
}

TEST_CASE("tags and transitions") {
  CHECK(ner::TagFromName("B-PER") == 1);
  CHECK(ner::TagFromName("I-MISC") == 8);
  CHECK(ner::TagFromName("B-DATE") == -1);
  for (int t = 0; t < ner::kNumTags; ++t) CHECK(ner::TagFromName(ner::TagName(t)) == t);
  const int o = 0, b_per = 1, i_per = 2, b_org = 3, i_org = 4;
  struct Case {
    int prev, cur;
    bool allowed;
  } cases[] = {
      {-1, i_per, false}, {o, i_per, false},     {b_org, i_per, false}, {i_org, i_per, false},
      {b_per, i_per, true}, {i_per, i_per, true}, {-1, b_per, true},     {o, o, true},
      {i_per, b_per, true}, {i_per, o, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.prev);
    CAPTURE(c.cur);
    CHECK(ner::TransitionAllowed(c.prev, c.cur) == c.allowed);
  }
}

TEST_CASE("Viterbi never produces I-X after O or after another type") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(-5, 5);
  std::vector<float> trans(ner::Weights::kTransSize, 0.0f);
  SUBCASE("emissions that prefer I- tags everywhere") {
    std::vector<float> emit(6 * ner::kNumTags, 0.0f);
    for (size_t i = 0; i < 6; ++i) emit[i * ner::kNumTags + 2] = 10;  // I-PER
    const std::vector<int> tags = ner::Viterbi(emit.data(), 6, trans.data());
    CHECK(ValidIob2(tags));
    CHECK(tags[0] != 2);
  }
  SUBCASE("random scores") {
    for (int round = 0; round < 200; ++round) {
      const size_t n = 1 + rng() % 12;
      std::vector<float> emit(n * ner::kNumTags);
      for (float& x : emit) x = u(rng);
      for (float& x : trans) x = u(rng);
      const std::vector<int> tags = ner::Viterbi(emit.data(), n, trans.data());
      REQUIRE(tags.size() == n);
      CHECK(ValidIob2(tags));
    }
  }
  SUBCASE("integer scores on a very long sentence do not overflow") {
    const size_t n = 200000;
    std::vector<int32_t> emit(n * ner::kNumTags, 0), itrans(ner::Weights::kTransSize, 0);
    for (size_t i = 0; i < n; ++i) emit[i * ner::kNumTags + (i % 2 ? 2 : 1)] = 30000;
    const std::vector<int> tags = ner::Viterbi(emit.data(), n, itrans.data());
    CHECK(ValidIob2(tags));
    CHECK(tags[n - 1] == 2);
  }
}

TEST_CASE("word shapes and normalization") {
  struct Case {
    const char* word;
    const char* shape;
    const char* norm;
  } cases[] = {
      {"McDonald", "XxXx", "mcdonald"}, {"U.S.", "X.X.", "u.s."},     {"1996-08-22", "d-d-d", "0000-00-00"},
      {"NATO", "X", "nato"},           {"Zelenskyy", "Xx", "zelenskyy"}, {"'s", "'x", "'s"},
      {"Łódź", "Xx", "Łódź"},         {"", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.word);
    CHECK(ner::WordShape(c.word) == c.shape);
    CHECK(ner::NormalizeWord(c.word) == c.norm);
  }
}

TEST_CASE("gazetteers match the longest entry case-insensitively") {
  ner::Gazetteers g;
  g.AddList("cities", "New York\nYork\nNew York City\nOslo\n");
  g.AddList("countries", "Norway\nNew Zealand\n");
  struct Case {
    std::string sentence;
    std::vector<uint32_t> masks;  // bit 2l: begins an entry of list l; bit 2l+1: continues one
  } cases[] = {
      {"flights from New York City to Oslo", {0, 0, 1, 2, 2, 0, 1}},
      {"NEW YORK and NORWAY", {1, 2, 0, 4}},
      {"New Zealand beat York", {4, 8, 0, 1}},
      {"nothing here", {0, 0}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    std::vector<uint64_t> hashes;
    for (std::string_view w : Split(c.sentence)) hashes.push_back(ner::HashBytes(ner::NormalizeWord(w)));
    std::vector<uint32_t> masks;
    g.Match(hashes, &masks);
    std::string got, want;
    for (uint32_t m : masks) got += std::to_string(m) + " ";
    for (uint32_t m : c.masks) want += std::to_string(m) + " ";
    CHECK(got == want);
  }
  ner::Gazetteers copy;
  std::string error;
  REQUIRE(copy.Parse(g.Serialize(), &error));
  CHECK(copy.Serialize() == g.Serialize());
  CHECK(copy.num_lists() == 2);
  CHECK(copy.list_size(0) == 4);
}

TEST_CASE("word clusters: text form, section round trip, case fallbacks") {
  ner::WordClusters c;
  std::string error;
  REQUIRE(c.ParseText("0010\tBrussels\t5\n0010\tOslo\t3\n11\tsaid\t9\n0111\tnato\t1\n", &error));
  CHECK(c.num_clusters() == 3);
  ner::WordClusters copy;
  REQUIRE(copy.Parse(c.Serialize(), &error));
  struct Case {
    const char* word;
    const char* bits;  // "" when unknown
  } cases[] = {{"Brussels", "0010"}, {"BRUSSELS", "0010"}, {"Said", "11"},
               {"NATO", "0111"},     {"Paris", ""},         {"", ""}};
  for (const ner::WordClusters* wc : {&c, &copy}) {
    for (const Case& k : cases) {
      CAPTURE(k.word);
      const int id = wc->Find(k.word);
      std::string bits;
      for (int b = 0; id >= 0 && b < wc->length(id); ++b) {
        bits.push_back((wc->bits(id) >> (wc->length(id) - 1 - b)) & 1 ? '1' : '0');
      }
      CHECK(bits == k.bits);
    }
  }
  CHECK_FALSE(c.ParseText("0012\tbad\n", &error));
  CHECK_FALSE(c.ParseText("no tab here\n", &error));
}

TEST_CASE("feature extraction is deterministic and distinguishes contexts") {
  ner::FeatureExtractor fx(nullptr, nullptr);
  ner::SentenceFeatures a, b, c;
  const std::string s1 = "Jens Stoltenberg visited Oslo .";
  const std::string s2 = "Jens Stoltenberg visited Paris .";
  fx.Extract(Split(s1), nullptr, &a);
  fx.Extract(Split(s1), nullptr, &b);
  fx.Extract(Split(s2), nullptr, &c);
  REQUIRE(a.size() == 5);
  CHECK(a.ids == b.ids);
  CHECK(a.offsets == b.offsets);
  // Token 0 sees Oslo/Paris only beyond its window; token 2 sees it at +1.
  CHECK(std::vector<uint32_t>(a.begin(0), a.end(0)) == std::vector<uint32_t>(c.begin(0), c.end(0)));
  CHECK(std::vector<uint32_t>(a.begin(2), a.end(2)) != std::vector<uint32_t>(c.begin(2), c.end(2)));
  ner::SentenceFeatures empty;
  fx.Extract({}, nullptr, &empty);
  CHECK(empty.size() == 0);
}

TEST_CASE("document hints count the other occurrences of a word") {
  const std::string s1 = "Stoltenberg met Zelenskyy", s2 = "STOLTENBERG said", s3 = "the stoltenberg";
  const std::vector<std::vector<std::string_view>> words = {Split(s1), Split(s2), Split(s3)};
  const std::vector<std::vector<int>> tags = {{1, 0, 5}, {0, 0}, {0, 0}};  // B-PER O B-LOC / O O
  const auto hints = ner::ComputeDocHints(words, tags);
  CHECK(hints[0][0].majority == 5);  // the other capitalized occurrence was O
  CHECK(hints[1][0].majority == 1);  // the other was PER (case-folded: STOLTENBERG = Stoltenberg)
  CHECK(hints[1][0].first == 1);
  CHECK(hints[0][2].majority == 0);  // Zelenskyy occurs once
  CHECK(hints[2][1].majority == 0);  // lowercase words get no hint
}

// A hand-made model: "Oslo" is a place, "Jens" begins a person, the word after "Jens" continues it.
std::string TinyModel() {
  ner::FeatureExtractor fx(nullptr, nullptr);
  ner::SentenceFeatures f;
  const std::string s = "Jens Stoltenberg Oslo";
  fx.Extract(Split(s), nullptr, &f);
  std::vector<std::pair<uint32_t, std::vector<float>>> rows;
  auto set = [&](uint32_t key, int tag, float w) {
    for (auto& r : rows) {
      if (r.first == key) {
        r.second[tag] += w;
        return;
      }
    }
    std::vector<float> row(ner::kNumTags, 0.0f);
    row[tag] = w;
    rows.emplace_back(key, row);
  };
  set(f.ids[f.offsets[0] + 1], 1, 5.0f);  // word feature of "Jens": B-PER
  set(f.ids[f.offsets[1] + 3], 2, 5.0f);  // previous word "jens": I-PER
  set(f.ids[f.offsets[2] + 1], 5, 5.0f);  // word feature of "Oslo": B-LOC
  std::sort(rows.begin(), rows.end());
  std::vector<uint32_t> keys;
  std::vector<float> flat;
  for (auto& r : rows) {
    keys.push_back(r.first);
    flat.insert(flat.end(), r.second.begin(), r.second.end());
  }
  ModelWriter w;
  w.Add("ner.meta", "tiny test model");
  w.Add("ner.weights", ner::Weights::Serialize(keys, flat, std::vector<float>(ner::Weights::kTransSize, 0.0f), 1));
  return w.Finish();
}

std::vector<std::vector<std::string>> TagWith(const std::string& bytes,
                                              const std::vector<std::vector<std::string_view>>& doc,
                                              std::string* error) {
  ModelFile model;
  if (!ModelFile::Parse(bytes, &model, error)) return {};
  auto tagger = byline::EntityTagger::FromModel(model, error);
  if (!tagger) return {};
  return tagger->TagDocument(doc);
}

TEST_CASE("a hand-made model tags as its weights say, and survives write -> parse") {
  const std::string bytes = TinyModel();
  const std::string s1 = "Jens Stoltenberg flew to Oslo", s2 = "Oslo";
  const std::vector<std::vector<std::string_view>> doc = {Split(s1), Split(s2), {}};
  std::string error;
  const auto tags = TagWith(bytes, doc, &error);
  REQUIRE_MESSAGE(tags.size() == 3, error);
  CHECK(tags[0] == std::vector<std::string>{"B-PER", "I-PER", "O", "O", "B-LOC"});
  CHECK(tags[1] == std::vector<std::string>{"B-LOC"});
  CHECK(tags[2].empty());
}

// Rebuilds a model from the parsed sections of another: same bytes in, same predictions out.
std::string Rewrite(const std::string& bytes) {
  ModelFile model;
  std::string error;
  REQUIRE(ModelFile::Parse(bytes, &model, &error));
  ModelWriter w;
  for (const auto& [name, payload] : model.sections()) {
    if (name == "ner.clusters") {
      ner::WordClusters c;
      REQUIRE(c.Parse(payload, &error));
      CHECK(c.Serialize() == payload);
      w.Add(name, c.Serialize());
    } else if (name == "ner.gazetteers") {
      ner::Gazetteers g;
      REQUIRE(g.Parse(payload, &error));
      CHECK(g.Serialize() == payload);
      w.Add(name, g.Serialize());
    } else {
      w.Add(name, payload);
    }
  }
  return w.Finish();
}

const char* kNews[] = {
    "NATO Secretary-General Jens Stoltenberg said on Thursday that Russia cannot veto Ukraine 's membership .",
    "BRUSSELS 1996-08-22",
    "EU rejects German call to boycott British lamb .",
    "Ukrainian President Volodymyr Zelenskyy spoke at the European Political Community summit in Moldova .",
    "Stoltenberg expects a plan to be agreed at the July summit in Vilnius , Lithuania .",
};

TEST_CASE("the committed model: round trip, valid IOB2, and plain news") {
  const std::string& bytes = CommittedModel();
  REQUIRE_MESSAGE(!bytes.empty(), "models/byline-ner.bin is missing");
  std::vector<std::string> owned(std::begin(kNews), std::end(kNews));
  std::vector<std::vector<std::string_view>> doc;
  for (const std::string& s : owned) doc.push_back(Split(s));
  std::string error;
  const auto tags = TagWith(bytes, doc, &error);
  REQUIRE_MESSAGE(tags.size() == doc.size(), error);
  for (size_t s = 0; s < doc.size(); ++s) {
    REQUIRE(tags[s].size() == doc[s].size());
    std::vector<int> ids;
    for (const std::string& t : tags[s]) ids.push_back(ner::TagFromName(t));
    CHECK(ValidIob2(ids));
  }
  CHECK(tags == TagWith(Rewrite(bytes), doc, &error));
  // A few unambiguous ones.
  CHECK(tags[0][0] == "B-ORG");    // NATO
  CHECK(tags[0][2] == "B-PER");    // Jens
  CHECK(tags[0][3] == "I-PER");    // Stoltenberg
  CHECK(tags[0][8] == "B-LOC");    // Russia
  CHECK(tags[1][0] == "B-LOC");    // BRUSSELS
  CHECK(tags[2][0] == "B-ORG");    // EU
  CHECK(tags[2][2] == "B-MISC");   // German
  CHECK(tags[4][14] == "B-LOC");   // Lithuania
}

TEST_CASE("corrupt tagger sections are rejected with a message, never a crash") {
  const std::string& bytes = CommittedModel();
  REQUIRE(!bytes.empty());
  ModelFile model;
  std::string error;
  REQUIRE(ModelFile::Parse(bytes, &model, &error));
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& [name, payload] : model.sections()) sections.emplace_back(name, payload);
  for (size_t target = 0; target < sections.size(); ++target) {
    const std::string& name = sections[target].first;
    if (name == "ner.meta") continue;
    CAPTURE(name);
    const std::string& payload = sections[target].second;
    std::vector<std::string> bad = {"", payload.substr(0, 3), payload.substr(0, payload.size() / 2),
                                    payload.substr(0, payload.size() - 1), payload + "x",
                                    std::string(4, '\xFF') + payload.substr(4)};
    for (size_t k = 0; k < bad.size(); ++k) {
      CAPTURE(k);
      ModelWriter w;
      for (size_t s = 0; s < sections.size(); ++s) {
        w.Add(sections[s].first, s == target ? bad[k] : sections[s].second);
      }
      const std::string file = w.Finish();
      ModelFile m;
      REQUIRE(ModelFile::Parse(file, &m, &error));
      error.clear();
      CHECK(byline::EntityTagger::FromModel(m, &error) == nullptr);
      CHECK(error.find("model file rejected") != std::string::npos);
    }
  }
  // Whole-file damage is caught by the container.
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x20;
  ModelFile m;
  CHECK_FALSE(ModelFile::Parse(flipped, &m, &error));
  CHECK_FALSE(ModelFile::Parse(bytes.substr(0, bytes.size() - 7), &m, &error));
  // A model without tagger sections.
  ModelWriter w;
  w.Add("speakers.something", "x");
  const std::string other = w.Finish();
  REQUIRE(ModelFile::Parse(other, &m, &error));
  CHECK(byline::EntityTagger::FromModel(m, &error) == nullptr);
  CHECK(error.find("ner.weights") != std::string::npos);
}

TEST_CASE("the analyzer uses the tagger's entities") {
  byline::Analyzer analyzer;
  std::string error;
  REQUIRE_MESSAGE(analyzer.LoadModel(CommittedModel(), &error), error);
  const std::string text = "NATO chief Jens Stoltenberg met officials in Oslo on Thursday.";
  const byline::Analysis a = analyzer.Analyze(text);
  REQUIRE(a.ok());
  std::vector<std::string> found;
  for (const byline::Entity& e : a.entities) {
    found.push_back(e.type + ":" + text.substr(e.begin, e.end - e.begin));
  }
  auto has = [&](const std::string& s) { return std::find(found.begin(), found.end(), s) != found.end(); };
  CHECK(has("ORG:NATO"));
  CHECK(has("PER:Jens Stoltenberg"));
  CHECK(has("LOC:Oslo"));
}

}  // namespace
