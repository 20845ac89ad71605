// PLACEHOLDER: no tagger yet.
#include "core/entity_tagger.h"

namespace byline {

std::unique_ptr<EntityTagger> EntityTagger::FromModel(const ModelFile&, std::string* error) {
  if (error) *error = "model file rejected: this build has no entity tagger yet";
  return nullptr;
}

}  // namespace byline
