// PLACEHOLDER: splits after . ! ? tokens; replaced by the news sentence splitter.
#include "core/sentences.h"

namespace byline {

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  uint32_t first = 0;
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    const std::string_view t = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (t == "." || t == "!" || t == "?" || i + 1 == tokens.size()) {
      out.push_back({tokens[first].begin, tokens[i].end, first, i + 1});
      first = i + 1;
    }
  }
  return out;
}

}  // namespace byline
