// The span invariants (tests/span_invariants.h) on real and mutated news text, with and without the
// committed model, and the fuzz regression fixtures under tests/fixtures/fuzz/.
#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/analyzer.h"
#include "core/model.h"
#include "doctest/doctest.h"
#include "span_invariants.h"

namespace byline {
namespace {

using testing::CheckSpanInvariants;
namespace fs = std::filesystem;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::string kSourceDir = BYLINE_SOURCE_DIR;

struct Named {
  std::string name;
  const Analyzer* analyzer;
};

// Without a model, and with the committed model when it exists.
const std::vector<Named>& Analyzers() {
  static const std::vector<Named> analyzers = [] {
    static Analyzer plain, with_model;
    std::vector<Named> v = {{"without model", &plain}};
    const std::string bytes = Slurp(kSourceDir + "/models/byline-ner.bin");
    std::string error;
    if (bytes.empty()) {
      MESSAGE("no committed model: invariants checked without a model only");
    } else if (with_model.LoadModel(bytes, &error)) {
      v.push_back({"with model", &with_model});
    } else {
      FAIL("the committed model does not load: " << error);
    }
    return v;
  }();
  return analyzers;
}

void CheckAll(std::string_view text) {
  for (const Named& n : Analyzers()) {
    CAPTURE(n.name);
    const Analysis a = n.analyzer->Analyze(text);
    CHECK_MESSAGE(a.ok(), a.error);
    CHECK(CheckSpanInvariants(text, a) == "");
  }
}

TEST_CASE("the seed article") {
  const std::string text = Slurp(kSourceDir + "/seeds/nato-stoltenberg.txt");
  REQUIRE_FALSE(text.empty());
  CheckAll(text);
}

// sentences.h: "A paragraph break always ends a sentence."
TEST_CASE("a paragraph break ends a sentence") {
  const std::vector<std::string> texts = {
      "Hello there\n\nworld is big.",
      "watch now\n\ndate 2023-06-01 NATO Secretary General Jens Stoltenberg speaks.",
      "He said \"we will\n\nstand firm.\"",
      "Mr.\n\nSmith left (and\n\nnever came back).",
      "A title\r\n\r\nThe text.",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    for (const Named& n : Analyzers()) {
      CAPTURE(n.name);
      const Analysis a = n.analyzer->Analyze(text);
      REQUIRE(CheckSpanInvariants(text, a) == "");
      for (size_t i = 0; i < a.tokens.size(); ++i) {
        if (!a.tokens[i].paragraph_start) continue;
        bool starts_sentence = false;
        for (const Sentence& s : a.sentences) starts_sentence |= s.first_token == i;
        CHECK_MESSAGE(starts_sentence, "token " << i << " starts a paragraph but not a sentence");
      }
    }
  }
}

// analyzer.h: "Analyze() is const and safe to call from several threads" (and deterministic).
TEST_CASE("several threads analyze with one analyzer and agree") {
  const std::string text = Slurp(kSourceDir + "/seeds/nato-stoltenberg.txt");
  REQUIRE_FALSE(text.empty());
  for (const Named& n : Analyzers()) {
    CAPTURE(n.name);
    const Analysis reference = n.analyzer->Analyze(text);
    std::vector<Analysis> results(4);
    std::vector<std::thread> threads;
    for (Analysis& r : results) {
      threads.emplace_back([&n, &text, &r] {
        for (int k = 0; k < 5; ++k) r = n.analyzer->Analyze(text);
      });
    }
    for (std::thread& t : threads) t.join();
    for (const Analysis& r : results) CHECK(testing::SameAnalysis(reference, r));
  }
}

// Deterministic mutations of the seed article: bytes replaced by hostile pieces, inserted,
// deleted, and the text cut at arbitrary byte offsets (also inside characters).
TEST_CASE("mutated seed article") {
  const std::string seed = Slurp(kSourceDir + "/seeds/nato-stoltenberg.txt");
  REQUIRE_FALSE(seed.empty());
  const std::vector<std::string> pieces = {
      "\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99", "\xc2\xab",
      "\xc2\xbb", "\xe3\x80\x8c", "\xff", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x80", "\x80",
      std::string(1, '\0'), "\n\n", "\n", " ", ".", "(", ")", "\xcc\x81", "\xe2\x80\x94",
      "U.S.", "Mr.", "said", "he said", "\xf0\x9f\x98\x80", "$", "%", "12", "-", "@", "http://"};
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(next() % 12);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const size_t at = next() % text.size();
      const std::string& piece = pieces[next() % pieces.size()];
      switch (next() % 4) {
        case 0: text.replace(at, 1 + next() % 8, piece); break;
        case 1: text.insert(at, piece); break;
        case 2: text.erase(at, 1 + next() % 40); break;
        default: text.resize(at); break;
      }
    }
    CAPTURE(round);
    CheckAll(text);
  }
}

TEST_CASE("real news articles (wikinews)") {
  const std::string path = std::string(BYLINE_SHARED_DIR) + "/data/unlabeled/wikinews/docs.jsonl";
  std::ifstream in(path);
  if (!in) {
    MESSAGE("skipped: " << path << " is absent");
    return;
  }
  std::string line;
  int articles = 0;
  while (articles < 60 && std::getline(in, line)) {
    const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    if (!doc.is_object() || !doc.contains("text") || !doc["text"].is_string()) continue;
    CAPTURE(articles);
    CheckAll(doc["text"].get<std::string>());
    ++articles;
  }
  CHECK(articles > 0);
}

// Every input a fuzz target once crashed on, and hand-made hostile inputs, kept as fixtures (see
// tests/fixtures/fuzz/README.md); the folders are never empty.
//   tests/fixtures/fuzz/analyze/*  text for Analyzer::Analyze
//   tests/fixtures/fuzz/model/*    bytes for ModelFile::Parse and Analyzer::LoadModel
//   tests/fixtures/fuzz/jsonl/*    input for `byline analyze --jsonl` and `byline eval-quotes`
//   tests/fixtures/fuzz/conll/*    input for `byline tag-conll` and `byline eval-ner`
std::vector<fs::path> Fixtures(const std::string& kind) {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(kSourceDir) / "tests/fixtures/fuzz" / kind;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE_MESSAGE(!files.empty(), dir.string() << " holds no fixtures");
  return files;
}

// Runs the CLI on a fixture: it must exit 0 (done) or 1 (a clear error on stderr), never be
// killed by a signal or exit with anything else.
void CheckCliExit(const std::string& args, const fs::path& file) {
  const std::string err = (fs::temp_directory_path() / "byline-fixture-stderr.txt").string();
  const std::string command = "'" + std::string(BYLINE_CLI) + "' " + args + " '" + file.string() +
                              "' >/dev/null 2>'" + err + "'";
  const int status = std::system(command.c_str());
  REQUIRE(status != -1);
  CHECK(WIFEXITED(status));  // never killed by a signal
  if (!WIFEXITED(status)) return;
  CHECK(WEXITSTATUS(status) <= 1);
  if (WEXITSTATUS(status) == 1) CHECK_MESSAGE(!Slurp(err).empty(), "exit 1 without a message");
}

TEST_CASE("fuzz regression fixtures: analyze") {
  for (const fs::path& file : Fixtures("analyze")) {
    CAPTURE(file.string());
    CheckAll(Slurp(file.string()));
  }
}

TEST_CASE("fuzz regression fixtures: model") {
  const std::string text = "Jens Stoltenberg said \"we will stand firm\" in Brussels on Monday.";
  for (const fs::path& file : Fixtures("model")) {
    CAPTURE(file.string());
    const std::string bytes = Slurp(file.string());
    ModelFile m;
    std::string error;
    const bool parsed = ModelFile::Parse(bytes, &m, &error);
    CHECK((parsed || !error.empty()));
    Analyzer analyzer;
    if (analyzer.LoadModel(bytes, &error)) {
      const Analysis a = analyzer.Analyze(text);
      CHECK(CheckSpanInvariants(text, a) == "");
    } else {
      CHECK_FALSE(error.empty());
    }
  }
}

TEST_CASE("fuzz regression fixtures: jsonl through the CLI") {
  for (const fs::path& file : Fixtures("jsonl")) {
    CAPTURE(file.string());
    CheckCliExit("analyze --jsonl", file);
    CheckCliExit("eval-quotes", file);
    CheckCliExit("eval-quotes --errors", file);
  }
}

TEST_CASE("fuzz regression fixtures: conll through the CLI") {
  const std::string model = (fs::path(kSourceDir) / "models/byline-ner.bin").string();
  for (const fs::path& file : Fixtures("conll")) {
    CAPTURE(file.string());
    CheckCliExit("tag-conll --model '" + model + "'", file);
    CheckCliExit("eval-ner --model '" + model + "'", file);
  }
}

}  // namespace
}  // namespace byline
