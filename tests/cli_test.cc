// The `byline` command-line contract: analyze FILE, analyze --jsonl, errors with a non-zero exit.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

std::string TempPath(const std::string& name) {
  return std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/byline_cli_test_" +
         std::to_string(::getpid()) + "_" + name;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Runs `byline ARGS` with stdout and stderr captured.
Run Byline(const std::string& args) {
  const std::string out = TempPath("out"), err = TempPath("err");
  const std::string cmd = std::string(BYLINE_CLI) + " " + args + " >" + out + " 2>" + err;
  const int raw = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

void CheckSlices(const std::string& text, const nlohmann::json& result) {
  for (const char* field : {"entities", "quotes"}) {
    for (const auto& span : result[field]) {
      const size_t b = span["begin"], e = span["end"];
      REQUIRE(b <= e);
      REQUIRE(e <= text.size());
      CHECK(span["text"].get<std::string>() == text.substr(b, e - b));
      if (span.contains("speaker") && !span["speaker"].is_null()) {
        const auto& s = span["speaker"];
        const size_t sb = s["begin"], se = s["end"];
        REQUIRE(se <= text.size());
        CHECK(s["text"].get<std::string>() == text.substr(sb, se - sb));
      }
    }
  }
  for (const auto& s : result["sentences"]) CHECK(s["end"].get<size_t>() <= text.size());
}

}  // namespace

TEST_CASE("analyze FILE prints one JSON object whose every text equals its byte slice") {
  const std::string seed = BYLINE_SOURCE_DIR "/seeds/nato-stoltenberg.txt";
  const Run r = Byline("analyze " + seed);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_object());
  for (const char* field : {"entities", "quotes", "sentences"}) CHECK(j[field].is_array());
  CHECK(j["entities"].size() > 0);
  CHECK(j["sentences"].size() > 5);
  CheckSlices(Slurp(seed), j);
  int partial = 0;
  for (const auto& q : j["quotes"]) {
    CHECK((q["kind"] == "direct" || q["kind"] == "indirect"));
    CHECK((q["speaker_name"].is_null() || q["speaker_name"].is_string()));
    REQUIRE(q["partial"].is_boolean());
    if (q["partial"].get<bool>()) {
      CHECK(q["kind"] == "direct");
      ++partial;
    }
  }
  CHECK(partial == 2);  // the seed's two quoted fragments
}

TEST_CASE("analyze - reads stdin, with multi-byte text") {
  const std::string text = "“Ça va,” said José Müller 😀 in Zürich on Thursday.";
  const std::string in = TempPath("stdin.txt");
  Write(in, text);
  const Run r = Byline("analyze - <" + in);
  std::remove(in.c_str());
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CheckSlices(text, nlohmann::json::parse(r.out));
}

TEST_CASE("analyze --jsonl streams one result per line, each with its id") {
  const std::vector<std::string> texts = {"Jens Stoltenberg spoke in Oslo.", "",
                                          "“We agree,” she said."};
  std::string lines;
  for (size_t i = 0; i < texts.size(); ++i) {
    lines += nlohmann::json{{"id", "doc" + std::to_string(i)}, {"text", texts[i]}}.dump() + "\n";
  }
  const std::string in = TempPath("in.jsonl");
  Write(in, lines);
  const Run r = Byline("analyze --jsonl " + in);
  std::remove(in.c_str());
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::istringstream out(r.out);
  std::string line;
  size_t n = 0;
  while (std::getline(out, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    REQUIRE(n < texts.size());
    CHECK(j["id"] == "doc" + std::to_string(n));
    CheckSlices(texts[n], j);
    ++n;
  }
  CHECK(n == texts.size());
}

TEST_CASE("errors go to stderr with a non-zero exit") {
  SUBCASE("missing file") {
    const Run r = Byline("analyze /nonexistent/byline.txt");
    CHECK(r.status != 0);
    CHECK(r.err.find("cannot open") != std::string::npos);
  }
  SUBCASE("a bad JSON line") {
    const std::string in = TempPath("bad.jsonl");
    Write(in, "{\"id\":1,\"text\":\"fine\"}\n{not json\n{\"id\":3,\"text\":\"also fine\"}\n");
    const Run r = Byline("analyze --jsonl " + in);
    std::remove(in.c_str());
    CHECK(r.status != 0);
    CHECK(r.err.find("line 2") != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);  // the good lines still answered
  }
  SUBCASE("a number out of range is that line's error too") {
    const std::string in = TempPath("overflow.jsonl");
    Write(in, "{\"id\":1e999,\"text\":\"x\"}\n{\"id\":2,\"text\":\"fine\"}\n");
    const Run r = Byline("analyze --jsonl " + in);
    std::remove(in.c_str());
    CHECK(r.status != 0);
    CHECK(r.err.find("line 1: not valid JSON (number overflow") != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);  // line 2 still answered
  }
  SUBCASE("a corrupt model") {
    const std::string model = TempPath("corrupt.bin");
    Write(model, "BYLINEMD\x01\x00\x00\x00garbage");
    const Run r = Byline("analyze --model " + model + " " BYLINE_SOURCE_DIR "/seeds/nato-stoltenberg.txt");
    std::remove(model.c_str());
    CHECK(r.status != 0);
    CHECK(r.err.find("model") != std::string::npos);
  }
  SUBCASE("unknown command") {
    const Run r = Byline("frobnicate");
    CHECK(r.status != 0);
    CHECK(r.err.find("unknown command") != std::string::npos);
  }
}
