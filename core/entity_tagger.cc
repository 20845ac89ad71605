#include "core/entity_tagger.h"

#include "core/ner_features.h"
#include "core/ner_weights.h"

namespace byline {
namespace {

// Brackets and bars are never part of a name (CoNLL never tags them): only O is allowed there.
void ForceOutside(const std::vector<std::string_view>& words, std::vector<int32_t>* emit) {
  constexpr int32_t kNever = -(1 << 24);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.size() != 1 || (w[0] != '[' && w[0] != ']' && w[0] != '{' && w[0] != '}' && w[0] != '|')) {
      continue;
    }
    for (int t = 1; t < ner::kNumTags; ++t) (*emit)[i * ner::kNumTags + t] = kNever;
  }
}

// Sections (see core/model.h):
//   ner.meta        text: "byline-ner <version> ..." (informative)
//   ner.clusters    WordClusters::Serialize()
//   ner.gazetteers  Gazetteers::Serialize()
//   ner.weights     Weights (core/ner_weights.h): pass 0 without document features, and when
//                   the section has two passes, pass 1 with them
class PerceptronTagger : public EntityTagger {
 public:
  bool Load(const ModelFile& model, std::string* error) {
    if (!model.Has("ner.weights")) {
      *error = "model file has no entity tagger (section ner.weights is missing)";
      return false;
    }
    std::string why;
    if (model.Has("ner.clusters") && !clusters_.Parse(model.Section("ner.clusters"), &why)) {
      *error = why;
      return false;
    }
    if (model.Has("ner.gazetteers") && !gazetteers_.Parse(model.Section("ner.gazetteers"), &why)) {
      *error = why;
      return false;
    }
    if (!weights_.Parse(model.Section("ner.weights"), &why)) {
      *error = "ner.weights: " + why;
      return false;
    }
    return true;
  }

  std::vector<std::vector<std::string>> TagDocument(
      const std::vector<std::vector<std::string_view>>& words) const override {
    const std::vector<std::vector<int>> tags = TagIds(words);
    std::vector<std::vector<std::string>> out(tags.size());
    for (size_t s = 0; s < tags.size(); ++s) {
      out[s].reserve(tags[s].size());
      for (int t : tags[s]) out[s].emplace_back(ner::TagName(t));
    }
    return out;
  }

  std::vector<std::vector<int>> TagIds(const std::vector<std::vector<std::string_view>>& words) const {
    ner::FeatureExtractor fx(clusters_.empty() ? nullptr : &clusters_,
                             gazetteers_.num_lists() ? &gazetteers_ : nullptr);
    std::vector<ner::SentenceFeatures> base(words.size());
    std::vector<std::vector<uint32_t>> rows(words.size());
    std::vector<std::vector<int>> tags(words.size());
    std::vector<int32_t> emit;
    for (size_t s = 0; s < words.size(); ++s) {
      fx.Extract(words[s], nullptr, &base[s]);
      weights_.Lookup(base[s], &rows[s]);
      weights_.Score(base[s], rows[s], 0, &emit);
      ForceOutside(words[s], &emit);
      tags[s] = weights_.DecodeScores(emit, 0);
    }
    if (weights_.passes() < 2) return tags;
    const std::vector<std::vector<ner::DocHint>> hints = ner::ComputeDocHints(words, tags);
    ner::SentenceFeatures doc;
    for (size_t s = 0; s < words.size(); ++s) {
      weights_.Score(base[s], rows[s], 1, &emit);
      ner::ExtractDocFeatures(words[s], hints[s].data(), &doc);
      weights_.AddScores(doc, 1, &emit);
      ForceOutside(words[s], &emit);
      tags[s] = weights_.DecodeScores(emit, 1);
    }
    return tags;
  }

 private:
  ner::WordClusters clusters_;
  ner::Gazetteers gazetteers_;
  ner::Weights weights_;
};

}  // namespace

std::unique_ptr<EntityTagger> EntityTagger::FromModel(const ModelFile& model, std::string* error) {
  auto tagger = std::make_unique<PerceptronTagger>();
  std::string why;
  if (!tagger->Load(model, &why)) {
    if (error) *error = "model file rejected: " + why;
    return nullptr;
  }
  return tagger;
}

}  // namespace byline
