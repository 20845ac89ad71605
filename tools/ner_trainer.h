// Training of the entity tagger's weights: an averaged structured perceptron (Collins 2002) over
// the hashed features of core/ner_features.h, decoded with the same IOB2-constrained Viterbi.
//
// Usage:
//   byline::cli::Perceptron p;
//   p.BuildIndex(train_features, /*min_count=*/1);
//   p.Train(train_features, train_tags, epochs, seed, on_epoch);
//   std::string section = SerializeWeights({&p}, /*min_abs=*/0);
#ifndef BYLINE_TOOLS_NER_TRAINER_H_
#define BYLINE_TOOLS_NER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/ner_features.h"

namespace byline::cli {

class Perceptron {
 public:
  // Keeps the features seen at least min_count times.
  void BuildIndex(const std::vector<ner::SentenceFeatures>& data, int min_count);
  size_t num_features() const { return keys_.size(); }

  // on_epoch(epoch) is called after each epoch (the averaged weights are then current for
  // Decode). Shuffles sentences with a fixed-seed generator: same inputs, same model.
  void Train(const std::vector<ner::SentenceFeatures>& data, const std::vector<std::vector<int>>& tags,
             int epochs, uint32_t seed, const std::function<void(int)>& on_epoch);

  // Mixes in the averaged weights of perceptrons trained on the same data with other seeds (same
  // feature index): the result is the mean of all (parameter mixing). False if the indexes differ.
  bool MixWith(const std::vector<const Perceptron*>& others);

  // Decodes with the averaged weights.
  std::vector<int> Decode(const ner::SentenceFeatures& f) const;

  const std::vector<uint32_t>& keys() const { return keys_; }
  const std::vector<float>& averaged() const { return avg_; }  // keys * kNumTags
  const std::vector<float>& averaged_transitions() const { return tavg_; }

 private:
  void Dense(const ner::SentenceFeatures& f, std::vector<int32_t>* ids) const;
  void Average();
  std::unordered_map<uint32_t, uint32_t> index_;
  std::vector<uint32_t> keys_;
  std::vector<float> w_, avg_;     // features * kNumTags
  std::vector<double> u_;           // sum of c * update, for averaging
  std::vector<float> tw_, tavg_;   // transitions
  std::vector<double> tu_;
  double c_ = 1;
};

// The averaged weights of one perceptron per pass as one Weights section (core/ner_weights.h).
// Features whose largest absolute weight is below min_abs in every pass are dropped.
std::string SerializeWeights(const std::vector<const Perceptron*>& passes, float min_abs);

}  // namespace byline::cli

#endif  // BYLINE_TOOLS_NER_TRAINER_H_
