"""Typed recognisers: does a piece of text carry information of a need's kind?

A need is answered by information, not by its topic words: "一对一每节课200元左右" answers a price
question and "价格方面您放心，很实惠" does not. Each need type (money, time, duration, process,
credentials, coverage, safety, location, outcome, policy, documents, availability, product,
portfolio) has patterns for both locales that look for the *information* a person answering would
give: an amount, a weekday or hour, a count of visits, a sequence of steps, a credential, a
coverage statement, and so on. They are written from how people answer, across industries, never
from the reference agents' knowledge or the personas' hint phrases.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.reading._numbers import EN_NUMBER_WORD, ZH_NUMERAL, amount_kind, money_amounts

_N = rf"(?:\d+(?:\.\d+)?|{EN_NUMBER_WORD}|a|an)"
_ZN = rf"(?:\d+(?:\.\d+)?|{ZH_NUMERAL}+)"

_BRAND_EN = (
    # a brand is a capitalised name ("Kohler fixtures", "we install KraftMaid"), not any word
    # before "cabinets"
    r"(?-i:\b[A-Z][a-z]+[A-Z][a-zA-Z]+\b)|"
    r"(?-i:\b[A-Z][a-zA-Z]+)(/(?-i:[A-Z][a-zA-Z]+))*( for)? (cabinets|faucets|fixtures|tiles|flooring|"
    r"appliances|countertops)\b|"
    r"\b(use|install|carry|stock|go with|mostly do|usually do) (?!(mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?-i:[A-Z][a-z]+)"
)
_BRAND_ZH = (
    r"(多乐士|立邦|东鹏|马可波罗|欧派|索菲亚|九牧|科勒|汉斯格雅|TOTO|箭牌|恒洁|兔宝宝|大自然)"
)
BRAND = {
    "en_US": re.compile(_BRAND_EN, re.IGNORECASE),
    "zh_CN": re.compile(_BRAND_ZH + r"|(环保等级|E0|E1|ENF|F4星)"),
}
"""A maker named, or a grade: news about the materials wherever it is said."""

_PATTERNS: dict[str, dict[str, list[str]]] = {
    "money": {
        "en_US": [
            # "free" and a bare percentage answer a price question just asked; unasked, they are
            # more often a free trial or a success rate than the price of what was asked about
            # (not a thing thrown in for signing: "3 free sessions if you enroll", "get a free kit")
            r"~(?<!\d )(?<!get a )(?<!get an )(?<!plus a )(?<!extra )(?<!bonus )\bfree\b(?! to\b| "
            r"(consult|consultation|assessment|evaluation|trial|exam|quote|estimate|initial))",
            r"\bno (extra )?(charge|cost|fee)\b",
            r"\bat no (cost|charge)\b",
            r"~\bcomplimentary\b",
            # a service said to be free, a fee as a share: answers about that fee, asked or not
            r"\b(consultation|consult|first (meeting|visit|session|call|appointment)|initial \w+)(\W?s| is|"
            r" are)? (totally |completely |always |also )?free\b",
            r"\d+(\.\d+)?\s?%[^.!?]{0,20}\b(contingency|commission|of (whatever|what|the)|if it settles)|"
            r"\b(contingency|commission)\b[^.!?]{0,20}\d+(\.\d+)?\s?%",
            r"\d+(\.\d+)?\s?%\s?(apr|interest|down)",
            r"$\d+(\.\d+)?\s?%\s?(off|rebate|discount)",
            # a share as the fee ("1/3 if it settles", "a third of what we recover")
            r"(?<![\d/])\b([1-4]/[2-5]|one[- ]third|a third|one[- ]quarter|a quarter)\b[^.!?]{0,25}"
            r"\b(if|of|when|settle\w*|recover\w*|win|contingency|award)",
            # the price told against a reference: "we sell at MSRP", "no markups", "below invoice"
            r"\b(at|below|under|over|above) (msrp|sticker|invoice|list price|cost)\b|"
            r"\bno (dealer )?(markups?|mark-ups?|add-ons|hidden fees)\b",
            r"\b(apr|interest rate|rates?) (of|at|as low as|from|around|is|are)\s*\d",
            r"~\b\d+(\.\d+)?\s?(%|percent\b)(?!\s?(off|discount|rebate)\b)",
            r"\bcash back\b",
            r"$\b(no|don'?t (do|offer|have)( any)?) (discounts?|deals|specials|promotions|coupons)\b|"
            r"\bprices? (are|is) (fixed|firm|final|non-negotiable)\b",
            r"\bzero down\b",
            r"\b(costs?|price[ds]?|runs?|charges?|fee is|starts? at|billed)\b.{0,25}(?<![\d:])(\d{2,}|\d\s?k\b)"
            r"(?!\s?(am|pm|a\.m|p\.m)\b|:\d)",
        ],
        "zh_CN": [
            r"~(?<![送赠])(?<![送赠].)(?<![送赠]..)免费(?!面诊|评估|咨询|试听|检查|量房|测评|试驾|上门|报价|出方案|设计|体验)",
            r"不收(费|钱)",
            r"~不要钱",
            # an amount off answers a question about deals, not the price of the service
            r"$\d+(\.\d+)?\s?折",
            rf"${ZH_NUMERAL}折",
            rf"$(优惠|减|(?<!最)便宜|补贴|返)(了)?\s?{_ZN}(?![大些点])",
            r"首付.{0,6}(\d|[一二三四五六七八九十]成)",
            # paid in parts: 可以分两期，签约付一半
            r"~(分[两三四五六七八九十\d]+期|(签约|开庭|立案|先)[^，。！？ ]{0,4}(付|交)[^，。！？ ]{0,2}(一半|剩下|尾款|首款|定金(?![^，。！？]{0,3}(锁|占|约|留))))",
            # no deal to be had: 没法再便宜了, 不打折, 明码标价
            r"$((没法|不能|无法|没办法)(再)?(便宜|优惠|打折|让)|没有(什么)?(优惠|折扣|活动)|不打折|明码标价)",
            r"(利率|年化|利息|分期).{0,6}\d",
            r"~\d+(\.\d+)?\s?%(?!\s?(off|折扣|优惠))",
            r"~百分之",
            r"(咨询|面诊|首次|第一次|初诊)[^，。！？]{0,4}(是|都是|也是)?免费",
            r"(\d+(\.\d+)?\s?%|百分之[一二三四五六七八九十]+)[^，。！？]{0,10}(收取|提成|返点|结算|抽成)|"
            r"按[^，。！？]{0,12}(\d+(\.\d+)?\s?%|百分之[一二三四五六七八九十]+)",
            r"(收费|费用|价格|价钱|报价|价位)[^，。！？\d]{0,8}(\d{2,}|\d\s?[万千wk])",
            # no lower price to be had: 这价已经是底价了, 价格是统一定的，真便宜不了
            r"~$(底价|降不了|降不动|便宜不了|少不了|(再)?少[^，。！？]{0,3}不行|价格(都)?是统一的|没有(额外|其他)?的?(折扣|优惠))",
        ],
    },
    "time": {
        "en_US": [
            r"\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b",
            r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\s?(-|–|to|through|thru)\s?(mon|tue|tues|wed|"
            r"thu|thur|thurs|fri|sat|sun)\b|\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.? (morning|"
            r"afternoon|evening|night)s?\b",
            r"\bweekends?\b",
            r"\bweeknights?\b",
            r"\bweekdays?\b",
            r"\b(evenings?|mornings?|afternoons?|nights?)\b",
            r"\b\d{1,2}(:\d\d)?\s?(am|pm|a\.m\.|p\.m\.)",
            r"\b\d{1,2}:\d\d\b",
            r"\bafter work\b",
            r"\b(open|available|run|classes|sessions) (until|till|from|between|every)\b",
            rf"\bwithin {_N} (business )?(hours?|days?|weeks?)\b",
            r"\bwithin (the )?(next )?(a |an )?(couple|few|\d+|one|two|three|24|48)( of)? (business )?(hours|days|weeks)\b",
            r"\b(today|tomorrow|tonight)\b",
            r"\b(this|next) (week|month|monday|tuesday|wednesday|thursday|friday|saturday)\b",
            r"\b24/7\b",
            r"\b(\d|one|two|three|four|five)\s?(x|times|days|sessions|nights|classes) (a|per) week\b",
            r"\b(once|twice) a week\b",
            r"\bany ?time\b",
            r"\bon demand\b",
            r"\bself-paced\b",
        ],
        "zh_CN": [
            r"周[一二三四五六日末天]",
            r"星期[一二三四五六日天]",
            r"礼拜",
            r"工作日",
            r"双休",
            r"(早上|上午|中午|下午|晚上|傍晚|夜里|晚间|白天)",
            r"\d{1,2}\s?[点:：]",
            rf"{ZH_NUMERAL}点",
            r"每(天|周|晚)",
            r"随时",
            r"全天",
            r"(今天|明天|后天|本周|下周|这周)",
            rf"{_ZN}\s?个?工作日",
            rf"{_ZN}\s?(小时|天)(之|以)?内",
            r"24小时",
            r"寒暑假",
            r"节假日",
        ],
    },
    "duration": {
        "en_US": [
            rf"\b{_N}(\s?(-|to|or)\s?{_N})?\+?\s?(sessions?|visits?|appointments?|months?|weeks?|"
            rf"days?|years?|hours?|minutes?|mins?|classes|lessons|hrs?|business days)\b"
            # (a record, not a length: "voted best in the county 3 years in a row")
            r"(?! in a row| running| straight)",
            r"\b(a|one) (couple|few) (of )?(sessions|visits|months|weeks|days|years|hours)\b",
            r"\bhalf (a|an) (year|hour|day)\b",
            r"\b(same|next)[- ]day\b",
            r"\bovernight\b",
            r"\b(takes?|lasts?|taking) (several |a few |many |some )?(months|weeks|years|days|hours)\b",
            r"\b(zero|no|minimal|little|next to no|hardly any) downtime\b",
            # when it can start: "earliest start would be the last week of April", "booked through mid-June"
            # ("after that we're looking at summer at the earliest")
            r"~\b(spring|summer|fall|autumn|winter|january|february|march|april|june|july|august|"
            r"september|october|november|december|next month) at the (earliest|soonest)\b",
            r"~\b(earliest|soonest|booked (up |out )?(through|thru|until|till)|start(ing)? (in|on|by))\b"
            r"[^.!?]{0,30}"
            r"\b(january|february|march|april|june|july|august|september|october|november|december|"
            r"spring|summer|fall|autumn|winter|next month|next week|the week of the \d{1,2}(st|nd|rd|th))\b",
        ],
        "zh_CN": [
            rf"(?<![元块/每周期拜第\d×xX送赠买购])(?<!提前)(?!(?<=进行)一)(?!(19|20)\d\d\s?年){_ZN}\s?(-|到|至|~|～)?\s?{_ZN}?\s?(个)?(月|周|星期|天|年|次|节|课时|小时|分钟|"
            rf"个工作日|期|回|趟|礼拜)",
            rf"{_ZN}\s?日(内|之内|以内)",
            r"(无|没有|不需要)恢复期|不影响(上班|工作|上学)|(当天|第二天|次日)(就)?(能|可以)(上班|化妆|工作|上学)",
            r"半(个)?(月|年|天|小时)",
            r"当天",
            r"一次(就|性)",
            r"几(个)?(月|周|天)",
        ],
    },
    "process": {
        "en_US": [
            r"\b(first|firstly|to start|step one|step 1|we start|it starts|begins? with)\b",
            r"\b(then|after that|afterwards|next|once|followed by|finally|after which)\b",
            r"^\s*(\d[.)]|[-•*])\s",
            r"\b(consultation|exam|examination|x-?rays?|ct scan|scan|"
            r"evaluation|assessment|review|surgery|procedure|placement|healing|crown|impression|"
            r"intake|appraisal|inspection|measure|design|quote|paperwork|mediation|hearing|filing)\b",
            r"\b(itemi[sz]ed|breakdown|line by line)\b",
        ],
        "zh_CN": [
            r"(先|首先|第一步|一开始)",
            r"(然后|再|接着|之后|随后|最后|第二步|等.{1,8}后)",
            r"(^|\n)\s*(\d[.、)]|[①②③④⑤•\-])",
            r"(面诊|检查|拍片|CT|评估(?!师)|咨询|手术|植入|愈合|戴牙|"
            r"取模|复查|量房|设计|报价|签合同|立案|调解|开庭|审核|核实|调查|处理)",
        ],
    },
    "credentials": {
        "en_US": [
            r"\b(certified|certification|licensed|license|credentialed|accredited|board[- ]certified)",
            r"\b(certs|certificates?|credentials)\b",
            # who they are: "grad students from UCLA", "working IT pros", "retired teachers"
            r"\b(grad|graduate|doctoral|med|law) students\b",
            r"\b(working|practicing|practising) ([\w-]+ )?(pros|professionals|engineers|nurses|"
            r"accountants|lawyers|attorneys|developers|programmers|designers|admins)\b",
            rf"\b(been|was|served as) an? [\w -]{{2,30}}\bfor {_N}\+? (years?|yrs?)\b",
            r"\b(degree|degrees|master'?s|phd|doctorate|graduated?|university|college)\b",
            rf"\b{_N}\+? (years?|yrs?)\b.{{0,25}}(experience|teaching|practice|practicing|"
            r"in practice|in (the )?industry|in the field)",
            rf"\b(taught|teaching|practiced|practicing|worked|working|been doing)\b.{{0,40}}"
            rf"\bfor {_N}\+? (years?|yrs?)\b",
            r"\byears of experience\b",
            # a test score of their own: "all 99th percentile scorers", "perfect scores"
            r"\b\d{2}(st|nd|rd|th) percentile\b|\bperfect scor(e|es|ers)\b",
            r"\bbackground[- ]check(ed|s)?\b|\bfingerprint(ed|ing)?\b|\breference[- ]check(ed|s)?\b",
            r"\bvetted\b",
            r"\b(former|current|real|actual|retired) (school |public[- ]school |high[- ]school )?"
            r"(teachers|educators|professors|nurses|engineers|judges|prosecutors)\b",
            r"\b(md|dds|dmd|rn|esq|jd|np|pa-c|cpa|cfa|pe|lpn|phd)s?\b",
            rf"\b{_N}\+? (years?|yrs?) (in|of) (accounting|law|dentistry|medicine|education|tutoring|"
            r"construction|aesthetics|\w+ing)\b",
            # who the customer will see: the same one each time, or one they pick
            r"\b(dedicated|same|consistent|assigned|regular) (tutor|teacher|instructor|coach|doctor|dentist|"
            r"provider|injector|attorney|lawyer|designer)\b",
            r"\b(select|choose|pick|request) (your|a|the) (preferred |own |specific )?(provider|doctor|"
            r"injector|tutor|teacher|instructor|attorney|lawyer|designer)\b",
            r"\b(full-time|full time|on staff)\b",
            rf"\b(ran|owned|managed|led|run|worked at|worked in|been at)\b.{{0,40}}\bfor {_N}\+? (years?|yrs?)\b",
            r"\bbar\b",
            r"\bspeciali[sz](t|ts|ed|es)\b",
            r"\b(trained|training) (in|at|by)\b",
            # "an experienced injector"; "highly trained and experienced" says nothing of whom
            r"(?<!trained and )(?<!highly )(?<!very )\bexperienced\b(?! and)",
            r"\bphysician\b",
            r"\bsurgeon\b",
            r"\bdermatologist\b",
            r"\bnurse (practitioner|injector)\b",
            # who teaches, and whether the customer can change: 'request a different tutor at any time', 'none of our tutors are undergrads'
            r"\b(request|switch to|swap to|get|ask for|change to|move to) (a )?(different|another|new) (tutor|teacher|instructor|coach|doctor|dentist|provider|injector|attorney|lawyer|designer)\b",
            r"\b(swap|switch|change) (tutors|teachers|instructors|coaches|doctors|providers|injectors|attorneys|lawyers)\b",
            r"\b(one|a|the same) (primary|main|lead) (tutor|teacher|instructor|coach|doctor|dentist|attorney|lawyer)\b",
            r"\b(former|retired|current|certified|licensed) ([\w-]+ ){1,3}(teachers?|educators?|tutors?|professors?|nurses?|engineers?)\b",
            # language-teaching qualifications: "a CELTA", "an MA in TESOL", "a native speaker"
            r"\b(celta|tesol|tefl|tesl)\b|\b(an? |his |her )(ma|ms|msc|ba|bs|bsc|med|m\.ed\.?) in\b",
            r"\bnative (english |spanish |mandarin |chinese )?speakers?\b",
            r"\b(undergrads?|undergraduates|college (students|kids))\b",
            r"\b(tutors?|teachers?|instructors?|doctors?|attorneys?|lawyers?)\b[^.!?]{0,20}\b(have|has|with)\b([\w-]+ ){0,3}(experience|training|background)\b",
        ],
        "zh_CN": [
            r"(资格证|资质|持证|执业|证书|许可证|执照|认证|医师证|教师证|律师证)",
            rf"(教龄|从业|执业).{{0,6}}{_ZN}",
            rf"(教|干|做|带|从事|执教)了?.{{0,6}}{_ZN}\s?[多来几余]?年",
            r"(全职|专职|不是兼职)",
            r"(会计师|工程师|律师|医师|设计师|建筑师|药师|心理咨询师|注册)",
            r"(有证|教资|职称|高级教师|特级教师|一级教师)",
            rf"{_ZN}\s?年.{{0,6}}(经验|教龄|执业|从业|临床)",
            r"(毕业|硕士|博士|研究生|本科|985|211|名校|师范)",
            r"(主任医师|副主任|主治|专家|教授)",
            r"(在职|在编|公立学校|一线)(老师|教师)",
            r"固定(的|一个|一位|一名)?(老师|医生|律师|设计师|教练)|不会?(换来换去|随便换|换人)|(指定|挑选|选择)(医生|老师|律师|设计师)",
            r"(正规|合法|备案|营业执照)",
            r"背景(审核|调查)",
            r"(培训|考核)(上岗|合格|通过)",
            # the same teacher or one the customer can change: 是固定的，都是李老师上; 可以随时申请更换
            r"(随时|可以|能)[^，。！？]{0,6}(更换|换老师|换医生|调换)",
            r"(老师|医生|律师|设计师|教练)[^，。！？]{0,4}固定|^\W*(是)?固定的|固定(带|教|上)",
            r"都是[^，。！？]{0,3}(老师|医生|律师)(上|带|教|做)",
        ],
    },
    "coverage": {
        "en_US": [
            r"\b(covers?|covered|not covered|doesn'?t cover|don'?t cover)\b",
            # which insurance is taken, yes or no ("we don't take insurance" answers too)
            r"\b(we|they|you) (do not |don'?t |no longer |can'?t |can )?(accept|take|bill|file with|"
            # "we accept many insurance plans" names none
            r"work with)\b(?! (many|various|several|a variety of|numerous|a range of|all kinds of|different|lots of|a lot of|tons of|plenty of) "
            r"(\w+ )?(plans|carriers|providers|insurances?)\b(?! (including|like|such as)))[^.!?]{0,30}\b(insurance|ppo|hmo|medicaid|medicare|plans?|carriers?|"
            r"[A-Z][a-z]+)",
            r"\b(reimburs\w*|out[- ]of[- ]pocket|copays?|co-pays?|deductibles?|in[- ]network|"
            r"out[- ]of[- ]network|benefits? check|pre-?authori[sz]ation)\b",
            r"\b(pays?|paid) (for )?(part|some|most|all|a portion|nothing)\b",
            r"\bmedicare (itself |alone |by itself )?(advantage|part|doesn'?t|does not|won'?t|usually|"
            r"generally)\b",
            # a plain yes or no about a plan, or what a plan puts toward the bill
            r"\b(medicare|medicaid|insurance|ppo|hmo)\W{1,2}(no|nope|yes|yep)\b",
            r"\b(plans?|insurance|coverage|benefits?)\b[^.!?]{0,30}\b(give|gives|put|puts|pay|pays)\b"
            r"[^.!?]{0,25}\btoward\b",
        ],
        "zh_CN": [
            r"(报销|能报|可以报|不能报|不报|不给报|报不了|可报)",
            r"自费",
            r"(收|接受|支持|能用|可以用|不收|不接受|不支持|用不了)(医保|商保|保险|医保卡)",
            r"医保.{0,6}(不(能|给|报|覆盖|包括|管|在|支持)|可以|能|目前|"
            r"一般|部分|覆盖|支付|范围|统筹|个人账户|报)",
            r"(商保|商业保险).{0,10}(报|赔|覆盖|理赔)",
            r"(部分|全部|比例).{0,4}(报|覆盖|承担)",
            r"(个人账户|统筹|个账|定点|刷.{0,3}(医保|卡))",
            # billed to the insurer directly, or paid first and claimed back: 有直付, 先付了拿发票回去报
            r"(直付|直赔|直接结算|(先付|垫付|先垫)[^，。！？]{0,10}(报|理赔)|发票[^，。！？]{0,6}(报|理赔))",
        ],
    },
    "safety": {
        "en_US": [
            r"\b(anesthe\w+|anaesthe\w+|numb\w*|sedation|sedated|local\b)",
            r"\b(sore|soreness|discomfort|swelling|swollen|bruis\w+|redness|tender|ache|aching)\b",
            r"\b(side effects?|risks? (include|are|is)|complications?|infection|allerg\w+)\b",
            r"\b(painkillers?|pain relievers?|ibuprofen|tylenol|advil|ice packs?)\b",
            r"\b(feel|felt) (some |a little |mild )?(pressure|pinch|sting)\b",
            r"\b(hurts?|painful|pain) (a little|less|more|much|after|for)\b",
            r"\bmild\b",
            r"\bdoesn'?t hurt\b",
            r"\bwon'?t feel\b",
            # how much it hurts in other words: 'most patients feel no pain', 'barely hurts', 'pain is minimal'
            r"\b(little|minimal|hardly any|barely any|very little|not much|some|mild|manageable) (real )?(pain|discomfort)\b|\b(feel|felt|feels|have|had|report) (no|little) (real )?pain\b",
            r"\b(barely|hardly|doesn'?t really|does not|won'?t|shouldn'?t|not) (hurt|painful)\b|\bnot (very|that|too|really|particularly) painful\b",
            r"\bpain (is|was|tends to be|should be) (minimal|mild|manageable|low|limited|slight|moderate)\b",
            # how much it hurts, compared: "not as bad as people think", "their last filling felt worse"
            r"\bnot (as|that) bad as\b|\b(felt|feel|feels) worse\b|\b(like|than) (getting )?(a|your) "
            r"(filling|tooth pulled|extraction|shot)\b",
        ],
        "zh_CN": [
            r"(麻药|麻醉|局麻|镇静|打麻)",
            r"((?<!疼)不疼|(?<!痛)不痛|不会疼|有点疼|微痛|酸胀|胀痛|痛感|疼痛感|刺痛)",
            r"(肿|淤青|红肿|出血|恢复期)",
            r"(止痛|止疼|消炎|冰敷)",
            r"(副作用|风险|并发症|感染|过敏|不适)",
            # how much it hurts, compared: 不太疼的，跟拔牙差不多
            r"不(太|怎么|大|是很|算|会很|会太|会特别|会怎么)(疼|痛)|(像|比)(拔(个)?牙|打(个)?针|补(个)?牙|洗牙|抽血|蚊子)|"
            r"(跟|和)(拔(个)?牙|打(个)?针|补(个)?牙|洗牙|抽血)(差不多|一样|类似|相当)",
        ],
    },
    "location": {
        "en_US": [
            r"\b(elevator|wheelchair|ramp|accessible|accessibility|parking|garage|ground[- ]floor|"
            r"first floor|step-free|no stairs|handicap)\b",
            r"\b\d+ [A-Z]?[a-z]+ (st|street|ave|avenue|rd|road|blvd|drive|dr)\b",
            r"\b(located|address|downtown|near the|next to|across from|suite \d+)\b",
            r"\b(bus|subway|train|metro) (stop|station|line)\b",
        ],
        "zh_CN": [
            r"(电梯|无障碍|轮椅|坡道|停车|一楼|楼层|台阶|扶手)",
            r"(地址|位于|就在|附近|对面|旁边)",
            r"(地铁|公交|站)",
            r"\d+\s?(号|楼|层|室)",
            r"(路|街|大道|广场|大厦)\d*",
        ],
    },
    "outcome": {
        "en_US": [
            # a tendency ("most kids", "usually") answers the question just asked; a bare "it
            # depends", "every case is different" or "I can't promise" is no answer at all
            # (not what usually matters or how we usually start: "things that usually matter", "we
            # usually start with a diagnostic test")
            # ("we hear that often from parents" is how often a question comes, not a result)
            r"~(?<!hear )(?<!hear that )(?<!hear it )(?<!hear this )(?<!asked )"
            r"\b(most|many|majority of|typical|typically|usually|generally|on average|often)\b(?! (matters?|"
            r"depends?|var(y|ies)|affects?|determines?|comes? into play|start|begin|recommend|suggest|ask|"
            r"factors|variables|considerations|aspects|approach|approaches|handle|handles|weigh|weighs|"
            r"schedule|book|meet|send|offer|charge|makes?)\b)"
            # a tendency of something else: "most insurance plans are accepted", "many of our staff"
            r"(?! (of (our|the) )?(insurance|insurers|plans?|carriers|major|credit|cards|payment|forms|"
            r"weekdays|weekends|evenings|days|locations|offices|branches|staff|teachers|tutors|"
            r"instructors|dentists|doctors|lawyers|attorneys)\b)"
            # how many visits a course takes is no result: "most people need 4 visits"
            r"(?!( \w+){0,2} (need|needs|take|takes|require|requires|come in for) (about |around |roughly "
            r"|between )?(\d+|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b"
            r"[^.!?]{0,14}\b(visits?|sessions?|lessons?|appointments?|classes|treatments?)\b(?![^.!?]{0,30}"
            r"\b(see|notice|improve|results?|difference|progress|better|clicks?|catch up|kicks? in)\b))",
            r"~\b(lose|win|settle|improve|pass|heal)s? (all the time|often|regularly|frequently)\b",
            # "the driver behind is almost always liable", "as clear-cut as it gets"
            r"~\b(almost|nearly|virtually) always\b|\bclear[- ]cut\b",
            r"\b(have|has|stand|got) (a|an) (real |good |decent |fair |strong |solid )?(shot|chance|case)\b",
            r"\b(stronger|weaker|better|worse|higher|lower) than (usual|most|average|typical|normal)\b|"
            r"\b(a )?(good|strong|great|solid|promising) (start|sign|foundation)\b",
            r"\b(can|could|will) (do|treat|help|place|take)\b[^.!?]{0,25}\b(anyone|anybody|everyone|everybody|"
            r"any age|all ages)\b",
            r"~^\W*(not necessarily|not at all|absolutely not|of course not)\b",
            r"\b(likely|unlikely|strong case|weak case)\b",
            r"\b(chances?|likelihood|odds|success rate|shot)\b[^.!?]{0,20}\b(good|high|low|slim|"
            r"decent|strong|great|fair|better|solid|\d)",
            r"\b(good|decent|strong|high|low|slim|fair|reasonable|real|great|solid) "
            r"(chance|shot|odds|likelihood|case|position)\b",
            r"\b(improve\w*|progress|raise|gain) (by|within|in|after)\b",
            r"\b\d+ (out of|in|of (our|the|their|my|those|these)) \d+\b|\b\d0 ?/ ?\d0\b",
            r"\b(at any age|good candidate|perfect candidate|candidates?)\b",
            # (not how many would recommend us: "96% of parents say they'd recommend us")
            r"\b\d+\s?(points?|pts\b|%)(?! off\b)(?! of (our )?(parents|families|clients|customers|patients|"
            r"students|reviewers)\b[^.!?]{0,25}\b(say|said|recommend|rate|rated|satisfied|happy|love))",
            # the odds moving, a kind of case compared, a grade climbed: "your odds go up a lot",
            # "slip and falls are tougher than car accidents", "go from failing to passing"
            r"\b(odds|chances)\b[^.!?]{0,12}\b(go|goes|went|going) (up|down)\b|"
            r"\b(are|is) (tougher|harder|easier) (than|to win)\b|"
            r"\b(go|goes|went|gone|going) from (failing|an? [a-f]\b|[a-f]s\b|[cdf]\b)[^.!?]{0,8} to\b",
            # who qualifies: "everyone qualifies here", "you're eligible"; a yes on a condition
            r"\b(everyone|everybody|anyone|anybody|most people|you|you'?re|you are)( \w+)? (qualif(y|ies)|"
            r"(is|are|be) (eligible|a (good )?candidate))\b",
            r"~^\W*(yes|yep|yeah|sure|absolutely)\b,? (as long as|so long as|provided|if)\b",
            r"\b(age (alone )?(is|isn'?t)|bone (density|health)|overall health)\b",
            r"\b(beginners?|from scratch|the basics|starting level|placement test|catch up)\b",
            # a verdict on the case or the customer's prospects, hedged or boastful
            r"\b(case|claim|position|one)\b[^.!?]{0,25}\b(looks?|is|seems?|sounds?) (pretty |really |"
            r"very |quite )?(solid|strong|good|weak|promising|winnable|tough|hard|difficult|easy)\b",
            r"\b(tough|hard|difficult|easy|uphill)( one)? to (prove|win|show)\b|\bnot impossible\b|"
            r"\buphill (fight|battle|climb)\b|"
            r"\btends? to be (strong|weak|favorable)|\b(end|ends) up (with|being|getting|pled|reduced|"
            r"dismissed|settl)",
            # what happens by when ("she'll be caught up by the end of the semester"); a bare boast
            # ("you'll definitely pass!", "I guarantee a win") says nothing of this case
            r"\b(you|he|she|they)('ll| will)( def| definitely| certainly| probably| likely)? (be caught up|"
            r"catch up|improve|go up|keep up|notice|see (a )?(difference|change|improvement))\b"
            r"[^.!?]{0,30}\b(by|within|in|after|before)\b",
            rf"\b(notice|see|start|go up|move|improve\w*|catch up)\b[^.!?]{{0,40}}\b(within|in|after|"
            rf"by) (about |around )?(a |the )?({_N}|couple|few|next|end)\b",
            r"\b(totally|completely|perfectly|absolutely) (fine|normal|doable|possible)\b|"
            r"\b(isn'?t|not) (too old|a (problem|barrier|deal[- ]?breaker)|an issue)\b|\bdo(es)? fine\b",
            # a verdict put as what a fact does not do to the case: "that doesn't weaken your claim"
            r"\b(does ?n'?t|does not|won'?t|will not|would ?n'?t)( really| necessarily)? (weaken|hurt|sink|"
            r"kill|ruin|undermine)( your| the| his| her| their)? (claim|case|chances|position)\b",
            # a verdict in other words: 'a pretty solid claim', 'your odds ... are good', 'doesn't disqualify you', 'very doable'
            r"(?<!whether )(?<!if )\b(you'?ve got|you have|you'?d have|it'?s|that'?s|this is|there'?s) (a |an )?(pretty |really |very |quite |fairly )?(solid|strong|good|decent|reasonable|winnable|weak|viable) (claim|argument|defen[cs]e)\b",
            r"\b(chances?|likelihood|odds|success rate)\b[^.!?]{0,50}\b(are|is|look|looks|seem|seems) (pretty |really |very |quite )?(good|high|low|slim|decent|strong|great|fair|better|solid|reasonable)\b",
            # (not "what usually makes a case strong is…": what it turns on, no verdict)
            r"(?<!what )(?<!usually )(?<!typically )(?<!generally )(?<!really )"
            r"\bmakes? [^.!?]{0,40}\b(cases?|claims?) (strong|stronger|weak|weaker)\b",
            r"\b(can|could|may|might|would|does|do) (support|back up|strengthen|weaken|hurt) (a|an|your|the|his|her)\b[^.!?]{0,25}\b(claim|case|position)\b",
            r"\b(enforceable|unenforceable|won'?t hold up|hold up in court)\b",
            r"\b(doesn'?t|does not|don'?t|do not|won'?t|will not|wouldn'?t)( automatically| necessarily)? "
            r"(disqualify|rule (it|him|her|you|them) out|count against)\b",
            # a verdict in a few words (fresh83): "that'll be hard", "not a slam dunk", "sounds worth
            # pursuing"; who a course is for: "assumes zero background"
            r"\b(that'?ll|it'?ll|that will|it will|it'?s going to|that'?s going to) be (hard|tough|difficult|"
            r"an uphill)\b|\bnot a slam dunk\b|\b(sounds|looks|seems) (like it'?s )?worth (pursuing|fighting)\b",
            r"\b(zero|no) (background|prior (knowledge|experience))\b",
            r"\b(helps?|helped) (a lot|a great deal|a ton|less|your case|your claim)\b",
            r"(?<!what's )(?<!what is )(?<!whats )(?<!what’s )"
            r"\b(very |totally |definitely |quite )?(doable|realistic|achievable)\b",
            r"\b(noticeable|visible|measurable|steady) (improvement|progress|difference|change|gains?)\b",
            r"\bno (age )?(cutoff|cut-off|upper (age )?limit|age limit)\b",
            # "it isn't an automatic no", "It doesn't automatically mean no"
            r"\b(isn'?t|is not|not) an automatic (no|disqualifier)\b|\b(doesn'?t|does not) "
            r"(automatically )?(mean|rule out)( a)? (no|out)\b",
            r"\b(age|it)( by itself| alone)? (isn'?t|is not|doesn'?t|does not) (what )?(decides?|matters?|the issue)\b",
            # where the customer stands, in a reviewer's words (an independent agent's and the
            # writers'): "you're in a decent spot", "tend to go well for tenants", "a pretty
            # solid breach of contract claim", "liability looks pretty clear", "a coin flip"
            r"\b(in|into) (a )?(decent|good|strong|solid|great|tough|weak|bad|pretty good) (spot|shape|position)\b",
            r"\btends? to go (well|badly|your way)\b|\bgo(es)? (well|badly) for\b",
            r"(?<!whether it's )(?<!whether its )(?<!if it's )(?<!if its )(?<!whether you have )"
            r"\b(a|an|that'?s a|you have a|you'?ve got a|may have a|might have a)( pretty| really| very| quite| fairly)?"
            r" (solid|strong|good|decent|winnable|weak|viable|valid|real)( [\w-]+){0,3} (claim|case)\b(?! (manager|file|number|study))",
            r"\b(side|case|claim|position)\b[^.!?]{0,20}\bgets? (a lot |much |way |even )?stronger\b",
            r"\b(liability|fault)\b[^.!?]{0,15}\b(looks?|is|seems?) (pretty |fairly |very )?(clear|obvious)\b",
            r"\bcoin ?flip\b|\b(a lot|plenty|much) (going )?in your favou?r\b|\b(some|a few|several) good points\b",
            r"\b(doesn'?t|does not) (sound|look|seem) (weak|bad|hopeless)\b",
            r"\b(very |quite )?(rarely|seldom|almost never) (take|takes|award|awards|side|rule)\b|"
            r"\bget(s)? (dismissed|thrown out)\b",
        ],
        "zh_CN": [
            r"~(一般来说|大部分|大多数|多数|通常|普遍)",
            # (how many visits a course takes is no result: 一般需要4次，6周左右完成)
            r"~(一般|通常)(要|得|需要)(?![^，。！？；]{0,5}(次|节|趟|回|疗程)(?![^。！？]{0,12}(效果|进步|提分|提高|变化|改善|见效)))",
            # (an arrangement made is no result: 一般两三天就能安排好)
            r"(一般|大部分|大多数|多数|通常)[^，。！？]{0,8}(能|会|都|可以|是)[^，。！？]{0,4}(种|做|治|"
            r"(?<!安排)(?<!准备)(?<!约)(?<!排)(?<!弄)(?<!办)(?<!处理)(?<!定)(?<!商量)好|提|进步|赢|胜诉|通过|恢复|跟上|拿到|要回|支持|认定|认可|判给|判赔)",
            # what a court will do, or what can be claimed: 法院一样会支持, 理论上能主张八万多
            r"(法院|法官|仲裁委?|劳动仲裁)[^，。！？]{0,6}(会|能|也会|一样会|都会|是)(支持|认定|认可|判给|判赔|判离|判决离婚|准予离婚|判不离)",
            # 认定工伤基本没问题, 这些都是能全额拿到的
            r"(认定|胜诉|要回|拿到|判|赔)[^，。！？]{0,6}(基本|应该)?(没问题|没什么问题|问题不大)|能(全额|足额)(拿到|要回|赔偿|获赔)",
            rf"(能|可以)(主张|拿到|要到|要回|获得|索赔|拿回)[^，。！？]{{0,8}}({_ZN}|\d)",
            r"^\W*(能告|可以告|能起诉|可以起诉|能赢|能打)",
            rf"(提分|涨分|提高|提升)\s?{_ZN}+\s?(来|多)?分",
            # points gained, told as what happened: 期末基本都涨了十几分, 平均提了15分
            rf"(涨|提|提高|提升|进步)了\s?({_ZN}+|\d+)\s?(几|多|来)?\s?分",
            r"([一二三四五六七八九]成.{0,20}|(百分之|\d+\s?%).{0,12})(提升|提高|进步|好转|成功|胜诉|通过|有效)",
            rf"((概率|几率|机会|可能性|胜算|胜诉率|成功率|把握|赢面|比例)[^，。！？越]{{0,4}}(挺|很|比较|相当|非常|不)?(大|高|小|低|"
            rf"\d|[一二三四五六七八九]成|一半)|(有|有一定|一定的?)(胜算|把握|赢面)|五五开|大概率|对您(比较|很|挺)?有利(?!的?(证据|材料|条件|因素))|"
            rf"提(高|了|个|到)?\s?{_ZN}+(\s?[到至\-~～]\s?{_ZN}+)?\s?(来|多)?分|提高\s?{_ZN}|进步了?\s?{_ZN})",
            # how soon it shows: 一个半月左右作业正确率会先上来, 正常要一两个月才明显
            rf"({_ZN}|几|半)\s?(个)?(月|周|星期|学期|礼拜)[^。！？]{{0,14}}(看到|看出|见效|变化|上来|好起来|明显|"
            rf"进步|改善|提升|提高|起色|(见|出|有)效果)",
            r"(年龄不是|骨量|骨密度|身体状况|全身情况)",
            r"(零基础|从基础|基础班|入门|分班|测试.{0,4}水平|跟得上|跟不上)",
            # a verdict, hedged or boastful: 有点难, 好打, 百分百能赢, 保证一次过, 八十二岁能种
            # a verdict on this case (有点难, 好打, 跑不掉); a bare boast (稳赢, 保证提分) is none
            r"((有点|比较|挺|很|不|蛮)难(?!过|受)|(?<!好)不好打|(?<!好不)好打|难打|跑不掉|没戏|悬了)",
            # a yes or no to "can she/can I": 八十二岁能种, 高血压控制住也能做 (not 能不能种, 是否能种)
            r"(也|都|照样|一样|完全|当然|照常|还是)(能|可以)(种|做|跟上|学|治|上|告|起诉|赢|胜诉|仲裁|主张)|(?<![不否果])(能|可以)(种|跟上|跟得上)"
            r"(?!吗|不)",
            r"~(?<![不否果也])(能|可以)考虑(?!吗|不)",
            # a condition to meet first: 血压要先控制到一百六以下才能做, 血糖稳定了就可以种
            r"(控制|稳定|降)[^，。！？]{0,8}(以下|以上|达标|正常|住|好|了)[^，。！？]{0,3}(才|就)(能|可以)(种|做|治|手术)",
            r"(底子|基础)[^，。！？]{0,3}(没关系|不要紧|没事|不是问题)",
            # a verdict in other words: 有胜诉的可能, 判退的居多, 风险不大, 年纪不是问题, 不一定就不能种
            r"(有|存在)[^，。！？]{0,6}(胜诉|赢|成功|要回|判)[^，。！？]{0,2}的?(可能|希望|机会)",
            r"(判|要回|胜诉|赢|支持)[^，。！？]{0,6}的?(居多|占多数|为主)",
            r"风险(不大|很小|较小|比较小|不高|很大|较大|比较大|挺大|很高)",
            r"(基本|一般|大概率|多半)上?(是|都)?(能|可以|会)(拿到|要回|判|赢|胜诉|追回|退)",
            r"(有)?可能(会)?被(认定|判)",
            r"(很有|有|没|没有)希望|希望(不大|很大|挺大)",
            r"(年纪|年龄|岁数)[^，。！？]{0,4}(不是问题|没关系|不要紧|不是(主要)?(问题|障碍))",
            r"(可以|能)进行[^，。！？]{0,4}(种植|手术|治疗)",
            r"^\W*(可以的?|能的?)[，,]\s*(但|不过|只要|前提)",
            r"不一定就?(不能|不行)",
            # a verdict put as a share, a precedent, a way round or a risk (fresh60-62):
            # 七八成把握是有的, 八十多岁种的也有, 骨头不好也可以先植骨再种, 不是说一定不行，但风险会高,
            # 基础弱的先上四周衔接课, 跟上进度一般没有问题
            r"([一二三四五六七八九]{1,2}成|百分之[一二三四五六七八九十]+|\d{1,3}\s?%)的?"
            r"(把握|胜算|赢面|可能|希望|机会)",
            r"(种|做|学|考过|跟上|赢|胜诉)的?(也|都)(有|不少|很多)|(也|都)有[^，。！？]{0,4}(?<![一二两三四五六七八九十几\d])(种|做)(成功)?的(?!吗)|"
            r"有[^，。！？]{0,6}岁(的)?[^，。！？]{0,3}(种|做)(成功)?(的|过)(?!吗)",
            r"(也|都|还是)(能|可以)先[^，。！？]{0,8}再(种|做|学|上|治)",
            r"不是(说)?(一定|绝对|完全)(不行|不能)|并非不能|风险(会|也)?(比[^，。！？]{0,6})?(高|大)(一些|一点|点)?",
            r"衔接(课|班)|先上[^，。！？]{0,10}(基础|入门)",
            r"跟上[^，。！？]{0,6}(没(有)?(问题|事)|不难|不成问题)",
            # a verdict as the writers put it: 一般对劳动者比较有利, 支持率挺高的, 工伤认定一般问题不大,
            # 难度比较大, 赔偿基本没悬念, 基本是能支持的, 说服力就大很多
            r"(?<!不)(比较|很|挺|更|相当|是|都)有利(?!的?(证据|材料|条件|因素))|对[^，。！？]{1,6}有利(?!的?(证据|材料))",
            r"(支持率|胜诉率|成功率|通过率)[^，。！？]{0,6}(高|低|大)",
            r"问题不大|没(什么|啥)?悬念|难度(比较|很|挺|相当|不)?(大|小)|难度不小",
            r"(基本|一般|大概率|多半)上?(是)?(能|可以|会)(被)?(支持|认定|判|赔|多分|少分)",
            r"说服力[^，。！？]{0,4}(大|强)",
        ],
    },
    "policy": {
        "en_US": [
            r"\b(refund\w*|money back|reimburse|credit (back|toward)|redo|re-do|re-?treat\w*|replace\w*)",
            r"\b(warrant\w+|guarantee period|covered under|at no (cost|charge)|free of charge|"
            r"no[- ]charge|no cost)\b",
            r"\b(policy|policies|terms)\b",
            r"\b(can|could|free to|able to) (switch|change|swap)\b",
            r"\b(switch|change|swap)\w* (anytime|at any time|for free|free of charge)\b",
            rf"\bwithin {_N} (business )?(days?|weeks?|months?)\b",
            rf"\b{_N}[- ]years? (warranty|guarantee)\b",
            r"\b(we'?ll|we will) (review|look into|"
            r"escalate|investigate|check)\b",
            r"\b(yes|no)\b.{0,30}\b(partner|partnership|referr)",
            r"~\b(not (interested|looking|buying)|we don'?t (do|work with|partner)|no thanks|all set|"
            r"remove us|partner\w*|co-counsel|referral (split|fee)|guarantee\w*|handles that)\b",
            # where a partnership goes, who took over a departed doctor, a repair on us: answers to the question asked
            r"~\b(business (inquiries|email|development)|partnership inquiries|contact (form|page)|(email|form) on (our|the) (website|site|contact page))\b",
            r"~\b(left (the|our) (practice|office|clinic|firm)|no longer (works|practices|with us|here)|still (works|practices) (here|with us)|(has|have) taken over|took over (his|her|their))\b",
            r"~\b(repair|fix|fixing|redo|replacement|replacing it|re-?cementing|re-?doing it)\b[^.!?]{0,20}\b(is|are|'s) (free|on us|on the house)\b|\bcovered (for|under) (a |\d|one|two|three|five|ten)",
        ],
        "zh_CN": [
            r"(可以退|能退|不能退|不退|退不了|全额|部分退|退.{0,6}\d|\d.{0,8}退|原路退)",
            r"(重做|返工|免费(重做|修|处理|复查))",
            r"(可以|能|免费|随时)(换|更换|调换)",
            r"(暂时没有|暂无|没有计划|不需要了)",
            r"(质保|保修|保固)",
            rf"{_ZN}\s?年(质保|保修)",
            r"(政策|规定|条款|合同约定)",
            r"(核实|调查|复核|审核)",
            r"\d+\s?个?工作日",
            r"(不需要|不考虑|暂不|不合作|谢谢.{0,4}(不|暂))",
            # 商务邮箱 for a partnership, who took over, 免费重补 / 保一年
            r"~(商务邮箱|合作[^，。！？]{0,12}(邮箱|邮件|官网|联系我们)|(发|通过)[^，。！？]{0,6}(邮箱|邮件|官网)[^，。！？]{0,12}(合作|对接|评估))",
            r"~(离职|已经走了|不在我们(这|这里|医院|诊所)了|还在我们(这|这里)|接手|接诊了?(他|她)的)",
            r"重补|重新补",
            r"~保[一二三四五两\d]+年",
        ],
    },
    "documents": {
        "en_US": [
            r"\b(contracts?|ids?\b|photo id|driver'?s license|records|receipts?|pay ?stubs?|"
            r"bank statements?|statements|emails|texts|screenshots?|photos|"
            r"insurance card|medicare card|medication list|list of (medications|meds)|x-?rays|"
            r"letters?|medical history|copies|invoices?|w-?2s?|tax returns?|voicemails?|voice messages?|"
            r"recordings?|call logs?)\b",
            r"~\b(evidence|timeline|notes)\b",
            r"\bbring (your|his|her|their|the|a|any)\b",
            r"\bcopy of\b",
        ],
        "zh_CN": [
            r"(身份证|合同(?!纠纷)|截图|聊天记录|录音|病历|医保卡|社保卡|片子|收据|发票|工资条|"
            r"银行流水|劳动合同|考勤|转账记录|借条|欠条|户口本|结婚证|证件|用药|药单|检查报告)",
            r"(转账|聊天|短信|通话记录|打卡记录|流水|证人|监控|视频|照片|付款记录|收条|凭证)",
            r"(带上|带好|准备好|带着)",
        ],
    },
    "availability": {
        "en_US": [
            # (not "No pressure if not", "No worries": a courtesy)
            r"^\W*(yes|yep|yeah|sure|absolutely|of course|definitely|certainly|no|nope|not|possibly|"
            r"unfortunately|not really|you bet|we do|we can|you can|totally)\b"
            r"(?! (worries|worry|pressure|rush|hurry|obligation|stress)\b)",
            r"\b(i'?ll|we'?ll|i will|we will) (reserve|book|hold|set (it|you) up|schedule|pencil)\b",
            r"\b(you can|you could|we can|we do|we offer|we have|we provide|we'?re able to|is available|"
            r"are available|happy to(?! help| assist| answer)|can be (done|booked|arranged))\b",
            r"\b(you don'?t (need|have) to|no need (for (you|him|her|them) )?to|not necessary|isn'?t necessary|"
            r"that'?s fine|that works|not required|don'?t offer|(we|you) can'?t|we don'?t)\b",
            r"\bonline\b|\bzoom\b",
            # what someone else may or need do: "he can come on his own", "she's welcome to"
            r"\b(he|she|they) (can|can'?t|will need to|needs? to|has to|have to|"
            r"doesn'?t (need|have) to|don'?t (need|have) to)\b|"
            r"\b(he'?s|she'?s|they'?re|(he|she) is|they are) (welcome|fine|free|able) to\b",
            r"\b(it'?s|it is) (best|better|recommended|a good idea) (if|to|for)\b",
            # how the asked thing is done says it can be ("Do I need an appointment to test drive?"
            # "just bring your license, and if you book ahead we'll have the car ready")
            r"~\bjust bring (your|a|her|his|their|the)\b|\bwalk-?ins? (are )?(welcome|fine|ok)\b|"
            r"~\bif you book (it )?ahead\b",
            # a booking offered answers "can I book for her?": "I can book it right here"
            r"~\bi can (book|schedule|reserve|set up) (it|that|this|him|her|them|you|an? \w+|the \w+)\b",
        ],
        "zh_CN": [
            r"(^|[，,。；;！!]\s*)\W*(可以|能|有的|有|没问题|当然|是的|对|不用|不需要|不行|暂时不|没有|不可以|支持|行)",
            r"(可以的|能的|支持|提供|没问题|不用|不需要|完全可以|当然可以|都可以|也可以|可以帮|可以给|"
            r"可以安排|可以预约|不必|无需|线上|网课|直播|远程|不合作|暂不|也行|都行|行的|最好(有|是|能|要|让|您)|"
            r"(可以|也能|都能)(第二天|随时|之后|事后|回头)?(看|报|补|约|选|改|换|带|用)|"
            r"建议(有|您|家属|家人))",
            # how the asked thing is done says it can be (能试驾吗？ 带上驾驶证就行，提前预约一下)
            r"~(带上?|拿上?)[^，。！？]{0,8}(就行|就可以|即可)",
            r"~提前(预约|约)[^，。！？]{0,8}(就行|就可以|即可|我们)",
            # a no put as no plans: 我们所目前没有对外渠道合作的计划
            r"~(目前|暂时|现在|暂)(还)?(没有|没|不)[^，。！？]{0,12}(计划|打算|考虑|需要|需求|意向)",
        ],
    },
    "product": {
        "en_US": [
            r"\b(brand|brands|name[- ]brand|made by|manufacturer|model|grade|line)\b",
            r"\b(we use|we install|we carry|we source)\b",
            r"\b(solid wood|plywood|mdf|quartz|granite|porcelain|stainless|hardwood|laminate)\b",
            _BRAND_EN,
        ],
        "zh_CN": [
            # (a material named is a topic word: 板材都是大品牌的 names no brand or grade)
            r"(用的是|采用|国产|进口|合资|实木|多层板|颗粒板|石英石|不锈钢)",
            r"(国标|欧标|美标|国家标准)|(水管|电线|板材|瓷砖|油漆|涂料|龙头|五金|地板|柜子)(用的|选的|都是|是)"
            r"(?!大品牌|好品牌|品牌|名牌|正品|一线|好的|最好)[\u4e00-\u9fff]{2}",
            r"(环保等级|E0|E1|ENF|F4星)",
            _BRAND_ZH,
        ],
    },
    "portfolio": {
        "en_US": [
            r"\b(photos|pictures|pics|portfolio|gallery|past projects|before[- ]and[- ]after|"
            r"examples|reviews|testimonials|site visit|show you|instagram|website|houzz|yelp|"
            r"references?|case studies|model home|showroom)\b",
        ],
        "zh_CN": [
            # (a boast of how many there are shows none: 案例多得很, 作品那可多了)
            r"((案例|作品)(?![^，。！？]{0,4}(多得|很多|可多|挺多|不少|丰富|无数|多了))|效果图|照片|图片|样板间|工地|参观|实景|发您|"
            r"发给您|朋友圈|官网|展厅|小区)",
        ],
    },
}


@cache
def compiled(
    need_type: str, locale: str, pending: bool = True, deal: bool = False
) -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of one need type in one locale (empty for ``other``).

    Patterns marked ``~`` are hedges or topic words ("it depends", "most cases", "evidence"):
    they answer the question just asked ("will it work?" – "it depends on your bone") but are no
    information about a question nobody asked, so they are left out when ``pending`` is false.
    Patterns marked ``$`` are amounts off (八折, 便宜五百): they answer a question about deals
    (``deal``), never the price of the service ("今晚签约律师费打八折" is no fee).
    """
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    flags = re.IGNORECASE | re.MULTILINE
    return tuple(
        re.compile(p.removeprefix("~").removeprefix("$"), flags)
        for p in _PATTERNS.get(need_type, {}).get(loc, [])
        if (pending or not p.startswith("~")) and (deal or not p.startswith("$"))
    )


@lru_cache(maxsize=8192)
def amount_off(clause: str, locale: str) -> str | None:
    """The span of an amount off in ``clause`` (九折, 便宜五百, "15% off"), or None: a deal said
    without a price, news to a customer asking about deals whether they named them or not."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    for pattern in _PATTERNS["money"][loc]:
        if pattern.startswith("$"):
            found = re.search(pattern[1:], clause, re.IGNORECASE)
            if found:
                return found.group(0)
    return None


_PROCESS_STEPS = 3
"""The first patterns of ``process`` are step markers (first, then, a numbered list); the rest
are the names of steps, which alone say nothing of an order."""


_PROCESS_MIN = 2
"""A process answer has at least two steps or step markers; one "consultation" is a topic word."""


_BARE_AMOUNT = {
    "en_US": re.compile(
        r"(?<![\d:(-])(?<!\b(in|of|by|at) )(?<!\bsince )\b(?!\d{3}[.-]\d{4}\b)(?!(19|20)\d\d\b(?![,.]\d))"
        r"\d{2,}(,\d{3})*(\s?(-|–|to)\s?\d{2,}(,\d{3})*)?\b(?![-xX)]\s?\d)(?![-.]\d)"
        r"(?![\s-]?(hours?|hrs?|days?|minutes?|mins?|weeks?|months?|years?|pages?|people|patients|"
        r"students|%|am|pm|:|of (them|these|those|us)\b|cases|clients|customers|procedures|"
        r"reviews|families|kids))|\b(a few |several )?(hundred|thousand)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        # (not a group of a phone number written in blocks: 139 2841 7706)
        rf"(?<![\d\-:：])(?<!\d\s)(?!\d{{8}})\d{{2,}}(?![\d\-xX])(?!\s\d{{3,}})(?!\s?(小时|天|分钟|周|个月|年|点|号|岁|人|位|个工作日|%|:|：|"
        # a count of shots, units or sessions (全脸900发, 100单位, 30支): no price
        rf"发|单位|支|针|节课|颗|多?家|多?所|多?名|多?例|多?万?人|平米|平方|平|㎡))"
        # (not a university tier: 985、211师范院校毕业)
        rf"(?!\s?[、，,/]\s?211)(?!\s?(师范|院校|高校|大学|工程|名校|毕业|学校))"
        # a numeral before or after 百千万, or 万把: never 万 alone (万达广场)
        rf"|(?<![上数成])(?<!好几)({ZH_NUMERAL}+[百千万]{ZH_NUMERAL}*|[百千万]({ZH_NUMERAL}+|把))"
        rf"(?![多余]?[个位名人家所次例颗年天岁起件单])"
    ),
}
"""Numbers without a currency: an amount only in reply to a price question ("四千五左右")."""


_AMOUNT_KINDS = {
    ("money", True): ("price", "special"),
    ("money", False): ("price", "special"),
    ("discount", True): ("price", "special", "reduction"),
    ("discount", False): ("special", "reduction"),
}
"""The amounts that answer a price question (not an amount off, not what insurance pays), and
those that answer a question about discounts: asked, any price; unasked, only a deal."""


_NO_VERDICT = {
    "zh_CN": re.compile(
        r"很难一概而论|不能一概而论|没法一概而论|(很难|不好|没法|无法)(说|讲|判断|预测|给出?[^，。！？]{0,6}(答复|判断|结论))|"
        # 很难对胜诉可能性做出判断: the odds named, the verdict declined
        r"(很难|没法|无法|难以)对[^，。！？]{1,12}(做出|作出|给出|下)(判断|预测|评估|结论)|"
        r"取决于(很多|诸多|多种|各种|多方面的?)因素|每个(案件|案子|人|孩子|病例)都(有其|有它的|是)?(独特|不一样|不同)[^，。！？]{0,4}"
    ),
    "en_US": re.compile(
        r"\b(every|each) (case|situation|patient|child|student|person) is (unique|different)\b|"
        r"\bdepends? on (many|several|a lot of|lots of|various|a (few|number of)|multiple)( different)? "
        r"(factors|things|variables)\b|\b(hard|impossible|difficult) to (say|predict|tell)\b|"
        r"\b(wish i could|can'?t|cannot) (give you a (clear|straight|definite) answer|predict|say)\b",
        re.IGNORECASE,
    ),
}
"""Words declining to give the odds: no verdict, however hedged they sound."""
_DIALLED = re.compile(r"(拨打|致电|拨|打|热线|电话|\bcall|\bdial|\btext)\W{0,3}$", re.IGNORECASE)
"""What comes before a number to dial."""


@lru_cache(maxsize=32768)
def information(clause: str, need_type: str, locale: str, pending: bool = False) -> str | None:
    """The span of ``clause`` that carries information of ``need_type``, or None.

    ``pending``: the clause replies to a question of this type, so a bare number ("150-250
    depending on size") is an amount too. ``discount`` is the reader's name for a money need
    about deals (see ``is_discount_need``): an amount off answers it, and no other money need.
    """
    if need_type in ("money", "discount"):
        kinds = _AMOUNT_KINDS[need_type, pending]
        found = money_amounts(clause)
        amounts = [a for a in found if a.kind in kinds]
        if amounts:
            start, end = amounts[0].span
            return clause[start:end]
        if any(a.kind == "vague" for a in found):
            return None  # a range too wide to budget with is the price withheld, in numbers
        if pending:
            for bare in _BARE_AMOUNT["zh_CN" if locale == "zh_CN" else "en_US"].finditer(clause):
                if _DIALLED.search(clause, max(0, bare.start() - 8), bare.start()):
                    continue  # 请拨打110, "call 911": a number to dial
                kind = amount_kind(clause, *bare.span())
                if kind in ("price", "special") or (
                    need_type == "discount" and kind == "reduction"
                ):
                    return bare.group(0)
        deal = need_type == "discount"
        need_type = "money"
    else:
        deal = False
    if need_type == "outcome":
        # the odds declined, not told: "every case is unique and depends on many factors",
        # 很难一概而论 ("it's hard to say, but your chances are good" keeps its verdict)
        clause = _NO_VERDICT["zh_CN" if locale == "zh_CN" else "en_US"].sub(" ", clause)
    patterns = compiled(need_type, locale, pending, deal)
    if need_type == "process":
        # an unasked process needs steps in order, not the names of steps ("检查、拍片这些能刷医保")
        usable = patterns if pending else patterns[:_PROCESS_STEPS]
        hits = [m.group(0) for p in usable for m in p.finditer(clause)]
        return " … ".join(hits[:3]) if len(hits) >= _PROCESS_MIN else None
    if need_type == "duration":
        # a count that is the unit of a price is no duration: 两百一节 is what a lesson costs
        priced = [a.span for a in money_amounts(clause) if a.kind in ("price", "special")]
        for pattern in patterns:
            for found in pattern.finditer(clause):
                if not any(s < found.end() and found.start() < e for s, e in priced):
                    return found.group(0)
        return None
    for pattern in patterns:
        found = pattern.search(clause)
        if found:
            return found.group(0)
    return None
