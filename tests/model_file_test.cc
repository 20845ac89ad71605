// The model container (core/model.h) and Analyzer::LoadModel on damaged files: every failure is a
// clear error, never a crash, and a failed load leaves the analyzer as it was. Also the CLI.
#include "core/model.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "doctest/doctest.h"
#include "span_invariants.h"

namespace byline {
namespace {

// A small valid file: three sections, one of them empty.
std::string SmallModel() {
  ModelWriter w;
  w.Add("alpha", "first payload");
  w.Add("empty", "");
  w.Add("ner.weights", std::string("\x00\x01\x02\xff\xfe binary", 12));
  return w.Finish();
}

// Rewrites the checksum so that only the structure, not the CRC, decides.
std::string WithFixedCrc(std::string bytes) {
  if (bytes.size() < 16) return bytes;
  std::string crc;
  AppendU32(&crc, Crc32(std::string_view(bytes).substr(16)));
  bytes.replace(12, 4, crc);
  return bytes;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::string kModelPath = std::string(BYLINE_SOURCE_DIR) + "/models/byline-ner.bin";
const std::string kSeedText = Slurp(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.txt");

TEST_CASE("Crc32 is CRC-32/IEEE") {
  CHECK(Crc32("") == 0u);
  CHECK(Crc32("123456789") == 0xCBF43926u);
  CHECK(Crc32("The quick brown fox jumps over the lazy dog") == 0x414FA339u);
}

TEST_CASE("ReadU32 reads little-endian and refuses to read past the end") {
  const std::string bytes("\x01\x02\x03\x04\x05", 5);
  size_t pos = 0;
  uint32_t v = 0;
  REQUIRE(ReadU32(bytes, &pos, &v));
  CHECK(v == 0x04030201u);
  CHECK(pos == 4);
  CHECK_FALSE(ReadU32(bytes, &pos, &v));
  CHECK(pos == 4);
  pos = 100;  // past the end: no wrap-around
  CHECK_FALSE(ReadU32(bytes, &pos, &v));
  pos = static_cast<size_t>(-2);
  CHECK_FALSE(ReadU32(bytes, &pos, &v));
}

TEST_CASE("a valid file round-trips") {
  const std::string bytes = SmallModel();
  ModelFile m;
  std::string error;
  REQUIRE(ModelFile::Parse(bytes, &m, &error));
  CHECK(error.empty());
  CHECK(m.version() == kModelFormatVersion);
  REQUIRE(m.sections().size() == 3);
  CHECK(m.Section("alpha") == "first payload");
  CHECK(m.Has("empty"));
  CHECK(m.Section("empty").empty());
  CHECK(m.Section("ner.weights") == std::string_view("\x00\x01\x02\xff\xfe binary", 12));
  CHECK_FALSE(m.Has("missing"));
  CHECK(m.Section("missing").empty());

  ModelFile none;
  REQUIRE(ModelFile::Parse(ModelWriter().Finish(), &none, &error));
  CHECK(none.sections().empty());
}

struct BadFile {
  const char* name;
  std::string bytes;
  const char* error_contains;
};

std::vector<BadFile> BadFiles() {
  const std::string good = SmallModel();
  std::vector<BadFile> rows;
  rows.push_back({"empty file", "", "empty"});
  rows.push_back({"one byte", "B", "truncated"});
  rows.push_back({"header only, cut", good.substr(0, 19), "truncated"});
  std::string magic = good;
  magic[0] = 'X';
  rows.push_back({"wrong magic", magic, "not a Byline model"});
  rows.push_back({"a text file", "Jens Stoltenberg said the alliance would stand firm.\n",
                  "not a Byline model"});
  std::string future = good;
  future[8] = static_cast<char>(kModelFormatVersion + 1);
  rows.push_back({"a future version", future, "newer"});
  std::string far_future = good;
  far_future[11] = '\x7f';
  rows.push_back({"a far future version", far_future, "newer"});
  std::string zero = good;
  zero.replace(8, 4, std::string(4, '\0'));
  rows.push_back({"version 0", zero, "version 0"});
  std::string flipped = good;
  flipped[good.size() - 3] ^= 0x20;
  rows.push_back({"a flipped payload byte", flipped, "checksum"});
  rows.push_back({"truncated in a payload", good.substr(0, good.size() - 1), "checksum"});
  rows.push_back({"trailing garbage", good + "x", "checksum"});
  // Valid checksums, broken structure.
  rows.push_back({"cut with a fixed checksum", WithFixedCrc(good.substr(0, good.size() - 1)),
                  "runs past the end"});
  rows.push_back({"extra bytes with a fixed checksum", WithFixedCrc(good + "x"),
                  "after the last section"});
  std::string count = good;
  count[16] = '\x04';  // claims 4 sections, holds 3
  rows.push_back({"too many sections", WithFixedCrc(count), "runs past the end"});
  std::string huge_count = good;
  huge_count.replace(16, 4, "\xff\xff\xff\xff");
  rows.push_back({"2^32-1 sections", WithFixedCrc(huge_count), "runs past the end"});
  std::string fewer = good;
  fewer[16] = '\x02';
  rows.push_back({"too few sections", WithFixedCrc(fewer), "after the last section"});
  std::string name_len = good;
  name_len.replace(20, 4, "\xff\xff\xff\xff");
  rows.push_back({"a name length of 2^32-1", WithFixedCrc(name_len), "runs past the end"});
  std::string payload_len = good;
  payload_len.replace(20 + 4 + 5, 4, "\xfc\xff\xff\xff");
  rows.push_back({"a payload length of 2^32-4", WithFixedCrc(payload_len), "runs past the end"});
  ModelWriter twice;  // a valid checksum and structure, but which "ner.weights" is meant?
  twice.Add("ner.weights", "one");
  twice.Add("alpha", "");
  twice.Add("ner.weights", "two");
  rows.push_back({"a section name twice", twice.Finish(), "'ner.weights' appears twice"});
  return rows;
}

TEST_CASE("damaged files are rejected with a clear error") {
  for (const BadFile& row : BadFiles()) {
    SUBCASE(row.name) {
      ModelFile m;
      std::string error;
      CHECK_FALSE(ModelFile::Parse(row.bytes, &m, &error));
      CHECK(error.find("model file rejected") != std::string::npos);
      CHECK_MESSAGE(error.find(row.error_contains) != std::string::npos, error);
      CHECK(m.sections().empty());  // *out untouched

      Analyzer analyzer;
      std::string load_error;
      CHECK_FALSE(analyzer.LoadModel(row.bytes, &load_error));
      CHECK_FALSE(load_error.empty());
      CHECK_FALSE(analyzer.has_model());
      CHECK(analyzer.Analyze("Jens Stoltenberg said so.").ok());
    }
  }
}

TEST_CASE("Parse tolerates a null error pointer") {
  ModelFile m;
  CHECK_FALSE(ModelFile::Parse("", &m, nullptr));
  CHECK_FALSE(ModelFile::Parse("BYLINEMD", &m, nullptr));
}

TEST_CASE("every truncation of a small file is rejected") {
  const std::string good = SmallModel();
  for (size_t n = 0; n < good.size(); ++n) {
    CAPTURE(n);
    ModelFile m;
    std::string error;
    CHECK_FALSE(ModelFile::Parse(std::string_view(good).substr(0, n), &m, &error));
    CHECK_FALSE(error.empty());
    // With the checksum repaired, the structure check still catches the cut (n >= header size).
    if (n >= 20) {
      std::string fixed = WithFixedCrc(good.substr(0, n));
      error.clear();
      CHECK_FALSE(ModelFile::Parse(fixed, &m, &error));
      CHECK_FALSE(error.empty());
    }
  }
}

TEST_CASE("every flipped byte of a small file is rejected") {
  const std::string good = SmallModel();
  for (size_t i = 0; i < good.size(); ++i) {
    for (unsigned char mask : {0x01, 0x10, 0x80, 0xff}) {
      CAPTURE(i);
      CAPTURE(static_cast<int>(mask));
      std::string bad = good;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      ModelFile m;
      std::string error;
      CHECK_FALSE(ModelFile::Parse(bad, &m, &error));
      CHECK_FALSE(error.empty());
      Analyzer analyzer;
      CHECK_FALSE(analyzer.LoadModel(bad, &error));
    }
  }
}

TEST_CASE("a valid container without tagger sections does not load as a model") {
  Analyzer analyzer;
  std::string error;
  CHECK_FALSE(analyzer.LoadModel(SmallModel(), &error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(analyzer.has_model());
}

TEST_CASE("a failed load leaves the analyzer as it was") {
  REQUIRE_FALSE(kSeedText.empty());
  Analyzer analyzer;
  const std::string real = Slurp(kModelPath);
  std::string error;
  if (!real.empty()) {
    REQUIRE_MESSAGE(analyzer.LoadModel(real, &error), error);
    REQUIRE(analyzer.has_model());
  } else {
    MESSAGE("no committed model at " << kModelPath << ": checking the model-less analyzer only");
  }
  const bool had_model = analyzer.has_model();
  const Analysis before = analyzer.Analyze(kSeedText);
  for (const BadFile& row : BadFiles()) {
    CAPTURE(row.name);
    CHECK_FALSE(analyzer.LoadModel(row.bytes, &error));
    CHECK(analyzer.has_model() == had_model);
  }
  if (!real.empty()) {
    CHECK_FALSE(analyzer.LoadModel(real.substr(0, real.size() / 2), &error));
    CHECK(analyzer.has_model());
  }
  const Analysis after = analyzer.Analyze(kSeedText);
  CHECK(testing::SameAnalysis(before, after));
  CHECK(testing::CheckSpanInvariants(kSeedText, after) == "");
}

// The committed model with one section damaged but the checksum repaired: the tagger's own
// reading of its sections must refuse or cope, never crash or read out of bounds (run under
// scripts/sanitize.sh to catch the latter).
TEST_CASE("the committed model with a damaged section, checksum repaired") {
  const std::string real = Slurp(kModelPath);
  if (real.empty()) {
    MESSAGE("skipped: no committed model at " << kModelPath);
    return;
  }
  ModelFile model;
  std::string error;
  REQUIRE_MESSAGE(ModelFile::Parse(real, &model, &error), error);
  const std::string text = kSeedText.substr(0, 1200);
  size_t loaded = 0, refused = 0;
  for (size_t s = 0; s < model.sections().size(); ++s) {
    const std::string name(model.sections()[s].first);
    const std::string payload(model.sections()[s].second);
    std::vector<std::pair<std::string, std::string>> variants;  // (what, payload)
    for (size_t cut : {size_t{0}, size_t{1}, size_t{3}, size_t{4}, size_t{5}, size_t{7},
                       size_t{8}, size_t{9}, payload.size() / 3, payload.size() / 2,
                       payload.size() - (payload.empty() ? 0 : 1)}) {
      if (cut < payload.size()) variants.push_back({"cut at " + std::to_string(cut), payload.substr(0, cut)});
    }
    for (size_t at : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{4}, size_t{8},
                      payload.size() / 2, payload.size() - (payload.empty() ? 0 : 1)}) {
      if (at < payload.size()) {
        std::string p = payload;
        p[at] = static_cast<char>(p[at] ^ 0xff);
        variants.push_back({"byte " + std::to_string(at) + " flipped", p});
      }
    }
    variants.push_back({"all 0xff", std::string(payload.size(), '\xff')});
    variants.push_back({"grown by 5 bytes", payload + std::string("\x7f\xff\xff\xff\x01", 5)});
    variants.push_back({"removed", ""});
    for (const auto& variant : variants) {
      const std::string& what = variant.first;
      const std::string& damaged = variant.second;
      CAPTURE(name);
      CAPTURE(what);
      ModelWriter w;
      for (size_t k = 0; k < model.sections().size(); ++k) {
        if (k != s) {
          w.Add(model.sections()[k].first, model.sections()[k].second);
        } else if (what != "removed") {
          w.Add(name, damaged);
        }
      }
      Analyzer analyzer;
      error.clear();
      if (analyzer.LoadModel(w.Finish(), &error)) {
        ++loaded;
        const Analysis a = analyzer.Analyze(text);
        CHECK(a.ok());
        CHECK(testing::CheckSpanInvariants(text, a) == "");
      } else {
        ++refused;
        CHECK_FALSE(error.empty());
        CHECK_FALSE(analyzer.has_model());
      }
    }
  }
  MESSAGE("damaged models: " << refused << " refused, " << loaded << " loaded and analyzed safely");
  CHECK(refused > 0);
}

// ---- the CLI ----------------------------------------------------------------------------------

struct TempDir {
  std::string path;
  TempDir() {
    char templ[] = "/tmp/byline-model-test-XXXXXX";
    const char* p = mkdtemp(templ);
    REQUIRE(p != nullptr);
    path = p;
  }
  ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string file = path + "/" + name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
};

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

CliResult RunCli(const TempDir& dir, const std::string& args) {
  const std::string out = dir.path + "/stdout", err = dir.path + "/stderr";
  const std::string command = "'" + std::string(BYLINE_CLI) + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(command.c_str());
  CliResult r;
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

TEST_CASE("byline analyze --model refuses a bad model with a message on stderr") {
  TempDir dir;
  const std::string text = dir.Write("article.txt", "Jens Stoltenberg said the alliance would stand firm.\n");
  const std::string real = Slurp(kModelPath);
  struct Row {
    const char* name;
    std::string model;  // a path
  };
  std::vector<Row> rows = {
      {"corrupt", dir.Write("corrupt.bin", "BYLINEMD\x01\x00\x00\x00garbage garbage")},
      {"empty", dir.Write("empty.bin", "")},
      {"not a model", text},
      {"missing", dir.path + "/no-such-model.bin"},
      {"a directory", dir.path},
      {"a container without tagger", dir.Write("small.bin", SmallModel())},
  };
  if (!real.empty()) {
    rows.push_back({"truncated real model", dir.Write("half.bin", real.substr(0, real.size() / 2))});
    std::string flipped = real;
    flipped[flipped.size() / 2] ^= 0x01;
    rows.push_back({"flipped real model", dir.Write("flipped.bin", flipped)});
  }
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      const CliResult r = RunCli(dir, "analyze --model '" + row.model + "' '" + text + "'");
      CHECK(r.exit_code != 0);
      CHECK(r.exit_code != -1);  // exited, not killed by a signal
      CHECK(r.out.empty());
      CHECK_MESSAGE(r.err.find("byline analyze") != std::string::npos, r.err);
      CHECK(r.err.size() > 20);
    }
  }
  SUBCASE("the same file with a usable or no model succeeds") {
    const std::string model_arg = real.empty() ? "" : "--model '" + kModelPath + "' ";
    const CliResult r = RunCli(dir, "analyze " + model_arg + "'" + text + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\"entities\"") != std::string::npos);
  }
}

}  // namespace
}  // namespace byline
