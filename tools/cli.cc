#include "tools/cli.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace byline::cli {
namespace {

constexpr const char* kModelName = "models/byline-ner.bin";

bool Exists(const std::string& path) { return std::ifstream(path).good(); }

std::string ExecutableDir() {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string p(buf, n);
  return p.substr(0, p.rfind('/'));
}

}  // namespace

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open '" + path + "'";
    return false;
  }
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *error = "cannot read '" + path + "'";
    return false;
  }
  return true;
}

std::string DefaultModelPath() {
  if (const char* env = std::getenv("BYLINE_MODEL"); env && *env) return env;
  const std::string exe = ExecutableDir();
  for (const std::string& candidate :
       {exe + "/" + kModelName, exe + "/../" + kModelName, exe + "/../share/byline/byline-ner.bin",
        std::string(BYLINE_SOURCE_DIR) + "/" + kModelName}) {
    if (Exists(candidate)) return candidate;
  }
  return "";
}

bool ParseTextRecord(const std::string& line, nlohmann::json* record, std::string* why) {
  try {
    *record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    // A syntax error, or a number out of range (1e999). e.what() reads
    // "[json.exception.parse_error.101] parse error at line 1, column 7: ...".
    std::string message = e.what();
    const size_t at = message.find("] ");
    if (at != std::string::npos) message = message.substr(at + 2);
    *why = "not valid JSON (" + message + ")";
    return false;
  }
  if (!record->is_object() || !record->contains("text") || !(*record)["text"].is_string()) {
    *why = "not a JSON object with a string \"text\"";
    return false;
  }
  return true;
}

bool LoadAnalyzer(const std::string& path, Analyzer* analyzer, std::string* error) {
  const std::string model_path = path.empty() ? DefaultModelPath() : path;
  if (model_path.empty()) {
    std::cerr << "byline: warning: no model found (" << kModelName
              << "); entities come from rules only\n";
    return true;
  }
  std::string bytes;
  if (!ReadFile(model_path, &bytes, error)) return false;
  if (!analyzer->LoadModel(bytes, error)) {
    *error = model_path + ": " + *error;
    return false;
  }
  return true;
}

}  // namespace byline::cli
