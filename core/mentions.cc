#include "core/mentions.h"

#include <algorithm>
#include <unordered_map>

namespace byline {
namespace {

constexpr std::string_view kTitles[] = {
    "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Prof.", "Professor", "Sen.",
    "Senator", "Sens.", "Rep.", "Reps.", "Representative", "Congressman", "Congresswoman",
    "Gov.", "Governor", "Lt.", "Gen.", "General", "Col.", "Sgt.", "Adm.", "Capt.", "Maj.",
    "Cmdr.", "Rev.", "Pres.", "President", "Vice", "Secretary", "Secretary-General",
    "Secretary-general", "Mayor", "Speaker", "Chancellor", "Minister", "Prime", "Premier",
    "Chairman", "Chairwoman", "Chair", "Director", "Judge", "Justice", "Attorney", "Deputy",
    "King", "Queen", "Prince", "Princess", "Pope", "Sheikh", "Chief", "Commissioner",
    "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson", "Leader", "Majority", "Minority",
    "Whip", "Sheriff", "Detective", "Officer", "Candidate", "Nominee", "Presidential",
    "Former", "former", "Foreign", "Defense", "Defence", "State", "Interior", "Health",
    "Treasury", "Justice", "Commander", "Commander-in-Chief", "Emperor", "Lord", "Lady", "Sir",
    "Dame", "Bishop", "Cardinal", "Archbishop", "Rabbi", "Imam", "Coach", "Manager", "Founder",
    "CEO", "Chief-Executive", "Executive", "Chairperson", "Dean", "Provost", "Ayatollah",
    "Senate", "House", "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "GOP",
    "Independent", "Conservative", "Labour", "Liberal", "Green", "Sgt", "Gens.", "Atty.",
    "Superintendent", "Inspector", "Constable", "Councilman", "Councilwoman", "Councillor",
    "Councilor", "Alderman", "Assemblyman", "Assemblywoman", "Delegate", "Del.", "Pastor",
    "Father", "Sister", "Brother", "Dr.-Ing.", "Magistrate", "Treasurer", "Auditor",
    "Comptroller", "Solicitor", "Advocate", "Adviser", "Advisor", "Counsel", "Press",
    "Editor", "Correspondent", "Reporter", "Columnist", "Writer", "Analyst", "Strategist",
    "Economist", "Author", "Anchor", "Host", "Commentator", "Pollster", "Producer", "Publisher",
    "Activist", "Organizer", "Lawyer", "Spokesperson", "Aide", "Staffer", "Cofounder",
    "Co-founder", "President-elect", "Vice-President", "Lieutenant", "Sergeant", "Colonel",
    "Major", "Captain", "Admiral", "Corporal", "Private", "Agent", "Special",
};

bool IsSuffix(std::string_view w) {
  return w == "Jr." || w == "Sr." || w == "Jr" || w == "Sr" || w == "II" || w == "III" ||
         w == "IV";
}

bool IsAcronym(std::string_view w) {
  if (w.size() < 2) return false;
  int upper = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (c != '.' && c != '&' && !(c >= '0' && c <= '9')) {
      return false;
    }
  }
  return upper >= 2;
}

bool IsOrgWord(std::string_view w) {
  static constexpr std::string_view kOrg[] = {
      "Party", "Committee", "Council", "Department", "Ministry", "University", "College",
      "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd", "Ltd.", "LLC", "Association", "Institute",
      "Agency", "Commission", "Campaign", "Times", "Post", "News", "Journal", "Press", "Bank",
      "Foundation", "Organization", "Organisation", "Union", "Group", "Company", "Court",
      "Congress", "Senate", "Administration", "Office", "Bureau", "Service", "Network",
      "Alliance", "Federation", "Board", "Center", "Centre", "Club", "Church", "School",
      "Network", "Magazine", "Herald", "Tribune", "Reuters", "Television", "Radio", "Army",
      "Navy", "Police", "Fund", "Coalition", "Caucus", "Society", "Authority", "Forum",
      "Project", "Watch", "Media", "Airlines", "Motors", "Industries", "Holdings", "Partners",
      "County", "City", "District", "Province", "Republicans", "Democrats", "Assembly",
      "Parliament", "Legislature", "Cabinet", "Embassy", "Consulate", "Police", "Department's"};
  for (std::string_view o : kOrg) {
    if (w == o) return true;
  }
  return false;
}

struct Piece {
  uint32_t begin, end;
  std::string_view text;
};

std::vector<Piece> SplitWords(std::string_view text, Span s) {
  std::vector<Piece> out;
  uint32_t i = s.begin;
  while (i < s.end) {
    while (i < s.end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    uint32_t j = i;
    while (j < s.end && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j > i) out.push_back({i, j, text.substr(i, j - i)});
    i = j;
  }
  return out;
}

bool IsPersonTitle(std::string_view w) {
  return w == "Mr." || w == "Mrs." || w == "Ms." || w == "Miss" || w == "Mr" || w == "Mrs" ||
         w == "Ms" || w == "Sen." || w == "Senator" || w == "Rep." || w == "Gov." ||
         w == "President" || w == "Dr." || w == "Secretary" || w == "Secretary-General" ||
         w == "Minister" || w == "Mayor" || w == "Governor" || w == "Chancellor" ||
         w == "Congressman" || w == "Congresswoman" || w == "Judge" || w == "Justice" ||
         w == "Speaker" || w == "Gen." || w == "General" || w == "Prof." || w == "Pope" ||
         w == "King" || w == "Queen" || w == "Prince" || w == "Sir" || w == "Lady";
}

struct EntityState {
  std::string first;    // lowercase first name, if known
  std::string surname;  // lowercase
  size_t name_words = 0;
};

}  // namespace

bool IsTitleWord(std::string_view word) {
  for (std::string_view t : kTitles) {
    if (word == t) return true;
  }
  return false;
}

JoinedMentions JoinMentions(std::string_view text, const std::vector<NameMention>& mentions) {
  JoinedMentions out;
  out.entity_of.assign(mentions.size(), -1);
  out.name_span.resize(mentions.size());
  std::vector<EntityState> state;
  std::unordered_map<std::string, std::vector<int>> by_surname, by_first, by_alias, by_full;

  auto new_entity = [&](const std::string& type) {
    out.entities.push_back({});
    out.entities.back().type = type;
    state.push_back({});
    return static_cast<int>(out.entities.size() - 1);
  };
  auto compatible = [&](int e, const std::string& type) {
    const std::string& t = out.entities[e].type;
    return t.empty() || type.empty() || t == type;
  };
  auto most_recent = [&](const std::unordered_map<std::string, std::vector<int>>& map,
                         const std::string& key, const std::string& type,
                         const std::string& first) -> int {
    auto it = map.find(key);
    if (it == map.end()) return -1;
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e) {
      if (!compatible(*e, type)) continue;
      if (!first.empty() && !state[*e].first.empty() && state[*e].first != first &&
          !(first.size() <= 2 && state[*e].first[0] == first[0]) &&
          !(state[*e].first.size() <= 2 && state[*e].first[0] == first[0])) {
        continue;
      }
      return *e;
    }
    return -1;
  };

  for (size_t m = 0; m < mentions.size(); ++m) {
    const NameMention& mention = mentions[m];
    std::vector<Piece> w = SplitWords(text, mention.span);
    // Possessive endings are not part of the name.
    if (!w.empty()) {
      std::string_view& last = w.back().text;
      for (std::string_view p : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
        if (last.size() > p.size() && last.substr(last.size() - p.size()) == p) {
          last.remove_suffix(p.size());
          w.back().end -= static_cast<uint32_t>(p.size());
          break;
        }
      }
    }
    if (w.empty()) {
      out.entity_of[m] = new_entity(mention.type);
      out.name_span[m] = mention.span;
      continue;
    }
    // The name proper: after the last title word ("Texas Senator Ted Cruz"), from the leftmost
    // known first name there ("Republican Donald J. Trump"), else what follows the titles.
    size_t after_title = 0;
    for (size_t k = 0; k + 1 < w.size(); ++k) {
      if (IsTitleWord(w[k].text) || IsAcronym(w[k].text)) after_title = k + 1;
    }
    size_t start = w.size();
    for (size_t k = after_title; k + 1 < w.size(); ++k) {
      if (FirstNameGender(w[k].text) != Gender::kUnknown && !IsAcronym(w[k].text)) {
        start = k;
        break;
      }
    }
    if (start == w.size()) start = std::min(after_title, w.size() - 1);
    if (w[start].text == "the" || w[start].text == "The") ++start;
    if (start >= w.size()) start = w.size() - 1;
    bool person_title = false;
    Gender title_gender = Gender::kUnknown;
    for (size_t k = 0; k < start; ++k) {
      if (IsPersonTitle(w[k].text)) person_title = true;
      if (w[k].text == "Mr." || w[k].text == "Mr") title_gender = Gender::kMale;
      if (w[k].text == "Mrs." || w[k].text == "Ms." || w[k].text == "Mrs" || w[k].text == "Ms" ||
          w[k].text == "Miss") {
        title_gender = Gender::kFemale;
      }
    }
    size_t stop = w.size();
    while (stop > start + 1 && IsSuffix(w[stop - 1].text)) --stop;
    const size_t words = stop - start;
    out.name_span[m] = {w[start].begin, w[w.size() - 1].end};
    std::string name(text.substr(w[start].begin, w[w.size() - 1].end - w[start].begin));

    std::string type = mention.type;
    const Gender first_gender = words >= 2 ? FirstNameGender(w[start].text) : Gender::kUnknown;
    bool org_like = false;
    for (const Piece& p : w) org_like = org_like || IsOrgWord(p.text);
    if (type.empty()) {
      if (org_like || (w.size() == 1 && IsAcronym(w[0].text))) {
        type = "ORG";
      } else if (person_title || first_gender != Gender::kUnknown) {
        type = "PER";
      }
    }
    const std::string surname = AsciiLower(w[stop - 1].text);
    const std::string first = words >= 2 ? AsciiLower(w[start].text) : std::string();
    const std::string full = AsciiLower(name);

    int e = -1;
    if (type.empty() || type == "PER") {
      if (words >= 2) {
        e = most_recent(by_surname, surname, type, first);
      } else {
        e = most_recent(by_surname, surname, type, "");
        if (e < 0) e = most_recent(by_first, surname, "PER", "");
      }
    }
    if (e < 0) e = most_recent(by_full, full, type, "");
    if (e < 0 && w.size() == 1) e = most_recent(by_alias, full, type, "");
    if (e < 0) e = new_entity(type);

    JoinedEntity& ent = out.entities[e];
    EntityState& st = state[e];
    ent.mentions.push_back(static_cast<int>(m));
    out.entity_of[m] = e;
    if (ent.type.empty()) ent.type = type;
    if (words > st.name_words || ent.name.empty()) {
      ent.name = name;
      st.name_words = words;
    }
    if (ent.type == "PER" || ent.type.empty()) {
      if (!first.empty() && (st.first.empty() || st.first.size() <= 2)) st.first = first;
      st.surname = surname;
      by_surname[surname].push_back(e);
      if (!first.empty()) by_first[first].push_back(e);
    }
    by_full[full].push_back(e);
    if (ent.gender == Gender::kUnknown) {
      ent.gender = title_gender != Gender::kUnknown ? title_gender : first_gender;
    }
    // "North Atlantic Council (NAC)": the parenthesized acronym and the initials name it too.
    const uint32_t after = mention.span.end;
    if (after + 3 < text.size() && text[after] == ' ' && text[after + 1] == '(') {
      const size_t close = text.find(')', after + 2);
      if (close != std::string_view::npos && close - after < 14) {
        const std::string_view acr = text.substr(after + 2, close - after - 2);
        if (IsAcronym(acr)) by_alias[AsciiLower(acr)].push_back(e);
      }
    }
    if (w.size() >= 2) {
      std::string initials;
      for (const Piece& p : w) {
        if (!p.text.empty() && p.text[0] >= 'A' && p.text[0] <= 'Z') initials += p.text[0];
      }
      if (initials.size() >= 2) by_alias[AsciiLower(initials)].push_back(e);
    }
  }
  return out;
}

}  // namespace byline
