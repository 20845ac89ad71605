// Quotation marks and attribution constructions (core/quote_marks.h, core/quotes.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/analyzer.h"
#include "core/quote_marks.h"
#include "core/quotes.h"
#include "tests/span_invariants.h"

namespace {

std::vector<std::string> Inner(const std::string& text) {
  std::vector<std::string> out;
  for (const byline::QuotedSpan& q : byline::FindQuotedSpans(text)) {
    out.push_back(text.substr(q.begin, q.end - q.begin));
  }
  return out;
}

std::vector<byline::Quote> Direct(const byline::Analysis& a) {
  std::vector<byline::Quote> out;
  for (const byline::Quote& q : a.quotes) {
    if (q.kind == byline::QuoteKind::kDirect) out.push_back(q);
  }
  return out;
}

std::string Slice(const std::string& text, uint32_t b, uint32_t e) { return text.substr(b, e - b); }

}  // namespace

TEST_CASE("quotation marks of every newsroom style") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"straight", "He said \"we will win\" today.", {"we will win"}},
      {"curly", "He said \xE2\x80\x9Cwe will win\xE2\x80\x9D today.", {"we will win"}},
      {"single curly", "He said \xE2\x80\x98we will win\xE2\x80\x99 today.", {"we will win"}},
      {"single straight", "He said 'we will win' today.", {"we will win"}},
      {"guillemets", "Il a dit \xC2\xAB nous gagnerons \xC2\xBB hier.", {" nous gagnerons "}},
      {"backticks", "He said ``we will win'' today.", {"we will win"}},
      {"doubled apostrophes (NYT)", "''We will win,'' he said.", {"We will win,"}},
      {"low-high German", "Er sagte \xE2\x80\x9Ewir gewinnen\xE2\x80\x9C heute.", {"wir gewinnen"}},
      {"apostrophes are not marks",
       "Ukraine's allies\xE2\x80\x99 view of the \xE2\x80\x99" "90s and rock \xE2\x80\x99n\xE2\x80\x99 roll "
       "didn't change.",
       {}},
      {"possessive inside a quote", "\"NATO's door is open,\" he said.", {"NATO's door is open,"}},
      {"nested quotes stay inside",
       "\xE2\x80\x9CHe told me \xE2\x80\x98no way\xE2\x80\x99 twice,\xE2\x80\x9D she said.",
       {"He told me \xE2\x80\x98no way\xE2\x80\x99 twice,"}},
      {"nested straight in curly",
       "\xE2\x80\x9CThey call it \"the plan\" now,\xE2\x80\x9D she said.",
       {"They call it \"the plan\" now,"}},
      {"two quotes", "\"A,\" he said, \"B.\"", {"A,", "B."}},
      {"wrong-direction curly close", "He said \xE2\x80\x9Cwe will win\xE2\x80\x9C today.",
       {"we will win"}},
      {"markup is skipped", "<tweet id=\"1\" author=\"x\">\"We won,\" she wrote</tweet>",
       {"We won,"}},
      {"inches are not a mark", "He is 5'10\" tall and said \"hello there\" twice.",
       {"hello there"}},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) { CHECK(Inner(c.text) == c.want); }
  }
}

TEST_CASE("paragraphs bound quotations") {
  SUBCASE("a quotation continued over paragraphs is one") {
    const std::string text =
        "\xE2\x80\x9C" "First paragraph of the statement.\n\n\xE2\x80\x9CSecond paragraph ends it,"
        "\xE2\x80\x9D he said.";
    const auto spans = byline::FindQuotedSpans(text);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].multi_paragraph);
    CHECK(Slice(text, spans[0].begin, spans[0].end) ==
          "First paragraph of the statement.\n\n\xE2\x80\x9CSecond paragraph ends it,");
  }
  SUBCASE("an unclosed quotation ends with its paragraph") {
    const std::string text = "He said \"this never closes.\n\nNext paragraph has \"its own\" quote.";
    const auto spans = byline::FindQuotedSpans(text);
    REQUIRE(spans.size() == 2);
    CHECK_FALSE(spans[0].closed);
    CHECK(Slice(text, spans[0].begin, spans[0].end) == "this never closes.");
    CHECK(Slice(text, spans[1].begin, spans[1].end) == "its own");
  }
  SUBCASE("a stray closing mark is ignored") {
    CHECK(Inner("Nothing opens here\xE2\x80\x9D at all.").empty());
  }
  SUBCASE("an unpaired single mark is an apostrophe") {
    CHECK(Inner("The 'Tis season is here.").empty());
  }
}

TEST_CASE("100,000 quotation marks are handled (linear scan)") {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "\"a\" ";
  const auto spans = byline::FindQuotedSpans(text);
  CHECK(spans.size() == 50000);
  std::string opens(100000, '\"');
  CHECK(byline::FindQuotedSpans(opens).size() <= 50000);
  std::string curly;
  for (int i = 0; i < 100000; ++i) curly += "\xE2\x80\x9C";
  const auto unclosed = byline::FindQuotedSpans(curly);
  CHECK(unclosed.size() <= 1);
  byline::Analyzer analyzer;
  const byline::Analysis a = analyzer.Analyze(text);
  CHECK(byline::testing::CheckSpanInvariants(text, a) == "");
}

TEST_CASE("attribution constructions") {
  struct Case {
    const char* name;
    std::string text;
    std::string quote;    // the direct quotation
    std::string speaker;  // the speaker mention
    std::string name_;    // the resolved name
  };
  const std::vector<Case> cases = {
      {"\"...,\" X said", "\"We will win,\" Maria Lopez said.", "We will win,", "Maria Lopez",
       "Maria Lopez"},
      {"\"...,\" said X", "\"We will win,\" said Maria Lopez.", "We will win,", "Maria Lopez",
       "Maria Lopez"},
      {"X said: \"...\"", "Maria Lopez said: \"We will win the vote.\"", "We will win the vote.",
       "Maria Lopez", "Maria Lopez"},
      {"X said, \"...\"", "Maria Lopez said, \"We will win the vote.\"", "We will win the vote.",
       "Maria Lopez", "Maria Lopez"},
      {"X told reporters \"...\"", "Maria Lopez told reporters \"we will win the vote.\"",
       "we will win the vote.", "Maria Lopez", "Maria Lopez"},
      {"X added that \"...\"", "Maria Lopez added that \"the vote is ours to lose.\"",
       "the vote is ours to lose.", "Maria Lopez", "Maria Lopez"},
      {"according to X", "According to Maria Lopez, \"the vote is ours to lose.\"",
       "the vote is ours to lose.", "Maria Lopez", "Maria Lopez"},
      {"Asked about ..., X said", "Asked about the vote, Maria Lopez said \"we will win it.\"",
       "we will win it.", "Maria Lopez", "Maria Lopez"},
      {"a quoted fragment goes to the sentence subject",
       "Maria Lopez wants to ensure that \"history doesn't repeat itself\" in the city.",
       "history doesn't repeat itself", "Maria Lopez", "Maria Lopez"},
      {"title then name", "\"We will win,\" said Sen. Maria Lopez.", "We will win,",
       "Maria Lopez", "Maria Lopez"},
      {"the nominal speaker", "\"It was very nice,\" the gambling tycoon told Reuters.",
       "It was very nice,", "the gambling tycoon", ""},
      {"apposition ties a nominal to a name",
       "Tom Baker, the spokesman, met the press. \"We are ready,\" the spokesman said.",
       "We are ready,", "the spokesman", "Tom Baker"},
      {"a dash signs it", "\"Trump must stop it now.\" \xE2\x80\x95 Carla Sanchez",
       "Trump must stop it now.", "Carla Sanchez", "Carla Sanchez"},
      {"NYT doubled apostrophes", "''We finally may be seeing growth,'' the economist Jared "
       "Bernstein wrote on his blog.", "We finally may be seeing growth,", "Jared Bernstein",
       "Jared Bernstein"},
      {"mention joined to the fullest name",
       "Secretary-General Jens Stoltenberg arrived. \"The door is open,\" Stoltenberg said.",
       "The door is open,", "Stoltenberg", "Jens Stoltenberg"},
  };
  byline::Analyzer analyzer;
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      const byline::Analysis a = analyzer.Analyze(c.text);
      CHECK(byline::testing::CheckSpanInvariants(c.text, a) == "");
      const auto d = Direct(a);
      REQUIRE(d.size() == 1);
      CHECK(Slice(c.text, d[0].begin, d[0].end) == c.quote);
      REQUIRE(d[0].has_speaker);
      CHECK(Slice(c.text, d[0].speaker.begin, d[0].speaker.end) == c.speaker);
      CHECK(d[0].speaker_name == c.name_);
    }
  }
}

TEST_CASE("scare quotes and titles are not speech") {
  struct Case {
    const char* name;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"scare quotes", "The so-called \"experts\" were wrong again about the market."},
      {"two-word scare quotes", "Critics dismissed the \"peace dividend\" as a myth."},
      {"a film title", "The film \"The Art of the Deal Returns\" opened in Boston on Friday."},
      {"a show title", "He appeared on \"Fox News Sunday\" with the host."},
      {"a named ad", "The 30-second spot, titled \"Arrogant,\" features a New York Times report."},
      {"a named play", "Comedians perform a play called \"Los Hijos de Trump\" in Mexico City."},
  };
  byline::Analyzer analyzer;
  for (const Case& c : cases) {
    SUBCASE(c.name) { CHECK(Direct(analyzer.Analyze(c.text)).empty()); }
  }
  SUBCASE("a short quotation that is attributed is kept") {
    const std::string text = "\"No,\" he said.";
    CHECK(Direct(analyzer.Analyze(text)).size() == 1);
  }
  SUBCASE("a short quotation after a speech verb and a comma is kept") {
    const std::string text = "Trump called on her to resign and said, \"Her mind is shot!\"";
    CHECK(Direct(analyzer.Analyze(text)).size() == 1);
  }
}

TEST_CASE("partial quotes: fragments woven into the writer's sentence") {
  struct Case {
    const char* name;
    std::string text;
    std::string quote;
    bool partial;
  };
  const std::vector<Case> cases = {
      {"after \"that\", in lowercase",
       "Maria Lopez wants to ensure that \"history doesn't repeat itself\" in the city.",
       "history doesn't repeat itself", true},
      {"after an article",
       "Lopez said the \"pattern of Russian aggression against Ukraine\" must end.",
       "pattern of Russian aggression against Ukraine", true},
      {"the sentence goes on after it",
       "\"If there had not been that intervention\" by the allies, thousands would have died, "
       "Maria Lopez said.",
       "If there had not been that intervention", true},
      {"a comma, then the sentence goes on",
       "''To see how many cases could change is stunning,'' since so many decisions were 5-4.",
       "To see how many cases could change is stunning,", true},
      {"a whole sentence after \"that\"",
       "Stoltenberg said all allies agreed that \"NATO's door is open for new members.\"",
       "NATO's door is open for new members.", false},
      {"a whole quotation with its attribution after it",
       "\"We will win this fight,\" Maria Lopez said on Monday.", "We will win this fight,", false},
      {"a nominal attribution after it",
       "\"Subpoenas are not optional,\" panel chairman Jason Chaffetz said.",
       "Subpoenas are not optional,", false},
      {"after a colon", "Lopez put it plainly: \"we will not back down.\"",
       "we will not back down.", false},
      {"the writer's phrase: what it called",
       "The council pledged sanctions against what it called \"a clear threat to peace and "
       "security\" on Monday.",
       "a clear threat to peace and security", true},
      {"right after the verb that introduces it",
       "Beck called Bannon \"a horrible, despicable human being\" on Wednesday, and Trump says "
       "\"losing the war on terrorism is not an option.\"",
       "losing the war on terrorism is not an option.", false},
  };
  byline::Analyzer analyzer;
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      const byline::Analysis a = analyzer.Analyze(c.text);
      CHECK(byline::testing::CheckSpanInvariants(c.text, a) == "");
      const std::vector<byline::Quote> direct = Direct(a);
      const byline::Quote* found = nullptr;
      for (const byline::Quote& q : direct) {
        if (Slice(c.text, q.begin, q.end) == c.quote) found = &q;
      }
      REQUIRE_MESSAGE(found != nullptr, c.quote);
      CHECK(found->partial == c.partial);
    }
  }
  SUBCASE("a title said aloud is speech") {
    for (const std::string text : {std::string("Mrs. Clinton shook her head and said, ''No.''"),
                                   std::string("\"Word is,\" Trump said on Twitter.")}) {
      CAPTURE(text);
      CHECK(Direct(analyzer.Analyze(text)).size() == 1);
    }
  }
  SUBCASE("indirect quotes are never partial") {
    const byline::Analysis a = analyzer.Analyze("Maria Lopez said the plan would fail.");
    for (const byline::Quote& q : a.quotes) CHECK_FALSE(q.partial);
  }
}

TEST_CASE("a quoted transcript is one quote per turn, attributed to its label") {
  const std::string text =
      "Chris Wallace questioned Mike Pence on Sunday. Partial transcript as follows:\n\n"
      "\"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n"
      "\"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n"
      "\"(CROSSTALK.)\n\n"
      "\"WALLACE: Governor, I don't want to interrupt.\n\n"
      "\"Q: And the wall?\n\n"
      "\"A: It will be built.\"\n";
  byline::Analyzer analyzer;
  const byline::Analysis a = analyzer.Analyze(text);
  CHECK(byline::testing::CheckSpanInvariants(text, a) == "");
  const std::vector<byline::Quote> d = Direct(a);
  struct Want {
    std::string quote, label, name;
  };
  const std::vector<Want> want = {
      {"Will Gennifer Flowers be there tomorrow night?", "WALLACE", "Chris Wallace"},
      {"Gennifer Flowers will not be attending the debate tomorrow night.", "PENCE", "Mike Pence"},
      {"Governor, I don't want to interrupt.", "WALLACE", "Chris Wallace"},
      {"And the wall?", "Q", ""},
      {"It will be built.", "A", ""},
  };
  REQUIRE(d.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(want[i].quote);
    CHECK(Slice(text, d[i].begin, d[i].end) == want[i].quote);
    REQUIRE(d[i].has_speaker);
    CHECK(Slice(text, d[i].speaker.begin, d[i].speaker.end) == want[i].label);
    CHECK(d[i].speaker_name == want[i].name);
    CHECK_FALSE(d[i].partial);
  }
}

TEST_CASE("reported speech gives indirect quotations") {
  struct Case {
    const char* name;
    std::string text;
    std::string clause;
    std::string speaker;
  };
  const std::vector<Case> cases = {
      {"X said that CLAUSE", "Maria Lopez said that the vote would be close.",
       "that the vote would be close", "Maria Lopez"},
      {"X said CLAUSE", "Maria Lopez said the vote would be close.", "the vote would be close",
       "Maria Lopez"},
      {"X told Y that CLAUSE", "Maria Lopez told reporters on Friday that the vote would be close.",
       "that the vote would be close", "Maria Lopez"},
      {"CLAUSE, X said", "The vote would be very close, Maria Lopez said.",
       "The vote would be very close", "Maria Lopez"},
      {"X asked whether CLAUSE", "Maria Lopez asked whether the vote would be close.",
       "whether the vote would be close", "Maria Lopez"},
      {"according to X, CLAUSE", "According to Maria Lopez, the vote would be very close.",
       "the vote would be very close", "Maria Lopez"},
      {"X said there CLAUSE that ...: the clause opens at the pronoun",
       "Maria Lopez said there needs to be a law that requires disclosure.",
       "there needs to be a law that requires disclosure", "Maria Lopez"},
      {"X said much of NP was ...", "Maria Lopez said much of the talk was about taxes.",
       "much of the talk was about taxes", "Maria Lopez"},
      {"X says it's ...", "Maria Lopez says it's been a hard year for the party.",
       "it's been a hard year for the party", "Maria Lopez"},
      {"X told Y \"title\" that CLAUSE",
       "Maria Lopez told MSNBC's \"Morning Joe\" that nobody would question her record.",
       "that nobody would question her record", "Maria Lopez"},
      {"X told Y this CLAUSE", "Maria Lopez told reporters this was the only chance to act.",
       "this was the only chance to act", "Maria Lopez"},
      {"CLAUSE, NP for NP said", "The family watched the video twice, attorneys for the family said.",
       "The family watched the video twice", "attorneys for the family"},
      {"CLAUSE, said NP in NP", "The meeting went badly from there, said one source in the room.",
       "The meeting went badly from there", "one source"},
      {"CLAUSE, according to a long source",
       "According to early results of the exit poll conducted by Edison Research for the networks, "
       "Clinton led in both states.",
       "Clinton led in both states", "early results"},
      {"a fronted adverbial before CLAUSE, according to X",
       "In Wisconsin, a hotbed of union activism, Sanders won most union households, according to "
       "Maria Lopez.",
       "Sanders won most union households", "Maria Lopez"},
      {"X wants to VP", "Maria Lopez wants to raise taxes on the rich.",
       "to raise taxes on the rich", "Maria Lopez"},
      {"X wants Y to VP", "Maria Lopez wants Trump to lose the election.",
       "Trump to lose the election", "Maria Lopez"},
      {"they plan to VP", "They plan to release the analysis next week.",
       "to release the analysis next week", "They"},
      {"X promised to VP", "Maria Lopez promised to veto the bill.", "to veto the bill",
       "Maria Lopez"},
      {"X found that CLAUSE", "The inquiry found that the office rarely searched its email.",
       "that the office rarely searched its email", "The inquiry"},
      {"a poll shows NP", "The latest poll shows Clinton ahead by three points.",
       "Clinton ahead by three points", "The latest poll"},
      {"a poll with modifiers shows NP",
       "New polls released Sunday showed Clinton taking a lead in the race.",
       "Clinton taking a lead in the race", "New polls released Sunday"},
      {"a study by X found NP",
       "A 2014 study by law professor Justin Levitt found 31 cases of voter impersonation.",
       "31 cases of voter impersonation", "A 2014 study by law professor Justin Levitt"},
      {"X cited NP", "Maria Lopez cited comments the senator had made about women.",
       "comments the senator had made about women", "Maria Lopez"},
      {"X accused Y of ...", "Maria Lopez accused the Democrats of hiding the debates.",
       "the Democrats of hiding the debates", "Maria Lopez"},
      {"X called for NP", "Maria Lopez called for a voice vote on the rules.",
       "a voice vote on the rules", "Maria Lopez"},
      {"X called on Y to VP", "Maria Lopez called on Congress to pass a deal.",
       "Congress to pass a deal", "Maria Lopez"},
      {"a transcript turn outside quotation marks",
       "TAPPER: Do you think the senator has campaigned well? Tell us.",
       "Do you think the senator has campaigned well? Tell us", "TAPPER"},
      {"a headline: Name: CLAUSE", "Maria Lopez: No outside influence on the inquiry.\n\nText.",
       "No outside influence on the inquiry", "Maria Lopez"},
      {"In this poll, CLAUSE", "In this poll, Trump rose one point since the debate.",
       "Trump rose one point since the debate", "this poll"},
      {"X's claims that CLAUSE", "Voters heard Maria Lopez's false claims that she won the debate.",
       "that she won the debate", "Maria Lopez"},
      {"X told Y to VP", "Maria Lopez told her advisers to find another way.",
       "her advisers to find another way", "Maria Lopez"},
      {"..., promising to VP", "Maria Lopez embraced the plan, promising to exceed its goals.",
       "to exceed its goals", "Maria Lopez"},
      {"CLAUSE, said title Name",
       "The endorsement could matter more than his clout, said Democratic strategist Hank Sheinkopf.",
       "The endorsement could matter more than his clout", "Hank Sheinkopf"},
      {"X voted for NP", "Maria Lopez voted for the spending bill in March.",
       "the spending bill in March", "Maria Lopez"},
      {"X pointed to NP", "Maria Lopez pointed to charities that fund militant groups.",
       "charities that fund militant groups", "Maria Lopez"},
      {"X called for NP, ...: an object ends at the first comma",
       "Maria Lopez called for a ban on the imports, and the crowd cheered.",
       "a ban on the imports", "Maria Lopez"},
      {"X sees Y as Z", "Maria Lopez sees the senator as the stronger candidate.",
       "the senator as the stronger candidate", "Maria Lopez"},
      {"I know CLAUSE", "I know Americans are impatient with the war.",
       "Americans are impatient with the war", "I"},
      {"many fear CLAUSE", "Many fear they will be unable to collect their benefits.",
       "they will be unable to collect their benefits", "Many"},
      {"X agreed (that) CLAUSE", "Analysts agreed it was still a top-heavy plan.",
       "it was still a top-heavy plan", "Analysts"},
      {"the clause ends before a non-restrictive which",
       "Maria Lopez said the vote was delayed to March, which angered the party.",
       "the vote was delayed to March", "Maria Lopez"},
      {"\"…,\" X said, referring to NP",
       "\"We need steady hands,\" Maria Lopez said, referring to the business mogul.",
       "the business mogul", "Maria Lopez"},
  };
  byline::Analyzer analyzer;
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      const byline::Analysis a = analyzer.Analyze(c.text);
      std::vector<byline::Quote> indirect;
      for (const byline::Quote& q : a.quotes) {
        if (q.kind == byline::QuoteKind::kIndirect) indirect.push_back(q);
      }
      // Only the quotation marks in the text make direct quotes (a quoted title makes none).
      CHECK(a.quotes.size() - indirect.size() <=
            static_cast<size_t>(std::count(c.text.begin(), c.text.end(), '"') / 2));
      REQUIRE(indirect.size() == 1);
      const byline::Quote& q = indirect[0];
      CHECK(Slice(c.text, q.begin, q.end) == c.clause);
      REQUIRE(q.has_speaker);
      CHECK(Slice(c.text, q.speaker.begin, q.speaker.end) == c.speaker);
    }
  }
  SUBCASE("a subject the rules cannot pin down: the sentence's subject") {
    const std::string text =
        "Rep. Sander Levin (Mich.), a superdelegate supporting Clinton, said he has spoken with "
        "many fellow superdelegates.";
    const byline::Analysis a = analyzer.Analyze(text);
    REQUIRE(a.quotes.size() == 1);
    CHECK(Slice(text, a.quotes[0].begin, a.quotes[0].end) ==
          "he has spoken with many fellow superdelegates");
    REQUIRE(a.quotes[0].has_speaker);
    CHECK(a.quotes[0].speaker_name == "Sander Levin");
  }
  SUBCASE("reports with no speaker and their subject as a piece: seems to, is expected to") {
    // (Not a structured binding: CAPTURE's lambda cannot capture one in C++17 under clang.)
    for (const auto& row :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"The lack of enthusiasm seems to be a real issue for her campaign.",
              "The lack of enthusiasm", "to be a real issue for her campaign"},
             {"The veto is expected to come before the deadline on Friday.", "The veto",
              "to come before the deadline on Friday"}}) {
      const std::string& text = std::get<0>(row);
      const std::string& subject = std::get<1>(row);
      const std::string& clause = std::get<2>(row);
      CAPTURE(text);
      const byline::Analysis a = analyzer.Analyze(text);
      REQUIRE(a.quotes.size() == 2);
      CHECK(Slice(text, a.quotes[0].begin, a.quotes[0].end) == subject);
      CHECK(Slice(text, a.quotes[1].begin, a.quotes[1].end) == clause);
      for (const byline::Quote& q : a.quotes) {
        CHECK(q.kind == byline::QuoteKind::kIndirect);
        CHECK_FALSE(q.has_speaker);
      }
    }
  }
  SUBCASE("known as: the thing and its name, with no speaker") {
    const std::string text = "He won the group of contests known as Super Tuesday.";
    const byline::Analysis a = analyzer.Analyze(text);
    REQUIRE(a.quotes.size() == 2);
    CHECK(Slice(text, a.quotes[0].begin, a.quotes[0].end) == "the group of contests");
    CHECK(Slice(text, a.quotes[1].begin, a.quotes[1].end) == "Super Tuesday");
    CHECK_FALSE(a.quotes[0].has_speaker);
  }
  SUBCASE("reports with no speaker") {
    for (const auto& row :
         std::vector<std::pair<std::string, std::string>>{
             {"Mr. Quiros was accused of using the money for personal expenses.",
              "using the money for personal expenses"},
             {"Asked whether he would back the nominee, Reid said nothing.",
              "whether he would back the nominee"},
             {"When asked by a reporter if the plan would work, the senator laughed.",
              "if the plan would work"}}) {
      const std::string& text = row.first;
      const std::string& clause = row.second;
      CAPTURE(text);
      const byline::Analysis a = analyzer.Analyze(text);
      REQUIRE(a.quotes.size() == 1);
      CHECK(a.quotes[0].kind == byline::QuoteKind::kIndirect);
      CHECK(Slice(text, a.quotes[0].begin, a.quotes[0].end) == clause);
      CHECK_FALSE(a.quotes[0].has_speaker);
    }
  }
  SUBCASE("a parenthetical report with a short first part gives both parts") {
    const std::string text = "The museum, Maria Lopez said, would make visitors face hard truths.";
    const byline::Analysis a = analyzer.Analyze(text);
    REQUIRE(a.quotes.size() == 2);
    CHECK(Slice(text, a.quotes[0].begin, a.quotes[0].end) == "The museum");
    CHECK(Slice(text, a.quotes[1].begin, a.quotes[1].end) ==
          "would make visitors face hard truths");
  }
  SUBCASE("the clause ends before the speaker's next act, a report of its own") {
    const std::string text =
        "Maria Lopez said she regretted her remarks and promised to stay out of it.";
    const byline::Analysis a = analyzer.Analyze(text);
    REQUIRE(a.quotes.size() == 2);
    CHECK(Slice(text, a.quotes[0].begin, a.quotes[0].end) == "she regretted her remarks");
    CHECK(Slice(text, a.quotes[1].begin, a.quotes[1].end) == "to stay out of it");
    CHECK(a.quotes[1].speaker_name == "Maria Lopez");
  }
  SUBCASE("a report nested in another is left to the outer one") {
    const std::string text = "Maria Lopez said he thinks the campaign has stayed vague on taxes.";
    const byline::Analysis a = analyzer.Analyze(text);
    REQUIRE(a.quotes.size() == 1);
    CHECK(Slice(text, a.quotes[0].begin, a.quotes[0].end) ==
          "he thinks the campaign has stayed vague on taxes");
  }
  SUBCASE("nouns that look like speech verbs report nothing") {
    for (const std::string text :
         {std::string("Voters in swing states such as Florida and Texas remained undecided."),
          std::string("The report on the state budget was released in the spring."),
          std::string("A multi-year plan to align the forces was discussed in the spring."),
          std::string("Her hope to win the state faded over the summer."),
          std::string("Sanders won 40 percent of the pledged delegates in the state."),
          std::string("The states that voted early were small and rural."),
          std::string("The show found its audience in the spring."),
          std::string("The proposed rule was cited in the opposing brief."),
          std::string("The plan is intended to cut taxes for the middle class."),
          std::string("UPDATE: The first sentence has been clarified since publication."),
          std::string("In the spring, the vote went ahead as planned."),
          std::string("The claim that was made in the spring did not hold up."),
          std::string("He was confirmed by the Senate in a vote of 92 to 0."),
          std::string("Few know the state as well as the governor does."),
          std::string("The state had added an extra week of early voting in 2005."),
          std::string("Sanders claimed victory in the New Hampshire primary last month."),
          std::string("We saw the crowd leave as the rain began."),
          std::string("The fears of the voters were well known in the spring.")}) {
      CAPTURE(text);
      CHECK(analyzer.Analyze(text).quotes.empty());
    }
  }
  SUBCASE("a clause holding a quotation is left to the direct quotation") {
    const std::string text = "Maria Lopez said \"the vote would be close.\"";
    const byline::Analysis a = analyzer.Analyze(text);
    REQUIRE(a.quotes.size() == 1);
    CHECK(a.quotes[0].kind == byline::QuoteKind::kDirect);
  }
}

TEST_CASE("the seed article's 8 direct quotations and their speakers") {
  std::ifstream in(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.txt",
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  struct Want {
    std::string starts;
    std::string speaker;
    std::string name;
  };
  const std::vector<Want> want = {
      {"NATO's door is open", "Stoltenberg", "Jens Stoltenberg"},
      {"All allies also agree", "he", "Jens Stoltenberg"},
      {"It is not for Moscow", "he", "Jens Stoltenberg"},  // continuation: no attribution of its own
      {"history doesn't repeat itself", "Stoltenberg", "Jens Stoltenberg"},
      {"pattern of Russian aggression", "Stoltenberg", "Jens Stoltenberg"},
      {"What is very important", "he", "Volodymyr Zelenskyy"},
      {"I think security guarantees", "he", "Volodymyr Zelenskyy"},
      {"Russia can stop this war", "Zelenskyy", "Volodymyr Zelenskyy"},
  };
  byline::Analyzer analyzer;
  const byline::Analysis a = analyzer.Analyze(text);
  CHECK(byline::testing::CheckSpanInvariants(text, a) == "");
  const auto d = Direct(a);
  REQUIRE(d.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(want[i].starts);
    const std::string quote = Slice(text, d[i].begin, d[i].end);
    CHECK(quote.rfind(want[i].starts, 0) == 0);
    CHECK(text[d[i].begin - 1] == '"');  // the span starts right after the mark
    CHECK(text[d[i].end] == '"');
    REQUIRE(d[i].has_speaker);
    CHECK(Slice(text, d[i].speaker.begin, d[i].speaker.end) == want[i].speaker);
    CHECK(d[i].speaker_name == want[i].name);
  }
}

TEST_CASE("odd input: empty, invalid UTF-8, marks only, quotes at the edges") {
  const std::vector<std::string> texts = {
      "",
      "\"",
      "\"\"",
      "\xE2\x80\x9C\xE2\x80\x9D",
      "\"\xFF\xFE bad bytes \xC3\" he said.",
      "He said \"unterminated \xE2\x80\x9C nested",
      "\xE2\x80\x9C",
      "'''''''",
      "<tweet \"a\">",
      "\"" + std::string(1000, 'x') + "\" " + std::string(1000, ',') + " said X.",
  };
  byline::Analyzer analyzer;
  for (const std::string& t : texts) {
    CAPTURE(t);
    const byline::Analysis a = analyzer.Analyze(t);
    CHECK(a.ok());
    CHECK(byline::testing::CheckSpanInvariants(t, a) == "");
    for (const byline::QuotedSpan& q : byline::FindQuotedSpans(t)) {
      CHECK(q.open <= q.begin);
      CHECK(q.begin <= q.end);
      CHECK(q.end <= q.close_end);
      CHECK(q.close_end <= t.size());
    }
  }
}
