#include "tools/ner_trainer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "core/ner_weights.h"

namespace byline::cli {

using ner::kNumTags;
constexpr int kTrans = ner::Weights::kTransSize;

void Perceptron::BuildIndex(const std::vector<ner::SentenceFeatures>& data, int min_count) {
  std::unordered_map<uint32_t, uint32_t> counts;
  for (const ner::SentenceFeatures& f : data) {
    for (uint32_t id : f.ids) ++counts[id];
  }
  keys_.clear();
  for (const auto& [k, n] : counts) {
    if (static_cast<int>(n) >= min_count) keys_.push_back(k);
  }
  std::sort(keys_.begin(), keys_.end());
  index_.clear();
  index_.reserve(keys_.size());
  for (uint32_t i = 0; i < keys_.size(); ++i) index_.emplace(keys_[i], i);
  w_.assign(keys_.size() * kNumTags, 0);
  avg_ = w_;
  u_.assign(w_.size(), 0);
  tw_.assign(kTrans, 0);
  tavg_ = tw_;
  tu_.assign(kTrans, 0);
  c_ = 1;
}

void Perceptron::Dense(const ner::SentenceFeatures& f, std::vector<int32_t>* ids) const {
  ids->resize(f.ids.size());
  for (size_t k = 0; k < f.ids.size(); ++k) {
    auto it = index_.find(f.ids[k]);
    (*ids)[k] = it == index_.end() ? -1 : static_cast<int32_t>(it->second);
  }
}

void Perceptron::Average() {
  for (size_t k = 0; k < w_.size(); ++k) avg_[k] = static_cast<float>(w_[k] - u_[k] / c_);
  for (int k = 0; k < kTrans; ++k) tavg_[k] = static_cast<float>(tw_[k] - tu_[k] / c_);
}

void Perceptron::Train(const std::vector<ner::SentenceFeatures>& data,
                       const std::vector<std::vector<int>>& tags, int epochs, uint32_t seed,
                       const std::function<void(int)>& on_epoch) {
  std::vector<std::vector<int32_t>> dense(data.size());
  for (size_t s = 0; s < data.size(); ++s) Dense(data[s], &dense[s]);
  std::vector<size_t> order(data.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::mt19937 rng(seed);
  std::vector<float> emit;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    // Fisher-Yates with our own draws: std::shuffle's algorithm differs between libraries.
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    for (size_t s : order) {
      const ner::SentenceFeatures& f = data[s];
      const std::vector<int32_t>& ids = dense[s];
      const size_t n = f.size();
      emit.assign(n * kNumTags, 0);
      for (size_t i = 0; i < n; ++i) {
        for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
          if (ids[k] < 0) continue;
          const float* row = &w_[size_t(ids[k]) * kNumTags];
          for (int t = 0; t < kNumTags; ++t) emit[i * kNumTags + t] += row[t];
        }
      }
      const std::vector<int> pred = ner::Viterbi(emit.data(), n, tw_.data());
      const std::vector<int>& gold = tags[s];
      auto update = [&](size_t i, int tag, float d) {
        for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
          if (ids[k] < 0) continue;
          const size_t at = size_t(ids[k]) * kNumTags + tag;
          w_[at] += d;
          u_[at] += c_ * d;
        }
      };
      for (size_t i = 0; i < n; ++i) {
        if (pred[i] != gold[i]) {
          update(i, gold[i], 1);
          update(i, pred[i], -1);
        }
        const int gp = i == 0 ? -1 : gold[i - 1], pp = i == 0 ? -1 : pred[i - 1];
        if (gp != pp || gold[i] != pred[i]) {
          const size_t ga = (gp + 1) * kNumTags + gold[i], pa = (pp + 1) * kNumTags + pred[i];
          tw_[ga] += 1;
          tu_[ga] += c_;
          tw_[pa] -= 1;
          tu_[pa] -= c_;
        }
      }
      c_ += 1;
    }
    Average();
    if (on_epoch) on_epoch(epoch);
  }
}

bool Perceptron::MixWith(const std::vector<const Perceptron*>& others) {
  for (const Perceptron* o : others) {
    if (o->keys_ != keys_) return false;
  }
  const float n = static_cast<float>(others.size() + 1);
  for (const Perceptron* o : others) {
    for (size_t k = 0; k < avg_.size(); ++k) avg_[k] += o->avg_[k];
    for (size_t k = 0; k < tavg_.size(); ++k) tavg_[k] += o->tavg_[k];
  }
  for (float& w : avg_) w /= n;
  for (float& w : tavg_) w /= n;
  return true;
}

std::vector<int> Perceptron::Decode(const ner::SentenceFeatures& f) const {
  const size_t n = f.size();
  std::vector<float> emit(n * kNumTags, 0);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
      auto it = index_.find(f.ids[k]);
      if (it == index_.end()) continue;
      const float* row = &avg_[size_t(it->second) * kNumTags];
      for (int t = 0; t < kNumTags; ++t) emit[i * kNumTags + t] += row[t];
    }
  }
  return ner::Viterbi(emit.data(), n, tavg_.data());
}

std::string SerializeWeights(const std::vector<const Perceptron*>& passes, float min_abs) {
  const size_t np = passes.size();
  std::map<uint32_t, std::vector<float>> merged;
  for (size_t p = 0; p < np; ++p) {
    const std::vector<uint32_t>& keys = passes[p]->keys();
    const std::vector<float>& avg = passes[p]->averaged();
    for (size_t k = 0; k < keys.size(); ++k) {
      std::vector<float>& row = merged[keys[k]];
      row.resize(np * kNumTags, 0.0f);
      std::copy(avg.begin() + k * kNumTags, avg.begin() + (k + 1) * kNumTags, row.begin() + p * kNumTags);
    }
  }
  std::vector<uint32_t> keys;
  std::vector<float> rows, trans;
  for (const auto& [key, row] : merged) {
    float m = 0;
    for (float w : row) m = std::max(m, std::fabs(w));
    if (m == 0 || m < min_abs) continue;
    keys.push_back(key);
    rows.insert(rows.end(), row.begin(), row.end());
  }
  for (const Perceptron* p : passes) {
    trans.insert(trans.end(), p->averaged_transitions().begin(), p->averaged_transitions().end());
  }
  return ner::Weights::Serialize(keys, rows, trans, static_cast<int>(np));
}

}  // namespace byline::cli
