// PolNeAR dev scores through `byline eval-quotes --json` (skips when /work/shared is absent).
// The floors are the figures reached on dev (docs/quotes.md) minus a small margin.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

TEST_CASE("PolNeAR dev: direct quotes, speakers, indirect quotes") {
  const std::string gold = std::string(BYLINE_SHARED_DIR) + "/data/quotes/polnear/dev.jsonl";
  if (!std::filesystem::exists(gold)) {
    MESSAGE("skipped: " << gold << " is absent");
    return;
  }
  const std::string cmd = std::string(BYLINE_CLI) + " eval-quotes --json " + gold + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  REQUIRE(pclose(p) == 0);
  const nlohmann::json j = nlohmann::json::parse(out);
  MESSAGE("direct F1 " << j["direct"]["f1"] << ", speaker accuracy "
                       << j["direct"]["speaker_accuracy"] << ", indirect F1 " << j["indirect"]["f1"]);
  CHECK(j["articles"] == 301);
  CHECK(j["direct"]["f1"].get<double>() >= 0.945);  // 0.9504 on dev
  CHECK(j["direct"]["speaker_accuracy"].get<double>() >= 0.94);  // 0.9518
  CHECK(j["partial"]["precision"].get<double>() >= 0.89);  // 0.922: inside a mixed record
  CHECK(j["all_direct"]["f1"].get<double>() >= 0.85);  // 0.8655: partial quotes counted as direct
  CHECK(j["indirect"]["f1"].get<double>() >= 0.40);  // 0.4128
  CHECK(j["indirect"]["precision"].get<double>() >= 0.665);  // 0.6810
  CHECK(j["indirect"]["recall"].get<double>() >= 0.285);  // 0.2962
  CHECK(j["indirect"]["speaker_accuracy"].get<double>() >= 0.915);  // 0.9338
}

namespace {

std::string RunCli(const std::string& args, int* status) {
  const std::string cmd = std::string(BYLINE_CLI) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  *status = pclose(p);
  return out;
}

}  // namespace

TEST_CASE("eval-quotes scores a small project-owned article (code point offsets)") {
  // “Café prices will rise,” said Ana Ruiz. The plan is dead, she said.
  // Offsets are code points: “ and é are one each (3 and 2 bytes in UTF-8).
  const std::string text =
      "\xE2\x80\x9C" "Caf\xC3\xA9 prices will rise,\xE2\x80\x9D said Ana Ruiz. The plan is dead "
      "for now, she said.";
  nlohmann::json doc = {
      {"id", "fixture"},
      {"text", text},
      {"quotes",
       {{{"start", 0}, {"end", 24}, {"inner", {1, 23}}, {"quote_type", "direct"},
         {"speaker", {30, 38}}},
        {{"start", 40}, {"end", 64}, {"inner", nullptr}, {"quote_type", "indirect"},
         {"speaker", {66, 69}}}}}};
  const std::string path = std::filesystem::temp_directory_path().string() +
                           "/byline_quotes_eval_fixture.jsonl";
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    const std::string line = doc.dump() + "\n";
    std::fwrite(line.data(), 1, line.size(), f);
    std::fclose(f);
  }
  int status = -1;
  const std::string out = RunCli("eval-quotes --json " + path, &status);
  REQUIRE(status == 0);
  const nlohmann::json j = nlohmann::json::parse(out.substr(out.find('{')));
  CHECK(j["direct"]["tp"] == 1);
  CHECK(j["direct"]["fp"] == 0);
  CHECK(j["direct"]["fn"] == 0);
  CHECK(j["direct"]["speaker_correct"] == 1);
  CHECK(j["indirect"]["tp"] == 1);
  std::remove(path.c_str());

  SUBCASE("errors are reported, not crashed on") {
    int s = 0;
    RunCli("eval-quotes /nonexistent/file.jsonl", &s);
    CHECK(s != 0);
    const std::string bad = path + ".bad";
    FILE* f = std::fopen(bad.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fputs("{not json\n", f);
    std::fclose(f);
    const std::string msg = RunCli("eval-quotes " + bad, &s);
    CHECK(s != 0);
    CHECK(msg.find("not valid JSON (parse error") != std::string::npos);
    std::remove(bad.c_str());
  }
}
