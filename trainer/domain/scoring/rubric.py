"""The rubric: every item that can earn or cost points, with its patterns and model phrasings.

Items are data, so ``docs/scoring.md`` can list them and tests can walk them. English and Chinese
patterns are applied to every reply, which is what makes mixed replies work; the reply's language
only chooses which model phrasing is shown for a missed item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.domain.scenario import Dimension
from trainer.domain.scoring import exemplars as X


@dataclass(frozen=True)
class Item:
    id: str
    dimension: Dimension
    points: int
    """Positive: earned when found. Negative: lost when found."""
    why: str
    """One sentence a trainee can read: what this item rewards or punishes."""
    model: dict[str, str]
    """A model phrasing per language, shown when a positive item is missed."""
    patterns: tuple[str, ...] = ()
    exemplars: tuple[str, ...] = ()
    """Phrasings matched by meaning (see :mod:`meaning`), when the patterns find nothing."""
    threshold: float = 1.0
    """The similarity to an exemplar that earns the item."""
    blockers: tuple[str, ...] = ()
    """Patterns that undo the item in a sentence, e.g. negation: "I'm not sorry"."""
    counter_exemplars: tuple[str, ...] = ()
    """Phrasings on the same topics that do NOT show the item; a sentence must be nearer an
    exemplar than any of these (by ``MEANING_MARGIN``) to earn the item by meaning."""
    needs_commitment: bool = False
    """Counts only in a sentence that commits to, offers or asks for something."""

    @property
    def regex(self) -> re.Pattern[str]:
        return compiled(self.patterns)

    @property
    def blocker_regex(self) -> re.Pattern[str] | None:
        return compiled(self.blockers) if self.blockers else None


_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    if patterns not in _CACHE:
        _CACHE[patterns] = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    return _CACHE[patterns]


#: How much nearer a sentence must be to an exemplar than to a counter-exemplar.
MEANING_MARGIN = 0.05

# Shared pieces ------------------------------------------------------------------------------------

_NUM_ZH = "[一二两三四五六七八九十半0-9]"
_NUM_EN = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|half an?)"
#: A sentence that says what will happen ("your card will be ready", "新卡明天就能取") commits to
#: it even without "I".
FUTURE = re.compile(r"\b(?:will|'ll|shall|going to|goes|arrives?|ready|due|can|comes?)\b|会|将|就能|能|寄到|到账|可以取|就好", re.IGNORECASE)
#: A time or amount right after one of these is a guess, not a commitment ("maybe tomorrow").
HEDGE = re.compile(r"(?:\b(?:maybe|probably|perhaps|possibly|might|may be|or so|I guess|I think)\b|"
                   r"可能|也许|说不定|估计|不一定)[^.!?。！？]{0,12}$", re.IGNORECASE)
TIME_FRAME = (
    r"\b(?:by|before|until|within|in|at|around|about)\s+(?:the\s+)?(?:next\s+)?"
    r"(?:\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?)\s*"
    r"(?:-?\s*(?:minutes?|mins?|hours?|hrs?|days?|working days?|business days?|weeks?))",
    r"\b(?:by|before|at|around|until|after|from)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)?",
    rf"\b{_NUM_EN}\s+(?:minutes?|mins|hours?|working days?|business days?|days?|weeks?)\b",
    r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)",
    r"\b(?:today|tonight|tomorrow(?: morning| afternoon)?|this (?:morning|afternoon|evening)|"
    r"right now|right away|straight away|immediately|on the spot|end of (?:the )?day|"
    r"(?:next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    rf"{_NUM_ZH}+\s*(?:分钟|个?小时|个?工作日|天|周|个星期)(?:内|之内|以内|后)?",
    rf"(?:今天|明天|后天|今晚|本周|下周)(?:[上下]午|晚上)?(?:{_NUM_ZH}+点(?:半|钟)?)?(?:前|之前|以前)?",
    rf"(?:上午|下午|晚上){_NUM_ZH}+点(?:半|钟)?(?:前|之前)?",
    rf"{_NUM_ZH}+点(?:半|钟)?(?:到|至|前|之前|以前|以后)", r"工作日",
    r"马上|立即|立刻|现在|当场|当面", r"\bnow\b",
)
#: Relative days and "now" are concrete only where something is promised ("it's busy today" is not).
RELATIVE_TIME = re.compile(r"^(?:today|tonight|now|right now|this (?:morning|afternoon|evening)|今天|今晚|现在|马上)$",
                           re.IGNORECASE)
DATES_AND_PLACES = (
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?\b",
    r"\b(?:on|by|from|until) the \d{1,2}(?:st|nd|rd|th)\b",
    r"\b(?:counter|window|desk|room|floor) \d+\b", r"\blast (?:four|4) digits\b",
    rf"{_NUM_ZH}+月{_NUM_ZH}+[日号]", r"(?:周|星期|礼拜)[一二三四五六日天]", rf"{_NUM_ZH}+号(?:窗口|柜台)",
    r"尾号", r"(?:\d+|[一二三四五六七八九十]+)(?:期|次)",
)
AMOUNT = (
    r"[$£€¥]\s?\d[\d,]*(?:\.\d+)?",
    r"\b\d[\d,]*(?:\.\d+)?\s*(?:dollars|pounds|euros|yuan|rmb|pence|cents|percent|%)",
    r"[一二两三四五六七八九十百千万半0-9][一二两三四五六七八九十百千万0-9,.]*\s*(?:元|块钱?|万元?|毛|%|个百分点)",
)

#: Naming exactly what to bring or what is needed is a concrete specific too.
DOCUMENTS = (
    r"\b(?:ID card|passport|proof of address|bank card|reference number|receipt|original document)s?\b",
    r"身份证|户口本|护照|原件|复印件|存折|银行卡|回单|受理编号|凭证",
)

# Empathy ------------------------------------------------------------------------------------------

ACKNOWLEDGE = Item(
    "acknowledge_feeling", "empathy", 30,
    "Names or acknowledges how the customer feels.",
    {"en": "I can see how frustrating this is for you.", "zh-CN": "我理解您的心情，这确实让您着急了。"},
    (
        r"\bI\s+(?:can\s+|completely\s+|totally\s+|fully\s+|really\s+)?"
        r"(?:see|understand|imagine|hear|get)\s+(?:how|why|that|what|your|you)",
        r"\bI\s+(?:completely\s+|totally\s+|fully\s+|really\s+|do\s+)?understand"
        r"(?=\s*(?:[,.!;—-]|$|how\b|why\b|this (?:is|must)\b|what you(?:'re| are) going through|"
        r"your (?:frustration|concern|worry|anger|feelings?|position|situation|disappointment)\b))",
        r"\b(?:that|this|it)(?:'s| is| must be| would be| sounds)\s+(?:so\s+|really\s+|very\s+|incredibly\s+)?"
        r"(?:frustrating|stressful|upsetting|worrying|annoying|infuriating|awful|a worry|unsettling)",
        r"\b(?:frustrat\w*|stressful|upset(?:ting)?|worr(?:y|ied|ying)|annoy\w*|embarrass\w*|humiliat\w*|"
        r"scar(?:y|ed|ing)|distress\w*|infuriat\w*|"
        r"disappoint\w*)\b",
        r"\bno wonder\b", r"\b(?:that's|that is|what) (?:a |an |such a )?(?:horrible|terrible|awful|rotten|nightmare|worrying)\b", r"\bI(?:'d| would) (?:be|feel) (?:the same|upset|angry|frustrated)",
        r"\bI feel for you\b", r"\bin your (?:shoes|position|place)\b", r"\bfed up\b",
        r"\b(?:the )?last thing you need\b", r"\bwhat a (?:nightmare|pain|mess|worry|shock)\b", r"\byour money is (?:safe|secure)\b", r"\b(?:don't|do not) worry\b",
        r"您放心", r"(?:您的)?钱(?:是)?安全的", r"别(?:太)?(?:着急|担心)",
        r"理解(?:您|你)(?!的意思|(?:是|要|想|说))", r"明白(?:您|你)(?!的意思|(?:是|要|想|说))", r"体谅", r"让您(?:着急|担心|生气|失望|受累|为难|久等|跑)",
        r"您的心情", r"辛苦(?:您)?了", r"换(?:作|成)是我", r"难怪您", r"确实(?:很|太)?(?:着急|麻烦|糟心|不方便)",
        r"(?:着急|担心|生气|不满)(?:是)?(?:很)?(?:正常|可以理解)",
        r"我(?:完全|非常|很|特别|都|能)?(?:理解|明白)(?!(?:您|你)的意思|(?:您|你)(?:是|要|想|说))",
        r"换(?:了)?谁(?:心里)?都", r"消消气", r"(?:心里)?不好受", r"(?:委屈|受累)(?:您)?了",
        r"(?:您|你)(?:一定|肯定|很|这么|会|真|挺|特别){0,3}(?:着急|生气|担心|难过|不放心|窝火|心急)",
        r"尴尬|难堪|闹心|糟心|憋屈|不舒服", r"(?:心情|感受)(?:我)?(?:能)?(?:理解|明白)",
    ),
    exemplars=X.ACKNOWLEDGE, threshold=0.62,
    blockers=(r"\b(?:don't|do not|can't|cannot|fail to)\s+(?:see|understand|imagine|get)\b",
              r"\bno (?:need|reason) to (?:be|get)\b", r"(?:不|无法)(?:理解|明白)", r"有什么好(?:着急|生气|激动)", r"没(?:必要|什么好)(?:着急|生气)"),
)
APOLOGY = Item(
    "apology", "empathy", 25,
    "Apologises sincerely for the impact on the customer.",
    {"en": "I'm sorry you've been put through this.", "zh-CN": "非常抱歉给您带来了不便。"},
    (
        r"\b(?:I'm|I am|we're|we are|I'm so|I'm really)\s+(?:so\s+|very\s+|really\s+|truly\s+|"
        r"terribly\s+|deeply\s+)?sorry\b",
        r"^\s*(?:so |very |really )?sorry\b", r"^\s*(?:my |our )?(?:sincere )?apologies\b", r"\b(?:my|our)\s+(?:sincere\s+)?apologies\b",
        r"\bI\s+(?:sincerely\s+)?apologi[sz]e\b", r"\bwe\s+apologi[sz]e\b",
        r"抱歉", r"对不起", r"不好意思", r"(?:向您)?道歉",
    ),
    blockers=(r"\b(?:not|never|won't|will not)\s+(?:going to\s+)?(?:be\s+)?(?:sorry|apologi[sz]e)",
              r"\bnothing to (?:be sorry|apologi[sz]e)", r"\bsorry\s*\?", r"\bno apolog",
              r"不(?:会|用|需要|必)[^。！？，]{0,4}(?:道歉|抱歉)", r"没(?:什么|有)?(?:好|可|要)?(?:道歉|抱歉|对不起)",
              r"(?:对不起|抱歉)[？?]"),
)
VALIDATE = Item(
    "validate_expectation", "empathy", 15,
    "Tells the customer their expectation is fair.",
    {"en": "You're right to expect your money to be safe.", "zh-CN": "您的要求是合理的。"},
    (
        r"\byou(?:'re| are)\s+(?:absolutely\s+|completely\s+|quite\s+)?right\b",
        r"\b(?:you )?(?:have|had) every right\b", r"\bfair (?:point|question|enough)\b", r"\bwould expect\b",
        r"\bperfectly (?:fair|reasonable|natural)\b",
        r"\b(?:it's|that's|it is|that is)\s+(?:completely\s+|totally\s+|perfectly\s+)?"
        r"(?:fair|reasonable|understandable|a fair question)\b",
        r"\b(?:shouldn't|should not|should never) have (?:happened|had to)\b",
        r"\byou shouldn't have to\b",
        r"您说得(?:对|没错|有道理)", r"(?:您的)?(?:要求|想法|担心)(?:是|很|完全)?合理", r"(?:这确实|确实|就)?是我们(?:的)?(?:问题|失误|责任|不对|错)",
        r"(?:本|确实)不应该", r"您(?:的)?担心是对的", r"(?:一点)?(?:都|也)?不过分", r"(?:一点)?都?没错", r"(?:很|挺)?有道理",
    ),
    exemplars=X.VALIDATE, threshold=0.66,
    blockers=(r"\byou(?:'re| are) not right\b", r"\bnot (?:fair|reasonable)\b", r"(?:您|你|要求)(?:说得|这样|的要求)?(?:是)?不(?:合理|对)"),
)
OWNERSHIP = Item(
    "ownership", "empathy", 20,
    "Takes personal ownership of the problem.",
    {"en": "I'll deal with this myself and see it through.", "zh-CN": "这件事我来负责跟进到底。"},
    (
        r"\bI(?:'ll| will)\s+(?:personally\s+)?(?:take care of|handle|deal with|sort|own|look after|"
        r"make sure|see (?:this|it) through|take (?:this|it) (?:on|from here))",
        r"\blet me\s+(?:personally\s+)?(?:help|sort|fix|take care|handle|deal)",
        r"\bI(?:'m| am)\s+(?:going to|here to)\s+(?:personally\s+)?(?:help|sort|fix|handle|deal with|take care of|look after)",
        r"\bpersonally\b",
        r"\bleave it (?:with|to) me\b",
        r"我来(?:负责|处理|跟进|帮您|为您|解决|办)", r"这件事(?:我|由我)", r"全程", r"我这边(?:来|帮您|给您|负责)?(?:处理|办|跟)", r"交给我", r"我(?:亲自|负责)",
        r"我(?:会|一定|马上|现在|这就|今天)(?:就)?(?:帮您|为您|给您)", r"我(?:来)?帮您",
    ),
    exemplars=X.OWNERSHIP, threshold=0.64,
    blockers=(r"\b(?:not|won't|can't|cannot)\b[^.!?]{0,15}\b(?:help|deal|handle|sort|my (?:job|problem|department))",
              r"不(?:是我|归我)", r"帮不了", r"管不了"),
)
COURTESY = Item(
    "courtesy", "empathy", 10,
    "Uses courteous forms: please, thank you, 您, 请, 谢谢.",
    {"en": "Thank you for waiting, and please bear with me a moment.", "zh-CN": "谢谢您的耐心，请稍等。"},
    (r"\bplease\b", r"\bthank(?:s(?! to\b)| you)\b", r"\b(?:Mr|Mrs|Ms|Miss|sir|madam)\b\.?",
     r"谢谢", r"请(?!假|客)", r"您"),
)
BLAME = Item(
    "blame", "empathy", -25,
    "Blames the customer.",
    {},
    (
        r"\byou should(?:'ve| have)\b(?!\s+been\b)", r"\byou (?:didn't|did not|never|forgot to)\b",
        r"\byour (?:own )?fault\b", r"\bwhy didn't you\b", r"\byou must have\b",
        r"\bif you(?: had|'d) (?!like|prefer|rather)", r"\bwhen you don't\b",
        r"\byou (?:didn't|did not|don't|never) (?:read|check|tell|bring|come|call|listen|follow|report)\b",
        r"怎么不早点", r"(?:您|你)自己(?:没|不|的问题|搞错|把|输错|弄)", r"(?:您|你)(?:应该|本该|早该)(?!会|能|可以|收到)",
        r"(?:是|都是|怪)(?:您|你)(?:自己)?",  r"谁让(?:您|你)", r"早(?:就)?(?:应该|该)",
        r"(?:您|你)应该早", r"是(?:您|你)(?:自己)?(?:的问题|操作错|没看)",
    ),
)
DISMISSAL = Item(
    "dismissal", "empathy", -30,
    "Dismisses the customer or the problem.",
    {},
    (
        r"\bcalm down\b", r"\b(?:there's|there is)\s+nothing\s+(?:I|we)\s+can\s+do\b",
        r"\bnothing (?:I|we) can do\b", r"\bnot my (?:department|job|problem|responsibility)\b",
        r"\bI don't know\b(?![^.!?]{0,40}\b(?:but|find out|I'll check|let me check|I'll ask|let me ask|I can ask)\b)",
        r"\b(?:ask|try) someone else\b",
        r"\bwhat do you want me to do\b", r"\bnot (?:my|our) (?:fault|problem)\b",
        r"\bdeal with it\b", r"\bcome back (?:tomorrow|later)\b(?![^.!?]{0,30}\b\d)",
        r"冷静一?(?:点|下)", r"别激动", r"别(?:在这儿?)?(?:嚷嚷|吵)", r"至于吗", r"不归我管",
        r"我(?:也)?不知道(?![^。！？]{0,15}(?:但|帮您|我(?:去|来|帮您)?(?:查|问)))", r"(?:问|找)别人去",
        r"(?:我也)?没(?:有)?办法", r"有完没完", r"自己找", r"明天再来", r"我有什么办法", r"没看见我忙",
        r"问(?:我们)?领导去", r"跟我说没用",
    ),
)
DEFENSIVE = Item(
    "defensive", "empathy", -20,
    "Hides behind the system or the rules instead of helping.",
    {},
    (
        r"\b(?:it's|that's|it is|that is)\s+(?:just\s+)?(?:the\s+)?(?:system|computer)\b",
        r"\b(?:it's|that's|it is|that is)\s+(?:just\s+)?(?:the\s+|our\s+|bank\s+)?(?:policy|rules?)\b"
        r"(?![^.!?]{0,40}\b(?:but|however|what I can)\b)",
        r"\b(?:rules|policy) (?:is|are) (?:the )?(?:rules|policy)\b", r"\bthat's (?:just )?(?:how|the way) it is\b",
        r"\b(?:head office|the system|the computer|the bank) (?:sets|won't let|doesn't let|decides)\b", r"\bnot me\b",
        r"\bno point complaining\b",
        r"这是(?:上级|银行|我们的)?规定(?![^。！？]{0,20}(?:但|不过|可以为您|我可以))",
        r"系统(?:的)?问题(?:[，,]?我)?(?:也)?(?:没办法|管不了)", r"规定就是这样", r"(?:上级|总行|上面)(?:定|规定)的",
        r"系统就是这么", r"(?:我们|我)改不了", r"电脑不让", r"跟我说也没用",
    ),
)
CANCELLED_APOLOGY = Item(
    "cancelled_apology", "empathy", -15,
    "An apology cancelled by what follows (\"sorry, but…\").",
    {},
    (r"\b(?:sorry|apologi[sz]e|apologies)\b[^.!?]{0,40}\bbut\b(?![^.!?]{0,30}\b(?:I|we)(?:'ll| will| can)\b)",
     r"(?:抱歉|对不起|不好意思)[^。！？]{0,12}(?:但是?|可是|不过)(?![^。！？]{0,15}(?:我(?:可以|会|来|马上|现在|帮)|可以(?:帮|为|给)您))"),
)
CONDITIONAL_APOLOGY = Item(
    "conditional_apology", "empathy", -15,
    "A conditional apology (\"sorry if you feel…\").",
    {},
    (r"\bsorry (?:if|that) you (?:feel|felt|think|thought|were offended)\b", r"\b(?:sorry|apologi[sz]e|apologies)\s+if\b",
     r"\bif you (?:were|felt|feel|are|got)\b[^.!?]{0,50}\b(?:sorry|apologi)",
     r"(?:如果|要是)[^。！？]{0,20}(?:的话)?[，,]?\s*(?:那)?(?:我)?(?:就)?(?:抱歉|对不起|不好意思|道个?歉)",
     r"\bsorry you feel that way\b",
     r"如果(?:您|你)觉得[^。！？]{0,12}(?:抱歉|对不起)", r"(?:您|你)要是觉得[^。！？]{0,12}(?:抱歉|对不起)"),
)

# Clarity ------------------------------------------------------------------------------------------

SPECIFICS = Item(
    "concrete_specifics", "clarity", 20,
    "Gives concrete specifics: a time, an amount, what exactly happens next.",
    {"en": "Your card will be back in your hands within ten minutes.",
     "zh-CN": "十分钟内把卡还给您，今天下午五点前给您回电话。"},
    TIME_FRAME + AMOUNT + DOCUMENTS + DATES_AND_PLACES,
)
MORE_SPECIFICS = Item(
    "more_specifics", "clarity", 15,
    "Gives more than one concrete detail (a time and an amount, what to bring and when...).",
    {"en": "Your card will be here by 2 pm, and I can pay out the 200 pounds now.",
     "zh-CN": "下午两点前卡就能取回，两百块现金现在就可以先给您。"},
)
ORDERED = Item(
    "steps_in_order", "clarity", 20,
    "Puts the steps in order (first…, then…).",
    {"en": "First I'll check your ID, then I'll open the machine.", "zh-CN": "首先核对您的身份，然后我去开机取卡。"},
    (r"\bfirst(?:ly)?\b", r"\bthen\b", r"\bafter that\b", r"\bnext\b", r"\bonce (?:that|I|we|it)\b",
     r"\bfinally\b", r"\bstep (?:one|two|three|\d)\b", r"首先", r"然后", r"接着", r"之后", r"第一步?", r"最后", r"先[^。！？]{1,20}再"),
)
CHECKS = Item(
    "checks_understanding", "clarity", 20,
    "Checks understanding or summarises the plan.",
    {"en": "So, to confirm: your card back in ten minutes and cash now. Does that work for you?",
     "zh-CN": "我跟您确认一下：十分钟内取回卡，现在先取现金，您看可以吗？"},
    (r"\bto confirm\b", r"\bdoes that (?:work|sound|help|make sense)\b", r"\bis that (?:right|ok|okay|alright)\b",
     r"\bto sum(?:marise|marize| up)\b", r"\blet me make sure\b", r"\bjust to check\b",
     r"\bif I understand\b", r"\bso you(?:'re| are) saying\b", r"\bwould that (?:work|help)\b",
     r"\bjust to make sure\b", r"\brepeat (?:that |it |the plan )?back\b", r"\bI've got (?:this|that|it) right\b",
     r"\b(?:any|other) questions\b", r"\bmake sense\?", r"不清楚(?:的)?(?:吗|地方)", r"(?:清楚|明白)了吗",
     r"确认一下", r"您看(?:这样)?(?:可以|行|好)吗", r"对吗", r"是吗[？?]", r"总结一下", r"您(?:还有|有)什么(?:问题|疑问)",
     r"我(?:再)?(?:重复|复述)一下", r"您的意思是"),
)
PLAIN = Item(
    "plain_and_short", "clarity", 25,
    "Short sentences in plain words, with no unexplained jargon.",
    {"en": "Keep each sentence to one idea, in everyday words.", "zh-CN": "每句话只说一件事，用客户听得懂的话。"},
)
JARGON = Item(
    "jargon", "clarity", -15,
    "Uses banking jargon without explaining it.",
    {},
    (r"\bT\+\d\b", r"\bclearing\b", r"\bLPR\b", r"\bbasis points\b", r"\bspread\b", r"\brepric\w+",
     r"\bKPIs?\b", r"\bthroughput\b", r"\bops\b", r"\breject bin\b", r"\bmobile channel\b",
     r"\brationali[sz]ation\b", r"\bmigrat\w+\b", r"\bvelocity rules?\b", r"\bauto-?declined\b",
     r"\bissuer(?: level)?\b", r"\bbureau\b", r"\bdecisioning\b", r"\breason codes?\b", r"\bscorecard\b",
     r"\bunderwrit\w+\b", r"\bmid-market\b", r"\bbanding\b", r"\bSLA\b", r"\bBAU\b",
     # An unexplained acronym is jargon, except the few every customer knows.
     r"(?-i:\b(?!(?:ID|ATM|PIN|OK|SMS|UK|US|USA|EU|PM|AM|IBAN|VIP|TV|PDF|QR|CEO|APP)\b)[A-Z]{2,5}\b)",
     r"基点", r"加点", r"重定价", r"LPR", r"轧差", r"对账", r"风控模型", r"非柜面", r"白名单", r"限额管理", r"挂牌利率",
     r"跟随定价", r"结构性存款", r"同业存单", r"赎回费率", r"久期", r"起息", r"\bbatch (?:run|process\w*|job)\b", r"\bcore (?:banking )?system\b",
     r"\bsettlement (?:cycle|window)\b", r"\bKYC\b", r"\bAML\b", r"\breconciliation\b", r"\bSWIFT\b",
     r"\bchargeback\b", r"\bvalue date\b", r"\bnostro\b", r"\bposting\b", r"\bfloat\b",
     r"清算", r"批处理", r"风控拦截", r"冲正", r"轧账", r"头寸", r"挂账", r"日终", r"T\+\d", r"圈存", r"抹账"),
)
VAGUE = Item(
    "vague_promise", "clarity", -15,
    "Promises something vaguely (\"soon\", \"尽快吧\") without a concrete time.",
    {},
    (r"\bsoon\b", r"\bat some point\b", r"\bwe'll see\b", r"\bsometime\b", r"\bin a while\b",
     r"\bas soon as (?:possible|we can)\b", r"\beventually\b", r"\bshortly\b", r"\bget back to you\b",
     r"\blater\b", r"尽快", r"稍后", r"晚点", r"到时候再说", r"抓紧", r"有消息(?:会|再|就)?(?:联系|通知)", r"等通知", r"过几天", r"回头(?:再)?", r"等等看", r"再说吧", r"有消息(?:再)?通知"),
)
FILLER = Item(
    "filler", "clarity", -10,
    "Hedges and fillers (um, I guess, maybe, 嗯, 那个).",
    {},
    (r"\bum+\b", r"\buh+\b", r"\ber+m?\b", r"\bI guess\b", r"\bmaybe\b", r"\bkind of\b", r"\bsort of\b",
     r"\bI think maybe\b", r"\bprobably\b", r"嗯+", r"那个(?=[，,、\s…])", r"这个(?=……|…)", r"怎么说呢", r"(?<!也)就是说", r"可能吧", r"应该吧", r"大概吧"),
)
RUN_ON = Item(
    "run_on", "clarity", -15,
    "A run-on sentence that buries the answer.",
    {},
)

# Solution -----------------------------------------------------------------------------------------

ACK_FIRST = Item(
    "acknowledge_first", "solution", 10,
    "Acknowledges the customer before solving (CARP order).",
    {"en": "Start with how they feel, then the plan.", "zh-CN": "先安抚情绪，再讲解决办法。"},
)
SOLVED_FIRST = Item(
    "solved_before_acknowledging", "solution", -10,
    "Jumps to the solution before acknowledging the customer, which feels dismissive.",
    {},
)
CLARIFY = Item(
    "clarify_details", "solution", 20,
    "Asks for or restates the specific details of the problem.",
    {"en": "Can you tell me the date and amount of the transfer?",
     "zh-CN": "请问您是哪一天、转了多少钱？我记录一下。"},
    (r"\bcan you (?:tell|give|show|confirm)\b", r"\bwhat (?:do|did|would) you need\b",
     r"\bwhat (?:happened|time|date|amount)\b", r"\b(?:when|which|what time|how much|where)\b[^.!?]{0,80}\?",
     r"\bso\b[^.!?]{0,120}(?:is that right|right|correct)\?", r"也就是说", r"(?:几点|哪(?:台|个|张|一|家|天)|什么时候|多少)[^。！!]{0,30}[？?]", r"\bdo you (?:have|remember|know) (?:the|your|when|which|how)\b", r"\bcould you (?:tell|give|show|confirm)\b",
     r"\bmay I (?:see|have|check|ask|take)\b", r"\bwhich (?:account|card|transaction|branch|form|day)\b",
     r"\bwhen did\b", r"\bhow much\b", r"\bso you(?:'re| are) saying\b", r"\blet me (?:check|look up|note)\b",
     r"\bI(?:'ll| will) (?:check|look up|note down|write down)\b", r"\b(?:your|the) (?:ID|identification|details|reference)\b",
     r"请问", r"能(?:不能)?告诉我", r"麻烦您(?:提供|出示|说一下)", r"您是说", r"核实", r"(?:我|帮您)查(?:一下|询)", r"登记",
     r"记录(?:一下|下来)", r"身份证", r"哪一天", r"多少钱"),
    exemplars=X.CLARIFY, threshold=0.66, counter_exemplars=X.NOT_ACTION,
)
ACTION = Item(
    "concrete_action", "solution", 35,
    "Offers a concrete action or a real alternative.",
    {"en": "I'll open the machine now and give you cash at the counter.",
     "zh-CN": "我现在就帮您把卡取出来，也可以先在柜台给您取现金。"},
    (
        # "I'll / I can / we can / let me" + a verb: a commitment, whatever the verb, unless the
        # verb only talks ("I'll explain", "I can understand", "we'll see").
        r"\b(?:I|we)(?:'ll| will| can| could| am going to|'m going to|'re going to| are going to)\s+"
        r"(?:\w+ly\s+|also\s+|now\s+|first\s+)?"
        r"(?!be\b|not\b|never\b|only\b|just\b|try\b|see\b|understand\b|imagine\b|tell\b|say\b|"
        r"explain\b|hear\b|feel\b|guarantee\b|promise\b|assure\b|apologi[sz]e\b|have to\b|look into it\b|"
        r"miss\b|hope\b|wish\b|need\b|want\b|get back to you\b|do nothing\b|do anything\b)"
        r"[a-z]+",
        r"\blet me\s+(?:\w+ly\s+|just\s+|now\s+)?(?!know\b|be\b|explain\b|say\b|tell\b|finish\b|think\b)[a-z]+",
        r"\bwhat I can do is\b", r"\binstead\b", r"\bthe alternative\b", r"\bcan offer\b",
        r"\b(?:I|we)(?:'ll| will) look into\b",
        # Options the customer can take, and things already done for them.
        r"\b(?:I|we)(?:'ve| have) (?:just |already |now )?(?!been\b|had\b|got\b|seen\b|heard\b|told\b|tried\b)[a-z]+ed\b",
        r"\bon (?:its|their) way\b",
        r"(?:^|[.!?]\s+)(?:please\s+)?(?:fill in|fill out|sign|bring|take|log (?:in|out)|reinstall|download|use|show|send|come back)\b",
        r"(?:^|[。！？]\s*)(?:请|麻烦)?(?:您)?(?:先)?(?:填|签|带|拿着|出示|提供|登录|重新)",
        r"\byou (?:can|could|may) (?:also |still |now )?(?!just\b|only\b|always\b|try\b|call the\b|ring\b)[a-z]+",
        r"\b(?:two|three|several|a few|other) (?:options|choices|ways)\b", r"\balternatively\b",
        r"\b(?:has|have) (?:now |just )?been (?:removed|lifted|fixed|refunded|reversed|unblocked|restored|credited|sent|cancelled|waived)\b",
        r"(?:我|我们)(?:现在|马上|这就|会|来|可以|立即|立刻|先|亲自|今天|就|这边|去|再)*(?:帮|为|给|替)(?:您|你)"
        r"(?!解释|说|讲|道歉|添麻烦)[一-龥]",
        r"我(?:现在|马上|立刻|这就)(?:就)?(?:去|来)?(?!说|解释|讲)[一-龥]{1,4}",
        r"可以(?:帮您|为您|给您)", r"我们可以", r"(?:两|几|三)(?:个|种)(?:办法|选择|方案)",
        r"已经(?:帮您|给您|为您)?(?:解除|恢复|退|处理|办好|撤销|冻结|补发|到账)",
        r"(?:也|还)?可以(?:在|通过|去|打|用|选择|考虑|申请|办)", r"另外一?个办法", r"替代", r"您(?:也)?可以(?:先|选择|通过|去|在|申请|办理|改|换|用)",
        r"(?:马上|立即|现在)(?:就)?(?:给|为|帮)您",
        r"我(?:先|会|来|这就|马上|现在|立刻|请|去)(?!说|解释|讲|理解|明白|知道|觉得|也)[一-龥]",
        r"我(?:先|会|来|去)?把[^。！？]{1,15}(?:查|办|弄|处理|退|找|送|寄|改|取)",
    ),
    exemplars=X.ACTION, threshold=0.62, counter_exemplars=X.NOT_ACTION,
    blockers=(r"\b(?:can't|cannot|won't|unable to|not able to)\s+(?:\w+\s+)?(?:refund|give|open|do|help|change|fix|get)\b",
              r"(?:不能|没法|无法|办不了)(?:帮您|给您|为您|办)", r"说不(?:好|准|清)|不确定|\bnot sure\b|\bcan't say\b"),
)
TIME_COMMIT = Item(
    "time_frame", "solution", 20,
    "Commits to a time frame or the next step.",
    {"en": "You'll have an answer from me by 5 pm today.", "zh-CN": "今天下午五点前我一定给您答复。"},
    TIME_FRAME,
    needs_commitment=True,
)
FOLLOW_UP = Item(
    "follow_up", "solution", 15,
    "Follows up, escalates to the right person or checks back afterwards.",
    {"en": "I'll call you tomorrow morning to make sure it's all sorted.",
     "zh-CN": "明天上午我会给您回电话，确认问题已经解决。"},
    (r"\bcall you(?: back)?\b", r"\bfollow(?:ing)?[- ]up\b", r"\bkeep you (?:updated|informed|posted)\b",
     r"\b(?:my|the|our) (?:(?:branch|area|duty) )?(?:manager|supervisor|team leader|specialist|complaints team)\b", r"\bescalat\w+\b",
     r"\bspecialist team\b", r"\btext you\b", r"\blet you know\b", r"\bcheck (?:back|in) with you\b",
     r"\breference number\b", r"\bupdate you\b",
     r"回(?:电话|电|复您)", r"跟进", r"给您(?:答复|回复|打电话|发短信)", r"联系您", r"通知您", r"主管", r"经理",
     r"上报", r"专门的?(?:团队|部门|人员)", r"短信", r"受理(?:编号|单号)", r"回访", r"打(?:个)?电话", r"反馈给", r"负责人"),
    blockers=(r"(?:上周|昨天|之前|上次|前几天)[^。！？]{0,10}(?:说好|答应)", r"却没", r"不用再?打电话", r"\b(?:never|nobody|no one) (?:called|rang|got back)",
              r"\bwas supposed to (?:call|ring)"),
    exemplars=X.FOLLOW_UP, threshold=0.64, counter_exemplars=X.NOT_ACTION,
)

EMPATHY_ITEMS = (ACKNOWLEDGE, APOLOGY, VALIDATE, OWNERSHIP, COURTESY,
                 BLAME, DISMISSAL, DEFENSIVE, CANCELLED_APOLOGY, CONDITIONAL_APOLOGY)
CLARITY_ITEMS = (SPECIFICS, MORE_SPECIFICS, ORDERED, CHECKS, PLAIN, JARGON, VAGUE, FILLER, RUN_ON)
SOLUTION_ITEMS = (ACK_FIRST, SOLVED_FIRST, CLARIFY, ACTION, TIME_COMMIT, FOLLOW_UP)
ALL_ITEMS = EMPATHY_ITEMS + CLARITY_ITEMS + SOLUTION_ITEMS
#: A sentence that matches one of these commits to, offers or asks for something, so it can take
#: a scenario step; "the machine keeps cards" shares words with "retrieve the card" but takes nothing.
ACTIONABLE_ITEMS = (ACTION, CLARIFY, FOLLOW_UP)

#: With a scenario that still has steps to take, they earn this share of the solution score.
SCENARIO_STEPS_SHARE = 40

# Critical fails -----------------------------------------------------------------------------------

FORBIDDEN_PHRASES = (
    "calm down", "that's not my department", "not my department", "there's nothing I can do",
    "what do you want me to do", "you should have", "it's policy",
    "我不知道", "不归我管", "问我们领导去", "有完没完", "没看见我忙吗", "自己找",
    "这是上级规定，我有什么办法", "怎么不早点来", "明天再来吧",
)
CRITICAL_PATTERNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "asks_for_pin": (
        "Asks for the customer's full PIN or password, which staff must never do.",
        (r"\b(?:what(?:'s| is)|tell me|give me|read (?:me )?out|say|type in|confirm)\s+your\s+"
         r"(?:full\s+|whole\s+|card\s+|online\s+banking\s+)?(?:PIN|password|passcode)\b",
         r"(?:告诉我|说一下|报一下|念一下|说出|提供)(?:一下)?(?:您的|你的)?(?:银行卡|卡|网银|登录)?(?:密码|支付密码)"),
    ),
    "other_customer_data": (
        "Discloses another customer's information.",
        (r"\banother customer's (?:account|balance|details|address|number)\b",
         r"(?:别的|其他|另一位)客户的(?:账户|余额|信息|地址|电话)"),
    ),
    "impossible_promise": (
        "Promises what the bank cannot promise.",
        (r"\bI (?:can )?guarantee (?:you )?(?:will|won't|that)\b", r"\bguaranteed returns?\b",
         r"\b(?:can't|cannot|never) lose\b", r"稳赚不赔", r"保证不亏", r"保本保收益", r"肯定(?:能|会)(?:赚|涨)"),
    ),
}
