#include "core/quantities.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/sentences.h"
#include "core/tokenizer.h"
#include "tests/finder_cases.h"

namespace byline {
namespace {

std::vector<std::string> Find(const std::string& text) { return FindWith(FindQuantities, text); }

using Case = FinderCase;

void RunCases(const std::vector<Case>& cases) { RunFinderCases(FindQuantities, cases); }

TEST_CASE("dates") {
  RunCases({
      {"He said on Thursday that all allies agree.", {"DATE Thursday"}},
      {"The meeting in Brussels on April 3, 2023.", {"DATE April 3, 2023"}},
      {"It opened on 3 April 2023 in Oslo.", {"DATE 3 April 2023"}},
      {"Talks resume on Jan. 5 in Geneva.", {"DATE Jan. 5"}},
      {"date 2023-06-01 NATO", {"DATE 2023-06-01"}},
      {"The summit is in June 2023.", {"DATE June 2023"}},
      {"He was born in 1996.", {"DATE 1996"}},
      {"In 2004, prices rose. Since 1996 they fell.", {"DATE 2004", "DATE 1996"}},
      {"Prices rose in the 1990s.", {"DATE the 1990s"}},
      {"The 1990's were good, but 2020's budget was not.", {"DATE The 1990's", "DATE 2020"}},
      {"The event on June 5-7 was fun.", {"DATE June 5-7"}},
      {"Sales fell last week.", {"DATE last week"}},
      {"Talks resume next month.", {"DATE next month"}},
      {"She left two years ago.", {"DATE two years ago"}},
      {"It ended a few days ago with a one year ban.", {"DATE a few days ago", "DATE one year"}},
      {"It rained yesterday and today.", {"DATE yesterday", "DATE today"}},
      {"Today, it rained. \"Today's decision is right.\"", {"DATE Today", "DATE Today"}},
      {"Elections are due by mid-2024.", {"DATE mid-2024"}},
      {"Prices rose earlier this year.", {"DATE earlier this year"}},
      {"It has grown over the past two years.", {"DATE the past two years"}},
      {"On Thursday, April 3, 2023 it ended.", {"DATE Thursday, April 3, 2023"}},
      {"They met on the 3rd of May.", {"DATE 3rd of May"}},
      {"The vote is in May.", {"DATE May"}},
      {"They will meet on May 5.", {"DATE May 5"}},
      {"In March, prices rose.", {"DATE March"}},
      {"The May 2019 elections were close.", {"DATE May 2019"}},
      {"He will march on Sunday.", {"DATE Sunday"}},
      {"Profits rose in 2004/05.", {"DATE 2004/05"}},
      {"Sales fell in the fourth quarter.", {"DATE the fourth quarter"}},
      {"It ends at the end of the year.", {"DATE the end of the year"}},
      {"They met last Thursday.", {"DATE last Thursday"}},
      {"The formal July summit in Vilnius.", {"DATE July"}},
      {"Profits for the three months to December.", {"DATE three months", "DATE December"}},
      {"He got a two-year ban in May this year.", {"DATE two-year", "DATE May this year"}},
      {"The 36-year-old left in the late 1980s.", {"DATE 36-year-old", "DATE the late 1980s"}},
      {"Elections are expected in the second half of 2024.", {"DATE the second half of 2024"}},
  });
}

TEST_CASE("times") {
  RunCases({
      {"It starts at 3:30 p.m. sharp.", {"TIME 3:30 p.m."}},
      {"Doors open at 10 a.m. on Friday.", {"TIME 10 a.m.", "DATE Friday"}},
      {"The deadline is midnight.", {"TIME midnight"}},
      {"He spoke this morning.", {"TIME this morning"}},
      {"Fighting continued on Thursday night.", {"TIME Thursday night"}},
      {"Talks lasted two hours.", {"TIME two hours"}},
      {"The polls close at 1400 GMT on Friday.", {"TIME 1400 GMT", "DATE Friday"}},
      {"Shops open from 9am to 5pm.", {"TIME 9am", "TIME 5pm"}},
      {"Lunch is at 12:00 noon.", {"TIME 12:00 noon"}},
      {"It rained for the past 24 hours.", {"TIME the past 24 hours"}},
      {"Wait half an hour.", {"TIME half an hour"}},
  });
}

TEST_CASE("money") {
  RunCases({
      {"The deal is worth $3.5 billion.", {"MONEY $3.5 billion"}},
      {"Tickets cost €20 each.", {"MONEY €20"}},
      {"Profits were £600m.", {"MONEY £600m"}},
      {"He paid 100 million dollars.", {"MONEY 100 million dollars"}},
      {"A stamp costs 5 cents.", {"MONEY 5 cents"}},
      {"Aid of US$ 2 bn was pledged.", {"MONEY US$ 2 bn"}},
      {"Aid of US$2bn was pledged.", {"MONEY US$2bn"}},
      {"A budget of Rs 500 crore.", {"MONEY Rs 500 crore"}},
      {"It costs 50p or 5 dollars.", {"MONEY 50p", "MONEY 5 dollars"}},
      {"Profit jumped to $1.13bn (£600m).", {"MONEY $1.13bn", "MONEY £600m"}},
  });
}

TEST_CASE("percentages") {
  RunCases({
      {"Support fell to 40%.", {"PERCENT 40%"}},
      {"Support fell 12 percent.", {"PERCENT 12 percent"}},
      {"Growth was 3.5 per cent.", {"PERCENT 3.5 per cent"}},
      {"Rates rose by half a percentage point.", {"PERCENT half a percentage point"}},
      {"Profits jumped 76% to $1.13bn.", {"PERCENT 76%", "MONEY $1.13bn"}},
      {"Growth of 0.7-0.8% is expected.", {"PERCENT 0.7-0.8%"}},
      {"Prices rose 5.5pc.", {"PERCENT 5.5pc"}},
  });
}

TEST_CASE("quantities") {
  RunCases({
      {"The war displaced 1.2 million people.", {"QUANTITY 1.2 million people"}},
      {"The border is 500 km away.", {"QUANTITY 500 km"}},
      {"They walked 20 miles.", {"QUANTITY 20 miles"}},
      {"He sent 3,000 troops.", {"QUANTITY 3,000 troops"}},
      {"It was 40 degrees in Delhi.", {"QUANTITY 40 degrees"}},
      {"Nokia sold 167 million handsets.", {"QUANTITY 167 million handsets"}},
      {"It had 32 countries and 100 million over budget.", {}},
  });
}

TEST_CASE("no false positives") {
  RunCases({
      {"Theresa May said the plan may fail.", {}},
      {"May said the deal was good.", {}},
      {"Thousands march through the city.", {}},
      {"The March on Washington was peaceful.", {}},
      {"Will Smith and the Sun newspaper.", {}},
      {"She has 12 apples and 3 pears.", {}},
      {"I am sure he is right.", {}},
      {"April Ryan asked a question.", {}},
      {"The Sunday Times reported it.", {}},
      {"He scored 1,200 runs.", {}},
      {"Jan Egeland said one in five won 3-2.", {}},
      {"He told Today on Radio 4 that Windows 2000 and Euro 2004 were fine.", {}},
      {"She is a member of the team.", {}},
      {"50 Cent and the band 10s played on This Morning.", {}},
      {"The 24 Hour Party People film.", {}},
      {"", {}},
  });
}

TEST_CASE("the seed article's dates") {
  std::ifstream in(std::string(BYLINE_SOURCE_DIR) + "/seeds/nato-stoltenberg.txt",
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::vector<std::string> found = Find(buffer.str());
  std::vector<std::string> expected = {"DATE 2023-06-01", "DATE April 3, 2023", "DATE Thursday",
                                       "DATE Thursday",   "DATE July",          "DATE Thursday"};
  CHECK(Join(found) == Join(expected));
}

TEST_CASE("offsets stay exact around non-ASCII text and bad bytes") {
  std::string text = "Zelenskyy\xe2\x80\x99s plan \xff costs \xe2\x82\xac" "20 by Friday.";
  std::vector<std::string> found = Find(text);
  std::vector<std::string> expected = {"MONEY \xe2\x82\xac" "20", "DATE Friday"};
  CHECK(Join(found) == Join(expected));
}

TEST_CASE("long and hostile input") {
  SUBCASE("many candidates in a row stay sorted and disjoint") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "May 5, 2023 $ 3 million 40 % - - : 10:30 p.m. ";
    std::vector<std::string> found = Find(text);  // Find() checks order and overlap
    CHECK(found.size() == 4 * 20000);
  }
  SUBCASE("tokens that do not belong to the text give nothing, not a crash") {
    std::string text = "It cost $5 on Friday.";
    std::vector<Token> tokens = Tokenize(text);
    std::vector<Sentence> sentences = SplitSentences(text, tokens);
    CHECK(FindQuantities("short", tokens, sentences).empty());
    CHECK(FindQuantities(text, {}, {}).empty());
  }
  SUBCASE("digits, signs and dashes alone") {
    CHECK(Find("$ $ % - , : 2023-99-99 99:99 1/2/3/4").empty());
  }
}

}  // namespace
}  // namespace byline
