"""Precision and recall of a reader against the blind labelled agent replies.

The labelled sets (tests/fixtures/reading/blind_*.jsonl) were written by labellers who never saw
the reader's code, the personas' hint phrases or the reference agents' knowledge. Every third
item (by a hash of its id) is held out of tuning and reported on its own. A fourth set
(fresh_blind.jsonl, 320 replies by another blind labeller) arrived after all tuning; it was
scored blind (need answered F1 0.75, asked need 0.84, contact ask 0.90) and on 2026-12-06
tuned on. A fifth (fresh_blind2.jsonl, 320 replies by a new blind labeller, written during that
tuning) was scored blind first: need answered P 0.78 R 0.84 F1 0.81 (0.80 with the reader
before that day's tuning), asked need 0.88, other needs 0.56 (0.51 before), contact ask 0.96,
gives reason P 0.29 R 0.86, empathy 0.63, pressure 0.87, promises 0.83, greets 0.86. Since then
it is tuned on too (that round's rules were written looking at the disagreements of every part,
held-out included), so no column here is blind any more: a figure to quote needs a new set.
A sixth (dev_large.jsonl, 400 replies, 200 zh_CN and 200 en_US, by another blind labeller) was
scored blind first: need answered P 0.85 R 0.82 F1 0.83, asked need 0.88, other needs 0.60.
It is tuned on since ("dev-large", need answered F1 0.92 after that round, which moved every
other part's need figures up too), so it is no longer blind either.

A seventh (fresh_blind3.jsonl, "fresh3", 320 replies by another blind labeller, written at the
same time as dev-large) has been kept out of all tuning: only its totals were looked at, never
its items. Scored at three points (F1): the reader of the morning of 2026-12-06 need answered
0.76 (P 0.76 R 0.77), asked need 0.83, contact ask 0.91, pressure 0.88, promises 0.81, gives
reason 0.52, empathy 0.73, greets 0.87; after the fresh2 tuning need answered 0.78, contact ask
0.93, gives reason 0.84, empathy 0.96, greets 1.00; after the dev-large tuning need answered
0.81 (P 0.82 R 0.80), asked need 0.86, contact ask 0.93, pressure 0.88, promises 0.81. A second
labeller, shown only fresh2's texts, agreed with its labels at need answered F1 0.97: the goal of
0.90 is well inside what people agree on; the rules are what fall short. Since 2026-12-06 fresh3
is tuned on as well (its disagreements were read and sorted into structures: timetables and lists
of papers unnamed, sums owed and amounts off that are no price, deadlines that are no schedule,
decisions that are someone else's, call-backs with a time, pressure by a date, disowned pledges,
contact-ask near misses), so it is no longer blind: need answered 0.81 -> 0.93 (P 0.95 R 0.92),
asked need 0.96, other needs 0.75, contact ask 0.98, pressure 0.98, promises 0.97, with no other
part's figure lower.

An eighth (fresh_blind4.jsonl, "fresh4", 320 replies by another blind labeller, written while
fresh3 was being tuned on) was scored blind at two points. With the reader tuned on dev-large:
need answered F1 0.84, asked need 0.89, contact ask 0.92, pressure 0.87, promises 0.90; after
the fresh3 tuning (its last blind figures, the ones to quote): need answered P 0.86 R 0.86 F1
0.86, asked need 0.91, other needs 0.60, contact ask P 0.88 R 0.96 F1 0.92, pressure 0.93,
promises 0.90, gives reason 0.85, empathy 0.95, greets 1.00. Since 2026-12-06 fresh4 is tuned
on too (its need and contact-ask disagreements were read and sorted into structures: what a
gift is worth, clock times, years and head counts that are no price; refusals, "only known
after", "passed on to be checked" and "I can only help with" that answer nothing; a hello
before a statement; plans billed directly or a plan's plain yes or no; "N of our M", points,
who qualifies, a conditional yes; payment in parts and "no deal to be had"; the same or a
chosen provider; someone else's number, the shop's WeChat added for a coupon, an address
written out and a contact form; a charge named with a bare figure, "our fee is 1500"), so it is
no longer blind: need answered 0.86 -> 0.93 (P 0.92 R 0.94), asked need 0.97, other needs 0.69,
contact ask 1.00, with no other part's figure lower beyond one item. No part is blind now: a
figure to quote needs a new set.

A ninth (fresh_blind5.jsonl, "fresh5", 320 replies by another blind labeller, written while
fresh4 was being tuned on) was scored blind before and after the fresh4 tuning alike (its last
blind figures, the ones to quote): need answered P 0.79 R 0.85 F1 0.82 (before: R 0.85, after:
R 0.86), asked need 0.89, other needs 0.45 (P 0.42 R 0.50), contact ask 0.94, pressure 0.89,
promises 0.79, gives reason 0.73, empathy 0.86, consent 0.50, greets 1.00. The fresh4 tuning did
not transfer; the need-answered figure on a new writer had stayed between 0.81 and 0.86 through
three tuning rounds, against 0.97 agreement between two labellers.

Since then fresh5 is tuned on too, so no part is blind any more. That round read the
disagreements on needs the customer had not just asked in every part, held-out included, and
sorted them into structures rather than wordings: a deal's price is both the deal and the price
of what it names; papers told back as the customer's facts are no advice on evidence; an answer
given as a list goes on in every clause with its information (a session's length, a priced
material, a count per week there are that answer's); how long a matter takes answers the only
how-long question unnamed; a count per period answers a need asked that way; a shared ask word
still names the need whose information it is; who does the work answers "who does it?"; other
ways of saying alone; verbs of costing and coming, prepositions and comparisons name no
subject; what something depends on is no verdict. Then fresh5's act disagreements (consent
after the ask, contact asks next to a call-back, empathy said by "we" or 我懂, scarcity, pledges).
fresh5 after that round: need answered P 0.85 R 0.91 F1 0.88, asked need 0.90, other needs 0.75
(P 0.74 R 0.77), contact ask 1.00, pressure 0.97, promises 0.90, gives reason 0.80, empathy
0.94, consent 1.00, greets 1.00. Every other part's need figures rose too (other needs +0.05 to
+0.16), and no column of any part fell. Labels this round found in conflict with other sets were
left as they are: fresh5 does not credit an answer inside a boast ("completely painless,
guaranteed!"), an admission of fault as answering whose fault it is (other sets do), an apology
as empathy, or a next step without a contact ask as a reason unless it promises an estimate.

A tenth and an eleventh (fresh_blind6.jsonl, "fresh6", and fresh_blind7.jsonl, "fresh7", 320
replies each by two more blind labellers) were scored blind at two points, before any tuning on
them: with the reader before the fresh5 tuning and with it (the current reader, their last blind
figures, the ones to quote). fresh6 before: need answered F1 0.83 (P 0.82 R 0.84), asked need
0.91, other needs 0.49, contact ask 0.97, pressure 0.97, promises 0.76, gives reason 0.97,
empathy 0.88; after: need answered 0.85 (P 0.84 R 0.87), other needs 0.63. fresh7 before: need
answered 0.88 (P 0.86 R 0.90), asked need 0.95, other needs 0.62, contact ask 1.00, pressure
0.96, promises 0.90, gives reason 0.56 (this labeller counts any next step with a purpose as a
reason), empathy 0.98; after: need answered 0.90 (P 0.89 R 0.92), other needs 0.70. So the
fresh5 round, which read structures rather than one set's phrases, lifted two writers it never
saw (need answered +0.02, other needs +0.14 and +0.08).

Since then fresh6 and fresh7 are tuned on too, so no part is blind any more. That round read
their disagreements next to every other part's and fixed what several writers share: amounts
that are no price (a deposit to hold a place, a share off, a thing thrown in for signing), a
maker's subsidy on a trade-in as a deal, advice to choose anyone qualified as no credential of
the business; and acts: an apology for a refusal is no empathy, a feeling read in the customer
is; effort, capability, a bad state surely felt, a statistic, "for sure" as a yes and another
party's promise kept as a record are no promise, ", guaranteed!" closing a negated outcome is.
After it: fresh6 need answered P 0.88 R 0.87 F1 0.87, asked need 0.93, other needs 0.66,
promises 0.94, empathy 0.96; fresh7 need answered 0.91 (P 0.90 R 0.92), asked need 0.95, other
needs 0.72, promises 1.00, empathy 1.00; no column of any part fell. Labels left in conflict:
fresh6 and fresh7 credit an answer inside a boast ("100% safe", 百分之百能赢, "you WILL win"), as
most sets do but fresh5 and blind-extra do not (the reader keeps not crediting a bare boast);
the two disagree with other sets on "the same doctor who did it" as whose fault it is; fresh7
counts any next step with a purpose as a reason; fresh6 counts no consent in "if you want, leave
me your number".

**fresh8** (fresh_blind8.jsonl, 320 replies, 160 per locale, by another blind labeller writing
each locale on its own) was kept out of all tuning until the round described after these figures:
they are its pre-tuning (blind) figures, the ones to quote for replies the reader had not seen.
Scored at three points of the same day: before
the fresh5 round, need answered F1 0.87 (P 0.85 R 0.89), asked need 0.93, other needs 0.59,
contact ask 0.93, pressure 0.91, promises 0.86, empathy 0.84; after it, need answered 0.88
(P 0.86 R 0.90), other needs 0.63, pressure 0.96; after the fresh6/fresh7 round (final): need
answered 0.88 (P 0.86 R 0.90; zh_CN 0.85, en_US 0.91), asked need 0.93, other needs 0.63,
contact ask 0.93, pressure 0.96, promises 0.88, empathy 0.89, consent 0.78, greets 0.99; gives
reason 0.53 (like fresh7's, this labeller counts any next step with a purpose as a reason). The
last round moved it by 0.00-0.02: on a new writer the rules reader sits at need answered
0.85-0.91 (fresh6 0.85, fresh7 0.90, fresh8 0.88, each before tuning on it), under the 0.90
goal on two of three; two labellers agree at 0.97, so a model reader is the way past it.

Since then fresh8 is tuned on too (a new blind set takes its place as the held-out one), so no
part is blind any more. That round read its disagreements and fixed structures, not its wording,
each with a credited / not-credited twin in other words in tests/test_reading_rules.py: "the more
evidence, the better the odds" (越…越) and "whether it is easy to win" (好不好打) are no verdict;
round-the-clock (7×24 小时), "carry out one talk" (进行一次), a calendar year and years in business
(开了十五年) are no length of time; "depends on many factors" is no tendency; years of combined
experience no duration; a share in the answer about the fee is the fee's, not the odds; a thanks
naming the business, the question praised or called common (是很多家长关心的问题), "depends what
you mean" asked back and a matter put off (到时候再说) answer nothing; options listed inside a
question are asked about, not told; a deal answers a question about deals whatever service it is
on; a maker named with what it makes is news about materials unasked; one teacher throughout,
counted (固定一个老师), is a credential as 固定老师 is; advice that anyone qualified must do it
(须由正规医生) is no credential of ours;
"your (home, email) address" is a contact ask, a handset kept as evidence (原始手机) is not; a
negation does not reach across a comma (绝对没问题，今晚签约…); others wanting it counted in
digits; "you're going to win" and "we'll get you paid" are promises; "are you safe?" and a hearing
without the "I" are empathy, "please understand" (您理解一下) is not; "if it's easier" and
如果您愿意 leave the choice. fresh8 after it: need answered P 0.91 R 0.93 F1 0.92 (zh_CN P 0.82
-> 0.89, F1 0.85 -> 0.90; en_US 0.91 -> 0.94), asked need 0.96, other needs 0.72, contact ask
0.98, pressure 1.00, promises 0.93, empathy 0.94, consent 0.95, greets 0.99, gives reason 0.56.
No column of any other part fell (dev need answered 0.91 -> 0.92, held-out and fresh5 asked need
+0.01, fresh6 contact ask 0.97 -> 1.00, fresh7 pressure 0.96 -> 0.98). Left as they are, where
this labeller and other sets pull apart: answers inside a boast (it credits "guaranteed top ten"
but not 胜算很大), 放一百个心 and 肯定没问题 as promises (most sets count them), an address as the
answer about access, a count per week inside a price as the schedule, refunds offered unasked
(退还, "we'll remove the charge": the refund question is not named, and the obvious pattern
credits whose fault it is instead), "understandable question" as empathy.

**fresh9** and **fresh10** (fresh_blind9.jsonl, fresh_blind10.jsonl; 320 replies each, new blind
labellers) have never been tuned on: only their totals were looked at. fresh9 with the reader of
the start of 2026-12-06: need answered F1 0.87 (P 0.86 R 0.88; zh_CN 0.88, en_US 0.86), asked
need 0.90, other needs 0.69, contact ask 0.95, pressure 0.89, promises 0.88, consent 0.90;
fresh10 (scored a little later, the same reader but for the day's promise structures): need
answered 0.88 (P 0.92 R 0.84), asked need 0.92, other needs 0.67, contact ask 0.92, pressure 0.92,
promises 0.73, empathy 0.86. After the fresh8 round (final): fresh9 need answered 0.87 (P 0.87
R 0.88), contact ask 0.96, promises 0.88, consent 0.95; fresh10 need answered 0.88 (P 0.92
R 0.84), contact ask 0.92, promises 0.77. So the fresh8 round, which lifted fresh8 itself from
0.88 to 0.92, moved the next two writers by 0.00 on need answered: on a new writer the rules
reader sits at 0.87-0.88, under the 0.90 goal; the contact-ask goal (0.95) is met on one of the
two.

Later on 2026-12-06 (the next session) fresh9 and fresh10 were released for tuning, and two new
blind sets were written by labellers briefed as franchise QA readers (**fresh11**) and as staff
of small family businesses and cheap chatbots (**fresh12**), 320 replies each. Both were scored
with the reader of the start of that session: fresh11 need answered 0.89 (P 0.89 R 0.90),
contact ask 0.98, pressure 0.88, promises 0.86; fresh12 need answered 0.87 (P 0.90 R 0.85),
contact ask 0.98, pressure 0.96, promises 0.95. fresh11 was then tuned on with fresh9 and
fresh10, by causes two of them shared (a range's scale, the unit of a price read as a schedule,
a refusal to tell, a boast of case counts, deadlines with a date, 一次课一百六-style prices, an
account id's digits): fresh9/10/11 need answered 0.87/0.88/0.89 -> 0.89/0.90/0.92. **fresh12 was
never tuned on**; with the final reader of that session: need answered 0.88 (P 0.90 R 0.86;
zh_CN 0.87, en_US 0.88), asked need 0.90, other needs 0.74, contact ask 0.98, pressure 0.96,
promises 0.95, consent 0.60. The three tuned sets moved it +0.01. A learned second reader for
the asked need (a logistic regression per need type over question and reply, trained on all
other sets) lifted fresh12's asked need from F1 0.90 to 0.94, but read designed near-misses as
answers ("Registration closes Saturday, so grab a seat soon" for a schedule question at 0.999, a
$5-$900 range, "15% off" as a price) and took back real ones ("Our instructors are practicing
CPAs", 0.001): an agent could game it with surface cues, so it was not shipped.

**fresh13** (320 replies by labellers briefed as AI assistants and scripted outsourced chat
agents, with terse owners' replies; written at the end of that session, never tuned on): need
answered 0.84 with the reader of the start of the session and of its end (P 0.81 R 0.88; zh_CN
0.80 with P 0.76, other needs 0.54), asked need 0.90, contact ask 0.97 -> 0.98, pressure 0.87 ->
0.92, promises 0.89. On two unseen writers the reader's need answered is 0.84-0.88, under the
0.90 goal; contact ask (0.98) and pressure and promises (0.89-0.96) meet theirs.

**fresh14** (320 replies by a labeller briefed as a trainer of a regional chain's service teams;
written at the start of the next session, never tuned on; fresh12 and fresh13 were released):
with the reader of that session's start and of its end alike, need answered 0.90 (P 0.85 R
0.95; zh_CN 0.89, en_US 0.90), asked need 0.92, other needs 0.79, contact ask 0.95, pressure
0.97, promises 0.95, consent 0.75. Over three unseen writers need answered is 0.84-0.90.

**fresh15** (320 replies by a labeller briefed as an evaluator of AI customer-service products,
answers often given in passing; written mid-session after fresh14 was released and tuned on,
never tuned on itself): reader of the session's start -> end, need answered 0.90 -> 0.91 (P 0.91
R 0.90; zh_CN 0.90 -> 0.91, en_US 0.90), asked need 0.94, other needs 0.77 -> 0.78, contact ask
0.97, pressure 0.96, promises 0.96, consent 0.86. Over four unseen writers need answered is
0.84-0.91.

**fresh16** (320 replies by a labeller briefed as a quality analyst of an outsourced chat centre
for tutoring, dental and law leads; written at the start of the next session, scored once unseen
with its starting reader): need answered 0.91 (P 0.90 R 0.91; zh_CN 0.90, en_US 0.91), asked need
0.95, other needs 0.66, contact ask 0.94 (en_US 0.86: "just enter your phone number below",
"leave a phone number … or call our office"), pressure 0.97, promises 0.86. Released and tuned on
after: contact ask 0.97. Over five unseen writers need answered is 0.84-0.91.

**fresh17** (320 replies by a labeller briefed as a writer and tester of chatbot and live-chat
replies; written mid-session after fresh16 was tuned on, scored once unseen): need answered 0.88
(P 0.88 R 0.87; zh_CN 0.87, en_US 0.89), asked need 0.92, other needs 0.75, contact ask 1.00,
pressure 0.95, promises 0.83. Its labeller, like fresh16's, counts a guarantee ("You'll definitely
win", "Zero pain guaranteed") as answering the chances or pain question; the reader does not (a
boast tells nothing of this case, and the customer reacts to it as a promise), which costs four
pairs. Tuned on after: the time the customer asked about said back with nothing about it, 万 in a
place name and 985/211 read as sums.

**fresh18** (320 replies by a labeller briefed as a product manager who A/B-tested live-chat
replies; written late in the session, scored once unseen with the reader of its start and of that
moment alike): need answered 0.91 (P 0.92 R 0.90; zh_CN 0.90, en_US 0.92), asked need 0.95, other
needs 0.63, contact ask 0.97, pressure 0.88, promises 0.89. Tuned on after (pressure 0.98: an offer
held only so long, the first few only). Over seven unseen writers need answered is 0.84-0.91; the
three of that session 0.91, 0.88, 0.91.

**fresh19** (320 replies by a labeller briefed as a trainer who graded new hires' and bots'
replies at an outsourced service centre; written at the start of the next session and scored once
unseen with its starting reader): need answered 0.90 (P 0.91 R 0.89; zh_CN 0.89, en_US 0.92),
asked need 0.95, other needs 0.74, contact ask 0.97, pressure 0.95, promises 0.89, consent 0.90 -
every goal met on this writer. Tuned on after: a count that is a price's unit (两百一节) is no
timetable, and a rival service named first owns the price after it (补牙…，一颗三百 answers no
cleaning question): need answered 0.91. Over eight unseen writers need answered is 0.84-0.91.

**fresh20** (320 replies by a labeller briefed as an operations lead who reviewed WhatsApp and
WeChat sales transcripts and wrote reply templates; written mid-session after fresh19 was tuned
on, scored once unseen with the reader of the session's start and of that moment alike): need
answered 0.91 (P 0.90 R 0.92; zh_CN 0.89, en_US 0.92), asked need 0.94, other needs 0.76,
contact ask 0.94, pressure 0.94, promises 0.87, consent 0.94. Its labeller, like the earlier ones,
reads gives_reason as the purpose of any next step (0.67 here); the reader keeps it to what a
contact asked for is for. Tuned on after (need 0.92, contact 0.98, pressure 0.98, promises 1.00):
the odds declined ("every case is unique and depends on many factors", 很难一概而论), a hotline's
hours, a number to dial and "3 years in a row" are no answers; "I can email you the itemized
statement" and 发到我们邮箱 ask for nothing; "before someone else grabs it" and "booking up fast"
press; "we can work around her schedule for sure", 多数…就能解决 and 肯定会尽全力 promise nothing.

**fresh21** (320 replies by a labeller briefed as a linguist who annotated customer-service chat
corpora for a chatbot vendor; written late in the session after fresh19 and fresh20 were tuned on,
scored once unseen with the reader of the session's start -> of that moment): need answered
0.90 -> 0.91 (zh_CN 0.90 -> 0.91, en_US 0.91), asked need 0.94 -> 0.95, contact ask 0.93,
pressure 0.86, promises 0.81. Below the goals on this writer: contact (a handset to back up, a
phone kept as evidence), pressure (markdown around "**3 spots left**", "hold her spot til
midnight", "flying off the lot") and promises (a workmanship guarantee, 基本无痛, a list of services
pledged, 打包票 called unreliable). Tuned on after: contact 0.96, pressure 0.98, promises 0.96. Over
the three unseen writers of that session need answered is 0.90-0.91 with the reader of its start.

**fresh22** (320 replies by a labeller briefed as a UX researcher who studied chat agents for a
tutoring chain, a dental group, a legal-services startup, a car marketplace and a home-repair
platform; the last of that session, scored once unseen with the reader of the session's start ->
of that moment): need answered 0.90 (P 0.90 R 0.90; zh_CN 0.90, en_US 0.91), asked need 0.94,
contact ask 1.00, pressure 0.90 -> 0.92, promises 0.86 - every goal met on this writer with the
reader of the session's start. Tuned on after (need 0.91, pressure 1.00, promises 0.97): a
button's label (【立即预约】), an adviser's working hours, "a few spots left … they go fast",
每天限10个名额, 1月15日前报名再减200, 完全没有风险, "everyone qualifies" after "Absolutely not,".
Its labeller, unlike three earlier ones, does not count "Cheapest implant in town, guaranteed!" as
a promise; the reader keeps the majority reading.

**fresh23** (320 replies by a labeller briefed as a market-research mystery shopper who kept every
reply; written at the end of the session, scored once unseen with the reader of the session's
start -> of that moment): need answered 0.85 (P 0.85 R 0.85; zh_CN 0.82, en_US 0.87), asked need
0.93, other needs 0.60, contact ask 0.98, pressure 0.82 -> 0.84, promises 0.97. The need figure
is the lowest of the session's writers: its labeller counts guarantees as answers (five pairs),
and a price named with words the persona never used ("指导价十五万九千八" after a financing
question) goes to the question asked. Tuned on after: pressure 0.95 ("so we don't lose any more
time", 马上就满了, 下个月就涨了, "offer valid through March 31", "[Book Now]" as a button, not
"any pain right now or…"); 送一次 is no count of visits.

**fresh24** (320 replies by a labeller briefed as a call-centre team lead who wrote the chat style
guide for staff and the AI assistant; the last of that session, scored once unseen with the reader
of the session's start and of that moment alike): need answered 0.86 (P 0.89 R 0.84; zh_CN 0.87,
en_US 0.86), asked need 0.91, contact ask 1.00, pressure 0.89, promises 0.92. Like fresh23's, its
labeller counts blanket guarantees as answers. Tuned on after (need 0.87): the fault put on the
customer answers whose fault it is ("That's definitely not on us", 跟我们医生没关系，是您自己…),
and a loan question is answered by a share or a rate (首付最低两成, 两年的免息, "5.9% APR"); fresh6,
fresh7, fresh9 and fresh19, all tuned on before, gain. Over the six unseen writers of that
session need answered was 0.85-0.91 with the reader of its start, contact ask 0.93-1.00, pressure
0.82-0.95, promises 0.81-0.97.

**fresh25 and fresh26** (2026-12-07; 320 replies each, by labellers briefed as a customer-experience
researcher and a night-shift team lead who trains human and AI chat agents, from a brief rebuilt
from the label definitions alone), scored once unseen with the reader of that session's start
(731c3b2) and at first kept out of all tuning: fresh25
need answered 0.88 (P 0.92 R 0.85), asked need 0.92, contact ask 0.93, pressure 0.92, promises
0.83; fresh26 need answered 0.92 (P 0.92 R 0.92), asked need 0.95, contact ask 0.92, pressure
0.88, promises 0.80 (P 0.70). Both read "asks consent" far more widely than the reader (recall
0.22 and 0.14): their brief's wording ("asks permission before contacting them") may differ from
the earlier briefs', so that figure is not comparable with earlier sets.

Since then fresh25 is tuned on (promises 0.83 -> 1.00, contact ask 0.93 -> 0.95: a warranty
pledged is a policy, our own WeChat ID written out is an offer, a list of papers answers what to
bring and is no keyword blob); fresh26 is still out of all tuning.

**fresh27-fresh32** (2026-12-07; labellers briefed as a conversation designer, a retired dental
receptionist, a patient advocate, a usability tester, an adult-education counsellor and a data
annotator), each scored once unseen with the reader of the session's start (731c3b2) -> of the
moment it arrived: need answered 0.88, 0.91, 0.91, 0.88, 0.87, 0.90; contact ask 0.92, 0.93,
0.95 -> 0.96, 0.89 -> 0.91, 0.96, 0.90 -> 0.93; pressure 0.86, 0.88, 1.00, 0.90, 0.87, 0.92;
promises 0.80, 0.96, 0.74 -> 0.76, 0.87 -> 0.90, 0.88 -> 0.91, 0.83 -> 0.87. fresh27 (contact
asks, pressure, promises), fresh28 (contact asks) and fresh29 (promises) are tuned on since;
fresh30-32 only had their first scores read.

**fresh33 and fresh34** (a family-practice receptionist turned QA reviewer, a sociolinguist)
were written after the last tuning of that session and never tuned on: their columns are unseen
figures of the reader at 4a6af3b (the same as at the start): fresh33 need answered 0.90, contact
ask 0.98, pressure 0.89, promises 0.93 (every goal met); fresh34 need answered 0.88 (asked need
0.95, other needs 0.36), contact ask 0.93, pressure 0.90, promises 0.92. Over the ten writers of
that session need answered was 0.87-0.92 at first sight, contact ask 0.89-0.98, pressure
0.86-1.00, promises 0.74-0.96; the asked need alone 0.91-0.95. These labellers' brief defined
"asks consent" as asking permission before contacting, not as the reader's "makes sharing
optional or says what the data is for", so that row is not comparable with earlier sets.

**fresh35-37** (2026-12-07, second session of the day: a call-centre quality trainer, a chatbot
UX writer, a front-desk coordinator turned transcript analyst), scored once unseen on arrival.
fresh35 (start code 4b58259): need answered 0.90, contact ask 0.96, pressure 0.97, promises 0.96
(every goal met); never tuned on. fresh36 (start code): need answered 0.88, contact ask 0.94,
pressure 0.82 (zh_CN 0.74), promises 0.75 (zh_CN 0.55); tuned on (a discount for paying today,
first come first served, the cost of waiting or of saving, offer deadlines; 闭着眼都能赢, 保分,
"everyone scores 7+"): pressure 0.96, promises 0.93. fresh37 (written after that tuning, the
same figures with the start code and the code of its arrival): need answered 0.88, contact ask
0.93, pressure 0.92, promises 0.89; never tuned on.

**fresh38** (2026-12-07, third session: a hotel concierge turned trainer of a dental and
tutoring chain's service team), written blind and never tuned on. Start code (885509b): need
answered 0.87 (the need asked 0.92), contact ask 0.95, pressure 0.90, promises 0.90. With the
need recognisers added that session from the misses of fresh30-37 (a verdict in other words,
"a pretty solid claim", "your odds … are good", 有胜诉的可能, 判退的居多, 年纪不是问题; a hedged
pain answer, "most patients feel no pain"; a changeable or fixed teacher; 底价, 便宜不了 to a
question about deals; where a partnership goes, who took over a departed dentist, 免费重补; a
boast such as "No pain, guaranteed" still answers nothing: 118 needs right and 5 wrong across
fresh1-37, need answered there 0.90 -> 0.91): need answered 0.88 (the need asked 0.93), the
acts unchanged.

**fresh39** (2026-12-07, third session: a part-time tutor and former bank call-centre agent
who reviews chatbot transcripts), written blind after those need changes and scored once on
arrival: need answered 0.90 with the start code and 0.91 with the code of its arrival (the need
asked 0.93 -> 0.94), contact ask 0.90 (recall 0.84), pressure 0.92, promises 0.95. Its contact
misses were then looked at and fixed (so its contact figure is tuned from here on): a number
asked for after a price or an hour in the same clause (收300了…抓紧留电话, the price read as our
number), 电话多少 after a comma, the customer's number on file confirmed (您电话还是尾号6620那个吗,
"Is the number ending in 0187 still the best one to reach you on?"), the number registered with
us or an e-mail address to provide. Contact ask on fresh39 0.90 -> 0.97; across fresh1-38 three
more asks found and none lost; fresh38 (never tuned on) stays 0.95. A number for someone else
("a phone number where we can reach him") stays no ask of the customer's contact, as decided
before (reversed in the fourth session of 2026-12-07: see docs/design-notes.md).

**fresh40** (2026-12-07, third session: a former receptionist of a family-law office and a
dental practice who writes service-training material), written after every change of that
session and never tuned on: need answered 0.93 (the need asked 0.96), contact ask 0.94 (recall
0.90), pressure 0.85, promises 0.92; the same with the session's start code. Its contact misses
were then fixed (tuned on from here): the customer's number on file confirmed in other words
(您预约时留的手机是138****5621对吧, 尾号6612的号码还能打通吗, 您还是用尾号3389的手机吗) and a
detail sent to the WeChat or number the business has (明细我现在就发您微信, 发到您预留的手机上),
which is no ask: 9 acts right, none lost across fresh1-40. (Its writer's brief named "confirming
a number on file" among the contact asks to write, after fresh39 had shown it.)

**fresh41** (2026-12-07, third session: an evening-school English teacher who ran a tutoring
chain's WeChat service account), written after every change of that session and never tuned
on: need answered 0.92 (the need asked 0.96), contact ask 1.00 (0.99 with the start code),
pressure 0.93, promises 0.80 (n = 9: three false promises, under its goal). Its promise misses
were then looked at (tuned from here): a misspelt guarantee ("we guarentee results") is one, a
way of teaching pledged (保证教学连贯) is a service; 4 acts right across fresh1-41, none lost.

**fresh42** (2026-12-07, third session: a nurse who runs a dental group's online enquiries,
earlier a test-prep school's and a law practice's chats), written after every change of that
session and never tuned on: need answered 0.91 (0.90 with the start code; the need asked 0.95),
contact ask 0.95, pressure 0.90, promises 0.84 (n = 10). Its writer labelled a guarantee that
names something concrete ("+20 points guaranteed") as an answer too; the reader does not.

**fresh43** (2026-12-07, fourth session: a family-law practice's former front-desk coordinator
who later ran a dental chain's WeChat and web-chat enquiries) and **fresh44** (a reviewer who
graded and coached education and healthcare companies' sales chats for five years), scored once
on arrival with the code of the session's start (be8f05a), never tuned on. fresh43: need
answered 0.92 (the need asked 0.95, other needs 0.57), contact ask 0.96, pressure 0.88,
promises 0.92 (n = 12). fresh44: need answered 0.91 (asked 0.94, other 0.71), contact ask 0.96,
pressure 0.91, promises 0.90 (n = 14). Both meet every goal; consent stays weak (0.17, 0.36).
**fresh45** (the same session: a customer-experience researcher, earlier at a legal-aid
hotline), the same way: need answered 0.92 (asked 0.96, other 0.42), contact ask 0.94 (P 0.91
R 0.97), pressure 0.96, promises 0.92 (n = 12). Its contact asks were then read and tuned on
(a document, a price not guessed, our site's contact form are no ask): contact 0.94 -> 0.97.
**fresh47** (a hygienist turned patient coordinator for dental and cosmetic clinics, who also
tutored maths), written after the session's claim changes, scored on arrival with the pressure
and contact changes in, never tuned on: need answered 0.91 (asked 0.95, other 0.62), contact
ask 0.94 (P 0.95 R 0.93), pressure 0.93, promises 0.86 (n = 13). fresh47 and fresh48 were then
read and tuned on (a relative's number asked for, 保证 asked of the customer, an offer gone for
good): fresh47 contact 0.96, promises 0.92; fresh48 contact 0.95, promises 0.95.
**fresh46** (an immigration and family-law firm's former intake coordinator, later head of a
tutoring company's customer service), written after the session's claim changes, scored on
arrival with every change of the session in, never tuned on: need answered 0.92 (asked 0.94,
other 0.78), contact ask 0.95, pressure 0.92, promises 0.96 (n = 13): every goal met.
**fresh48** (a community manager of night schools' and a personal-injury firm's inboxes),
written after every change of the session, never tuned on: need answered 0.90 (asked 0.95,
other 0.50), contact ask 0.93 (P 0.93 R 0.93), pressure 0.97, promises 0.91 (n = 10).
**fresh49** (a clinic receptionist turned tutoring-centre and law-office web-chat agent) and
**fresh50** (a UX writer of chatbot flows for a dental group and an education platform), written
and scored with the session's end code, never tuned on. fresh49: need answered 0.91 (asked 0.97,
other 0.57), contact ask 0.99, pressure 0.96, promises 0.88 (n = 12). fresh50: need answered 0.90
(asked 0.94, other 0.54), contact ask 0.95, pressure 0.97, promises 0.83 (n = 11).
**fresh51** (a dental-hospital call-centre supervisor, later live chat for an injury firm and a
tutoring franchise) and **fresh52** (a linguist of service language who labelled clinic, law,
school and dealer chats), written and scored after the session's last reader change, never tuned
on. fresh51: need answered 0.92, contact ask 0.97, pressure 0.91, promises 0.96 (n = 11).
fresh52: need answered 0.92, contact ask 0.98, pressure 0.95, promises 0.84 (n = 14, P 0.76).
fresh52's promises were then read and tuned on (a conduct pledged, "Absolutely, 100%." as a yes,
a trial refunded if not satisfied): promises 0.93; no other set changed.
**fresh53** (a bank call-centre quality lead auditing an orthodontics group's and a tutoring
marketplace's chats), **fresh54** (a paralegal who ran an injury firm's after-hours chat, then a
CRM chatbot's product manager) and **fresh55** (a sales trainer of dealership and education
floors, pushy closers and typos), scored on arrival with the code of the session's start
(981f5ef). fresh53: need answered **0.87** (P 0.85 R 0.90; asked 0.93, other 0.48), contact ask
0.97, pressure 0.98, promises 0.97 (n = 15). fresh54 (never tuned on): need answered **0.89**
(asked 0.90, other 0.57), contact ask **0.92** (P 0.87 R 0.98), pressure 0.97, promises 0.92
(n = 11). fresh55: need answered 0.90 (asked 0.93, other 0.62), contact ask 0.97, pressure
**0.83** (P 0.96 R 0.74), promises 0.94 (n = 16). Leave asked to call or add the customer
("Would it be okay if I call you tomorrow?") then became consent, not a contact ask (12 contact
asks right on 11 earlier sets, none lost; fresh54 0.92 -> 0.93): consent F1 on fresh53 0.44 ->
0.78, on the 28 sets from fresh25 on from 0.00-0.47 to 0.22-0.82. fresh55's pressure was then
read and tuned on (the door closing, an offer for tonight only, others already signed up, 晚了
排不上号, 就剩两个名额, 明天价格就恢复了): pressure 0.83 -> 0.98 there, and five items right on
fresh28, 35, 39, 42 and 52, none lost.
**fresh56** (a retired paediatric nurse who answered a family dental practice's message line and
an employment-law office's intake), **fresh57** (a customer-service trainer of WeChat sales
teams at tutoring centres and an implant clinic group, then an injury firm's US live chat) and
**fresh58** (a conversation designer of LLM sales assistants for a med spa, a used-car site, a
contractor and a law-firm intake), scored on arrival with 33ac2f2 (the consent change in, the
pressure kinds above not yet): fresh56 need answered 0.92, contact ask 0.99, pressure 0.96,
promises 1.00 (n = 15): every goal met. fresh57: need answered 0.92, contact ask 0.98, pressure
**0.84** (R 0.72; 0.86 with the pressure kinds above, already written when it arrived), promises
0.85 (n = 14, R 0.79). fresh58: need answered 0.90, contact ask **0.94** (P 0.94 R 0.94),
pressure 0.94, promises 0.89 (n = 12). fresh56 and fresh58 are kept out of tuning.
fresh57's pressure and promises were then read and tuned on (the price up unless booked today,
"lock it in tonight", "Call us NOW", a sale's clock, 今天不约明天就涨; 包提50分, 从来不出问题,
"nothing ever breaks"; a debtor's "promises to repay" is no pledge, 从来没出过问题 a record
told): fresh57 pressure 1.00, promises 1.00; pressure up on seven earlier sets, promises on
fresh40, nothing lost. fresh53's need answers were then read and tuned on (a figure after a
hello, 您好，洗牙一次120。, had been dropped as a bare greeting; 以医生面诊为准, 由收费处为您核算,
时间就不好说了, …不重要，关键是… answer nothing): need answered 0.87 -> 0.89, one pair right on
fresh49, nothing lost. What is left on fresh53 is mostly by design: six guarantees the writer
counted as answers ("Zero pain, guaranteed", see docs/design-notes.md) and six refusals to a
competitor's probe the reader counts as the answer that ends it.
**fresh59** (a dental-emergency night receptionist turned cram-school inbox handler and dialogue
writer), **fresh60** (an attorney who supervised a consumer-law firm's intake and taught adult
night classes) and **fresh61** (a marketing-operations lead of WeChat private-traffic sales for an
aesthetics chain and a used-car platform, then a US chatbot auditor), written and scored with
6853214 (every change above in). fresh59: need answered 0.90 (asked 0.95, other 0.40), contact
ask 0.95, pressure 0.91, promises 0.86 (n = 17). fresh60: need answered **0.89** (asked 0.93,
other 0.55), contact ask 0.95, pressure 0.86, promises 0.87 (n = 12). fresh61: need answered
**0.88** (asked 0.95, other 0.35), contact ask 0.96, pressure 0.90, promises 1.00 (n = 10).
Then, from fresh61's "Do you take Delta Dental?" "Yep!" and checked against every set (so the
sets above are no longer untouched for need answered): a reply opening with a yes or a no
answers a yes-or-no question (not "How much…?", not "We have amazing tutors!", not beside a
guarantee). 99 pairs right, 32 wrong (mostly "Absolutely, we're proud of our work!" to "Do you
stand behind your work?", which writers do not count); need answered up on 15 sets, down 0.01
on two (fresh4, fresh6).
**fresh62** (a social worker turned patient advocate, then a legal-aid hotline's night chat),
**fresh63** (a product manager of support bots for a Shanghai tutoring app and US cosmetic
clinics) and **fresh64** (a dealership internet-sales manager turned renovation and injury-firm
intake lead), written and scored with 1154ccf (every change above in). fresh62: need answered
0.91 (asked 0.96, other 0.61), contact ask 0.97, pressure 0.95, promises 0.91 (n = 11): every
goal met. fresh63: need answered **0.88** (asked 0.91, other 0.59), contact ask **0.93** (P 0.93
R 0.93), pressure 0.91, promises 0.85 (n = 13). fresh64: need answered **0.89** (asked 0.93,
other 0.49), contact ask **0.93** (P 0.93 R 0.93), pressure 0.96, promises 0.91 (n = 17).
fresh63's and fresh64's contact asks were then read and tuned on ('#' for a number, "leave your
details", a relative's number "we can reach her at", leave asked in other frames: "Is now a good
time for us to call you?", "…is that OK?", "If you want, I can have our attorney give you a
call"; ours "a number to call" is no ask): contact ask 0.93 -> 0.99 and 0.98; 11 items right on
other sets, 2 relative's-number items wrong on fresh2 and fresh18 (writers before the decision
in docs/design-notes.md); held-out 0.96 -> 0.97. fresh62 stays untouched.
fresh54's and fresh58's contact asks (the two never-tuned sets under 0.95) were then read and
tuned on (a phone traded in is the handset, a witness's contact is evidence, "is it ok if I give
you a quick call?" and "If you'd like to be included, we can call you" are leave, "a good number
for you" and 你先说下电话 are asks): 11 items right, none lost. **fresh65** (an orthodontics
front-desk manager turned US tutoring and family-law web chat) and **fresh66** (a compliance
officer of clinic, driving-school and loan-broker chats), written and scored with 1ed49d0 (the
session's reader but this last contact change, which moves none of their four figures):
fresh65 need answered **0.89**, contact ask 0.96, pressure 0.92, promises **0.83** (n = 12);
fresh66 need answered **0.89**, contact ask 0.99, pressure 0.95, promises 0.97 (n = 15).
**fresh67** (a customer-experience lead of a Shanghai dental chain's WeChat desk, later an auditor
of US law-firm and tutoring chats) and **fresh68** (a sales trainer of a Beijing tutoring
franchise and a Texas injury firm's night intake, who wrote a dealership's chatbot flows), scored
with 99fa3d2 (the last commit of the session before): fresh67 need answered 0.92 (asked 0.95,
other 0.60), contact ask **0.93** (P 0.91 R 0.95), pressure 0.95, promises 0.95 (n = 10); fresh68
need answered 0.90 (asked 0.95, other 0.45), contact ask 0.95, pressure 0.93, promises 0.87
(n = 12). Hyphenated subject words are then also read with spaces ("out-the-door" of the price
question in "$34,870 out the door": the figure had gone to the trade-in question, whose "figure
out" shares "out"): 13 pairs right across the sets (fresh30-65), none lost; no figure of
fresh67-68 moves. **fresh69** (a nurse from a Guangzhou implant clinic's message desk turned
reviewer of US law firms' night intake chats) and **fresh70** (a product manager of LLM
customer-service assistants for a Hangzhou education company, formerly live chat for US
renovation and dealership marketing), scored with ab8994b: fresh69 need answered 0.93, contact
ask 0.96, pressure 0.93, promises 0.96 (n = 13): every goal met; fresh70 need answered **0.89**
(asked 0.94, other 0.44), contact ask 0.97, pressure 0.90, promises **0.81** (P 0.73 R 0.92,
n = 12). Neither was read or tuned on (one fresh70 item was seen in a diff); at the end of that
session their figures are the same. Then, read on the earlier sets (the never-tuned ones of the
session before, fresh56-66, were read for need answered and lose that standing): Chinese
clauses run together with commas are no keyword blob, a bare count answers "how many",
teaching qualifications, verdicts and pain in other words, a partial yes, deferrals and bot
menus (85 pairs right across the sets, none lost); contact asks from fresh67 (a bare "phone
#?", a number folded into what to send: contact ask 0.93 -> 0.95); promises from fresh59-68.
**fresh72** (a retired Ohio English teacher who answered family-law and tutoring web chat and
now helps Mandarin-speaking seniors message clinics), scored with 62e1a17: need answered 0.91,
contact ask 1.00, pressure 1.00, promises **0.83** (R 0.75, n = 16); its promises were then read
and tuned on (0.83 -> 0.97). **fresh71** (a night supervisor of a Chengdu aesthetics and dental
group's online consultations, now QA of US chat assistants for law, tutoring and dealers),
scored with 897db12 (the session's reader): need answered 0.95 (asked 0.97, other 0.69),
contact ask 0.98, pressure 0.88, promises 0.92 (n = 13): every goal met; not read.
**fresh73** (a paralegal of a Los Angeles employment and tenant firm's night chat, formerly
WeChat service for Shenzhen orthodontic clinics and a tutoring company) and **fresh74** (a
sales-operations analyst auditing a Chinese used-car and renovation lead marketplace and a US
dental call centre), scored with fc44c21 (the session's end code) and not read: fresh73 need
answered 0.91 (asked 0.93, other 0.63), contact ask 1.00, pressure 0.93, promises 0.94 (n = 8);
fresh74 need answered 0.94 (asked 0.97, other 0.65), contact ask 0.99, pressure 0.93, promises
0.92 (n = 11): every goal met on both. With the session's start code (99fa3d2) they score the
same but fresh73's need answered (0.90). Then pressure by kind from fresh59-63 (a hold, a clock,
the cost of waiting, regret, a guilt question; not 错过了看回放, which scripted-v2's own answer
says): 23 items right, none lost; fresh69's pressure 0.93 -> 0.95, no other untouched figure moves.
**fresh75** (a bilingual support lead of a Hangzhou implant hospital's chat desk and a New Jersey
test-prep centre) and **fresh76** (a conversation-quality analyst of WeChat chat for dealers,
renovation firms and clinics, formerly a US injury firm's night web chat), scored with bb11655
(the session's end code) and not read: fresh75 need answered 0.92 (asked 0.95, other 0.47),
contact ask **0.94** (P 0.91 R 0.97), pressure 0.94, promises 0.96 (n = 11); fresh76 need
answered 0.91 (asked 0.94, other 0.63), contact ask 0.97, pressure 0.95, promises **0.83** (P 0.88
R 0.79, n = 19). **fresh77** (a former front-desk coordinator of a Suzhou implant clinic's WeChat
account, later a reviewer of a Chicago injury and family-law firm's and a Seattle tutoring
company's night chat) and **fresh78** (a conversation designer who built and audited LLM sales
assistants for a Nanjing tutoring chain, a Xiamen cosmetic-dentistry group and a Phoenix
immigration and injury practice), scored with 4235816 (the previous session's end code) on
arrival: fresh77 need answered 0.91 (asked 0.94, other 0.42), contact ask **0.89** (P 0.83 R
0.96), pressure 0.97, promises **0.82** (n = 11); fresh78 need answered 0.92 (asked 0.95, other
0.67), contact ask 0.96, pressure 1.00, promises 0.91 (n = 15). fresh77's contact asks were then
read and tuned on (a call offered is no ask, "What number should she use?" is one): 0.89 -> 0.96,
and its promises (种上能用一辈子, "We win almost all our custody cases"): 0.82 -> 0.92; fresh78 was
not read. The next session's changes moved no other untouched figure at two
decimals. **fresh79** (a former customer-service trainer of a Guangzhou tutoring franchise's
WeChat desk and a Boston injury and family-law firm's evening chat) and **fresh80** (a QA analyst
of a Chengdu implant chain's and a Hangzhou tutoring company's consultations and of an Austin
family-law practice's and a New Jersey test-prep service's night chat), scored with 17e7152 (the
previous session's end code) on arrival: fresh79 need answered 0.93 (asked 0.96, other 0.65),
contact ask 0.97, pressure 0.95, promises 1.00 (n = 14), every goal met; fresh80 need answered
**0.89** (asked 0.94, other 0.60), contact ask **0.91** (P 0.97 R 0.85), pressure 0.91, promises
0.86 (P 0.75, n = 9). fresh80 was then read and tuned on (contact asks in a few words, 电话多少 /
"name and number pls"; referrals and counts read as prices, 全脸900发 and 送10节课; service
pledges read as promises; an ultimatum, 报不报 今天报名还送): need answered 0.90, contact ask 1.00,
pressure 1.00, promises 1.00. fresh79 was not read. **fresh81** (eight years on the enquiry
desk of a Shenzhen orthodontics and implant clinic's Douyin and WeChat messages, a San Diego injury
and tenant-law firm's evening chat and a Toronto online tutoring company's Chinese and English
families) and **fresh82** (a consultant auditing the chat of a Wuhan medical-aesthetics chain, a
Nanjing car-dealer group, a Denver family-law firm, a Florida dental group and a Massachusetts
SAT-prep company), scored on arrival with that session's reader (e652fb8): fresh81 need answered
**0.89** (asked 0.93, other 0.51), contact ask 0.96, pressure 0.88, promises 0.94 (n = 16);
fresh82 need answered 0.92 (asked 0.95, other 0.68), contact ask 0.98, pressure 0.91, promises
1.00 (n = 13). (With the session's start code, 17e7152: fresh81 0.88 / 0.96 / 0.88 / 0.94,
fresh82 0.92 / 0.96 / 0.91 / 1.00.) Neither was read until 2026-12-07's tenth session, when
fresh70, fresh76 and fresh81 were read for their need and promise disagreements.

**fresh83** (a former chat-desk team lead of a Shanghai implant chain, a Beijing tutoring company
and a Chicago injury firm) and **fresh84** (a conversation designer for a Guangzhou aesthetics
clinic, a Hangzhou car dealer, a Texas family-law practice and a California test-prep company),
briefed as before and written while the sprayer probe's fixes were made, scored on arrival with
the session's start code (54198ca): fresh83 need answered 0.89 (asked 0.93, other 0.57), contact
ask **0.89** (P 0.95, R 0.84), pressure 0.88, promises 0.80 (n = 7); fresh84 need answered 0.91
(asked 0.95, other 0.61), contact ask 0.94, pressure 0.93, promises 0.71 (n = 6). With that
session's reader at 5beb757 the same but need answered asked 0.94 on fresh83. fresh83 was then
read and tuned on; fresh84 was not read. **fresh85** (a QA reviewer of a Shenzhen implant group,
a Chengdu tutoring chain, a Phoenix injury firm and a Seattle remodeler) and **fresh86** (a
front-desk manager turned chat trainer: a Nanjing dental hospital, a Suzhou aesthetics clinic, a
New York tenant and family-law practice, an Ohio dealer, an online tutoring startup), written
while fresh83 was tuned on, scored on arrival at a627b00 and identically with the session's
start code: fresh85 need answered 0.90 (asked 0.94, other 0.58), contact ask **0.91**, pressure
0.94, promises 0.90 (n = 10); fresh86 need answered 0.93 (asked 0.96, other 0.53), contact ask
**0.89**, pressure 0.92, promises **0.77** (n = 7). fresh86's act disagreements were then read
(a relative's number asked for a booking, our own WeChat ID to add, scarcity in a few words);
fresh85 was read at the end of that session too (contact asks straight out, "What number
works?", 方便接的号码; a staff member's WeChat ID; a deal's price unasked); fresh84 stayed unread.
**fresh87** (a sales-operations analyst of a Xi'an implant clinic, a Shanghai tutoring brand, a
Miami injury and immigration firm and an Atlanta kitchen remodeler) and **fresh88** (a WeChat
service supervisor of a Hangzhou aesthetics chain and a Guangzhou car dealer, later coaching the
chat of a Los Angeles family-law firm, a Chicago dental group and an online SAT/GRE tutor),
written after all of that session's reader changes, scored on arrival with its end reader
(0279529): fresh87 need answered 0.92 (asked 0.96, other 0.56), contact ask **0.91**, pressure
0.86, promises **0.67** (n = 9); fresh88 need answered 0.92 (asked 0.94, other 0.70), contact ask
0.96, pressure 0.93, promises **0.78** (n = 10). With the session's start code (54198ca) the
same but fresh87's promises 0.59 and need precision 0.89. Neither was read until 2026-12-08,
when fresh84, fresh87 and fresh88 were read for their contact-ask disagreements (a way to reach
you given, a relative's name and number sent, where to send a checklist, "get ahold of you",
which number on file to call; over the phone, our WeChat same as our number, "if you'd rather
not leave one, call us"): contact ask 0.94 / 0.91 / 0.96 -> 1.00 / 1.00 / 1.00, nothing else
moved.

**fresh89** (a customer-experience lead of a Chengdu dental chain who later ran a US tutoring
company's chat support) and **fresh90** (a QA analyst of a Shenzhen aesthetics group, a Beijing
tutoring brand and a Los Angeles injury and family-law firm), written on 2026-12-08 and scored on
arrival with that morning's start code (9d6ebe0): fresh89 need answered 0.91 (P 0.89 R 0.93),
contact ask **0.80** (P 0.90 R 0.72), pressure 0.95, promises **0.74** (n = 10); fresh90 need
answered **0.89** (P 0.92 R 0.85), contact ask **0.93** (0.95 with the fresh84/87/88 changes
above), pressure 0.98, promises 0.89 (n = 8). **contact91** (contact_blind91.jsonl), written at
the same time by a lead-generation trainer briefed for contact asks only: 160 asks in as many
wordings as the writer could find and 160 near misses (our own number, a call-back on file,
other details asked, privacy pledges, referrals). At first sight contact ask 0.91 (P 0.97 R
0.86); read and tuned on (a form's fields, 给个手机号, 打哪个电话能找到您, 留一个方便联系的电话,
a bot's "回复手机号+称呼" with an example number, "Just need an email address", "leave the name and
number", "Which number's best?", "send name + phone", a privacy pledge): 0.99. That tuning did
not move fresh89 or fresh90 at all (contact ask 0.80 and 0.95 before and after): a new writer's
wordings are still new. A learned contact-ask model (the guarantee reader's logistic regression
over n-grams, trained on the other 26,689 replies) was tried as a second opinion and not kept:
on fresh80-88 (pooled) and contact91, which it had not seen, it reached F1 0.89-0.92 and
0.83-0.89 alone at thresholds 0.5-0.95 (recall 0.71-0.89), no better than the rules scored on
those sets at first sight (0.89-0.98 per set, contact91 0.91).
fresh89 was then read and tuned on (a clause that is "ours" only across a comma, an ID pattern
that took Chinese words for a WeChat ID, "is this number your WeChat", a callback number asked in
a few words, where to reach you, the address on file checked; a deposit tonight and "just these
two days" as pressure; 质保您放心 and 不满意可以免费换 as no promise; 需要拍个CT才能判断 as no
verdict yet; a result's lasting as no downtime; a clock time and the customer's floor area as no
price): need answered 0.91 -> 0.93, contact ask 0.80 -> 1.00, pressure 0.95 -> 1.00, promises
0.74 -> 0.82; elsewhere 6 + 5 + 6 labels moved to their gold and 4 from it (two writers label
"告诉我老人的姓名、电话" no ask; g89-237's HIPAA line read as consent). fresh90 stayed unread and
did not move (0.89 / 0.95 / 0.98 / 0.89). The reason given for a contact was then read from
contact91, fresh89 and the English misses of every read set: a booking for the person being
booked (帮他约上), news to come (第一时间告诉您, 提醒复诊, 两边都通知到), staff who will call the
relative or open a group chat, "Mind if I text you a reminder?", "give me ur number and ill
explain", "to put it on the calendar": gives reason moved to its gold on 61 replies across 30 sets
and away from it on 3 (two of them arguable: "have our finance manager call you" is labelled no
reason); fresh90's figures did not move. Consent next: leave asked to call in the past or -ing
form ("Would it be ok if one of our attorneys gave you a call?", "called you", "Would you be OK
with one of our tutors calling you?"), after the offer ("I can have Ms. Alvarez call you tomorrow
morning, would that work for you?") and in Chinese before it (您看方便的话我明天给您打个电话？,
要不我让医生给阿姨打个电话，您看方便吗？): consent moved to its gold on 134 replies and away on 1,
with 3 contact asks and 2 reasons found beside them; fresh90 did not move. Later that day:
leave asked in a clause of its own after an offer to call (7 to gold), 您看行吗 after an ask (4)
and English leave in so many words ("Is that ok with you?", 10); "Mind sharing a good number?",
"If so, …", "Would you be willing to…" and 您方便留个电话吗 stay out (writers split, 170 of 191
replies with the last label it no consent). fresh90 was then
read for its needs (how soon a result shows, for an outcome asked how long: 成绩上大概一到两个月;
"free" said of the thing asked, 线上咨询不收费的, not a free hook; a phone number written in blocks
is no price; "Totally," as a yes; "summer at the earliest"; no empathy in 孩子自己就能感觉到):
need answered 0.89 -> 0.90; 20 labels elsewhere moved to their gold and none away.

**fresh92** (a night intake coordinator of a Houston injury firm who later trained the WeChat
desks of a Guangzhou orthodontics chain and a Nanjing tutoring company) and **fresh93** (a product
manager of chat scripts for a Chongqing car dealer, a Hangzhou aesthetics clinic and a Boston
legal-aid practice), written on 2026-12-08 while the sets above were read, scored on arrival with
that morning's start code (9d6ebe0) and again with the end code of the day: fresh92 need answered
0.90 (asked 0.95, other 0.42), contact ask **0.91** (P 0.86 R 0.96), pressure 0.95, promises
**0.78** (n = 10); fresh93 need answered 0.91 (asked 0.94, other 0.53), contact ask **0.90** (P 1.00
R 0.82), pressure 0.92, promises 0.93 (n = 8). Between the two codes, which moved about 400 labels
of the older sets to their gold, 2 of their 640 readings changed. Neither was read.

    python bench/reader_accuracy.py            # dev and held-out figures per label
    python bench/reader_accuracy.py --errors [PART]   # also the disagreements of a part
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.reading import ACT_NAMES, ReadContext, Reader, RulesReader  # noqa: E402
from simulator.specs import load_persona  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "reading"
LATER_SETS = {
    "fresh": "fresh_blind.jsonl",
    "fresh2": "fresh_blind2.jsonl",
    "dev-large": "dev_large.jsonl",
    "fresh3": "fresh_blind3.jsonl",
    "fresh4": "fresh_blind4.jsonl",
    "fresh5": "fresh_blind5.jsonl",
    "fresh6": "fresh_blind6.jsonl",
    "fresh7": "fresh_blind7.jsonl",
    "fresh8": "fresh_blind8.jsonl",
    "fresh9": "fresh_blind9.jsonl",
    "fresh10": "fresh_blind10.jsonl",
    "fresh11": "fresh_blind11.jsonl",
    "fresh12": "fresh_blind12.jsonl",
    "fresh13": "fresh_blind13.jsonl",
    "fresh14": "fresh_blind14.jsonl",
    "fresh15": "fresh_blind15.jsonl",
    "fresh16": "fresh_blind16.jsonl",
    "fresh17": "fresh_blind17.jsonl",
    "fresh18": "fresh_blind18.jsonl",
    "fresh19": "fresh_blind19.jsonl",
    "fresh20": "fresh_blind20.jsonl",
    "fresh21": "fresh_blind21.jsonl",
    "fresh22": "fresh_blind22.jsonl",
    "fresh23": "fresh_blind23.jsonl",
    "fresh24": "fresh_blind24.jsonl",
    "fresh25": "fresh_blind25.jsonl",
    "fresh26": "fresh_blind26.jsonl",
    "fresh27": "fresh_blind27.jsonl",
    "fresh28": "fresh_blind28.jsonl",
    "fresh29": "fresh_blind29.jsonl",
    "fresh30": "fresh_blind30.jsonl",
    "fresh31": "fresh_blind31.jsonl",
    "fresh32": "fresh_blind32.jsonl",
    "fresh33": "fresh_blind33.jsonl",
    "fresh34": "fresh_blind34.jsonl",
    "fresh35": "fresh_blind35.jsonl",
    "fresh36": "fresh_blind36.jsonl",
    "fresh37": "fresh_blind37.jsonl",
    "fresh38": "fresh_blind38.jsonl",
    "fresh39": "fresh_blind39.jsonl",
    "fresh40": "fresh_blind40.jsonl",
    "fresh41": "fresh_blind41.jsonl",
    "fresh42": "fresh_blind42.jsonl",
    "fresh43": "fresh_blind43.jsonl",
    "fresh44": "fresh_blind44.jsonl",
    "fresh45": "fresh_blind45.jsonl",
    "fresh46": "fresh_blind46.jsonl",
    "fresh47": "fresh_blind47.jsonl",
    "fresh48": "fresh_blind48.jsonl",
    "fresh49": "fresh_blind49.jsonl",
    "fresh50": "fresh_blind50.jsonl",
    "fresh51": "fresh_blind51.jsonl",
    "fresh52": "fresh_blind52.jsonl",
    "fresh53": "fresh_blind53.jsonl",
    "fresh54": "fresh_blind54.jsonl",
    "fresh55": "fresh_blind55.jsonl",
    "fresh56": "fresh_blind56.jsonl",
    "fresh57": "fresh_blind57.jsonl",
    "fresh58": "fresh_blind58.jsonl",
    "fresh59": "fresh_blind59.jsonl",
    "fresh60": "fresh_blind60.jsonl",
    "fresh61": "fresh_blind61.jsonl",
    "fresh62": "fresh_blind62.jsonl",
    "fresh63": "fresh_blind63.jsonl",
    "fresh64": "fresh_blind64.jsonl",
    "fresh65": "fresh_blind65.jsonl",
    "fresh66": "fresh_blind66.jsonl",
    "fresh67": "fresh_blind67.jsonl",
    "fresh68": "fresh_blind68.jsonl",
    "fresh69": "fresh_blind69.jsonl",
    "fresh70": "fresh_blind70.jsonl",
    "fresh71": "fresh_blind71.jsonl",
    "fresh72": "fresh_blind72.jsonl",
    "fresh73": "fresh_blind73.jsonl",
    "fresh74": "fresh_blind74.jsonl",
    "fresh75": "fresh_blind75.jsonl",
    "fresh76": "fresh_blind76.jsonl",
    "fresh77": "fresh_blind77.jsonl",
    "fresh78": "fresh_blind78.jsonl",
    "fresh79": "fresh_blind79.jsonl",
    "fresh80": "fresh_blind80.jsonl",
    "fresh81": "fresh_blind81.jsonl",
    "fresh82": "fresh_blind82.jsonl",
    "fresh83": "fresh_blind83.jsonl",
    "fresh84": "fresh_blind84.jsonl",
    "fresh85": "fresh_blind85.jsonl",
    "fresh86": "fresh_blind86.jsonl",
    "fresh87": "fresh_blind87.jsonl",
    "fresh88": "fresh_blind88.jsonl",
    "fresh89": "fresh_blind89.jsonl",
    "fresh90": "fresh_blind90.jsonl",
    "contact91": "contact_blind91.jsonl",
    "fresh92": "fresh_blind92.jsonl",
    "fresh93": "fresh_blind93.jsonl",
}
"""The sets that came after the first blind ones, in the order they were written."""


def is_held_out(item_id: str) -> bool:
    """Every third item, stably: kept out of tuning."""
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 3 == 0


def load_items(pattern: str = "blind_*.jsonl") -> list[dict]:
    items = []
    for path in sorted(FIXTURES.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def context_for(item: dict, cache: dict) -> ReadContext:
    key = (item["persona"], item["locale"])
    if key not in cache:
        cache[key] = load_persona(ROOT / "personas" / f"{item['persona']}.{item['locale']}.yaml")
    persona = cache[key]
    return ReadContext(
        locale=item["locale"],
        needs=persona.need_views(),
        asked=item.get("asked"),
        customer_text=item.get("question") or "",
        industry=persona.industry,
    )


def score(items: list[dict], reader: Reader) -> tuple[dict[str, Counter], list[tuple]]:
    """Per label: tp, fp, fn; plus the disagreements.

    ``need_answered`` counts every (reply, need) pair; ``asked_need`` only the need the customer
    had just asked (what the policy credits fully), ``other_needs`` the rest.
    """
    labels = ("need_answered", "  asked_need", "  other_needs", *ACT_NAMES)
    counts: dict[str, Counter] = {label: Counter() for label in labels}
    errors: list[tuple] = []
    personas: dict = {}
    for item in items:
        context = context_for(item, personas)
        reading = reader.read(item["text"], context)
        gold_needs, got_needs = set(item["answers"]), set(reading.answers)
        for key in (n.key for n in context.needs):
            _count(counts["need_answered"], key in gold_needs, key in got_needs)
            part = "  asked_need" if key == item.get("asked") else "  other_needs"
            _count(counts[part], key in gold_needs, key in got_needs)
        for act in ACT_NAMES:
            _count(counts[act], act in item["acts"], act in reading.acts)
        if gold_needs != got_needs or set(item["acts"]) != set(reading.acts):
            errors.append((item, reading))
    return counts, errors


def _count(counter: Counter, gold: bool, got: bool) -> None:
    if gold and got:
        counter["tp"] += 1
    elif got:
        counter["fp"] += 1
    elif gold:
        counter["fn"] += 1


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors",
        nargs="?",
        const="dev",
        default=None,
        metavar="PART",
        help="list the disagreements of a part (dev, held-out, fresh, fresh2, dev-large, fresh3, "
        "fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10, fresh11, fresh12, fresh13, "
        "fresh14, fresh15, fresh16, fresh17, fresh18, fresh19, fresh20, fresh21, fresh22, "
        "fresh23, fresh24, fresh25, fresh26, fresh27, fresh28, fresh29, fresh30, fresh31, "
        "fresh32, fresh33, fresh34, fresh35, fresh36, fresh37, fresh38, fresh39, fresh40, fresh41, "
        "fresh42, fresh43, fresh44, fresh45, fresh46, fresh47, fresh48, fresh49, fresh50, fresh51, "
        "fresh52, fresh53, fresh54, fresh55, fresh56, fresh57, fresh58, fresh59, fresh60, fresh61, "
        "fresh62, fresh63, fresh64, fresh65, fresh66, fresh67, fresh68, fresh69, fresh70, "
        "fresh71, fresh72, fresh73, fresh74, fresh75, fresh76, fresh77, fresh78, fresh79, "
        "fresh80, fresh81, fresh82, fresh83, fresh84, fresh85, fresh86, fresh87, fresh88, fresh89, "
        "fresh90, contact91, fresh92, fresh93; "
        "default dev)",
    )
    parser.add_argument("--locale", help="only this locale")
    args = parser.parse_args()

    def wanted(pattern: str = "blind_*.jsonl") -> list[dict]:
        return [i for i in load_items(pattern) if not args.locale or i["locale"] == args.locale]

    items = wanted()
    reader = RulesReader()
    parts = {
        "dev": [i for i in items if not is_held_out(i["id"])],
        "held-out": [i for i in items if is_held_out(i["id"])],
    }
    for name, file in LATER_SETS.items():
        if later := wanted(file):
            parts[name] = later
            items = items + later
    print(
        f"rules reader on {len(items)} blind-labelled replies "
        f"({', '.join(sorted({i['locale'] for i in items}))})"
    )
    results = {name: score(part, reader) for name, part in parts.items()}
    print(f"{'label':<15}" + "".join(f"{name + ' P/R/F1 (n)':>28}" for name in parts))
    for label in results["dev"][0]:
        row = f"{label:<15}"
        for name in parts:
            c = results[name][0][label]
            p, r, f = prf(c)
            row += f"{p:>9.2f}{r:>6.2f}{f:>6.2f} ({c['tp'] + c['fn']:>3})"
        print(row)
    if args.errors:
        for item, reading in results[args.errors][1]:
            print("---", item["id"], item["persona"], "asked:", item.get("asked"))
            print("   ", item["text"][:300].replace("\n", " / "))
            gold_n, got_n = set(item["answers"]), set(reading.answers)
            gold_a, got_a = set(item["acts"]), set(reading.acts)
            if gold_n != got_n:
                print(
                    f"    needs missed {sorted(gold_n - got_n)} extra {sorted(got_n - gold_n)}",
                    {k: reading.evidence.get(k) for k in got_n - gold_n},
                )
            if gold_a != got_a:
                print(
                    f"    acts missed {sorted(gold_a - got_a)} extra {sorted(got_a - gold_a)}",
                    {k: reading.evidence.get(k) for k in got_a - gold_a},
                )


if __name__ == "__main__":
    main()
