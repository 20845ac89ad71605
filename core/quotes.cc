// PLACEHOLDER: finds nothing yet.
#include "core/quotes.h"

namespace byline {

std::vector<Quote> FindQuotes(std::string_view, const std::vector<Token>&,
                              const std::vector<Sentence>&, const std::vector<Entity>&) {
  return {};
}

}  // namespace byline
