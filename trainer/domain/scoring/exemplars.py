"""Exemplar phrasings for the items matched by meaning, in English and Chinese.

A reply sentence earns an item when it is close enough in meaning to one of these (the threshold
is per item, in :mod:`rubric`). They are written from the rubric and the service guide, as a good
teller would say them; they are not the evaluation replies.
"""

from __future__ import annotations

ACKNOWLEDGE = (
    "I understand how frustrating this is for you.",
    "I can see why you're upset.",
    "That must be really stressful.",
    "I'd be angry too if this happened to me.",
    "I know this has been a terrible morning for you.",
    "You've had a really difficult time with this.",
    "I can hear how worried you are about your money.",
    "It's awful to be kept waiting when you're in a hurry.",
    "我理解您的心情。",
    "让您着急了。",
    "换作是我也会很生气。",
    "您跑了好几趟，辛苦了。",
    "这事搁谁身上都着急。",
    "我知道您现在特别担心这笔钱。",
    "让您等了这么久，心里肯定不舒服。",
    "您的感受我完全能体会。",
)
VALIDATE = (
    "You're right to expect better than this.",
    "It's completely reasonable to want your money back.",
    "You shouldn't have had to come back three times.",
    "Your complaint is fair.",
    "This should never have happened to you.",
    "您的要求是合理的。",
    "您说得对，这本来就不应该发生。",
    "这确实是我们做得不好。",
    "您提出这个意见是应该的。",
    "本来就不该让您多跑这一趟。",
)
OWNERSHIP = (
    "I'll deal with this myself.",
    "I'm going to personally make sure this gets sorted.",
    "Leave it with me, I'll see it through.",
    "I'll take responsibility for fixing this.",
    "You won't need to explain it again to anyone else; I'll handle it from here.",
    "这件事我来负责跟进。",
    "我亲自帮您处理，您不用再找别人了。",
    "这件事交给我，我负责到底。",
    "您放心，我来帮您办好。",
    "我会一直跟到底，直到问题解决。",
)
CLARIFY = (
    "Can you tell me when you made the transfer and how much it was?",
    "May I see your ID and the card number, please?",
    "Which account was the fee taken from?",
    "So, just so I have it right, the payment left your account on Monday but never arrived?",
    "Let me write down the details: the date, the amount and the reference.",
    "请问您是哪一天转的账，金额是多少？",
    "麻烦您出示一下身份证。",
    "您是说钱已经扣了，但对方没有收到，对吗？",
    "我先把时间、金额和卡号记下来。",
    "是哪一张卡，尾号多少？",
)
ACTION = (
    "I'll refund the fee to your account now.",
    "I'll get your card out of the machine right away.",
    "I can give you cash at the counter while we sort this out.",
    "Let me trace the payment and reverse it if it failed.",
    "What I can do instead is set up a payment plan for you.",
    "I'll open a counter for you now so you don't have to queue again.",
    "I'll freeze the card straight away so nobody can use it.",
    "我现在就帮您把手续费退回去。",
    "我马上帮您查询这笔交易，并申请退款。",
    "我这边先帮您在柜台办理转账。",
    "您也可以先在柜台取现金，卡的事我来处理。",
    "我立刻帮您冻结这张卡。",
    "我现在给您加急办理。",
)
FOLLOW_UP = (
    "I'll call you tomorrow morning to tell you where it stands.",
    "I'll keep you updated by text every day until it's fixed.",
    "I'm escalating this to my supervisor, who will call you today.",
    "Here's a reference number, and I'll check back with you on Friday.",
    "The specialist team will contact you within two working days, and I'll follow up with them.",
    "我明天上午给您回电话，告诉您处理进展。",
    "我会把情况上报给主管，今天之内给您答复。",
    "这是您的受理编号，有进展我第一时间打电话通知您。",
    "我会一直跟进，周五前给您回复。",
    "处理完以后我再回访您，确认问题已经解决。",
)

#: Explanations, facts and refusals on the same banking topics: they talk about the problem but
#: neither do, offer, ask nor promise anything.
NOT_ACTION = (
    "The machine keeps cards when the PIN is entered wrongly three times.",
    "Transfers can fail for technical reasons between the systems.",
    "Rates went up for everyone this year.",
    "Everyone has to wait, it's busy today.",
    "The fee is in the terms and conditions you signed.",
    "That's how the system works.",
    "Cards are collected from the machines at the end of the day.",
    "The app doesn't support older phones.",
    "年费是按卡的等级收取的。",
    "机器吞卡一般是因为密码输错了三次。",
    "系统维护的时候网银是登录不了的。",
    "今天人比较多，大家都在排队。",
    "这个收费标准是总行定的。",
    "利率上调是市场决定的。",
)
