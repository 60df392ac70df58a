"""A rule-based ("natural") customer-service agent for local-business private-message chats.

Written BLIND: the author read only ``simulator/models.py`` (for the Transcript/Message/AgentTurn
classes) and none of the simulator's persona files, phrase lists, customers, rubrics or tests.
Every keyword list, business fact and reply below comes from general knowledge of how a
competent human rep answers. Deterministic: no LLM, no network, no randomness; wording varies
with the number of agent messages so far.

Behaviour: greet once; detect the topics of the latest customer message(s) with bilingual
regexes; answer at most three of them with concrete (invented but plausible) facts for one of six
businesses; ask a short clarifying question when nothing is recognised; ask once, optionally, for
a phone number / WeChat after a question or two or when the customer wants to book; respect a
refusal; thank and give a call-back time when a number arrives; apologise and escalate
complaints; politely decline sales pitches; admit to being an automated assistant when asked.
Re-asked questions ("you did not answer...", or a bare emoji after a question) are answered
directly without a recap or a contact request; a clarifying question never comes with one.
"How do I book / what's the next step / 接下来怎么安排" gets the concrete next step, its purpose and two
open slots to book here, plus one optional phone/WeChat request if none was made; unrecognised
messages after the first turn get that next step instead of a clarifying question.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from simulator import AgentTurn, Transcript

Pair = tuple[str, str]  # (English, Chinese)

BIZ: dict[str, dict[str, Pair]] = {
    "education": {
        "name": ("Bright Path Learning Center", "启航教育"),
        "pro": ("one of our course advisors", "课程顾问老师"),
        "purpose": ("arrange the free trial lesson", "安排免费试听"),
        "addr": ("2150 Maple Avenue, 2nd floor", "文华路88号科创大厦3楼"),
        "phone": ("(555) 014-2200", "400-820-6601"),
        "mgr": ("center director", "校区负责人"),
        "step": (
            "a free 45-minute assessment and trial lesson, which places the student at the right level and matches the right tutor",
            "免费45分钟测评+试听课，用来摸清实际水平、匹配合适的老师",
        ),
    },
    "dental": {
        "name": ("Riverside Family Dental", "仁和口腔"),
        "pro": ("the dentist", "医生"),
        "purpose": ("find an appointment time that suits", "约合适的就诊时间"),
        "addr": ("418 Riverside Drive, ground floor", "建设路156号一楼临街"),
        "phone": ("(555) 013-4400", "400-820-6602"),
        "mgr": ("clinic manager", "门诊主任"),
        "step": (
            "a first visit of about an hour — exam, x-rays and a written plan with costs from the dentist, with nothing done unless you agree",
            "先约一次初诊（约1小时）：检查、拍片，医生给出书面方案和费用，不会强制治疗",
        ),
    },
    "legal": {
        "name": ("Harper & Lin Law Group", "正衡律师事务所"),
        "pro": ("an attorney", "律师"),
        "purpose": ("set up your free 30-minute consultation", "安排30分钟免费咨询"),
        "addr": ("Suite 900, 100 Commerce Street", "金融街国际中心18楼"),
        "phone": ("(555) 017-9000", "400-820-6603"),
        "mgr": ("managing partner", "主任律师"),
        "step": (
            "a free 30-minute consultation with an attorney, by phone or in person, to review your situation and explain your options and costs",
            "约一次30分钟免费咨询（电话或到所都行），律师看您的情况、讲清楚方案和费用",
        ),
    },
    "home": {
        "name": ("Oakline Home Renovation", "匠心家装"),
        "pro": ("our project manager", "设计师"),
        "purpose": ("schedule the free site visit", "约免费上门量房"),
        "addr": ("our showroom at 77 Industrial Parkway", "家居建材城B座2楼展厅"),
        "phone": ("(555) 016-3300", "400-820-6604"),
        "mgr": ("customer care manager", "客服经理"),
        "step": (
            "a free site visit of about an hour to measure and talk through what you want, with a line-item quote within a week",
            "约一次免费上门量房（约1小时），沟通需求后一周内出明细报价",
        ),
    },
    "auto": {
        "name": ("Lakeside Motors", "鑫达汽车"),
        "pro": ("a sales consultant", "销售顾问"),
        "purpose": (
            "give you an exact out-the-door quote and book a test drive",
            "给您出准确报价、约试驾",
        ),
        "addr": ("5600 Lakeside Boulevard", "汽车城大道1号"),
        "phone": ("(555) 015-8800", "400-820-6605"),
        "mgr": ("general manager", "店总"),
        "step": (
            "a visit of about an hour with a test drive and a written out-the-door quote",
            "到店看车试驾（约1小时），当场出书面落地价",
        ),
    },
    "medical_aesthetics": {
        "name": ("Lumière Aesthetic Clinic", "悦颜医疗美容"),
        "pro": ("our doctor", "面诊医生"),
        "purpose": ("set up a free consultation", "安排免费面诊"),
        "addr": ("3rd floor, 220 Park Lane", "中山路200号悦颜大厦3楼"),
        "phone": ("(555) 012-7700", "400-820-6606"),
        "mgr": ("clinic manager", "院长"),
        "step": (
            "a free 30-minute consultation where the doctor assesses you and gives a plan and an exact price, with no obligation to book treatment",
            "约一次免费面诊（约30分钟），医生评估后给方案和准确价格，当天不用决定",
        ),
    },
}

# Topics in answering priority. Industry-only topics are skipped where no fact exists.
TOPICS: list[tuple[str, str]] = [
    (
        "partner",
        r"partnership|partner with|referral (arrangement|program|agreement|deal)|collaborat|business proposal|work(ing)? together|合作|分成|佣金|返点|对接人|商务",
    ),
    (
        "bill",
        r"itemi[sz]ed|\bbill\b|invoice|receipt|what is this charge|charged (me )?(for|twice)|overcharg|账单|发票|收据|明细|这一项|啥子钱|什么钱|多收|乱收",
    ),
    (
        "redo",
        r"pay again|get it (fixed|redone)|\bre-?do\b|redone|fix it (for free|again)|free (fix|repair|redo)|who('s| is)? (going to|gonna|will) fix|重新(弄|做)|重做|返工|返修|再交钱|再收(费|钱)|免费(给我)?(重做|修)|谁(来)?(修|负责处理)|how (you\'?ll|you will|will you|are you going to|do you) (fix|make it right)|怎么(给我)?(修|返工)",
    ),
    (
        "cause",
        r"dentist or the material|(doctor|dentist|installer|workers?|tutor|technique) or (the )?(material|product|part)|whose fault|what caused|why did (it|this) (happen|break|fall|fail)|医生的问题还是|材料的问题|什么原因|为什么会(掉|坏|裂|疼|漏)|技术问题|材料问题|谁的(责任|问题|错)|责任(在|是|归)谁|whose (responsibility|fault)|who(\'?s| is) (responsible|to blame)",
    ),
    (
        "fixed",
        r"固定(的)?老师|老师(是)?固定|(same|one|fixed|regular|dedicated) (tutor|teacher)|always the same (tutor|teacher)",
    ),
    (
        "manager",
        r"\bmanager\b|in charge|supervisor|speak (to|with) (the owner|someone senior)|负责人|管事|领导|主管|给(我)?个说法|谁(来)?负责",
    ),
    (
        "software",
        r"software|\bcrm\b|intake (system|tool|platform)|what (system|platform|tools?) do you use|用(的)?什么(系统|软件)",
    ),
    (
        "same_doc",
        r"(still|even) (work(ing)? )?(there|here)|same (dentist|doctor|tutor|teacher|lawyer|attorney|crew|person)|(医生|老师|律师|师傅)还在|还是(那个|同一个)",
    ),
    (
        "level",
        r"基础(很|比较|太)?(差|弱|不好)|零基础|没(有)?基础|跟(得)?上|跟不上|先上什么|从(哪|什么)(里)?开始学|rusty|out of school|keep up|beginner|from scratch|(no|little) (background|experience)|haven'?t studied|fall behind|catch up|where (do|should) i start",
    ),
    (
        "late",
        r"\blate (class|classes|session|lessons?|slots?|times?)|later (class|time|slot)|after (work|9|nine|8|eight)\b|home (around|at|by|after) (\d|nine|eight|ten)|night class|at night|下班(后|以后)|晚一点|[9九]点(以后|后|才)",
    ),
    (
        "eligible",
        r"还能(种|做|打|矫正)|能(不能)?(种|做)吗|能种|可以种|适不适合|适合(种|做)吗|骨头不好|骨(量|质)(不好|差|不够|少)|年纪大|\d+ ?岁|too old|at (my|his|her|their) age|\d+ ?(years? old|yo)\b|diabet|blood pressure|heart (condition|disease)|osteopor|candidate|eligible|bone loss|高血压|糖尿病|心脏病|骨质疏松",
    ),
    (
        "legit",
        r"are you (licen[cs]ed|bonded|legit|registered|accredited)|real (clinic|business|company|school|dealer|firm)|medical clinic|\bspa\b|salon|licen[cs]ed (clinic|facility|business|contractor|school)|legit|医院还是|美容院|是医院|医疗机构|营业执照",
    ),
    (
        "choose",
        r"(choose|pick|request|select) (who|my|the|a|which|your)|can i (choose|pick|request|ask for)|switch (tutors?|teachers?|doctors?|dentists?|lawyers?|attorneys?)|change (tutors?|teachers?|doctors?)|(指定|选择?|挑)(医生|老师|律师|设计师)|换(老师|医生|律师)",
    ),
    (
        "portfolio",
        r"portfolio|(past|previous|finished|completed) (projects|work|jobs)|photos of (your|past|previous|finished|completed)|examples? of (your )?work|see (some )?(of )?your (work|projects)|before.?and.?after|gallery|(photos?|pictures?|pics) of|you\'?ve (done|built|completed|finished)|job ?site|in progress|案例|作品|样板|实景|工地|在装|效果图|做过的",
    ),
    (
        "accompany",
        r"(do|must|should|would) i (have to |need to )?(come|go|be there|accompany|attend)|come (with|along)|(go|come) with (him|her|them)|要不要陪|需要陪|陪着|陪同|请不了假|(要|得|需要)我(一起)?(去|来)",
    ),
    (
        "exam_fee",
        r"(without|no) treatment|just (a )?(look|check|exam|consult)|only (a |an )?(check|exam|consult)|exam fee|consult(ation)? fee|(不|没)(做|作)治疗|只(是)?(检查|看看|看一下|咨询)|先(去)?看看|初诊|挂号费|检查费",
    ),
    (
        "otd",
        r"out.?the.?door|\botd\b|drive.?away|all.?in (price|cost)|total (price|cost)|on the road|落地|全款|裸车",
    ),
    (
        "start",
        r"how soon (can|could|would) (you|we|i|they)? ?(start|begin)|when (can|could) (you|we|i) (start|begin)|start date|earliest start|(多久|什么时候|几时|最快).{0,4}(开工|进场|开始|上课|动工)|能开工",
    ),
    (
        "reply_time",
        r"hear back|get back to me|reply to me|respond to me|when will (someone|you|i)\b|nobody (called|replied|got back|answered|responded)|no one (called|replied|got back)|没人回|没人联系|没人理|什么时候(能)?(回复|回我|联系我|处理|解决|给答复)|多久(能)?回|when (is|are) (someone|anyone|somebody|you) (going to|gonna)|deal with this|when (will|does) (this|it) (get )?(dealt|handled|sorted)",
    ),
    (
        "price",
        r"how much(?! time| longer)|\bpric|\bcosts?\b|\bfees?\b|\brates?\b|(?<!in )\bcharge|expensive|cheap|afford|budget|\bquote|estimate|\$|多少钱|价格|价钱|费用|收费|价位|贵吗|贵不贵|太贵|好贵|挺贵|很贵|便宜|报价|预算|怎么收|几千|几万|律师费|咋(个)?收|(?<!抵)多少(钱|哈|啊|呀|呢|[？?])|大概多少|说多少|要多少",
    ),
    (
        "discount",
        r"discount|promo|\bdeals?\b(?! with)|rebate|coupon|special offer|any offers|\boffers? (on|for)\b|\bspecials?\b|\bsale\b|incentive|do (any |a (little|bit) )?better|best (price|you can do)|lower (the |your )?price|knock (some|anything) off|便宜点|便宜些|再优惠|还能优惠|能少点|少一点|优惠|折扣|打折|活动|返现|补贴|团购|特价|减免",
    ),
    (
        "insurance",
        r"insuranc|\binsured\b|covered|coverage|medicare|medicaid|\bppo\b|\bhmo\b|医保|保险|报销|社保",
    ),
    (
        "payment",
        r"install?ment|payment plan|pay (monthly|over time|in parts)|monthly|financ|\bloans?\b|credit card|\bapr\b|interest rate|down ?payment|\bdeposit|how (can|do) i pay|分期|贷款|首付|月供|付款|支付|刷卡|信用卡|利息|利率|定金|押金|怎么付|低息|免息|0息|零息|无息|零利率|low (interest|apr)|0% (apr|financing|interest)|interest.?free",
    ),
    (
        "tradein",
        r"trade.?in|trading in|my (old|current) car|sell my car|apprais|置换|旧车|以旧换新|估价|抵多少|能抵|开了\s*\d+\s*年|开了[一二三四五六七八九十]+年|what'?s my \w+ worth|how much (for|is) my (car|truck)|what (would|will|can|could) you (give|offer|pay) (me )?for|(give|offer) me for my",
    ),
    ("testdrive", r"test.?drive|drive it|试驾|试乘"),
    (
        "stock",
        r"in stock|on the lot|inventory|colou?rs?\b|\btrims?\b|available in|delivery|how soon can i get|现车|有货|库存|颜色|配置|提车|交车",
    ),
    (
        "materials",
        r"material|\bbrands?\b|cabinet|\btiles?\b|eco|formaldehyde|\bvoc|材料|品牌|板材|瓷砖|地板|环保|甲醛|主材|辅材|flooring|countertop|\bpipes?\b|wiring|\bwires?\b|管子|管材|水管|电线|线材|用的什么|用什么牌子",
    ),
    (
        "pain",
        r"\bpain|\bhurts?\b|\bsore\b|anesthe|anaesthe|\bnumb(ing|ed|ness)?\b|sedat|scared|afraid|nervous|anxious|疼|痛|麻醉|害怕|怕疼|怕痛|紧张",
    ),
    (
        "visits",
        r"几趟|跑几次|来几次|去几次|要几次|how many (visits|trips|appointments)|how many times (do|will|would) (i|we) (need|have) to (come|go)",
    ),
    (
        "duration",
        r"how long|how many (weeks|months|days|hours|sessions|lessons|visits|classes|appointments)|duration|recover|downtime|\bheal|timeline|turnaround|how (quickly|fast)|多久|多长时间|几次|恢复|周期|工期|几天|几个月|多少次|多少节|上班|back to work|return to work|go to work|见人|休息几天|time off|resolv|get settled|多久(能)?解决|结案",
    ),
    (
        "results",
        r"guarantee|\bresults?\b|\bchances?\b|\bwin\b|success|effective|(does|will) it work|\blasts?\b(?! (time|week|month|year|night))|lasting|permanent|improve|outcome|\bodds\b|strong case|good case|(have|got) a (good |strong )?case|worth (pursuing|fighting)|能不能赢|有没有胜算|look natural|\bfake\b|frozen|保证|假不假|很假|自然吗|自然不|僵|效果|成功率|胜算|把握|提分|能赢|赢面|管用|有用吗|持久|维持|能提高|(does|will|did) it (actually |really )?work|work for (most )?(kids|students|people|children)|actually work|进步|有效果吗|有没有用|好打|能打赢|有戏|打得赢",
    ),
    (
        "risks",
        r"\brisk|side.?effect|\bsafe|complication|danger|\bscar|bruis|swell|allerg|风险|副作用|安全|并发症|危险|疤|淤青|肿|过敏|后遗症",
    ),
    (
        "staff",
        r"who (does|do|will do|performs?|will perform|is doing|teaches|handles?)\b|who\'?s (the|my) (doctor|dentist|teacher|tutor|lawyer|attorney|surgeon)|qualif|experienc|\blicensed|certif|credential|who (will|would|is going to) (do|teach|handle|perform|see|treat)|which (doctor|dentist|teacher|tutor|lawyer|attorney|surgeon)|specialist|\bdegree|background|how many years|资质|经验|资格|证书|执业|哪位|哪个(医生|老师|律师)|专家|主任|教龄|靠谱|正规|学历|水平|师资|老师怎么样|什么老师|谁来(做|教|打|操作)|谁做|who are (the|your)|actual (teachers|doctors|dentists|lawyers|attorneys)|real (teachers|doctors)|injector|who (would|will|does|is going to|'?s going to) (actually )?(do|perform|inject|treat|teach|handle)|真(的)?老师|是老师吗|(医生|老师|律师|设计师)是谁|who is (the|my) (doctor|dentist|tutor|teacher|lawyer|attorney)",
    ),
    (
        "process",
        r"how does (it|this|that) work|how it works|\bprocess|\bsteps?\b|what happens|what to expect|first (visit|appointment|lesson|meeting|session|consultation)|what'?s involved|what is involved|流程|步骤|过程|怎么做|怎么弄|怎么操作|第一次|程序|怎么进行",
    ),
    (
        "schedule",
        r"\bhours\b|\bopen\b|\bclose|weekend|saturday|sunday|weekday|evening|tonight|after school|availab|when can|what time|\bschedule\b|timetable|class times|how soon|earliest|营业|几点|周末|周六|周日|星期|晚上|什么时候|什么时间|时间安排|上课时间|最快|(how|too) late",
    ),
    (
        "location",
        r"\bwhere\b|address|location|located|directions|parking|\bpark\b|subway|metro|\bbus\b|wheelchair|elevator|\blift\b|stairs|accessib|walker|how far|\bnear\b|在哪|地址|位置|停车|地铁|公交|怎么走|轮椅|电梯|无障碍|楼梯|远不远|附近",
    ),
    (
        "someone_else",
        r"\b(my|our) (mom|mother|mum|dad|father|parents?|grand(ma|mother|pa|father)|son|daughter|kids?|child|children|wife|husband|partner|sister|brother)\b|on (his|her|their) behalf|elderly|我妈|我爸|妈妈|爸爸|母亲|父亲|父母|老人|家里人|孩子|儿子|女儿|老公|老婆|爱人|奶奶|爷爷|外婆|外公|姥姥|themselves|himself|herself|本人",
    ),
    (
        "online",
        r"online|remote|zoom|video|virtual|over the phone|by phone|from home|线上|网课|在线|视频|远程|网上|电话咨询",
    ),
    (
        "trial",
        r"for free|\bfree (trial|consult|lesson|class|assessment|estimate|quote|check|first)|is (it|the \w+|the first \w+) free|\btrial|try (it|a class|first|one)|试听|试课|免费|体验课",
    ),
    (
        "refund",
        r"refund|money back|\bcancel|reschedul|not satisf|unsatisf|if i don'?t like|退款|退费|退钱|取消|改期|改时间|不满意|退课|能退|怎么退|退不退|能不能退",
    ),
    (
        "documents",
        r"\bbring\b|documents?|paperwork|prepare|what do i need|driver'?s licen[cs]e|records|evidence|带什么|带哪些|(需要|要|准备|带)(什么|哪些)材料|证件|准备什么|需要准备|资料|证据|身份证|驾驶证|要带|带不带|病历|片子",
    ),
    (
        "privacy",
        r"confidential|privacy|private|discreet|secret|anyone (know|find out)|保密|隐私|泄露|别人知道",
    ),
    (
        "warranty",
        r"warranty|workmanship|after.?sales|maintenance|service plan|保修|质保|售后|保养|stand behind|guarantee (your|the) work|(if|what if) (something|anything) (goes wrong|breaks|fails)|出了?问题.{0,6}管|管(不管|吗)|包修|万一.{0,8}(坏|失败|不满意|出问题|效果不好|不好看)|做坏了?怎么办|what (if|happens if) (it|the result|something|i) ?(goes wrong|go wrong|doesn|isn|looks|turns|am|\'?m)",
    ),
    ("callme", r"call me|give me a call|ring me|phone me|打给我|给我打电话|电话联系我|联系我吧"),
    (
        "contact_us",
        r"your (phone|number)|phone number\?|call you|contact you|reach you|你们电话|电话多少|联系方式|怎么联系",
    ),
    (
        "booking",
        r"\bbook|appointment|\bappt|reserve|sign (me|us|him|her|them) up|sign up|enrol|register|schedule (a|an|the|me)|set up (a|an)|next step|how (do|can) i (proceed|start|get started|begin)|come in|\bvisit\b|预约|报名|约个|约一下|约时间|挂号|怎么报|下一步|接下来|怎么安排|咋(个)?安排|怎么预约|怎么约|怎么开始|get started|what\'?s next|move forward|上门|量房|到店|过去看看|想来|看车|来店|去看看",
    ),
]
FLAGS = re.I | re.A  # ASCII \b so "这款SUV" still matches r"\bsuv"
TOPIC_RE = [(name, re.compile(rx, FLAGS)) for name, rx in TOPICS]

SERVICES: dict[str, list[tuple[str, str, str, str]]] = {
    "education": [
        (
            "math",
            r"math|algebra|geometry|calculus|physics|chemistry|science|数学|物理|化学|奥数|理科",
            "For math and science we do 1-on-1 ($80/hr) or small groups of 4–6 ($45/hr), grades 1–12, usually 1–2 sessions a week.",
            "数理化有一对一（280元/课时）和4-6人小班（150元/课时），覆盖小学到高中，一般每周1-2次。",
        ),
        (
            "english",
            r"english|reading|writing|essay|phonics|grammar|语文|英语|作文|阅读",
            "English, reading and writing tutoring is $45/hr in small groups or $80/hr 1-on-1; writing students get one essay a week marked with written feedback.",
            "语文、英语（含阅读写作）小班150元/课时、一对一280元/课时，写作课每周批改一篇作文并附书面点评。",
        ),
        (
            "testprep",
            r"\bsat\b|\bact\b|exam prep|test prep|ielts|toefl|gre|中考|高考|雅思|托福|冲刺|备考",
            "Our SAT/ACT and IELTS prep is a 10-week course, two sessions a week, $1,200 including 4 full mock tests.",
            "中高考冲刺和雅思托福都有，一期10周、每周2次，3800元，含4次全真模考。",
        ),
        (
            "adult",
            r"adult|evening (class|course)|for myself|career|excel|office|accounting|bookkeeping|python|coding|programming|成人|夜校|自己学|在职|会计|编程|办公软件",
            "Adult evening courses (English, Excel/Office, bookkeeping, intro Python) meet twice a week 7–9pm for 12 weeks, $480 per term, in person or live online.",
            "成人课程（英语、办公软件、会计、Python入门）每周两个晚上19:00-21:00，12周一期2980元，线下线上都可以。",
        ),
    ],
    "dental": [
        (
            "implant",
            r"implant|种植|种牙",
            "A single implant is $3,800–$4,500 all-in (implant, abutment and crown), depending on bone and whether a graft is needed; the 3D scan at the consultation gives you an exact quote.",
            "种植牙单颗全包6800-15000元（含植体、基台和牙冠），国产和进口植体价格不同，是否植骨也有影响；面诊拍CBCT后给准确报价。",
        ),
        (
            "cleaning",
            r"clean|check.?up|\bexam|scal(e|ing)|polish|x.?ray|洗牙|洁牙|检查|看牙",
            "A check-up with cleaning and x-rays is $180 for new patients (usually fully covered by insurance twice a year) and takes about an hour.",
            "洁牙+口腔检查198元，加拍全景片约300元，大约一小时；部分地区医保个人账户可以支付。",
        ),
        (
            "filling",
            r"filling|cavit|decay|tooth ?ache|root canal|broken tooth|补牙|蛀牙|龋|牙疼|牙痛|根管",
            "Tooth-coloured fillings are $150–$300 per tooth; a root canal is $900–$1,200, plus a crown if needed.",
            "树脂补牙每颗200-600元，根管治疗1500-3000元，需要的话再加牙冠。",
        ),
        (
            "ortho",
            r"braces|invisalign|aligner|orthodont|straighten|crooked|矫正|牙套|隐适美|隐形|正畸|牙齿不齐",
            "Invisalign runs $4,500–$6,500 and metal braces $4,000–$5,500 depending on complexity; treatment typically takes 12–24 months.",
            "隐适美2.5万-4.5万，传统托槽1.2万-2万，看复杂程度，疗程一般12-24个月。",
        ),
        (
            "prosth",
            r"denture|crown|bridge|veneer|whiten|假牙|牙冠|烤瓷|贴面|美白|全口",
            "A porcelain crown is about $1,100, dentures start at $1,500 per arch, and in-office whitening is $450.",
            "全瓷牙冠2000-5000元，活动假牙3000元起，诊室美白1500元左右。",
        ),
    ],
    "legal": [
        (
            "divorce",
            r"divorc|custody|alimony|child support|separat|离婚|抚养|财产分割|分居|出轨",
            "For divorce, an uncontested case (you agree on the terms) is a flat $2,500; contested cases are $300/hour with a $5,000 retainer, custody and property included.",
            "离婚案件：协议离婚帮忙起草协议3000元起；诉讼离婚一般1万-3万元，看财产情况和是否争抚养权。",
        ),
        (
            "labor",
            r"labou?r|employ|fired|terminat|dismiss|wage|overtime|\bboss\b|laid off|severance|劳动|仲裁|辞退|开除|工资|加班|赔偿金|欠薪|裁员|老板",
            "For unpaid wages, overtime and wrongful termination we often work on contingency — no fee unless we recover money, then 30% — and filing deadlines apply, so it's worth acting soon.",
            "劳动纠纷（欠薪、违法辞退、加班费）：劳动仲裁本身不收费，律师代理一般3000-8000元，也可以谈风险代理；仲裁时效一年，建议尽早处理。",
        ),
        (
            "debt",
            r"\bdebt|\bowe|collection|borrow|creditor|lent\b|欠款|借钱|欠钱|债|催收|借条|还不上",
            "For debt matters — whether you're being chased or trying to collect — we start with a $400 flat-fee review of the paperwork and your options.",
            "债务纠纷（要账或被追债）：先做一次材料审查和方案分析，1000元；起诉追讨按标的额收费，一般为标的的3%-8%。",
        ),
        (
            "contract",
            r"contract|agreement|\blease|clause|合同|协议|条款",
            "Contract review is a flat $400 for up to 10 pages; drafting starts at $800.",
            "合同审查每份800元起（10页以内），起草合同1500元起。",
        ),
        (
            "tenancy",
            r"landlord|tenant|\brent\b|evict|security deposit|房东|租房|房租|押金|物业|房产",
            "Landlord–tenant problems like a withheld deposit usually start with a demand letter from us ($350 flat), which settles many cases; if not, small claims or court is the next step.",
            "租房押金、房东纠纷这类，一般先由律师发律师函（800元左右），很多能直接解决；不行再考虑起诉。",
        ),
        (
            "injury",
            r"injur|accident|crash|slip|medical bills|工伤|受伤|车祸|交通事故|医疗事故",
            "Injury cases are on contingency: nothing up front, 33% of whatever we recover.",
            "人身损害、交通事故、工伤案件可以风险代理，前期少收或不收律师费，按赔偿金额的一定比例（一般10%-20%）结算。",
        ),
    ],
    "home": [
        (
            "kitchen",
            r"kitchen|countertop|厨房|橱柜|台面",
            "Kitchen remodels typically run $25,000–$60,000 depending on size, cabinets and layout changes; a cabinet-and-countertop refresh starts around $12,000.",
            "厨房翻新一般2万-6万元，看面积、橱柜和是否改水电；只换橱柜台面1万元左右起。",
        ),
        (
            "bath",
            r"bath|shower|toilet|\btub\b|卫生间|浴室|厕所|洗手间|防水",
            "A bathroom remodel is usually $12,000–$30,000; a tub-to-shower conversion starts around $8,000.",
            "卫生间翻新一般1.5万-3万元（含防水、瓷砖、洁具安装），只做防水补漏2000元起。",
        ),
        (
            "whole",
            r"whole (house|home)|full (remodel|renovation)|entire|\bgut\b|apartment|condo|sq ?ft|square (feet|foot|meters?)|全屋|整装|全包|半包|新房|毛坯|二手房|旧房|平米|平方|㎡",
            "Whole-home renovations typically run $100–$250 per sq ft depending on finishes; we give a line-item quote after a free site visit.",
            "全屋装修：半包每平米600-900元，全包1200-2000元/㎡，看材料档次；免费上门量房后出明细报价。",
        ),
        (
            "small",
            r"\bpaint|floor|repair|\bfix|leak|drywall|window|door|roof|deck|刷墙|墙面|地板|维修|漏水|门窗|局部",
            "Smaller jobs are quoted per job — painting is about $3–$5 per sq ft of wall, flooring $6–$12 per sq ft installed.",
            "局部翻新也接：墙面翻新30-50元/㎡，铺地板80-150元/㎡（含人工），维修按项目报价。",
        ),
    ],
    "auto": [
        (
            "sedan",
            r"sedan|camry|accord|civic|corolla|轿车|三厢|凯美瑞|雅阁|思域|卡罗拉",
            "Our mid-size sedan starts at $27,990 MSRP, and the hybrid trim is $31,490.",
            "主推的中级轿车指导价14.98万起，混动版16.98万，店内另有优惠。",
        ),
        (
            "suv",
            r"\bsuv|crossover|rav4|cr-?v|highlander|3.row|third row|七座|越野",
            "Our compact SUV starts at $30,490 MSRP and the 3-row SUV at $38,900, before rebates.",
            "紧凑型SUV指导价16.98万起，七座SUV 24.98万起，优惠另算。",
        ),
        (
            "ev",
            r"\bev\b|electric|hybrid|plug-?in|phev|charging|新能源|电动|混动|插混|纯电|充电",
            "Our EV starts at $39,990 and the plug-in hybrid at $34,990; we can also quote a home charger install.",
            "纯电车型指导价18.98万起，插混15.98万起，买车送家用充电桩及安装。",
        ),
        (
            "used",
            r"\bused\b|pre-?owned|second.?hand|二手|准新车",
            "Certified pre-owned cars come with a 150-point inspection and a 12-month warranty; most are $18,000–$28,000.",
            "我们也有官方认证二手车，经过多项检测，带1年质保，多在8-15万之间。",
        ),
    ],
    "medical_aesthetics": [
        (
            "botox",
            r"botox|dysport|wrinkle|frown|forehead|crow'?s|masseter|jaw|肉毒|除皱|瘦脸针|抬头纹|鱼尾纹|川字纹|保妥适|衡力",
            "Botox is $12 per unit — forehead lines usually need 10–20 units, so about $120–$240; results show in 3–7 days and last 3–4 months.",
            "肉毒素除皱/瘦脸：国产衡力800-1500元，进口保妥适2000-3500元一次，3-7天见效，维持4-6个月左右。",
        ),
        (
            "filler",
            r"filler|hyaluronic|juvederm|restylane|\blips?\b|cheek|under.?eye|tear trough|chin|玻尿酸|填充|丰唇|苹果肌|泪沟|下巴|法令纹",
            "Hyaluronic filler is $650–$800 per syringe; lips usually need one, cheeks one or two, and it lasts 6–12 months.",
            "玻尿酸每支2000-6000元，看品牌；丰唇一般一支，苹果肌1-2支，维持6-12个月。",
        ),
        (
            "laser",
            r"laser|\bipl\b|photofacial|pigment|dark spot|acne scar|hair removal|resurfac|光子|激光|祛斑|嫩肤|脱毛|痘印|皮秒|热玛吉",
            "IPL photofacial is $350 a session (3–5 sessions recommended), laser hair removal from $150 per area per session, and fractional resurfacing $600–$900.",
            "光子嫩肤每次800-1500元，建议3-5次一个疗程；皮秒祛斑1500-3000元/次；激光脱毛腋下300元起/次。",
        ),
        (
            "eyelid",
            r"eyelid|blepharo|eye bag|双眼皮|埋线|全切|眼袋|开眼角",
            "Double-eyelid surgery is $3,500–$5,000 (suture method at the lower end, incisional higher), performed by our board-certified plastic surgeon under local anaesthesia.",
            "双眼皮：埋线3000-6000元，全切8000-15000元，由整形外科执业医生在局麻下做。",
        ),
    ],
}

FACTS: dict[str, dict[str, Pair]] = {
    "education": {
        "level": (
            "Not a problem — plenty of our students haven't studied in years or are starting from zero. The free assessment places you at your real level, beginners start with a 2-week foundations module, and groups are capped at 6 so the teacher can go at your pace; if it still feels too fast you can move to a slower group at no cost.",
            "完全可以，零基础、基础弱的学员很多。先做免费测评按实际水平分班，基础不好的先上2周基础衔接课把概念补上，再跟正常进度；小班最多6人，老师会照顾进度，跟不上可以免费转到进度慢一点的班。",
        ),
        "late": (
            "Our latest in-person class ends at 9pm, so if you get home around 9 the live online evening group (Tue/Thu 9:15–10:45pm) would suit you, and every lesson is recorded in case you miss one.",
            "线下最晚一节到晚上9点结束；如果您9点左右才到家，可以上线上晚班（周二、周四21:15-22:45直播），每节课都有回放，错过了也能补。",
        ),
        "fixed": (
            "Yes — each student has one fixed tutor who teaches every lesson and follows their progress; if it isn't a good fit you can switch at no cost, and the next lesson is simply with the new tutor.",
            "是固定老师：每个学生有一位固定的主讲老师，每节课都是他/她上，全程跟进度；上了觉得不合适可以免费换，下节课就换新老师。",
        ),
        "choose": (
            "Yes — you can request a particular tutor, and if it isn't a good fit you can switch at any time at no cost; the next lesson is simply with the new tutor.",
            "可以，您可以指定老师；上了觉得不合适随时可以免费换，下节课就换新老师。",
        ),
        "start": (
            "You can start this week: book the free assessment, and the first regular lesson is usually within 2–3 days of it.",
            "本周就能开始：先约免费测评，测评后一般2-3天内就能正式上课。",
        ),
        "intro": (
            "We offer K-12 tutoring (math, English, sciences, test prep) and evening/online courses for adults. Is this for your child or for yourself, and which subject?",
            "我们有中小学辅导（数学、语文、英语、理化、升学冲刺）和成人夜校/线上课程。请问是给孩子报还是您自己学？想学哪一科？",
        ),
        "price": (
            "Small-group tutoring (4–6 students) is $45/hour and 1-on-1 is $80/hour; adult evening courses are $480 for a 12-week term. Which subject and grade are you looking at?",
            "小班课（4-6人）150元/课时，一对一280元/课时；成人夜校12周一期2980元。请问是哪个年级、哪门课呢？",
        ),
        "discount": (
            "Siblings get 10% off and paying a full term up front saves 5%; there are no extra material fees.",
            "兄弟姐妹同报九折，一次报满一期再优惠5%，教材不另收费。",
        ),
        "payment": (
            "You can pay monthly or per term, by card or bank transfer — no year-long contracts.",
            "可以按月或按期缴费，支持微信、支付宝和银行卡，不强制一次交一整年。",
        ),
        "duration": (
            "Sessions are 60 or 90 minutes; most families can tell whether it's working within 6–8 weeks. Adult courses run 12 weeks.",
            "每节课60或90分钟；一般上6-8周能看出有没有进步，成人课一期12周。",
        ),
        "results": (
            "Honestly, it depends on the child, so I can't promise a grade — but in our own progress reports about 8 in 10 students who stay at least a term improve their school marks, and you get a written progress report every 4 weeks so you can see whether it's working.",
            "说实话效果因孩子而异，没法打包票；不过按我们自己的跟踪，坚持上满一期的学生大约八成成绩有提升，每4周给家长一份学习报告，有没有效果您看得到。",
        ),
        "staff": (
            "Yes, they're real teachers: every tutor has at least a bachelor's degree in their subject, most are certified school teachers, the average experience is 6 years, and all are background-checked.",
            "是正经老师：都是本科以上相关专业，大部分有教师资格证、在学校教过书，平均教龄6年，入职都做过背景审查。",
        ),
        "process": (
            "We start with a free 45-minute assessment, then match a tutor and set a weekly time; you can switch tutors anytime if it isn't a fit.",
            "先做一次免费45分钟测评，然后匹配老师、定好每周上课时间；不合适可以随时换老师。",
        ),
        "schedule": (
            "Tutoring runs Mon–Fri 3:30–9pm and weekends 9am–6pm; adult classes are weekday evenings 7–9pm.",
            "工作日下午3:30到晚上9点、周末早9点到晚6点都能排课；成人班在工作日晚上7-9点。",
        ),
        "online": (
            "Yes — every course is also available live online with the same teachers, and lessons are recorded so you can review them.",
            "可以，所有课程都有线上直播，同样的老师，课后可以回看。",
        ),
        "trial": (
            "The first 45-minute trial lesson and level assessment are free, with no obligation.",
            "第一次45分钟试听+测评免费，觉得合适再报名。",
        ),
        "refund": (
            "If you're not happy after the first two lessons you get a full refund; after that unused lessons are refunded pro rata, and lessons can be moved free with 24 hours' notice.",
            "前两次课不满意全额退费；之后未上的课时按比例退，提前24小时请假可以免费调课。",
        ),
        "documents": (
            "Just bring a recent report card or a couple of recent tests so the tutor knows where to start.",
            "带上最近的成绩单或几份试卷就行，方便老师判断从哪里开始。",
        ),
        "someone_else": (
            "Parents usually handle the sign-up; we assess your child directly and keep you updated on progress.",
            "家长帮孩子报名就可以，我们直接给孩子做测评，之后定期和您沟通学习情况。",
        ),
        "booking": (
            "The first step is the free assessment — just tell me the grade, subject and a day/time that suits you.",
            "第一步是约免费测评，告诉我年级、科目和方便的时间就行。",
        ),
        "remedy": (
            "We can go over the lessons with you, switch tutors, and refund any unused lessons.",
            "我们可以一起复盘课程、免费换老师，未上的课时全额退。",
        ),
    },
    "dental": {
        "visits": (
            "Usually 1–2 trips: a check-up, cleaning or filling is one visit, a crown is two about 2 weeks apart, and an implant is about 4 visits over 3–6 months (scan and plan, placement, a check, then fitting the crown).",
            "一般跑1-2趟：检查、洗牙、补牙一次就好；做牙冠2次，间隔约2周；种植牙前后大约4次，跨3-6个月（检查拍片定方案、植入、复查、戴牙冠）。",
        ),
        "eligible": (
            "Age on its own isn't a barrier — we regularly place implants for patients in their 70s and 80s. What matters is bone and general health: well-controlled blood pressure and diabetes are usually fine, and thin bone can often be handled with a bone graft or shorter implants; the dentist confirms with a 3D scan, so I can't promise before that.",
            "年纪本身不是问题，七八十岁种牙的很多。关键看骨量和全身情况：血压控制在140/90以下、空腹血糖控制在8以下一般都能种；骨头条件不好可以植骨或用短植体解决。具体要拍CBCT让医生评估后才能确定，不能提前打包票。",
        ),
        "exam_fee": (
            "A first visit without treatment — exam, a talk with the dentist and a written plan — is $95, plus $45 if x-rays are needed; nothing else is charged unless you decide on treatment.",
            "只来看看不做治疗的话：初诊挂号20元，医生检查和出方案免费，需要拍全景片另加150元左右；不做治疗就不收其他费用。",
        ),
        "redo": (
            "If it's down to our work, you won't pay again: Dr. Emily Chen (or the dentist who treated you, if you prefer) will re-check it, and the repair or redo is free — fillings are covered for 2 years, crowns and implants for 5.",
            "如果是我们治疗的问题，不用再交钱：原来给您做的医生或陈主任免费复查，返修、重做都免费；补牙质保2年，牙冠和种植质保5年。",
        ),
        "cause": (
            "I can't tell without seeing it — the dentist will examine it and take an x-ray free of charge and tell you honestly whether it was the technique, the material, or something like your bite or new decay; if it's our work, the fix is free.",
            "现在还不好判断，要医生免费检查、拍片后才能确定是操作、材料，还是咬合或新蛀牙等原因；我们会如实告诉您，如果是我们的问题免费处理。",
        ),
        "same_doc": (
            "Most of our dentists have been with us for years; tell me roughly when you were treated and I'll check whether that dentist is still here and book you with them if you'd like.",
            "我们医生团队比较稳定，大部分都在；告诉我大概什么时候做的，我帮您查一下那位医生是否还在，可以优先约他/她给您复查。",
        ),
        "accompany": (
            "You don't have to come along — your relative can come on their own and our front desk will guide them through; if you'd like to hear the plan, the dentist can phone you afterwards.",
            "不一定要陪同：老人能自己来就行，前台会全程引导；您请不了假的话，医生看完可以给您打电话讲方案。",
        ),
        "intro": (
            "We do check-ups and cleanings, fillings, crowns, implants and Invisalign/braces. Is something bothering you, or is there a treatment you're curious about?",
            "我们做洁牙检查、补牙、种植牙、牙冠和矫正。请问是哪里不舒服，还是想了解哪个项目？",
        ),
        "price": (
            "Roughly: check-up + cleaning $180, fillings $150–$300, crowns about $1,100, implants $3,800–$4,500 per tooth, Invisalign $4,500–$6,500. Which treatment are you asking about?",
            "大概价位：洁牙检查198元，补牙200-600元，种植牙6800-15000元/颗，隐适美2.5-4.5万。您想了解哪一项？",
        ),
        "insurance": (
            "We're in-network with most PPO plans (Delta, Cigna, MetLife, Aetna) and file the claim for you: cleanings are usually 100% covered, fillings about 80%, implants often 50% up to your annual max. We check your benefits before any treatment.",
            "医保个人账户可以用于洗牙、补牙等基础治疗，各地政策不同；种植和矫正一般自费，部分商业保险能报销，我们可以开发票和病历。",
        ),
        "payment": (
            "We take cards and HSA/FSA, and offer 0% interest plans over 12 months through CareCredit.",
            "支持微信、支付宝、刷卡，种植和矫正可以办12期免息分期。",
        ),
        "discount": (
            "New patients get the $180 exam, x-ray and cleaning package, implants are $300 off per tooth this quarter, and seniors 65+ get 10% off treatment insurance doesn't cover.",
            "新患者洁牙检查198元；种植牙本月进口植体每颗立减1000元，两颗及以上再九五折；65岁以上老人治疗项目九五折。",
        ),
        "pain": (
            "Treatment is done under local anaesthetic, so you mostly feel pressure rather than pain; nervous patients can have laughing gas or oral sedation. A day or two of soreness after bigger procedures is normal and ordinary painkillers handle it.",
            "治疗都在局麻下做，过程中主要是压迫感，一般不会很疼；特别紧张的可以选笑气舒适化治疗。大一点的治疗后一两天有些酸胀是正常的，吃普通止痛药就行。",
        ),
        "duration": (
            "A cleaning takes about an hour and a filling 30–60 minutes; an implant takes 3–6 months start to finish because the bone needs to heal, though the placement itself is about an hour; Invisalign or braces usually take 12–24 months.",
            "洗牙约1小时，补牙30-60分钟；种植牙从植入到戴牙一般3-6个月，要等骨结合，植入手术本身约1小时；牙齿矫正一般12-24个月。",
        ),
        "results": (
            "Implants succeed about 95% of the time over 10 years, but bone, gum health and smoking all matter, so the dentist will give you an honest assessment rather than a guarantee.",
            "种植牙10年成功率大约95%，但和骨量、牙周状况、是否吸烟有关，医生会如实评估，不会保证百分百。",
        ),
        "risks": (
            "Risks are low but real: swelling, bruising, and occasionally infection or an implant that doesn't take; the dentist reviews your medical history (blood thinners, diabetes) first.",
            "风险不大但要说清楚：术后可能肿胀、淤青，少数会感染或植体松动；治疗前医生会了解病史（高血压、糖尿病、抗凝药等）。",
        ),
        "staff": (
            "Dr. Emily Chen (DDS, 15 years, implant fellowship) does our implants, and our orthodontist Dr. Raj Patel has treated over 1,000 Invisalign cases.",
            "种植由陈医生负责，口腔医学硕士、主治医师，从业15年；正畸由李医生负责，隐适美认证医生。",
        ),
        "process": (
            "The first visit is an exam, x-rays or a 3D scan, and a written plan with costs — nothing is done that day unless you want it — then we book treatment at a time that suits you.",
            "第一次来先检查、拍片，医生给出书面方案和费用明细，当天不会强制治疗；确定后再约治疗时间。",
        ),
        "schedule": (
            "We're open Mon–Fri 8am–6pm and Saturdays 9am–2pm, and we fit emergencies in the same day whenever possible.",
            "周一到周六9:00-18:00营业，周日上午有医生值班，急性牙疼尽量当天安排。",
        ),
        "refund": (
            "Yes: any overcharge is refunded in full within 3–5 business days once checked, prepaid treatment that wasn't done is fully refundable, and cancelling or rescheduling is free with 24 hours' notice.",
            "能退：多收的费用核实后全额退，3-5个工作日原路返回；预付了但没做的项目也全额退；提前一天取消或改期不收费。",
        ),
        "documents": (
            "Bring a photo ID, your insurance card, a list of current medications, and any recent x-rays you have.",
            "带上身份证、医保卡、正在吃的药的清单，以前拍过的片子也可以带来。",
        ),
        "someone_else": (
            "Yes — you can book for them; they don't need to call themselves. Just tell me their name, what it's for and a day that suits, and you're welcome (but not required) to come along.",
            "可以，您帮家里人约就行，不需要老人本人来约；告诉我老人怎么称呼、看什么和方便的时间即可，您能陪同更好，不能陪也没关系。",
        ),
        "warranty": (
            "Crowns and implants carry a 5-year warranty on our work as long as you keep up regular check-ups.",
            "种植体有厂家质保，牙冠我们质保5年，前提是定期复查。",
        ),
        "booking": (
            "To book, just tell me what it's for and a day/time that suits; a first visit takes about an hour.",
            "预约的话告诉我看什么、哪天什么时间方便，第一次来大约留一小时。",
        ),
        "remedy": (
            "The dentist will re-examine the work free of charge, and if our work is at fault we'll redo it or refund under our policy.",
            "医生会免费给您复查，如果是我们治疗的问题，会免费返修或按规定退费。",
        ),
    },
    "legal": {
        "intro": (
            "We handle divorce and family matters, labor disputes, debt, contracts and injury claims. Could you tell me briefly what happened?",
            "我们主要做婚姻家事、劳动纠纷、债务、合同和人身损害案件。方便简单说下是什么情况吗？",
        ),
        "price": (
            "The first 30-minute consultation is free. After that it depends on the matter: flat fees for things like an uncontested divorce ($2,500) or contract review ($400), $300/hour for litigation, contingency for injury and wage claims. What kind of issue is it?",
            "首次30分钟咨询免费。之后看案件类型：协议离婚、合同审查按件收费，诉讼按阶段或标的收费，工伤和欠薪可以谈风险代理。请问是什么类型的问题？",
        ),
        "insurance": (
            "If an insurer is involved (car accident, injury) we deal with them for you; some home and car policies also include legal-expense cover, so it's worth checking yours.",
            "涉及保险理赔（交通事故、工伤）的，律师可以代您和保险公司交涉；有些保险含法律费用保障，可以查一下保单。",
        ),
        "payment": (
            "Retainers can be split into monthly payments, and we take card or bank transfer.",
            "律师费可以分阶段支付，支持转账、微信和支付宝，开正规发票。",
        ),
        "duration": (
            "An uncontested divorce usually takes 2–4 months, a contested case or lawsuit 6–18 months, and a wage claim often 2–6 months.",
            "协议离婚顺利的话一两个月；诉讼离婚一审一般3-6个月；劳动仲裁通常45-60天出裁决。",
        ),
        "results": (
            "Honestly, I can't judge that from here and no lawyer can guarantee an outcome. What usually makes a case strong is written evidence (contracts, messages, pay or bank records), witnesses, and acting before the deadline; in the free 30-minute consultation an attorney will look at your documents and give you a frank view of your chances.",
            "说实话，现在还判断不了，任何律师都不能保证胜诉。案子强不强主要看三点：有没有书面证据（合同、聊天记录、转账或工资流水）、有没有证人、是否还在时效内；免费咨询时律师看过材料，会如实告诉您胜算和风险。",
        ),
        "staff": (
            "Your matter would be handled by a licensed attorney: Sarah Harper (18 years, family law) or David Lin (12 years, employment and civil litigation).",
            "由执业律师亲自办理：王律师执业15年，主做婚姻家事；刘律师执业11年，主做劳动和合同纠纷。",
        ),
        "process": (
            "First a free 30-minute consultation by phone or in person; the attorney reviews your documents and explains options and costs, and only if you decide to go ahead do we sign an engagement letter.",
            "流程是：先免费咨询30分钟（电话或到所），律师看材料、讲清楚方案和费用，您决定委托后再签委托合同。",
        ),
        "schedule": (
            "The office is open Mon–Fri 9am–6pm and Saturday mornings; messages here are answered in the evening too, and urgent matters get a call the next morning.",
            "律所工作日9:00-18:00，周六上午有律师值班；晚上留言也有人回复，紧急情况第二天一早安排律师联系。",
        ),
        "partner": (
            "We're open to hearing proposals, but as a law firm we can't pay referral fees or share fees with non-lawyers under bar rules, so any arrangement would be a flat-fee service; send a short proposal here and our managing partner will reply within about a week either way.",
            "可以先了解，但按律师行业规定，律所不能向介绍案源的人支付介绍费或分成，只能做按固定费用结算的服务类合作；您把方案发在这里，主任律师一周内给您答复。",
        ),
        "software": (
            "We use Clio for intake and case management and we're happy with it, so we're not looking to switch right now.",
            "我们用的是律所通用的案件管理系统做登记和预约，用得挺顺手，目前没有更换的打算。",
        ),
        "privacy": (
            "Everything you tell us is confidential and covered by attorney-client privilege, even if you don't end up hiring us.",
            "您说的一切我们都严格保密，律师有法定保密义务，即使最后不委托也一样。",
        ),
        "online": (
            "Yes, consultations can be by phone or video, and most documents can be sent and signed electronically.",
            "可以，电话或视频咨询都行，材料可以线上发给律师。",
        ),
        "trial": (
            "The first 30-minute consultation is free, with no obligation.",
            "首次30分钟咨询免费，不委托也没关系。",
        ),
        "documents": (
            "Bring whatever you have: contracts, pay stubs, texts or emails, court papers, and a short timeline of what happened.",
            "能带的都带上：合同、工资条、聊天记录、借条或转账记录、法院文书，最好再写个事情经过的时间线。",
        ),
        "refund": (
            "We bill against the retainer in detail, and any unused part of it is refunded.",
            "委托合同写明收费和退费条款，没开展的工作部分按约定退还。",
        ),
        "someone_else": (
            "Family members are welcome to reach out, but the attorney will need to speak with the person involved directly, since they'd be the client.",
            "家人可以先来咨询，但正式委托需要当事人本人签字，律师也要和当事人直接沟通。",
        ),
        "booking": (
            "To book the free consultation, just tell me briefly what it's about and when you're free to talk.",
            "约免费咨询的话，简单说下是什么事、什么时间方便通话就行。",
        ),
        "remedy": (
            "The managing partner will personally review your file and the billing and correct anything that was wrong.",
            "主任律师会亲自复查案卷和收费，有问题一定纠正。",
        ),
    },
    "home": {
        "legit": (
            "Yes — we're licensed, bonded and fully insured (general liability and workers' comp), and can send the certificates before you sign.",
            "我们是有营业执照和装饰施工资质的正规公司，工人有意外保险，资质证书可以在这里发给您看。",
        ),
        "portfolio": (
            "Yes — we've completed 600+ local projects, and I can send photos of finished kitchens, bathrooms and whole homes right here (modern, farmhouse, traditional); with the homeowner's permission we can also take you to a job in progress, usually on a weekday or Saturday.",
            "有的，我们做过600多套本地项目，现代简约、北欧、新中式都有实景案例，我可以直接在这里发几套照片给您；在装的工地经业主同意也可以约时间带您去现场看施工，一般安排在工作日或周六。",
        ),
        "start": (
            "We can usually do the site visit within 2–3 days, and work starts 2–3 weeks after the contract is signed, once materials and any permits are in place.",
            "量房一般2-3天内就能安排，签合同后1-2周可以进场开工（要等材料到位和物业报备）。",
        ),
        "redo": (
            "Anything that's our workmanship is fixed free under the 2-year warranty (10 years for plumbing and electrical); our project manager comes out, usually within 48 hours, to check it.",
            "质保期内属于施工问题的返工免费（水电10年、其他2年），项目经理一般48小时内上门查看。",
        ),
        "intro": (
            "We do kitchens, bathrooms, whole-home renovations and smaller repairs. What are you thinking of renovating, and roughly how big is the space?",
            "我们做全屋装修、厨卫翻新和局部改造。请问是新房还是旧房、大概多少平米？",
        ),
        "price": (
            "It depends mostly on scope — bathrooms usually $12k–$30k, kitchens $25k–$60k, whole homes $100–$250 per sq ft. What are you planning to renovate?",
            "价格主要看范围：半包600-900元/㎡，全包1200-2000元/㎡，厨卫单独翻新1.5万-6万元。您是想装哪里、多大面积？",
        ),
        "insurance": (
            "We're licensed, bonded and fully insured (general liability and workers' comp), and can send the certificates before you sign.",
            "我们是有营业执照和装饰资质的正规公司，工人有意外保险，责任都写进合同。",
        ),
        "payment": (
            "Payments follow milestones: a 10% deposit, progress payments as stages finish, and the final 10% only after your walkthrough sign-off.",
            "按进度付款：签约30%，水电验收后30%，泥木验收后30%，竣工验收合格再付最后10%。",
        ),
        "duration": (
            "A bathroom usually takes 3–4 weeks, a kitchen 6–8 weeks, and a whole home 3–5 months; you get a written schedule before work starts.",
            "卫生间翻新3-4周，厨房4-6周，90平左右全屋约75-90天，开工前给书面工期表。",
        ),
        "results": (
            "Nobody can promise zero surprises behind old walls, but the price is fixed for the agreed scope and any change needs your written approval first.",
            "老房拆开后可能有意外情况，这个没法完全保证，但约定范围内报价固定，任何增项都要您书面确认。",
        ),
        "staff": (
            "Each job has a dedicated project manager (our leads have 10+ years in the trade) and licensed electricians and plumbers; we've completed 600+ local projects.",
            "每个工地有专属项目经理，水电工持证上岗，工长平均10年以上经验，已完成600多个本地项目。",
        ),
        "process": (
            "Free site visit and measurement → design and line-item quote within a week → contract and schedule → build with weekly updates → final walkthrough.",
            "流程：免费上门量房 → 一周内出设计和明细报价 → 签合同定工期 → 施工（每周汇报进度）→ 竣工验收。",
        ),
        "schedule": (
            "The office is open Mon–Sat 8am–6pm, and site visits can be booked on weekday evenings or Saturdays.",
            "门店周一到周六9:00-18:00，量房可以约工作日或周末。",
        ),
        "materials": (
            "We usually install engineered hardwood or luxury vinyl plank flooring and quartz countertops (granite or laminate on request), with PEX/copper plumbing and code-compliant copper wiring; you can also supply your own materials, and we use low-VOC paints as standard.",
            "水管用PPR管（伟星、日丰），电线用国标铜芯线（熊猫、远东），强弱电分开穿管；地板常用多层实木或强化复合，台面多用石英石；主材可以自购也可以我们代购，板材E0级，完工可做甲醛检测。",
        ),
        "warranty": (
            "Yes, we stand behind our work: a 2-year workmanship warranty and 10 years on the plumbing and electrical we install — if something goes wrong we come back and fix it free, usually within 48 hours.",
            "管的：基础装修质保2年，水电隐蔽工程质保10年，质保期内出问题免费上门维修，一般48小时内上门。",
        ),
        "trial": (
            "The site visit, measurement and quote are free, with no obligation.",
            "上门量房和出方案报价都免费，不签约也不收费。",
        ),
        "refund": (
            "The deposit is refundable if you cancel before materials are ordered, and any change during the job is agreed in writing first.",
            "开工前取消，扣除已产生的设计费后退还定金；施工中任何变更都先书面确认。",
        ),
        "documents": (
            "A few photos of the space, rough measurements and any inspiration pictures help us give a quicker estimate; we handle the permits.",
            "发几张现场照片、户型图和喜欢的风格图，我们能更快给初步估价；物业手续我们协助办理。",
        ),
        "online": (
            "We can start with a video walkthrough to give you a rough range before the site visit.",
            "可以先视频看一下现场，给个大概区间，再约上门量房。",
        ),
        "booking": (
            "To book the free site visit, tell me what you'd like done and a day that suits you.",
            "约免费量房的话，告诉我小区位置、面积和方便的时间就行。",
        ),
        "remedy": (
            "Our project manager will come out to inspect, and anything under our workmanship warranty is fixed at no cost.",
            "项目经理会上门查看，质保范围内的问题免费维修。",
        ),
    },
    "auto": {
        "otd": (
            "Out-the-door = vehicle price + sales tax (about 7%) + title/registration (around $400) + a $199 doc fee — e.g. a $30,000 SUV comes to about $32,500 before rebates or trade-in. Tell me the model and trim and I'll give you an exact written figure.",
            "全款落地价=裸车价+购置税（约裸车价的8.85%）+保险（约4000-7000元）+上牌几百元；比如裸车15万的车，落地大约16.8万。告诉我具体车型配置，我给您算准确数。",
        ),
        "intro": (
            "We sell new and certified pre-owned cars, take trade-ins and arrange financing. Which model are you interested in?",
            "我们有新车、认证二手车，也做置换和贷款。请问您看中的是哪款车？",
        ),
        "price": (
            "It depends on model and trim — sedans from $27,990, SUVs from $30,490, EVs from $39,990 MSRP. Which model are you looking at?",
            "看车型和配置：轿车14.98万起，SUV 16.98万起，新能源18.98万起（指导价）。您看中的是哪款？",
        ),
        "discount": (
            "This month most new models have a $1,000–$2,000 manufacturer rebate, plus trade-in bonuses; once I know the model I can give you an out-the-door number.",
            "本月大部分车型有1万-2万元优惠，置换再补贴5000元；确定车型后我给您算落地价。",
        ),
        "payment": (
            "Financing starts from 3.9% APR for up to 72 months with approved credit, or leasing from about $329/month; we shop several banks for the best rate.",
            "可以贷款，首付最低20%，最长5年，部分车型两年0息；具体利率看银行审批。",
        ),
        "tradein": (
            "We do free trade-in appraisals in about 30 minutes — bring the car, the title or payoff details and registration — and the offer holds for 7 days.",
            "置换可以，旧车免费评估约半小时，带上行驶证、登记证书和车，评估价7天内有效。",
        ),
        "testdrive": (
            "A test drive takes about 30 minutes; just bring your driver's license, and if you book ahead we'll have the exact car ready.",
            "试驾大概30分钟，带上驾驶证就行，提前预约我们把车准备好。",
        ),
        "stock": (
            "Most colours and trims are on the lot or arrive within 2–4 weeks; tell me the model and colour and I'll check inventory.",
            "大部分颜色和配置有现车，没有的一般2-4周到店；告诉我车型和颜色我帮您查库存。",
        ),
        "warranty": (
            "New cars carry a 3-year/36,000-mile bumper-to-bumper and 5-year/60,000-mile powertrain warranty, and the first two services are free.",
            "新车整车质保3年或10万公里，三电系统8年，前两次保养免费。",
        ),
        "insurance": (
            "You'll need proof of insurance to drive off; we can get quotes from partner insurers, but you're free to use your own.",
            "保险可以在店里买，也可以自己找保险公司，不强制。",
        ),
        "duration": (
            "If the car is in stock, paperwork and delivery take about 2–3 hours, and financing approval is usually same-day.",
            "有现车的话当天或第二天就能提车，贷款审批一般1-3天。",
        ),
        "staff": (
            "Our sales consultants are factory-certified, and the service department has manufacturer-trained technicians.",
            "销售顾问和维修技师都经过厂家认证培训。",
        ),
        "process": (
            "Usually: pick a model and test drive, get a written out-the-door quote, sort out financing or trade-in, then sign and take delivery — no obligation until you sign.",
            "流程一般是：看车试驾 → 出书面落地价 → 定贷款或置换方案 → 签合同 → 提车。签合同前没有任何义务。",
        ),
        "schedule": (
            "We're open Mon–Sat 9am–8pm and Sunday 11am–5pm.",
            "展厅每天9:00-18:30营业，周末正常上班。",
        ),
        "documents": (
            "Bring your driver's license and proof of insurance; for financing, a recent pay stub and proof of address too.",
            "买车带身份证、驾驶证；贷款还需要收入证明和银行流水。",
        ),
        "refund": (
            "Deposits are fully refundable until you sign the purchase contract.",
            "意向金在签正式合同前可以全额退。",
        ),
        "booking": (
            "Happy to set up a visit or test drive — which model, and what day/time suits you?",
            "可以帮您约看车或试驾，您想看哪款、哪天什么时间方便？",
        ),
        "remedy": (
            "Our service manager will inspect the car and make it right under the warranty or our dealership policy.",
            "售后经理会安排检查车辆，按质保或店里政策处理。",
        ),
    },
    "medical_aesthetics": {
        "legit": (
            "We're a licensed medical clinic, not a spa: every treatment is done by a licensed physician on site, we use only FDA-approved products, and you can see our licences at reception.",
            "我们是有《医疗机构执业许可证》的正规医疗美容机构，不是生活美容院；所有注射和手术都由执业医生操作，药品都是正规渠道，许可证和医生执业证到店都可以查看。",
        ),
        "choose": (
            "Yes — you can choose: Dr. Grace Kim (board-certified plastic surgeon, 12 years) or Dr. Lisa Park (dermatologist, 8 years, injectables and lasers). Just say who you'd prefer when booking, and the same doctor does your consultation and treatment.",
            "可以指定：张医生（整形外科主治医师，从业12年）或李医生（皮肤科医生，从业8年，主做注射和光电）；预约时说一下想找哪位，面诊和治疗都是同一位医生。",
        ),
        "eligible": (
            "Most healthy adults are good candidates; we'd wait if you're pregnant or breastfeeding, have an active skin infection or take certain medications, and the doctor checks your history at the consultation before recommending anything.",
            "大多数健康成年人都可以做；怀孕哺乳期、局部有炎症感染或在服用某些药物时需要暂缓，面诊时医生会先问病史再给建议。",
        ),
        "portfolio": (
            "Yes — at the consultation the doctor shows real before-and-after photos of our own patients (shared with their consent) for cases like yours.",
            "有的，面诊时医生会给您看我们自己顾客的真实术前术后对比（经本人授权），都是和您情况类似的案例。",
        ),
        "intro": (
            "We offer Botox, fillers, laser and skin treatments, and double-eyelid surgery, all performed by doctors. Which area or concern would you like to address?",
            "我们有肉毒素、玻尿酸、光子/激光等皮肤项目和双眼皮手术，都由医生操作。请问您想改善哪方面？",
        ),
        "price": (
            "Roughly: Botox $12/unit (forehead about $120–$240), fillers $650–$800 per syringe, IPL $350 a session, double-eyelid surgery $3,500–$5,000. Which treatment are you interested in?",
            "大概价位：肉毒素800-3500元，玻尿酸2000-6000元/支，光子嫩肤800-1500元/次，双眼皮3000-15000元。您想了解哪个项目？",
        ),
        "pain": (
            "Injections feel like quick pinches — we use numbing cream and ice; laser feels like a rubber-band snap; eyelid surgery is under local anaesthesia, with some soreness for a few days afterwards.",
            "打针前会敷麻药，感觉像被蚊子叮几下；激光像橡皮筋弹；双眼皮是局部麻醉，术中基本不疼，术后几天有些胀痛。",
        ),
        "duration": (
            "Botox and fillers take 15–30 minutes with little downtime; laser sessions are 30–45 minutes; after eyelid surgery expect 1–2 weeks of swelling, with the final look at 3–6 months.",
            "打针15-30分钟，基本不影响上班；光子嫩肤约30分钟；双眼皮术后肿1-2周，3-6个月才是最终效果。",
        ),
        "results": (
            "Botox typically lasts 3–4 months and fillers 6–12 months, but results vary from person to person, so we don't promise a specific look; the doctor will show you realistic before-and-afters for cases like yours and tell you honestly if something isn't a good fit.",
            "肉毒素一般维持4-6个月，玻尿酸6-12个月，但效果因人而异，我们不会承诺一定达到某种样子；面诊时医生会给真实案例参考，不适合的项目会直接告诉您。",
        ),
        "risks": (
            "Common side effects are temporary redness, swelling or bruising; rarer risks (asymmetry, infection, vascular problems with fillers) are why a doctor does every treatment and reviews your medical history first.",
            "常见的是暂时性红肿、淤青；少见的有不对称、感染、玻尿酸栓塞等风险，所以都由执业医生操作，术前会详细问病史。",
        ),
        "staff": (
            "Treatments are done by our physicians, never by aestheticians: our lead injector, Dr. Grace Kim, is a board-certified plastic surgeon with 12 years' experience who does about 1,500 injectable treatments a year, and Dr. Lisa Park is a dermatologist with 8 years' experience. We use only FDA-approved products.",
            "所有注射和手术都由执业医生亲自操作，不是美容师：主诊张医生是整形外科主治医师，从业12年，每年做注射1500例左右；李医生是皮肤科医生，从业8年。药品都是药监局批准的正品，可以当面扫码验货。",
        ),
        "process": (
            "It starts with a free 30-minute consultation with the doctor — assessment, plan and exact price — and there's no pressure to have anything done that day.",
            "先免费面诊30分钟，医生评估后给方案和准确价格，当天不用决定做不做。",
        ),
        "schedule": (
            "We're open Tue–Sat 10am–7pm, with appointments until 8pm on Thursdays.",
            "营业时间周二到周日10:00-20:00，周一休息。",
        ),
        "warranty": (
            "If you're unhappy with a result, the doctor reviews it free of charge: Botox touch-ups within 2 weeks are included, filler can be adjusted or dissolved, and any complication is treated here at no cost — though no treatment's result can be guaranteed.",
            "万一效果不满意，医生免费复诊评估：肉毒素2周内补打免费，玻尿酸可以调整或溶解，出现并发症由我们免费处理；不过任何项目都没法百分百保证效果，做之前医生会如实讲清风险。",
        ),
        "privacy": (
            "Your visit and photos are kept strictly confidential, and we never use photos without your written consent.",
            "您的就诊信息和照片严格保密，未经书面同意绝不会用于宣传。",
        ),
        "trial": ("The consultation with the doctor is free.", "医生面诊是免费的。"),
        "payment": (
            "We take cards and offer monthly plans for treatments over $1,000.",
            "支持刷卡、微信、支付宝，手术项目可以办分期。",
        ),
        "discount": (
            "First-visit clients get 10% off one treatment, and a package of 3 laser sessions is 15% off, with no expiry date.",
            "首次到院项目九折，光子嫩肤三次疗程卡八五折，不限使用期限。",
        ),
        "refund": (
            "Unused package sessions are refundable; if you're unhappy with a result the doctor reviews it for free, and Botox touch-ups within 2 weeks are included.",
            "疗程卡没用完的部分可以退；对效果不满意，医生免费复诊评估，肉毒素2周内补打免费。",
        ),
        "documents": (
            "Just bring a photo ID and a list of any medications or allergies; the doctor may ask you to pause blood thinners like aspirin before injections.",
            "带身份证，告诉医生过敏史和在吃的药；注射前一周尽量别喝酒，阿司匹林类药物请遵医嘱暂停。",
        ),
        "booking": (
            "To book the free consultation, just tell me the treatment you're interested in and a day/time that works.",
            "约免费面诊的话，告诉我想了解的项目和方便的时间就好。",
        ),
        "remedy": (
            "The doctor will see you for a free review, and corrections or refunds are handled under our policy.",
            "医生会免费复诊评估，需要修复或退费都按规定处理。",
        ),
    },
}

COMMON: dict[str, Pair] = {
    "redo": (
        "If the problem is down to our work, putting it right costs you nothing — {pro} will check it first to confirm the cause.",
        "如果确认是我们的问题，返工、重做都免费，不会再收您钱；{pro}会先检查确认原因。",
    ),
    "cause": (
        "I can't say without a proper look — {pro} will check it free of charge and tell you honestly what caused it; if it's down to our work, the fix is free.",
        "现在还不好下结论，要{pro}免费检查后才能判断原因；我们会如实告诉您，如果是我们的问题免费处理。",
    ),
    "same_doc": (
        "Most of our team have been with us for years; tell me roughly when you came in and I'll check whether the same person is available and book you with them.",
        "我们团队比较稳定，大部分人都在；告诉我大概什么时候来做的，我帮您查一下，能约同一位的话优先给您约。",
    ),
    "bill": (
        "Yes — our front desk will send the itemized bill right here in this chat by the end of the next business day, listing each service, its date and price; if a line looks wrong, tell me which one and our {mgr} will check it and refund any overcharge within 3–5 business days.",
        "可以的，前台会在下一个工作日内把收费明细发到这里；您也可以告诉我日期或把账单那一项拍给我，我帮您对照是什么费用（比如检查费、材料费）；如果确实多收，{mgr}核实后3-5个工作日原路退回。",
    ),
    "partner": (
        "Yes, we're open to proposals: partnerships and referral arrangements go to our {mgr}, and any commission or fee terms are agreed case by case in a written agreement. Send a short proposal here (who you are, what you offer, the terms you have in mind) or call {phone} — you'll get an answer within about a week either way.",
        "可以谈：合作事宜由{mgr}负责对接，分成比例没有统一标准，按合作方式单独商定并签书面协议。您把方案（公司介绍、合作方式、期望分成）发在这里，或打{phone}找{mgr}办公室，一般一周内都会给您答复。",
    ),
    "legit": (
        "We're a fully licensed business — I can send our licence details here, and you're welcome to check them when you visit.",
        "我们是有执照的正规机构，资质证照可以在这里发给您看，到店也可以查看。",
    ),
    "choose": (
        "Yes, you can ask for a particular person when booking, and if it isn't a good fit you can switch at no cost.",
        "可以的，预约时可以指定，不合适也可以免费更换。",
    ),
    "accompany": (
        "You don't have to come along — they can come on their own and we'll guide them through; if you'd like, {pro} can phone you afterwards to go over everything.",
        "不一定要陪同，本人来就行，我们会全程引导；需要的话{pro}之后可以给您打电话说明情况。",
    ),
    "start": (
        "Usually within a few days — tell me what suits you and I'll check the earliest slot.",
        "一般几天内就能安排，告诉我您方便的时间，我帮您查最早的时段。",
    ),
    "reply_time": ("", ""),
    "manager": ("", ""),
    "fixed": (
        "Yes — you'll see the same person each time unless you ask to switch, which is free.",
        "是的，一般固定同一位负责到底；想换的话随时可以免费换。",
    ),
    "visits": (
        "Usually one or two visits — the first one sets out the plan, and {pro} will tell you then exactly how many more are needed.",
        "一般跑一两趟：第一次来定方案，{pro}会当场告诉您后面还要来几次。",
    ),
    "warranty": (
        "If something isn't right, {pro} will review it free of charge and we'll put right anything that's down to our work, at no cost to you.",
        "万一有问题，{pro}免费复查，属于我们的问题免费处理，不会再收您钱。",
    ),
    "software": (
        "We use an established practice-management system for intake and scheduling and aren't looking to switch right now.",
        "我们用的是行业通用的管理系统做登记和预约，目前没有更换的打算。",
    ),
    "location": (
        "We're at {addr} — free parking on site, a step-free entrance with an elevator, and a bus stop about two minutes' walk away.",
        "我们在{addr}，有免费停车位，有无障碍通道和电梯，离最近的地铁站步行约5分钟。",
    ),
    "someone_else": (
        "You're welcome to arrange it on their behalf — just tell us their name and what they need, and you're welcome to come along.",
        "可以的，您帮家人咨询和预约都没问题，告诉我们他/她的情况和方便的时间，也欢迎您陪同一起来。",
    ),
    "online": (
        "We can do a first conversation by phone or video, though the main service happens in person.",
        "可以先电话或视频沟通，正式服务需要到店或到现场。",
    ),
    "payment": ("We accept card, cash and bank transfer.", "支持微信、支付宝、刷卡和转账。"),
    "discount": (
        "We don't do gimmicky promotions — the price I quote is the real price, and if a genuine offer applies I'll tell you.",
        "我们不搞虚假促销，报的就是实价，有真实的活动会主动告诉您。",
    ),
    "trial": (
        "The first consultation is free, with no obligation.",
        "第一次咨询免费，不用有压力。",
    ),
    "privacy": (
        "Your information is kept confidential and only used to help with your request.",
        "您的信息我们严格保密，只用于为您服务。",
    ),
    "callme": ("Sure!", "可以的！"),
    "contact_us": (
        "You can call us at {phone} during opening hours, or just keep messaging here.",
        "门店电话是{phone}，营业时间都可以打，也可以直接在这里留言。",
    ),
}


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, FLAGS)


PITCH = _rx(
    r"\bseo\b|marketing (agency|services)|our agency|we help (businesses|clinics|companies|firms|dealers)|grow your (business|sales|clinic|practice)|more (leads|customers|patients|clients) for you|partnership opportunit|business cooperation|promote your|advertising (services|package)|backlinks|website (design|redesign)|social media management|google ranking|推广|代运营|引流|获客|合作机会|商务合作|寻求合作|谈合作|广告投放|排名优化|我们公司(专业|提供|是做)|帮您的?(门店|诊所|公司|律所)|\bleads\b|case referrals|hear how|hear more about (how|what)|marketing audit|free audit|send (you )?over (a|an|our) (free )?(audit|proposal|report)|we (can )?(send|bring|refer) you|our (company|firm|platform|agency) (helps|provides|offers|specializes)"
)
BOT = _rx(
    r"are you (a |an )?(bot|robot|ai|human|real(?! (clinic|business|company|school|dealer|firm|doctor|dentist|teacher|lawyer|attorney))|person|machine)\b|is this (a |an )?(bot|robot|ai|automated|real person)\b|\b(bot|robot|ai) or (a )?(human|real)|real person|talking to a (bot|machine|human|person)|chatgpt|机器人|真人|人工客服|是不是ai|是ai吗|自动回复|chat ?scripts?|who (writes|wrote|programmed|made) (your|these|this)|canned|scripted|automated (reply|replies|message)"
)
STRONG_COMPLAINT = _rx(
    r"terrible|awful|horrible|worst|botched|ruined|disappointed|unacceptable|rip.?off|\bscam|complain|still (hurts|in pain|broken|leaking|not fixed)|not happy with|unhappy with|furious|want my money back|demand a refund|sue you|bad review|never again|unprofessional|投诉|差评|太差了|坑人|被坑|骗子|骗人|态度(很|太|真)?差|很失望|太失望|退钱|还在疼|一直疼|做坏了|毁了|维权|曝光|消协|12315"
)
PAST = _rx(
    r"last time|you (guys )?did|i had .{0,30}(done|fitted|placed|installed)|after my (treatment|procedure|visit|surgery|lessons?|course)|your (dentist|doctor|lawyer|teacher|tutor|crew|workers|mechanic|salesman)|上次|之前在你们|在你们(这|那)|你们的?(医生|老师|律师|师傅|工人|销售)"
)
NEG = _rx(
    r"hurt|pain|broke|fell|crack|problem|wrong|\bbad\b|worse|leak|infect|swoll|uneven|asymmetr|overcharg|疼|痛|问题|不好|坏|掉了|裂|漏|歪|不对称|多收|乱收"
)
DECLINE = _rx(
    r"no,? thanks|no thank you|rather not|prefer not|not comfortable|don'?t want to (give|share|leave)|won'?t (give|share)|no (phone|number|calls?)|don'?t call|not now|not yet|maybe later|just (text|chat|message)|keep it here|here is (fine|better)|^\s*(no|nope|nah)\b|不用了|不方便|不想留|先不留|先不用|暂时不|不要打电话|别打电话|就在这里?聊|这里说就行|不留|算了|以后再说|^\s*不[要用]?[。.!！]?\s*$|why do you need my (phone|number)|just answer (it )?here|answer (it )?here|一上来就要|为什么要(我的)?(电话|微信|手机号?)"
)
GREETING = _rx(
    r"^\s*(hi|hello|hey|good (morning|afternoon|evening)|你好|您好|在吗|在不在|哈喽)[\s!！,.。~～?？]*(there)?[\s!！,.。~～?？]*$"
)
CLOSING = _rx(
    r"先了解|了解清楚|just (looking|browsing)|still (looking|deciding|comparing|researching)|thank|thx|\bbye\b|goodbye|that'?s all|good night|have a (good|nice)|think (about|it over)|let me think|谢谢|多谢|再见|拜拜|先这样|就这样|考虑|再想想|想一想"
)
ACK = _rx(
    r"^\s*(ok|okay|got it|i see|sure|alright|cool|great|noted|好的|好|嗯|哦|明白|知道了|行)[\s!！.。~～]*$"
)
TIME = _rx(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(mon|tue|wed|thu|thur|fri|sat|sun)\b|tomorrow|next week|this week|\b\d{1,2}(:\d{2})?\s?(am|pm)\b|\bmorning\b|\bafternoon\b|\bevening\b|周[一二三四五六日天末]|星期[一二三四五六日天]|明天|后天|下周|这周|上午|下午|晚上|\d{1,2}点"
)
ASK_MARK = _rx(r"phone number|手机号或微信")
PHONE = re.compile(r"(?<![A-Za-z0-9_+])\+?\d[\d\s\-().]{5,18}\d(?!\d)")
WECHAT = _rx(
    r"(?:微信号?|vx|wx|v信|weixin|wechat)\s*(?:号|id)?\s*(?:是|为|:|：)?\s*([A-Za-z][-_A-Za-z0-9]{5,19})"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
REASK = _rx(
    r"what i asked was|did(n'?t| not) answer|haven'?t (even )?(got|gotten|had) an answer|still (no|waiting for an) answer|you ignored|还没回答|刚才问的是|没回答我|答非所问"
)
BEHALF = _rx(
    r"\bbook|for (my|her|his|them)|on (his|her|their) behalf|themselves|himself|herself|call in|帮|替|代|本人|约"
)
MODELS: list[tuple[str, str, str]] = [
    (
        r"rav ?4|荣放",
        "The RAV4 starts at $29,250 MSRP (hybrid from $31,900); out the door with tax, title and fees it's typically about $32,000–$34,000 before this month's rebate or any trade-in.",
        "RAV4荣放2.0L指导价17.58万起，目前店内优惠约1.5万，全款落地（含购置税、保险、上牌）大约17.5-18.5万，看配置。",
    ),
    (
        r"cr-?v",
        "The CR-V starts at $30,850 MSRP; out the door it's about $33,500–$35,000 depending on trim.",
        "CR-V指导价18.59万起，店内优惠后全款落地大约17.8-19万。",
    ),
    (
        r"camry|凯美瑞",
        "The Camry starts at $28,400 MSRP; out the door about $31,000–$32,500.",
        "凯美瑞2.0L指导价17.18万起，优惠后全款落地约16-17.5万。",
    ),
    (
        r"accord|雅阁",
        "The Accord starts at $28,990 MSRP; out the door about $31,500–$33,000.",
        "雅阁指导价16.98万起，优惠后全款落地约16-17.5万。",
    ),
    (
        r"civic|思域",
        "The Civic starts at $24,950 MSRP; out the door about $27,500–$29,000.",
        "思域指导价12.99万起，全款落地约13-14万。",
    ),
    (
        r"corolla|卡罗拉",
        "The Corolla starts at $22,050 MSRP; out the door about $24,500–$26,000.",
        "卡罗拉指导价11.98万起，全款落地约11-12.5万。",
    ),
    (
        r"highlander|汉兰达",
        "The Highlander starts at $39,520 MSRP; out the door about $43,000–$45,000.",
        "汉兰达指导价26.88万起，优惠后全款落地约26-28万。",
    ),
    (
        r"sentra|轩逸",
        "The Sentra starts at $21,590 MSRP; out the door about $24,000–$25,500.",
        "轩逸指导价9.98万起，全款落地约9.5-11万。",
    ),
    (
        r"jetta|朗逸|宝来",
        "The Jetta starts at $22,000 MSRP; out the door about $24,500–$26,000.",
        "朗逸、宝来指导价9.99万起，全款落地约9.5-11万。",
    ),
]
EMPATHY_SERVICES = {"divorce", "labor", "debt", "injury"}
ALWAYS_ASK_TOPICS = {"booking", "trial", "testdrive", "contact_us", "callme"}
LEGAL_BEHALF = _rx(
    r"on (his|her|their) behalf|for (my|a) (mom|mother|dad|father|son|daughter|brother|sister|friend|relative|wife|husband)|asking for (a|my)|帮(我)?(妈|爸|家人|朋友|亲戚|儿子|女儿|弟弟|妹妹|哥哥|姐姐)|替(我)?(妈|爸|家人|朋友)|代(他|她)"
)
SOLICIT = _rx(
    r"day/time|day and time|a day that|what day|I've noted|which suits|哪天|什么时间|方便的时间|记下|哪个时间"
)
NEXT = _rx(
    r"下一步|接下来|怎么安排|咋(个)?安排|(怎么|如何|咋)(预约|报名|约)|next step|get(ting)? started|how (do|can|would|should) (i|we) (book|proceed|start|begin|sign up|go about)|how to (book|proceed)|what'?s next|what now|where do (we|i) go from here|move forward|sign me up|let'?s do (it|this)"
)
HYPO = _rx(
    r"万一|(如果|要是|假如).{0,8}(坏|失败|不满意|出问题|不好)|what if|what happens if|in case"
)
NO_ASK_TOPICS = {"partner", "manager", "software"}


def find_contact(text: str) -> dict[str, str] | None:
    """A phone number, WeChat id or e-mail in a customer message, if any."""
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if re.fullmatch(r"(19|20)\d\d[-/. ]\d{1,2}[-/. ]\d{1,2}", m.group().strip()):
            continue
        if 10 <= len(digits) <= 13 or (7 <= len(digits) <= 9 and re.search(r"[-\s]", m.group())):
            raw = m.group().strip()
            if raw.startswith(("+86", "0086")) or (digits.startswith("86") and len(digits) == 13):
                digits = digits[-11:]
            elif re.match(r"\+?1[\s\-.(]", raw) and len(digits) == 11:
                digits = digits[1:]
            return {"phone": digits}
    w = WECHAT.search(text)
    if w and re.search(r"[\d_]", w.group(1)):
        return {"wechat": w.group(1)}
    e = EMAIL.search(text)
    return {"email": e.group()} if e else None


def detect_topics(text: str, industry: str) -> list[str]:
    """Answerable topics mentioned in the text, in priority order."""
    facts = FACTS[industry]
    found = [n for n, rx in TOPIC_RE if rx.search(text) and (n in facts or n in COMMON)]
    if NEXT.search(text) and "booking" not in found:
        found.append("booking")
    if industry == "legal" and "someone_else" in found and not LEGAL_BEHALF.search(text):
        found.remove("someone_else")
    if "someone_else" in found and (
        (len(found) > 2 and "booking" not in found) or (len(found) > 1 and not BEHALF.search(text))
    ):
        found.remove("someone_else")
    drops = {
        "legit": ["staff", "insurance"],
        "start": ["schedule"],
        "late": ["schedule"],
        "otd": ["price"],
        "exam_fee": ["price", "trial", "booking"],
        "redo": ["trial", "price", "warranty"],
        "someone_else": ["booking"],
        "choose": ["staff"],
        "partner": ["booking", "schedule"],
        "level": ["schedule"],
        "fixed": ["choose", "staff", "same_doc"],
        "visits": ["duration"],
        "manager": ["reply_time", "staff"],
        "booking": ["process", "schedule", "trial"] if NEXT.search(text) else [],
    }
    for t, ds in drops.items():
        if t in found:
            found = [f for f in found if f not in ds]
    if (
        industry == "legal"
        and "payment" in found
        and not re.search(r"\bpay|fee|install|分期|付款|律师费|费用", text, FLAGS)
    ):
        found.remove("payment")
    if re.search(r"resolv|settl|解决|结案", text, FLAGS):
        found = [f for f in found if f not in ("schedule", "start")]
    if "driver" in text.lower() and "staff" in found:
        found.remove("staff")
    if (
        re.search(
            r"how long (does|will|do) (it|this|they|the \w+) last|管多久|维持多久", text, FLAGS
        )
        and "duration" in found
    ):
        found.remove("duration")
    return found


def detect_service(text: str, industry: str) -> str | None:
    """The service mentioned earliest in the text."""
    best: tuple[int, str] | None = None
    for key, rx, _, _ in SERVICES[industry]:
        m = re.search(rx, text, FLAGS)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), key)
    return best[1] if best else None


def is_zh(text: str, locale: str | None) -> bool:
    """Reply in Chinese if the customer writes Chinese (or a zh_CN customer writes almost no English)."""
    words = re.findall(r"[A-Za-z]+", text)
    return bool(re.search(r"[\u4e00-\u9fff]", text)) or (
        (locale or "").startswith("zh") and len(words) <= 2
    )


def callback_when(ts: datetime | None, zh: bool) -> str:
    """When a call-back happens, from the customer's local time (business hours 9-17, Mon-Fri)."""
    hour, weekend = (ts.hour, ts.weekday() >= 5) if ts else (12, False)
    if weekend:
        return "下一个工作日上午" if zh else "on the next business morning"
    if 9 <= hour < 17:
        return "两小时内" if zh else "within the next couple of hours"
    return (
        ("今天上午9点以后" if zh else "this morning after 9")
        if hour < 9
        else ("明天上午" if zh else "tomorrow morning")
    )


def slots(ts: datetime | None, zh: bool, industry: str) -> str:
    """Two concrete openings on the next working days (no Sundays; no Mondays for the clinic)."""
    day = (ts or datetime(2025, 1, 6, 12)).date()
    found: list[tuple[int, date]] = []
    for i in range(1, 9):
        d = day + timedelta(days=i)
        wd = d.weekday()
        if wd == 6 or (industry == "medical_aesthetics" and wd == 0) or (found and wd == 5):
            continue
        found.append((i, d))
        if len(found) == 2:
            break
    names = (
        ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        if zh
        else ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    )
    hours = ("上午10点", "下午4点") if zh else ("10am", "4pm")
    out = []
    for (i, d), h in zip(found, hours):
        name = names[d.weekday()]
        out.append((f"明天（{name}）" if zh else f"tomorrow ({name})") if i == 1 else name)
        out[-1] += h if zh else f" at {h}"
    return ("或".join(out)) if zh else " or ".join(out)


def norm(text: str) -> str:
    """Fix the commonest chat shorthand/typos before topic detection."""
    for a, b in (
        (r"\bteh\b", "the"),
        (r"\bu\b", "you"),
        (r"\bur\b", "your"),
        (r"\bpls\b|\bplz\b", "please"),
        (r"\bwanna\b", "want to"),
    ):
        text = re.sub(a, b, text, flags=re.I)
    return text


def model_of(texts: list[str]) -> tuple[str, str] | None:
    """(en, zh) price line for a car model the customer wants (not the car they trade in)."""
    for t in texts:
        for rx, en, zh in MODELS:
            m = re.search(rx, t, FLAGS)
            if m and not re.search(
                r"(那台|我的|我家|my (old |current )?(\d{4} )?|trade in (my|a) )\s*$",
                t[: m.start()],
                FLAGS,
            ):
                return en, zh
    return None


def tradein_text(text: str, zh: bool, now: int = 2025) -> str | None:
    """A rough trade-in range from the car's age (or model year), if the customer gave one."""
    m = re.search(r"开了\s*(\d+)\s*年|(\d+)\s*(?:years?|yrs?)\b|\b((?:19|20)\d\d)\b", text, FLAGS)
    if not m:
        return None
    y = int(m.group(1) or m.group(2)) if not m.group(3) else max(1, now - int(m.group(3)))
    car = re.search(r"(?:那台|我的|我家)\s*([\u4e00-\u9fffA-Za-z0-9]{1,6}?)\s*开了", text)
    band = 0 if y <= 3 else 1 if y <= 7 else 2
    if zh:
        rng = ["5.5-7万", "3-5万", "1-2.5万"][band]
        who = f"像{car.group(1)}这类" if car else "普通"
        return f"{who}10万级家用车开了{y}年，车况正常、里程不太高的话，一般能估{rng}左右，最终以现场免费评估为准（约半小时，报价7天有效）；本月置换还另补5000元。"
    rng = ["$14,000–$17,000", "$9,000–$12,000", "$4,000–$6,500"][band]
    return f"As a rough guide, {'an' if y in (8, 11, 18) else 'a'} {y}-year-old mainstream compact in normal condition typically trades in around {rng}; the exact figure comes from a free 30-minute appraisal, and the offer holds for 7 days."


async def reply(transcript: Transcript) -> AgentTurn:
    """Answer the customer's latest message(s)."""
    industry = transcript.industry if transcript.industry in BIZ else "dental"
    msgs = transcript.messages
    agent_msgs = [m for m in msgs if m.role == "agent"]
    n = len(agent_msgs)
    last_agent = max((i for i, m in enumerate(msgs) if m.role == "agent"), default=-1)
    current = [m for m in msgs[last_agent + 1 :] if m.role == "customer"] or [
        m for m in msgs if m.role == "customer"
    ][-1:]
    earlier = [m for m in msgs[: last_agent + 1] if m.role == "customer"]
    text = norm(" ".join(m.text for m in current).strip())
    reask = bool(REASK.search(text))
    qtext, nudge = text, False
    if not re.search(
        r"[A-Za-z0-9\u4e00-\u9fff]", text
    ):  # "🤔", "! !": they are still waiting for an answer
        prev = next(
            (
                norm(m.text)
                for m in reversed(earlier)
                if detect_topics(norm(m.text), industry) or detect_service(m.text, industry)
            ),
            None,
        )
        if prev:
            qtext, reask, nudge = prev, True, True
    zh = is_zh(qtext if qtext != text else text, transcript.locale)
    k = 1 if zh else 0
    biz = {key: val[k] for key, val in BIZ[industry].items()}
    facts = FACTS[industry]

    def fill(s: str) -> str:
        for key, val in biz.items():
            s = s.replace("{" + key + "}", val)
        return s

    def fact(topic: str) -> str:
        return fill((facts.get(topic) or COMMON[topic])[k])

    pro_cap = biz["pro"][:1].upper() + biz["pro"][1:]
    ask_idx = next(
        (i for i, m in enumerate(msgs) if m.role == "agent" and ASK_MARK.search(m.text)), None
    )
    asked = ask_idx is not None
    recent_ask = asked and any(ASK_MARK.search(m.text) for m in agent_msgs[-2:])
    explicit = bool(re.search(r"number|phone|call|contact|电话|手机|微信|号码|联系", text, re.I))
    refuses = bool(DECLINE.search(text)) and not find_contact(text)
    declined_now = asked and refuses and (recent_ask or explicit)
    declined = declined_now or (
        asked
        and any(
            m.role == "customer" and DECLINE.search(m.text)
            for m in msgs[ask_idx + 1 : last_agent + 1]
        )
    )
    contact_before = next((c for c in (find_contact(m.text) for m in earlier) if c), None)
    contact_now = None if contact_before else find_contact(text)
    contact = contact_before or contact_now
    lead = {**contact, "industry": industry} if contact else None
    ts = current[-1].ts if current else None
    parts: list[str] = []
    topics = detect_topics(qtext, industry)
    pitch_now = bool(PITCH.search(text)) and "partner" not in topics
    complaint_now = bool(
        STRONG_COMPLAINT.search(text) or (PAST.search(text) and NEG.search(text))
    ) and not HYPO.search(text)
    complaint_before = any(
        (STRONG_COMPLAINT.search(m.text) or (PAST.search(m.text) and NEG.search(m.text)))
        and not HYPO.search(m.text)
        for m in earlier
    )
    asked_now: list[bool] = []
    if n == 0 and (pitch_now or complaint_now):
        parts.append("您好，" if zh else "Hello.")
    elif n == 0:
        parts.append(
            f"您好，欢迎咨询{biz['name']}！" if zh else f"Hi, thanks for messaging {biz['name']}!"
        )

    def turn(extra: list[str]) -> AgentTurn:
        body = " ".join(p.strip() for p in parts + extra if p.strip())
        if zh:
            for p in "，！。？～：":
                body = body.replace(p + " ", p)
        return AgentTurn(text=body, latency_s=4.0 + 1.5 * (n % 3), lead=lead)

    def ask_text() -> str:
        if zh:
            return fill(
                [
                    "如果方便的话，可以留个手机号或微信，{pro}会联系您{purpose}；不方便也没关系，在这里继续问我就行。",
                    "需要的话可以留个手机号或微信，方便{pro}联系您{purpose}；不留也完全没问题，这里随时可以问。",
                ][n % 2]
            )
        return fill(
            [
                "If it's easier, you're welcome to leave a phone number so {pro} can call you to {purpose} — completely optional, and I'm happy to keep answering here.",
                "Would you like to leave a phone number? "
                + pro_cap
                + " could call to {purpose}. No obligation — we can also just keep chatting here.",
            ][n % 2]
        )

    def reply_time() -> str:
        when = callback_when(ts, zh)
        if zh:
            sorry = "抱歉上次没人及时回复您。" if re.search(r"没人|没有人|没回", text) else ""
            return (
                sorry
                + f"{biz['pro']}会在{when}回复您（工作日9-17点），这条对话我已经标注优先处理；着急的话也可以直接打{biz['phone']}。"
            )
        sorry = (
            "Sorry nobody got back to you last time. "
            if re.search(r"nobody|no one|never (heard|got)", text, re.I)
            else ""
        )
        return (
            sorry
            + f"You'll hear from {biz['pro']} {when} (we're staffed Mon–Fri 9–5), and I've flagged this conversation so it isn't missed; for anything urgent you can call {biz['phone']}."
        )

    def next_step() -> str:
        """The concrete next step, its purpose and how to take it (never a bare question)."""
        when = callback_when(ts, zh)
        if complaint_before or complaint_now:
            out = (
                f"下一步：{biz['mgr']}会在{when}联系您了解情况，同时给您约一次免费复查，由{biz['pro']}确认原因；如果是我们的问题，处理不收任何费用。"
                if zh
                else f"Next step: our {biz['mgr']} will get back to you {when}, and we'll book a free check with {biz['pro']} to confirm the cause — if it's down to our work, putting it right costs you nothing."
            )
        else:
            out = f"下一步是{biz['step']}。" if zh else f"The next step is {biz['step']}."
            if not contact:
                out += (
                    f"我可以直接在这里帮您约，{slots(ts, zh, industry)}都有空位，您看哪个时间合适？"
                    if zh
                    else f" I can book it right here — {slots(ts, zh, industry)} are open; which suits you?"
                )
        if contact:
            return out + (
                f"{biz['pro']}会打您留的号码确认具体时间。"
                if zh
                else f" {pro_cap} will call the number you gave {when} to confirm the time."
            )
        if asked or declined or refuses:
            return out
        asked_now.append(True)
        return out + (
            f"如果方便，也可以留个手机号或微信（可不留），{biz['pro']}直接联系您安排。"
            if zh
            else f" Or, if easier, leave a phone number or WeChat (optional) and {biz['pro']} will arrange it with you."
        )

    def answer(t: str) -> str:
        if t == "reply_time":
            return reply_time()
        if t == "booking":
            return next_step()
        if t == "manager":
            when = callback_when(ts, zh)
            return (
                f"这件事由{biz['mgr']}亲自负责，我已经把您的情况转给{biz['mgr']}，会在{when}给您答复；不想等的话可以直接打{biz['phone']}找{biz['mgr']}。"
                if zh
                else f"Our {biz['mgr']} is in charge, and I've passed your message to them — you'll hear back {when}; if you'd rather not wait, call {biz['phone']} and ask for the {biz['mgr']}."
            )
        if t == "tradein" and industry == "auto":
            return tradein_text(qtext, zh, ts.year if ts else 2025) or fact(t)
        if t in ("price", "otd") and industry == "auto":
            mod = model_of([qtext] + [norm(m.text) for m in reversed(earlier)])
            if mod:
                return mod[k]
        return fact(t)

    pitch_before = any(PITCH.search(m.text) for m in earlier)
    if pitch_now or (pitch_before and not topics and not detect_service(text, industry)):
        if pitch_before:
            return turn(
                [
                    fill(
                        "之前说过了，我们暂时没有这方面需求；您一定要发的话可以发在这里，{mgr}会看，一周内答复，但不能保证合作。"
                        if zh
                        else "As I mentioned, we're not looking for that right now; if you'd still like to, you can send it here and our {mgr} will reply within about a week, though I can't promise anything."
                    )
                ]
            )
        return turn(
            [
                fill(
                    "谢谢您的介绍。可以发，方案或报告直接发在这里，{mgr}会看，一般一周内回复，合不合适都会告诉您；不过说实话我们目前没有这方面的计划。"
                    if zh
                    else "Thanks for reaching out — yes, you're welcome to send the details here, and our {mgr} will review them and reply within about a week either way, though honestly we're not looking for that right now."
                )
            ]
        )

    if complaint_now:
        again = any(STRONG_COMPLAINT.search(m.text) for m in earlier)
        head = (
            [
                "非常抱歉给您带来这样的体验，这不是我们希望发生的。",
                "理解您的心情，这件事我已经按加急上报了。",
            ]
            if zh
            else [
                "I'm really sorry to hear that — that's not the experience we want anyone to have.",
                "I understand, and I've escalated this as a priority.",
            ]
        )[again]
        specific = [
            answer(t)
            for t in (
                "refund",
                "redo",
                "bill",
                "cause",
                "same_doc",
                "warranty",
                "manager",
                "reply_time",
                "booking",
            )
            if t in topics and not (t == "bill" and "refund" in topics)
        ][:2]
        if contact:
            tail = (
                "{mgr}会在一个工作日内打电话给您。"
                if zh
                else "Our {mgr} will call you on the number you gave within one business day."
            )
        elif asked or refuses or specific:
            tail = (
                "您也可以直接打{phone}找{mgr}，或者把经过和照片发在这里，我今天就转交。"
                if zh
                else "You can also reach our {mgr} directly at {phone}, or send details and photos here and I'll pass them on today."
            )
        else:
            tail = (
                "方便的话可以留个手机号或微信（不留也可以），{mgr}会在一个工作日内联系您了解情况；也可以把经过和照片发在这里，我马上转交。"
                if zh
                else "If you leave a phone number (optional), our {mgr} will call you within one business day to go through what happened — or send details and photos here and I'll pass them on."
            )
        return turn([head] + (specific or [fact("remedy")]) + [fill(tail)])

    if BOT.search(text):
        parts.append(
            fill(
                "我是{name}的在线智能助手，不是真人；回答内容由我们的工作人员编写和审核，想和真人沟通的话也可以安排{pro}联系您。"
                if zh
                else "I'm an automated assistant for {name}, not a person — my answers are written and checked by our staff, and {pro} can get in touch if you'd rather talk to a human."
            )
        )

    service = detect_service(qtext, industry)
    prior_service = next(
        (s for s in (detect_service(m.text, industry) for m in reversed(earlier)) if s), None
    )
    svc = service or prior_service
    prior_keys: set[str] = set()
    answered_blocks = 0
    for m in earlier:
        ts_ = detect_topics(norm(m.text), industry)
        s_ = detect_service(m.text, industry)
        answered_blocks += bool(ts_ or s_)
        prior_keys.update(f"price:{s_ or ''}" if t == "price" else t for t in ts_)
        if s_:
            prior_keys.add(f"svc:{s_}")

    def key(t: str) -> str:
        return f"price:{service or ''}" if t == "price" else t

    last_agent_text = agent_msgs[-1].text if agent_msgs else ""
    time_hits = list(TIME.finditer(text)) if qtext == text else []
    time_ack = bool(time_hits) and bool(
        (SOLICIT.search(last_agent_text) and not re.search(r"[?？吗]", text))
        or {"booking", "testdrive"} & set(topics)
    )
    if time_ack:
        topics = [t for t in topics if t not in ("schedule", "booking")]
    if contact_now or declined_now or refuses:
        topics = [t for t in topics if t != "contact_us"]
    fresh = [t for t in topics if key(t) not in prior_keys]
    recap = bool(topics) and not fresh and not reask
    topics = (topics if reask else fresh + [t for t in topics if t not in fresh])[:3]
    answers: list[str] = []
    for t in topics:
        if (t == "price" and svc and industry != "auto") or (
            t == "price"
            and industry == "auto"
            and svc
            and not model_of([qtext] + [m.text for m in earlier])
        ):
            info = next(s[2 + k] for s in SERVICES[industry] if s[0] == svc)
            if f"svc:{svc}" in prior_keys and not service and not reask:
                extra = next(
                    (
                        x
                        for x in ("trial", "discount", "payment")
                        if x in facts and x not in prior_keys and x not in topics
                    ),
                    None,
                )
                answers.append(
                    "就像刚才说的，" + info
                    if zh
                    else "As I mentioned, " + info[0].lower() + info[1:]
                )
                if extra:
                    answers.append(fact(extra))
                    prior_keys.add(extra)
            else:
                answers.append(info)
        elif t == "callme":
            if contact:
                answers.append(
                    f"{biz['pro']}会打您留的号码。"
                    if zh
                    else f"{pro_cap} will call you on the number you gave."
                )
            elif asked or declined:
                answers.append(
                    "可以的，请问打哪个号码方便？"
                    if zh
                    else "Of course — what's the best number to reach you on?"
                )
            else:
                answers.append(fact(t))
        else:
            answers.append(answer(t))
    generic = {"booking", "trial", "schedule", "location", "someone_else", "process"}
    if service and (
        not answers
        or (
            f"svc:{service}" not in prior_keys
            and "price" not in topics
            and set(topics) <= generic
            and len(answers) < 2
        )
    ):
        answers.insert(0, next(s[2 + k] for s in SERVICES[industry] if s[0] == service))
    if recap and answers:
        answers[0] = ("再跟您确认一下：" if zh else "Just to recap: ") + answers[0]
    elif reask and answers and n:
        a0 = (
            answers[0]
            if zh or answers[0].startswith(("I ", "I'", "Dr"))
            else answers[0][0].lower() + answers[0][1:]
        )
        answers[0] = (
            ("我再说清楚一点：" if zh else "To be clear: ")
            if nudge
            else ("抱歉刚才没答到，" if zh else "Sorry I missed that — ")
        ) + a0
    if industry == "legal" and service in EMPATHY_SERVICES and f"svc:{service}" not in prior_keys:
        parts.append("遇到这种事确实让人着急，" if zh else "I'm sorry you're dealing with this.")
    answered_blocks += bool(answers)

    if contact_now:
        when = callback_when(ts, zh)
        if zh:
            parts.append(
                f"收到，谢谢！{'我们会加您微信，' if 'wechat' in contact_now else ''}{biz['pro']}会在{when}联系您{biz['purpose']}，如果有更方便的时间也可以告诉我。"
            )
        else:
            how = "reach out on that" if "email" in contact_now else "call you"
            parts.append(
                f"Thank you, got it! {pro_cap} will {how} {when} to {biz['purpose']}. If another time suits you better, just let me know here."
            )
        return turn(answers)
    if declined_now or (refuses and answers):
        if not answers and CLOSING.search(re.sub(r"no,? thanks?( you)?", "", text, flags=re.I)):
            parts.append(
                "没问题，感谢咨询，有需要随时找我～"
                if zh
                else "No problem at all — thanks for chatting, and feel free to message anytime."
            )
            return turn([])
        if not answers:
            return turn(
                [
                    "没问题，不留也完全可以。还有什么想了解的吗？"
                    if zh
                    else "No problem at all — we can keep chatting here. Is there anything else you'd like to know?"
                ]
            )
        return turn(
            answers
            + [
                "联系方式不留也没关系，有问题随时在这里问我。"
                if zh
                else "And no need to leave a number — happy to keep answering here."
            ]
        )

    eligible = not asked and not contact and not declined and not refuses and not reask
    if time_ack:
        a, b = time_hits[0].start(), time_hits[-1].end()
        phrase = text[a:b] if b - a <= 30 else time_hits[0].group()
        answers.append(
            (f"好的，{phrase}我先帮您记下了。" if zh else f"Great, I've noted {phrase}.")
            if phrase
            else ("好的，记下了。" if zh else "Great, noted.")
        )
        if contact:
            answers.append(
                f"{biz['pro']}联系您时会再确认。"
                if zh
                else f"{pro_cap} will confirm it when they call."
            )
        elif not eligible:
            answers.append(
                "我会在这里给您确认。" if zh else "You'll get a confirmation here in this chat."
            )
    if not answers:
        if CLOSING.search(text) and not GREETING.search(text):
            if not re.search(r"thank|thx|谢", text, FLAGS):
                parts.append(
                    "好的，不着急，慢慢考虑，有问题随时找我～"
                    if zh
                    else "No rush at all — take your time, and message anytime if questions come up."
                )
            else:
                parts.append(
                    ["不客气，有问题随时找我～", "好的，感谢咨询，祝您生活愉快！"][n % 2]
                    if zh
                    else [
                        "You're welcome! Feel free to message anytime if anything else comes up.",
                        "Thanks for chatting — take care!",
                    ][n % 2]
                )
            return turn([ask_text()] if eligible and answered_blocks >= 1 else [])
        if BOT.search(text):
            parts.append("还有什么想了解的吗？" if zh else "What else can I help you with?")
        elif GREETING.search(text):
            parts.append(
                ("请问有什么可以帮您？" if zh else "How can I help today?") if n else fact("intro")
            )
        elif ACK.search(text):
            parts.append(
                "好的～还有其他想了解的吗？"
                if zh
                else "Sure! Is there anything else I can help with?"
            )
        elif n == 0:
            parts.append(fact("intro"))
        elif not ACK.search(text):
            lead_in = ""
            if re.search(r"[?？吗呢]", text) and re.search(r"[A-Za-z\u4e00-\u9fff]", text):
                lead_in = (
                    f"这个问题我不想随便答，{biz['pro']}可以给您准确答复。"
                    if zh
                    else f"I don't want to guess on that one — {biz['pro']} can answer it exactly. "
                )
            return turn([lead_in + next_step()])
        elif any(fact("intro") in m.text for m in agent_msgs):
            parts.append(
                [
                    "不好意思，我没太明白，能具体说说您想了解什么吗？",
                    "方便再具体说一下您的情况吗？",
                ][n % 2]
                if zh
                else [
                    "Sorry, I'm not sure I understood — could you tell me a bit more about what you need?",
                    "Could you give me a little more detail so I can point you to the right answer?",
                ][n % 2]
            )
        else:
            parts.append(
                ("想确认一下，" if zh else "Just to make sure I help with the right thing: ")
                + fact("intro")
            )
        return turn(
            []
        )  # a clarifying question is never combined with a request for contact details
    want_ask = (
        eligible
        and not asked_now
        and not (NO_ASK_TOPICS & set(topics))
        and (answered_blocks >= 2 or bool(ALWAYS_ASK_TOPICS & set(topics)) or time_ack)
    )
    if want_ask and (len(answers) < 3 or "booking" in topics):
        answers.append(ask_text())
    return turn(answers)
