#include "core/entity_tagger.h"

#include "core/ner_features.h"
#include "core/ner_weights.h"

namespace byline {
namespace {

// Sections (see core/model.h):
//   ner.meta        text: "byline-ner <version> ..." (informative)
//   ner.clusters    WordClusters::Serialize()
//   ner.gazetteers  Gazetteers::Serialize()
//   ner.weights1    Weights of the first pass (no document features)
//   ner.weights2    Weights of the second pass (with document features); optional
class PerceptronTagger : public EntityTagger {
 public:
  bool Load(const ModelFile& model, std::string* error) {
    if (!model.Has("ner.weights1")) {
      *error = "model file has no entity tagger (section ner.weights1 is missing)";
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
    if (!pass1_.Parse(model.Section("ner.weights1"), &why)) {
      *error = "ner.weights1: " + why;
      return false;
    }
    if (model.Has("ner.weights2")) {
      if (!pass2_.Parse(model.Section("ner.weights2"), &why)) {
        *error = "ner.weights2: " + why;
        return false;
      }
      two_pass_ = true;
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
    std::vector<std::vector<int>> tags(words.size());
    std::vector<int32_t> emit;
    for (size_t s = 0; s < words.size(); ++s) {
      fx.Extract(words[s], nullptr, &base[s]);
      tags[s] = pass1_.Decode(base[s]);
    }
    if (!two_pass_) return tags;
    const std::vector<std::vector<ner::DocHint>> hints = ner::ComputeDocHints(words, tags);
    ner::SentenceFeatures doc;
    for (size_t s = 0; s < words.size(); ++s) {
      pass2_.Score(base[s], &emit);
      ner::ExtractDocFeatures(words[s], hints[s].data(), &doc);
      pass2_.AddScores(doc, &emit);
      tags[s] = pass2_.DecodeScores(emit);
    }
    return tags;
  }

 private:
  ner::WordClusters clusters_;
  ner::Gazetteers gazetteers_;
  ner::Weights pass1_, pass2_;
  bool two_pass_ = false;
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
