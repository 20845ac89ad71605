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

inline uint32_t Hash(uint32_t key) { return (key * 0x9E3779B1u) ^ (key >> 15); }

}  // namespace

std::string Weights::Serialize(const std::vector<uint32_t>& keys, const std::vector<float>& rows,
                               const std::vector<float>& trans, int passes) {
  const int bytes_per_weight = 1;
  const int limit = 127;
  const size_t width = size_t(passes) * kNumTags;
  float max_abs = 0;
  for (float w : rows) max_abs = std::max(max_abs, std::fabs(w));
  // Transitions are stored as i16 in the same units.
  for (float w : trans) max_abs = std::max(max_abs, std::fabs(w) * limit / 32767.0f);
  const float scale = max_abs > 0 ? max_abs / limit : 1.0f;

  std::string out;
  std::string key_bytes, masks, values;
  uint32_t kept = 0, prev = 0;
  std::vector<int> q(width);
  for (size_t k = 0; k < keys.size(); ++k) {
    bool any = false;
    for (size_t j = 0; j < width; ++j) {
      q[j] = std::clamp(static_cast<int>(std::lround(rows[k * width + j] / scale)), -limit, limit);
      any |= q[j] != 0;
    }
    if (!any) continue;
    AppendVarint(&key_bytes, keys[k] - prev);
    prev = keys[k];
    ++kept;
    for (int p = 0; p < passes; ++p) {
      uint16_t mask = 0;
      for (int t = 0; t < kNumTags; ++t) {
        const int v = q[p * kNumTags + t];
        if (!v) continue;
        mask |= 1u << t;
        values.push_back(static_cast<char>(v & 0xFF));
      }
      masks.push_back(static_cast<char>(mask & 0xFF));
      masks.push_back(static_cast<char>(mask >> 8));
    }
  }
  AppendU32(&out, kept);
  out.push_back(static_cast<char>(passes));
  out.push_back(static_cast<char>(bytes_per_weight));
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &scale, 4);
  AppendU32(&out, scale_bits);
  for (size_t i = 0; i < size_t(passes) * kTransSize; ++i) {
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
  if (in.size() - pos < 2) return fail("too short");
  const int passes = in[pos++];
  const int bpw = in[pos++];
  if (passes != 1 && passes != 2) return fail("bad number of passes");
  if (bpw != 1) return fail("bad weight width");
  if (!ReadU32(in, &pos, &scale_bits)) return fail("too short");
  const size_t trans_size = size_t(passes) * kTransSize;
  if (in.size() - pos < trans_size * 2) return fail("transitions truncated");
  trans_.resize(trans_size);
  for (size_t i = 0; i < trans_size; ++i, pos += 2) {
    trans_[i] = static_cast<int16_t>(static_cast<unsigned char>(in[pos]) |
                                     (static_cast<unsigned char>(in[pos + 1]) << 8));
  }
  // Every feature needs at least one key byte, its mask bytes and one weight.
  if ((in.size() - pos) / (2 + 2 * size_t(passes)) < n) return fail("feature count larger than the section");
  std::vector<uint32_t> keys(n);
  uint32_t key = 0;
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t d;
    if (!ReadVarint(in, &pos, &d)) return fail("feature keys truncated");
    if (k > 0 && d == 0) return fail("feature keys not strictly increasing");
    if (d > UINT32_MAX - key) return fail("feature key overflow");
    key += d;
    keys[k] = key;
  }
  const size_t nmasks = size_t(n) * passes;
  if ((in.size() - pos) / 2 < nmasks) return fail("tag masks truncated");
  std::vector<uint16_t> masks(nmasks);
  size_t nvalues = 0;
  for (size_t k = 0; k < nmasks; ++k, pos += 2) {
    masks[k] = static_cast<uint16_t>(static_cast<unsigned char>(in[pos]) |
                                     (static_cast<unsigned char>(in[pos + 1]) << 8));
    if (masks[k] >> kNumTags) return fail("tag mask names a missing tag");
    for (uint16_t m = masks[k]; m; m &= m - 1) ++nvalues;
  }
  if (in.size() - pos != nvalues * bpw) return fail("weight values truncated or too long");
  size_t cap = 16;
  while (cap < size_t{n} * 2) cap <<= 1;
  mask_ = static_cast<uint32_t>(cap - 1);
  table_.assign(cap, Slot());
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t s = Hash(keys[k]) & mask_;
    while (table_[s].used) s = (s + 1) & mask_;
    Slot& slot = table_[s];
    slot.used = 1;
    slot.key = keys[k];
    for (int p = 0; p < passes; ++p) {
      const uint16_t m = masks[size_t(k) * passes + p];
      for (int t = 0; t < kNumTags; ++t) {
        if (m >> t & 1) slot.weights[p * kNumTags + t] = static_cast<int8_t>(in[pos++]);
      }
    }
  }
  num_features_ = n;
  passes_ = passes;
  return true;
}

uint32_t Weights::Find(uint32_t key) const {
  if (table_.empty()) return kAbsent;
  uint32_t s = Hash(key) & mask_;
  while (true) {
    const Slot& slot = table_[s];
    if (!slot.used) return kAbsent;
    if (slot.key == key) return s;
    s = (s + 1) & mask_;
  }
}

void Weights::Lookup(const SentenceFeatures& f, std::vector<uint32_t>* rows) const {
  const size_t n = f.ids.size();
  rows->resize(n);
  if (table_.empty()) {
    std::fill(rows->begin(), rows->end(), kAbsent);
    return;
  }
  // The table is larger than the caches: ask for the slots a few features ahead.
  constexpr size_t kAhead = 12;
  for (size_t k = 0; k < std::min(n, kAhead); ++k) {
    __builtin_prefetch(&table_[Hash(f.ids[k]) & mask_]);
  }
  for (size_t k = 0; k < n; ++k) {
    if (k + kAhead < n) __builtin_prefetch(&table_[Hash(f.ids[k + kAhead]) & mask_]);
    (*rows)[k] = Find(f.ids[k]);
  }
}

void Weights::Score(const SentenceFeatures& f, const std::vector<uint32_t>& rows, int pass,
                    std::vector<int32_t>* emit) const {
  const size_t n = f.size();
  emit->assign(n * kNumTags, 0);
  if (pass < 0 || pass >= passes_) return;
  for (size_t i = 0; i < n; ++i) {
    int32_t* e = emit->data() + i * kNumTags;
    for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
      if (rows[k] == kAbsent) continue;
      const int8_t* w = table_[rows[k]].weights + pass * kNumTags;
      for (int t = 0; t < kNumTags; ++t) e[t] += w[t];
    }
  }
}

void Weights::AddScores(const SentenceFeatures& f, int pass, std::vector<int32_t>* emit) const {
  if (pass < 0 || pass >= passes_) return;
  const size_t n = std::min(f.size(), emit->size() / kNumTags);
  for (size_t i = 0; i < n; ++i) {
    int32_t* e = emit->data() + i * kNumTags;
    for (const uint32_t* id = f.begin(i); id != f.end(i); ++id) {
      const uint32_t r = Find(*id);
      if (r == kAbsent) continue;
      const int8_t* w = table_[r].weights + pass * kNumTags;
      for (int t = 0; t < kNumTags; ++t) e[t] += w[t];
    }
  }
}

std::vector<int> Weights::DecodeScores(const std::vector<int32_t>& emit, int pass) const {
  const size_t n = emit.size() / kNumTags;
  if (pass < 0 || pass >= passes_ || trans_.size() != size_t(passes_) * kTransSize) {
    return std::vector<int>(n, 0);
  }
  return Viterbi(emit.data(), n, trans_.data() + size_t(pass) * kTransSize);
}

std::vector<int> Weights::Decode(const SentenceFeatures& f, int pass) const {
  std::vector<uint32_t> rows;
  Lookup(f, &rows);
  std::vector<int32_t> emit;
  Score(f, rows, pass, &emit);
  return DecodeScores(emit, pass);
}

}  // namespace byline::ner
