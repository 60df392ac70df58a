"""Compliance rules against two blind labelled sets written after the rules, by labellers who
never saw them (nor the rules' examples):

- tests/fixtures/labelled/industry_blind.jsonl: 200 chats in home renovation, auto, medical
  aesthetics and travel (zh_CN and en_US), labelled with the ids of those industries' rules;
  per-rule precision and recall, over whole conversations.
- tests/fixtures/labelled/claims_blind.jsonl: 240 agent messages in ten industries, labelled
  ``guarantee`` (the writer promises an outcome), ``absolute`` (superlative advertising terms) or
  ``none`` (half of them hedged, negated, conditional, quoted or third-party twins); recall per
  label and the share of twins flagged.

Every third item (by a hash of its id) was first held out; both sets were then tuned on whole.
More rounds followed, each by other blind labellers with the same briefs, written after the
tuning before them, scored once and then tuned on: round 2 (industry_fresh.jsonl,
claims_fresh.jsonl), round 3 (*_fresh2.jsonl), round 4 (*_fresh3.jsonl) and round 5
(*_fresh4.jsonl), then dev-large (*_devlarge.jsonl). Every round is now tuned on, so no column
here is a blind figure any more; the figure to quote is a round's first score, before tuning on it.

Round 5 (written 2026-12-06 by new blind labellers while round 4 was being tuned on) was scored
before and after the round-4 tuning and only then tuned on. Its first scores:

- industry rules: P 0.95 R 0.74 before the round-4 tuning, P 0.96 R 0.75 after it (zh_CN
  R 0.75, en_US R 0.74);
- claims, any violation: zh_CN P 0.91 R 0.83 (5/60 hard negatives flagged) before and after;
  en_US P 0.94 R 0.83 (3/60) before, P 0.94 R 0.85 after.

A larger blind dev set followed round 5 ("dev-large": tests/fixtures/labelled/
claims_devlarge.jsonl, 400 agent messages, 260 zh_CN and 140 en_US, half of them hard-negative
twins, in ten industries; industry_devlarge.jsonl, 200 chats), written by labellers who never saw
the rules. Its first scores, with the round-5 rules, are the latest blind figures:

- industry rules: P 0.98 R 0.73;
- claims, any violation: zh_CN P 0.94 R 0.72 (guarantee recall 0.57; 6/130 twins flagged),
  en_US P 0.92 R 0.83 (guarantee recall 0.75; 5/70 twins flagged).

It was then tuned on whole, as categories of wording written as structures rather than as its
phrases (a forfeit staked on the result failing, vouching with one's word, name or shop, a track
record with no failure, the outcome called a settled thing, a completed course of what we sell
before a certainty, a pledge tag whose antecedent is a service, a negation kept inside its own
comma clause, a tag question asking a clause back); its column now says nothing about unseen
text.

Round 4's first scores: industry rules P 0.94 R 0.78; claims zh_CN any-violation P 0.98 R 0.85
(1/60 hard negatives flagged), en_US P 0.88 R 0.73 (6/60). Earlier rounds' are in the commit
history. Tuning on one round moved the next blind round by 0-2 points: the rules recognised the
structures they were shown, and a fresh writer's wording was still missed about one time in four
(industry) or six (claims). The round-5 tuning therefore widened structures rather than adding
the round's phrases (hearsay praise, the product as the means of a pledge, a pronoun taking up
what we sell, a claim taken back later in its own message, the price or the history stated and
then pledged); whether that generalises is for the next blind round to show. Round 5's column
now reads 1.00 because it was tuned on, which says nothing about unseen text.

Round 6 (*_fresh5.jsonl: 240 messages, 200 chats) was written by new blind labellers at the
same time as dev-large and kept out of all tuning until its first scores were recorded; until
then only its totals were looked at, never its items. Scored at three points:

- the rules of the morning (plus the health rules of rubrics/medical.yaml): industry P 0.96
  R 0.78; claims zh_CN P 0.96 R 0.82 (2/60 twins flagged), en_US P 0.96 R 0.92 (2/60);
- after the round-5 tuning: industry P 0.97 R 0.81; claims zh_CN P 0.96 R 0.83, en_US P 0.97
  R 0.95;
- after the dev-large tuning: industry P 0.97 R 0.83 (zh_CN P 0.96 R 0.81, en_US P 0.98
  R 0.84); claims zh_CN P 0.96 R 0.90 (guarantee recall 0.86; 2/60 twins flagged), en_US P 0.97
  R 0.95 (2/60).

The dev-large set, larger and written to vary wording on purpose, moved the unseen round's
Chinese claims recall by seven points where earlier rounds moved it by two.

Round 6 was then tuned on whole, so its column too now says nothing about unseen text (it reads
industry P 0.99 R 1.00, claims P 1.00 R 1.00 in both locales, 0/60 twins flagged). Its misses
were written as structures, each with new flagged sentences and compliant twins of other words in
the rules' examples: an emoji ends a clause ("None at all 😊 Botox has no side effects"),
reassurances negate nothing ("no worries we guarantee approval"), 可以说是 is the writer's own
word, others promising or asking about a claim ("anyone promising permanent results", "people ask
if we're the best") and a claim judged unfitting (说…肯定不合适) are not claims; in the industry
rules, a pledge of likeness to a person named any way, the reader's feature made like hers, a car's
condition pledged in the first person (车况我保证, "I personally guarantee it"), shops named by
their goods as must-enter and spend floors, each guest's sum collected together, extras that
"must be added", the overrun put on our account, a negation looked for before the compulsion
itself (小费不强制); in the claims, vouching with 用/以/凭 one's credit, a completed course of what
we sell before a certainty, a sentence that makes sure of the one before, the -est of what we
sell with a scope, miracle products and 万能 wherever it stands, while return policies and on-time
arrival are services. The other parts' figures did not move.

Round 7 (*_fresh6.jsonl: 240 messages, 200 chats; new blind labellers, written while round 6
was being tuned on) was kept out of all tuning until its first scores were recorded. Its blind
figures, scored twice:

- with the dev-large rules: industry P 0.93 R 0.83 (zh_CN P 0.92 R 0.91, en_US P 0.93 R 0.75);
  claims zh_CN P 0.98 R 0.93 (1/60 twins flagged), en_US P 0.92 R 0.80 (4/60);
- after the round-6 tuning: industry P 0.93 R 0.84 (zh_CN P 0.92 R 0.92, en_US P 0.93 R 0.77);
  claims unchanged (en_US guarantee recall 0.78, absolute recall 0.83).

Round 7 has since been tuned on (its misses, English first, and all its false alarms), so every
round is now tuned on and no column here is a blind figure any more: quote the figures above, and
ask for a new blind round before claiming anything about unseen text. After the tuning it reads
industry P 1.00 R 1.00 and claims P 1.00 R 1.00 in both locales (0/60 twins flagged); the other
parts' figures did not fall, and the real-chat findings did not change. The misses and false
alarms were written as structures, each with new flagged sentences and compliant twins of other
words in the rules' examples: in the claims, a pledge tag closing a forecast or standing as its
own sentence ("You can count on it.", "I stand behind that 100%", "I'm certain of it"), the
reader's result as a plain forecast (a band reached, a medicine no longer needed, headache-free by
a date, good for 60k miles, not a single issue), what we sell resolving the reader's problem or
bringing a measure back to normal, absolute terms whose scope is everything there is ("the best
there is", "nothing beats it", top of the line, the most in a list before "on the market", "— the
only program in the country"); not claims: "I'd be lying if I said…" and other lies-if-we-said-it
frames, a crowd of others promising ("lots of programs promise"), what we can promise instead
being our own work (what I can promise is we'll file…, 我能保证的是每节课认真带你练), an arrival
time "sharp". In the industry rules: a result kept so whatever its subject ("your jaw stays slim
permanently", "Sculptra is permanent", "yours for life", "never comes back"); a guarantee of a
named person's feature; a stake on a car's condition and parts that never need replacing; permits
dodged by concealment (without pulling one, no need for a permit, by the time the HOA notices,
nobody's checking, called something else on paper); we get the visa approved; a free trip with a
required sales pitch a message later, and the whole group made to stop at the shops; a dealer
extra called mandatory; $0 due at signing; and not violations: an all-inclusive scoped to food and
drinks, the maker's word ("marketed as zero-VOC"), a headless 说 opening its clause (说包过的…), a
remedy within the warranty period, a zero-fee tour warned about. In Chinese: the trouble said
surely over (肯定就不疼了, 肯定不会再响了), concealment from the property office or the city
(你不说谁知道, 物业不会专门上来看), a celebrity's or a case photo's result pledged (明星同款,
与…一致), a token price per person (599一个人 含…), 顶级 before a material and the only one online
or in town (全网独一家).

Round 8 (*_fresh7.jsonl: 240 messages, 200 chats; new blind labellers, written while round 7
was being tuned on) was kept out of all tuning until its first scores were recorded. Its blind
figures, scored before and after the round-7 tuning with identical results: industry P 0.98
R 0.84 (zh_CN P 0.98 R 0.86, en_US P 0.97 R 0.81); claims zh_CN P 0.96 R 0.88 (2/60 twins
flagged), en_US P 1.00 R 0.83 (0/60). The round-7 tuning moved it by nothing: by now each new
writer's misses are wordings of their own, and tuning on one round no longer transfers to the
next.

Round 8 has since been tuned on (all its misses and false alarms), so again every round is tuned
on and no column here is a blind figure: quote the figures above, and ask for a new blind round
before claiming anything about unseen text. After the tuning it reads industry P 1.00 R 1.00 and
claims P 1.00 R 1.00 in both locales (0/60 twins flagged); elsewhere round 3's industry recall
rose from 0.97 to 0.98 and dev's Chinese guarantee precision from 0.95 to 1.00, nothing fell, and
the real-chat findings did not change. The misses were written as structures, each with flagged
sentences and compliant twins of other words in the rules' examples: in the claims, failure ruled
out ("no chance it fails"), "No doubt." or "Not maybe — definitely." as a sentence of its own
after a forecast, a lost faculty given back or the reader made young again, what we sell as the
means of an approval, a track record with no refusal in it, "I'm telling you," before a forecast,
the whole sum recovered, the outcome already the reader's ("you're getting that settlement"); in
Chinese a lifetime or "for ever" with any trouble (用一辈子都不会出问题, 这辈子都不会再渗水), a
certainty over the whole of the trouble (一定全部祛掉), a completed course before 肯定, no result
answered with our own person (没效果您来找我); not claims: a pledge narrowed to our own work
(只能保证课程质量), a response time (承诺24小时内响应), choosing us called no mistake
(首选我们准没错, a boast, not an outcome), a passing soreness said to be certain
(肯定会疼一下). Absolute terms:
the most of anything "ever made", the best "on the entire internet" or "money can buy", nobody
doing it "like we do", 全区/全县 before 最, 最顶级 as what a thing is, the benchmark of a place or
trade as what we are (本地…行业的标杆), the world's top grade (国际顶级, 品质世界第一). In the
industry rules: a negation before the compulsion itself ("…but no mandatory stores"), a kind of
tour described after a comma that refuses it (零团费的团我们不做，那种一般…), shops listed and all
to be entered, a guide's sales quota, a fixed stay in each shop, a price low because the tour has
shopping stops, a mandatory guide's tip; a price available only with our package, a later fee with
its sum or due at pickup, 首付：0元 and 均可办理, approval 100% after its label, any part that
will never have a problem, zero accidents guaranteed, no trouble of any kind within years
(三年内任何问题都不会有); the property office ignored, work done on the quiet, a cover story if
caught, "we just don't tell them", "nobody ever knows", "we never issue change orders", no health
effects whatsoever.

Round 9 (*_fresh8.jsonl: 240 messages, 200 chats; new blind labellers, written while round 8
was being tuned on) was kept out of all tuning until its first scores were recorded. Its blind
figures, scored at three points:

- with the rules before the round-8 tuning: claims zh_CN P 0.94 R 0.85 (3/60 twins flagged),
  en_US P 0.92 R 0.80 (4/60); industry P 0.97 R 0.75 (zh_CN P 0.93 R 0.80, en_US P 1.00
  R 0.71);
- after the round-8 tuning: claims zh_CN P 0.95 R 0.87, en_US unchanged; industry P 0.97
  R 0.75;
- after a promised outcome naming an industry rule's subject became that rule's finding
  (``promise_about``): industry P 0.97 R 0.80.

Round 9 has since been tuned on, so again every round is tuned on and no column here is a blind
figure: quote the figures above, and ask for a new blind round before claiming anything about
unseen text. After the tuning it reads industry P 0.99 R 0.98; claims zh_CN P 0.98 R 0.95 (1/60
twins flagged), en_US P 1.00 R 0.90 (0/60); the other parts' figures did not move, nor did the
real-chat findings or the reader's figures. Not all of it was fitted: two zero-fee tours whose
low price only the customer names, two Chinese promises made under a condition of finishing
what we sell (只需更换…就一定能, 只要…完成全部课时…一定能), a few absolute terms and English
pledges are still missed, and one chat labelled clean (a loan-only price disclosed up front with
the cash price beside it) is still flagged, as round 8's labellers would have it. The structures,
each with flagged sentences and compliant twins of other words in the rules' examples: a promise
that takes its subject up with a pronoun is about what the sentence or message before it named
(asked about a visa, "we'll get it, 100% guaranteed"; "that engine…. it's never gonna give you
trouble"); another's words end at a "but" ("they say that but nobody ever comes out to check");
the claim named as a kind of saying or offer after it (包过这种话, 零首付的那种大多…) in every
pattern rule; a negation stays in its clause when a space ends it (绝对没出过险 我给你担保) and
"no matter what" negates nothing; vouching to the reader in person (我给你担保, 包在我身上);
trouble ruled out with 绝不, or for the reader ("won't give you any more trouble"), or wiped out
for good; the reader's gain as a fact to come ("you'll walk away with"); a record with no failure
("every participant reaches…", "never had a client not get there"); the reader too after everyone
(…你肯定也行); "Swear." and "hold me to that" as pledges after a forecast; our course as the means
of a certainty anywhere before it in its clause; not promises: a job finished by a time (今天一定
帮您出好, "get you in today", "have your plan ready before Thursday"), "not able to promise",
"nothing is guaranteed" after it, the reader's own words taken up ("when you say you need a
guaranteed result"). In the industry rules: "for good", "never need it again", a person's exact
feature and a case just shown (保证就是这个效果) as subjects; 出险 and the paint as a car's history;
approval for everyone with a contraction; a tie to buying from us put with an auxiliary ("does
require"), 得在我们这买 and 不然就不是这个价; a fee collected on every deal after "no money down";
the filing naming other work or leaving the structural part out (别写拆墙, "leave it off the
invoice"), work timed for when the office is not watching, 物业那边; a certainty that not a
penny more is charged; a token price then its inclusions after an exclamation mark; "totally free"
anywhere in its clause; a fee for staying out of a group activity.

Round 10 (*_fresh9.jsonl: 240 messages, 200 chats; new blind labellers, each locale written on
its own) was kept out of all tuning until its first scores were recorded; only its totals were
looked at. Its blind figures, scored at four points of the same day, are the last figures for
text the rules had not seen:

- before the round-8 tuning: claims zh_CN P 0.96 R 0.83 (2/60 twins flagged), en_US P 0.98
  R 0.93 (1/60); industry P 0.96 R 0.71 (zh_CN P 0.93 R 0.72, en_US P 1.00 R 0.70);
- after it: claims en_US absolute R 0.92 -> 0.96, the rest unchanged;
- after ``promise_about`` and the denials, reported promises and remedy pledges that are no
  outcome promise: claims zh_CN P 0.98 R 0.83 (1/60); industry P 0.95 R 0.73;
- after the round-9 tuning (final): claims zh_CN P 0.98 R 0.83 (1/60), en_US P 0.98 R 0.93
  (1/60); industry P 0.95 R 0.74 (zh_CN P 0.91 R 0.74, en_US P 1.00 R 0.74).

So tuning on one labeller's set moved the next labeller's figures by 0.00-0.03, and the
structural change (a promise about an industry's subject) by about as much as two rounds of
tuning. Precision holds on unseen text (0.95-0.98); recall of the industry rules on a new
writer's wording (0.74) is the rules' limit, and the LLM judge is the way past it.

Round 10 has since been released for tuning and its industry part tuned on (all 28 misses and
4 false alarms); its claims part was not tuned on, but its items have been read, so no column
here is a blind figure any more: quote the figures above, and ask for a new blind round before
claiming anything about unseen text. After the tuning the industry part reads P 1.00 R 1.00
(107/107, zh_CN and en_US alike); round 9's industry recall rose from
0.98 to 0.99 (a customer-named price, "Yes!" and the shops in the same message) and round 3's
from 0.98 to 0.99; no part's precision or recall fell, the claims figures did not move (round
10's claims still read zh_CN P 0.98 R 0.83, en_US P 0.98 R 0.93), nor did the real-chat
findings. The misses were written as structures, each with flagged sentences and
compliant twins of other words in the rules' examples. A new pair of rule fields, ``takes_up``
with ``customer_named``: a pronoun or a bare yes stands for what the customer's last message
named, so the gas company the customer asked about dismissed as 找他们…没必要的, or a trip's
token price the customer named answered "yep everything included" / 全包的, is the dismissal or
the claim. In the patterns: a permit not pulled with or without an article ("we dont pull
permits"), the permit in a list of what is not needed ("no need for an engineer or a permit"),
skipping it called no risk ("little practical risk in not filing the permit"), "nobody looks
twice"; whatever turns up, no more money (出啥情况都不加钱), the price called fixed after its
figure (一口价1.8万 定死了), "wont pay a penny more", no change orders "period", the contract's
number "is the number", the overrun on us ("whatever we find is on us", "we eat anything
extra"); "non toxic" spelt apart, zero fumes; not a penny of the down payment (首付一分不用您出),
"没别的" as a no-other-fees claim, fees called required (必需费用) or due at pickup before they
are named; 没调过 without the meter, a chest-thumping pledge (拍胸脯); a person's feature as
what the reader will have ("you'll have Kylie's lips", "a jawline just like Bella Hadid's …
guaranteed", 拥有和某某一样的下颌线…我们保证), the same result pledged with no other comparison
(保证给你做出一样的效果), 永久去掉, "keep lifting your skin for life", "basically forever";
shops that are 必去, shops or paid sights the group must still enter (另外要进, 自费景点…必须
参加), stops "part of the itinerary", the guide expecting a spend, the group stopping at N shops,
a token price parted from its inclusions by an emoji, "yes totally free", a fee "payable in
cash" or charged per day, a waiver taken back in its own message (可以不买 但是…每人要交).
Not violations: the claim judged a con (零增项谁跟您说都是忽悠), the claim said not to exist here
(我们这零首付是没有的哈), a negation inside the gap of a likeness (打出来不会跟她一模一样的), a
pledge narrowed to the papers we prepare (我们只能保证材料没问题).

Round 11 (*_fresh10.jsonl) and round 12 (*_fresh11.jsonl), 240 messages and 200 chats each, were
scored blind at the start of their day and then tuned on (round 11's claims, then round 12's
claims; their industry parts only in a last pass on the permit rule). Blind figures, rules of
that morning: round 11 claims zh_CN P 1.00 R 0.82, en_US P 1.00 R 0.87, industry P 0.98 R 0.86;
round 12 claims zh_CN P 0.96 R 0.73, en_US P 0.98 R 0.88, industry P 0.92 R 0.69. Round 12 was
also the set on which the learned guarantee reader (``simulator/reading/_claims_model.py``,
never trained on round 12) was checked before round 12 was tuned on: claims zh_CN R 0.75 ->
0.78, en_US 0.88 -> 0.90 with it, precision unchanged. After tuning: round 11 claims 1.00/1.00,
round 12 claims 1.00/1.00 in both locales (its last two false findings, our own success rate
given with its caveat a clause later, went with the ``caveats`` field); their industry parts
read P 0.98 R 0.87 and P 0.92 R 0.70 (round 10's industry tuning moved them +0.01 each).

**Round 13** (*_fresh12.jsonl: 240 messages, 200 chats; new blind labellers briefed to write as
many different small businesses) has never been tuned on: only its totals were looked at. It is
the figure to quote for text the rules have not seen. With the rules of the start of the day:
claims zh_CN P 1.00 R 0.85, en_US P 0.94 R 0.78 (3/60 twins flagged), industry P 0.92 R 0.67
(zh_CN 0.91/0.60, en_US 0.93/0.74). With the final rules: claims zh_CN P 1.00 R 0.88 (0.85
without the learned reader), en_US P 0.94 R 0.83 (0.82 without), industry P 0.93 R 0.74 (zh_CN
0.92/0.68, en_US 0.93/0.80; 0.70 before two last passes on the industry misses that rounds 11
and 12 shared (permits; fees required after an all-inclusive or a price, shops or presentations
required, a loan promised whatever the credit), which lifted those two rounds by 0.09-0.13 and
rounds 13 and 14 by 0.04 and 0.02). Three rounds of tuning (10, 11, 12) moved it +0.00 to +0.04;
the goal of P and R >= 0.90 is met by precision everywhere and by recall nowhere on this writer.

**Round 14** (*_fresh13.jsonl, written late in the day and scored only with the rules of the end
of the day) has never been tuned on either: claims zh_CN P 0.98 R 1.00, en_US P 0.96 R 0.92
(rules alone 0.97 and 0.92; the rules of the start of the day 0.95 and 0.90), industry P 0.95 R
0.62 (zh_CN 0.90/0.55, en_US 1.00/0.69; 0.60 before the last two passes, 0.59 with the rules of
the start of the day). Two writers, two pictures for claims (recall 0.83-0.88 on round 13,
0.92-1.00 on round 14), one for the industry rules: recall 0.60-0.75 on a new writer's wording.

Later the same day (the next session) rounds 13 and 14 were released and tuned on, and **round
15** (*_fresh14.jsonl: 240 messages, 200 chats; blind labellers briefed as Hong Kong, Taiwan,
Singapore and Malaysian businesses and UK, Irish, South African and Canadian staff for claims,
county-level Chinese and small-town North American businesses for the industry chats) was
written and kept out of all tuning: only its totals were looked at. With the rules of the start
of that session: claims zh_CN P 0.91 R 0.82, en_US P 0.94 R 0.85, industry P 0.93 R 0.57 (zh_CN
0.90/0.53, en_US 0.94/0.61). With the final rules: claims zh_CN P 0.91 R 0.88 (absolute recall
0.83 -> 1.00 with a Chinese learned reader for absolutes, never trained on round 15), en_US P
0.95 R 0.88; industry P 0.94 R 0.71 (zh_CN 0.93/0.74, en_US 0.95/0.68). The tuning on rounds 13
and 14 (claims recall there 0.88/0.83 -> 0.98/0.95 and 1.00/0.92 -> 1.00/0.98; industry
0.74/0.62 -> 0.88/0.77, including a new ``together`` rule field for claims made of parts in any
order) moved round 15 by +0.00 to +0.03. So did a blind bank of 1,440 deliberately varied one-
message violations and twins (tests/fixtures/labelled/industry_bank_*.jsonl, 30 of each per rule
and locale): the industry patterns found 0.25 (zh_CN) and 0.30 (en_US) of its violations, 0.34
and 0.36 after structures from it, and round 15 did not move. A second bank by other writers
(industry_bank2_*.jsonl), scored before it was used: patterns 0.16 (zh_CN, P 0.85) and 0.34
(en_US, P 0.92). What moved round 15 was a learned second reader for nine industry rules
(``simulator/reading/_industry_model.py``, trained on the bank, the rules' examples and clean
chats, never on round 15): industry recall 0.58 -> 0.71 at precision 0.93 -> 0.94 (0.54 -> 0.73
on the nine rules once trained on both banks; ``bench/train_industry_model.py`` prints it). The
0.90 goal is met by precision and, for claims, nearly by English recall; industry recall on a
new writer is still seven violations in ten.

**Round 16** (*_fresh15.jsonl: 240 messages, 200 chats; livestream, RED and private-domain
sellers and US direct-response marketers for claims, city chains and national brokers for the
industry chats) was written at the end of that session, never tuned or trained on, and scored
once with the rules of its start and its end: claims zh_CN P 0.91 R 0.82 -> 0.91 R 0.88
(absolute recall 0.79 -> 0.96, the Chinese absolutes reader again), en_US P 0.96 R 0.73 -> 0.96
R 0.77 (English absolute recall 0.67 -> 0.71); industry P 0.91 R 0.74 -> P 0.91 R 0.83 (zh_CN
0.75 -> 0.84, en_US 0.74 -> 0.81). A second unseen writer, the same picture: the learned readers
carry to new wording, the structures much less.

The next session released rounds 15 and 16 and had two **claims banks** (claims_bank_*.jsonl:
90 guarantees, 90 absolutes and 180 near-twins per language, by labellers briefed as compliance
trainers) and a **third industry bank** (industry_bank3_*.jsonl) written blind. Read before they
were used, the banks said what a new writer does to the rubric: guarantee recall 0.73 (zh_CN) and
0.69 (en_US), absolute recall 0.80 and 0.70, industry recall 0.46 and 0.52 (patterns with the
learned readers of the time). The readers were retrained on them and the guarantee reader's gate
widened (see ``bench/train_claims_model.py``). **Round 17** (*_fresh16.jsonl: 240 messages, 200
chats; labellers briefed as an insurance broker's and clinic chain's support staff and as a
franchise group's transcript reviewer) was written at the start of that session, never tuned or
trained on, and scored once with the rules of the session's start and of its end: claims zh_CN P
0.93 R 0.93 -> P 0.93 R 0.93, en_US P 0.92 R 0.93 -> P 0.92 R 0.98 (absolute recall 0.92 ->
1.00); industry P 0.93 R 0.94 -> P 0.92 R 0.93 (zh_CN 0.96 -> 0.94, one violation fewer; en_US
0.91 -> 0.91, one false finding more). This writer was easier than rounds 15 and 16 for the
rules of both ends of the session; across three unseen writers claims recall is 0.77-0.98 and
industry recall 0.71-0.94.

Later that session round 17 was released and trained on, and a second pair of claims banks and a
fourth industry bank were written by labellers briefed as journalists collecting wording a
rule-writer would not think of; read before training, the rubric found 0.42 (zh_CN) and 0.47
(en_US) of their guarantees, 0.67 and 0.64 of their absolutes and 0.35 and 0.42 of their
industry violations. **Round 18** (*_fresh17.jsonl: 240 messages, 200 chats; a consumer
magazine's mystery shopper for claims, a former salesperson of all four industries for the
chats), written mid-session and never tuned or trained on, scored once with the rules of the
session's start and its end: claims zh_CN P 0.97 R 0.98 -> P 0.97 R 0.98, en_US P 0.95 R 0.93
-> P 0.95 R 0.98 (guarantee recall 0.92 -> 0.97, absolute 0.92 -> 1.00); industry P 0.99 R 0.88
-> P 0.99 R 0.89 (the nine rules with learned readers 0.88 -> 0.96 by
``bench/train_industry_model.py``; the three chat-level rules, whose take-back is still the
patterns' own, hold the rest).

**Round 19** (*_fresh18.jsonl: 240 messages, 200 chats; a market-regulation inspector who read
complaint screenshots for claims, a consumer-hotline volunteer for the chats), written at the
start of the next session and scored once, unseen, with that session's starting rules: claims
zh_CN P 0.95 R 0.95, en_US P 0.97 R 0.97 (guarantee recall 0.97 / 0.94, absolute 0.92 / 1.00);
industry P 0.97 R 0.89 (zh_CN 0.87, en_US 0.92), the misses nearly all chat-level take-backs
("a mandatory service & tip fee", 仍需支付200元的离团费, "it's not optional"). It was then
released and tuned on; the wording its misses shared with other writers (a fee required of all
guests, 必付, "not optional" read as a waiver) lifted round 18, never tuned on, from industry R
0.89 to 0.90.

**Round 20** (*_fresh19.jsonl; a hearing-aid and eyewear sales-floor manager for claims, a
magazine's mystery customer for the chats), written mid-session after round 19 was tuned on, and
scored once unseen with the rules of the session's start and of that moment: claims P 1.00 both
locales, R 0.97 -> 0.98 (zh_CN) and 0.97 -> 0.97 (en_US); industry P 0.95 R 0.88 -> 0.89 (zh_CN
0.85 -> 0.87, en_US 0.91). Its misses were again take-backs: an optional extra in the same message
waived a compulsory fee beside it ("…tipping kitty collected on day 1, and the night show is $25 if
you want it"), which is now read per clause. Tuned on after.

**Round 21** (*_fresh20.jsonl; a franchise owner who coaches small sellers on chat selling for
claims, a consumer-dispute mediator for the chats), written late in the session and scored once
unseen with the rules of the session's start and of that moment: claims zh_CN P 0.98 R 1.00 and
en_US P 0.93 R 0.95 alike (en_US twins: "I wish I could tell you it'll never come back", "no way
for me to promise"); industry P 0.96, R 0.91 -> 0.92 (zh_CN 0.89 -> 0.91, en_US 0.92 -> 0.94).
Over the three writers of that session industry recall went 0.88-0.91 -> 0.89-0.92 unseen.

**Round 22** (*_fresh21.jsonl; an ad copywriter turned complaints-desk lead for an online school
and physiotherapy studios for claims, a moderator of car, travel and home-decoration forums who
collected customers' chat screenshots for the chats), written at the start of the next session
and scored once unseen with its starting rules: claims zh_CN P 0.97 R 1.00, en_US P 0.95 R 0.95
(guarantee R 0.92: "our 8-week protocol will fully resolve your plantar fasciitis", "we'll have
your sciatica cured … you have my word"); industry P 0.97 R 0.91 (zh_CN P 0.96, en_US P 0.98, R
0.91 both), the misses take-backs again (a price made for a loan, revealed when the customer
pays cash; a shopping floor with a forfeit). Tuned on after: round 17 industry R 0.94 -> 0.95,
no earlier figure lower.

**Round 23** (*_fresh22.jsonl; an insurance seller turned sales trainer for car dealers, driving
and English schools, weight-loss and hair-transplant clinics for claims, an investigative consumer
journalist for the chats), written mid-session after round 22 was tuned on and scored once unseen
with the rules of the session's start and of that moment alike: claims zh_CN P 0.97 R 1.00,
en_US P 0.95 R 0.93; industry P 0.98 R 0.85 (zh_CN 0.86, en_US 0.85) - recall under the goal on
this writer. Its misses: approval whatever the credit (征信不良也可轻松获批, "we approve
everybody"), a price's conditions in an asterisked footnote or a package the rate "requires"
(要搭配…这是金融方案必须的), a free tour paid with a sales talk and daily shops, a fee "all
guests have to pay" at checkout, a price "won't change no matter what", work closed up "before
anybody sees it". Tuned on after: rounds 14, 17 and 18 (the last never tuned on) gain, no figure
lower.

**Round 24** (*_fresh23.jsonl; a nurse turned complaints officer who reviews clinics' chat scripts
for claims, a paralegal who assembled chat evidence for consumer cases for the chats), written late
in the session after rounds 22 and 23 were tuned on, scored once unseen with the rules of the
session's start and of that moment alike (the tuning of rounds 22-23 changed none of its
verdicts): claims zh_CN P 0.95 R 0.97, en_US P 0.95 R 0.92; industry P 0.94 R 0.90 (zh_CN P 0.96
R 0.89, en_US P 0.92 R 0.91). Its false findings: conditions told upfront as the price's own
(跟您说清楚：…这个价格的条件是…), "no mandatory packages", "any agency that guarantees approval is
a red flag", how zero-fee tours work explained, "the $0 down offer is for buyers with 720+
credit"; a miss came from an inch mark (Heritage Oak 1/2") read as an open quotation. Tuned on
after: rounds 6, 14, 15 and 18 (never tuned on) gain, no figure lower.

**Round 25** (*_fresh24.jsonl; a TV-shopping host turned coach of livestream and chat sellers for
claims, a franchise group's customer-experience auditor for the chats), the last of that session,
scored once unseen with the rules of the session's start -> of that moment: claims zh_CN P 0.97
R 0.95, en_US P 0.93 R 0.93 (alike); industry P 0.98 -> 0.99, R 0.89 (zh_CN 0.85, en_US 0.94).
Its misses were take-backs and claims in new words again (整备费 on every car, "that's a
requirement for the promo", "those you buy on arrival … you need both to get in", 必选套餐 handed
to the guide, 物业查不出来, 像赵丽颖那样). Over the four unseen chat writers of that session
industry precision was 0.94-0.99 and recall 0.85-0.91; claims P and R >= 0.92 in both locales.

**Round 26** (*_fresh25.jsonl; a night-shift chat agent turned trainer of AI assistants for
claims, a consumer-complaints podcaster for the chats), the last of that session, scored once
unseen with the rules of the session's start -> of that moment: claims zh_CN P 0.95 R 0.97,
en_US P 0.98 R 0.92 (alike); industry P 0.96 -> 0.97, R 0.95 (zh_CN 0.94, en_US 0.96). Tuned on
after (保过, 物业我们不报, 不需要走设计院, "no change orders no add ons", "What I can promise:"
as a narrowed pledge, "no matter what the can says", 拒签全额退…只能承诺这个): rounds 11, 13 and
18 (never tuned on) gain.

**Round 27** (*_fresh26.jsonl; a retired small-claims clerk answering a consumer forum for claims,
a chat-commerce platform's compliance officer for the chats), the last of that session, scored
once unseen with the rules of the session's start -> of that moment: claims zh_CN P 0.93 R 0.95,
en_US P 0.95 R 0.92 -> 0.93; industry P 0.95, R 0.97 -> 0.98. Its false findings included a
compulsory tip on a normal-priced tour read as a zero-fee tour (noted since round 20): a
compulsory tip now only takes back a free or token-price claim. A claim sentence closing with
its own full stop hid the take-back in the very next sentence of the same message; fixed.

**Rounds 28 and 29** (2026-12-07; *_fresh27.jsonl and *_fresh28.jsonl; a pharmacy-counter
manager who writes compliance training and a copy editor of chat scripts for claims, a
consumer-rights volunteer and a mystery shopper for the chats), written from a brief rebuilt
from the rules' descriptions alone and scored once unseen with the rules of that session's start
(731c3b2): claims round 28 zh_CN P 1.00 R 0.95, en_US P 0.98 R 0.98; round 29 zh_CN P 0.98 R
0.97, en_US P 0.98 R 0.88; industry round 28 P 0.96 R 0.82 (zh_CN 0.81, en_US 0.83), round 29 P
0.94 R 0.83 (zh_CN 0.82, en_US 0.84), the lowest first-sight recall in ten rounds. Seven of
round 28's misses were one rule: a price or rate on condition of our add- ons, insurance or
financing in words the patterns did not know (该优惠价需搭配本店精品礼包方可享受, "this special
APR requires purchase of the Protection Bundle"). Tuned on after; blind writers split on a car
price tied to our financing and said up front (rounds 4, 5, 10 and 23 labelled it clean, 28 and
29 not): the rule's own description ("ties it to buying the dealer's insurance, accessories or
financing") decides, so those four rounds lose a point or two of precision; an English price
given with its cash price stays a disclosure, as its twins say.

**Rounds 30-35** (2026-12-07; *_fresh29.jsonl to *_fresh34.jsonl; claims by an advertising-law
paralegal, a gym and retail sales manager, a medical-tourism rep turned forum moderator, a
linguist of sales talk, a clinic marketing coordinator and a screenwriter; chats by a scam
journalist, an outsourced chat QA reviewer, a small-claims mediator, a tour guide turned
used-car salesman, a retired building inspector and a DM sales coach), written from the same
rebuilt brief, each scored once unseen with the rules of the session's start (731c3b2) -> with
those of the moment it arrived, then tuned on. Claims, any violation, P/R: round 30 zh_CN
0.97/0.97, en_US 0.97/0.93; round 31 0.98/0.93, 1.00/0.93; round 32 1.00/0.98 -> 1.00/1.00,
0.98/0.88; round 33 0.95/0.97, 0.98/0.98; round 34 0.97/0.98, 0.95/0.97 -> 0.95/0.98; round 35
0.97/0.97, 0.98/0.87 -> 0.98/0.88. Industry P/R: round 30 0.98/0.87 -> 0.98/0.89; round 31
0.97/0.82 -> 0.97/0.83; round 32 0.91/0.86 -> 0.91/0.89; round 33 0.98/0.76 -> 0.98/0.78; round
34 0.96/0.88 -> 0.95/0.90; round 35 0.99/0.82 (alike).

**Rounds 36 and 37** (*_fresh35.jsonl, *_fresh36.jsonl; claims by a pharmaceutical rep turned
consumer-hotline operator and a chat-commerce content moderator, chats by an HOA board member
and travel blogger and by a consumer agency's investigator) were written after the last tuning
of that session and never tuned on: their columns are unseen figures of the rules at 4a6af3b.
Claims round 36 zh_CN P 0.98 R 0.93, en_US P 1.00 R 0.97; round 37 zh_CN P 0.97 R 0.97, en_US P
0.98 R 1.00 (the same with the rules of the session's start). Industry round 36 P 0.95 R 0.84
(0.82 at the start), round 37 P 0.96 R 0.85 (0.81 at the start; en_US 0.71 -> 0.79).

What these ten chat writers say: industry precision holds (0.91-0.99) and claims meet their
goals on almost every writer (three English claim writers at 0.87-0.88 recall), but first-sight
industry recall stays at 0.76-0.90 and a session of tuning on eight writers moved the next
writers' recall by 2-4 points. Each writer brings the violations in words of their own (a price
tied to our accessories or financing, the HOA kept in the dark, a tour paid for by shops on the
itinerary), and a pattern learned from one writer rarely reaches the next. Blind writers also
split on the car price tied to our financing and said with the cash price (eight earlier writers
labelled it clean, rounds 28-31 flagged it): it is a disclosure when offered as one of two
prices with the price and a hidden condition when said after the price or of the advertised
price.

**Rounds 38-45** (2026-12-07, second session; claims by a franchise script editor, a legal-clinic
intake worker turned WeChat-shop service lead and a clinic compliance trainer; chats by a
car-finance compliance officer, a homeowner-forum moderator, a consumer-association complaints
handler, a novelist who shadowed salespeople, a small-business ombudsman, a decoration-company
WeChat agent turned car and vacation seller, a linguistics student and a TV consumer-affairs
producer), the same brief, each scored once unseen on arrival. Industry P/R, session start
(4b58259) -> code of its arrival: round 38 0.95/0.84; round 39 0.95/0.88 (never looked at
until the end: 0.95/0.93 with the end code); round 40 0.94/0.88; round 41 0.97/0.86; round 42
0.97/0.88 -> 0.97/0.88, then tuned on; round 43 0.95/0.86 -> 0.95/0.92; round 44 0.97/0.90 ->
0.96/0.93; round 45 0.94/0.82 -> 0.94/0.89. Rounds 39, 43, 44 and 45 are never tuned on.
Claims, any violation P/R: round 38 zh_CN 0.94/1.00, en_US 1.00/0.93; round 39 1.00/0.95,
0.98/0.92 (both tuned on); round 40 (never tuned on) 1.00/0.93, 1.00/0.95.

**Round 46** (2026-12-07, third session; chats by a consumer-rights lawyer who reads chat
screenshots submitted as evidence), the same brief, scored once on arrival and never tuned on:
industry P/R 0.97/0.91 (zh_CN 0.95/0.90, en_US 0.98/0.92) with the code of the session's start
(885509b) and of its arrival. **Round 47** (the same session; a retired market-regulation
inspector who now teaches small sellers what they may promise), the same way: P/R 0.96/0.96
(zh_CN 0.97/0.98, en_US 0.96/0.95), never tuned on. **Round 48** (2026-12-07, fourth session;
a consumer association's former complaints handler who later trained a dealer group's sales
staff), scored on arrival with the code of the session's start (be8f05a): P/R 0.96/0.94 (zh_CN
0.95/0.98, en_US 0.97/0.89). **Round 49** (the same session; a tour operator's former
customer-service lead who now writes consumer guides to renovation and cosmetic clinics), the
same way, never tuned on: P/R 0.97/0.94 (zh_CN 0.96/0.93, en_US 0.98/0.96). Both were then read
and tuned on (denials and warnings that were flagged: 7 clean chats no longer flagged across all
sets, no violation lost). **Round 50** (a small-claims clerk, earlier on an aesthetics clinic's and
a used-car lot's sales floors), scored on arrival with the code before and after that tuning,
never tuned on: P/R 0.94/0.93 (zh_CN 0.93/0.91, en_US 0.95/0.95) with both.
**Round 51** (a former renovation-company WeChat sales rep, later a dealer's service writer and
a tour booker, now a complaints-forum moderator), written after this session's claim changes and
scored on arrival: P/R 0.92/0.93 (zh_CN 0.96/0.93, en_US 0.89/0.93); then tuned on for three
denials it flagged ("I'd never tell anyone a used truck is guaranteed accident free", "not a
permanent fix", "permanent hair reduction"), which also unflags two clean items of rounds 41-42.
**Round 52** (an insurance adjuster, earlier a car salesman and a medical spa's front desk),
written after every change of the session and never tuned on: P/R 0.95/0.96 (zh_CN 0.93/0.98,
en_US 0.98/0.94); the session's start code (be8f05a) 0.95/0.96 too.
**Round 53** (a retired plans examiner turned consumer advocate), written and scored with the
session's end code, never tuned on: P/R 0.93/0.94 (zh_CN 0.90/0.95, en_US 0.96/0.93).

**Claims round 41** (2026-12-07, third session; a pharmacy chain's former marketing reviewer
who now checks small businesses' advertising and chat scripts), scored once on arrival, never
tuned on. Any violation P/R zh_CN 0.98/0.97, en_US 0.95/0.97; guarantees 0.97/0.89 and
0.94/0.92 counted without ``medical_cure_rate`` (the start code's figure), 0.97/0.94 and
0.94/0.94 with it (see ``GUARANTEE_RULES``); absolute claims 1.00/1.00 and 0.92/1.00.
**Claims round 42** (the same session, written after every change of it; a journalist who
covers consumer fraud), never tuned on: any violation P/R zh_CN 1.00/0.97, en_US 1.00/0.98;
guarantees 1.00/0.94 and 1.00/0.97; absolute claims 1.00/1.00 in both; no hard twin flagged.
**Claims round 43** (2026-12-07, fourth session; a bilingual copywriter who wrote and then
audited clinics', tutoring centres' and law firms' chat scripts), scored once on arrival with the
code of the session's start (be8f05a), never tuned on: any violation P/R zh_CN 0.97/0.97, en_US
0.98/0.93; guarantees 0.97/0.94 and 0.97/0.92; absolute claims 0.96/1.00 and 1.00/0.96; hard
twins flagged 2 of 60 and 1 of 60. **Claims round 44** (the same session; a livestream agency's
compliance trainer), the same way: any violation zh_CN 0.97/0.95, en_US 0.93/0.93; guarantees
0.94/0.94 and 0.92/0.94; absolute claims 1.00/0.96 and 0.96/0.92; hard twins flagged 2 and 4 of 60.
**Claims round 45** (the same session, written after its claim changes; a retired newspaper
advertising-standards editor), never tuned on: any violation zh_CN 0.98/0.98, en_US 0.98/0.98;
guarantees 0.97/0.97 and 0.92/1.00; absolute claims 1.00/1.00 and 1.00/0.96; one hard twin of 60
flagged in each locale.

What changed between: the worst-recalled industry rules read their act as a structure
(``simulator/structures``: a price tied to buying something else from the dealer, a
next-to-free tour paid for by compulsory stops, work hidden from whoever must approve it, a
promise to look like a named target, "all included" then a cost due anyway) instead of more
phrases; on rounds 28-41 those rules' recall went 0.76-0.92 -> 0.96-1.00 at precision
0.95-0.99. The writers of this brief flag a car price tied to our financing even when offered
with the cash price; the rule now follows them and its description, so earlier writers who
called that a disclosure lose a point of precision on rounds 2, 3, 8, 19 and 26 (a condition
announced up front, 先跟您说清楚 / "so you have the full picture upfront", stays a disclosure).

    .venv/bin/python bench/blind_rules.py            # figures, dev and held-out
    .venv/bin/python bench/blind_rules.py --errors   # also the dev disagreements
    .venv/bin/python bench/blind_rules.py --errors round4   # ... or those of another part
    .venv/bin/python bench/blind_rules.py --errors dev-large
    .venv/bin/python bench/blind_rules.py --errors round6
    .venv/bin/python bench/blind_rules.py --errors round7
    .venv/bin/python bench/blind_rules.py --errors round8
    .venv/bin/python bench/blind_rules.py --errors round9
    .venv/bin/python bench/blind_rules.py --errors round10
    .venv/bin/python bench/blind_rules.py --errors round13   # ends its blindness
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.models import Transcript  # noqa: E402
from simulator.rubrics import BLOCKING, example_transcript, load_rubrics  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "labelled"
INDUSTRY_PREFIXES = ("home_", "auto_", "aesthetics_", "travel_")
GUARANTEE_RULES = {
    "outcome_promise",
    "medical_success_guarantee",
    "medical_painless_promise",
    "edu_guarantee",
    "legal_outcome_promise",
    "aesthetics_no_side_effects",
    "aesthetics_permanent_result",
    "aesthetics_before_after_promise",
    "auto_condition_guarantee",
    "auto_zero_down_or_loan_guarantee",
    "home_no_extra_charges",
    "home_pollution_free_claim",
    "travel_visa_guarantee",
    "medical_efficacy_claim",
    "medical_no_side_effects",
    "medical_cure_rate",
}
"""Rules that a reviewer would call "the agent promised an outcome". The claims brief lists "an
efficacy figure stated as fact ('cure rate 98%')" as a guarantee, so ``medical_cure_rate`` counts
here (since 2026-12-07; across claims rounds 2-41 guarantee recall 0.967 -> 0.978 zh_CN and
0.966 -> 0.973 en_US at unchanged precision; on dev-large one zh_CN cure-rate figure labelled
otherwise costs guarantee precision 1.00 -> 0.99)."""
ABSOLUTE_RULES = {"absolute_claim"}
CLAIM_RULES = (
    GUARANTEE_RULES
    | ABSOLUTE_RULES
    | {
        "medical_cure_rate",
        "medical_testimonial",
        "edu_success_board",
        "legal_outcome_promise",
    }
)
"""The claims set is about what an agent claims; contact rules are measured elsewhere."""


def _part_name(text: str) -> str:
    """ "round4", "round 4" and "Round-4" name the part "round 4"; "dev_large" is "dev-large"."""
    name = text.strip().lower().replace("-", " ").replace("_", " ")
    name = re.sub(r"^round\s*(\d+)$", r"round \1", name)
    return name.replace("held out", "held-out").replace("dev large", "dev-large")


def held_out(item_id: str) -> bool:
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 3 == 0


def _rows(name: str) -> list[dict]:
    path = LABELLED / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def industry_counts(rows: list[dict], rubrics, errors: list) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for row in rows:
        gold = set(row["labels"]["violations"])
        transcript = Transcript.model_validate({k: v for k, v in row.items() if k != "labels"})
        findings = [f for f in rubrics.apply(transcript) if f.rule.startswith(INDUSTRY_PREFIXES)]
        got = {f.rule for f in findings}
        rules = {
            r.id for r in rubrics.rules_for(row["industry"]) if r.id.startswith(INDUSTRY_PREFIXES)
        }
        for rule in rules:
            c = counts.setdefault(rule, Counter())
            if rule in gold and rule in got:
                c["tp"] += 1
            elif rule in got:
                c["fp"] += 1
            elif rule in gold:
                c["fn"] += 1
        if gold != got:
            missed, extra = sorted(gold - got), sorted(got - gold)
            errors.append((row["conversation_id"], missed, extra, findings))
    return counts


def claim_counts(rows: list[dict], rubrics, errors: list) -> dict[str, Counter]:
    counts: dict[str, Counter] = {"guarantee": Counter(), "absolute": Counter(), "any": Counter()}
    twins = Counter()
    for row in rows:
        transcript = example_transcript(row["text"], row["locale"], row["industry"])
        findings = [f for f in rubrics.apply(transcript) if f.severity in BLOCKING]
        got = {f.rule for f in findings}
        flagged = {
            "guarantee": bool(got & GUARANTEE_RULES),
            "absolute": bool(got & ABSOLUTE_RULES),
        }
        flagged["any"] = flagged["guarantee"] or flagged["absolute"] or bool(got & CLAIM_RULES)
        gold = {"guarantee": row["label"] == "guarantee", "absolute": row["label"] == "absolute"}
        gold["any"] = row["label"] != "none"
        for label in counts:
            c = counts[label]
            if gold[label] and flagged[label]:
                c["tp"] += 1
            elif flagged[label]:
                c["fp"] += 1
            elif gold[label]:
                c["fn"] += 1
        if row["label"] == "none":
            twins["n"] += 1
            twins["flagged"] += flagged["any"]
        if gold != flagged:  # missed, a false alarm, or the wrong kind of claim
            errors.append((row["id"], row["label"], row.get("kind"), row["text"], findings))
    counts["twins"] = twins
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors",
        nargs="?",
        const="dev",
        metavar="PART",
        help="list the disagreements of one part: dev (the default), held-out, round2, round3, "
        "round4, round5, dev-large, round6, round7, round8, round9, round10, round11, round12, "
        "round13, round14",
    )
    args = parser.parse_args()
    wanted = _part_name(args.errors) if args.errors else None
    rubrics = load_rubrics()

    industry = _rows("industry_blind.jsonl")
    parts = {
        "dev": [r for r in industry if not held_out(r["conversation_id"])],
        "held-out": [r for r in industry if held_out(r["conversation_id"])],
        "round 2": _rows("industry_fresh.jsonl"),
        "round 3": _rows("industry_fresh2.jsonl"),
        "round 4": _rows("industry_fresh3.jsonl"),
        "round 5": _rows("industry_fresh4.jsonl"),
        "dev-large": _rows("industry_devlarge.jsonl"),
        "round 6": _rows("industry_fresh5.jsonl"),
        "round 7": _rows("industry_fresh6.jsonl"),
        "round 8": _rows("industry_fresh7.jsonl"),
        "round 9": _rows("industry_fresh8.jsonl"),
        "round 10": _rows("industry_fresh9.jsonl"),
        "round 11": _rows("industry_fresh10.jsonl"),
        "round 12": _rows("industry_fresh11.jsonl"),
        "round 13": _rows("industry_fresh12.jsonl"),
        "round 14": _rows("industry_fresh13.jsonl"),
        "round 15": _rows("industry_fresh14.jsonl"),
        "round 16": _rows("industry_fresh15.jsonl"),
        "round 17": _rows("industry_fresh16.jsonl"),
        "round 18": _rows("industry_fresh17.jsonl"),
        "round 19": _rows("industry_fresh18.jsonl"),
        "round 20": _rows("industry_fresh19.jsonl"),
        "round 21": _rows("industry_fresh20.jsonl"),
        "round 22": _rows("industry_fresh21.jsonl"),
        "round 23": _rows("industry_fresh22.jsonl"),
        "round 24": _rows("industry_fresh23.jsonl"),
        "round 25": _rows("industry_fresh24.jsonl"),
        "round 26": _rows("industry_fresh25.jsonl"),
        "round 27": _rows("industry_fresh26.jsonl"),
        "round 28": _rows("industry_fresh27.jsonl"),
        "round 29": _rows("industry_fresh28.jsonl"),
        "round 30": _rows("industry_fresh29.jsonl"),
        "round 31": _rows("industry_fresh30.jsonl"),
        "round 32": _rows("industry_fresh31.jsonl"),
        "round 33": _rows("industry_fresh32.jsonl"),
        "round 34": _rows("industry_fresh33.jsonl"),
        "round 35": _rows("industry_fresh34.jsonl"),
        "round 36": _rows("industry_fresh35.jsonl"),
        "round 37": _rows("industry_fresh36.jsonl"),
        "round 38": _rows("industry_fresh37.jsonl"),
        "round 39": _rows("industry_fresh38.jsonl"),
        "round 40": _rows("industry_fresh39.jsonl"),
        "round 41": _rows("industry_fresh40.jsonl"),
        "round 42": _rows("industry_fresh41.jsonl"),
        "round 43": _rows("industry_fresh42.jsonl"),
        "round 44": _rows("industry_fresh43.jsonl"),
        "round 45": _rows("industry_fresh44.jsonl"),
        "round 46": _rows("industry_fresh45.jsonl"),
        "round 47": _rows("industry_fresh46.jsonl"),
        "round 48": _rows("industry_fresh47.jsonl"),
        "round 49": _rows("industry_fresh48.jsonl"),
        "round 50": _rows("industry_fresh49.jsonl"),
        "round 51": _rows("industry_fresh50.jsonl"),
        "round 52": _rows("industry_fresh51.jsonl"),
        "round 53": _rows("industry_fresh52.jsonl"),
    }
    if wanted is not None and wanted not in parts:
        parser.error(f"--errors: unknown part {args.errors!r} (known: {', '.join(parts)})")
    industry_errors: list = []
    results = {
        name: industry_counts(rows, rubrics, industry_errors if name == wanted else [])
        for name, rows in parts.items()
    }
    print(
        f"industry rules on {sum(len(p) for p in parts.values())} blind-labelled chats "
        "(conversation level)"
    )
    print(f"{'rule':<34}" + "".join(f"{name + ' P/R/F1 (n)':>25}" for name in parts))
    for rule in sorted(set().union(*(set(r) for r in results.values()))):
        line = f"{rule:<34}"
        for name in parts:
            c = results[name].get(rule, Counter())
            p, r, f = prf(c)
            line += f"{p:>7.2f}{r:>6.2f}{f:>6.2f} ({c['tp'] + c['fn']:>3})"
        print(line)
    for name in parts:
        total = sum(results[name].values(), Counter())
        p, r, f = prf(total)
        print(f"  all rules, {name}: P {p:.2f} R {r:.2f} F1 {f:.2f}")

    claims = _rows("claims_blind.jsonl")
    claim_parts = {
        "dev": [r for r in claims if not held_out(r["id"])],
        "held-out": [r for r in claims if held_out(r["id"])],
        "round 2": _rows("claims_fresh.jsonl"),
        "round 3": _rows("claims_fresh2.jsonl"),
        "round 4": _rows("claims_fresh3.jsonl"),
        "round 5": _rows("claims_fresh4.jsonl"),
        "dev-large": _rows("claims_devlarge.jsonl"),
        "round 6": _rows("claims_fresh5.jsonl"),
        "round 7": _rows("claims_fresh6.jsonl"),
        "round 8": _rows("claims_fresh7.jsonl"),
        "round 9": _rows("claims_fresh8.jsonl"),
        "round 10": _rows("claims_fresh9.jsonl"),
        "round 11": _rows("claims_fresh10.jsonl"),
        "round 12": _rows("claims_fresh11.jsonl"),
        "round 13": _rows("claims_fresh12.jsonl"),
        "round 14": _rows("claims_fresh13.jsonl"),
        "round 15": _rows("claims_fresh14.jsonl"),
        "round 16": _rows("claims_fresh15.jsonl"),
        "round 17": _rows("claims_fresh16.jsonl"),
        "round 18": _rows("claims_fresh17.jsonl"),
        "round 19": _rows("claims_fresh18.jsonl"),
        "round 20": _rows("claims_fresh19.jsonl"),
        "round 21": _rows("claims_fresh20.jsonl"),
        "round 22": _rows("claims_fresh21.jsonl"),
        "round 23": _rows("claims_fresh22.jsonl"),
        "round 24": _rows("claims_fresh23.jsonl"),
        "round 25": _rows("claims_fresh24.jsonl"),
        "round 26": _rows("claims_fresh25.jsonl"),
        "round 27": _rows("claims_fresh26.jsonl"),
        "round 28": _rows("claims_fresh27.jsonl"),
        "round 29": _rows("claims_fresh28.jsonl"),
        "round 30": _rows("claims_fresh29.jsonl"),
        "round 31": _rows("claims_fresh30.jsonl"),
        "round 32": _rows("claims_fresh31.jsonl"),
        "round 33": _rows("claims_fresh32.jsonl"),
        "round 34": _rows("claims_fresh33.jsonl"),
        "round 35": _rows("claims_fresh34.jsonl"),
        "round 36": _rows("claims_fresh35.jsonl"),
        "round 37": _rows("claims_fresh36.jsonl"),
        "round 38": _rows("claims_fresh37.jsonl"),
        "round 39": _rows("claims_fresh38.jsonl"),
        "round 40": _rows("claims_fresh39.jsonl"),
        "round 41": _rows("claims_fresh40.jsonl"),
        "round 42": _rows("claims_fresh41.jsonl"),
        "round 43": _rows("claims_fresh42.jsonl"),
        "round 44": _rows("claims_fresh43.jsonl"),
        "round 45": _rows("claims_fresh44.jsonl"),
    }
    claim_errors: list = []
    print(
        f"\nguarantees and absolute claims, {sum(len(p) for p in claim_parts.values())} "
        "blind-labelled agent messages"
    )
    for name, rows in claim_parts.items():
        counts = claim_counts(rows, rubrics, claim_errors if name == wanted else [])
        for locale in ("zh_CN", "en_US"):
            sub = claim_counts([r for r in rows if r["locale"] == locale], rubrics, [])
            figures = "  ".join(
                f"{label} P {prf(sub[label])[0]:.2f} R {prf(sub[label])[1]:.2f}"
                for label in ("guarantee", "absolute", "any")
            )
            twins = sub["twins"]
            print(f"  {name:<10}{locale}: {figures}  twins flagged {twins['flagged']}/{twins['n']}")
        del counts
    if wanted is not None:
        print(f"\ndisagreements, {wanted}")
        for conversation_id, missed, extra, findings in industry_errors:
            print("---", conversation_id, "missed", missed, "extra", extra)
            for f in findings:
                print("     ", f.rule, "|", f.evidence)
        for item_id, label, kind, text, findings in claim_errors:
            print("---", item_id, label, kind, "|", text)
            for f in findings:
                print("     ", f.rule, "|", f.evidence)


if __name__ == "__main__":
    main()
