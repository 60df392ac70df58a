"""Names customers give for themselves in a chat: "I'm Sarah Connor", "Sarah here", 我是王小明.

An imported chat has no truth to say who the customer is, so a redacted report learns the name
from the customer's own introduction and masks it wherever the chat repeats it. Introductions
are full of ordinary words ("I'm fine", 我是家长), so only name-like words count:

- English: capitalised words ("I'm fine" is no name), not one of the words people capitalise for
  other reasons ("I'm American", "Anyone here?"); "Sarah here" only where a message or sentence
  begins and the clause ends. A name typed in lower case ("hi im sarah connor") counts when it is
  one of Faker's en_US first names (and the surname one of its last names).
- Chinese: two or three characters (three or four with a compound surname) starting with a
  common surname, ending where the clause does or a particle or verb follows (我是张伟想咨询),
  and not a role, place or time word (我是高中生, 我是江苏人, 我是马上要考试的). A surname
  followed by a title (我是王老师) gives the surname alone.

Missing a rare surname leaks a name a reviewer could have been spared; taking 顾客 for a name
only masks a word. The lists lean to catching names, and the tests hold both sides.
"""

from __future__ import annotations

import re
from functools import cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康文牛樊葛邢安易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰俞左柳甘祝宁"
    "舒阮柯纪梅童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝辛靳柴蒙鲍喻祁蒲房滕屈饶牟艾阳穆司卓吉缪麦褚娄"
    "窦戚岑景宫卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池苑邝"
)
"""Common surnames, less those that mostly begin ordinary words after 我是 (查到, 路过, 农民)."""
COMPOUND_SURNAMES = frozenset(
    re.findall("..", "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯轩辕令狐端木独孤南宫")
)
TITLES = (
    "先生", "女士", "小姐", "阿姨", "叔叔", "老师", "律师", "医生", "大夫", "经理", "老板", "同学",
    "总", "哥", "姐", "工",
)  # fmt: skip
"""Words after a surname that make it a form of address (王老师): the surname is the name."""

NOT_NAMES = _words(
    """
    顾客 高中 高三 高二 高一 高考 高级 高龄 高血 高烧 高危 江苏 江西 江浙 安徽 安排 成都 成人
    成年 苏州 武汉 常州 常来 常客 金华 周末 周一 周二 周三 周四 周五 周六 周日 方便 马上 于是
    何时 白天 白领 夏天 丁克 程序 曾经 康复 董事 黄牛 孙子 孙女 石家 林业 钟点 任何 余额 韩国
    宁波 宁夏 温州 文员 司机 房东 房主 童装 甘肃 吉林 桂林 凌晨 毕业 付费 付款 许多 陆续 史上
    毛病 范围 段时 郑州 沈阳 常熟 常德 黄山 黄冈 黄石 兰州 柳州 徐州 唐山 秦皇 邢台 安阳 安庆
    岳阳 江门 梅州 阳江 曲靖 吉安 景德 宁德 龙岩 马鞍 池州 武昌 温岭 余姚 金山 石景 周口 许昌
    苏北 苏南
    """
)
"""Beginnings of words after 我是/本人 that start with a surname but are a role, place or time."""
_ZH_CUE = re.compile(r"(?:我是|我叫|本人(?:是|叫)?|我的名字是|我名叫)")
_ZH_END = re.compile(
    r"$|[\s,，。.!！?？;；:：、~～)）】\]\"'”’…]"  # the clause ends
    r"|[的啊呀呢吧哦啦哈嘛噢喔]"  # a particle
    r"|[想要来找问咨在和跟刚今也就从请]"  # what the writer goes on to do (我是张伟想咨询)
)
_NOT_NAME_END = frozenset("人员户客族者友们")
_PRONOUNS = frozenset("我你您他她它这那哪谁咱俺")

NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]{2,})?(?![A-Za-z])"
"""A capitalised word (O'Brien, Mary-Jane; "Sarah's" gives Sarah), never part of a longer one."""
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?[ \t]+)?"
_ONE_OR_TWO = rf"(?P<name>{NAME}(?:[ \t]+{NAME})?)"
_CLAUSE_ENDS = r"(?=[ \t]*(?:$|[,.!?;:]))"
_EN_PATTERNS = (
    re.compile(rf"\b(?:I['’]m|I[ \t]+am|Im)[ \t]+{_TITLE}{_ONE_OR_TWO}"),
    re.compile(rf"\b[Tt]his[ \t]+is[ \t]+{_TITLE}(?P<name>{NAME}[ \t]+{NAME})"),
    # one word after "this is" is a name only where the clause ends ("this is Sarah, ..." but
    # not "this is Great news") or it says where from
    re.compile(
        rf"\b[Tt]his[ \t]+is[ \t]+{_TITLE}(?P<name>{NAME})(?:{_CLAUSE_ENDS}|(?=[ \t]from\b))"
    ),
    # "Sarah here" opens a message or a sentence and ends its clause ("Click here to book": no)
    re.compile(
        rf"(?:^|[.!?,;:][ \t]*|\b(?:Hi|Hello|Hey)[,!]?[ \t]+){_ONE_OR_TWO}[ \t]+here{_CLAUSE_ENDS}",
        re.MULTILINE,
    ),
)
NOT_ENGLISH_NAMES = _words(
    """
    I A An The This That These Those It Its My Your Our Their His Her We You They He She
    Not Just So Very Really Also Still Here There Back Now Then Today Tomorrow Yesterday
    Sorry Fine Good Great Okay Ok Sure Happy Glad Interested Looking Calling Writing Asking
    Wondering Trying Going Getting Thinking Hoping New Ready Available Free Busy Home Out In On
    At From With For About Worried Concerned Confused Curious Afraid Excited Tired Done Late
    Anyone Anybody Someone Somebody Everyone Everybody Nobody No Nothing Click Right Over Come
    Get Stay Wait Hello Hi Hey Yes Yeah Yep Thanks Thank Please Dear Is Are Am Was Were Do Does
    Did Can Could Would Should Might Must Who What Where When Why How Which Sign Tap Go
    Open Closed Live Work Only Even Almost Totally Definitely Probably Maybe Perhaps Actually
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
    July August September October November December
    American Canadian Mexican British English Irish Scottish Welsh French German Italian Spanish
    Portuguese Dutch Swedish Norwegian Danish Finnish Polish Russian Ukrainian Greek Turkish
    Chinese Japanese Korean Vietnamese Thai Filipino Indian Pakistani Bangladeshi Indonesian
    Malaysian Australian African Nigerian Kenyan Egyptian Brazilian Argentinian Colombian
    Peruvian Chilean Cuban Asian European Latino Latina Hispanic Arab Persian Jewish Muslim
    Christian Catholic Protestant Buddhist Hindu Mormon Baptist Vegan Vegetarian Black White
    """
)
"""Words people capitalise after "I'm" or before "here" that are no names (I'm American)."""


_LOWER_CUE = re.compile(
    r"(?i:\b(?:my[ \t]+name[ \t]+is|my[ \t]+name['’]s|i['’]m|i[ \t]+am|im|this[ \t]+is"
    r"|call[ \t]+me))"
    r"[ \t]+(?P<first>[a-z]+)(?:[ \t]+(?P<last>[a-z]+)(?P<end>[ \t]*(?:$|[,.!?;:]))?)?(?![A-Za-z])"
)
"""An introduction typed all in lower case ("hi im sarah connor", "my name is priya")."""
_LOWER_NOT_NAMES = _words(
    "joy grace hope faith summer april may june dawn will sunny rich bill mark art"
)
"""First names that are also words people write after "i'm" or "this is" ("this is april's
bill", "i'm will..."): lower case, they are not taken for names."""


_LOWER_NOT_SURNAMES = _words(
    "and or but here again too also thanks thank please from with about ok okay lol hi hello "
    "the a an of to in on at for by is am are was"
)


@cache
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased first and last names from Faker's en_US lists (about 700 and 1,000)."""
    from faker.providers.person.en_US import Provider

    first = frozenset(n.lower() for n in Provider.first_names) - _LOWER_NOT_NAMES
    last = frozenset(n.lower() for n in Provider.last_names)
    return first - {w.lower() for w in NOT_ENGLISH_NAMES}, last


def _lower_case_names(text: str) -> list[str]:
    """Names typed in lower case after an introduction, when they are known first names.

    A capitalised word is name-like by itself; a lower-case one is taken only when it is one of
    Faker's first names, so "i'm fine" and "this is great" stay as they are; the next word is its
    surname when Faker knows it or when it ends the clause ("im sarah connor, ..."): masking a
    stray word is a smaller harm than showing a surname.
    """
    first_names, last_names = _name_lists()
    found = []
    for match in _LOWER_CUE.finditer(text):
        first, last = match.group("first"), match.group("last")
        if first not in first_names:
            continue
        surname = (
            last is not None
            and last not in _LOWER_NOT_SURNAMES
            and (last in last_names or match.group("end") is not None)
        )
        found.append(f"{first} {last}" if surname else first)
    return found


def english_names(text: str) -> list[str]:
    """Names an English writer gives for itself in ``text`` ("I'm Sarah", "Sarah here",
    "hi im sarah")."""
    found = []
    for pattern in _EN_PATTERNS:
        for match in pattern.finditer(text):
            words = []
            for word in match.group("name").split():
                if word in NOT_ENGLISH_NAMES:
                    break
                words.append(word)
            if words:
                found.append(" ".join(words))
    return found + _lower_case_names(text)


def _zh_candidate(text: str, start: int) -> str | None:
    """The name (or a lone surname before a title) that starts at ``start``, if one does."""
    compound = text[start : start + 2] in COMPOUND_SURNAMES
    surname_len = 2 if compound else 1
    if not compound and text[start : start + 1] not in SURNAMES:
        return None
    rest = text[start + surname_len :]
    for title in TITLES:
        if rest.startswith(title):
            return text[start : start + surname_len]
    for given in (1, 2):
        name = text[start : start + surname_len + given]
        if len(name) < surname_len + given or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            return None
        if not _ZH_END.match(text, start + len(name)):
            continue
        if any(name.startswith(word) for word in NOT_NAMES) or name[-1] in _NOT_NAME_END:
            return None
        return name
    return None


def chinese_names(text: str) -> list[str]:
    """Names a Chinese writer gives for itself in ``text`` (我是王小明, 本人张伟).

    A single character is a surname used with a title (我是王老师): the caller masks it only
    where it is used as a name.
    """
    found = []
    for cue in _ZH_CUE.finditer(text):
        start = cue.end()
        if text[start : start + 1] in _PRONOUNS:
            continue
        name = _zh_candidate(text, start)
        if name:
            found.append(name)
    return found


def self_names(text: str) -> list[str]:
    """Every name a customer gives for itself in one message, English or Chinese."""
    return english_names(text) + chinese_names(text)
