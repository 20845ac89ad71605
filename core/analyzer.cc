#include "core/analyzer.h"

#include <algorithm>

#include "core/entity_tagger.h"
#include "core/known_entities.h"
#include "core/model.h"
#include "core/offsets.h"
#include "core/quantities.h"
#include "core/quotes.h"
#include "core/rule_entities.h"
#include "core/sentences.h"
#include "core/tokenizer.h"

namespace byline {

struct Analyzer::State {
  std::string model_bytes;  // owned copy: ModelFile holds views into it
  ModelFile model;
  std::unique_ptr<EntityTagger> tagger;
};

const char* QuoteKindName(QuoteKind kind) {
  return kind == QuoteKind::kDirect ? "direct" : "indirect";
}

Analyzer::Analyzer() : state_(std::make_unique<State>()) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

bool Analyzer::LoadModel(std::string_view bytes, std::string* error) {
  auto next = std::make_unique<State>();
  next->model_bytes.assign(bytes.data(), bytes.size());
  if (!ModelFile::Parse(next->model_bytes, &next->model, error)) return false;
  next->tagger = EntityTagger::FromModel(next->model, error);
  if (!next->tagger) return false;
  state_ = std::move(next);
  return true;
}

bool Analyzer::has_model() const { return state_->tagger != nullptr; }

namespace {

// Square brackets mark an editor's insertion ("President [Vladimir] Putin"): the tagger reads the
// sentence without them, as the speaker said it, and an entity that spans one is split there.
bool IsInsertionBracket(std::string_view text, const Token& t) {
  return t.kind == TokenKind::kPunct && t.end - t.begin == 1 &&
         (text[t.begin] == '[' || text[t.begin] == ']');
}

// The words the tagger sees for each sentence, and for each word its token index.
void TaggerInput(std::string_view text, const std::vector<Token>& tokens,
                 const std::vector<Sentence>& sentences,
                 std::vector<std::vector<std::string_view>>* words,
                 std::vector<std::vector<uint32_t>>* token_of) {
  words->reserve(sentences.size());
  token_of->reserve(sentences.size());
  for (const Sentence& s : sentences) {
    std::vector<std::string_view>& w = words->emplace_back();
    std::vector<uint32_t>& idx = token_of->emplace_back();
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      if (IsInsertionBracket(text, tokens[i])) continue;
      w.push_back(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
      idx.push_back(i);
    }
  }
}

// Turns per-sentence IOB2 tags into entity spans over the tokens.
void AppendTaggedEntities(const std::vector<Token>& tokens,
                          const std::vector<std::vector<uint32_t>>& token_of,
                          const std::vector<std::vector<std::string>>& tags,
                          std::vector<Entity>* out) {
  for (size_t s = 0; s < token_of.size() && s < tags.size(); ++s) {
    const std::vector<std::string>& t = tags[s];
    const std::vector<uint32_t>& idx = token_of[s];
    const size_t n = std::min(t.size(), idx.size());
    size_t i = 0;
    while (i < n) {
      if (t[i].size() < 3 || (t[i][0] != 'B' && t[i][0] != 'I')) {
        ++i;
        continue;
      }
      const std::string type = t[i].substr(2);
      size_t j = i + 1;
      while (j < n && t[j].size() > 2 && t[j][0] == 'I' &&
             t[j].compare(2, std::string::npos, type) == 0) {
        ++j;
      }
      // One entity per run of adjacent tokens (a skipped bracket breaks the run).
      size_t piece = i;
      for (size_t k = i + 1; k <= j; ++k) {
        if (k == j || idx[k] != idx[k - 1] + 1) {
          out->push_back({tokens[idx[piece]].begin, tokens[idx[k - 1]].end, type});
          piece = k;
        }
      }
      i = j;
    }
  }
}

}  // namespace

Analysis Analyzer::Analyze(std::string_view text) const {
  Analysis a;
  if (text.size() > kMaxTextBytes) {
    a.error = "text too large: " + std::to_string(text.size()) + " bytes; Byline analyzes at most " +
              std::to_string(kMaxTextBytes) + " bytes at once";
    return a;
  }
  a.invalid_utf8_bytes = CountInvalidUtf8(text);
  a.tokens = Tokenize(text);
  a.sentences = SplitSentences(text, a.tokens);

  if (state_->tagger) {
    std::vector<std::vector<std::string_view>> words;
    std::vector<std::vector<uint32_t>> token_of;
    TaggerInput(text, a.tokens, a.sentences, &words, &token_of);
    AppendTaggedEntities(a.tokens, token_of, state_->tagger->TagDocument(words), &a.entities);
    AddKnownEntities(text, a.tokens, &a.entities);
  } else {
    a.entities = FindEntitiesByRules(text, a.tokens, a.sentences);
  }
  std::vector<Entity> quantities = FindQuantities(text, a.tokens, a.sentences);
  a.entities.insert(a.entities.end(), quantities.begin(), quantities.end());
  std::sort(a.entities.begin(), a.entities.end(), [](const Entity& x, const Entity& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });

  a.quotes = FindQuotes(text, a.tokens, a.sentences, a.entities);
  return a;
}

}  // namespace byline
