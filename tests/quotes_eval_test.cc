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
  CHECK(j["direct"]["f1"].get<double>() >= 0.965);   // 0.9745 on dev
  CHECK(j["direct"]["speaker_accuracy"].get<double>() >= 0.94);  // 0.951
  CHECK(j["indirect"]["f1"].get<double>() >= 0.28);  // 0.290
}
