"""Recognisers for what an agent message *does*: ask for a contact, give a reason, pressure...

Each act is found per clause, as structures rather than word lists: a contact ask needs a
contact noun that belongs to the customer *and* a request; pressure and promises are dropped
when negated or hedged ("there's no hurry", "我们不能保证胜诉", "most patients feel only
pressure"). The patterns are written from how people phrase these acts, not from any agent's
or persona's vocabulary.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_I = re.IGNORECASE

_EN_NEG = re.compile(
    r"\b(no|not|never|don'?t|doesn'?t|won'?t|can'?t|cannot|nobody|no one|without|isn'?t|aren'?t|"
    r"wouldn'?t|shouldn'?t|needn'?t|neither|nor|zero need|nothing)\b|n't\b",
    _I,
)
_ZH_NEG = re.compile(r"(不|没|无|别|勿|非|未|谁也|没有人|不会|不敢|不能|无法|没法|不可能)")
_EN_HEDGE = re.compile(
    r"\b(most|many|usually|typically|generally|often|may|might|could|likely|can'?t promise|"
    r"tend to|in most cases|for most)\b",
    _I,
)
_ZH_HEDGE = re.compile(r"(一般|大部分|大多数|多数|通常|基本上|可能|也许|大概|尽量|争取|因人而异)")


_ZH_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")


def negated(clause: str, start: int, locale: str, window: int | None = None) -> bool:
    """Whether the words just before ``start`` negate what follows."""
    if locale == "zh_CN":
        # a negation does not reach across a comma (绝对没问题，今晚签约还能打八折), nor across the
        # space chat writes for one; a yes-or-no question (报不报) negates nothing
        before = re.split(r"[，,；;。！!？?\s]", clause[max(0, start - (window or 5)) : start])[-1]
        return _ZH_NEG.search(_ZH_A_NOT_A.sub("", before)) is not None
    before = clause[max(0, start - (window or 28)) : start]
    return _EN_NEG.search(before) is not None


def _hedged(clause: str, locale: str) -> bool:
    return (_ZH_HEDGE if locale == "zh_CN" else _EN_HEDGE).search(clause) is not None


# --- contact asks -------------------------------------------------------------------------------

_EN_CONTACT_NOUN = re.compile(
    r"\b(phone( number)?|number|cell( phone)?|mobile|e-?mail( address)?|contact (info|information|"
    r"details|number)|contact|whatsapp|wechat|digits|text you|call you|reach you|get in touch|"
    # where to come to: "send me your address" for a visit to the customer's home
    # (the noun, not "to address your concern")
    r"(?<=your )address|(?<=ur )address|(?<=an )address|(home|street|mailing|property|email|e-mail) "
    r"address)\b",
    _I,
)
_EN_ASK_FRAME = re.compile(
    r"(\b(can|could|may|might|would|will) (i|we|you)\b|\b(mind|please|pls|plz|drop|share|leave|"
    r"send|give|grab|get|pass|jot|type|provide|sharing|giving|leaving|sending|providing|dropping|"
    r"text me|dm me|shoot me|let me know|let me have|"
    r"what'?s|what is|which is|best|good|preferred|happy to take|need|want)\b|\?)",
    _I,
)
_EN_YOURS = re.compile(
    r"\b(your|you|yours|u|ur)\b|\b(a|the) (good|best|preferred) (number|email|way)\b|"
    r"\bnumber (where|to reach|for you)\b"
    r"|(?<!no need to )(?<!don.t need to )(?<!not )(?<!never )\b(leave|drop|share|send|text|give me|"
    r"jot down)( us| me)? (a|the) (good |best |callback |phone |contact )?(number|phone number|cell|"
    r"email)\b",
    _I,
)
_EN_OURS = re.compile(
    r"\b(our|my) (office |main |front desk |direct |phone |clinic )?(number|phone|line|email|"
    r"cell|contact|address)\b|\b(call|text|email|reach|contact) (us|me|our|the office)\b|\bon file\b|"
    r"\b(number|email) (you|u) (gave|left|provided|used|sent)\b|"
    r"\b(e-?mail|write to|contact|reach|message)\b[^.!?]{0,24}\S+@\S+\.\w+|\byou (left|gave|provided) "
    r"(us|me)\b|\b(is|at) \(?\d{3}\)?[\s.-]?\d{3}",
    _I,
)
_ZH_CONTACT_NOUN = re.compile(
    r"(电话|手机|号码|联系方式|微信|vx|v信|威信|薇信|邮箱|qq|QQ|手机号|联系电话|"
    r"(?<=留个)号|(?<=留下)号|(?<=留一下)号|(?<=哪个)号)(?![源])",
    _I,
)
_ZH_ASK_FRAME = re.compile(
    r"(还是[^，。！？]{0,10}吗|是不是[^，。！？]{0,10}(尾号|那个|这个)|对吧|是吧|没错吧|对吗|"
    r"尾号[^，。！？]{0,12}(吗|吧)|"
    r"留|加|发|告诉|给我|给一下|给个|给一个|提供|登记|写下|报一下|报我|多少|方便|麻烦|私信|说一下|说下|讲一下|讲下|说您|说你|"
    r"发一下|填|备注|"
    r"回复|输入|"
    r"能否|可否|可以|请|求个|要个|(跟|和|向)(您|你)要|交换|扫|哪个|哪一个|是(不是)?(微信|vx)(号)?(吗|吧|么))"
)
_ZH_OURS = re.compile(
    r"(我们的|我们|本店|诊所|医院|律所|公司|门店|客服|前台|热线|拨打|致电|来电|打这个|"
    r"您之前留|您留过|已经留|您刚才|您给的|预留的|这个号码|上面的|下面的)"
    r"[^，。！？,!?]{0,6}(电话|号码|手机|微信|联系方式|邮箱|邮件地址)|(电话|号码|微信)(是|为|：|:)\s*\d"
)
_ZH_CUSTOMER_SIDE = re.compile(r"(您的|你的|您|你|个人)")

_CONTACT_KIND = (
    ("wechat", re.compile(r"(微信|vx|v信|威信|薇信|wechat|(你|您)v|加个?v)", _I)),
    ("email", re.compile(r"(邮箱|e-?mail)", _I)),
    ("phone", re.compile(r"(电话|手机|号码|\b(phone|number|cell|mobile|call|text|digits))", _I)),
)


_ZH_NOT_A_CONTACT = re.compile(r"(微信|电话|手机)(聊天|记录|转账|支付|截图|号就是|录音)")
_ZH_DELIVERY = re.compile(
    r"(发|寄|送|推送)(到|至)(您|你|(?!我)[\u4e00-\u9fff]{1,3}?)的?(邮箱|手机|微信|qq|QQ)|我(发|寄|推送)(您|你)(的)?(邮箱|微信|手机)(上|里)|"
    # 发到您预留的手机上, 发到您刚才预约登记的手机: to the number the business already has
    r"(发|寄|送|推送)(到|至|给)(您|你)[^，。！？]{0,8}(预留|登记|留)的(手机|邮箱|微信|号码|电话)|"
    # 明细我现在就发您微信: sent to the WeChat the business already has
    r"(就|马上|稍后|这就|现在|一会儿?)(就)?(发|推送)(给)?(您|你)的?(微信|邮箱|手机)(?!号)(上|里)?|"
    r"(前|后|之前|以后|以内|内)(发|推送)(给)?(您|你)的?(微信|邮箱)(?!号)(上|里)?(?=[，。！？,.!?～~]|$)|"
    # our own published address: 商务合作可以发到官网公布的邮箱
    r"(发|寄)(到|至)[^，。！？]{0,8}(官网|公司|我们|我司|公布)[^，。！？]{0,6}(邮箱|邮件|地址)"
)
"""发到您的邮箱: sending to a contact the business already has; no contact is asked for."""
_ZH_DEVICE = re.compile(
    r"(玩|看|刷|少用|摸)手机(?!号)|手机(电脑|游戏|屏幕|辐射|原件|本身|里的|备份)|"
    # a handset kept as evidence: 保留原始手机, 旧手机别扔
    r"(原始|原来的|原|旧|那部|这部|同一部)手机(?!号)|(保留|保存|别删|不要删)[^，。！？]{0,10}手机(?!号)"
)
_ZH_SLOT_KEPT = re.compile(
    r"(给|帮|为|替)(您|你|老人|阿姨|叔叔|孩子)(留|预留|挂|约)(个|一个|一下)?号"
)
_ZH_REACHES_YOU = r"(能|可以)?联系(到|上)(您|你)的?(电话|手机号?|号码)"
"""一个能联系到您的电话: the customer's own number, asked for or named."""
_ZH_SEND_ME_THE_NUMBER = re.compile(
    r"把[^，。！？]{0,12}(手机号|电话|手机|号码|联系方式|微信号?)[^，。！？]{0,10}(发|给|告诉|留)(我|给我|一下|下|过来)"
)
"""您把阿姨的姓名、手机号和想来的时间发我: the number asked for, whoever will then call."""
_ZH_SOLICIT = re.compile(
    r"(留(?!的)|加|告诉|提供|报|发|给|登记|写|填)[^，。！？,!?]{0,6}(手机号|电话|手机|号码|联系方式|微信|vx|v信|邮箱)|"
    # a form's fields: 填一下这个小表单👉 家长姓名、孩子年级、联系电话; 您自己的电话也留一个;
    # 跟您要一下叔叔的名字和手机号码
    r"填(一下|下|写)?[^。！？!?]{0,20}(手机号|联系电话|电话|联系方式)|"
    r"(电话|手机号?|号码|微信号?)也?留(一个|一下|个)|(跟|和|向)(您|你)要(一下|下|个)?[^，。！？]{0,10}(手机号|电话|号码|联系方式|微信)|"
    # fields listed, then "send them": 约号需要：①就诊人姓名 ②手机号 ③年龄，您发一下
    r"(手机号|电话|联系方式)[^。！？]{0,12}(您|你)(发|告诉|填|提供)(一下|下|给我|我)|"
    # 您把阿姨的姓名、手机号和想来的时间发我就行
    + _ZH_SEND_ME_THE_NUMBER.pattern
    + r"|"
    # a form to fill in: 请回复您的姓名、手机号及意向车型, 请留下您的姓名和联系电话
    r"(留下|回复|输入|填写|提供)[^，。！？,!?]{0,10}(手机号|电话|手机|号码|联系方式|微信|邮箱)|"
    r"(哪个|哪一个)(号码|电话|手机号?|邮箱)|"
    r"(手机号|电话|手机|号码|联系方式|微信号?|vx|邮箱)[^，。！？,!?]{0,4}(留|发|告诉|给|报)(我|一下|下)|"
    r"(留|加)(个|一下|您|你|我)|(您|你)的?(手机号|电话|手机|号码|微信号?|联系方式|v|vx)(是|多少)|"
    r"(说|讲)(一)?下(你|您)?的?(电话|手机号?|微信号?)|"
    r"(你|您)v多少|加个?v|方便.{0,8}(留|加|给)"
    r"|^\W*(好的?|那|嗯|ok)?[，,]?\s*(电话|手机号?|微信号?|联系方式)(是)?多少"
    r"|[，,\s]\s*(电话|手机号?|微信号?|联系方式)(是)?多少(?!钱)"
    r"|(电话|手机号?|号码)[^，。！？]{0,3}(还是|是不是|是否还是)[^，。！？]{0,6}(尾号|那个|这个)"
    r"|" + _ZH_REACHES_YOU + r"|(邮箱|微信)[^，。！？]{0,6}(提供|告诉|发)[^，。！？]{0,4}(地址|号)"
    # the customer's number on file confirmed: 您预约时留的手机是138****5621对吧, 尾号6612的号码还能打通吗
    r"|(留|登记|预留|用)的?(手机号?|电话|号码)(是)?[^，。！？]{0,14}(对吧|是吧|没错吧|对吗|吧|吗)"
    r"|尾号\s?\d{3,4}的?(号码|手机号?|电话)?[^，。！？]{0,8}(吗|吧)"
    # a number asked for by "say it" or "how much", or the one on file confirmed: 您先说您的手机号,
    # 家长手机号多少, 您留的还是之前那个号码吧
    r"|说(一下|下)?(您|你)的?(手机号?|电话|号码|微信号?)|(家长|孩子|您|你)的?(手机号?|电话|微信号?)(是)?多少"
    r"|(还是|是不是|是否还是)(之前|原来|上次)(那个|的)?(号码|电话|手机号?)"
    # 您这个手机号是微信吗，我直接加您
    r"|(您|你)(这个)?(手机号?|电话|号码)(也)?是(不是)?(微信|vx)(号)?(吗|吧|么)",
    _I,
)
_ZH_THEIR_CALL = re.compile(
    r"(打|拨)(个|一下)?(我们|所里|店里|诊所|前台|这个|我的)?.{0,3}(电话|热线)|同号\s*\d|"
    # a number written out (not a price, an hour or a tail: 收300元, 12点, 尾号6620)
    r"(?<!尾号)(?<![\d.])\d{3,}(?![\d.]|\s?(元|块|万|千|百|点|岁|分|年|月|日|天|次|颗|平|米|公里|km|k\b|w\b))"
)
_EN_ASK_OWN = re.compile(
    r"\b(can|could|may|might) (i|we) (get|have|grab|take|get a hold of)\b.{0,30}\b(number|phone|"
    r"cell|email|contact|digits|callback)|\b(reply|respond|text|send|dm|message) (me |us )?(back )?"
    r"(with )?(your|ur|her|his|their|a)\b.{0,40}\b(number|phone|cell|email|contact)|\bcallback #|"
    r"\b(number|phone|cell|email) (for|to reach|where we can reach) (you|u)\b|\bgive you a call\b.{0,20}\?|"
    r"\b(which|what) (email|e-mail|phone|number|cell)( address| number)? (should|can|do|shall) (i|we)\b|"
    # "What's a good phone number?", "what address should I use?", "Is (555) 201-7734 still the best
    # number?"
    r"\bwhat'?s (a|the) (good|best) (phone |cell |contact )?(number|email)\b|"
    # "Just send me her name and a good number for you"
    r"\b(a|the) (good|best) (phone |cell |contact )?(number|email) for (you|u)\b|"
    r"\bwhat (email |e-mail )?address should (i|we) (use|send)\b|"
    r"\bstill the (best|right|correct|best phone) (number|email|way to reach you)\b|"
    r"\b(number|phone|cell|email)\b[^.!?]{0,40}\bstill the (best|right|correct|good) (one|number|way)\b"
    r"[^.!?]{0,20}\b(you|u)\b|"
    r"\b(number|phone|cell)\b[^.!?]{0,15}\b(where|so) (we|i) can (reach|contact|call|text) (you|u|him|her|them)\b|"
    r"\b(just )?(need|want|needs) (is )?(a|an|your|the|the best|a good) (good |best )?(number|phone|cell|"
    r"email|contact)\b|"
    # a form that takes the customer's details: "please fill out our contact form"
    r"\b(fill out|fill in|complete|submit)( out)? (our|the|a|this) (quick |short |online |brief )?"
    r"(contact|intake|inquiry|enquiry|request) form\b",
    _I,
)
_EN_THEIR_CONTACT_ASKED = re.compile(
    r"\b(need|send (me|us|over)|(can|could|may) (i|we) (get|have|grab)|give (me|us)|share|what'?s|"
    r"what is|text me)\b[^.!?]{0,50}"
    r"\b((his|her|their) (phone |cell |mobile |best |contact )?(number|phone|cell|email)|"
    r"(a|the) (phone |good |best |contact )?number (where|to reach|for) (we can reach )?(him|her|them)|"
    r"(a|the) (phone |good |best |contact )?number (we|i) can (reach|call|text) (him|her|them))\b",
    _I,
)
"""A relative's contact asked for, to book or remind them ("I just need her full name, date of
birth and her phone number"): a contact for the booking, as most writers label it."""
_EN_SOMEONE_ELSES = re.compile(
    r"\b(number|phone|cell|email|contact)\b[^.!?]{0,25}\b(reach|call|contact|text|email) (him|her|them)\b|"
    r"\b(reach|call|contact|text) (him|her|them) (at|on)\b|\b(his|her|their) (phone |cell |mobile |best |"
    r"contact )?(number|phone|cell|email)\b",
    _I,
)
"""A contact that belongs to someone else: the mother being booked, the manager to write to."""
_ZH_PROMO_ADD = re.compile(
    r"加(我们|客服|官方|店长|顾问)?的?(微信|vx|v信)[^，。！？,!?]{0,4}(领|领取|获取|送|享|抢|拿|免费)",
    _I,
)
_EN_MENU_OPTION = re.compile(
    r"\b(reply|respond|answer) with (a|the|its|their) (option )?number\b"
    r"(?![^.!?]{0,25}\b(reach|call|text|contact)\b)|"
    r"\b(pick|choose|select|type) (a|the) number\b(?![^.!?]{0,25}\b(reach|call|text|contact)\b)",
    re.IGNORECASE,
)
"""A menu's option asked for: "Reply with a number!", "pick a number from the list"."""
_FORM_OR_PAPER = (
    r"\b(termination|confirmation|welcome|rejection|offer|warning|original|forwarded|threatening)"
    r" e-?mails?\b|\be-?mails? (from (him|her|them|your|the)|(he|she|they) sent)\b|\bcontact form\b"
)
_EN_FORM_OR_PAPER = re.compile(_FORM_OR_PAPER, re.IGNORECASE)
"""A document or our site's form, not the customer's contact: "the termination email", "send a
proposal through the contact form on our website"."""
_EN_NOT_A_CONTACT = re.compile(
    r"\b(card|credit card|debit card|account|policy|member|membership|license|case|order|confirmation|"
    r"social security|routing|vin|claim|tracking|reference|invoice|patient|serial|model|id|report|"
    r"incident|docket|file|ticket|badge|plate|lot|unit|room|suite|flight) number\b|"
    r"\b(firm|ballpark|exact|real|final|rough|good|round|lower|higher|better|accurate|precise|solid|true|"
    r"specific|reliable|concrete|actual|right|personali[sz]ed) (number|figure)\b(?! (for|to "
    r"(reach|call|text|contact)|where))|\bnumber on the back\b|\bcall the number\b|\bnumber of\b"
    r"|\b(the|that'?s the|is the) number (you|you'?ll|you will) (pay|owe|see)\b"
    # a price not guessed, a document kept, a form on our site: "I don't want to throw a number at
    # you", "copies of … the termination email", "the contact form on our website"
    r"|\b(throw|toss) (out )?a number\b|\bput a number on\b"
    r"|\b(give|quote|get) you (a|an|the)\b[^.?!]{0,24}\bnumber\b"
    # the customer told to contact a third party: "please contact your insurance provider"
    r"|\b(contact|call|email|e-mail|text|check with) (your|ur) (?!(number|phone|cell|email|"
    r"contact|mobile)\b)\w+|" + _FORM_OR_PAPER,
    _I,
)
_EN_HANDSET = re.compile(
    r"\b(back(ing)? up|charge|charging|restart|unlock|keep|keeping|save|saving|delete|trade in|"
    r"wipe|reset|produce|hand over) (your|ur|the|that|this) (phone|cell)\b(?! (number|#))|"
    # "keep the original messages on your phone"
    r"\bon (your|ur|my|his|her|their|the) (phone|cell|mobile)\b(?! (number|#))|"
    # the channel, not a number: "we're allowed to talk to you about her treatment over the phone"
    r"\b(over|by) the phone\b(?! (number|#))",
    _I,
)
"""The handset itself: "backing up your phone is a good idea too"."""


_EN_SHARE_A_NUMBER = re.compile(
    r"\b(sharing|share|leaving|leave|dropping|drop|sending|send|text me|give me|pass me) (me |us )?"
    r"(a|the) (good|best)( phone| callback| contact| cell)? (number|cell)\b",
    _I,
)
""""Mind sharing a good number?": a good number to reach the customer, not a good figure."""
_EN_LEAVE_A_NUMBER = re.compile(
    r"(?<!no need to )(?<!don.t need to )(?<!not )(?<!never )(?<!don.t )(?<!won.t )\b(leave|drop|"
    r"enter|type in|fill in|submit|put in) (me |us )?(a|your|ur|the|(your|ur) (mom|dad|mother|father|"
    r"parent|son|daughter|wife|husband|kid|child|grandma|grandpa)'?s) (name,? (and |& )?)?(good |best )?"
    r"(phone |callback |contact |cell |mobile )?(number|cell|phone number|e-?mail( address)?|mobile)\b",
    _I,
)
"""A form's or a clerk's imperative ("just enter your mobile number", "leave a phone number and
someone will call"): an ask however the business's own number is offered beside it."""
_EN_YOUR_CONTACT = re.compile(
    r"\b(your|ur) (number|phone|cell|email|contact|mobile|(home |street |mailing )?address)\b", _I
)
"""The customer's own contact named: what turns an ours-or-theirs clause back into an ask."""
_ZH_LEAVE_YOURS = re.compile(
    # (not 加一下我们前台微信: the customer adds ours)
    r"(留|加)(个|您|你)|留一下|加一下(?!(我|我们|咱们))|留下?(您的|你的)?(电话|手机号?|号码|联系方式|微信)(?!是|为|：|:)|"
    r"(说|讲)(一)?下(你|您)?的?(电话|手机号?|微信号?)"
)
"""留个/加您: the customer asked to leave or add a contact."""
_ZH_THEIR_CONTACT_ASKED = (
    r"(给|发|告诉|留)(个|一下|下)?(我)?(阿姨|叔叔|老人家?|老爷子|老太太|爸爸?|妈妈?|父亲|母亲|孩子|家长|老公|老婆|家属)"
    r"的[^，。！？,!?]{0,4}(手机号?|电话|号码|联系方式|微信)|"
    r"(阿姨|叔叔|老人家?|老爷子|老太太|爸爸?|妈妈?|父亲|母亲|她|他|孩子|家长|老公|老婆|家属|病人|患者)"
    r"的?[^，。！？,!?]{0,10}(手机号?|电话|号码|联系方式|微信)[^，。！？,!?]{0,3}(发我|发给我|告诉我|给我|发过来|多少|留一下|留个)"
)
"""A relative's contact asked for, to book or remind them (您把阿姨的姓名和她的手机号发我): as much
a contact for the booking as the customer's own, as most writers label it."""
_ZH_THEIR_CONTACT = re.compile(_ZH_THEIR_CONTACT_ASKED)
_ZH_DELIVERY_ASKED = re.compile(r"多少|哪个|什么|(?<![预保])留(?!的)|告诉|提供")
"""A contact still asked for beside a delivery to one on file."""
_ZH_YOUR_CONTACT = re.compile(
    _ZH_THEIR_CONTACT_ASKED + r"|"
    r"(您|你)的[^，。！？,!?]{0,8}(联系方式|电话|手机号?|号码|微信号?|邮箱)|"
    r"(您|你)[^，。！？,!?]{0,10}(登记|预留|留|用)的(手机号?|电话|号码|邮箱)|(您|你)还是用尾号|"
    r"(您|你)(的)?(微信号?|手机号?|电话)(是)?多少|" + _ZH_REACHES_YOU
)
"""您的公司名称和联系方式: the customer's own contact named, whatever else the clause says is ours."""


_EN_CONTACTS_YOU = (
    r"(?:\b((call|text|email|e-mail|ring|phone|contact|message)(s|ed|ing)?|reach(es|ed|ing)?( out to)?|"
    r"follow(s|ed|ing)? up with|(gets?|got|getting) (back )?in touch with) (you|u)\b|\b(gives?|gave|giving) "
    r"(you|u) a (quick |short |brief )?(call|ring|buzz)\b)"
)
_PERMISSION_TO_CONTACT = {
    "en_US": re.compile(
        r"(\b(would it be|is it|would that be|be) (ok|okay|alright|all right|fine)\b|\b(would|do) you "
        r"(like|want|prefer)\b|\bwant me to\b|\bwould you be (ok|okay|open|comfortable|alright)\b|"
        r"\bmind if\b|\b(can|could|may|shall) (i|we)\b|\b(ok|okay|alright) (if|for|to)\b|"
        r"\b(is (now|this|today|tomorrow)( \w+)?|when'?s|what'?s|when is|when would be) (a )?(good|"
        r"best|convenient) time\b)"
        r"[^!?]{0,60}" + _EN_CONTACTS_YOU + r"[^.!?]*\?|"
        # leave first: "If you want, I can have our attorney give you a call tomorrow?"
        r"\bif you('?d| would)? (want|like|prefer)\b,?[^.!?]{0,30}\b(we|i) (can|could)\b[^.!?]{0,40}"
        + _EN_CONTACTS_YOU
        + r"|"
        # the offer first, the leave after: "we can call you after the visit, is that OK?", "We
        # can call you after w/ an update if you want"
        r"\b(we|i) (can|could) (have [\w.]+( \w+)? )?"
        + _EN_CONTACTS_YOU
        + r"[^.!?]{0,80}(\b(is that|would that be|is it) (ok|okay|alright|fine)\b[^.!?]*\?|\bif "
        r"you('?d| would)? (want|like|prefer)\b|\bwould that (work|help|be helpful)\b[^.!?]*\?)|"
        # "Would you be OK with one of our attorneys calling you tomorrow?"
        r"\bwould you be (ok|okay|comfortable|alright|all right|open to)\b[^.!?]{0,60}"
        + _EN_CONTACTS_YOU
        + r"[^.!?]*\?",
        _I,
    ),
    "zh_CN": re.compile(
        r"(要不要|需不需要|用不用|可不可以|能不能|方不方便)(我|我们)?[^，。！？,!?]{0,8}(加(一下)?(您|你)|给(您|你)"
        r"(打|回)|打给(您|你)|联系(您|你))|(可以|方便|能)(我|我们)?(加(一下)?(您|你)|给(您|你)(打|回)(个)?电话|"
        r"联系(您|你))[^，。！？,!]{0,14}(吗|么|\?|？)|(加(一下)?(您|你)(的)?(微信)?|给(您|你)(打|回)(个)?电话|"
        r"联系(您|你))[^。！？!]{0,14}(可以吗|行吗|好吗|方便吗|可以不|行不)|"
        # leave first, the call after: 您看方便的话我明天下午给您打个电话详细聊聊？, 要不明天晚上我给您打个
        # 电话具体说说？您觉得方便吗, 要不我让主治医生给阿姨打个电话…您看方便吗？
        r"(方便的话|如果方便|您要是方便|愿意的话|如果您愿意|您要是愿意|要不)[^。！？!]{0,16}(给(您|你|阿姨|叔叔|"
        r"老人)(打|回)(个)?(电话|视频)|打给(您|你)|联系(您|你)|加(一下)?(您|你))[^。！!]{0,16}([？?]|(您看|您觉得)?"
        r"(行吗|方便吗|可以吗|需要吗|好吗))"
    ),
}
"""A question asking leave to call, text or add the customer ("Would it be okay if I call you
tomorrow evening?", "Would you like our coordinator to give you a call?", 要不要我让助理加您微信？):
consent asked. Writers do not count the English form as asking for the number (the question
names none); the customer who agrees gives one all the same."""


_EN_NAMES_A_CONTACT = re.compile(
    r"(?<=\w )#|\b(number|cell|phone number|mobile|email address|e-mail address|address|digits|contact (info|"
    r"information|details))\b|\b(your|ur|an?) (e-?mail|phone)\b",
    _I,
)
_EN_NUMBER_SIGN = re.compile(r"\b(best|good|a|your|ur|phone|cell|the|contact) #", _I)
"""'#' for a number: "what's the best #", "Can I get a # to call you"."""
_EN_YOUR_DETAILS = re.compile(
    r"\b(leave|send|share|drop|give|text) (us |me )?(your|ur) (contact )?(details|info)\b", _I
)
"""'Leave your details and we'll get back to you': an ask in the words of a web form."""
_EN_WHICH_CONTACT = re.compile(
    r"\b(what|which)\b[^.!?]{0,20}\b(number|cell|phone|mobile|email|e-mail|address|digits)\b|"
    r"\b(best|good) (number|cell|phone|email)\b",
    _I,
)
"""After leave to call or write ("Would you like our nurse to call you? If so, what number should
she use?"), the follow-up that asks for the contact itself."""


_EN_WHICH_TO_USE = re.compile(
    r"\b(what|which)( \w+)? (number|phone number|cell|email|e-mail)\b[^.!?]{0,20}\b(should|can|do|"
    r"does|would|will|shall) (she|he|they|we|i|our \w+|the \w+)( \w+)? (use|call|text|reach|email|try)"
    r"\b[^.!?]*\?",
    _I,
)
"""Which contact to use, asked ("What number should she use?", "which email can we reach you
at?"): the customer's own, asked for in the question."""
_EN_NO_NEED_TO = re.compile(
    r"\b(no need to|(you )?(don'?t|do not) (have|need) to|not necessary to|nobody needs)\s+"
    r"(\w+\s+){0,2}$",
    _I,
)
"""What takes an ask back just before it ("no need to share your number")."""
_EN_CALL_YOU = re.compile(r"(text|call|reach) you|get in touch", _I)
"""The verb phrases among the contact nouns: an offer to call says no number is wanted."""


def contact_after_leave(clause: str, locale: str) -> str | None:
    """The span of a follow-up question asking which contact to use, in a reply that has just
    asked leave to call, text or write to the customer."""
    if locale == "zh_CN":
        return None  # 要不要我加您微信？ is already an ask in Chinese (see contact_ask)
    found = _EN_WHICH_CONTACT.search(clause)
    return found.group(0) if found else None


_EN_SENDS_A_THING = re.compile(
    r"\b(email|e-mail|text|send|mail) (you|u) (the|a|an|your|some|copies|photos|pictures|pics)\b",
    _I,
)


_OFFER_TO_REACH = {
    "en_US": re.compile(_EN_CONTACTS_YOU, _I),
    "zh_CN": re.compile(
        r"给(您|你|阿姨|叔叔|老人)(打|回)(个)?(电话|视频)|打给(您|你)|联系(您|你)|(?P<wechat>加(一下)?(您|你))"
    ),
}


def offer_to_reach(clause: str, locale: str) -> str | None:
    """The kind of contact a clause offers to reach the customer by ("I can have Ms. Alvarez
    call you tomorrow", 我让医生明天给您打个电话), else None: leave asked right after it is consent,
    and a customer who agrees gives that contact."""
    found = _OFFER_TO_REACH["zh_CN" if locale == "zh_CN" else "en_US"].search(clause)
    if found is None:
        return None
    if found.groupdict().get("wechat"):
        return "wechat"
    return "email" if re.search(r"e-?mail", found.group(0), _I) else "phone"


@lru_cache(maxsize=16384)
def permission_to_contact(clause: str, locale: str) -> tuple[str, str] | None:
    """(span, kind) when the clause asks leave to call, text or add the customer."""
    found = _PERMISSION_TO_CONTACT["zh_CN" if locale == "zh_CN" else "en_US"].search(clause)
    if found is None:
        return None
    if locale != "zh_CN" and _EN_NAMES_A_CONTACT.search(clause):
        return None  # "Can I get your number so an attorney can call you?": the number is asked
    span = found.group(0)
    if locale != "zh_CN" and "?" not in span and _EN_SENDS_A_THING.search(span):
        return None  # "I can email you the itemized statement if you'd like": a thing offered
    kind = next((name for name, pattern in _CONTACT_KIND if pattern.search(span)), None)
    if kind is None:
        kind = "wechat" if locale == "zh_CN" and "加" in span else "phone"
    return span, kind


_EN_BARE_ASK = re.compile(
    r"^\W*((your|ur|best|a good|good|the best|what'?s (the|your)( best)?|and (your|the|a))\s+)?"
    r"(phone|cell|mobile|number|phone number|cell number|digits|email|e-mail|email address|"
    r"whatsapp|wechat)(\s+(number|address))?\s*\?+\W*$|"
    r"^\W*((your|ur) )?(name (and|&|\+|n) )?(your |ur )?(phone|cell|number|phone number|email)"
    r"(\s+(number|address))?\s*,?\s*(pls|plz|please)\W*$",
    _I,
)
"""A contact noun asked on its own ("phone #?", "Best number?", "email?", "name and number
pls")."""


def contact_ask(clause: str, locale: str) -> tuple[str, str] | None:
    """(span, kind) when the clause solicits the customer's own contact.

    A contact noun alone is not an ask: the business giving its own number, a customer told to
    call the office, "WeChat chat records" as evidence or "a firm number" as a price are not.
    Nor is a call offered ("I'll have her call you tomorrow"): writers do not count it, though a
    customer who wants the call gives a number all the same (:func:`call_offer`).
    """
    found = _solicitation(clause, locale)
    return None if found is None or found[2] else (found[0], found[1])


def call_offer(clause: str, locale: str) -> str | None:
    """The kind of contact (phone, text…) a clause offers to use without asking for it ("I'll have
    her call you tomorrow", "we'll text you ahead of time"), else None."""
    found = _solicitation(clause, locale)
    return found[1] if found is not None and found[2] else None


_ZH_OUR_ID_GIVEN = re.compile(
    r"加(一下|下)?(我|我们|咱们)[^，。！？]{0,6}(微信|vx)(号)?\s?[:：]?\s?[A-Za-z0-9_-]{5,}|"
    # 我微信同号 13991206608，您加一下: our ID first, the add after
    r"(?<![您你])(我|我的|我们的?)(微信|vx)(号)?(同号|就是|是|为)?\s?[:：]?\s?(\d{6,}|[A-Za-z][A-Za-z0-9_-]{4,})|"
    # a staff member's ID: 加一下规划师微信吧：ielts_lily2023
    r"加(一下|下)?(?!(您|你))[^，。！？]{1,8}(微信|vx)(号)?吧?\s?[:：]\s?[A-Za-z][A-Za-z0-9_-]{4,}",
    _I,
)
"""Our WeChat ID written out for the customer to add: no contact of theirs asked."""
_ZH_NOT_LEAVING = re.compile(
    r"(要是|如果|若)?(您|你)?(要是|如果|若)?不(方便|想|愿意)留(个|下)?(电话|手机号?|号码|联系方式|微信)(的话)?"
)
_ZH_CALL_US_INSTEAD = re.compile(
    _ZH_NOT_LEAVING.pattern + r"[，,\s]*(也)?(可以)?(直接)?(打|拨|联系|加|找)"
)
"""不方便留电话，也可以直接打我们值班律师电话: not leaving a number, with ours to call instead; the
leave is waived, not asked."""
_HOW_TO_REACH_YOU = {
    # asked without a contact noun: 老师这边怎么联系您比较方便？ 留个能联系上的方式, 报一下老人的
    # 姓名和电话; "What's the best way to get hold of you?"
    "zh_CN": re.compile(
        r"怎么(联系|联络|找)(到)?(您|你)((比较|最)?(方便|好)|\s?[？?])|"
        r"(把|将)[^，。！？]{0,8}(电话|手机号?|号码|微信号?)(写|填|打|输|留)(在|到)(这里|这儿|下面|下方|对话框|这)|"
        # which number to ring: 打哪个电话能找到您？ 打哪个号能找到您
        r"(打|拨)(哪个|哪一个)(电话|号码?|手机)[^，。！？]{0,4}(找到|联系到|联系上|打通)(您|你)|"
        r"留(个|一个|下)?(方便|能|可以)(联系|接|打)[^，。！？]{0,3}的(电话|手机号?|号码)|"
        r"(方便)?接(电话|听)?的(号码|电话|手机号?)|"
        r"(留|给我|给|告诉我|发我)(个|一个|下)?(能|可以)?(联系|找)(上|到)(您|你)?的方式|"
        r"(报|发|告诉我|给我|留)(一下|下)?[^，。！？,!?]{0,8}(姓名|名字)[^，。！？,!?]{0,3}(电话|手机号?)|"
        # the number on file checked by asking which to call: 您看还是打您登记的138****5621这个号吗？
        r"(还是|是不是|是否还是)[^，。！？]{0,8}(登记|预留|留|用)的[^，。！？]{0,18}(号|号码|手机号?|电话)(吗|吧|对吧)"
    ),
    "en_US": re.compile(
        r"\b(what'?s|what is) the (best|easiest|quickest|fastest) way to (get a?hold of|reach|contact|"
        r"get in touch with) (you|u)\b|\bat what number\b|"
        # what a booking needs: "we'll just need her full name, date of birth and a good phone number"
        r"\b(we'?ll|we will|i'?ll|i will|we|i) (just |only )?need\b[^.!?]{0,50}\b(a|your|her|his|their) "
        r"(good |best |contact |cell |mobile )?(phone number|cell( number)?|mobile number|"
        r"e-?mail( address)?)\b|"
        r"\bhow (can|should|do|could) (we|i|they|he|she|the \w+) (best )?"
        r"(reach|contact|get a?hold of|get in touch with) (you|u)\b|"
        # where to send something is the customer's address or e-mail asked: "Where can I send you
        # our brochure?", "where can our paralegal send you a quick checklist?"
        r"\bwhere (can|should|could|shall|do) (we|i|our \w+|the \w+) (send|email|e-mail|text|mail) "
        r"(you|u|it|this|that|them|the \w+|your \w+)\b|"
        # the contact on file checked, a better one asked for: "Is the email we have on file still
        # good, or is there a better one?"
        r"\b(is there|do you have) a (better|different|newer|new) (number|e-?mail|way to reach you)\b|"
        r"\bon file\b[^.!?]{0,60}\b(is there|do you have) a (better|different|newer|new) one\b|"
        # asked straight out, whatever is then offered: "What's your name and phone number so we
        # can text them to you?", "What number works?", "Want to shoot me an email address?"
        r"\b(what'?s|what is) your (\w+ and )?(best |cell |mobile |phone )?(phone number|number|"
        r"cell|e-?mail( address)?)\b|\bwhat (number|e-?mail( address)?) (works|is best|would work)\b|"
        r"\b(shoot|send|drop|give) (me|us) (your (e-?mail( address)?|number|cell)|an? (e-?mail address|"
        r"number))\b|"
        # "send me whichever number is easiest", "Which number's best?"
        r"\b(send|give|text|drop) (me|us) (whichever|whatever) (number|phone|cell|e-?mail)\b|"
        r"\b(shoot|send|drop|give|text) (me|us) (your|ur|a|an|the) (good |best )?(callback |call-back |"
        r"contact |phone |cell )(number|#)\b|"
        # "Where can we reach you in the morning?"
        r"\bwhere (can|should|could|do) (we|i|they|he|she|the \w+|our \w+) (reach|contact|call|text) "
        r"(you|u)\b|"
        # a list of what a booking needs: "- A phone number where he can be reached"
        r"\b(a|your|his|her|their) (good |best )?(phone number|number|cell|phone) (where|at which) "
        r"(you|u|he|she|they) (can|could) be reached\b|"
        # the address on file checked: "Is it still the gmail address we have on file?"
        r"\b(is|it'?s) (it |that |this )?still (the|your) (\w+ )?(e-?mail|gmail|number|cell|phone)"
        r"( address| number)?\b[^.!?]*\?|"
        r"\b(which|what) (number|phone number|cell|e-?mail)('s| is) (best|easiest|good|better)\b|"
        # a name and a number asked in a few words: "Name and best contact number, and I'll…",
        # "Just send name + phone"
        r"(^\W*|\b(send|text|drop|leave|give me|need)( me| us)? )(your |ur )?(full )?name (and|&|\+|n) "
        r"(your |ur |a |the )?(best |good )?(contact |phone |cell )?(number|phone|cell|e-?mail)\b",
        _I,
    ),
}
_EN_PRIVACY_PLEDGE = re.compile(
    r"\b(don'?t|do not|never|won'?t|will not|wouldn'?t)( ever)? (sell|share|rent|give out|pass on|"
    r"spam)\b(( or| and) (sell|share|rent|give out|pass on|spam))?[^.!?,;]*",
    _I,
)
"""A pledge not to sell or share contacts: no contact asked by the words it names."""
_EN_YOUR_OWN_MESSAGES = re.compile(
    r"\b(did|have|had) you (already |ever )?(text|email|e-mail|call|message|write|contact)(ed)?\b",
    _I,
)
"""What the customer did ("Did you text or email them about it?"), not a contact asked for."""
_KIND_OF_REACH = (
    ("phone", re.compile(r"电话|手机|phone|cell|mobile|number", _I)),
    ("email", re.compile(r"mail", _I)),
)


@lru_cache(maxsize=16384)
def _solicitation(clause: str, locale: str) -> tuple[str, str, bool] | None:
    """(span, kind, offered only) of a clause that asks for the customer's contact or offers to
    call, text or write to them without asking for it."""
    offered = False
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    reach = _HOW_TO_REACH_YOU[loc].search(clause)
    if reach:
        said = reach.group(0)
        kind = next((k for k, named in _KIND_OF_REACH if named.search(said)), "contact")
        return said, kind, False
    if loc == "en_US" and _EN_YOUR_OWN_MESSAGES.search(clause):
        return None
    if locale == "zh_CN":
        clause = _ZH_DEVICE.sub("  ", clause)  # 少玩手机: the phone as a device
        clause = _ZH_SLOT_KEPT.sub("  ", clause)  # 我给您留个号: a place kept, no number asked
        if _ZH_CALL_US_INSTEAD.search(clause):  # 不方便留电话，也可以直接打我们…: ours offered
            clause = _ZH_NOT_LEAVING.sub("  ", clause)
        noun = _ZH_CONTACT_NOUN.search(clause)
        if not noun and not re.search(r"(你|您)v多少|加个?v|加v", clause, _I):
            return None
        if _ZH_NOT_A_CONTACT.search(clause) and not _ZH_SOLICIT.search(clause):
            return None
        our_id = _ZH_OUR_ID_GIVEN.search(clause)
        leave = _ZH_LEAVE_YOURS.search(clause)
        if our_id and not (
            (leave and (our_id.group(0).startswith("加我") or leave.group(0).startswith("留")))
            or _ZH_YOUR_CONTACT.search(clause)
        ):
            return None  # 您加我微信 zhlaw_01: our ID to add, however a "多少" elsewhere reads
        if re.search(
            r"(证人|目击(的)?人|对方|肇事方|房东|老板)[^，。！？]{0,6}(联系方式|电话|手机号?|微信号)",
            clause,
        ):
            return None  # 有目击的人留下联系方式: evidence to gather, not the customer's contact
        if _ZH_DELIVERY.search(clause) and not (
            _ZH_DELIVERY_ASKED.search(clause) or _ZH_THEIR_CONTACT.search(clause)
        ):
            return None
        solicit = _ZH_SOLICIT.search(clause)
        if not solicit or not _ZH_ASK_FRAME.search(clause):
            return None
        if _ZH_OURS.search(clause) and not (
            _ZH_LEAVE_YOURS.search(clause)
            or _ZH_YOUR_CONTACT.search(clause)
            or _ZH_SEND_ME_THE_NUMBER.search(clause)  # 您把阿姨的名字、电话…发给我…我们会打电话提醒
        ):
            return None
        if _ZH_THEIR_CALL.search(clause) and not (
            _ZH_LEAVE_YOURS.search(clause)
            or "多少" in clause
            or _ZH_YOUR_CONTACT.search(clause)
            or _ZH_SEND_ME_THE_NUMBER.search(clause)  # 您把叔叔的名字、电话发我，…给叔叔打电话提醒
            # a bot's form with an example number: 请回复“手机号+称呼”，例如：138xxxx1234 王女士
            or re.search(r"(回复|输入|填写|发送)[^，。！？]{0,4}(手机号|电话|号码)", clause)
        ):
            return None
        if re.search(r"(给您|跟您|和您|联系您)(打|回)?(个)?(电话|回电)", clause) and not re.search(
            r"(留|加|发|告诉我|告诉一下|告诉下|提供|多少|方便|哪个|哪一个)",
            clause.replace("方便的话", ""),
        ):
            return None
        if re.search(r"[\w.+-]+@[\w-]+\.\w+", clause, _I) and not (
            re.search(r"(您|你)的?(邮箱|微信|手机|电话|号码|联系方式)", clause)
        ):
            return None  # 发我邮箱 zhang@…: the speaker's own address written out, nothing asked
        if re.search(r"(微信|vx|wx|v信)(号)?[：:是为\s]*[A-Za-z][\w-]{4,19}", clause, _I) and not (
            re.search(r"(您|你)的?(微信|手机|电话|号码|联系方式)|多少|留", clause)
        ):
            return (
                None  # 添加课程顾问微信 qiming_jw01: our own WeChat ID written out, nothing asked
            )
        if re.search(
            r"[A-Za-z0-9_-]{5,20}(就是|是|即)(我的?)?(微信|vx|wx|v信)(号)?|加(一下|个)?我?(的)?(微信|vx|v)[^，。！？]{0,6}[，,]?"
            r"[^，。！？]{0,4}(\d{6,}|\d{3,}[x*＊]{2,}\d{2,})",
            clause,
            _I,
        ) and not re.search(r"(您|你)的?(微信号?|手机号?|电话|号码|联系方式)|多少|留", clause):
            return None  # 加一下我微信吧，18712345678就是微信号: our own ID given, nothing asked
        if _ZH_PROMO_ADD.search(clause) and not re.search(
            r"(您|你)的?(微信号?|手机号?|电话|号码|联系方式)|多少|留", clause
        ):
            return None  # 加微信领体验券: an invitation to add the shop, no contact asked for
        span = solicit.group(0)
        start = solicit.start()
        if re.search(
            r"(不用|不需要|无需|不必)(再|另外|单独|额外)?(给|留|发)(个|一个|下)?$",
            clause[: start + 1],
        ):
            return None  # 老人那边不用另外给号码了，就打您预约时留的那个: no number wanted
        if negated(clause.replace("要不", "  "), start, locale, 2) and not re.search(
            r"(不方便|没关系)", clause
        ):
            return None
    else:
        clause = _EN_NUMBER_SIGN.sub(r"\1 number", clause)  # "what's the best #", "a # to call you"
        # "We don't sell or share parent contact info with anyone": a pledge about contacts
        clause = _EN_PRIVACY_PLEDGE.sub("  ", clause)
        if details := _EN_YOUR_DETAILS.search(clause):
            return details.group(0), "contact", False
        if bare := _EN_BARE_ASK.match(clause):  # "phone #?", "Best number?"
            return bare.group(0).strip(), _kind_named(clause), False
        if which := _EN_WHICH_TO_USE.search(clause):  # "What number should she use?"
            return which.group(0), _kind_named(clause), False
        if _PERMISSION_TO_CONTACT["en_US"].search(clause) and not re.search(
            r"\b(number|phone|cell|email|e-mail|address|contact|digits)\b|\bwhat'?s\b",
            re.sub(r"\b(over|on|by) the phone\b", " ", clause, flags=_I),
            _I,
        ):
            return None  # "Would it be okay if I call you tomorrow?": leave asked, no number
        clause = _EN_HANDSET.sub("  ", clause)
        noun = _EN_CONTACT_NOUN.search(clause)
        own = _EN_ASK_OWN.search(clause) or _EN_LEAVE_A_NUMBER.search(clause)
        if not noun and not own:
            return None
        if (
            own is None
            and not _EN_NAMES_A_CONTACT.search(clause)
            and not re.search(r"\b(way|how|where|what'?s|which)\b", clause, _I)
            and all(_EN_CALL_YOU.fullmatch(m.group(0)) for m in _EN_CONTACT_NOUN.finditer(clause))
        ):
            offered = True  # "I'll have her call you tomorrow": a call offered, no number asked
        if own is not None and not _EN_YOUR_CONTACT.search(clause):
            # the noun the ask ends on is no contact: "send a proposal through the contact form"
            other = _EN_FORM_OR_PAPER.search(clause, max(0, own.end() - 12))
            if other is not None and other.start() < own.end() <= other.end():
                return None
        if re.search(
            r"\b(a|the|our) (phone )?number to (call|ring|text)\b(?! (you|u)\b)", clause, _I
        ) and (not _EN_YOUR_CONTACT.search(clause)):
            return None  # "we send her home with … a number to call": ours, to call
        if _EN_MENU_OPTION.search(clause) and not _EN_YOUR_CONTACT.search(clause):
            return None  # "Reply with a number!" under a numbered menu: an option, no contact
        theirs = _EN_THEIR_CONTACT_ASKED.search(clause)
        if own is None and not theirs:
            assert noun is not None
            around = clause[max(0, noun.start() - 45) : noun.end() + 25]
            if not _EN_YOURS.search(around) or not _EN_ASK_FRAME.search(clause):
                return None
        if (
            not theirs
            and _EN_SOMEONE_ELSES.search(clause)
            and not re.search(
                r"\b(your|ur) (own )?(number|phone|cell|email|contact|mobile)\b|\b(reach|call|text) (you|u)\b|"
                # the relative being booked: "leave your dad's number and we'll call him"
                r"\b(your|ur) (mom|dad|mother|father|parent|son|daughter|wife|husband|kid|child|grandma|"
                r"grandpa)'?s (phone |cell |best |contact )?(number|phone|cell|email)\b",
                clause,
                _I,
            )
        ):
            return None  # "the best number to reach him": someone else's contact, for their booking
        if (
            _EN_NOT_A_CONTACT.search(clause)
            and own is None
            and not _EN_YOUR_CONTACT.search(clause)
            and not _EN_SHARE_A_NUMBER.search(clause)
        ):
            return None
        if _EN_OURS.search(clause) and not _EN_YOUR_CONTACT.search(clause) and own is None:
            return None
        if re.search(
            r"\b(i|we) (can|could)( also| just)? (text you (a|some|the|photos|pictures|pics)\b|"
            r"(email|e-mail|send) (you )?(the|your|a copy of (the|your)) (itemi[sz]ed )?(statement|invoice|"
            r"receipt|bill|records?|x-?rays?|report|breakdown|buyer'?s order|worksheet|estimate)s?\b)",
            clause,
            _I,
        ) and not re.search(
            r"\b(leave|drop|share|give)\b|\b(your|ur) (number|phone|cell|email|e-mail|address|"
            r"contact)|\?",
            clause,
            _I,
        ):
            # "I can also text you a couple if you want", "I can email you the itemized statement"
            # (a patient's own papers, to an address on file): an offer, no number or address
            # asked; emailing a new lead the tutors' bios needs their address
            return None
        if (
            own is None
            and re.search(
                r"\b(we'?ll|we will|i'?ll|i will|someone will) (call|text|email|contact)\b",
                clause,
                _I,
            )
            and not re.search(
                r"\b(your|ur) (number|phone|cell|email|contact|mobile)|what'?s|\?|"
                r"\b(leave|drop|share|send|give|text) (us |me )?(your|ur)\b[^.!?]{0,25}\b(number|phone|cell|"
                r"email|contact)",
                clause,
                _I,
            )
        ):
            return None
        if (
            own is not None
            and re.search(
                r"\b(social security|ssn|bank card|card|account|routing|policy|member|passport|license|id) "
                r"(number|#)",
                clause,
                _I,
            )
            and not _EN_YOUR_CONTACT.search(clause)
        ):
            return None  # "just send her social security number and bank card": not a contact
        found = own or noun
        assert found is not None
        if _EN_NO_NEED_TO.search(clause, 0, found.start()):
            return None  # "no need to share your number": the ask taken back
        span = found.group(0)
    return span, _kind_named(clause), offered


def _kind_named(clause: str) -> str:
    """The kind of contact ``clause`` names (phone, WeChat, e-mail), the first when it names
    several ("a phone number or WeChat": a refusal speaks of the number), or "contact"."""
    named = [(found.start(), name) for name, p in _CONTACT_KIND if (found := p.search(clause))]
    return min(named)[1] if named else "contact"


# --- the other acts -----------------------------------------------------------------------------

_ACT_PATTERNS: dict[str, dict[str, str]] = {
    "greets": {
        # a hello, in either language and after an address term or a bot's tag ("家长您好",
        # "【自动回复】您好"); "thanks for contacting us", 亲 or 在的 alone are courtesy, not a greeting
        "en_US": r"^\W*(hi|hey|hello|hiya|howdy|good (morning|afternoon|evening|day)|greetings|"
        r"welcome|dear|您好|你好)\b",
        "zh_CN": r"^\W*(【[^】]{0,16}】\s*)?([\u4e00-\u9fff]{1,4}[，,～~ ]?)?(您好|你好|晚上好|早上好|下午好|"
        r"上午好|中午好)|^\W*(欢迎|哈喽|嗨|hi\b|hello\b|hey\b|good (morning|afternoon|evening))",
    },
    "gives_reason": {
        "en_US": r"\bso (that )?(i|we|our|the|a|an|your|he|she|they|someone|one of|a member)\b"
        r"|\bto (set up|book|schedule|arrange|send|go over|discuss|confirm|follow up|call you|get "
        r"you|walk you|reserve|hold|text you|email you|share|finalize|lock in your|check your|"
        r"review your|run|put together|prepare)\b|\b(call|text|email|ring) (you )?(back|with|about|"
        r"tomorrow|in the morning|to)\b|\bfor (a|the|your) (free |quick |no-cost )?(consultation|"
        r"quote|estimate|assessment|trial|callback|call-back|follow-up|appointment|evaluation)\b|"
        r"\bin order to\b|\b(the|our) ([\w-]+ )?(attorney|lawyer|dentist|doctor|teacher|tutor|advisor|"
        r"coordinator|specialist|manager|team|nurse|consultant|designer|estimator|scheduler|"
        r"paralegal|injector|hygienist) (can|will|could|'ll)\b|\b(i'?ll|i will|i can|we'?ll|we will|"
        r"we can|let me) (send|text|email|call|put|have|get|pencil|book|verify|check|set|walk|go over|"
        r"forward|pass|hold|reserve|save|share)\b|\b(want|would you like|shall) me to\b|\b(would you "
        r"like|want|interested in) (a|to book|to schedule|to set up|to come)\b.{0,20}\b(consult|"
        r"consultation|trial|visit|appointment|test drive|tour|class|lesson)|\b(one of our|an?|the "
        r"on-call) (attorneys?|lawyers?|dentists?|doctors?|teachers?|tutors?|advisors?|nurses?|"
        r"consultants?)\b.{0,40}\b(will|can|'ll) (call|contact|reach|get back|review|give|text)\b|"
        r"\b(reach out|get back to you|follow up) (shortly|soon|tomorrow|first thing|within)\b|"
        r"\bfirst thing in the (am|morning)\b|"
        # what the contact will be used for, in the words around the ask: "Mind if I text you a
        # reminder?", "would it be okay if I emailed you our fee agreement", "give me ur number and
        # ill explain", "to put it on the calendar", "when can we
        # come measure?", "Would it be alright if one of our attorneys called you in the morning?"
        r"\b(text|email|e-mail|send|mail)(ed|s)? (you|u) (a|an|the|our|your|some|over)\b|"
        r"\b(i|we)('ll| will| can| could)? (email|e-mail|send|text|mail)(ed)? (it|them|this|that) "
        r"(to|over)\b|"
        r"\b(attorneys?|lawyers?|director|coordinator|guy|gal|manager|dentist|doctor|nurse|tutor|"
        r"teacher|advisor|estimator|specialist) (calls?|called|rings?|texts?|texted|emails?|emailed) "
        r"(you|u)\b|\b(and|&) (i'?ll|ill|i will|we'?ll|we will|she'?ll|he'?ll) (explain|tell|send|"
        r"swing|call|text|email|get|set|book|walk|go over|shoot)\b|"
        r"\bto (put|get) (it|you|her|him|them) (on|in) (the|our) (calendar|books?|schedule)\b|"
        r"\b(come|swing by|stop by|drop by) (and )?(measure|take a look|look at it)\b|\bwhat (email|"
        r"address|number) should (i|we) (send|email|text|use)\b",
        "zh_CN": r"(方便|以便|好让|便于|用来|用于|为了|用作).{0,12}(联系|回电|安排|发|预约|详细|沟通|确认|"
        r"跟进|评估|报价|分析|解答|通知|对接)|给您(回电|回个电话|发|安排|预约|打电话|详细|约|寄|出)|"
        r"(律师|医生|老师|顾问|专员|客服|工作人员|师傅|设计师|主任|同事|经理|管家|导诊|护士|财务|前台|助理|"
        r"教务|规划师|店长).{0,8}(联系您|给您|回电|打给您|跟您|和您|对接|为您|(跟|和|给|联系)(他|她|老人|"
        r"叔叔|阿姨|家属|孩子爸爸|孩子妈妈)|拉(个)?(小)?群)|(免费|预约).{0,4}(面诊|试听|评估|检查|咨询|测评|量房|试驾|试课)|"
        r"(发|寄)(一份|份|个)?.{0,4}(报价|资料|方案|清单)|我(把|给您|帮您|来|先|发|拉|加您|加你).{0,10}(发|约|"
        r"安排|登记|预约|拉|推|看|锁定|占)|(帮您|给您|帮你|给你)(约|安排|登记|预约|发|锁定|占|排)|拉(你|您)进|"
        # for the person being booked, or news as it comes: 我这边直接帮他约上, 有合适的班第一时间告诉您,
        # 约时间、提醒复诊都打这个号, 有变动我们两边都通知到, 医生电话跟您讲一遍, 帮您领
        r"(帮|给)(他|她|老人|叔叔|阿姨)(直接)?(约|安排|登记|预约)|(第一时间|及时|马上)(告诉|通知|联系)(您|你)|"
        r"(提醒|通知)(复诊|您|你|他|她|老人|到)|都通知到|电话(跟|和|给)(您|你)(讲|说|解释|沟通)|帮(您|你)领|"
        r"(会有|会)专人(回复|联系|对接|跟进)|(发|推)(给)?(您|你)(看|参考|看看)",
    },
    "asks_consent": {
        "en_US": r"\bif (you['’]?re|you are|that['’]?s|it['’]?s) (comfortable|ok|okay|fine|alright|easier)\b|"
        r"\bif you(['’]?d| would)? (prefer|like|want|wish|don['’]?t mind|rather)\b|\bonly if\b|"
        r"\bno (worries|pressure|problem|obligation)\b|\btotally (fine|optional|ok|okay|up to you)\b"
        r"|\boptional\b|\bup to you\b|\byour call\b|\b(we|i)( only| will only|'?ll only|'?d only| would only) use\b|\bonly"
        r" (be )?used\b|\bwon'?t (share|spam|sell|pass)\b|\b(we|i)('?ll| will)? only use\b|"
        r"\b(won'?t|will not|never) use (it|them|this|that|your \w+) for anything else\b|\bnever (share|sell)\b|\bfeel free to "
        r"(decline|say no|skip)\b|\bwhatever (works|you prefer)\b|\bif not\b|\bno strings\b|"
        r"\bprivate\b|\bconfidential\b|\bwhen(ever)? you'?re ready\b|"
        # leave asked in so many words, next to the ask: "Would it be ok if our coordinator called
        # you at the number on file?", "is it OK if I text it to you?", "Would it help if…", "Is
        # that ok with you?", "We'd use it only to set up your consultation" (not "Mind sharing a
        # good number?" or "If so, what's a good email?": writers are split on those)
        r"\b(would it be|is it|would that be) (ok|okay|alright|all right|fine) (if|for|with you)\b|"
        r"\b(is|would) (that|this) (be )?(ok|okay|alright|all right|fine) with you\b|"
        r"\bwould you be (ok|okay|comfortable|open|alright)\b|\bwould it help if\b|"
        r"\bmind if\b|"
        r"\buse (it|them|this|that|your \w+) only\b",
        # (您方便留个电话吗 is a polite way to ask, not a choice offered)
        "zh_CN": r"(方便的话|如果方便|方便时|不方便(也|的话)|没关系|愿意的话|如果(您|你)?愿意|自愿|不强求|您决定|"
        r"仅用于|只用于|只用来|只拿来|不会外泄|保密|不会泄露|不会打扰|不[会得][^，。！？]{0,4}骚扰|不留也|不想留|"
        r"不想说的?(也)?(可以|没关系)|可以先不说|您看可以吗|可以吗|您同意|(您|你)(看|觉得)(行吗|好吗|方便吗|行不行)|"
        r"征得|隐私)",
    },
    "shows_empathy": {
        # acknowledging the customer's feelings or situation; a topic waved away ("don't worry
        # about the money", "医保这块您不用担心") or a boilerplate thanks ("thank you for your
        # patience", "感谢您的理解与支持") acknowledges nothing
        "en_US": r"\b(i|we) (totally |completely |really |fully )?(understand|hear you|know how|get it|can "
        r"imagine)\b|^\W*(totally |completely |fully )?understand\b\W|\b(i'?m|i am|we'?re|we are|and i'?m) (so |really |truly |very |terribly |deeply )?"
        r"sorry\b|\bsorry (to hear|you'?re|you'?ve|about|that|it|for (the|this|what|your|all))\b|"
        # a feeling named ("that's really frustrating"); a hard situation only in an empathic frame
        # ("that sounds tough"), not as an assessment ("that's a tough one to prove")
        r"\b(that|this|it|which|what you'?re describing)(?:'s| is| sounds| must be| can be| must feel|"
        r" feels| seems)( like)?( \w+){0,2}? (scary|frightening|stressful|frustrating|exhausting|awful|"
        r"terrible|overwhelming|worrying|upsetting|nerve-?wracking|unsettling|heartbreaking|"
        r"not okay|not ok)\b|\b(that|this|it)( \w+)? (sounds|must be|must feel|can be)( like)?( \w+){0,2}? "
        r"(hard|tough|difficult|rough|a lot|painful)\b(?! to (say|tell|predict|know|guess|pin|estimate|"
        r"answer|give|quote|determine|judge|prove|win)\b)|\ba lot to (carry|handle|deal with|take in|"
        r"juggle|coordinate)\b|"
        r"\b(that|this)(?:'s| is) (really|so|very|incredibly|genuinely|truly) (hard|tough|difficult|"
        r"rough)\b(?! (to|one|case|call)\b)|"
        r"(?<!\bif )\b(you'?re|you are|you'?ve been|you must be|you'?d (feel|be)|you feel)( \w+){0,2}? (worried|"
        r"nervous|scared|anxious|stressed|upset|frustrated|afraid|overwhelmed|exhausted|angry|"
        r"confused|embarrassed)\b|\bi know (it'?s|it can|it must|how|that|waiting|this|the)\b|"
        r"(?<!what )\bi can (hear|tell|see) (how|that you|you(?! (is|about|that|this|what|how|more)\b))\b|\b(weighing on you|on your mind)\b|\bmakes? (complete |total |perfect )?sense "
        r"(that )?(you|to (feel|be))\b|\b(completely|totally|perfectly|very) (normal|natural)\b|"
        r"\b(that'?s|it'?s) (completely |totally |perfectly )?(normal|natural)\b|\bnormal "
        r"(reaction|to feel)\b|\b(completely|totally|very|so) understandable\b|\bunderstandable\b|"
        r"\bit'?s (normal|natural|okay|ok) to\b|\bnot alone\b|\b(don'?t|do not) be (embarrassed|"
        r"ashamed)\b|\bno need to (apologi[sz]e|be embarrassed)\b|\btake a (deep )?breath\b|"
        r"\bget some rest\b|\bthoughtful of you\b|\b(you'?re|you are) doing the right thing\b|"
        r"\btook (a lot of )?courage\b|\bkeeping you up\b|\b(totally|completely) get it\b|"
        r"\btotally get\b|\bugh\b|\bthank (you|u) for (trusting|sharing|telling|opening up)\b|"
        r"\bappreciate you sharing\b|\bi hear that\b|\btry not to worry\b|"
        # concern for the person asked after, a hearing without the "I"
        r"\bare you (okay|ok|safe|alright|all right)\b(?! (with|if|to|for)\b)|^\W*(totally |completely )?hear you\b",
        "zh_CN": r"((?<!感谢您的)(?<!谢谢您的)理解(?!与支持|和支持|一下)|(您|你)(现在|目前)?(人)?(安全|还好)吗|明白您|(^|[，,。！!～~ ])我懂|这么晚(了)?(还)?(没睡|没休息|睡不着|醒着|在(想|为|操心|担心|忙))|能体会|(我|我们|也)能感觉到|能感觉到(您|你)|能想象|辛苦|"
        r"(?<![不别急用])着急(?!.{0,2}(定|决定|报|开工|签))|心情|抱歉|不好意思|对不起|感谢您(提前|愿意)?"
        r"(告诉|分享|说明|信任我们)|别太(担心|着急|焦虑|紧张|难过)|(您|你|阿姨|叔叔|家长|姐|哥|先)(别|不要)"
        r"(担心|着急|急|紧张|焦虑|害怕|慌)|确实(不容易|让人|挺)|换谁都|换成是我|难受|心疼|揪心|放心不下|"
        r"糟心|闹心|窝火|焦虑|抱抱|深呼吸|好好(养伤|休息)|压力(很|挺|太|特别)?大|(确实|真|挺|很|都)不容易|"
        r"为.{0,8}(操心|发愁)|担心您|担心是正常|很正常|完全正常|正常的反应|不要(自责|害怕))",
    },
}

_PRESSURE = {
    "en_US": re.compile(
        r"\b(only|just) (\w+ )?(\d+|one|two|three|four|a few|a couple|a handful)(?! (or|to) (\d|one|two|three|four|five|six)) (of )?(\w+ ){0,3}"
        r"(spots?|slots?|seats?|places?|openings?|appointments?|units?|left|remaining)\b|"
        r"\blimited (time|spots|availability|offer|slots|seats|number)\b|"
        # a deadline on the offer: "Offers end 5/31.", "sign up before midnight for 20% off"
        r"\b(offers?|deals?|specials?|promos?|promotions?|discounts?|pricing) (end|ends|expire|expires|"
        r"(is |are )?good (through|until|till))\b|\b(before|by) (midnight|tonight|tomorrow|friday|saturday|sunday|"
        r"monday|the end of (the )?(day|week|month)) (for|to get|to lock( in)?) (\d+ ?% off|a discount|the "
        r"discount|the (special|promo|deal))\b|\b(today|tonight|this "
        r"week(end)?|this month) only\b|\bbefore (the )?(spots|slots|seats|openings) (fill|run out|are gone|go)\b|"
        r"\bor (you|you'?ll) (could|might|will|may|would)? ?lose\b|\blast chance\b|\bact (now|fast|quickly)\b|\bdon'?t (wait|miss|delay|"
        r"sleep on|let this)\b|\bbefore (it'?s|they'?re|the (price|rate|offer|deal)|prices?|it) "
        r"(gone|go|goes|run|runs|ends|expire)|\b(price|prices|rate|rates|cost) (goes|go|will go|is "
        r"going|are going|jump|jumps|increase)s? up\b|\b(offer|deal|promo|promotion|pricing|sale|"
        r"discount|special|rate) (ends|expires|is over|runs out|won'?t last)\b|\bexpires?\b|"
        r"\b(the |this |our )?(offer|deal|promo|sale|enrollment|registration) deadline\b|\block (it|this|that|one|yours|your \w+|in(?! (a|the|your) (time|date|day|slot|appointment|visit)))\b|\b(sign|book|decide|commit|"
        r"reserve|buy) (up )?(now|today|tonight|right away|immediately|asap)\b|\bneed to (decide|"
        r"commit|book|sign|act|move) (today|now|tonight|fast|quickly|soon)\b|\byou'?ll regret\b|"
        r"\bhurry\b|\brush\b(?! (hour|job|fee|order|delivery|service))|\bright now\b.{0,20}\b(or (you|else|it|we|the|lose|miss)|before)\b|\bfilling up (fast|quickly)\b|"
        r"\bgoing fast\b|\b(it|they|that|those|these|this one|spots?|slots?)('ll| will) go fast\b|"
        r"\bif you (pay|sign|book|put down|send)\b.{0,25}\b(tonight|today|right now)\b|\bwon'?t last\b|\bwhile (supplies|spots|slots) last\b|\bfirst come\b|"
        r"\bnow or never\b|\bwhat are you waiting for\b|"
        r"\bif you do nothing\b|\b(someone|somebody|another (buyer|customer|family|couple)) (else )?"
        r"(is |'s |’s )?(looking at|interested in|asking about|coming (in )?to see)\b|"
        r"\bthe sooner the better\b|\bdon'?t wait too"
        r" long\b|\bevery day you wait\b|\btime is running out\b|\b(ends|closes) (friday|monday|"
        r"tomorrow|tonight|today|this week|soon|at midnight)\b|"
        r"\b(sit on (it|this)|put (it|this) off|hold off)\b|\bthe (longer|sooner) you\b|\b(book|sign|"
        r"decide|commit|get someone|lock|reserve|reserving|grab|enroll|register|join)\b.{0,30}\b(this week|by tomorrow|before the "
        r"weekend|before (friday|monday|sunday|saturday)|tonight|today|right now|asap)\b|\b(calendar|"
        r"schedule|spots?|slots?|openings?|class(es)?)\b.{0,20}\b(almost|nearly|filling|fills|"
        r"full(?!\s+(name|names|address|price|payment|refund|details|list|amount|date|set|range))|booked)\b|\bbooked solid\b|\b(only|just) (good|valid|available|for) (through|until|"
        r"till|the first)\b|\bfirst \d+ (people|customers|patients|families|students|callers)\b|"
        r"\balready at \d+\b|\bprice is only\b|\b(won'?t|will not) be (around|available) (for )?"
        r"long\b|\b(enrollment|registration|sale|event|offer|promo|special)s? (closes|ends|is over)\b|"
        r"\b(grab|get|take|claim) (a|your|one) (spot|seat|slot) (soon|now|today|fast|quickly)\b|"
        # a date after which it is gone, a condition with a date, others wanting it too
        r"\b(gone|over|ends?|expires?|done|goes away|disappears?) (after|by|on|at|at the end of) "
        r"(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(gone|over) (after|by) (tomorrow|tonight|today|"
        r"midnight|this week|the weekend|the \d+\w*)\b|\b(if|when) you (sign up|book|buy|enroll|"
        r"register|order|commit|decide|sign|put down) (by|before) \w+|\bfill(s|ing)? up (fast|quickly|"
        r"soon)\b|\b(wouldn'?t|don'?t|do not|would not|shouldn'?t) wait (too |very )?long\b|"
        r"\bbefore it'?s too late\b|"
        # others wanting it too, or the book filling: "before someone else grabs it", "we're
        # booking up fast"
        r"\bbefore (someone|somebody|anyone) else\b|\b(booking|selling|going) (up|out) (fast|quickly)\b|"
        r"\b(book|sign( up)?|order|enroll|buy|reserve|register|decide|commit)\b[^.!?]{0,15}\b(in|within) "
        r"the next \d+ (hours?|minutes?)\b|"
        r"\b(a few|a couple( of)?|a handful of) (spots?|slots?|seats?|openings?|places?) left\b|"
        r"\b(they|these|those|spots|slots) go (fast|quickly)\b|"
        r"\bso (we|you) don'?t lose (any )?(more )?time\b|\bcome in today and\b|\bdrive (it )?home today\b|"
        r"\bpay (it )?(tonight|today|now)\b|\b(offer|deal|special|promo|price|pricing)s? (is |are )?(valid|good|available) "
        r"(through|until|till|thru) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b|"
        r"\bflying off (the|our) (lot|shelves?)\b|\bput (a|your|the) deposit (down )?(now|today|tonight)\b|"
        r"\bneed (a|your|the) deposit (now|today|tonight|by tonight)\b|"
        r"\bhold (it|her|his|your|the|a|that) (spot|seat|slot|place|price|rate|deal)? ?(til|till|until|through) "
        r"(midnight|tonight)\b|"
        # a reward tied to a date: "Book this month and we'll throw in…", "enroll before Sunday and
        # you'll get our best rate"; a push to sign tonight: "Let's get you signed up tonight"
        r"\b(book|sign( up)?|enroll|register|order|buy|join|commit|start|reserve|schedule|decide)\b[^.!?]{0,20}"
        r"\b(this (month|week|weekend)|(before|by) (mon|tues|wednes|thurs|fri|satur|sun)day|(before|by) "
        r"(the end of )?(the |this )?(month|week|weekend)|before (it|this|the \w+) (ends|closes))\b[^.!?]{0,12}"
        r"\b(and|to) (you'?ll|we'?ll|you will|we will|get|save|lock|receive|grab)\b|"
        r"\b(let'?s|let us) (get you |go ahead and get you )?(signed( up)?|booked|enrolled|started|locked in|"
        r"registered)\b[^.!?]{0,15}\b(tonight|today|now|right now|right away|this week)\b|\b(other|more|two|three|several|\d+) (people|buyers|families|customers|"
        r"patients|clients) (have |are )?(asked|asking|looking|looked|interested|called)\b|"
        r"\banother (buyer|customer|family|patient|client|couple|person) (is )?(looking|interested|"
        r"coming|asking)\b|\byou'?d better\b[^.!?]{0,40}\b(today|tonight|now|soon|this week)\b|"
        # someone else wanting it: "someone else is asking about this car too"
        r"\b(someone|somebody) else (is|was|has been|'s) (asking|looking|interested|eyeing|coming)\b|"
        # an end with a date or an hour: "it ends at 6pm", "Offers end June 30", "goes back up"
        r"\b(it|this|that|offers?|deals?|pricing|prices?|sales?|specials?|promos?|promotions?|rebates?|"
        r"discounts?|rates?|incentives?) (ends?|expires?|closes?|runs? out) (at \d|at midnight|at noon|on the \d|on (jan|feb|mar|apr|"
        r"may|jun|jul|aug|sep|oct|nov|dec)\w*|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d)|"
        r"\b(goes|go|going|will go) back up\b|"
        # a loss for waiting: "you could lose everything if you wait"
        r"\b(lose|miss out on|forfeit)\b[^.!?]{0,30}\bif you (wait|delay|hold off|sit on)\b|"
        # an offer that runs out, held only so long, or not to be missed: "a special running through
        # the end of the month", "I can only hold it until midnight", "you don't want to miss it",
        # "acting FAST before the deadline passes", "Enroll this week and the first session is FREE"
        r"\b(running|runs?|good|valid|available|(?<!i'm )(?<!im )(?<!i am )(?<!we're )(?<!we are )on) "
        r"(through|until|till|thru) (the end of )?(the |this )?"
        r"(month|week|weekend|(mon|tues|wednes|thurs|fri|satur|sun)day|midnight|tonight|tomorrow)\b|"
        r"\b(only|just) (hold|keep|save) (it|this|that|the (rate|price|spot|seat|slot|deal)|your (spot|seat|slot))"
        r" (for you )?(until|till|through|thru) (midnight|tonight|tomorrow|today|noon|the end of|"
        r"(mon|tues|wednes|thurs|fri|satur|sun)day|\d)|"
        r"\b(don'?t|do not) want to miss\b|\bacting (now|fast|quickly)\b|"
        r"\b(book|sign( up)?|enroll|register|order|buy|join|start|reserve|schedule)\b[^.!?]{0,12}"
        r"\b(this (week|month|weekend)|today|tonight)\b[^.!?]{0,6}\band\b[^.!?]{0,30}"
        r"\b(free|off|discount|bonus|waived)\b|"
        # an ultimatum, others coming, the book filling, a deposit before any number: "do you want
        # to book or not?", "two other people coming to look at it today so I'd move fast", "we're
        # booking up super fast for spring … put a deposit down this week"
        r"\b(do you|you) want to (book|sign|buy|do (it|this)|go ahead) or not\b|\b(i'?d|you'?d better|better) "
        r"move (fast|quick(ly)?)\b|\b(two|three|\d+|other|a few|a couple( of)?) (other )?(people|buyers|customers|"
        r"families) (are )?(coming|lined up|scheduled)\b|\bbooking up (super |really |pretty |very )?"
        r"(fast|quick(ly)?)\b|\b(put|get|leave) (a|the|your) deposit (down|in)\b[^.!?]{0,12}\b(this week|"
        r"today|tonight|now)\b",
        _I,
    ),
    "zh_CN": re.compile(
        r"(名额|位置|号源|车源|档期|排期)(就|马上|快)?(有限|不多|紧张|快满|只剩|仅剩|就剩|还剩|所剩无几|不多了|很满|已满|满了|排满|要满)|"
        # a price or an event for a day or two: 价格是全年最低，就这两天
        r"[，,]\s*(就|只有|仅)这(两|几|一)天(了|有效)?(?=[。！!～~]|$)|"
        # 档期排完这批就满了, 您今天定的话…明天就不一定有了
        r"(名额|位置|档期|排期|号源)[^，。！？]{1,8}(就|快|马上)(满|没)了|明天(就)?不一定(有|在|还有)了?|"
        # a doctor's appointments running out, the price due tomorrow: 号不多了, 明天就要收198了
        r"(?<![手电型编挂机账])号(就|已经)?(不多了|快没了|快满了|所剩无几)|明天(就)?(要)?(开始)?(收费|收|涨|恢复原价)|"
        r"(仅限|只限)(本周|这周|今天|今日|本月|今晚|月底|周末)|(只剩|仅剩|还剩)(最后)?\s?"
        r"[\d一两三几]+(个|位|名|台|组|天)|最后[\d一两三几]+(个|位|名|天|台)|今天(截止|最后一天|必须|就得|"
        r"不定)|(活动|优惠|特价|价格|折扣).{0,6}(截止|结束(?!后|以后|之后)|到期|就没了|马上|今晚|明天就|(就|只)到(今晚|今天|明天|本周|这周|月底|周[一二三四五六日末]))|(赶紧|抓紧|赶快|"
        r"尽快|立即|马上|立刻|快点)(报名|下单|定|预约|交|决定|锁定|来|付|订|签|拍|委托|买|入手|抢)|过了(今天|今晚|这周|本周"
        r"|这个月|明天).{0,8}(没有|涨|恢复|就|原价)|(错过|过期)(就|不候|再等|要等|得等)|错过了(就|这|本|再)|(涨价|要涨|会涨)|别犹豫|"
        # an ultimatum: 你到底请不请律师, 到底报不报
        r"到底(请不请|报不报|签不签|做不做|定不定|买不买|约不约)|"
        r"先定下来|不定就|手慢无|机不可失|时不我待|要抓紧|得抓紧|越早越好|趁现在|再不.{0,4}就|晚了就|"
        r"不能再等|别再等|等不了|拖一天|晚一天|越拖|(现在(就|把|先)|今晚|今天|马上)(就)?(把|先)?.{0,8}(签(约|合同|委托|了)|定下来|"
        r"定了吧|交(钱|定金|费|订金)|锁定|下单|报名|付(款|钱|定金))|(约满|排满|满了一半|快满|订满|抢光)|(只到|截止到?)(今晚|今天|零点|十二点|明天|本周|周[一二三四五六日])"
        r"|(库存|现车|现货).{0,3}(就)?(剩|只有)|(早鸟|限时|限量|秒杀)|(政策|活动|优惠).{0,4}(一收|结束|过了)就没|就没了|"
        r"(恢复|回到)原价|(月底|周末|本周|这周[一二三四五六日]?|今晚|明天)(之前|前)?(就)?(截止|结束|过期)|"
        r"过了就(排不上|没有|没了|约不上|订不到)|(下周|明天|过了|之后|月底|下个月|下期)(就)?(没有|没)了|"
        r"(今晚|今天|明天|本周|这周|月底|周[一二三四五六日末])[^，。！？]{0,6}(截止|结束|过期|恢复原价|涨价)|"
        r"(下个月|下周|明天|月底后|之后|以后)[^，。！？]{0,4}(调到|涨到|涨价|恢复原价|调价|上调|涨了|就涨)|"
        r"马上就(满|没)了?|(不然|否则)[^，。！？]{0,6}(没位置|没名额|就没了|抢不到)|"
        r"(仅限|只限|限)(本周|今天|今日|本月)?前\s?[\d一二三四五六七八九十]+\s?(位|名|个)|"
        # others wanting it too (还有两位家长在问这个时间段, 下午还有客户来看), a push to commit early
        r"(还有|另外|别的|其他|好几)[^，。！？]{0,3}(个|位|组|家|拨)?(客户|家长|人|买家|患者|顾客|病人|学员|家庭)"
        r"[^，。！？]{0,4}(在问|在看|来看|要来看|想要|想定|在谈|看中|问过|也在问|也在看|排队)"
        r"(?![^，。！？]{0,3}[吗？?])|"
        r"(早点|尽早|早些)(定|订|下单|交定金|签)|"
        # the slots going fast (名额抢得特别快, 专家号特别紧张), the cost of waiting (拖得越久越不利)
        r"(名额|位置|号源|号|档期|床位)[^，。！？不没]{0,2}(抢得|约得|走得|订得)?(特别|非常|很|比较|超|太)?"
        r"(快|紧张|难约|难抢|抢手)(?![^，。！？]{0,3}[吗？?])|拖(得|的)?越(久|晚)|越晚越|"
        r"(赶紧|抓紧|赶快|快)(留|加)(个|一下)?|"
        # a reward tied to a date (这周报名还送十次课, 月底前签约立减两千), as "book this week and…"
        r"(本周|这周|今天|今晚|月底前|周[一二三四五六日末]前|这个月|本月|\d{1,2}月\d{1,2}(日|号)前)[^，。！？]{0,4}"
        r"(报名|下单|签约|签|预约|定|订|交定金)[^，。！？]{0,4}(还)?(送|减|立减|优惠|打折|免|返|享)|"
        # the first few only (前十名签约的送全屋家电), a slot locked with a deposit (交定金把名额锁了)
        r"前\s?[\d一二三四五六七八九十]+\s?(名|位|个)[^，。！？]{0,4}(签约|报名|下单|预约|定|订|交定金)|"
        r"(名额|位置|档期)(锁|占)(了|住|上)|"
        # a daily cap: 每天限10个名额
        r"(每天|每日|每周|本月|每月|今天)(仅)?限\s?[\d一二三四五六七八九十]+\s?(个|位|名|单)|"
        # sign or pay first, before anything is answered: 先把委托签了吧, 您先把定金交了，这个月还能排上
        r"先把(委托|合同|协议|定金|订金|钱|押金|首付|款)[^，。！？]{0,4}(签|交|付|定)(了|上)|"
        r"(这个月|本周|这周|今天|现在)(还能|才能|还可以)(排上|排进|约上|插进)|"
        # a fee paid first, a discount for paying today: 先把代理费交了，今天交还能打九折
        r"先把[^，。！？]{0,4}(费|款|钱|金)[^，。！？]{0,2}(交|付)(了|上)|(今天|今晚|本周|这周|当天)(交|报|签|定|订|付)"
        r"[^，。！？]{0,3}(还能|能|可以|还可以|就)?(打[\d一二三四五六七八九]+折|优惠|便宜|减|送)|"
        # the first few of a week, first come first served: 这周报名的前五名家长还能送…，先到先得
        r"先到先得|(报名|签约|预约|下单)的?前\s?[\d一二三四五六七八九十]+\s?(名|位|个)|"
        # the cost of waiting, or of saving: 再拖下去…, 再不抓紧真的来不及了, 耽误了可是一辈子的事,
        # 孩子的教育可不能省
        r"再拖(下去)?|再不[^，。！？]{0,6}来不及|(不然|否则|再等)[^，。！？]{0,6}来不及|"
        r"耽误[^，。！？]{0,6}(一辈子|一生|终身|前途)|(教育|孩子|健康)[^，。！？]{0,6}(可)?不能省|"
        r"(这两天|这几天|今明两天|尽快)(最好)?(就)?(定|报|交|签)(下来|了)|(赶紧|抓紧|赶快)(带|领|送)",
    ),
}
_ZH_NOT_ASKED_OR_DENIED = (
    r"(?![吗么？?]|的[^，。！？]{0,4}(不存在|不可能|是假的)|(这个|这种|的)?说法)"
)
"""After 没有任何副作用 and the like: not asked (…吗？) and not called untrue (…这个说法不准确,
…的项目是不存在的)."""


_PROMISE = {
    "en_US": re.compile(
        r"(?<![\d.])(?<![\d.][–-])(?<!at )(?<!cover )(?<!covers )(?<!covered )(?<!cover it )(?<!covers it )100 ?%(?!\s*(of(?! the time)|sure\?|coverage|covered|tracked|insured|refundable|confidential|private|online|"
        r"remote|transparent|traceable|paperless)\b)|"
        r"\b(we'?ll|we will|i'?ll|i will) make sure (you|u) (get|win|keep|pass)\b|"
        # the outcome called settled: "your visa is a sure thing", "it's in the bag", "they don't
        # stand a chance", "we're going to win this"
        r"\b(is|'s|’s|are|its) (basically |pretty much |practically |literally )?(a sure thing|a done deal|in the bag|a slam dunk|a sure bet|a lock)\b|"
        r"\b(have|has|got|'ve got) (a|an) (absolute |total |real )?slam[- ]dunk\b|"
        r"\b(doesn'?t|don'?t|won'?t) stand a (chance|prayer)\b|\b(we'?re|we are) (going to|gonna) win\b|"
        r"\b(will|'ll) almost certainly (win|get|receive|recover|be awarded|pass)\b|"
        r"\b(we'?ll|we will|i'?ll|i will) (get|win) you (a |an )?(big |huge |nice |fat |real )?"
        r"(check|settlement|payout|payday)\b|"
        r"\b(experience|feel|have) absolutely no (pain|discomfort)\b|"
        # our package as the means, then the outcome: "take our 10-lesson package and you'll pass"
        r"\b(take|sign up( for)?|book|join|enroll( in)?|register( for)?|do|follow|use|stick (with|to)) "
        r"(our|my|the|this|a)\b[^.!?]{0,40}"
        r"\band (you'?ll|you will|your \w+ will) (pass|win|get in|get into|be approved|lose|drop|shed|ace|land|"
        r"score|be (fluent|cured|debt-free))\b|"
        r"\b(our|all our|every one of our) (students|clients|patients|kids|members) (always|all) (get|pass|"
        r"win|land|make|score)\b|"
        # everyone reaches the result: "with our method everyone scores 7+ on IELTS"
        r"\b(everyone|everybody|every (single )?(student|client|patient|one of them)) (scores|passes|"
        r"gets (a |an )?(\d|band|score|into|in\b|accepted|admitted|approved)|achieves|reaches|hits|wins)\b|"
        r"\byou'?re (winning|passing|getting|acing|landing)\b[^.!?]{0,40}\b(straight up|no doubt|for real|"
        r"guaranteed|trust me|bet)\b|"
        r"\b(totally|completely|perfectly|absolutely|100%) (safe|painless|risk-free)\b|"
        r"\b(everyone|everybody|anyone) (qualifies|gets approved|is approved|is a candidate)\b|"
        # the result as a certainty of the reader's or ours: "students who enroll are certain to
        # score 515 or higher", "our attorneys will secure full custody for you", "you will feel
        # absolutely nothing", "it works 100% of the time", "ur gonna be totally fine", "won't
        # need any repairs for at least the next five years"
        r"\b(are|is|'re|'s) (certain|guaranteed) to (score|pass|win|get|be|see|feel|lose|recover|heal)\b|"
        r"\b(we|our [\w-]+( [\w-]+)?|i)(?:'ll|’ll| will) secure (you )?(full |sole |a |the |your )?(custody|approval|"
        r"win|victory|settlement|visa|admission|acquittal|dismissal)\b|"
        r"\b(you|u)(?:'ll|’ll| will) (feel|have) (absolutely |literally )?(nothing|no pain|zero pain)\b|"
        r"\bworks? (100 ?%|one hundred percent) of the time\b|"
        r"\b(you'?re|you are|ur|u r|you'?ll|you will) (gonna |going to )?be (totally|completely|perfectly|absolutely|"
        r"100%) (fine|ok|okay|good)\b|"
        r"\b(won'?t|will not|will never) need (any|a single) (repairs?|fixing|work done|touch-?ups?)\b|"
        # results said to hold for good or for all: "it won't fade. ever.", "there's zero swelling",
        # "permanent with no regrowth and no side effects", "Your green card will be approved, our
        # team has never had one denied", "it works on everyone", "they'll last the rest of your life"
        r"\b(won'?t|will not|will never|never) (fade|wear off|come back|grow back|wash out)\W+ever\b|"
        r"\bzero (swelling|bruising|pain|downtime|scarring|side effects)\b|\bno (regrowth|side effects)\b|"
        r"\b(your|ur) ([\w-]+ ){1,3}(will|is going to|'s going to) (be approved|be granted|go through)\b"
        r"(?!\s+(or|by|if|only|once|when|unless)\b)|"
        r"\bnever had (one|a single one|any|a single (case|application|claim|visa|patient|client)) "
        r"(denied|rejected|refused|fail|lost)\b|\bworks on (everyone|everybody|every (single )?(person|"
        r"client|patient|customer|kid|student))\b|\blast (the rest of (your|his|her) life|a lifetime)\b|"
        # never a worry again, a loss or a cure foretold, a name staked: "you'll never think about it
        # again", "you won't get sick once all winter", "will fully heal your knee", "you will lose 30
        # lbs in 90 days", "you're basically passing", "I'd put my own name on it"
        r"\byou(?:'ll|’ll| will) never (have to )?(think|worry) about (it|them|that|this) again\b|"
        r"\byou won'?t get sick (once|at all|all (winter|year|season))\b|"
        r"\b(will|'ll|’ll) (fully|completely|totally|permanently) (heal|cure|restore|fix|reverse) (your|his|her|the)\b|"
        r"\byou(?:'ll|’ll| will) (lose|drop|shed) \d+ ?(lbs?|pounds|kg|kilos)\b|"
        r"\byou'?re (basically|practically|pretty much) (passing|approved|cured|in|hired)\b|"
        r"\bput my (own )?name on (it|that|this)\b|\bzero (leaks|repairs|problems|issues|breakdowns)\b|"
        # zero risks in the plural: "there are zero risks with botox"
        r"\bzero risks\b|"
        # a record or a trouble ruled out for good: "nothing will go wrong", "we never lose these",
        # "we win these every time", "no downtime at all"
        r"\bnothing (will|'ll|’ll|is going to|can) (ever )?go wrong\b|\bwe (never|don'?t ever) lose\b|"
        r"\bwe win (these|them|those|it|every one) every (single )?time\b|\bno downtime (at all|whatsoever)\b|"
        r"\b(that|it) (won'?t|will not|will never|never) happen (here|to you|with us)\b|"
        r"\b(our|my) (work|\w+ work|installs?|roofs?|implants?|crowns?) (never|don'?t ever) (breaks?|fails?|leaks?)\b|"
        # the grade foretold, or a record of no harm: "Your son will be getting straight A's in no
        # time!", "we've never had a single complication", "No risks at all with us"
        r"\b(your \w+|you|he|she|they) (will|'ll|’ll) be (getting|scoring|acing|pulling) (straight a'?s|a'?s|an a|"
        r"top (marks|grades)|perfect scores?)\b|"
        r"\b(i'?ve|we'?ve|i have|we have) never (had|seen) (a|one|any|a single) (complications?|failures?|"
        r"side effects?|bad reactions?|infections?|bad results?)\b|\bno risks? (at all|whatsoever)\b|"
        # a trouble wiped out for good by what we sell: "wipes out the termites for good"
        r"\b(wipes? out|gets? rid of|eliminates?|kills? off|clears? up|removes?|fixes?) [^.!?]{0,30}\b(for good|"
        r"forever|permanently|for life)\b|"
        # trouble ruled out for the reader: "that tooth won't give you any more trouble"
        r"\b(won'?t|will not|will never|'ll never|’ll never) (ever )?(give|cause) (you|u) (any|a single|one) "
        r"(more |further |single )?(trouble|problems?|issues?|pain|grief)\b|"
        # our treatment's cure foretold as a fact: "our 8-week protocol will fully resolve your
        # plantar fasciitis"
        r"\b(our|my) ([\w-]+ ){0,4}(protocol|program|programme|plan|treatment|therapy|course|package|"
        r"method|system|formula|cream|serum|device|procedure|surgery|rehab|regimen)s? (will|'ll|’ll|"
        r"is going to|are going to) (fully |completely |totally |permanently |definitely )?(resolve|cure|"
        r"fix|eliminate|heal|clear up|get rid of|reverse|restore)\b(?! (the|your) (paperwork|schedule|booking))|"
        # the result foretold after what we do: "acupuncture + herbs with Dr Lin and you'll be
        # pregnant by spring"
        r"\band (you'?ll|you will|u'?ll) be (pregnant|cured|pain[- ]free|fluent|debt[- ]free|"
        r"cavity[- ]free|acne[- ]free)\b|"
        # a recovery or a payout foretold: "your dad is going to make a full recovery", "we'll have
        # him walking in 2 weeks", "your claim is gonna get paid out in full"
        r"\b(is|are|'s|’s) (going to|gonna) make a (full|complete) recovery\b|\bwe(?:'ll| will) have "
        r"(him|her|you|them) (walking|running|back on)\b|\b(is|are|'s|’s) (gonna|going to) (get )?(paid|"
        r"approved|covered) (out )?in full\b|\bwe always get (them|it|these|those) (through|approved)\b|"
        # the reader's gain as a fact to come: "you'll walk away with at least $50k"
        r"\byou(?:'ll|’ll| will) (walk|come) (away|out) with\b|"
        # a record with no failure: "every single participant reaches their goal", "I've never had a
        # client not get there"
        r"\b(every|each) (single )?(participant|client|student|patient|customer|member|trainee|family|couple) "
        r"(reaches|hits|achieves|passes|wins|loses)\b|"
        r"\b(i'?ve|we'?ve|i have|we have) never had (a|one|any|a single) (\w+ )?(client|student|patient|customer|"
        r"member|case|family|implant|procedure|surgery|application|visa|claim) (not |fail|who (didn'?t|did not|failed))|"
        # a near-perfect record, as proof: "We win almost all our custody cases"
        r"\bwe (win|won|get|got) (almost |nearly |virtually |pretty much )?(all|every|each|100 ?%)( one)?( of)? "
        r"(our|these|those|such|the|them|their)\b|"
        # a pledge as a sentence of its own: "Swear.", "you can hold me to that"
        r"^\W*(i )?swear( to (god|it))?\W*$|\bhold me to (it|that|this)\b|"
        r"\bno matter what\b(?! (the|it|they|anyone|anybody|people|the label|the can|the box|ads?) "
        r"(says?|claims?|tells?|reads?))|\b(anyone|anybody|everyone|everybody|every \w+|all \w+)\b[^.!?]{0,15}"
        r"\bno exceptions?\b|\b(we|i) can (definitely )?win (it|this|your)\b|"
        r"\b(guarantee[ds]?|guaranteeing|gu?arr?[ae]nt(e|ee|ie)[ds]?|(?<!his )(?<!her )(?<!their )(?<!under-)(?<!under )(?<!over-)promise[ds]?"
        r"(?! to (re)?pay\b| to return\b)|assure you|one hundred percent|100 "
        r"percent|sure-?fire|risk-free|no risk|zero risk|pain-?free|painless|never fails?|nothing ever "
        r"(breaks|goes wrong|fails|leaks)|won'?t "
        r"fail|always works|can'?t lose|cure[ds]?|will be (fixed|fine|cured|gone)|for sure)\b|"
        r"\b(definitely|surely|absolutely|certainly|for sure) (will |gonna |going to )?(win|improve|"
        r"pass|work(?! with)|fix|heal|succeed|raise|recover|get|be (fine|ok|okay|better|approved)|see)|"
        r"\byou(?:'ll| will) (definitely|surely|absolutely|certainly) |"
        r"\b(will|'ll|’ll|is going to|are going to) (definitely|surely|certainly|absolutely) (?!(call|text|email|"
        r"send|reach|get back|follow up|let you know|be in touch|reply|respond|be there|be here|be on time|"
        r"be ready|arrive|show up|deliver|start|finish|work with|work around|find|fit|help|try|"
        r"look into|take a look|accommodate|do (our|my) best)\b)\w+|"
        r"\bwill be (a )?(complete |total |full |100% )?success(ful)?\b|"
        # an emphatic close on a forecast: "…will keep it dry for 15 years, period."
        r"\b(will|'ll|’ll|won'?t|going to|keeps?|stays?|lasts?)\b[^.!?]{3,80}[,—–-] ?(period|full stop|end of story|no ifs,? "
        r"ands,? or buts|i'?m telling you|take it to the bank|(you can |you could )?(bank|count|rely) on (it|that)|"
        r"(i|we) (stand|will stand) behind (it|that|this)( 100 ?%| one hundred percent| completely| fully)?|"
        r"(i'?m|i am) (certain|sure|positive|confident) of (it|that))\W*$|"
        # pledges: "you have my word", "swear on my life", "I'm absolutely certain of it"
        r"\b(you have (my|our) word|(i )?swear (on|to)|i swear|(i'?m|i am) (absolutely |100% )?(certain|sure) of it|"
        r"(we|i|our (\w+ ){0,2}\w+|this (\w+ ){0,2}\w+) (will |'ll )?makes? sure of (it|that)|(we|i) (will |'ll )?make sure (every|each|all) \w+ (does|do|will)|"
        r"stand behind (that|this|the|every|our) (result|outcome|number|score|grade)s?|"
        r"(that'?s|that is|this is|it'?s) our (commitment|pledge)|(i'?m|i am|we'?re|we are) promising (it|that|you)|"
        r"^\W*(you can|you could) (count|bank|rely) on (it|that)|"
        r"ensures? (that )?(you|your \w+)(?:'ll|’ll| will)|"
        r"no (doubt|question) (in my mind|about it)|rest assured|trust me|mark my words|bet on it)\b|"
        r"\b(we|i|our \w+)(?:'ll| will) (definitely |surely |absolutely |certainly )?(win|get (you|it|"
        r"every\w*|your( \w+){1,2}) (back|fixed|cured|healed|dismissed|reduced|off|out|paid)|recover|fix)\b|"
        r"\bensures? (that )?(every|all|each) ([\w-]+ ){0,2}(students?|clients?|patients?|members?) "
        r"(pass|passes|wins?|score|scores)\b|"
        # the win foretold to the reader as a fact: "You're going to win."
        r"\byou(?:'re| are|'ll| will)( going to| gonna)? win\b|\b((will|'ll|’ll) (not|never)|won'?t) (see|have|get|feel|suffer|need)\b[^.!?]{0,40}\b(again|another)\b|"
        # the job the course ends in: "upon completing our bootcamp, you will secure a position"
        r"\b(upon|after) (completing|finishing|graduating from) (our|the|this)\b[^.!?]{0,40}\byou (will|'ll) "
        r"(secure|land|get|receive|earn|pass)\b|"
        r"\b(or (your|ur|you get your) money back|money[- ]back guarantee|or it'?s free|"
        r"or (i'?ll|we'?ll) (personally )?refund)|\b(stake my (job|name|life|reputation)|consider it done|"
        r"no question( about it)?|without a doubt|(i'?d|i would|i'?ll|i will) (put|bet|stake) my (name|job|life|"
        r"reputation) on it)\b|\bwill stay [\w-]+ forever\b|"
        # the problem declared over, a stake on it, or kept so for life: "those love handles are history",
        # "I'd bet my house", "keeps that basement dry for life"
        r"\b(is|are|'s|'re|will be) history\b|\b(i'?d|i would|i'?ll|i will) (put|bet|stake) my \w+\b|"
        r"\b(keeps?|stays?|will keep|will stay) [\w ]{0,25}\b(dry|clean|perfect|flawless|spotless|white|"
        r"straight|clear) (for life|forever|for good|permanently)\b|"
        # a bad thing said never to return: "the cracks won't reappear", "it will never grow back"
        r"\b(won'?t|will not|will never|'ll never|’ll never|is never going to|are never going to) "
        r"(ever )?(reappear|come back|grow back|return|recur|crack again|leak again|happen again)\b|"
        # confidence from experience, then the reader's outcome: "I've done hundreds of these,
        # you'll be fine", "we've handled 500 cases like yours — your visa will go through"
        r"\b(i'?ve|we'?ve|i have|we have) (done|seen|handled|treated|taught|coached|installed|fixed|"
        r"sold|placed|filed|won|been doing|done this)\b[^.!?]{0,50}?(,|;|—|–| - )\s*(so |trust me,? |believe "
        r"me,? )?(you(?:'ll|’ll| will| are going to|'re going to) (be (just )?(fine|ok|okay|good|great|all set|"
        r"alright|all right|approved|happy|pain-?free)|love|pass|win|heal|get (it|in|approved|through|your)|"
        r"walk out|look)|your \w+ (will|is going to) (be|go|come|pass|work|heal|look|get))\b|"
        # a track record over everyone we take on: "every tenant we represent gets their deposit back"
        r"\b(every|each|all( of)? the) (\w+ ){0,2}(we|i) (represent|treat|train|teach|coach|take on|"
        r"work with|handle|sign)\b[^.!?]{0,15}\b(gets?|wins?|pass(es)?|recovers?|succeeds?|walks? away "
        r"with)\b|"
        # every case, all of them: "every claim you file will be approved"
        r"\b(every|each|all|any) (\w+ ){0,2}(you \w+ )?(will|'ll|’ll) (be|get) (approved|paid|covered|"
        r"accepted|granted|fixed|cured)\b|"
        # the outcome itself called certain: "with our team that outcome is certain"
        r"\b(outcome|result|win|approval|victory|success|recovery)( is|'s|’s| are) (certain|assured|a sure "
        r"thing|a lock|a done deal|a given|a certainty|locked in)\b|"
        # money back when the result is not reached: "if yours don't reach that, we'll refund you"
        # (a charge not matching the estimate refunded is billing, not a result)
        r"\bif (?!the (charge|bill|invoice|quote|estimate|amount|total|fee)s?\b)(it|yours|you|they|he|she|the \w+|your \w+)\b[^.!?]{0,40}\b(don'?t|doesn'?t|do not|does not|"
        r"isn'?t|aren'?t|can'?t|fails? to|never)\b[^.!?]{0,40}\b(we'?ll|we will|i'?ll|i will) (\w+ ){0,2}"
        r"(refund|give you (your|a full) (money|refund)|pay you back|return your money)|"
        r"\b(your|ur) (\w+ ){1,3}(will|is going to|'s going to|is getting) (stop|go away|disappear|drop|clear up|"
        r"end|be gone|vanish|be dismissed|getting dismissed|dismissed)\b|\bwill end (your|ur)\b|"
        r"\bis getting (dismissed|dropped|approved)\b|"
        # we bring the result about: "we'll get the DUI dismissed", "we will secure the full amount"
        r"\b(we|i)(?:'ll|’ll| will) (definitely |absolutely )?(get|have) (the|your|this|that|it|them|him|her|these)"
        r"( \w+){0,3} (dismissed|dropped|approved|reduced|overturned|expunged|thrown out|cleared|sealed)\b|"
        r"\b(we|i)(?:'ll|’ll| will) (definitely |absolutely )?(secure|win|recover|obtain) (you |for you )?"
        r"(the|your|a|an|every|full)\b|"
        # the reader's future activity as a fact: "you'll be hiking by summer", "you're walking out
        # with 1450+", "she's 100% getting into a UC"
        r"\b(you|she|he|they)(?:'ll|’ll| will) be (back )?(running|walking|hiking|skiing|driving|playing|dancing|"
        r"swimming|golfing|biking|jogging|climbing|lifting|sleeping|eating|chewing|smiling|working|"
        r"skating|surfing|cycling|speaking|reading|talking|hearing|breathing)\b[^.!?]{0,30}\b(again|by|in|within|before)\b|"
        # rid of the problem by a date, or gone for good: "you'll be off your meds by fall"
        r"\byou(?:'ll|’ll| will) be (off|free of|rid of|done with) (your |the |all )?[\w -]{0,30}\b(by|in|within|before)\b|"
        r"(?<!promo )(?<!offer )(?<!deal )(?<!price )(?<!sale )(?<!special )(?<!discount )"
        r"\b(is|are|will be|'s) gone (for good|forever|permanently|for life)\b|"
        # everyone before you got it, so will you: "every family loved theirs, you will too"
        r"\b(every|each|all)\b[^.!?]{0,40}\b(loved|passed|won|got|healed|recovered|succeeded)\b[^.!?]{0,25}\byou(?:'ll|’ll| will) too\b|"
        r"(?<!what )\b(you'?re|you are|she'?s|he'?s|they'?re) (\w+ )?(walking out|leaving|coming out|"
        r"getting into|getting in|getting accepted|getting approved|passing) (with|into|to|at|a|an|the)\b|"
        # the outcome already the reader's, as a present fact: "you're getting that settlement"
        r"(?<!if )(?<!when )(?<!what )\b(you'?re|you are) (\w+ )?getting (that|your) (settlement|payout|"
        r"compensation|award|damages|visa|green card|approval|custody|acquittal|scholarship|admission)\b|"
        # failure ruled out: "no chance it fails", "zero chance your car won't pass"
        r"\b(no|zero) (chance|way)( at all| whatsoever)?( that)? (it|you|they|she|he|this|that|your \w+|"
        r"the \w+)(?:'ll|’ll| will| would)? (fails?|won'?t (pass|work|heal|hold|last)|(doesn'?t|does not|"
        r"don'?t) (pass|work|heal|hold))\b|\b(no|zero) chance of (it |you |your \w+ )?(failing|not "
        r"(passing|working))\b|"
        # a track record with no failure in it: "we never get refusals", "I've never lost a custody case"
        r"\b(we|i)( have|'ve|’ve)? never (once )?(get|got|gotten|had|have|see|seen)( a| any| one)?( single)? "
        r"(refusals?|rejections?|denials?|failures?|lost cases?)\b(?! (for|due to|because|over)\b)|"
        r"\b(we|i)( have|'ve|’ve)? never (once )?lost (a|one|any)( single)? (case|trial|appeal|claim|"
        r"hearing)\b|"
        # vouching, then the forecast: "I'm telling you, they'll pay every penny"
        r"\b(i'?m|i’m|i am) telling you\b\W{0,3}(you|they|she|he|your \w+)(?:'ll|’ll| will|"
        r" are going to|'re going to| is going to|'s going to)\b(?! (probably|likely|maybe|possibly|try|ask|"
        r"want|need|call|say|tell|have to)\b)|"
        # the whole sum recovered: "they'll pay every penny", "we'll recover every last cent"
        r"\b(they|you|we|he|she)(?:'ll|’ll| will| are going to|'re going to) (pay( you)?|recover|collect|"
        r"get( you)? back|win( you)?( back)?) every (last )?(penny|cent|dime|dollar)\b|"
        # what we sell as the means of an approval: "with our visa service your application will be approved"
        r"\b(with|through|using|thanks to) (our|us)\b[^.!?]{0,40}\b(you|your( \w+){1,2})(?:'ll|’ll| will| is "
        r"going to| are going to) (be |get )?(approved|accepted|granted|admitted|cleared)\b"
        r"(?! or\b| for (review|processing|consideration)\b)|"
        # what we sell regrows what was lost: "our PRP protocol will regrow your hair"
        r"\b(our|this|these|the) (\w+ ){0,3}(will|'ll|is going to|are going to) (regrow|grow back|restore) (all (of )?)?(your\b|"
        r"the (cartilage|bone|hair|gums?|tooth|teeth|nerve|tissue|skin)\b)|"
        # the sum as a certainty: "we will get you the full settlement", "count on at least $150k"
        r"\b(we|i)(?:'ll|’ll| will) (definitely |absolutely )?get you (the |your |a )?(full |whole |entire |maximum )?"
        r"(settlement|compensation|payout|refund|deposit|visa|approval|custody|job|money|award)\b|"
        r"\bcount on (at least |getting |a full |the full )?\$?\d|"
        # a forfeit on a miss: "or you train free until you do"
        r"\bor (you|it'?s|(the|your) (\w+ ){0,2}(is|are)) (\w+ )?(free|on us|free of charge)( until\b|\W*$)|"
        # the reader's gain on a date: "you'll have a job offer within 3 months"
        r"\byou(?:'ll|’ll| will) (have|get|land|receive) (a|an|your) (job|offer|job offer|visa|green card|settlement|"
        r"approval|acceptance|admission)( offer)?\b[^.!?]{0,30}\b(within|by|in)\b|"
        # what we sell gets the reader in: "our admissions coaching will get your son into…"
        r"\b(our|this) (\w+ ){0,3}will get (you|your \w+|him|her|them) (into|in to)\b|"
        # book with us and it is done: "Book through us and your visa's approved"
        r"\b(book|sign up|apply|enroll|join|go) (through|with) us\b[^.!?]{0,20}\band (you'?re|your [\w-]+(?:'s| is| "
        r"are| will be)) (approved|accepted|covered|in)\b|"
        # a result every time, or zero of the bad: "perfect result every single time"
        r"\b(perfect|flawless|great|amazing) results? every (single )?time\b|"
        # not one left: "you won't see a single one after Friday"
        r"\b(won'?t|will not|'ll never|will never) see (a single|another|one more|any more) \w+|"
        # our own pledge as a gerund: "we're confident in promising that you'll…"
        r"\b(we'?re|we are|i'?m|i am)( (?!not\b|never\b)\w+){0,3} promising (that|you)\b|"
        # what we sell as the means of the reader's result: "with our weight plan you will lose
        # 30 pounds", "on our program you'll pass the first time"
        r"\b(with|through|using|thanks to|on|by following) (our|us)\b[^.!?]{0,40}\b(you|your( \w+){1,2})(?:'ll|’ll| "
        r"will| are going to| is going to) (lose|drop|shed|gain|pass|win|recover|heal|reach|score|see (results|"
        r"a difference|real results)|be (cured|pain-?free|debt-free|fluent|healed))\b|"
        # it never fails: "fixes knee pain every single time", "haven't seen it fail yet"
        r"\b(works|fixes|cures|clears|heals|succeeds|delivers|gets results)\b[^.!?]{0,30}\bevery (single )?time\b|"
        r"\b(haven'?t|have never|never|not once) (seen|had) (it|one|them|a single one|this) (fail|not work|"
        r"come back)\b|"
        # what we sell as the subject of the outcome: "this purifier will completely eliminate your
        # allergy symptoms", "our coating will keep your paint flawless"
        r"\b(our|this|these) (\w+ ){0,3}(will|'ll|is going to|are going to) (completely |totally |absolutely |"
        r"fully |permanently |finally )?((eliminate|end|cure|stop|fix|clear|solve|get rid of|remove|erase|"
        r"reverse|banish) (all (of )?)?your|keep your [\w-]+ (absolutely |completely |totally |perfectly )?"
        r"(flawless|perfect|spotless|dry|pristine|like new|safe)|"
        # …or gives back a faculty the reader lost: "these hearing aids will restore your hearing"
        r"(restore|give you back|bring back) (all (of )?)?your (\w+ )?(hearing|vision|eyesight|sight|hair|"
        r"hairline|memory|energy|youth|mobility|sense of (smell|taste)|voice|libido|figure))\b|"
        # the reader made young again: "you'll hear like you're 20 again", "you'll look ten years younger"
        r"\byou(?:'ll|’ll| will) (look|feel|hear|see|move|sleep|walk|run) like (you'?re|you’re|you are|you "
        r"were) (\d{2}|twenty|thirty|forty|a teenager|a kid|young)( years old)?( again)?\b|\byou(?:'ll|’ll| "
        r"will) (look|feel) (\d+|five|ten|fifteen|twenty) years younger\b|"
        # the reader's result as a plain forecast: "you will achieve band 7.0 or higher", "you won't
        # need your diabetes meds anymore", "you can expect to be headache-free within a month",
        # "you're good for 60k miles", "you won't have a single issue with it"
        r"\byou(?:'ll|’ll| will) (achieve|reach|score|hit|earn|attain) (a |an )?(band|score of|grade of|gpa of|\d)|"
        r"\byou (won'?t|will not|'ll never|will never) need (your |the |any )?([\w-]+ ){0,2}(meds|medications?|"
        r"medicines?|pills|insulin|glasses|contacts|inhalers?|surgery|braces|cane)\b|"
        r"\byou(?:'ll| will| can expect to) be (?!(hassle|worry|stress|hands|fee|commission|tax|duty|gluten|"
        r"sugar|fragrance|cruelty|care|risk|debt)-)[a-z]+-free\b|"
        r"\byou(?:'re| are|'ll be| will be) (good|set|fine) for (another |the next )?[\d,]+k? (miles|years)\b|"
        r"\byou (won'?t|will not|'ll never|will never) (have|get|see|run into) (a single|one single) (issue|problem|"
        r"complaint|leak|crack)\b|\b(will|'ll|’ll) look exactly like (the|your|this|that) (render|rendering|photo|"
        r"picture|design|drawing|mock-?up|sample)\b|"
        # what we sell brings the reader's measure back: "our program will get your A1C back to normal"
        r"\b(our|this) (\w+ ){0,2}(will|'ll|is going to) (completely |fully )?(resolve|heal|get rid of) (all (of )?)?"
        r"your\b|\b(our|this) (\w+ ){0,2}(will|'ll|is going to) get (your|ur) [\w -]{1,20} (back to normal|"
        r"under control|back in range)\b|"
        # an emphatic close as a sentence of its own, after a forecast: "Our roof will not leak. Period."
        r"^\W*(period|full stop|end of story)\W*$|"
        # …or a doubt ruled out, a hedge denied: "…back to normal within a month. No doubt.",
        # "…visible abs. Not maybe — definitely."
        r"^\W*((no|zero) doubt( about it)?|without (a|any) doubt|not (just )?(a )?(maybe|might|perhaps|possibly|"
        r"probably|hopefully)\b\W*((definitely|certainly|absolutely|for sure|guaranteed)\W*)?)\W*$|"
        # a pledge tag as a sentence of its own, after a forecast: "…an A this semester. You can
        # count on it.", "I stand behind that 100%."
        r"^\W*((you can |you could )?(count|bank|rely) on (it|that|this)( outcome| result| one)?|"
        r"(i|we) (stand|will stand) behind "
        r"(it|that|this)( 100 ?%| one hundred percent| completely| fully)?|(i'?m|i am) (certain|sure|"
        r"positive|confident) of (it|that))\W*$",
        _I,
    ),
    "zh_CN": re.compile(
        # no harm at all: 对牙釉质零损伤
        r"零(损伤|伤害|副作用|疤痕|痛感|反弹|恢复期)|(没有|无)任何(副作用|风险|后遗症)"
        + _ZH_NOT_ASKED_OR_DENIED
        + "|"
        # a score bound, a job that never goes wrong: 包提50分, 我们做的从来不出问题
        # (从来没出过问题 is a record told, not a pledge: two writers of three)
        r"包(提|涨|拿)[\d一二两三四五六七八九十几百]+分|(从来|从不)(都)?不出(任何)?(问题|毛病)(?![吗么？?])|"
        # no bad outcome, with a reassurance: 不会做坏的，您放心，我们都做了这么多年了
        r"不会(出事|出问题)(的)?[，,～~ ]\s*(您|你)?(就)?放心|"
        r"不会(做坏|做砸|弄坏|失败)(的)?(宝|亲|哈|呢|啦)?[，,～~ ][^。！？]{0,14}放心|保(过|拿证|上岸)(?![吗么？?])|"
        r"(一点|一丁点|任何)(风险|副作用)都没有" + _ZH_NOT_ASKED_OR_DENIED + "|"
        r"(保证(?!不了)|包(过|赢|会|好|退|提分|治好|满意|成功|学会|拿证|你|您|干净|淡|白|瘦|搞定|解决|赚|回本|到位)|承诺(?!不了)|一定(能|会|可以)(?!(全力|尽力|努力|认真|尽快|及时|用心|负责|帮您争取|争取))|肯定(能|会|可以|"
        r"没问题|好)(?!(全力|尽力|努力|认真|尽快|及时|用心|负责|争取|做的|办的|做[，。！～~]|办[，。！～~]|排|安排|约|预约|给您|帮您))|绝对(没问题|能(?!不能)|会|可以|有效|安全|放心|治好|不会(?!有)|没有|让您|包|无|零)|(百分之百|100%|百分百)(?!\s?(的|持有|为|是|来自|毕业|具备|拥有|通过了))|无痛|零风险|"
        r"零失败|根治|闭着眼(睛)?都能|保分(班|协议|课|承诺)?(?!承诺的)|(上面|里面|内部)有人[^。！？]{0,16}(就能|都能|能|一定|保证|肯定)|((我们|律师|我)有关系|(跟|和)[^，。！？]{0,8}关系(好|硬|熟|很熟|很好))[^。！？]{0,16}(就能|都能|一定|肯定)|一告一个准|可以确定(能|会)(拿到|赢|胜诉|赔|要回|判)|完全(没有|没|无)(任何)?(风险|副作用|后遗症|恢复期)|零事故|(上岸|考过|拿证|通过)没(有)?问题|一定不会(留疤|复发|反弹|疼|痛|有事|出问题|失败|输)|(?<=分)(我们|我)?包了|(可以|能|能够|就能|即可|将|就会)(快速|迅速|尽快|很快)?(彻底)?(治好|解决|消除|清除|治愈|"
        r"自愈|痊愈|摆脱|康复)|(能|可以|会)?确保(您|你)的?[^，。！？]{0,8}(获批|批下来|通过|胜诉|打赢|考上|过关|上岸|痊愈|康复|治好|成功)|永不复发|不(再)?(复发|反弹|反冲|病发)|稳赢|必胜|必过|包你|打(包|保)票|拿.{0,4}担保|"
        # the job taken on in person: 这事儿包在我身上
        r"包在(我|我们|咱)身上|"
        # trouble ruled out with an emphatic no: 十年之内绝不渗漏
        r"(绝|决)不(会)?(再)?(渗漏|漏水|渗水|漏|开裂|裂|坏|复发|反弹|松动|脱落|变形|褪色|发霉|出(任何)?(问题|毛病|故障))|"
        # what everyone got, then the reader too: 每个学员起码瘦10斤，你肯定也行
        r"(?<=[，,])(您|你)(也)?(肯定|一定|绝对)(也)?(行|可以|能行|没问题)(?![吗么？?])|"
        # vouching to the reader in person: 我给你担保, 我跟您发誓
        r"(我|我们|咱)(可以|敢|能)?(给|跟|向|替|对)(你|您)(担保|作保|发誓)(?!不了|不起)|"
        r"放一百个心|(?<!确)(?<!环)(?<!质)(?<!担)(?<!售)保(你|您)(?!持|证|养|险|护|留|重|密)|稳稳的|妥妥的|稳了|准没错|绝对不(?!能|可以|要|许|准|得|应|宜)|肯定(?!是|要|的|不|会不会|吗|有)"
        r"((帮|给|替|为)(您|你))?[\u4e00-\u9fff]{0,2}(下去|掉|好|完|到|解决|消掉|消(?![毒费化])|淡|没了|管用|有效|过|赢|考上|达标|合格|及格)|包(治|好|退|教会|过)|"
        # the trouble said surely over: 做完一个疗程，肯定就不疼了; 喝了肯定不便秘不上火; 修完肯定不会再响了
        r"肯定(就)?(不会再|不再|不会|就不|不)(疼|痛|响|漏|复发|反弹|便秘|上火|过敏|开裂|长痘|掉发|脱发|失眠|犯|掉(?!色))|"
        r"[\u4e00-\u9fff]{2,8}(?<![还也都])(?<!效果)(?<!作用)(?<!帮助)(?<!影响)(?<!疗效)(?<!风险)(?<!难度)"
        # (not a degree: 抗病毒的效果还是一定的, it does have some effect)
        r"(还|也|都)?是(一定|肯定|必然)的|(很|可以)?负责任地告诉(您|你)|拍胸(脯|口)|"
        r"一定(?!要|得|是|的|不要|记得|注意|会不会|能不能|程度)[\u4e00-\u9fff]{0,4}(改善|好转|提高|见效|通过|解决|消失|瘦|白|"
        r"长高|成功|赢|纠正|治好|整齐|没问题|跟得上|达标|合格|消(?![毒费化])|拿证|考上|上岸|录取|到手|痊愈|康复)|"
        r"绝对(根治|解决|搞定|改善|合格|安稳)|保准|保管(?=(您|你|能|会|就|一定|让|进|考|拿|过|上|瘦))|稳(过|拿|赢|考上|上岸)(?![渡程])|"
        # our product as the means, then certainty: 跟着我们的题库刷，一次就能拿证
        r"(用|跟着|交给|选|找|贴|装|买|报|吃|喝|涂|来|上|做|打|试|学|请|住)(了|完|过)?(我们|咱们?|本店|我家|咱家)[^。！？]{0,20}[，,][^，。！？]{0,8}"
        # (not doubted: 用我们的方案，三个月不一定能瘦下来)
        r"((?<![不没])(就|一定|肯定|保准)(能|可以|会)|(?<![不没])(一定|肯定|保准|绝对)(?!要|得|是|的|不|记得|注意|会不会|能不能)[\u4e00-\u9fff]|"
        r"(所有|全部|一切|任何)[^，。！？]{0,6}都(能|会|可以))|"
        # handed to us, then sure: 交给我们很快就能拿到钱
        r"(交给|找|选|用)(我们|咱们)[^，。！？]{0,6}(?<![不没])(就|一定|肯定|保准)(能|可以|会)|"
        # money made safe: 保本保收益, 稳赚不赔
        r"保本|保收益|保息|稳赚|只赚不赔|"
        # winning stated as what we can do: 我们能帮您打赢
        r"(我们|我)(一定|肯定|绝对)?(能|可以|会)(帮|替|让)(您|你)(打赢|赢下|赢|胜诉)|"
        # a bad thing said never to return: 以后都不会反黑, 再也不会犯
        r"(以后|今后|再也|永远|永久|从此)(都|也|就)?不(会)?(再)?(反黑|反弹|复发|犯|疼|痛|长|出现|复胖|松弛|下垂|出血|发作|犯病|"
        r"漏|裂|返潮|发霉|渗|出(任何)?(问题|毛病|故障)|坏|松动|脱落|开裂|变形|褪色|发黄|生锈)|(就|就能|就会|能|会|可以)(彻底|完全)好(了)?|"
        r"肯定不(会)?(肿|疼|痛|复发|反弹|出问题|留后遗症|有后遗症|出事)|肯定(长|瘦|白|好)(出来|起来|下来|回来)|"
        r"不[\u4e00-\u9fff]{1,3}不要钱|(没|不)[\u4e00-\u9fff]{1,4}(算我的|全额退款?|免费(再|重)做|退全款|不收钱)|算我的|"
        # a forfeit staked on the result failing: 考不到我请你吃火锅, 拿不到律师费全退, 过不了免费补考
        # (not a service we cannot do: 这个做不了，退款给您); an offer the customer may take up is a
        # policy, not a stake: 看不到的话可以免费再约一次
        r"(?![做办来去约订发送])[\u4e00-\u9fff](不到|不了|不上|不成|不下来|不出来|不好用|不满意|没效果|不见效|不管用)"
        r"((?!的话|可以|能|可)[^。！？!?\n]){0,6}(请[\u4e00-\u9fff]{0,3}(吃|喝)|不收(钱|费)|全退|(全额)?退(款|费|钱)|"
        r"免费(补|重|再)|赔(你|您)|倒贴|跟(你|您)姓|倒过来写|不要钱)|"
        # a bet that needs no failure spelled out: 输了我把名字倒过来写, 倒贴您一千, 死一棵赔您十棵
        r"(?<![\u4e00-\u9fff])(不满意|没效果|不见效|没用)[^。！？]{0,4}(不收(钱|费)|全退|退(款|费|钱)|免费)|"
        r"把(名字|姓)倒(过来)?写|跟(你|您)姓|倒贴(你|您)|赔(你|您)[二三四五六七八九十两百千\d]+(倍|棵|个|台|只|件)|"
        # never once failed: 经手的案子从来没有输过
        r"(从来|从|还从|就从来)没(有)?(输|败|失手|失败|出事|翻车|挂科|被拒|拒签|退费|退款)过|"
        # vouching with one's word, name or shop: 这话我敢放在这儿, 这个我有把握, 说到做到,
        # 我拿我们开了十年的招牌担保, 这个包票我敢打, 您等着瞧
        r"(这话|这句话)我?(敢|可以)?(放|撂|搁)(在)?(这|这儿|这里)|(这个|这点|这事)?我(们)?(很|非常|绝对|百分百)?有把握|"
        r"说到做到|(您|你)(就)?等着瞧|(包票|保票)(我|我们)?(敢|可以|能)?打|"
        r"(拿|用|以|凭)[^，。！？]{0,12}(招牌|名声|名誉|人格|饭碗|口碑|执照|信誉|人品|良心)(来)?(担保|作保|保证|打包票|打保票)|"
        r"砸(了)?(我|我们)?(的|家)?招牌|我(敢|跟(你|您)|和(你|您))打赌|"
        # the outcome said to be a settled thing: 这是确定的结果, 板上钉钉, 瘦十斤跑不了, 绝对的！
        r"(是)?(板上钉钉|铁板钉钉|十拿九稳|跑不了|没跑|铁定)(的)?(事|结果)?|(这|那)是(确定|必然|一定)的(结果|事)|"
        r"必然(的)?结果|绝对的(?=[！!。~～]|$)|就等于(上岸|过了|考上|拿证|成功)|"
        # a bad thing said never to return, for life: 一辈子都不会再犯, 斑去掉了就不会再长回来
        # …or for a lifetime of use: 用一辈子都不会出问题, 这辈子都不会再渗水
        r"(一辈子|终身|这辈子|终生)(都|也)?不(会)?(再)?(犯|复发|反弹|长|疼|痛|出现|漏|裂|渗|返潮|发霉|"
        r"出(任何)?(问题|毛病|故障)|坏|松动|脱落|开裂|变形|褪色|发黄|生锈)|"
        r"(就|都)不(会)?再(长|犯|复发|反弹|冒)(回来|出来)|"
        # a lifetime of use promised: 种上能用一辈子, 终身使用 (not 一辈子的事)
        r"(能|可以|就能|就可以|保证|包)(用|戴)(上)?(一辈子|终身|终生|一生)|"
        # certainty about a named outcome: 房子肯定判给您, 天气肯定晴, 口语肯定突飞猛进
        r"(肯定|一定|绝对|保准)(能|会|可以|就)?(全|都|全都|完全)?(判给|判|晴|突飞猛进|整整齐齐|练出来|收回去|恢复|消失|怀上|"
        r"降|凉快|暖和|上岸|上|见效|批|下来|拿下|搞定|没了|瘦|白|长高|涨)|"
        # a track record with no failure, as proof: 我带过的学生就没有考研上不了岸的, 我带团五年就没有
        # 不满意的, 我带的学员都有, 我自己就是这么瘦下来的, 您也一样没问题
        r"(我|我们)[^，。！？]{0,8}(带过|教过|做过|治过|办过|带的|教的|做的|经手的|带团|干了|做了)[^，。！？]{0,8}"
        r"(就|从来|从|还|都)?没(有|见过|遇到过|碰到过|出过)[^，。！？]{0,12}(不|没)[\u4e00-\u9fff]{1,6}的|"
        # …or any of our work with 过/的 before "none that failed": 我们装过的地暖就没有不热的
        r"(我|我们)[^，。！？]{0,6}[\u4e00-\u9fff](过|的)[^，。！？]{0,6}(就|从来|从|还|都)?没(有|见过|遇到过|碰到过|出过)"
        r"[^，。！？]{0,8}(不|没)[\u4e00-\u9fff]{1,6}的|"
        r"(我|我们)(带|教|做|治)(过)?的[\u4e00-\u9fff]{0,4}(都|全都|个个都?|每个都?|每一个都?)(有|能|会|过|考上|上岸|成功|做到|瘦|好)|"
        r"我(自己)?(就是|也是)(这么|这样|用这个|靠这个|喝这个|吃这个)[\u4e00-\u9fff]{0,4}(下来|起来|过来|出来)的|"
        r"(您|你)(家[\u4e00-\u9fff]{0,2})?(也)?(一样|同样)(没问题|能|可以|行)|"
        # however bad it gets, never: 冬天再冷都不会打不着火
        r"再[\u4e00-\u9fff]{1,2}(的[\u4e00-\u9fff]{1,3})?(都|也)(不会[\u4e00-\u9fff]{1,5}|[\u4e00-\u9fff]得(见|到|清|动|住|了))|"
        # …however far it runs: 再跑二十万公里都没毛病
        r"再[\u4e00-\u9fff]{1,2}[一二三四五六七八九十百千万两\d]+[\u4e00-\u9fff]{0,3}(都|也)(没|不会有|不会出)(任何)?(毛病|问题|故障)|"
        # certainty with a resultative verb: 脱发肯定止住, 体重一定降下来
        # (…whole: 斑一定全部祛掉)
        r"(肯定|一定|绝对|保准)(能|会|可以)?((帮|给|替|为)(您|你))?(全部|完全|彻底|全都|统统|通通)?(?!要|得|是|的|有|不|会不会|能不能)[\u4e00-\u9fff](住|好|掉|下去|下来|上去|起来|回来|出来)(?!的)(?!吗)|"
        # a completed course of what we sell, then a certainty: 水光针打完皮肤肯定水嫩透亮
        # (肯定, not 一定, which after a course is mostly advice: 做完手术后一定多喝水; and a state, not a
        # duty, a finding or a service: 肯定需要通风, 肯定就知道, 肯定给您开发票)
        r"(做|上|用|吃|打|装|补|戴|喝|练|刷|贴|换|修|矫正|敷|涂)(完|满)(之后|以后|后)?[^，。！？]{0,8}?(肯定|绝对|保准)"
        r"(?!要|得|需|是|的|不是|会不会|能不能|记得|注意|就?知道|就?清楚|来|去|找|给|帮|让|跟|和|会?有(?!效)|"
        r"会?(疼|痛|肿|红|痒|酸|麻|难受|不舒服|留疤|出血|反复))|"
        # a forfeit of our own person on no result: 没效果您来找我
        r"(没(有)?效果|不见效|没用|不管用|无效|没改善|没变化|没好转)(的话)?[，, ]?(您|你)?(直接|尽管|就|随时)?(来)?找(我|我们)"
        r"(?![\u4e00-\u9fff]{0,3}(调整|复查|复诊|换|看|聊|问|咨询|了解|预约|沟通))|"
        # experience with no failure in it: 就没遇到过治不好的, 从来没见过收不回去的
        r"(就|从来|从|还)?没(见过|遇到过|碰到过)[^，。！？]{0,8}(不|没)[\u4e00-\u9fff]{1,6}的|"
        # a score reached as no problem at all: 考到一百一十分没问题的, 上600分绝对没问题
        r"([\d]+|[一二三四五六七八九十百两]+)分(以上)?(肯定|绝对|完全|妥妥|保准)?(的)?没(有)?(任何)?问题(?![吗么？?])|"
        # made sure of for the reader: 我们可以确保孩子总分提升三十分, 确保您顺利拿到签证
        r"确保(您|你|他|她|孩子|宝宝|老人|患者|家人|学员)[^，。！？]{0,14}(提升|提高|通过|考上|考到|上岸|录取|康复|痊愈|"
        r"治愈|恢复|拿到|胜诉|打赢|赢|成功|瘦|见效|进步|满意|出签)|"
        # the outcome called beyond doubt: 本案胜诉是确定无疑的, 通过是毋庸置疑的
        r"(胜诉|赢|胜|通过|出签|下签|录取|康复|痊愈|治愈|效果|结果|成功|提分|上岸|拿证)[^，。！？]{0,4}?是?"
        r"(确定无疑|毫无疑问|毋庸置疑|注定|必然|确凿无疑)(的|了)|"
        # the result itself surely good: 术后效果一定自然好看, 做出来效果肯定满意
        r"(效果|结果)(也|都|就|会)?(一定|肯定|绝对|保准)(会|能)?(很|非常|特别|超级)?(自然|好看|漂亮|满意|明显|显著|"
        r"理想|惊艳|好)|"
        # trouble ruled out to the last drop: 一滴都不会漏, 一点都不会移位
        r"(一滴|一点|一丝|丝毫|半点)(儿)?(都|也)不会(再)?(?!(收|加|多收|另收|要|让您|让你))[\u4e00-\u9fff]{1,3}|"
        # …or for years: 十年都不会出任何毛病, 五年之内不会有问题
        r"([一二三四五六七八九十两\d]+)年(之内|内|以内)?(都|也)?不会(出|有)(任何)?(问题|毛病|故障)|"
        # vouching in person: 我敢说, 我敢讲
        r"我敢(说|讲)(?!不)|"
        # steady as a certainty: 稳稳上90, 稳稳地过
        r"稳稳(地|的)?(上|过|拿|考|进|提|赢|当当)|稳(上|过|拿|进|考)(?=\d|[一二三四五六七八九十百])|"
        # a result called the least one gets (瘦15斤是最起码的), a refund if it is not reached
        # (没瘦下来我们全额退款)
        r"是最起码的|最起码(能|都能|也能)(瘦|提|涨|考|过|拿)|"
        r"没(瘦|考|过|提|涨|好|治好|达到|见效|效果)[^，。！？]{0,4}[，, ]?(我们)?(全额|全款)?退(款|钱|费|学费)|"
        # a forfeit on a shortfall: 少一分我们不收代理费, 上不了我把学费退给您
        r"少(一分|一毛|一块|一斤|一分钱)[^。！？]{0,8}(不收|退|赔|免)|"
        r"[\u4e00-\u9fff](不到|不了|不上|没达到)[^。！？]{0,8}退(给|还)(您|你)|"
        # the result's duration pledged: 效果至少维持两年
        r"(效果|结果)[^，。！？]{0,4}(至少|起码|保证|绝对)(能)?(维持|保持|持续|管)|"
        # certainly natural, undetectable: 绝对自然不留疤, 放一万个心
        r"绝对(自然|好看|漂亮|满意|看不出)|放(一万|一千|一百|十万)个心|"
        # our course done, the trouble gone: 做完就没了，不会复发的; 治完就根治了
        r"[\u4e00-\u9fff]完(之后|以后|后)?[^，。！？]{0,6}就(没了|根治了|断根了|不会(再)?(复发|反弹|长|犯))|"
        # enrolled is passed: 报了就能过
        r"(报|学|买|交|用|做|吃|喝)了(我们)?[^，。！？\s]{0,4}就(能|会)(过|考过|拿证|好|考上|瘦|白|治好)|"
        # nobody ever let down: 从来没让家长失望过
        r"从来没(让|叫)[\u4e00-\u9fff]{1,4}失望过|"
        # lasting for years, whatever the warranty: 刷完十年不漏, 五年不发黄不开裂
        r"([一二三四五六七八九十两\d]+)年(之内|内)?(都)?不(会)?(发黄|返黄|开裂|漏|掉色|褪色|起皮|生锈|变形|脱落|坏|返潮)|"
        # a shade count as a certainty: 做完至少白三个色号
        r"(做完|打完|用完)[^，。！？]{0,4}至少[\u4e00-\u9fff]{1,2}[一二三四五六七八九十两\d]+个?(色号|度|斤|分|公分|厘米)|"
        # dialect certainty: 一周之内指定把钱还你; Cantonese 稳陣, 唔得我退钱俾你
        r"(之内|以内|内|保准)指定(?!的|医院|车型|地点|门店|产品|时间)|稳(稳)?陣|唔(得|掂|过)[^。！？]{0,4}(退钱|退款|唔收钱))"
    ),
}
_PROMISE_NEGATORS = {
    "en_US": re.compile(
        r"\b(can'?t|cannot|won'?t|no one|nobody|don'?t|do not|doesn'?t|does not|isn'?t|aren'?t|"
        r"not|never|no|unable to|wouldn'?t|honest(ly)?|anyone who)\b|\b(some|other|many) "
        r"(clinics?|firms?|places|lawyers|dentists|schools|companies|people|offices)\b|\bthey\b",
        _I,
    ),
    "zh_CN": re.compile(
        r"(不能|无法|没法|没办法|不敢|不会|不可能|谁也|没有人|没人|不是|不承诺|不做|不|没有.{0,5}(能|敢|会)|"
        r"(有些|有的|别的|其他|别家|外面)(机构|医院|诊所|律所|学校|地方|人)|((?<!可)[以为]|(?<![可下起出回过进上])来)(了)?$|没$|(?<![我敢])(说|号称|宣称|声称|宣传)(能|可以|是)?$|(认为|相信|觉得|坚信)(这样|只要|自己)|只要[\u4e00-\u9fff]{0,3}(能|可以)$|(需要|要|得|应该?|必须|尽量)$|没有$|(?<![我你您])谁((跟|和|给|对)(您|你))?$)"
    ),
}
_ZH_STRONG = re.compile(r"保证|一定|肯定|百分|绝对|包|必|担保|打包票|承诺")
"""Words that pledge whatever hedge comes before them (一般来说保证能过 still pledges)."""
_ZH_COMMA_CLAUSE = re.compile(r"[，,；;：:、]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
"""Chinese chains comma clauses in one sentence; a negation before a comma stays in its clause,
and so does one before a space between two characters, which chat writes for a comma
(绝对没出过险 我给你担保: the denial is the car's history, the pledge is ours)."""
_EN_CAPS = re.compile(r"\b(WILL|GONE|WORKS?|GUARANTEED)\b")
"""Capitals as a pledge ("your scars will be GONE"), matched case-sensitively."""
_EN_REASSURANCE = re.compile(r"\b(don'?t|do not|no need to|never) (worry|stress|fret|panic)\b", _I)
""""Don't stress about the cruise, I guarantee…": reassurance, not a negated guarantee."""
_EN_NEGATED_RIGHT_BEFORE = re.compile(
    r"\b(disservice to|wrong to|irresponsible to|wish|if (i|we) could|"
    r"can'?t|cannot|won'?t|don'?t|do not|doesn'?t|does not|isn'?t|aren'?t|not|never|no one|"
    r"nobody|nothing|unable to|wouldn'?t|couldn'?t|no(?! (problem|worries|doubt|question|matter|more)\b)|anyone who|honest(ly)?)\b"
    r"(\W+\w+){0,3}\W*$",
    _I,
)
"""A negation governs a guarantee when it stands within three words of it ("I can't honestly
promise"); "you will NOT see another roach, guaranteed" guarantees the negated outcome, and
"no matter what, guaranteed" rules out every exception rather than denying the pledge."""
_EN_NEGATED_GUARANTEE = re.compile(
    r"\b(no one|nobody|no \w+|can'?t|cannot|couldn'?t|won'?t|wouldn'?t|don'?t|do not|never|not|unable)( \w+){0,2} (guarantee|promise)\b"
    # a lie if we said it: "I'd be lying if I told you we'll definitely win", "it would be
    # dishonest to say…", "I won't pretend you'll…"
    r"|\b(i'?d|i would|we'?d|we would|it'?d|it would) be (lying|kidding (you|myself)|misleading you|"
    r"dishonest|a lie|wrong)( to you)? (if (i|we)|to (say|promise|tell you|guarantee|claim))\b|\b(i|we) (won'?t|will not|can'?t|cannot) "
    r"(pretend|sit here and (say|tell you))\b"
    # "i'm not gonna tell u the mold will never come back", "I wish I could tell you it'll never
    # come back", "no way for me to promise what you'll get"
    r"|\b(not|never) (gonna|going to) (tell|say|promise|guarantee)\b|\bif (i|we) could (promise|guarantee)\b"
    r"|\b(i|we) wish (i|we) could "
    r"(tell|say|promise|guarantee)\b|\bno way (for (me|us) )?(to )?(promise|guarantee|say|tell)\b",
    _I,
)
"""A span inside what a negated guarantee governs: "no one can guarantee you'll love it 100%"."""
_EN_THIRD_PARTY = re.compile(
    r"(?<!the )(?<!our )\b(some|other|many|a lot of|lots of|loads of|tons of|plenty of|so many|most) (\w+ ){0,2}(clinics?|"
    r"firms?|places|lawyers|dentists|schools|programs?|programmes?|coaches|trainers|contractors|"
    r"companies|people|offices|brands?|spas?|shops?|sites?|ads?|gyms?|dealers?|agencies)\b|"
    # a plural crowd right before the promise: "some contractors promise", "other agencies guarantee"
    r"\b(some|other|many|a lot of|lots of|loads of|tons of|plenty of|so many) (\w+ ){0,2}?\w+s (will |often |always |all )?$|"
    r"\bthey\b|"
    # the ones who make such promises, warned against: "be careful with places that promise that"
    r"(?<!our )(?<!are the )(?<!we're the )\b(anyone|anybody|places?|shops?|dealers?|dealerships?|lots?|clinics?|firms?|agencies|companies|"
    r"people|those|guys|sellers?|sites?|ads?) (that|who|which) (will |would |'ll |always |just )?$|"
    # to claim is to report; a claim owned is the customer's case ("Your claim will be approved")
    r"(?<!your )(?<!the )(?<!this )(?<!that )(?<!our )(?<!my )(?<!a )(?<!injury )(?<!insurance )"
    r"\b(advertise|claim)s?\b|\bwhether\b|\b(you|you're|you are) ask(ed|ing)\b(?! for\b)|"
    r"\b(doesn'?t|does not|don'?t|do not) mean\b",
    _I,
)
_ZH_NOT_A_PROMISE = re.compile(
    r"保证(?=(体内|身体|营养|睡眠|充足|休息|饮食|供应|质量|血液|大便|每天|足够|金))|无痛性|绝对值|根治术|根治性|"
    # a procedure's name, not a promise about it: 无痛胃镜, 无痛分娩
    r"无痛(?=(胃镜|肠镜|内镜|分娩|人流|取卵))|"
    # a feeling surely felt (当妈的肯定上火), care or honest billing pledged, not an outcome
    r"肯定(?=(会)?(上火|着急|担心|心疼|难受|焦虑|不放心|很急|急坏))|"
    r"(肯定|绝对|保证)(?=(会)?(照顾好|招待好|服务好|接待好))|"
    # a list of services pledged: 我们承诺：科学评估、个性化方案、全程跟踪反馈
    r"(承诺|保证)(?=[：:][^。！？]{0,30}(评估|方案|跟踪|反馈|服务|沟通|答疑|陪同|跟进))|"
    # effort pledged, not a result: 我们老师肯定会尽全力的
    r"(肯定|绝对|保证|一定)(?=(会)?(尽全力|尽力|全力以赴|尽最大|认真对待|用心))|"
    r"绝对(?=不会?(乱收费|乱收钱|多收|坑|骗))|"
    # a share of the staff (100%持证上岗), study time the student keeps (每周能保证五小时学习时间)
    r"(100%|百分百|百分之百)(?=(的)?(持证|老师|教师|本科|硕士|专职|全职|执业|医生))|"
    # a service's attribute: 全程100%可查, 百分百保密
    r"(100%|百分百|百分之百)(?=(的)?(可查|可追踪|保密|透明|线上|可退))|"
    r"保证(?=(每周|每天|每晚)?[^，。！？]{0,8}(学习|练习|复习|上课)时间)|"
    # the way we teach or serve pledged: 固定老师授课，保证教学连贯
    r"保证(?=(教学|上课|课程|服务|沟通|学习)的?(连贯|连续|进度|质量|衔接))|"
    # a warranty pledged is a policy: 承诺：水电终身质保，整体工程5年质保
    r"(承诺|保证)(?=[：:]?[^。！？]{0,8}(质保|保修|包换|售后))"
)
_ZH_SURE_DOWNSIDE = re.compile(
    r"[会有]{0,2}(有点|有些|一点|一些|点儿?|些)(疼|痛|肿|酸|胀|不舒服|不适|淤青|反应)"
)
"""After 肯定会有: a discomfort surely felt, disclosed (疼肯定会有点疼啊), no promise."""
_ZH_STILL_HERE = re.compile(r"(公司|老店|门店|店面|我们|咱们|和尚|庙)[^。！？]{0,10}$")
"""Before 跑不了: the business will still be there (我们是十几年的老公司了，跑不了的), no outcome."""
_ZH_MOST = re.compile(r"(多数|大多数?|大部分|绝大部分|一般(来说|情况下?)?|通常|基本(上)?)")
"""Most cases, or the usual course: a statement of the odds, not a pledge."""
_ZH_NEGATED_PLEDGE = re.compile(
    r"(无法|不能|不会|不敢|不可能|没法|不做|不作|不给)[^，。！？,!?\s]{0,16}(承诺|保证|打包票|担保)|"
    r"(承诺|保证|打包票|担保)[^，。！？,!?]{0,3}(不敢|不能|没法|不好|可不)(说|打|给|讲|做|下)|"
    r"(打不了|打不起|不打|不敢打|没法打|不能打|没人敢打)(这个|这种)?包票|"
    # none given: 我们这边是没有保分承诺的, 从来没做过这种保证
    r"(没有|没做过|没给过|没敢)(?!问题)[^，。！？,!?]{0,8}(承诺|保证|打包票|担保)|"
    r"(承诺|保证|打包票)[^，。！？,!?]{0,12}(要小心|要当心|别信|不要信|警惕|骗|不靠谱|不可信|忽悠)"
)
"""A pledge disowned or warned against: 我们无法在线对案件结果作出任何承诺, 承诺百分百赢的您反而要小心."""
_ZH_THEIR_PLEDGE = re.compile(
    r"(?<!我们)(?<!本)(?<!咱们)(对方|公司|老板|房东|商家|单位|他们|别人|厂家)[^我]{0,6}$"
)
_EN_KNOW_FOR_SURE = re.compile(
    r"\b(tell|know|say|find out|confirm|see|sure)( us| you| me)?\W*$", _I
)
_EN_WARRANTY = re.compile(r"guarantee[ds]?\b(?! (you|your|that|it|they|we|results?)\b)", _I)
_EN_WARRANTY_TERM = re.compile(
    r"\s+(for|up to) (a|one|two|three|five|ten|\d+) (years?|months?|days?)\b", _I
)
"""A guarantee for a term is a warranty: "Fillings are guaranteed for a year"."""
_EN_WARRANTY_BEFORE = re.compile(
    r"\b(backed by|comes with|covered by|under|includes?|with|offer|have) (our|a|an|the) "
    r"([\w-]+ ){0,2}(workmanship|labou?r|parts|installation|craftsmanship|price[- ]match|lifetime|"
    r"money[- ]back|warranty|\d+[- ](year|day|month))[\w -]{0,20}$",
    _I,
)
"""A guarantee that is a warranty or a policy, named as such: no outcome promised."""
_EN_WE_CAN = re.compile(
    r"\b(we|i)( can|'ll|’ll| will) (definitely |totally |easily )?(work around|fit|squeeze|"
    r"accommodate|arrange|schedule|set (it |that )?up|book|move|adjust|switch|do (evenings|weekends|"
    r"mornings|that)|be flexible|find (something|a time|a slot|a day|an? \w+ that works))\b[^.!?]{0,40}$",
    _I,
)
"""What we can do, before an emphatic "for sure": an offer, not a result."""
_BARE_YES = re.compile(
    r"^\W*((absolutely|yes|yep|yeah|definitely|of course|sure)\W{0,3})?(100|一百)\s?(%|percent|％)\W*$",
    _I,
)
_EN_SURE_YES = re.compile(
    r"^\W*(oh |yes,? |yeah,? )?for sure\b(?!\s+(you|he|she|they|we|it|your)\b)", _I
)
"""A yes ("for sure, a lot of our students start rusty"), not a certain outcome."""
_EN_THEY = re.compile(r"\bthey\b", _I)
EMOJI = "\u2600-\u27bf\U0001f300-\U0001faff"
"""The symbol and emoji blocks, as the inside of a character class."""
_EN_PLEDGEE = re.compile(r"^\s*(you|u|ya|y'all)\b", _I)
_EN_OPENING_HONESTLY = re.compile(r"^\W*(honestly|to be honest|tbh|frankly)\b[\s,]*", _I)
"""An intensifier opening the clause ("honestly there are zero risks"): no negation there, though
"honestly" after one still belongs to it ("I can't honestly promise")."""
_EN_BOOKING_SECURES = re.compile(
    r"\b(appointments?|bookings?|reservations?|deposits?|pre-?registration)\s+$", _I
)
"""Before "guarantee(s)": what booking secures ("Appointments guarantee the vehicle is prepped")."""
_EN_SERVICE_TAGGED = re.compile(
    r"\b(walk you through|guide you|hold your hand|keep you (posted|updated|in the loop)|answer (all|every|"
    r"any)|be there (for you|with you)|(never|don'?t|won'?t) (push|pressure|upsell|hard-?sell))\b"
    r"[^.!?]{0,40}[,—–-]\s*((i|we) )?$",
    _I,
)
"""A service with a pledge tagged on: "we walk you through every step, promise"."""
_EN_DISCRETION = re.compile(
    r"\b(spam|spamming|marketing|sales calls?|telemarketing|junk|robocalls?|sell|share|pass on|give "
    r"out|bother|pester|hassle|pushy|pressure|private|confidential|between us)\b",
    _I,
)
"""What a pledge about the customer's details or time names: a service, not an outcome."""
_EN_SUFFIX_PLEDGE = re.compile(rf"([,—–-]|[{EMOJI}])\s*((i|we) )?$", _I)
"""", guaranteed!" (", promise", "💋 I swear") closing a statement pledges the whole statement,
negated words and all: "No downtime at ALL, guaranteed!", "they WILL last the rest of his life,
guaranteed!", "nobody will ever know 💋 promise"."""
_ZH_HARD = re.compile(
    r"(很难|难以|较难|不易|不太可能|没有.{0,6}(办法|药|特效|方法)|没.{0,2}(好的)?(办法|药)|暂无|尚无|目前还?没有|不可能)"
)
_REASSURANCE = {
    "en_US": re.compile(
        r"\b(no|don'?t|never|not|without|zero) (need to |have to |any )?(hurry|rush|pressure|"
        r"deadline)|\b(take|taking) your time\b|\bno rush\b|\bno hurry\b|\bat your (own )?pace\b|"
        r"\bwhenever you'?re ready\b|\bnot going anywhere\b|\bwon'?t expire\b",
        _I,
    ),
    "zh_CN": re.compile(
        r"(不(用|必|需要)?(着急|急|赶|赶紧)|不急|慢慢|别着急|不用赶紧|不赶时间|随时都可以|考虑好)"
    ),
}


# --- what a contact is for ----------------------------------------------------------------------

_PURPOSE_NEAR_ASK = {
    "en_US": re.compile(
        # someone of the business will do something (for the customer) with the contact
        r"\b(will|'ll|’ll|can|could|would like to|'d like to|’d like to|so (that )?\w+ can) "
        r"(personally |quickly |then |also |directly )?(call|text|email|e-mail|reach( out)?|contact|"
        r"return|get back|follow up|walk|go over|run|send|come out|measure|book|schedule|set|check|"
        r"verify|confirm|notify|let you know|give|assess|review|look|explain|talk|discuss|hold|"
        r"reserve|save|pass|forward|share|arrange|update|remind)\b|"
        r"\bto (receive|start|get|begin|claim|book|schedule|set up|request|go over|walk|run|send|"
        r"come out|measure|check|verify|confirm|notify|let you know|give|assess|review|look|explain|"
        r"talk|discuss|hold|reserve|save|pass|forward|share|arrange|update|remind|pick)\b|"
        # why this channel: "pricing's easier on a quick call", "let's go over it on the phone"
        r"\b(easier|easiest|simpler|quicker|faster|better)\b.{0,30}\b(on|by|over) (a |the )?"
        r"(quick )?(phone|call|text|email)\b|\bon the phone\b|"
        r"\bin case (we|i|they|someone)\b|\b(i'?d|we'?d) (like|love) (our|for|to)\b|"
        # someone of ours to call back ("to have our coordinator call you"), or what is set up with
        # the contact ("let's set up a free in-home estimate")
        r"\bto have (\w+ ){0,3}(call|text|email|contact|reach)\b|\blet'?s (set up|book|schedule|"
        r"arrange|get you) (in for )?(a |an |your )?(free |quick |no-cost )?(in-home |on-site )?"
        r"(estimate|quote|consult\w*|assessment|appointment|evaluation|measure\w*|walkthrough|visit|"
        r"trial)\b",
        _I,
    ),
    "zh_CN": re.compile(
        # the business side acts for the customer: 我让老师帮您算一下, 律师明早给您打过去, 报告直接发您
        r"(让|请|安排|转给|交给)[^，。！？,!?]{0,10}(给您|给你|帮您|帮你|跟您|跟你|和您|和你|为您|加您|"
        r"加你|联系|打给|打过去|回电|发您|发你|算|说|排|对接|细谈|详谈|上门|看)|"
        r"我(先|来|直接|马上|这边|好)?(打给|发|约|帮|给|转|跟您|跟你|和您|拉|登记|建|安排|通知|"
        r"申请|确认|锁|占)|"
        r"(通知|提醒|联系|回复|致电|回电|对接|确认)(您|你|她|他|阿姨|家长)|(发|推|寄)(给)?(您|你)|"
        r"电话里.{0,6}(清楚|方便|详细|好说|说得清)|(细聊|详聊|细谈|详谈|详细聊|详细说)|"
        r"(为您|给您|帮您|替您)(安排|预约|登记|申请|建档|对接|解答|介绍|报价|约)",
    ),
}
"""A purpose next to a contact ask: what the business will do with the contact."""
_CONTACT_PURPOSE = {
    "en_US": re.compile(
        r"(\b(call|text|email|reach|contact|message) (you|u)\b|\b(call|text|email|reach|contact) "
        r"(us|me|our \w+|the \w+( \w+)?) (at|on)\b|\(?\d{3}\)?[\s.-]\d{3}[\s.-]?\d{4}|\S+@\S+\.\w+)"
        r".{0,80}\b(so (that )?(we|i|they|she|he|someone|an? \w+|the \w+|our \w+) (can|could|will|'ll)|"
        r"and (we|i|they|someone) (can|will|'ll)|to (go over|set up|book|schedule|check|discuss|talk|"
        r"review|walk|confirm|arrange))\b",
        _I,
    ),
    "zh_CN": re.compile(
        r"(给您|给你|跟您|和您)(回电|打电话|回个电话|发短信).{0,12}(以便|方便|好让|便于|确认|安排|沟通|"
        r"说明|讲解|详细)|(以便|方便|好让|便于|用于).{0,12}(联系您|回电|给您回|致电)"
    ),
}
"""A clause that is itself about a contact channel and says what it is for ("Call us at
512-555-0148 so they can go over the options", "We'll call you at the number you left to go
over the results"): a reason even where the reply asks for no contact of the customer's."""


def purpose_near_ask(clause: str, locale: str) -> str | None:
    """The span saying what a contact asked for elsewhere in the reply will be used for."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    found = _PURPOSE_NEAR_ASK[loc].search(clause)
    return found.group(0) if found else None


def contact_purpose(clause: str, locale: str) -> bool:
    """Whether the clause names a contact channel and what it is for."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    return _CONTACT_PURPOSE[loc].search(clause) is not None


@cache
def _compiled(act: str, locale: str) -> re.Pattern[str]:
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    return re.compile(_ACT_PATTERNS[act][loc], _I | re.MULTILINE)


@lru_cache(maxsize=16384)
def find_act(act: str, clause: str, locale: str) -> str | None:
    """The span of ``clause`` showing ``act`` (greets, gives_reason, asks_consent, shows_empathy)."""
    found = _compiled(act, locale).search(clause)
    return found.group(0) if found else None


_APOLOGY = {
    "en_US": re.compile(r"\bsorry\b", _I),
    "zh_CN": re.compile(r"(抱歉|不好意思|对不起)"),
}
_NOT_SORRY_FOR_THEM = {
    # "I'm sorry, I can only help with legal inquiries", "Sorry for the wait", "不好意思，这个不方便
    # 透露": an apology for what the business will not do is politeness, not empathy
    "en_US": re.compile(
        r"\bsorry\W+(but )?(i|we)(?:'re|'m|’re|’m)?( \w+)? (can|can'?t|cannot|only|didn'?t|don'?t|"
        r"couldn'?t|am not|'m not|not|do not|won'?t|was|have)\b|\bsorry for the (wait|delay|late)\b",
        _I,
    ),
    "zh_CN": re.compile(
        r"(不方便|不能|无法|没法|没办法|只在|只能|不清楚|不负责|暂时不|不提供|不透露|久等)"
    ),
}
_ZH_SORRY_FOR_THEM = re.compile(r"(让您|给您(带来|造成|添)|您的|遇到|体验|添了|带来)")


@lru_cache(maxsize=16384)
def empathy(clause: str, locale: str) -> str | None:
    """An acknowledgement of the customer's feelings or situation, not an apology for a refusal."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    for found in _compiled("shows_empathy", loc).finditer(clause):
        if (
            _APOLOGY[loc].search(found.group(0))
            and _NOT_SORRY_FOR_THEM[loc].search(clause)
            and not (loc == "zh_CN" and _ZH_SORRY_FOR_THEM.search(clause))
        ):
            continue
        if loc == "zh_CN" and _ZH_TOPIC_WAVED.search(clause[: found.start()]):
            continue  # 费用这块您别担心: a topic waved away, no feeling acknowledged
        return found.group(0)
    return None


_ZH_TOPIC_WAVED = re.compile(r"(这块|这方面|方面|这一块|的事|这个问题|的问题)[，,～~ ]?(您|你)?$")


_PRESSURE_KINDS = {
    "en_US": re.compile(
        # what is left, counted: "we have 1 left in that color", "2 openings left this week"
        r"\b(\d+|one|two|three|four|five|a few|a couple( of)?|a handful( of)?)( (more|last))?( (spots?|"
        r"slots?|seats?|openings?|appointments?|units?|cars?|trucks?|ones?|rooms?|places?|tickets?|"
        r"vacanc(y|ies)))? (left|remaining)\b|"
        # an offer with its end: "a promo ending this Friday", "$2,500 off MSRP but only through
        # Sunday"
        r"\b(promos?|promotions?|deals?|(?<!we )(?<!i )(?<!they )offers?|specials?|sales?|discounts?|"
        r"rebates?|pricing|incentives?|off)\b[^.!?]{0,25}(\b(ending|ends|expiring|expires) (this |next )?"
        r"(today|tonight|tomorrow|week(end)?|month|midnight|the end of|(mon|tues|wednes|thurs|fri|satur|"
        r"sun)day)|(?<!day )\b(through|thru|until|till) (this )?(today|tonight|tomorrow|weekend|midnight|"
        r"(mon|tues|wednes|thurs|fri|satur|sun)day))\b|"
        # (an offer's validity to the month's end, told as information, is left to the phrases
        # above: two writers labelled "rebate through the end of the month" no push)
        # the book nearly full, or someone else after it: "surgery days are almost full", "I've got
        # a buyer looking at this exact one this afternoon"
        r"\b(almost|nearly|practically) (full|gone|sold out|booked( up)?|filled( up)?)\b|"
        r"\b(i'?ve got|i have|we'?ve got|we have|there'?s|got) (a|another|one|two|\d+) (other )?(buyers?|"
        r"customers?|families|people|couples?|clients?) (looking|interested|coming|asking|lined up)\b|"
        # come soon, for a reason given: "so I'd grab a consult soon", "You should come in today"
        r"\b(i'?d|you should|you'?d want to|better) (grab|book|lock|get|come|sign|reserve|schedule)\b"
        r"[^.!?]{0,25}\b(soon|today|tonight|now|asap|quickly|this week)\b|"
        # waiting has its cost: "Every week you wait he falls further behind", "can you afford not to"
        r"\bevery (day|week|month) (you|we) wait\b|\bcan you afford not to\b|"
        # the door closing: "we close intake at midnight", "our exclusive rate, only available
        # tonight", "today only"
        r"\b(intake|registration|enrou?llment|sign-?ups?|applications?|bookings?)\b[^.!?]{0,10}\b"
        r"(close|closes|closing|ends?|ending)\b|\bclos(e|es|ing) (intake|registration|enrou?llment|"
        r"sign-?ups?|applications|bookings?)\b|\bonly (available|good|valid)( \w+)? (today|tonight|"
        r"until|till|through|thru|this week(end)?)\b|\b(today|tonight) only\b|"
        # others already in, yours left behind: "Other parents already signed up their kids",
        # "you don't want yours falling behind"
        r"\bother (parents|families|students|kids|people|patients|clients|buyers)\b[^.!?]{0,20}\b"
        r"(already|are) (signed|signing|booked|booking|enrolled|enrolling|snapping|grabbing|lining|"
        r"started|starting|joined|ahead)\b|"
        r"\byou (don'?t|do not) want (him|her|them|yours|your \w+) (to )?(fall|falling|get|getting|"
        r"be|being) (left )?(behind|out)\b|"
        # grab it before it goes: "we have one opening tmrw, I'd grab it"
        r"\b(i'?d|you should|you'?d better|better) (grab|snag) (it|that|this|one|them)\b|"
        # the price up unless now: "if you don't book today it goes to $750"; do it tonight: "you
        # need to get this locked in tonight"; "Call us NOW"; a sale's clock: "Book in the next 2
        # hrs", "Spots are limited!", "a special but only today"
        r"\bif you (don'?t|do not|wait)\b[^.!?]{0,20}\b(today|tonight|now|this week)\b[^.!?]{0,10}\b(goes|go|"
        r"jumps?|rises?|will be|'ll be|is gone|are gone)\b|"
        r"\byou (need|have|got|'ve got|gotta) (to )?(get|lock|sign|book|decide|come|move|act)\b[^.!?]{0,25}\b"
        r"(tonight|today|now|asap|right away)\b|"
        r"\b(call|book|sign|come|act|decide|buy|order|register|enrol+)\b[^.!?]{0,12}\b(?-i:NOW|TODAY|"
        r"TONIGHT)\b|\b(book|sign|order|buy|register|enrol+|decide|come in|grab)\b[^.!?]{0,12}\bin the next \d+ ?"
        r"(hours?|hrs?|minutes?|mins?)\b|\b(spots?|slots?|seats?|places|spaces|"
        r"availability) (are|is) (very |extremely |super )?limited\b|\bflash sale\b|"
        r"\bbut only (today|tonight|this week(end)?)\b|"
        # others ahead, yours behind: "their kids are getting ahead while yours falls further behind"
        r"\b(yours|your (kid|child|son|daughter)) (falls?|falling|gets? left|is left) (further |even )?"
        r"behind\b|\bwant to wait (until|till) (he|she|they|it)\b|"
        # a clock, a hold, a regret, a guilt question: "50% off for the next 24 hours only", "enroll
        # before midnight to keep the discount", "pay the retainer today so we can hold your spot",
        # "parents who wait usually regret it", "you want to win or not?", "don't let your child
        # fall further behind"
        r"\bfor the next \d+ ?(hours?|hrs?|days?) only\b|\bbefore (midnight|tonight|they file)\b|"
        r"\b(today|tonight|now)\b[^.!?]{0,15}\bso (we|i) can (hold|save|keep|lock)\b|"
        r"\b(who|that) wait\w*\b[^.!?]{0,25}\bregret\b|(?<!whether )(?<!if )\byou want (to \w+|\w+)[^.!?]{0,20}\bor not\?|"
        r"\bdon'?t let (him|her|them|your \w+) (fall|get left|slip)( further| even further)? behind\b",
        _I,
    ),
    "zh_CN": re.compile(
        # the price changes at a date: 这个月底集采价格就要调了
        r"(月底|月初|下周|下个月|明天|后天|过两天|周[一二三四五六日末]|年底|节后)[^，。！？]{0,10}"
        r"(价格|价|费用|优惠|补贴)[^，。！？]{0,4}(就要|就会|要|会|就)(调|涨|变|取消|没了|结束)|"
        # come early to settle it: 建议早点来定
        r"(早点|尽早|趁早)(来|过来)?(定|订|交|签|报名|下单|锁)|"
        # the price back tomorrow: 明天价格就恢复了
        r"(明天|明儿|过了今天|今天过后|活动结束)[^，。！？]{0,6}(价格|价|优惠)[^，。！？]{0,3}(就)?(恢复|回去|没了|取消)|"
        # so many left, counted: 这周就剩两个名额了
        r"(只|仅|就|还|最后)剩(下)?(最后)?[\d一二两三四五六七八九十几]+(个|位|台|辆|套|间|张)?(名额|位置|空位|号|车|"
        r"台|辆|套|个|位)|"
        # waiting costs: 晚了排不上号, 现在不抓紧到了初三就来不及了, 越拖越难
        r"(晚了|再等|拖到|拖着|错过|不然)[^，。！？]{0,8}(就|可)?(排不上|来不及|没(有)?(了|位置|名额|号)|约不上|抢不到|涨|被动)|"
        # the cost of waiting, the regret, a guilt question: 拖下去…就种不了了, 后悔都来不及,
        # 您到底想不想解决问题？, 今晚咨询免费，明天就要收费了
        r"(拖下去|拖久了)[^。！？]{0,14}(就|会)|后悔(都)?来不及|(到底|究竟)(想不想|要不要)(解决|赢|治|补|做|学)|"
        r"(现在|再)不(抓紧|赶紧|着急|定|报)[^。！？]{0,12}(来不及|就晚了|没了|后悔)|越(拖|晚|等|往后)越(难|贵|麻烦|"
        r"严重|被动)|(年纪|年龄)越大越(难|贵|麻烦)|"
        # others already at it: 别的孩子都在补
        r"(别的|其他|人家)(孩子|家长|同学|客户)(都|早就|已经)(在补|报|报了|定了|开始|上了)|"
        # the price up tomorrow unless now: 今天不约明天就涨到800了
        r"(不(约|定|订|报|签|交|来)(的话)?)?(明天|明儿|过了今天|过了今晚|下周|下个月)[^，。！？]{0,3}就(要)?(涨|贵|变|收费)"
    ),
}
"""Pressure said as what it is: so many left, an offer's end, the book filling, another buyer,
come soon, the cost of waiting. Each a kind of pressure, not one wording of it."""


_CONTRAST = {
    "en_US": re.compile(r"\b(but|though|although|however|except|just that)\b", _I),
    "zh_CN": re.compile(r"不过|但是|但|可是|只是|就是"),
}


@lru_cache(maxsize=16384)
def pressure(clause: str, locale: str) -> str | None:
    """A push to decide now, unless the clause negates it ("there's no hurry", "不用赶紧")."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    clause = clause.replace("*", "")  # "only **3 spots left**": markdown emphasis
    # a kind of pressure said beside "no rush" anywhere in the clause is availability, told;
    # a reassurance opening the clause governs all of it ("No rush at all, we have a few openings
    # left next month too"), one after a topic only its own part (材料先不急，先把代理费交了…)
    # (unless a "but" turns it: "No rush, but we only have 2 spots left, book today!")
    reassured = _REASSURANCE[loc].search(clause)
    turned = reassured and _CONTRAST[loc].search(clause, reassured.end())
    if reassured and not turned and not clause[: reassured.start()].strip(" ,，.!！~～:：-—"):
        return None
    kinds = [] if reassured and not turned else list(_PRESSURE_KINDS[loc].finditer(clause))
    for found in [*_PRESSURE[loc].finditer(clause), *kinds]:
        if negated(clause, found.start(), loc, 4 if loc == "zh_CN" else 20):
            continue
        # the reassurance must be about this push, in its own comma part: 材料先不急，先把代理费
        # 交了，今天交还能打九折 waves the papers away and still pushes for the fee
        part = max(clause.rfind(mark, 0, found.start()) for mark in "，,；;") + 1
        window = clause[max(part, found.start() - 12) : found.end() + 6]
        if _REASSURANCE[loc].search(window):
            continue
        if (
            _BUTTON.search(clause, 0, found.start())
            and _BUTTON_CLOSE.match(clause, found.end()) is not None
        ):
            continue  # 【立即预约】, [Book Now]: a button's label, not a push
        return found.group(0)
    return None


_BUTTON = re.compile(
    r"([【\[][^】\]]{0,2}|[👉➡→👇⬇]\ufe0f?\s?|\b(tap|click|press|hit|select)( on)? ['\"‘“])$", _I
)
_BUTTON_CLOSE = re.compile(r"\s?[】\]'\"’”]|\s*$")
"""A button's label: 【立即预约】, [Book Now], Tap 'Book Now', or a call to action pointed at and
ending the clause ("👉 Book Now")."""


@lru_cache(maxsize=16384)
def promise(clause: str, locale: str) -> str | None:
    """A guaranteed outcome, unless negated, hedged or a question: the first candidate span."""
    return next(iter(promise_spans(clause, locale)), None)


def _own_comma_part(before: str, span: str) -> str:
    """The part of ``before`` after its last comma: a negation governs its own comma clause, so
    "nobody will ever know, I swear" swears, as 不会进去，我跟您保证 does. A pledge with no
    subject of its own continues the clause before ("I can't, honestly, promise that"); an emoji
    ends the clause before whatever follows ("nobody will ever know 💋 promise")."""
    before = _HARD_BREAK.split(before)[-1]
    parts = re.split(r"[,;]", before)
    if len(parts) > 1 and not re.search(r"\w", parts[-1]) and not _EN_SUBJECT.match(span):
        return parts[-2] + "," + parts[-1]
    return parts[-1]


_EN_SUBJECT = re.compile(r"(i|we|you|everyone|everybody|anyone|anybody|it|they|he|she|your)\b", _I)
_HARD_BREAK = re.compile(f"[{EMOJI}]")
"""Emoji: chat's full stops."""


_ZH_REFUND_POLICY = re.compile(
    r"不满意(不要钱|不收钱|不收费|全额退|退全款|可以退|(可以|能|就)?(免费)?(换|退|重做|调换|更换))"
)
_ZH_ENSURE_ASKED = re.compile(r"(请|请您|请你|请先|您要|你要|务必|一定要|需要)先?$")
_ZH_ENSURE_IF = re.compile(r"[^，。！？]{0,14}的话")
"""保证 as "make sure", asked of the customer or made a condition: no pledge of ours."""


def _kept(clause: str, found: re.Match[str], loc: str) -> bool:
    """Whether a candidate pledge ``found`` in ``clause`` stands: not negated, disowned,
    someone else's, a purpose or a symptom."""
    before = clause[max(0, found.start() - (9 if loc == "zh_CN" else 45)) : found.start()]
    suffix = (
        loc == "en_US"
        and found.group(0).lower() in ("guaranteed", "promise", "swear")
        and _EN_SUFFIX_PLEDGE.search(clause[: found.start()]) is not None
        # (to whom it is pledged may follow: "…they're gone, I promise you")
        and not re.search(r"\w", _EN_PLEDGEE.sub("", clause[found.end() :]))
        and not _EN_NEGATED_GUARANTEE.search(clause[: found.start()])
        # how we treat the customer's details or time is a service ("no spam, promise")
        and not _EN_DISCRETION.search(clause[: found.start()])
        # others' claims still are theirs ("other clinics say it's painless, guaranteed"),
        # though "they" here is as often the implants themselves
        and not _EN_THIRD_PARTY.search(_EN_THEY.sub(" ", clause[: found.start()]))
    )
    if loc == "en_US" and not suffix:
        before = _EN_REASSURANCE.sub(" ", before)
        before = _EN_OPENING_HONESTLY.sub(" ", before)
        if (
            _EN_NEGATED_RIGHT_BEFORE.search(_own_comma_part(before, found.group(0)))
            or _EN_THIRD_PARTY.search(clause[: found.start()])
            or _EN_NEGATED_GUARANTEE.search(clause[: found.start()])
        ):
            return False
    elif loc == "zh_CN" and _PROMISE_NEGATORS[loc].search(_ZH_COMMA_CLAUSE.split(before)[-1]):
        return False  # a negation governs its own comma clause: 不会进去，我跟您保证 is a pledge
    if (
        loc == "zh_CN"
        and found.group(0).startswith("保证")
        and (
            _ZH_ENSURE_ASKED.search(clause[max(0, found.start() - 4) : found.start()])
            or _ZH_ENSURE_IF.match(clause, found.end())
        )
    ):
        return False  # 请先保证自身安全, 每天能保证1小时学习的话: the customer asked to ensure it
    if loc == "zh_CN" and any(
        m.start() <= found.end() and found.start() <= m.end()
        for m in _ZH_REFUND_POLICY.finditer(clause)
    ):
        return False  # 试听不满意不要钱: a refund policy read as the pledge, a service
    if loc == "zh_CN" and _ZH_MOST.search(_ZH_COMMA_CLAUSE.split(clause[: found.start()])[-1]):
        return False  # 多数讨薪案件在仲裁阶段就能解决: most cases, not this one pledged
    if loc == "zh_CN" and any(
        m.start() <= found.start() < m.end() for m in _ZH_NEGATED_PLEDGE.finditer(clause)
    ):
        return False
    if (
        loc == "en_US"
        and found.group(0).lower() == "for sure"
        and (
            _EN_KNOW_FOR_SURE.search(clause[: found.start()])
            or _EN_SURE_YES.match(clause)
            or _EN_WE_CAN.search(clause[: found.start()])
        )
    ):
        # "an exam will tell us for sure": certainty to come, not an outcome; "we can work
        # around her schedule for sure": what we can do, said warmly
        return False
    if (
        loc == "zh_CN"
        and found.group(0).startswith("承诺")
        # (a list keeps its subject: 对方承认借款、承诺还款)
        and _ZH_THEIR_PLEDGE.search(re.split(r"[，,；;：:]", before)[-1])
    ):
        return False  # 对方承诺还款的录音: someone else's promise, kept as a record
    if (
        loc == "en_US"
        and found.group(0).lower().startswith("guarantee")
        and _EN_WARRANTY.match(clause, found.start())
        and _EN_WARRANTY_BEFORE.search(clause[: found.start()])
    ):
        return False  # "backed by our lifetime workmanship guarantee": a warranty, a policy
    if (
        loc == "en_US"
        and found.group(0).lower() == "guaranteed"
        and _EN_WARRANTY_TERM.match(clause, found.end())
    ):
        return False  # "Fillings are guaranteed for a year": a warranty for a term
    if (
        loc == "zh_CN"
        and found.group(0).startswith(("肯定", "一定"))
        and _ZH_SURE_DOWNSIDE.match(clause, found.end())
    ):
        return False  # 疼肯定会有点疼啊: a discomfort surely felt, disclosed
    if (
        loc == "zh_CN"
        and found.group(0).startswith("跑不了")
        and _ZH_STILL_HERE.search(clause[max(0, found.start() - 14) : found.start()])
    ):
        return False  # 老公司了，跑不了的: we will still be here to answer for it
    if (
        loc == "en_US"
        and found.group(0).lower() in ("promise", "guaranteed", "swear")
        and _EN_SERVICE_TAGGED.search(clause[: found.start()])
    ):
        return False  # "we walk you through every step, promise": a service pledged
    if (
        loc == "en_US"
        and found.group(0).lower().startswith("guarantee")
        and _EN_BOOKING_SECURES.search(clause[: found.start()])
    ):
        return False  # "Appointments guarantee the vehicle is prepped": what booking secures
    if loc == "zh_CN" and _ZH_NOT_A_PROMISE.match(clause, found.start()):
        return False  # 以保证抗体 (to ensure), 无痛性肿大 (a symptom), 绝对值 (a number)
    if loc == "zh_CN" and _ZH_HARD.search(clause[max(0, found.start() - 14) : found.start()]):
        return False  # 很难根治, 没有办法彻底根治, 没好的药物根治
    if loc == "zh_CN" and found.group(0) in ("无痛",) and _hedged(clause, loc):
        return False
    if (
        loc == "zh_CN"
        and not _ZH_STRONG.search(found.group(0))
        and _ZH_HEDGE.search(_ZH_COMMA_CLAUSE.split(before)[-1])
    ):
        return False  # 大部分都能解决, 一般都能过: a tendency, not a pledge
    if (
        loc == "en_US"
        and found.group(0).lower().startswith("promise")
        and re.match(r"\s+of\b", clause[found.end() :])
    ):
        return False  # "any written promise of pay": a promise as evidence, not ours
    return not (
        loc == "en_US"
        and found.group(0).lower() in ("painless", "pain-free")
        and _hedged(clause, loc)
    )


@lru_cache(maxsize=16384)
def promise_spans(clause: str, locale: str) -> tuple[str, ...]:
    """Every span of ``clause`` that reads as a guarantee (not negated, hedged or asked)."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if clause.rstrip().endswith(("?", "？", "吗")):
        return ()
    if _BARE_YES.match(clause):
        return ()  # "100%." alone is a yes to the question, not a guaranteed outcome
    candidates = list(_PROMISE[loc].finditer(clause))
    if loc == "en_US":
        candidates += list(_EN_CAPS.finditer(clause))
    return tuple(
        found.group(0)
        for found in sorted(candidates, key=lambda m: m.start())
        if _kept(clause, found, loc)
    )


def certainty_spans(clause: str, locale: str, cue: re.Pattern[str]) -> tuple[re.Match[str], ...]:
    """The matches of ``cue`` in ``clause`` that stand as the promise structures' own pledges
    would (the learned reader's sentences are held to the same negation and hedging)."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if clause.rstrip().endswith(("?", "？", "吗")) or _BARE_YES.match(clause):
        return ()
    return tuple(found for found in cue.finditer(clause) if _kept(clause, found, loc))
