#include "core/ner_weights.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/model.h"

namespace byline::ner {
namespace {

void AppendVarint(std::string* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool ReadVarint(std::string_view in, size_t* pos, uint32_t* v) {
  uint32_t r = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (*pos >= in.size()) return false;
    const unsigned char b = in[(*pos)++];
    r |= uint32_t{b & 0x7Fu} << shift;
    if (!(b & 0x80)) {
      *v = r;
      return true;
    }
  }
  return false;
}

inline uint32_t Slot(uint32_t key) { return (key * 0x9E3779B1u) ^ (key >> 15); }

}  // namespace

std::string Weights::Serialize(const std::vector<uint32_t>& keys, const std::vector<float>& rows,
                               const std::vector<float>& trans, int bytes_per_weight) {
  const int limit = bytes_per_weight == 1 ? 127 : 32767;
  float max_abs = 0;
  for (float w : rows) max_abs = std::max(max_abs, std::fabs(w));
  // Transitions are stored as i16 in the same units.
  for (float w : trans) max_abs = std::max(max_abs, std::fabs(w) * limit / 32767.0f);
  const float scale = max_abs > 0 ? max_abs / limit : 1.0f;

  std::string out;
  std::string key_bytes, masks, values;
  uint32_t kept = 0, prev = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    int q[kNumTags];
    uint16_t mask = 0;
    for (int t = 0; t < kNumTags; ++t) {
      q[t] = static_cast<int>(std::lround(rows[k * kNumTags + t] / scale));
      q[t] = std::clamp(q[t], -limit, limit);
      if (q[t]) mask |= 1u << t;
    }
    if (!mask) continue;
    AppendVarint(&key_bytes, keys[k] - prev);
    prev = keys[k];
    ++kept;
    masks.push_back(static_cast<char>(mask & 0xFF));
    masks.push_back(static_cast<char>(mask >> 8));
    for (int t = 0; t < kNumTags; ++t) {
      if (!q[t]) continue;
      values.push_back(static_cast<char>(q[t] & 0xFF));
      if (bytes_per_weight == 2) values.push_back(static_cast<char>((q[t] >> 8) & 0xFF));
    }
  }
  AppendU32(&out, kept);
  out.push_back(static_cast<char>(bytes_per_weight));
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &scale, 4);
  AppendU32(&out, scale_bits);
  for (int i = 0; i < kTransSize; ++i) {
    const int v = std::clamp(static_cast<int>(std::lround(trans[i] / scale)), -32767, 32767);
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
  }
  out += key_bytes;
  out += masks;
  out += values;
  return out;
}

bool Weights::Parse(std::string_view in, std::string* error) {
  *this = Weights();
  auto fail = [&](const char* why) {
    *error = std::string("weights section is corrupt: ") + why;
    *this = Weights();
    return false;
  };
  size_t pos = 0;
  uint32_t n, scale_bits;
  if (!ReadU32(in, &pos, &n)) return fail("too short");
  if (pos >= in.size()) return fail("too short");
  const int bpw = in[pos++];
  if (bpw != 1 && bpw != 2) return fail("bad weight width");
  if (!ReadU32(in, &pos, &scale_bits)) return fail("too short");
  if (in.size() - pos < size_t{kTransSize} * 2) return fail("transitions truncated");
  trans_.resize(kTransSize);
  for (int i = 0; i < kTransSize; ++i, pos += 2) {
    trans_[i] = static_cast<int16_t>(static_cast<unsigned char>(in[pos]) |
                                     (static_cast<unsigned char>(in[pos + 1]) << 8));
  }
  // Every feature needs at least one key byte, two mask bytes and one weight.
  if ((in.size() - pos) / 4 < n) return fail("feature count larger than the section");
  std::vector<uint32_t> keys(n);
  uint32_t key = 0;
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t d;
    if (!ReadVarint(in, &pos, &d)) return fail("feature keys truncated");
    if (k > 0 && d == 0) return fail("feature keys not strictly increasing");
    key += d;
    keys[k] = key;
  }
  if ((in.size() - pos) / 2 < n) return fail("tag masks truncated");
  std::vector<uint16_t> masks(n);
  size_t nvalues = 0;
  for (uint32_t k = 0; k < n; ++k, pos += 2) {
    masks[k] = static_cast<uint16_t>(static_cast<unsigned char>(in[pos]) |
                                     (static_cast<unsigned char>(in[pos + 1]) << 8));
    if (masks[k] >> kNumTags) return fail("tag mask names a missing tag");
    for (uint16_t m = masks[k]; m; m &= m - 1) ++nvalues;
  }
  if (in.size() - pos != nvalues * bpw) return fail("weight values truncated or too long");
  rows_.assign(size_t{n} * kNumTags, 0);
  for (uint32_t k = 0; k < n; ++k) {
    for (int t = 0; t < kNumTags; ++t) {
      if (!(masks[k] >> t & 1)) continue;
      int v = static_cast<signed char>(in[pos++]);
      if (bpw == 2) v = static_cast<int16_t>((v & 0xFF) | (static_cast<unsigned char>(in[pos++]) << 8));
      rows_[size_t{k} * kNumTags + t] = static_cast<int16_t>(v);
    }
  }
  size_t cap = 16;
  while (cap < size_t{n} * 2) cap <<= 1;
  mask_ = static_cast<uint32_t>(cap - 1);
  table_keys_.assign(cap, 0);
  table_rows_.assign(cap, UINT32_MAX);
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t s = Slot(keys[k]) & mask_;
    while (table_rows_[s] != UINT32_MAX) s = (s + 1) & mask_;
    table_keys_[s] = keys[k];
    table_rows_[s] = k;
  }
  num_features_ = n;
  return true;
}

const int16_t* Weights::Row(uint32_t key) const {
  if (table_rows_.empty()) return nullptr;
  uint32_t s = Slot(key) & mask_;
  while (true) {
    const uint32_t r = table_rows_[s];
    if (r == UINT32_MAX) return nullptr;
    if (table_keys_[s] == key) return &rows_[size_t{r} * kNumTags];
    s = (s + 1) & mask_;
  }
}

void Weights::Score(const SentenceFeatures& f, std::vector<int32_t>* emit) const {
  const size_t n = f.size();
  emit->assign(n * kNumTags, 0);
  AddScores(f, emit);
}

void Weights::AddScores(const SentenceFeatures& f, std::vector<int32_t>* emit) const {
  const size_t n = std::min(f.size(), emit->size() / kNumTags);
  for (size_t i = 0; i < n; ++i) {
    int32_t* e = emit->data() + i * kNumTags;
    for (const uint32_t* id = f.begin(i); id != f.end(i); ++id) {
      const int16_t* row = Row(*id);
      if (!row) continue;
      for (int t = 0; t < kNumTags; ++t) e[t] += row[t];
    }
  }
}

std::vector<int> Weights::Decode(const SentenceFeatures& f) const {
  std::vector<int32_t> emit;
  Score(f, &emit);
  return DecodeScores(emit);
}

std::vector<int> Weights::DecodeScores(const std::vector<int32_t>& emit) const {
  const size_t n = emit.size() / kNumTags;
  if (trans_.size() != size_t{kTransSize}) return std::vector<int>(n, 0);
  return Viterbi(emit.data(), n, trans_.data());
}

}  // namespace byline::ner
