"""The rubric: every item that can earn or cost points, with its patterns and model phrasings.

Items are data, so ``docs/scoring.md`` can list them and tests can walk them. English and Chinese
patterns are applied to every reply, which is what makes mixed replies work; the reply's language
only chooses which model phrasing is shown for a missed item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.domain.scenario import Dimension


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

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.patterns)


_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    if patterns not in _CACHE:
        _CACHE[patterns] = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    return _CACHE[patterns]


# Shared pieces ------------------------------------------------------------------------------------

_NUM_ZH = "[一二两三四五六七八九十半几0-9]"
TIME_FRAME = (
    r"\b(?:by|before|until|within|in|at|around|about)\s+(?:the\s+)?(?:next\s+)?"
    r"(?:\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?)\s*"
    r"(?:-?\s*(?:minutes?|mins?|hours?|hrs?|days?|working days?|business days?|weeks?))",
    r"\b(?:by|before|at|around|until)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)?",
    r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)",
    r"\b(?:today|tonight|tomorrow(?: morning| afternoon)?|this (?:morning|afternoon|evening)|"
    r"right now|right away|straight away|immediately|on the spot|end of (?:the )?day|"
    r"(?:next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    rf"{_NUM_ZH}+\s*(?:分钟|个?小时|个?工作日|天|周|个星期)(?:内|之内|以内|后)?",
    rf"(?:今天|明天|后天|今晚|本周|下周)(?:[上下]午|晚上)?(?:{_NUM_ZH}+点(?:半|钟)?)?(?:前|之前|以前)?",
    rf"(?:上午|下午|晚上){_NUM_ZH}+点(?:半|钟)?(?:前|之前)?",
    r"马上|立即|立刻|现在就|当场|当面",
)
AMOUNT = (
    r"[$£€¥]\s?\d[\d,]*(?:\.\d+)?",
    r"\b\d[\d,]*(?:\.\d+)?\s*(?:dollars|pounds|euros|yuan|rmb|pence|cents|percent|%)",
    rf"{_NUM_ZH}+[\d,.]*\s*(?:元|块钱?|万元?|毛|%|个百分点)",
)

# Empathy ------------------------------------------------------------------------------------------

ACKNOWLEDGE = Item(
    "acknowledge_feeling", "empathy", 30,
    "Names or acknowledges how the customer feels.",
    {"en": "I can see how frustrating this is for you.", "zh-CN": "我理解您的心情，这确实让您着急了。"},
    (
        r"\bI\s+(?:can\s+|completely\s+|totally\s+|fully\s+|really\s+)?"
        r"(?:see|understand|imagine|hear|get)\s+(?:how|why|that|what|your|you)",
        r"\bI\s+(?:completely\s+|totally\s+|fully\s+)?understand\b",
        r"\b(?:that|this|it)(?:'s| is| must be| would be| sounds)\s+(?:so\s+|really\s+|very\s+|incredibly\s+)?"
        r"(?:frustrating|stressful|upsetting|worrying|annoying|infuriating|awful|a worry|unsettling)",
        r"\b(?:frustrat\w*|stressful|upset(?:ting)?|worr(?:y|ied|ying)|annoy\w*|inconvenien\w+|"
        r"disappoint\w*)\b",
        r"\bno wonder\b", r"\bI(?:'d| would) (?:be|feel) (?:the same|upset|angry|frustrated)",
        r"\bI feel for you\b",
        r"理解(?:您|你)", r"明白(?:您|你)", r"体谅", r"让您(?:着急|担心|生气|失望|受累|为难|久等|跑)",
        r"您的心情", r"辛苦(?:您)?了", r"换(?:作|成)是我", r"难怪您", r"确实(?:很|太)?(?:着急|麻烦|糟心|不方便)",
        r"(?:着急|担心|生气|不满)(?:是)?(?:很)?(?:正常|可以理解)", r"我(?:完全|非常|很|特别|都|能)?(?:理解|明白)",
        r"(?:您|你)(?:一定|肯定|很|这么|会)?(?:着急|生气|担心|难过|不放心|窝火)", r"(?:心情|感受)(?:我)?(?:能)?(?:理解|明白)",
    ),
)
APOLOGY = Item(
    "apology", "empathy", 25,
    "Apologises sincerely for the impact on the customer.",
    {"en": "I'm sorry you've been put through this.", "zh-CN": "非常抱歉给您带来了不便。"},
    (
        r"\b(?:I'm|I am|we're|we are|I'm so|I'm really)\s+(?:so\s+|very\s+|really\s+|truly\s+|"
        r"terribly\s+|deeply\s+)?sorry\b",
        r"^\s*(?:so |very |really )?sorry\b", r"\b(?:my|our)\s+(?:sincere\s+)?apologies\b",
        r"\bI\s+(?:sincerely\s+)?apologi[sz]e\b", r"\bwe\s+apologi[sz]e\b",
        r"抱歉", r"对不起", r"不好意思", r"(?:向您)?道歉",
    ),
)
VALIDATE = Item(
    "validate_expectation", "empathy", 15,
    "Tells the customer their expectation is fair.",
    {"en": "You're right to expect your money to be safe.", "zh-CN": "您的要求是合理的。"},
    (
        r"\byou(?:'re| are)\s+(?:absolutely\s+|completely\s+|quite\s+)?right\b",
        r"\byou have every right\b",
        r"\b(?:it's|that's|it is|that is)\s+(?:completely\s+|totally\s+|perfectly\s+)?"
        r"(?:fair|reasonable|understandable|a fair question)\b",
        r"\b(?:shouldn't|should not|should never) have (?:happened|had to)\b",
        r"\byou shouldn't have to\b",
        r"您说得(?:对|没错|有道理)", r"(?:您的)?(?:要求|想法|担心)(?:是|很|完全)?合理", r"(?:这确实|确实|就)是我们的(?:问题|失误|责任|不对)",
        r"(?:本|确实)不应该", r"您(?:的)?担心是对的",
    ),
)
OWNERSHIP = Item(
    "ownership", "empathy", 20,
    "Takes personal ownership of the problem.",
    {"en": "I'll deal with this myself and see it through.", "zh-CN": "这件事我来负责跟进到底。"},
    (
        r"\bI(?:'ll| will)\s+(?:personally\s+)?(?:take care of|handle|deal with|sort|own|look after|"
        r"make sure|see (?:this|it) through|take (?:this|it) (?:on|from here))",
        r"\blet me\s+(?:personally\s+)?(?:help|sort|fix|take care|handle|deal)",
        r"\bI(?:'m| am)\s+(?:going to|here to)\s+(?:help|sort|fix)",
        r"\bleave it (?:with|to) me\b",
        r"我来(?:负责|处理|跟进|帮您|为您|解决|办)", r"这件事(?:我|由我)", r"交给我", r"我(?:亲自|负责)",
        r"我(?:会|一定|马上|现在|这就|今天)(?:就)?(?:帮您|为您|给您)", r"我(?:来)?帮您",
    ),
)
COURTESY = Item(
    "courtesy", "empathy", 10,
    "Uses courteous forms: please, thank you, 您, 请, 谢谢.",
    {"en": "Thank you for waiting, and please bear with me a moment.", "zh-CN": "谢谢您的耐心，请稍等。"},
    (r"\bplease\b", r"\bthank(?:s| you)\b", r"\b(?:Mr|Mrs|Ms|Miss|sir|madam)\b\.?",
     r"谢谢", r"请", r"您"),
)
BLAME = Item(
    "blame", "empathy", -25,
    "Blames the customer.",
    {},
    (
        r"\byou should(?:'ve| have)\b", r"\byou (?:didn't|did not|never|forgot to)\b",
        r"\byour (?:own )?fault\b", r"\bwhy didn't you\b", r"\byou must have\b",
        r"\bif you had\b",
        r"怎么不早点", r"(?:您|你)自己(?:没|不|的问题|搞错)", r"谁让(?:您|你)", r"早(?:就)?(?:应该|该)",
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
        r"\bI don't know\b(?![^.!?]{0,40}\b(?:but|find out|check|ask)\b)",
        r"\bwhat do you want me to do\b", r"\bnot (?:my|our) (?:fault|problem)\b",
        r"\bdeal with it\b", r"\bcome back (?:tomorrow|later)\b(?![^.!?]{0,30}\b\d)",
        r"冷静一?点", r"别激动", r"不归我管", r"我(?:也)?不知道(?![^。！？]{0,15}(?:但|帮您|查|问))",
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
        r"\b(?:rules|policy) (?:is|are) (?:the )?(?:rules|policy)\b",
        r"这是(?:上级|银行|我们的)?规定(?![^。！？]{0,20}(?:但|不过|可以为您|我可以))",
        r"系统(?:的)?问题(?:[，,]?我)?(?:也)?(?:没办法|管不了)", r"规定就是这样",
    ),
)
CANCELLED_APOLOGY = Item(
    "cancelled_apology", "empathy", -15,
    "An apology cancelled by what follows (\"sorry, but…\").",
    {},
    (r"\bsorry\b[^.!?]{0,25}\bbut\b(?![^.!?]{0,30}\b(?:I|we)(?:'ll| will| can)\b)",
     r"(?:抱歉|对不起|不好意思)[^。！？]{0,12}(?:但是|可是|不过)(?![^。！？]{0,15}(?:我|可以|能))"),
)
CONDITIONAL_APOLOGY = Item(
    "conditional_apology", "empathy", -15,
    "A conditional apology (\"sorry if you feel…\").",
    {},
    (r"\bsorry (?:if|that) you (?:feel|felt|think|thought|were offended)\b",
     r"\bsorry you feel that way\b",
     r"如果(?:您|你)觉得[^。！？]{0,12}(?:抱歉|对不起)", r"(?:您|你)要是觉得[^。！？]{0,12}(?:抱歉|对不起)"),
)

# Clarity ------------------------------------------------------------------------------------------

SPECIFICS = Item(
    "concrete_specifics", "clarity", 35,
    "Gives concrete specifics: a time, an amount, what exactly happens next.",
    {"en": "Your card will be back in your hands within ten minutes.",
     "zh-CN": "十分钟内把卡还给您，今天下午五点前给您回电话。"},
    TIME_FRAME + AMOUNT,
)
ORDERED = Item(
    "steps_in_order", "clarity", 20,
    "Puts the steps in order (first…, then…).",
    {"en": "First I'll check your ID, then I'll open the machine.", "zh-CN": "首先核对您的身份，然后我去开机取卡。"},
    (r"\bfirst(?:ly)?\b", r"\bthen\b", r"\bafter that\b", r"\bnext\b", r"\bonce (?:that|I|we|it)\b",
     r"\bfinally\b", r"\bstep (?:one|1)\b", r"首先", r"然后", r"接着", r"之后", r"第一步?", r"最后", r"先[^。！？]{1,20}再"),
)
CHECKS = Item(
    "checks_understanding", "clarity", 20,
    "Checks understanding or summarises the plan.",
    {"en": "So, to confirm: your card back in ten minutes and cash now. Does that work for you?",
     "zh-CN": "我跟您确认一下：十分钟内取回卡，现在先取现金，您看可以吗？"},
    (r"\bto confirm\b", r"\bdoes that (?:work|sound|help|make sense)\b", r"\bis that (?:right|ok|okay|alright)\b",
     r"\bto sum(?:marise|marize| up)\b", r"\blet me make sure\b", r"\bjust to check\b",
     r"\bif I understand\b", r"\bso you(?:'re| are) saying\b", r"\bwould that (?:work|help)\b",
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
    (r"\bT\+\d\b", r"\bclearing\b", r"\bbatch (?:run|process\w*|job)\b", r"\bcore (?:banking )?system\b",
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
     r"尽快", r"到时候再说", r"过几天", r"回头(?:再)?", r"等等看", r"再说吧", r"有消息(?:再)?通知"),
)
FILLER = Item(
    "filler", "clarity", -10,
    "Hedges and fillers (um, I guess, maybe, 嗯, 那个).",
    {},
    (r"\bum+\b", r"\buh+\b", r"\ber+m?\b", r"\bI guess\b", r"\bmaybe\b", r"\bkind of\b", r"\bsort of\b",
     r"\bI think maybe\b", r"\bprobably\b", r"嗯+", r"那个(?=[，,、\s])", r"就是说", r"可能吧", r"应该吧", r"大概吧"),
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
    (r"\bcan you (?:tell|give|show|confirm)\b", r"\bcould you (?:tell|give|show|confirm)\b",
     r"\bmay I (?:see|have|check|ask|take)\b", r"\bwhich (?:account|card|transaction|branch|form|day)\b",
     r"\bwhen did\b", r"\bhow much\b", r"\bso you(?:'re| are) saying\b", r"\blet me (?:check|look up|note)\b",
     r"\bI(?:'ll| will) (?:check|look up|note down|write down)\b", r"\b(?:your|the) (?:ID|identification|details|reference)\b",
     r"请问", r"能(?:不能)?告诉我", r"麻烦您(?:提供|出示|说一下)", r"您是说", r"核实", r"(?:我|帮您)查(?:一下|询)", r"登记",
     r"记录(?:一下|下来)", r"身份证", r"哪一天", r"多少钱"),
)
ACTION = Item(
    "concrete_action", "solution", 35,
    "Offers a concrete action or a real alternative.",
    {"en": "I'll open the machine now and give you cash at the counter.",
     "zh-CN": "我现在就帮您把卡取出来，也可以先在柜台给您取现金。"},
    (r"\bI(?:'ll| will| can| am going to|'m going to)\s+(?:now\s+|also\s+|personally\s+)?"
     r"(?:refund|check|open|retrieve|call|book|arrange|cancel|freeze|block|reverse|process|send|waive|"
     r"escalate|transfer|print|order|give|issue|raise|file|log|reset|unlock|fix|get|return|pay|put|"
     r"contact|email|text|move|set up|change|correct|credit|trace|investigate|fast-track|speak|ask|"
     r"replace|offer|bring|find|submit|register|lodge|track|reissue|withdraw|open up)\b",
     r"\blet me (?:now\s+)?(?:refund|check|open|get|call|book|arrange|cancel|freeze|block|reverse|"
     r"process|send|waive|fix|find|look|raise|see|reset)\b",
     r"\bwe (?:can|will|'ll)\s+(?:refund|retrieve|reverse|waive|give|offer|return|arrange|fix|get|"
     r"issue|replace|move|open)\b",
     r"\bwhat I can do is\b", r"\binstead\b", r"\bthe alternative\b", r"\bcan offer\b",
     r"(?:我|我们)(?:现在|马上|这就|会|来|可以|立即|先)*(?:帮您|为您|给您|替您)(?:[一-龥]{0,4})?"
     r"(?:查|办|处理|退|冻结|申请|登记|联系|安排|取|开|补|改|重置|解锁|恢复|提交|追踪|核实|转|预约|打印|撤销|返还)",
     r"可以(?:帮您|为您|给您)", r"我们可以", r"另外一?个办法", r"替代", r"您(?:也)?可以(?:先|选择|通过|去|在)",
     r"(?:马上|立即|现在)(?:就)?(?:给|为|帮)您"),
)
TIME_COMMIT = Item(
    "time_frame", "solution", 20,
    "Commits to a time frame or the next step.",
    {"en": "You'll have an answer from me by 5 pm today.", "zh-CN": "今天下午五点前我一定给您答复。"},
    TIME_FRAME,
)
FOLLOW_UP = Item(
    "follow_up", "solution", 15,
    "Follows up, escalates to the right person or checks back afterwards.",
    {"en": "I'll call you tomorrow morning to make sure it's all sorted.",
     "zh-CN": "明天上午我会给您回电话，确认问题已经解决。"},
    (r"\bcall you(?: back)?\b", r"\bfollow(?:ing)?[- ]up\b", r"\bkeep you (?:updated|informed|posted)\b",
     r"\b(?:my|the|our) (?:manager|supervisor|team leader|specialist|complaints team)\b", r"\bescalat\w+\b",
     r"\bspecialist team\b", r"\btext you\b", r"\blet you know\b", r"\bcheck (?:back|in) with you\b",
     r"\breference number\b", r"\bupdate you\b",
     r"回(?:电话|电|复您)", r"跟进", r"给您(?:答复|回复|打电话|发短信)", r"联系您", r"通知您", r"主管", r"经理",
     r"上报", r"专门的?(?:团队|部门|人员)", r"短信", r"受理(?:编号|单号)", r"回访"),
)

EMPATHY_ITEMS = (ACKNOWLEDGE, APOLOGY, VALIDATE, OWNERSHIP, COURTESY,
                 BLAME, DISMISSAL, DEFENSIVE, CANCELLED_APOLOGY, CONDITIONAL_APOLOGY)
CLARITY_ITEMS = (SPECIFICS, ORDERED, CHECKS, PLAIN, JARGON, VAGUE, FILLER, RUN_ON)
SOLUTION_ITEMS = (ACK_FIRST, SOLVED_FIRST, CLARIFY, ACTION, TIME_COMMIT, FOLLOW_UP)
ALL_ITEMS = EMPATHY_ITEMS + CLARITY_ITEMS + SOLUTION_ITEMS

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
