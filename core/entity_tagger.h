// The statistical named-entity tagger (PER, ORG, LOC, MISC; CoNLL-2003 conventions).
//
// Usage:
//   std::string error;
//   std::unique_ptr<byline::EntityTagger> tagger = byline::EntityTagger::FromModel(model, &error);
//   if (!tagger) { ...error says why... }
//   auto tags = tagger->TagDocument(sentences);   // IOB2 tag per token: "B-PER", "I-PER", "O", ...
//
// A document is tagged at once so that the same name is tagged alike across it.
// Ownership: the tagger copies what it needs from the ModelFile. Thread-safety: TagDocument is const.
#ifndef BYLINE_CORE_ENTITY_TAGGER_H_
#define BYLINE_CORE_ENTITY_TAGGER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace byline {

class EntityTagger {
 public:
  // Null with a clear *error when the model has no usable tagger sections.
  static std::unique_ptr<EntityTagger> FromModel(const ModelFile& model, std::string* error);
  virtual ~EntityTagger() = default;

  // words[s][i] is token i of sentence s of one document. Returns IOB2 tags of the same shape.
  virtual std::vector<std::vector<std::string>> TagDocument(
      const std::vector<std::vector<std::string_view>>& words) const = 0;
};

}  // namespace byline

#endif  // BYLINE_CORE_ENTITY_TAGGER_H_
