// PLACEHOLDER: finds nothing yet.
#include "core/rule_entities.h"

namespace byline {

std::vector<Entity> FindEntitiesByRules(std::string_view, const std::vector<Token>&,
                                        const std::vector<Sentence>&) {
  return {};
}

}  // namespace byline
