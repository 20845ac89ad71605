// The entity model through the CLI: tag-conll's output contract, clear failures for missing or
// damaged models, and the committed model's CoNLL-2003 dev score against the one MODEL.md records.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kModel = BYLINE_SOURCE_DIR "/models/byline-ner.bin";

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr
};

Run Shell(const std::string& command) {
  Run r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string TempFile(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

const char* kConll =
    "-DOCSTART-\tO\n\n"
    "NATO\tB-ORG\nchief\tO\nJens\tB-PER\nStoltenberg\tI-PER\nvisited\tO\nOslo\tB-LOC\n.\tO\n\n"
    "Stoltenberg\tB-PER\nsaid\tO\nRussia\tB-LOC\nmust\tO\nnot\tO\nwin\tO\n.\tO\n\n"
    "-DOCSTART-\tO\n\n"
    "BRUSSELS\tB-LOC\n1996-08-22\tO\n\n";

TEST_CASE("tag-conll writes token, gold and predicted tag for every token") {
  const std::string input = TempFile("byline_ner_eval_test.conll", kConll);
  const Run r = Shell(std::string(BYLINE_CLI) + " tag-conll --model " + kModel + " " + input);
  REQUIRE_MESSAGE(r.status == 0, r.output);
  const std::vector<std::string> lines = Lines(r.output);
  const std::vector<std::string> in = Lines(kConll);
  REQUIRE(lines.size() == in.size());
  const std::regex tag("O|[BI]-(PER|ORG|LOC|MISC)");
  for (size_t k = 0; k < lines.size(); ++k) {
    CAPTURE(lines[k]);
    if (in[k].empty()) {
      CHECK(lines[k].empty());
      continue;
    }
    const size_t t1 = lines[k].find('\t'), t2 = lines[k].find('\t', t1 + 1);
    REQUIRE(t2 != std::string::npos);
    CHECK(lines[k].find('\t', t2 + 1) == std::string::npos);
    CHECK(lines[k].substr(0, t2) == in[k]);  // token and gold tag unchanged
    CHECK(std::regex_match(lines[k].substr(t2 + 1), tag));
  }
  CHECK(lines[0] == "-DOCSTART-\tO\tO");
}

TEST_CASE("tag-conll and eval-ner fail clearly without a usable model") {
  const std::string input = TempFile("byline_ner_eval_test2.conll", kConll);
  SUBCASE("missing model") {
    const Run r = Shell("BYLINE_MODEL=/nonexistent/byline-ner.bin " + std::string(BYLINE_CLI) +
                        " tag-conll " + input);
    CHECK(r.status != 0);
    CHECK(r.output.find("/nonexistent/byline-ner.bin") != std::string::npos);
  }
  SUBCASE("damaged model") {
    std::ifstream f(kModel, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 100);
    bytes[bytes.size() / 3] ^= 0x01;
    const std::string bad = TempFile("byline_ner_eval_test_bad.bin", bytes);
    for (const char* cmd : {" tag-conll --model ", " eval-ner --model "}) {
      const Run r = Shell(std::string(BYLINE_CLI) + cmd + bad + " " + input);
      CHECK(r.status != 0);
      CHECK(r.output.find("model file rejected") != std::string::npos);
    }
  }
  SUBCASE("empty model") {
    const std::string empty = TempFile("byline_ner_eval_test_empty.bin", "");
    const Run r = Shell(std::string(BYLINE_CLI) + " tag-conll --model " + empty + " " + input);
    CHECK(r.status != 0);
    CHECK(r.output.find("empty") != std::string::npos);
  }
}

TEST_CASE("the committed model scores on CoNLL-2003 dev what MODEL.md records") {
  const std::string dev = BYLINE_SHARED_DIR "/data/ner/conll2003/dev.conll";
  if (!std::filesystem::exists(dev)) {
    MESSAGE("skipped: " << dev << " is absent");
    return;
  }
  std::ifstream md(BYLINE_SOURCE_DIR "/models/MODEL.md");
  std::stringstream ss;
  ss << md.rdbuf();
  std::smatch m;
  const std::string doc = ss.str();
  REQUIRE_MESSAGE(std::regex_search(doc, m, std::regex(R"(Dev F1 \(overall, strict\): ([0-9.]+))")),
                  "models/MODEL.md must record 'Dev F1 (overall, strict): N'");
  const double recorded = std::stod(m[1]);
  const Run r = Shell(std::string(BYLINE_CLI) + " eval-ner --model " + kModel + " " + dev);
  REQUIRE_MESSAGE(r.status == 0, r.output);
  REQUIRE(std::regex_search(r.output, m, std::regex(R"(overall\s+[0-9.]+\s+[0-9.]+\s+([0-9.]+))")));
  const double f1 = std::stod(m[1]);
  MESSAGE("dev F1 " << f1 << " (MODEL.md: " << recorded << ")");
  CHECK(f1 >= recorded - 0.5);
}

}  // namespace

namespace {

// A tiny project-owned corpus: enough for the perceptron to learn the names it has seen.
std::string TinyCorpus() {
  const char* docs[] = {
      "Jens\tB-PER\nStoltenberg\tI-PER\nvisited\tO\nOslo\tB-LOC\n.\tO\n\n"
      "NATO\tB-ORG\nmet\tO\nin\tO\nBrussels\tB-LOC\n.\tO\n\n",
      "Stoltenberg\tB-PER\npraised\tO\nGerman\tB-MISC\ntroops\tO\n.\tO\n\n"
      "Reuters\tB-ORG\nreported\tO\nfrom\tO\nOslo\tB-LOC\n.\tO\n\n",
  };
  std::string out;
  for (int copy = 0; copy < 4; ++copy) {
    for (const char* d : docs) out += std::string("-DOCSTART-\tO\n\n") + d;
  }
  return out;
}

TEST_CASE("byline train is deterministic and its model tags what it learned") {
  const std::string data = TempFile("byline_ner_train_test.conll", TinyCorpus());
  const std::string out1 = (std::filesystem::temp_directory_path() / "byline_ner_train_1.bin").string();
  const std::string out2 = (std::filesystem::temp_directory_path() / "byline_ner_train_2.bin").string();
  for (const std::string& out : {out1, out2}) {
    const Run r = Shell(std::string(BYLINE_CLI) + " train --train " + data + " --dev " + data +
                        " --out " + out + " --epochs 3 --folds 2 --mix 2 --seed 5");
    REQUIRE_MESSAGE(r.status == 0, r.output);
  }
  std::ifstream a(out1, std::ios::binary), b(out2, std::ios::binary);
  const std::string bytes1((std::istreambuf_iterator<char>(a)), std::istreambuf_iterator<char>());
  const std::string bytes2((std::istreambuf_iterator<char>(b)), std::istreambuf_iterator<char>());
  CHECK(!bytes1.empty());
  CHECK(bytes1 == bytes2);
  const Run eval = Shell(std::string(BYLINE_CLI) + " eval-ner --model " + out1 + " " + data);
  REQUIRE_MESSAGE(eval.status == 0, eval.output);
  std::smatch m;
  REQUIRE(std::regex_search(eval.output, m, std::regex(R"(overall\s+[0-9.]+\s+[0-9.]+\s+([0-9.]+))")));
  CHECK(std::stod(m[1]) >= 90.0);
  const Run bad = Shell(std::string(BYLINE_CLI) + " train --train /nonexistent.conll --out " + out1);
  CHECK(bad.status != 0);
  CHECK(bad.output.find("/nonexistent.conll") != std::string::npos);
}

}  // namespace
