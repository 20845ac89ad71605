// The linear model of the entity tagger: quantized per-tag weights of hashed features, tag
// transition weights, and Viterbi decoding under IOB2 constraints.
//
// Usage:
//   byline::ner::Weights w;
//   if (!w.Parse(model.Section("ner.weights"), &error)) { ... }
//   std::vector<int> tags = w.Decode(features, /*pass=*/0);   // features from FeatureExtractor
//
//   // tools side: serialize trained float weights
//   std::string payload = byline::ner::Weights::Serialize(keys, rows, transitions, /*passes=*/2);
//
// Section format (little-endian): u32 features, u8 passes (1 or 2), u8 bytes per weight (1),
// f32 scale, passes*(kNumTags+1)*kNumTags i16 transitions (row 0 of each: sentence start), varint
// deltas of the sorted feature keys, one u16 tag mask per feature and pass, then the nonzero
// weights in the same order.
// Thread-safety: immutable after Parse().
#ifndef BYLINE_CORE_NER_WEIGHTS_H_
#define BYLINE_CORE_NER_WEIGHTS_H_

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/ner_features.h"

namespace byline::ner {

// Best IOB2-valid tag sequence. emit[i*kNumTags+t] scores tag t at token i; trans[(p+1)*kNumTags+t]
// scores t after p (p = -1 at the start). I-X is never produced after anything but B-X or I-X.
template <typename T>
std::vector<int> Viterbi(const T* emit, size_t n, const T* trans) {
  std::vector<int> out(n);
  if (n == 0) return out;
  const T kNeg = std::numeric_limits<T>::lowest() / 4;
  std::vector<T> score(n * kNumTags);
  std::vector<int8_t> back(n * kNumTags, -1);
  for (int t = 0; t < kNumTags; ++t) {
    score[t] = TransitionAllowed(-1, t) ? trans[t] + emit[t] : kNeg;
  }
  for (size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kNumTags; ++t) {
      T best = kNeg;
      int arg = -1;
      for (int p = 0; p < kNumTags; ++p) {
        if (!TransitionAllowed(p, t) || score[(i - 1) * kNumTags + p] <= kNeg) continue;
        const T s = score[(i - 1) * kNumTags + p] + trans[(p + 1) * kNumTags + t];
        if (arg < 0 || s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * kNumTags + t] = arg < 0 ? kNeg : best + emit[i * kNumTags + t];
      back[i * kNumTags + t] = static_cast<int8_t>(arg);
    }
    // Keep scores near zero so that integer sums cannot overflow on very long sentences.
    T top = kNeg;
    for (int t = 0; t < kNumTags; ++t) top = std::max(top, score[i * kNumTags + t]);
    for (int t = 0; t < kNumTags; ++t) {
      if (score[i * kNumTags + t] > kNeg) score[i * kNumTags + t] -= top;
    }
  }
  int best = 0;
  for (int t = 1; t < kNumTags; ++t) {
    if (score[(n - 1) * kNumTags + t] > score[(n - 1) * kNumTags + best]) best = t;
  }
  for (size_t i = n; i-- > 0;) {
    out[i] = best;
    if (i > 0) best = back[i * kNumTags + best];
    if (best < 0) best = 0;
  }
  return out;
}

class Weights {
 public:
  static constexpr int kTransSize = (kNumTags + 1) * kNumTags;
  static constexpr uint32_t kAbsent = UINT32_MAX;

  // One table serves both passes of the tagger: each feature key has `passes` rows of kNumTags
  // weights. keys sorted ascending and unique; rows[(k*passes + p)*kNumTags + t];
  // trans[p*kTransSize + (prev+1)*kNumTags + t].
  // Weights are quantized to int8 with one scale for the whole table.
  static std::string Serialize(const std::vector<uint32_t>& keys, const std::vector<float>& rows,
                               const std::vector<float>& trans, int passes);
  bool Parse(std::string_view payload, std::string* error);

  int passes() const { return passes_; }
  size_t num_features() const { return num_features_; }
  // The table slot of every feature occurrence of f (kAbsent when unknown): one lookup per
  // feature serves both passes.
  void Lookup(const SentenceFeatures& f, std::vector<uint32_t>* rows) const;
  // emit = per-token sums of pass p's weights over the looked-up rows (n*kNumTags integers).
  void Score(const SentenceFeatures& f, const std::vector<uint32_t>& rows, int pass,
             std::vector<int32_t>* emit) const;
  // Adds the scores of f's features (looked up here) to emit (already sized n*kNumTags).
  void AddScores(const SentenceFeatures& f, int pass, std::vector<int32_t>* emit) const;
  std::vector<int> DecodeScores(const std::vector<int32_t>& emit, int pass) const;
  std::vector<int> Decode(const SentenceFeatures& f, int pass) const;

 private:
  // Key and both passes' weights in one slot: one cache miss per feature serves both passes.
  struct Slot {
    uint32_t key = 0;
    int8_t weights[2 * kNumTags] = {};
    uint8_t used = 0;
  };
  uint32_t Find(uint32_t key) const;
  int passes_ = 1;
  size_t num_features_ = 0;
  uint32_t mask_ = 0;       // table size - 1
  std::vector<Slot> table_;
  std::vector<int32_t> trans_;  // passes * kTransSize
};

}  // namespace byline::ner

#endif  // BYLINE_CORE_NER_WEIGHTS_H_
