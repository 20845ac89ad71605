// The CoNLL reader (tools/conll.h) on arbitrary bytes, then what `byline tag-conll`/`eval-ner` do
// with what it read: tag each document with the committed model's entity tagger and score it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>

#include "core/entity_tagger.h"
#include "core/model.h"
#include "fuzz/fuzz_common.h"
#include "tools/conll.h"

namespace {

const byline::EntityTagger* tagger = nullptr;

bool ValidTag(const std::string& tag) {
  if (tag == "O") return true;
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return false;
  const std::string type = tag.substr(2);
  return type == "PER" || type == "ORG" || type == "LOC" || type == "MISC";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::string& bytes = byline::fuzz::ModelBytes();
  if (bytes.empty()) return 0;
  static byline::ModelFile model;
  std::string error;
  if (!byline::ModelFile::Parse(bytes, &model, &error)) std::abort();
  tagger = byline::EntityTagger::FromModel(model, &error).release();
  if (!tagger) {
    std::fprintf(stderr, "fuzz_conll: the committed model has no usable tagger: %s\n", error.c_str());
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<byline::cli::ConllDoc> docs;
  std::string error;
  if (!byline::cli::ParseConll(text, &docs, &error)) {
    if (error.empty()) byline::fuzz::Trap("ParseConll failed without an error");
    return 0;
  }
  byline::cli::NerScores scores;
  for (const byline::cli::ConllDoc& doc : docs) {
    for (const byline::cli::ConllSentence& s : doc.sentences) {
      if (s.words.size() != s.tags.size()) byline::fuzz::Trap("a sentence's words and tags differ in number");
      for (const std::string& w : s.words) {
        if (w.empty()) byline::fuzz::Trap("an empty token");
      }
      scores.Add(s.tags, s.tags);
    }
    if (!tagger) continue;
    const std::vector<std::vector<std::string_view>> words = doc.Words();
    const std::vector<std::vector<std::string>> tags = tagger->TagDocument(words);
    if (tags.size() != words.size()) byline::fuzz::Trap("TagDocument returned another number of sentences");
    for (size_t i = 0; i < tags.size(); ++i) {
      if (tags[i].size() != words[i].size()) byline::fuzz::Trap("TagDocument returned another number of tags");
      for (const std::string& t : tags[i]) {
        if (!ValidTag(t)) byline::fuzz::Trap("TagDocument returned a tag that is not IOB2");
      }
      scores.Add(doc.sentences[i].tags, tags[i]);
    }
  }
  std::ostringstream sink;
  scores.Print(sink);
  scores.F1("");
  return 0;
}
