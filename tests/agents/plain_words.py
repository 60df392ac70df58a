"""Rule-based private-message sales agent for small local businesses.

Written BLIND on 2026-12-07 by a helper session briefed as a support lead who never saw this
repository: it read only the Transcript/Message/AgentTurn classes and a one-page brief (reply
in the customer's language, answer the question asked, offer once to take a contact), and none
of the personas, phrase lists, reader, rubrics or tests. Kept as written: an honest agent whose
keyword matching misses many phrasings ("I want to give you an accurate answer on that rather
than guess"). The customer's verdicts on its replies were checked against a blind labeller
(tests/fixtures/verdicts/, bench/customer_verdicts.py).

One invented business per industry and locale (tutoring, dental, law firm, medical aesthetics,
renovation, car dealer; mainland China and US).  Every turn is derived from the transcript alone:
the agent reads the customer's latest message(s), works out what they asked, answers with the
business's facts, adds one empathy line where the situation calls for it, and offers - once -
to take a phone number / WeChat so a person can follow up.  Standard library only, deterministic,
and it never raises.
"""

from __future__ import annotations

import re

from simulator import AgentTurn, Transcript

# ---------------------------------------------------------------------------------------------
# Knowledge base: one invented business per industry x language
# ---------------------------------------------------------------------------------------------

KB: dict[str, dict[str, dict]] = {}

KB["education"] = {
    "zh": {
        "name": "启明学堂",
        "intro": "我们做小学到高中的学科辅导（数学、英语、语文、物理、化学），也有成人英语和考证晚班。",
        "hours": (8, 21),
        "price": {
            "default": "价格给您说清楚：\n· 小班课（6–8人）：每次2小时，初中 ¥180/次，高中 ¥220/次\n· 一对一：小学 ¥220/小时，初中 ¥260/小时，高中 ¥300–380/小时（看年级和老师资历）\n· 首次学情测评 + 试听一节，免费\n课时包预付，没上完的课时按原价退。",
            "adult": "成人晚班（英语口语、四六级、职称英语等）：每周2晚，19:00–21:00，12周一期 ¥2,880；线上直播同价，可以看回放。也可以约一对一，¥200/小时。",
        },
        "factors": "价格主要看三点：年级（高中比初中贵）、班型（一对一还是小班）、老师资历。一般基础薄弱的孩子我们建议一对一先补漏洞2个月左右，再转小班，总花费会低一些。",
        "time": "一般规律上课（每周2次），4–6周能在作业和小测上看到变化；考试分数明显提升通常要一个学期左右。具体看起点和孩子的配合程度，我们每4周给家长一份进度报告。",
        "process": "流程是：① 先约一次免费测评（约40分钟，找出知识漏洞）→ ② 老师和您沟通结果，推荐班型和课时 → ③ 试听一节 → ④ 觉得合适再报名，排固定上课时间。前面几步都不需要交钱。",
        "pain": "安全方面：上下课家长签到接送，教室有监控，老师入职都做过背景核查；课间有学管老师在。",
        "qual": "老师都是全职，师范或相关专业本科以上，持教师资格证，平均教龄6年以上；每个孩子还配一位学管老师，跟进作业、和家长沟通。",
        "success": {
            "adult": "考试分数这件事，说实话谁都不该打包票。我们能做的是先做一次模考定位，按差距排课，每4周模考一次看进步；比如雅思从5.5到6.5，一般需要2–4个月系统练习，因人而异。上了4周觉得不合适，剩余课时可以退。",
            "default": "说实话，任何机构都不该承诺保证提多少分。我们能做的是找准漏洞、按计划补、每4周用测试看效果。坚持一个学期的孩子多数校内成绩有提升，但幅度因人而异；上了4周您觉得不合适，剩下的课时可以退。",
        },
        "payment": "可以微信、支付宝、刷卡。课时包可以按月分开付，不收手续费；没上的课时按原价退。",
        "location": "地址：城南路88号恒信大厦5楼（地铁2号线文化宫站B口步行5分钟），楼下停车场前1小时免费。上课时间：周一至周五 15:00–21:30，周六日 8:30–20:00。",
        "booking": "可以先约一次免费测评 + 试听，工作日放学后或周末都能排。您告诉我孩子几年级、哪科、一般哪几天方便，我先帮您登记。",
        "discount": "我们不搞限时促销，价格统一。实在的优惠有：一次买40课时以上每课时减¥20；兄弟姐妹一起报，第二位9折。先免费试听再决定，不合适不花钱。",
        "compare": "对比机构时建议看：一个班几个学生、老师是不是固定的、有没有测评和进度反馈、没上完的课怎么退。方便的话把别家的方案发我，我帮您对一下哪些一样、差在哪，不说别家坏话。",
        "night": "晚上可以学：成人班都在 19:00–21:00，另有线上直播课（可以看回放）；一对一最晚可以排在 20:00–21:30。周末白天也有班。",
        "parent": "孩子跟不上，家长着急很正常。很多时候不是孩子不聪明，而是前面几个知识点没打牢，后面越学越吃力。先别急着加很多课，建议先做个测评，找到具体卡在哪儿。",
        "adult": "成年人学习时间紧很常见，我们的成人学员大多是下班后来上课的，进度可以按您的时间调。",
        "contact": "方便的话留个电话或微信，我让课程顾问把测评时间和具体方案发给您（不会频繁打扰）。不方便也没关系，在这里问也一样。",
        "clarify": "方便说一下孩子几年级、哪一科比较吃力吗？或者是您自己想学？这样我能说得更具体。",
        "person": "课程顾问",
    },
    "en": {
        "name": "Brightpath Learning Center",
        "intro": "We do K-12 tutoring (math, English/reading and writing, science, SAT/ACT prep) plus evening and online classes for adults.",
        "hours": (9, 21),
        "price": {
            "default": "Here's our pricing:\n- Small group (max 6 students): $45/hour\n- 1-on-1: $70/hour for K-8, $85/hour for high school, $95/hour for SAT/ACT\n- First assessment + trial session: free\nPackages are paid in advance, and any unused hours are refunded in full.",
            "adult": "Adult classes (ESL, GED prep, college math refreshers, professional exam prep): two evenings a week, 7-9pm, 10-week term $690, live online at the same price with recordings. 1-on-1 for adults is $65/hour.",
        },
        "factors": "Price mostly depends on grade level, group vs 1-on-1, and how many hours a week. For students with gaps we usually suggest 1-on-1 for about 8 weeks, then moving to a small group, which keeps the total cost down.",
        "time": "With two sessions a week, most families see a difference in homework and quizzes within 4-6 weeks; a real change in report-card grades usually takes about a semester. It depends on the starting point, and we send a progress report every 4 weeks.",
        "process": "How it works: 1) free assessment (about 45 minutes) to find the specific gaps, 2) we go over the results with you and suggest a plan, 3) a free trial session, 4) if it feels right, you pick a regular weekly time. Nothing to pay until step 4.",
        "pain": "Safety-wise: sign-in/sign-out pickup, all tutors are background-checked, and sessions happen in open rooms with windows, never behind closed doors.",
        "qual": "Our tutors are all degree holders (many are certified teachers) with at least 3 years of tutoring experience, background-checked, and they stay with the same student. Each family also has a coordinator who handles updates.",
        "success": {
            "adult": "Honestly, no one should guarantee a score. What we do is a diagnostic test first, a plan built around your gaps, and a practice test every 4 weeks so you can see progress. Most adults studying two evenings a week see clear improvement in 2-3 months, but it varies. If it isn't working after 4 weeks, unused hours are refundable.",
            "default": "Honestly, no one should promise you a specific grade or score. What we can do is find the gaps, work a clear plan, and re-test every 4 weeks so you can see whether it's working. Most students who stick with it for a semester improve, but how much varies. If it isn't working after 4 weeks, unused hours are refundable.",
        },
        "payment": "We take card, ACH or check. Packages can be split into monthly payments at no extra cost, and unused hours are refunded.",
        "location": "We're at 1420 Maple Ave, Suite 210 (free parking in the back lot). Hours: Mon-Fri 3-9pm, Sat 9am-5pm; online sessions also available.",
        "booking": "The easiest next step is a free assessment + trial session - weekday afternoons/evenings or Saturday. Tell me the grade, subject and which days usually work, and I'll pencil you in.",
        "discount": "We don't do limited-time promos - everyone pays the same rates. What does save money: 10% off packages of 20+ hours, and 10% off for siblings. And the assessment and trial are free, so you can decide after seeing it.",
        "compare": "When comparing centers, look at group size, whether the tutor stays the same, whether they test progress, and their refund policy for unused hours. If you want, paste the other offer here and I'll tell you honestly where we're the same and where we differ.",
        "night": "Evenings work fine: adult classes run 7-9pm, 1-on-1 can be booked as late as 8-9pm, and there are live online sessions with recordings if a night runs late. Saturdays too.",
        "parent": "I hear this a lot, and it's stressful as a parent. Usually it isn't about ability - a few earlier topics didn't fully stick and everything after gets harder. Before adding lots of hours, I'd find out exactly where the gaps are.",
        "adult": "Studying around a full-time job is what most of our adult students do - they come after work and the pace is set around your schedule.",
        "contact": "If it's helpful, you can leave a phone number or email and our coordinator will send you assessment times and a written plan (no spam, no pushy calls). Totally fine to keep chatting here instead.",
        "clarify": "Could you tell me the grade and which subject is the struggle - or is this for yourself? Then I can be more specific.",
        "person": "our coordinator",
    },
}

KB["dental"] = {
    "zh": {
        "name": "洁美口腔门诊部",
        "intro": "我们是正规口腔门诊，主要做种植牙、洗牙补牙、根管、牙冠、矫正和假牙。",
        "hours": (8, 18),
        "price": {
            "default": "常见项目价格：洗牙 ¥180（含检查）；补牙 ¥200–400/颗；根管 ¥800–1,800；全瓷冠 ¥2,500–4,500；种植牙 ¥4,800 起/颗（含牙冠）。您具体想了解哪一项？我可以说得更细。",
            "implant": "种植牙按单颗算，含种植体、基台、牙冠和手术费，已经执行国家集采价：\n· 国产种植体：约 ¥4,800/颗\n· 韩国品牌（如奥齿泰）：约 ¥6,500/颗\n· 瑞士士卓曼：¥9,800–12,800/颗\n术前CBCT拍片 ¥200（做的话抵扣）。如果骨量不够需要植骨，另加 ¥1,500–3,000，要拍片后医生才能确定。",
            "cleaning": "洗牙（超声洁治 + 抛光）¥180，含口腔检查；加喷砂 ¥100。医保个人账户可以用。",
            "ortho": "矫正：金属托槽 ¥12,000–18,000；隐形矫正（时代天使/隐适美）¥22,000–38,000，看难度。价格含全程复诊，一般18–30个月。",
            "denture": "活动假牙：局部 ¥800–2,500，全口 ¥3,000–8,000；种植固定的全口（All-on-4）单颌约 ¥50,000 起。",
            "filling": "补牙（树脂）¥200–400/颗；根管治疗 前牙 ¥800、后牙 ¥1,200–1,800，做完一般建议戴冠保护（¥1,500–3,500）。",
            "whitening": "冷光美白 ¥1,980/次；家庭美白托盘套装 ¥1,200。做之前先检查有没有蛀牙、牙周问题。",
            "crown": "全瓷冠 ¥2,500–4,500/颗，烤瓷冠 ¥1,200–2,000/颗，含取模和试戴。",
        },
        "factors": "影响价格的主要是：选什么品牌的种植体/材料、骨量够不够（要不要植骨）、一次做几颗、要不要先拔牙或治牙周。所以最准的报价要面诊拍片后出，医生会给您几个档位选，不会只推贵的。",
        "time": {
            "default": "洗牙约40分钟，补牙30–60分钟，根管一般要2–3次，每次约1小时。",
            "implant": "种植一般分三步：植入当天约1小时/颗；之后愈合3–4个月（骨量差或植骨要5–6个月）；最后取模戴牙，1–2次复诊。前后3–6个月，中间可以戴临时牙，不影响见人。",
            "ortho": "矫正一般18–30个月，每4–8周复诊一次，每次20–30分钟。",
        },
        "process": {
            "default": "流程：先检查（必要时拍片）→ 医生说明问题和几种方案、费用 → 您确认后再治疗。当天能做的当天做，复杂的会约下次。",
            "implant": "① 面诊 + 拍CBCT（约1小时，看骨量和全身情况）→ ② 医生出方案和报价，您考虑清楚再定 → ③ 植入手术（局麻）→ ④ 7–10天拆线 → ⑤ 3–4个月后戴牙冠 → ⑥ 以后每年复查 + 洗牙。",
        },
        "pain": "种植手术是局部麻醉下做的，过程中基本不疼，会有压迫感和振动。麻药过后1–3天有些胀痛，一般吃普通止痛药就能控制，肿胀一周内消。风险方面：有少量失败率（约2–5%）、感染、术后出血等，医生术前会逐项讲清并签知情同意。",
        "qual": "主刀是口腔颌面外科副主任医师，做种植15年以上；门诊持《医疗机构执业许可证》，医生的执业信息可以在卫健委网站查到。种植体有原厂质保卡和追溯码。",
        "success": "种植牙10年存留率大约95%，但不能保证百分之百。主要影响因素：骨量和牙龈条件、糖尿病控制得怎样、是否吸烟、以后的清洁和复查。医生面诊后会告诉您属于哪种情况。",
        "payment": "支持微信、支付宝、银行卡，也可以信用卡分期（6/12期）。医保方面：洗牙、补牙、拔牙等基础项目可以用个人账户；种植牙按当地集采和医保政策执行，具体以面诊结算为准。",
        "location": "地址：人民路216号华联商厦2楼（市一医院斜对面，公交人民路站下车），门口有停车位。营业时间：每天 8:30–18:00，周二、周四晚上开到20:30。",
        "booking": "建议先约一次面诊 + 拍片，约1小时，当天就能知道能不能做、大概多少钱。您说一下方便的日期，我帮您看医生的号。",
        "discount": "价格是明码标价的，不搞“今天交定金才有”那一套。实在的：60岁以上面诊挂号免费；多颗种植按方案打包报价，比单颗相加低一些。",
        "compare": "对比种植报价时，看清楚是否都包含：种植体品牌型号、基台、牙冠材质（全瓷/烤瓷）、CBCT、植骨、临时牙、复查和质保年限。很多低价只报了种植体。您可以把别家的方案发我，我帮您逐项对。",
        "night": "白天来不了的话，周二、周四晚上开到20:30，周末全天都有医生。",
        "elderly": "年龄本身不是问题，我们做过不少七八十岁的患者。关键看身体情况：血压控制平稳（一般160/100以下）、空腹血糖控制在8以下比较稳妥；在吃抗凝药（阿司匹林、华法林等）或治骨质疏松的药要提前告诉医生，千万别自己停药。来面诊请带最近的体检报告和药单，家人陪同更好。",
        "first": "第一次来不用紧张，医生会先检查、讲清楚再动手，过程中不舒服随时举手示意就会停。",
        "contact": "方便的话留个电话或微信，我让护士跟您约面诊时间，顺便告诉您要带哪些检查资料。不想留也完全没关系。",
        "clarify": "您主要想了解哪方面？比如种植牙、洗牙、补牙、矫正，或者是哪里不舒服？说一下情况我给您更准的信息。",
        "person": "护士",
    },
    "en": {
        "name": "Maple Grove Dental",
        "intro": "We're a general and implant dental practice - cleanings, fillings, crowns, root canals, implants, dentures and Invisalign.",
        "hours": (8, 18),
        "price": {
            "default": "Typical fees without insurance: new-patient exam + X-rays + cleaning $245; fillings $180-$320; crowns $1,250; root canal $950-$1,400; implants about $4,200-$4,800 per tooth all-in. Which one are you looking at? I can go into detail.",
            "implant": "A single implant, all-in (surgery, implant, abutment and porcelain crown), is typically $4,200-$4,800. The consult with a 3D CT scan is $95 and credited if you go ahead. If bone grafting is needed it adds $450-$900, and an extraction beforehand is $250-$450 - the doctor can only tell after the scan.",
            "cleaning": "New-patient exam, full X-rays and cleaning: $245 without insurance; most PPO plans cover it 100%. A deep cleaning (if there's gum disease) is $225-$300 per quadrant.",
            "ortho": "Invisalign runs $4,500-$6,500 depending on complexity, and that includes all aligners, check-ups and the first set of retainers. Traditional braces $4,800-$6,000.",
            "denture": "Full dentures $1,400-$2,800 per arch; partials $1,100-$2,200. Implant-supported snap-in dentures $9,500-$14,000 per arch; fixed All-on-4 around $22,000-$28,000 per arch.",
            "filling": "Tooth-colored fillings $180-$320 each. Root canal $950 (front) to $1,400 (molar), and a back tooth usually needs a crown afterwards ($1,250).",
            "whitening": "In-office whitening $450 (about 90 minutes); custom take-home trays $295.",
            "crown": "Porcelain/zirconia crowns are $1,250 each, including the temporary and the final fitting.",
        },
        "factors": "What moves the price: the implant/material system, whether you need bone grafting or an extraction first, how many teeth, and your insurance. That's why the firm number comes after the scan - the doctor will show you options, not just the most expensive one.",
        "time": {
            "default": "A cleaning is about an hour, a filling 30-60 minutes, a crown two visits about 2-3 weeks apart.",
            "implant": "Implants happen in stages: placement takes about an hour per tooth, then 3-4 months of healing (5-6 if there's grafting), then 1-2 short visits for the crown. Usually 4-6 months start to finish, and you can wear a temporary so there's no gap in the meantime.",
            "ortho": "Invisalign usually takes 12-18 months, with a quick check-in every 6-8 weeks.",
        },
        "process": {
            "default": "We start with an exam (and X-rays if needed), the dentist explains what's going on and the options with costs, and nothing is done until you agree.",
            "implant": "1) consult + 3D scan (about an hour, we also review health history), 2) written treatment plan and cost - take your time, 3) implant placement under local anesthetic, 4) follow-up at 1-2 weeks, 5) crown after healing, 6) regular check-ups and cleanings.",
        },
        "pain": "Implant placement is done under local anesthetic, so most people feel pressure and vibration rather than pain; sedation is available if you're anxious. Expect 2-3 days of soreness managed with over-the-counter pain relievers, and swelling that's gone within a week. Risks include infection, bleeding and a small failure rate (roughly 2-5%) - the doctor goes through all of it before you sign anything.",
        "qual": "Implants are placed by Dr. Karen Liu, DDS, with 15+ years and over 2,000 implants placed, and a fellowship in implant dentistry; you can look up her license on the state dental board site. We use established implant systems with manufacturer warranties.",
        "success": "Implants have about a 95% success rate at 10 years, but no one can promise 100%. The big factors are bone and gum health, well-controlled diabetes, not smoking, and keeping up with cleanings. After the scan the doctor will tell you honestly where you fall.",
        "payment": "We're in-network with Delta Dental PPO, Cigna, MetLife, Aetna and Guardian. Many plans pay about 50% of implants up to the annual max (often $1,000-$2,000). Original Medicare doesn't cover dental, but some Medicare Advantage plans do - send us the plan name and we'll check. We take HSA/FSA cards, and offer CareCredit/Sunbit with 0% for 12 months for qualified applicants.",
        "location": "We're at 2150 Oak Street, Suite 100, with free parking and step-free access. Hours: Mon-Thu 7:30am-6pm, Fri 8am-3pm, and two Saturdays a month 8am-1pm.",
        "booking": "I'd suggest a consult with a 3D scan - about an hour, and you leave knowing whether you're a candidate and what it would cost. Which days generally work for you?",
        "discount": "Our fees are the same for everyone and we don't do 'today only' pricing. Real savings: we credit the $95 consult if you proceed, there's a discount when several implants are planned together, and our in-house membership plan ($349/yr) takes 15% off treatment if you're uninsured.",
        "compare": "When comparing implant quotes, check that each includes: the implant brand, abutment, crown material, CT scan, grafting if needed, temporary tooth, follow-ups and warranty. Lower quotes often cover only the implant post. Paste the other quote here and I'll go through it line by line.",
        "night": "If daytime is hard, we're open until 6pm Mon-Thu and two Saturday mornings a month.",
        "elderly": "Age on its own isn't a barrier - we treat many patients in their 70s and 80s. What matters is overall health: well-controlled blood pressure and diabetes, and the doctor needs to know about blood thinners (like Eliquis or warfarin) or osteoporosis medications - please don't stop any medication on your own. Bring a medication list to the consult; family members are very welcome to come along.",
        "first": "It's completely normal to be nervous. The dentist explains each step before doing it, and you can raise a hand to pause at any time.",
        "contact": "If you'd like, leave a phone number or email and our patient coordinator will call to find a consult time and tell you what to bring. No pressure at all if you'd rather not.",
        "clarify": "What are you looking into - an implant, a cleaning, a filling, Invisalign - or is something bothering you? Give me a bit more and I'll be more specific.",
        "person": "our coordinator",
    },
}

KB["legal"] = {
    "zh": {
        "name": "正衡律师事务所",
        "intro": "我们主要做劳动争议、合同/欠款纠纷、婚姻家事、房屋租赁和交通事故赔偿。您说的内容我们都会保密。",
        "hours": (9, 18),
        "price": {
            "default": "收费说明：首次电话咨询20分钟免费；面谈咨询 ¥500/小时（后续委托的话抵扣代理费）。代理费按案件类型：劳动仲裁 ¥5,000–15,000，也可以谈部分风险代理；合同/欠款纠纷按标的额阶梯收费，小额案件 ¥6,000 起；离婚诉讼 ¥10,000–30,000（财产复杂的另议）。都会签书面委托合同，费用写清楚。",
            "labor": "劳动争议：劳动仲裁本身不收费；律师代理费一般 ¥5,000–15,000，看金额和复杂程度，也可以“基础费 + 按追回金额的一定比例”收取。首次电话咨询20分钟免费。",
            "family": "离婚：协议离婚起草协议 ¥3,000 起；诉讼离婚 ¥10,000–30,000，涉及房产、公司股权等财产分割的另议。首次电话咨询20分钟免费。",
            "tenancy": "租房纠纷（押金、提前解约、中介）：律师函 ¥1,000–1,500，很多押金纠纷发函就能解决；需要起诉的小额案件 ¥3,000–6,000。",
        },
        "factors": "律师费主要看：争议金额、证据是否齐全、对方是个人还是公司、要不要走到诉讼。律师看完材料会先给您一个书面报价，不会中途随意加价。",
        "time": "劳动仲裁：立案后一般45天内裁决，复杂的可延长15天；不服再起诉，一审简易程序约3个月、普通程序约6个月。一般民事诉讼一审3–6个月。律师函通常1–2周内能看到对方态度。",
        "process": "一般流程：① 整理经过和材料（合同、聊天记录、转账记录、工资条、录音等）→ ② 律师咨询，判断依据和能主张什么 → ③ 决定委托的话签委托合同 → ④ 律师写文书、准备证据、立案 → ⑤ 开庭或调解。很多纠纷在立案前发律师函就能谈下来。（以上是一般性信息，不构成正式法律意见。）",
        "pain": "打官司的风险主要是：时间成本（几个月）、费用（律师费、诉讼费，诉讼费一般由败诉方承担）、以及赢了对方不履行还要申请执行。律师会先评估再建议要不要起诉，能协商的尽量协商。",
        "qual": "主办律师执业12年，主要做劳动争议和民商事纠纷；所里律师都持律师执业证，可以在司法局或律师协会网站查证号。",
        "success": "负责任地说，没有律师能保证一定赢，承诺“包赢”的反而要小心。结果主要看证据是否完整、时效有没有过（比如劳动仲裁一般是1年）、对方的履行能力。律师看过材料后会给您一个实事求是的评估，包括风险点。",
        "payment": "可以对公转账、微信、支付宝，开正规发票。代理费可以分两期付（签约时和开庭前）。如果经济困难或是讨要工资，也可以申请当地法律援助，我可以告诉您怎么申请。",
        "location": "地址：金融街18号国信大厦21层。办公时间：周一至周五 9:00–18:00，周六上午可预约。晚上和周末可以在这里留言，律师第二个工作日处理。",
        "booking": "可以先约20分钟免费电话咨询，或者来所里面谈。您简单说下纠纷类型、大概什么时候发生的、对方是个人还是公司，我帮您安排对口的律师。",
        "discount": "收费标准是公开的，不会因为着急就加价，也不搞“今天签才优惠”。实在的：首次20分钟电话咨询免费，面谈费后续委托可以抵扣；符合条件的可以申请法律援助。",
        "compare": "比较律所时建议看：具体谁来办（合伙人还是助理）、收费方式（固定、计时还是风险代理）、费用包含到哪个阶段（一审？执行？）、有没有书面合同。别家的报价方案可以发我，我帮您看看口径是否一致。",
        "night": "白天上班不方便的话，可以约晚上19:00–20:30的电话咨询，或者周六上午面谈。",
        "situation": {
            "labor": "被辞退又欠薪，一般可以主张：① 拖欠的工资；② 公司没有合法理由辞退的，可以要求违法解除赔偿金（按工作年限，每满一年2个月工资）；③ 入职超过一个月没签劳动合同的，可能还有双倍工资。劳动仲裁时效一般是1年。现在最要紧的是保存证据：劳动合同、工资条或银行流水、考勤记录、辞退通知和相关聊天记录/录音；不要在“自愿离职”之类的文件上签字。",
            "family": "离婚一般两条路：协议离婚（去民政局登记，有30天冷静期），或者起诉离婚。争议多在财产分割和孩子抚养。建议先整理：结婚证、房产证/购房合同、贷款记录、存款和收入情况，以及平时照顾孩子的情况。",
            "eviction": "房东要求搬走，先看租房合同还剩多久、合同里有没有提前解约的约定。租期内房东无正当理由单方赶人属于违约，一般要提前通知并承担违约责任；不要因为对方断水断电、换锁就直接搬走，保留好合同、付租凭证、聊天记录和现场照片视频，必要时可以报警或打12345。",
            "tenancy": "押金不退的情况很常见。先看租房合同里押金和扣款的约定；保留交押金的凭证、退房交接时的照片/视频和聊天记录。一般先书面（微信也行）催告，不行可以发律师函、向12345或住建部门投诉，金额不大可以走小额诉讼，费用低、周期短。",
            "injury": "交通事故先准备：交警的事故认定书、病历和医疗发票、误工证明、对方车辆和保险信息。赔偿一般包括医疗费、误工费、护理费、交通费，构成伤残的还有伤残赔偿金（需要做伤残鉴定）。在治疗结束前，先别急着和保险公司签调解协议。",
            "contract": "欠款/合同纠纷，先准备：合同或借条、转账记录、催款的聊天记录。诉讼时效一般是3年，从知道对方不还起算。金额不大的，律师函 + 小额诉讼往往就够了。",
            "criminal": "刑事案件不是我们所的主要业务，我如实说，免得耽误您。可以帮您转介合作的刑辩律师；时间很关键，家属可以尽快委托律师会见、了解案情、申请取保候审。",
        },
        "urgent": "现在先别慌。今晚可以做的：把相关聊天记录、合同、转账记录截图备份好，不要删除；暂时不要签任何新文件，也不要和对方在情绪上起冲突。如果涉及人身安全，请立即拨打110。",
        "late": "现在是下班时间，律师明早9点后会看到您的留言并优先处理。",
        "contact": "方便的话留个电话或微信，我让对口的律师在工作时间联系您，先做免费的20分钟电话咨询。不方便也没关系，可以继续在这里说。",
        "clarify": "方便简单说下是什么类型的纠纷吗？比如劳动（工资、辞退）、欠款合同、离婚、租房、交通事故？大概什么时候发生、对方是个人还是公司？",
        "person": "律师",
    },
    "en": {
        "name": "Harper & Lane Law, PLLC",
        "intro": "We handle employment issues, landlord-tenant disputes, contracts and unpaid debts, family law and personal injury. Everything you share here is kept confidential.",
        "hours": (9, 17),
        "price": {
            "default": "Fees: the first 20-minute phone consultation is free; an in-depth consult is $200 (credited if you hire us). Hourly work is $275-$350. Flat fees for common matters: demand letter $450, uncontested divorce $1,800 plus filing fee. Personal injury and many wage claims are contingency - no fee unless we recover money. Everything is in a written engagement letter.",
            "injury": "Personal injury is on contingency: 33⅓% of what we recover if it settles, 40% if it goes to trial, and nothing if there's no recovery. The first consultation is free.",
            "labor": "Employment matters (unpaid wages, overtime, wrongful termination): many are handled on contingency, usually 33⅓%; others hourly at $275-$350. The first 20-minute consult is free.",
            "family": "Family law: uncontested divorce is a flat $1,800 plus the court filing fee; contested matters are hourly ($300) with a retainer, typically $3,500-$5,000.",
            "tenancy": "Landlord-tenant (deposits, repairs, lease breaks): a demand letter is a flat $450 and resolves many deposit disputes; if it goes to court, we quote a flat fee up front.",
        },
        "factors": "What drives the cost: the amount in dispute, how complete your documents are, whether the other side is an individual or a company, and whether it settles or goes to court. You get a written fee quote before anything starts.",
        "time": "Rough timelines: a demand letter usually gets a response in 2-3 weeks; small claims 1-3 months; a civil lawsuit 12-18 months if it doesn't settle (most do). Deadlines (statutes of limitations) vary by claim and can be as short as 1-2 years, so it's worth talking soon.",
        "process": "Typically: 1) gather what you have - contracts, texts/emails, pay stubs, photos, receipts, 2) free 20-minute call so an attorney can tell you whether you have a claim and your options, 3) if you hire us, a written engagement letter, 4) we send a demand or file, 5) negotiate or go to court. (This is general information, not legal advice for your situation.)",
        "pain": "The real costs of a dispute are time (months), fees and stress, and even a win has to be collected. The attorney will tell you honestly if it's worth pursuing or better settled.",
        "qual": "Our attorneys are licensed in this state (you can verify on the state bar website); the founding partner has 14 years of employment and civil litigation experience.",
        "success": "No ethical attorney can guarantee a result - be wary of anyone who does. The outcome depends on your evidence, deadlines, the law in your state and whether the other side can pay. After reviewing your documents, the attorney will give you a frank read, including the weak spots.",
        "payment": "We accept card, ACH and check; retainers can be split into two payments. Contingency cases have no upfront fee. If cost is a barrier, your local legal aid society may help - I can point you there.",
        "location": "Our office is at 400 Commerce St, Suite 1200, with validated garage parking. Hours: Mon-Fri 8:30am-5:30pm; phone consults can be scheduled until 7pm.",
        "booking": "The best next step is the free 20-minute phone consult. Tell me the type of issue, roughly when it happened, and whether the other side is a person or a company, and I'll route you to the right attorney.",
        "discount": "Our rates are published and the same for everyone - no 'sign today' pricing. The first 20 minutes are free, the consult fee is credited if you hire us, and many wage and injury cases are contingency.",
        "compare": "When comparing firms, ask: who will actually work on your case, how the fee is structured (flat, hourly, contingency), what stage the fee covers, and whether costs like filing fees are extra. Happy to look at another firm's terms and tell you how ours compare.",
        "night": "If you work days, phone consults can be scheduled until 7pm on weekdays.",
        "situation": {
            "labor": "If you were let go and are owed pay: state law sets a deadline for final wages (some states require it on your last day), and unpaid wages or overtime can often be recovered with penalties. Whether the firing itself was illegal depends on the reason - discrimination, retaliation for complaining, or taking protected leave, for example. Save your offer letter, pay stubs, schedules, texts/emails and the termination notice, and don't sign a severance agreement before someone reviews it.",
            "family": "Divorce is either uncontested (you agree on property, support and custody, and it's mostly paperwork) or contested. Either way it helps to gather recent tax returns, pay stubs, account statements, mortgage/lease papers and notes on the kids' schedules.",
            "eviction": "With an eviction case, the most important thing is not to miss the court date - if you don't show up, the landlord usually wins by default. Bring your lease, rent receipts or bank records, photos of any repair problems and all messages with the landlord. Landlords generally can't lock you out, remove your things or shut off utilities without a court order. Many courts also have free tenant help desks or mediation on the hearing day.",
            "tenancy": "Security deposits: most states require the landlord to return the deposit, or send an itemized list of deductions, within a set deadline (often 14-30 days), and some let you recover 2-3 times the deposit if they don't. Keep your lease, proof of payment, move-out photos/video and all messages. A formal demand letter is usually the first step; small claims court is the next.",
            "injury": "After an accident: get medical care first and keep every record and bill, plus the police report number, photos and the other driver's insurance details. Don't give a recorded statement to the other side's insurer or accept a quick settlement before you know the full extent of your injuries.",
            "contract": "For unpaid money or a broken contract: gather the contract or invoices, proof of payment or delivery, and every message asking to be paid. Deadlines to sue are usually several years for written contracts, but don't wait. A demand letter often gets results; small claims covers smaller amounts.",
            "criminal": "We don't handle criminal defense, and I don't want to waste your time. We can refer you to a criminal defense attorney we trust - or your county public defender's office if cost is a concern. Until you have a lawyer, it's generally wise not to discuss the case with police without one.",
        },
        "urgent": "First, take a breath. Tonight: save (don't delete) every text, email, letter and photo related to this, and don't sign anything new. If you've been served with court papers, note the date - there's usually a short deadline to respond (often 20-30 days). If you're in danger, call 911.",
        "late": "Our office is closed right now; an attorney will see this first thing tomorrow morning.",
        "contact": "If you leave a phone number or email, the right attorney can reach you during business hours for the free 20-minute consult. If you'd rather keep it here for now, that's fine too.",
        "clarify": "Could you tell me what kind of issue it is - job/wages, a landlord, a contract or unpaid money, family, or an accident - and roughly when it happened?",
        "person": "an attorney",
    },
}

KB["medical_aesthetics"] = {
    "zh": {
        "name": "悦颜医疗美容门诊部",
        "intro": "我们是持证的医疗美容门诊，做肉毒素、玻尿酸、光子/激光类皮肤项目和脱毛，由执业医生操作。",
        "hours": (10, 20),
        "price": {
            "default": "常见项目：肉毒素（除皱/瘦脸）¥980 起/部位；玻尿酸 ¥1,800 起/支；光子嫩肤 ¥680/次；激光脱毛（腋下）¥200/次。您想了解哪一项？我给您说细一点。",
            "botox": "肉毒素按品牌和部位：国产衡力 抬头纹/川字纹 ¥980/部位，瘦脸（咬肌）¥1,680；进口保妥适 ¥2,800–3,800/部位。价格含医生面诊和2周复查，需要少量补打不另收费。",
            "filler": "玻尿酸按支（1ml）：国产（如润百颜）¥1,800–2,800/支；进口（乔雅登、瑞蓝）¥4,800–6,800/支。法令纹一般每侧0.5–1ml，丰唇约1ml，用量医生面诊后定，操作中不会临时加量加价。",
            "laser": "光子嫩肤 ¥680/次（一般3–5次，5次疗程 ¥2,800）；皮秒祛斑 ¥1,500–2,500/次；热玛吉全脸 ¥16,800 起（正品探头，当面拆封）。",
            "hair": "激光脱毛：腋下 ¥200/次，小腿 ¥800/次，唇周 ¥150/次，一般需要5–8次，间隔4–6周。",
            "acne": "痘痘/痘印：果酸/水杨酸 ¥380/次，点阵激光 ¥1,200/次。建议先面诊看皮肤类型再定。",
        },
        "factors": "价格差异主要来自：产品品牌（国产/进口）、用量、做的部位数量、是否需要多次疗程。面诊时医生会说清楚需要多少量，按实际用量收费。",
        "time": "肉毒：3–5天开始起效，2周效果最好，维持4–6个月。玻尿酸：当场见效，肿胀2–5天消退，维持6–12个月。光子：几乎没有恢复期，每次间隔3–4周。操作本身一般30–60分钟（含敷麻药）。",
        "process": "① 免费面诊（约20–30分钟）：医生看情况，说明适不适合、有什么风险 → ② 签知情同意、拍术前照片 → ③ 清洁、敷麻药 → ④ 操作 → ⑤ 冰敷、交代注意事项 → ⑥ 2周复查。面诊后不用当天决定。",
        "pain": "痛感因人而异：肉毒针很细，像几下蚊子叮；玻尿酸会先敷麻药30分钟，产品本身也含利多卡因，多数人能接受。常见反应是注射点发红、轻微肿、可能有淤青（1周左右消）。少见但严重的风险是血管栓塞，所以一定要找有资质的医生和正规产品，我们院内备有溶解酶和应急预案。孕期、哺乳期、局部有感染或对成分过敏的不建议做。",
        "qual": "我们持《医疗机构执业许可证》，注射由持执业医师证和美容主诊医师资格的医生操作，不是美容师打。产品都是国家药监局批准的，可以当面查验防伪码、当面拆封。",
        "success": "效果因人而异，不能保证做成某张案例图的样子。影响效果的有：个人基础（皮肤、骨骼、肌肉力量）、用量、代谢速度。医生面诊时会跟您说合理预期，宁可保守一点。",
        "payment": "支持微信、支付宝、信用卡，也可以信用卡分期。医美项目属于自费，医保不能报销。",
        "location": "地址：天河路385号太古汇写字楼15层（地铁石牌桥站直达）。营业时间：每天 10:00–20:00（周一 13:00 开始）。",
        "booking": "建议先来做个免费面诊，不做也没关系。平时晚上和周末都能约，您哪天方便？",
        "discount": "价格明码，不搞“今天交定金才有的价”。实在的：第一次面诊免费；光子、脱毛这类多次的项目买疗程比单次便宜20%左右。不用急着决定。",
        "compare": "比价时注意：是否正品（看包装和防伪码、当面拆封）、谁来操作（执业医生还是美容师）、用量（“一支”到底是多少ml）、是否含复查和补打。价格差太多的，通常问题就在这几点。",
        "night": "下班后也可以来，我们每天开到20:00，周末照常。",
        "first": "第一次做很多人都会紧张，这很正常。建议从恢复期短、效果可逆的项目开始，比如肉毒或光子；玻尿酸不满意也能用溶解酶溶掉。面诊时有任何顾虑都可以直接问医生。",
        "contact": "方便的话留个电话或微信，我让医生助理跟您约面诊时间，并提前把术前注意事项发给您。不想留也没关系。",
        "clarify": "您想改善的是哪方面呢？比如皱纹、脸型、苹果肌/法令纹、斑点痘印，还是脱毛？说一下我给您推荐合适的项目。",
        "person": "医生助理",
    },
    "en": {
        "name": "Lumen Aesthetics & Laser",
        "intro": "We're a physician-directed med spa: Botox/Dysport, fillers, IPL and laser skin treatments, and laser hair removal.",
        "hours": (10, 19),
        "price": {
            "default": "Popular treatments: Botox $14/unit (most forehead/frown areas need 20-40 units total), filler $725/syringe, IPL photofacial $375, laser hair removal from $150/session. Which one are you considering? I can give you more detail.",
            "botox": "Botox is $14/unit, Dysport $5/unit. Typical doses: frown lines (11s) about 20 units, forehead 10-20, crow's feet 12-24 - so a first-timer treating one or two areas usually spends $250-$550. Includes the consult and a 2-week check; small touch-ups at that visit are free.",
            "filler": "Fillers (Juvederm, Restylane, RHA) are $725 per syringe. Lips usually take 1 syringe; cheeks or smile lines 1-2. The injector tells you the amount at the consult - no surprise add-ons mid-treatment.",
            "laser": "IPL photofacial $375/session or $975 for 3 (most people need 3). Morpheus8 $900/session. Chemical peels from $150.",
            "hair": "Laser hair removal: underarms $150/session, bikini $200, lower legs $350; usually 6-8 sessions 4-6 weeks apart, and packages of 6 are 20% off.",
            "acne": "For acne and acne scarring: peels from $150, microneedling $350/session (usually 3). A consult comes first to match the treatment to your skin type.",
        },
        "factors": "Cost depends on the product, how many units/syringes you need, how many areas, and whether a treatment needs a series. You pay for what's actually used, and the injector will tell you the amount before starting.",
        "time": "Botox starts working in 3-5 days, peaks at 2 weeks and lasts 3-4 months. Filler shows right away, swelling settles in 2-5 days, and it lasts 6-12 months. IPL has little downtime and sessions are 4 weeks apart. Appointments are 30-60 minutes including numbing.",
        "process": "1) free consult (20-30 min) where the provider checks your goals, medical history and whether it's right for you, 2) consent form and photos, 3) cleanse and numbing if needed, 4) treatment, 5) aftercare instructions, 6) check-in at 2 weeks. You don't have to decide on the day of the consult.",
        "pain": "Botox feels like a few quick pinches. For filler we use numbing cream, and most fillers also contain lidocaine, so most people find it very tolerable. Common effects: redness, mild swelling and possible bruising for about a week. Rare but serious risks exist - most importantly filler blocking a blood vessel - which is why experience matters; we keep the dissolving agent and an emergency protocol on site. It's not recommended if you're pregnant, breastfeeding or have an active skin infection.",
        "qual": "Our medical director is a board-certified dermatologist (Dr. Maya Patel, MD). Injections are done by nurse practitioners and RNs with 5+ years of aesthetic experience, under her supervision. We use only FDA-approved products, and you can see the box opened in front of you.",
        "success": "Results vary from person to person and no one can promise you'll look like a particular before/after photo. Your anatomy, skin, the dose and your metabolism all play a role. The injector will set realistic expectations at the consult - we'd rather under-promise.",
        "payment": "We take all major cards, and financing through Cherry or CareCredit. Cosmetic treatments aren't covered by insurance, and HSA/FSA generally can't be used for them.",
        "location": "We're at 88 Pine Street, Suite 300 (garage parking next door). Hours: Tue-Fri 10am-7pm, Sat 9am-4pm.",
        "booking": "I'd start with a free consult - no obligation to do anything that day. We have evening and Saturday times. Which days work for you?",
        "discount": "Our prices are the same for everyone and we don't do 'book today' pressure deals. Real savings: free consults, series pricing (like 3 IPL sessions for $975), and 20% off hair-removal packages. No rush to decide.",
        "compare": "When comparing prices, check: is it the brand-name product (ask to see the box), who's injecting (their license and experience), the actual units/syringe amount, and whether follow-ups are included. Big price gaps usually come from one of those.",
        "night": "We're open until 7pm Tuesday to Friday and all day Saturday, so after-work appointments are easy.",
        "first": "Being nervous the first time is completely normal. Many first-timers start with something low-commitment like Botox or IPL; filler can even be dissolved if you don't like it. Bring every question to the consult.",
        "contact": "If you'd like, leave a phone number or email and our patient coordinator will find you a consult time and send pre-treatment instructions. No pressure if you'd rather not.",
        "clarify": "What would you like to improve - lines and wrinkles, volume (lips, cheeks), spots/redness/texture, or hair removal? Then I can point you to the right option.",
        "person": "our patient coordinator",
    },
}

KB["home"] = {
    "zh": {
        "name": "匠心家装",
        "intro": "我们做住宅装修：新房全包/半包、旧房翻新，以及厨房、卫生间局部改造和防水维修。",
        "hours": (9, 18),
        "price": {
            "default": "按建筑面积估：\n· 半包（人工 + 辅材，主材您自己买）：¥700–900/㎡\n· 全包（含瓷砖、地板、洁具、门、吊顶等中档主材）：¥1,500–2,200/㎡\n· 旧房翻新另有拆除和垃圾清运，一般 ¥30–60/㎡\n比如90㎡两居室全包，常见在14–20万。精确的要量房后出分项报价单，量房免费。",
            "kitchen": "厨房翻新（5–6㎡）：¥2.5万–4.5万，含拆旧、水电改造、防水、墙地砖、吊顶，橱柜按延米 ¥2,000–3,500 另算。",
            "bathroom": "卫生间翻新（4–5㎡）：¥2万–3.5万，含拆旧、重做防水（闭水试验48小时）、墙地砖、吊顶、洁具安装。只是漏水的话，上门检测免费，局部修补 ¥1,500–4,000。",
            "partial": "局部：墙面重新刷漆 ¥30–45/㎡（含铲墙、腻子、乳胶漆），地板铺装人工 ¥25–35/㎡，瓷砖铺贴人工 ¥60–90/㎡。",
        },
        "factors": "影响价格最大的是：主材档次、水电改多少、要不要改墙体、旧房拆除量，还有定制柜子。我们的报价单每一项都列出品牌、型号、数量和单价，您可以逐项删减。",
        "time": "工期：90㎡左右全包 75–90天，半包 60天左右；厨房或卫生间单独翻新 15–25天（含防水闭水和瓷砖养护）。工期写进合同，延期按天赔付。",
        "process": "① 免费上门量房 → ② 设计师出平面方案和分项报价（3–5天）→ ③ 确认后签合同 → ④ 开工交底 → ⑤ 水电 → 泥瓦 → 木工 → 油漆 → 安装 → ⑥ 每个节点您或监理验收签字 → ⑦ 竣工验收、开荒保洁。",
        "pain": "施工和环保：水电按国标施工，做完打压测试；板材用E0级、环保腻子；完工可以免费做一次甲醛检测。施工时间遵守小区规定，做好成品保护，不扰邻。",
        "qual": "公司有建筑装修装饰工程专业承包资质，工人是自有班组，水电工持电工证；每个工地配项目经理和监理，可以随时去工地看。",
        "success": "我们不会说“零增项”这种话，但会做到：报价单分项列清，合同外的增项必须您书面签字才施工，否则由我们承担。质保：水电隐蔽工程5年、防水5年、其他2年。",
        "payment": "付款分四期：签约开工 30%、水电验收后 30%、泥木完成 30%、竣工验收后 10%。可以银行转账、刷卡，也可以办银行装修贷分期。",
        "location": "门店在建设大道1288号红星美凯龙3楼，有样板间和材料展厅。营业时间：每天 9:00–18:30，量房可以约周末。",
        "booking": "下一步建议约一次免费量房，大约1小时。您告诉我小区、面积、大概想怎么改、预算范围，我帮您安排设计师。",
        "discount": "我们不玩“先低价后增项”。实在的：量房和设计方案免费；签全包送一次甲醛检测；老客户介绍减 ¥1,000。方案拿回去慢慢比，不用急。",
        "compare": "对比报价建议逐项看：① 水电是按实际米数还是打包价（按米数后期容易变多）② 主材品牌、型号、等级有没有写明 ③ 防水刷多高、用什么材料 ④ 是否含垃圾清运、成品保护、管理费 ⑤ 付款节点和质保年限。方便的话把别家报价单拍给我，我帮您逐项对。",
        "night": "白天上班没空的话，量房可以约周末，设计师也可以晚上电话或视频沟通方案。",
        "contact": "方便的话留个电话或微信，设计师量房前先跟您确认户型和需求，量完把分项报价发给您。不想留也没问题。",
        "clarify": "您是新房还是旧房？大概多少平米、想做全屋还是厨房/卫生间局部？有预算范围的话也可以说一下。",
        "person": "设计师",
    },
    "en": {
        "name": "Oakline Home Renovation",
        "intro": "We're a licensed and insured remodeling contractor - kitchens, bathrooms, basements and whole-home updates.",
        "hours": (8, 17),
        "price": {
            "default": "Typical ranges: bathroom remodel $18k-$30k (tub-to-shower conversion $9k-$14k); kitchen refresh $15k-$25k, full mid-range kitchen $35k-$65k; basement finishing $45-$75 per sq ft; interior painting $3-$5 per sq ft. The in-home estimate is free and you get a written, itemized quote.",
            "kitchen": "Kitchens: a refresh (new counters, backsplash, paint, fixtures) runs $15k-$25k; a full mid-range remodel with new cabinets, layout tweaks, electrical and flooring is $35k-$65k. Cabinets are usually the biggest line item.",
            "bathroom": "Bathrooms: a full remodel of a standard 5x8 bath is $18k-$30k (demo, waterproofing, tile, vanity, fixtures, lighting); tub-to-shower conversion $9k-$14k. Leak investigation is free, and small repairs start around $450.",
            "partial": "Smaller jobs: interior painting $3-$5 per sq ft of wall, LVP flooring installed $6-$9 per sq ft, drywall repair from $350.",
            "basement": "Basement finishing is typically $45-$75 per sq ft, depending on bathrooms, egress windows and moisture work.",
        },
        "factors": "The biggest price drivers: cabinet and finish level, moving plumbing or walls, permit requirements, and surprises behind old walls. Our quote lists every line item with materials and model numbers, so you can swap or drop things.",
        "time": "Typical timelines: bathroom 3-5 weeks, kitchen 6-10 weeks once work starts. Add 2-6 weeks for permits and cabinet lead times. The schedule is in the contract and we give weekly updates.",
        "process": "1) free in-home estimate (about an hour), 2) itemized written quote within a week, 3) design choices and contract, 4) permits, 5) demolition and rough-in with inspections, 6) finishes, 7) final walkthrough and punch list.",
        "pain": "On safety and disruption: we pull permits and pass inspections, follow EPA lead-safe practices on pre-1978 homes, put up dust barriers and clean up daily. You'll have a single project manager to call.",
        "qual": "We're state-licensed (license number on every contract), carry general liability and workers' comp, and have 18 years in business; our crews are in-house, not day labor. References and photos from recent jobs are available.",
        "success": "We won't promise 'no change orders' - old houses hide things. What we do promise: an itemized quote, no extra work without your written approval, and a 2-year workmanship warranty on top of manufacturer warranties.",
        "payment": "Payment: a small deposit at signing, progress payments tied to finished milestones, and the final 10% after the walkthrough. We take check, ACH and card, and offer financing through a partner lender for qualified homeowners.",
        "location": "Our showroom is at 2700 Industrial Pkwy (free parking). Hours: Mon-Fri 8am-5pm, Saturday estimates by appointment.",
        "booking": "The next step is a free in-home estimate, about an hour. Tell me the rough scope, your town/zip and which days work, and I'll line up a project manager.",
        "discount": "We don't do lowball-then-upsell or 'sign today' discounts. Ways to save: keep plumbing where it is, choose stock cabinets, or do the painting yourself - we'll show the savings line by line. Referrals get $500 off.",
        "compare": "To compare quotes fairly, check: is it itemized, are materials named (brand/model), who pulls permits, is demo/disposal included, what's the payment schedule, and what's the warranty? Send me the other quote and I'll go through it line by line - honestly.",
        "night": "If you work days, we do Saturday estimates and evening video calls to go over the design.",
        "contact": "If you leave a phone number or email, a project manager can confirm the details before the estimate and send the itemized quote afterwards. Totally fine to keep chatting here if you prefer.",
        "clarify": "What's the project - kitchen, bathroom, basement, or something else? Roughly how big, and do you have a budget range in mind?",
        "person": "a project manager",
    },
}

KB["auto"] = {
    "zh": {
        "name": "恒通汽车",
        "intro": "我们是品牌授权经销商，卖新车和官方认证二手车，也做置换、贷款和售后保养。",
        "hours": (9, 18),
        "price": {
            "default": "给您报价我会拆成几项，方便对比：裸车价（车身优惠后）+ 购置税（燃油车约为裸车价÷1.13×10%；新能源车按当年免征/减半政策）+ 交强险和商业险（约 ¥4,000–8,000，看车价和险种，可以自己选保险公司）+ 上牌代办（约 ¥500，也可以自己上）。请告诉我具体车型配置、全款还是贷款，我给您出一份书面落地价明细。",
            "used": "认证二手车价格按车况、年份、里程定，每台都有百项检测报告和维保记录，1年/2万公里质保。您说下预算和想要的车型，我给您挑几台在库的。",
        },
        "price_model": "这款车的落地价我会拆成几项给您：裸车价（本月车身优惠后）+ 购置税（燃油车约为裸车价÷1.13×10%；新能源车按当年免征/减半政策）+ 交强险和商业险（约 ¥4,000–8,000，可以自己选保险公司）+ 上牌代办（约 ¥500，也可以自己上）。不同配置和颜色库存不一样，您告诉我想要的配置、全款还是贷款，我让销售顾问出一份书面明细，每一项都写清楚。",
        "factors": "落地价差别主要在：车身优惠、保险（险种和保险公司）、有没有加装精品、贷款的金融服务费、上牌费。我们这边不强制加装、不收金融服务费，每一项都写在报价单上。",
        "time": "现车当天可以提，手续办完一般2–3小时；没有现车的配置订车大约2–6周。贷款审批一般1–2个工作日。",
        "process": "① 先定车型配置（建议来试驾）→ ② 出书面落地价 → ③ 签订单付定金（退定条件写在合同里）→ ④ 办贷款/付款 → ⑤ 上牌、PDI检测 → ⑥ 交车讲解。",
        "pain": "安全方面，各车型的碰撞成绩（C-NCAP、中保研）我可以帮您查；试驾带驾驶证就行，有专人陪同，保险齐全。",
        "qual": "我们是品牌授权经销商，售后有原厂认证技师、原厂配件，全国联保；二手车有官方认证。",
        "success": "贷款能不能批、利率多少，主要看征信和收入，我没法提前保证；可以先做个预审，不影响征信太多，几分钟出结果。",
        "payment": "全款可以刷卡/转账（部分信用卡有单笔上限）。贷款：首付最低20%，24/36/60期可选；部分车型厂家贴息（24期0息），其他年化约3%–6%，以银行审批为准，不收金融服务费。定金一般 ¥2,000–5,000。",
        "tradein": "置换：带车来店里评估约30分钟，免费，评估了不卖也没关系。价格看车况、里程、年份和事故记录；置换新车另有厂家置换补贴（按车型 ¥3,000–8,000 不等）。",
        "location": "展厅地址：机场大道66号汽车城C区8号，停车方便。营业时间：每天 8:30–18:30，周末照常营业。",
        "booking": "可以约个试驾，周末也行，大概40分钟。您看中的是哪款车型？我先帮您确认有没有现车。",
        "discount": "优惠直接跟您说实在的：当月车身优惠写在报价单上，不用来回砍；置换补贴、厂家贴息这些可以叠加。我们不说“只有今天”，书面报价单有效期7天，您可以拿去比。",
        "compare": "跟别家比落地价时，留意：① 有没有强制加装（贴膜、脚垫、导航）② 金融服务费 ③ 上牌费是否偏高 ④ 保险是否指定 ⑤ 赠品算不算钱。别家的报价单可以发我，我按同配置给您逐项对比。",
        "night": "白天没空的话，周末全天营业，也可以约个下班后的时间电话沟通配置和报价。",
        "contact": "方便的话留个电话或微信，我让销售顾问把书面落地价明细（每一项费用）发给您，您可以拿去对比。不想留也可以就在这里聊。",
        "clarify": "您看中的是哪款车型、什么配置？新车还是二手车？全款还是贷款、有没有旧车置换？说一下我给您算得更准。",
        "person": "销售顾问",
    },
    "en": {
        "name": "Riverside Motors",
        "intro": "We're a franchised dealer selling new and certified pre-owned vehicles, with financing, trade-ins and a service department.",
        "hours": (9, 20),
        "price": {
            "default": "I'll always quote you an out-the-door number, broken down: selling price (after any rebates) + sales tax at your local rate + title/registration (state fees, usually $150-$400) + a $199 doc fee. No mandatory add-ons - anything extra is optional and listed separately. Which model and trim, and are you paying cash, financing or leasing? I'll put it in writing.",
            "used": "Certified pre-owned prices depend on year, miles and condition; every CPO car has a 172-point inspection, a free vehicle history report and extended powertrain coverage. Tell me your budget and the kind of car, and I'll list what we have in stock.",
        },
        "price_model": "For that model I'll give you an out-the-door number broken down: selling price (after current rebates) + sales tax at your local rate + title/registration (state fees, usually $150-$400) + a $199 doc fee. No mandatory add-ons. Tell me your zip code (for tax) and whether it's cash, finance or lease, and I'll get the itemized quote in writing - pricing depends on the exact trim and what's in stock, so I won't guess a number.",
        "factors": "Out-the-door prices differ mainly on: discounts/rebates, dealer add-ons, doc fees, financing rate, and trade-in value. We show every line so you can compare apples to apples.",
        "time": "If it's in stock, you can drive it home the same day - paperwork takes about 2 hours (less if you do credit online first). A factory order takes roughly 4-10 weeks.",
        "process": "1) pick a model/trim (a test drive helps), 2) written out-the-door quote, 3) financing pre-approval or cash, 4) trade-in appraisal if you have one, 5) sign, 6) delivery with a walkthrough of the features.",
        "pain": "For safety ratings, I can send the IIHS and NHTSA results for any model. Test drives just need a valid license and proof of insurance.",
        "qual": "We're a factory-authorized dealer with factory-certified technicians, OEM parts, and we can do warranty and recall work.",
        "success": "I can't promise a loan approval or a specific rate - that's up to the lender, based on credit and income. A soft-pull pre-approval online shows you where you stand without hurting your score.",
        "payment": "Financing: rates depend on credit; some models have manufacturer promo APRs (for example 2.9% for 60 months for well-qualified buyers). You're welcome to bring your own bank or credit union pre-approval. Leasing is available on most new models. Deposits are refundable until you sign.",
        "tradein": "Trade-ins: a free appraisal takes about 20 minutes, and you get a written offer good for 7 days whether or not you buy from us. Value depends on condition, mileage, history and current market.",
        "location": "We're at 4500 Commerce Blvd. Hours: Mon-Sat 9am-8pm, Sun 11am-5pm.",
        "booking": "Happy to set up a test drive - about 30-40 minutes, and I can have the car ready when you arrive. Which model, and what day works?",
        "discount": "Straight answer: our discount and any factory rebates are on the written quote up front, so there's no back-and-forth. Rebates, promo financing and trade-in value can stack. No 'today only' pressure - the quote is good for 7 days.",
        "compare": "When comparing dealers, compare out-the-door totals, not monthly payments, and check for add-ons (nitrogen, paint protection, VIN etching), doc fees and the APR. Send me the other quote with the same trim and I'll show you line by line how we compare.",
        "night": "We're open until 8pm Monday to Saturday, so after-work visits are easy.",
        "contact": "If you leave a phone number or email, a sales consultant can send the written out-the-door breakdown so you can compare it with other quotes. Fine to keep it here in chat too.",
        "clarify": "Which model and trim are you looking at - new or pre-owned? Cash, finance or lease, and do you have a trade-in? That'll let me give you real numbers.",
        "person": "a sales consultant",
    },
}

# ---------------------------------------------------------------------------------------------
# Language-level phrases
# ---------------------------------------------------------------------------------------------

PHRASES = {
    "zh": {
        "hello": "您好！这里是{name}在线咨询。",
        "bot": "我是{name}的自动在线助手，不是真人。一般的问题我可以直接回答；具体方案和报价，需要我们的{person}（真人）来跟进。",
        "refuse_ok": "没问题，不留也可以，您在这里随时问，我都会回复。",
        "lead_thanks": "收到，谢谢！已经记下了。{when}会由{person}联系您，会说明是{name}。",
        "lead_ask_time": "如果有方便接听的时间段，也可以告诉我。",
        "lead_when_open": "工作时间内一般1小时内",
        "lead_when_closed": "明天上班后",
        "lead_when_pref": "按您说的时间",
        "lead_prompt": "好的，您直接把手机号或微信号发在这里就行。",
        "bye": "{thx}{loc}有问题随时在这里留言，祝您一切顺利。",
        "bye_lead": "{thx}我们的{person}会按约定联系您，有问题随时在这里留言。",
        "more_q": "您还想了解哪方面？价格、时间、流程都可以问我。",
        "repeat": "这部分上面已经说过了；要给您更准确的数字，得结合您的具体情况。",
        "fishing": "这些属于内部经营信息，不方便透露，抱歉哈。公开的信息（项目、价格、营业时间、地址）我都可以告诉您。",
        "fishing_again": "这部分还是不方便透露，理解一下哈。如果是想了解我们的课程/服务本身，我很乐意详细介绍。",
        "complaint": "非常抱歉给您带来不好的体验，这不是我们想要的。麻烦告诉我：姓名或预约时用的手机号、大概日期、具体发生了什么，我会直接转给负责人，1个工作日内给您答复处理方案。",
        "complaint_contact": "如果方便，留个电话，负责人直接打给您会更快；不方便的话，在这里沟通也可以。",
        "complaint_again": "您反馈的情况我已经在跟进了，负责人会尽快给您回复处理方案，不会让这事没人管。",
        "affirm_more": "好的。还有什么想了解的，随时问我。",
        "unknown": "这个问题我想确认准确后再答复您，免得说错。",
        "worried": "别着急，我们一起看看怎么处理。",
        "too_many": "其他问题您接着问，我一个个回复。",
        "contact_markers": ["留个电话", "留一个电话", "手机号或微信号", "留个联系方式"],
    },
    "en": {
        "hello": "Hi, thanks for reaching out to {name}!",
        "bot": "I'm {name}'s automated chat assistant, not a person. I can answer most general questions here; specific plans and quotes are handled by {person}, a real person, during business hours.",
        "refuse_ok": "No problem at all - we can keep it here in chat. Ask me anything anytime.",
        "lead_thanks": "Got it, thank you! I've passed that on. {person_cap} will reach out {when} and will mention {name}.",
        "lead_ask_time": " If there's a time that works best, just let me know.",
        "lead_when_open": "usually within the hour during business hours",
        "lead_when_closed": "first thing next business day",
        "lead_when_pref": "at the time you mentioned",
        "lead_prompt": "Sure - just type your phone number or email here.",
        "bye": "{thx} {loc} Message us here anytime if more questions come up. Take care!",
        "bye_lead": "{thx} {person_cap} will be in touch as planned - and you can message here anytime.",
        "more_q": "What else would you like to know - price, timing, process?",
        "repeat": "That's what I covered above; to get more precise I'd need a bit more about your situation.",
        "fishing": "That's internal business information, so I'm not able to share it - sorry. Anything public (services, prices, hours, location) I'm happy to tell you.",
        "fishing_again": "That's still not something I can share, I'm afraid. If you're interested in our services themselves, I'm glad to go into detail.",
        "complaint": "I'm really sorry - that's not the experience we want anyone to have. Could you tell me the name on the account or appointment, the approximate date, and what happened? I'll send it straight to the manager, and you'll hear back with how we'll fix it within one business day.",
        "complaint_contact": "If you'd like, leave a phone number and the manager will call you directly - usually faster. If you'd rather keep it in writing here, that's fine too.",
        "complaint_again": "Your complaint is already with the manager, and you will get a response - it won't be dropped.",
        "affirm_more": "Great. Anything else you'd like to know, just ask.",
        "unknown": "I want to give you an accurate answer on that rather than guess.",
        "worried": "I understand this is stressful - let's sort it out.",
        "too_many": "Ask me the rest and I'll go through them one by one.",
        "contact_markers": ["phone number or", "leave a phone number", "type your phone number"],
    },
}

# ---------------------------------------------------------------------------------------------
# Intent detection
# ---------------------------------------------------------------------------------------------

INTENT_PATTERNS = {
    "complaint": r"投诉|退款|退钱|退费|不满意|太差|骗子|被骗|失望|态度差|态度不好|差评|没人管|没人理|没人回|一直没(人|回|解决)|返工|还是(疼|痛|漏|坏|没)|上次.{0,12}(问题|不好|疼|痛|坏|漏|差)|\brefund|complain|terrible|disappoint|unacceptable|worst|not happy|unhappy|\brude\b|\bscam|ripped off|never (called|showed|got back)|no one (called|got back)|still (hurts|leaking|broken|waiting|not fixed)|botched|messed up|fell off|came loose",
    "fishing": r"成本|进货|供货|供应商|利润|毛利|员工工资|老师工资|你们.{0,6}(工资|薪资|提成)|客户名单|客户资料|营业额|流水|拿货|渠道价|同行|加盟|\bsupplier|wholesale|\bmargins?\b|markup|your costs?\b|what do you pay your|(staff|employees|tutors|teachers|techs|injectors|hygienists|salespeople) (get )?paid|client list|customer list|\brevenue|who supplies|in the same (business|industry)|i (own|run) a (clinic|center|centre|shop|firm|company|dealership|spa)|franchise",
    "bot": r"机器人|真人|人工客服|转人工|自动回复|\bai\b|\bbot\b|robot|real person|a human|are you human|automated|chatgpt",
    "price": r"多少钱|价格|价钱|费用|收费|价位|报价|几千|几万|多少一|怎么收|贵不贵|贵吗|太贵|预算|包含|包括|含不含|落地|\bprices?\b|\bpricing|\bcosts?\b|how much|\bfees?\b|\brates?\b|\bquotes?\b|expensive|afford|budget|\$|includ|out.the.door|\botd\b",
    "discount": r"优惠|打折|折扣|便宜|活动|团购|底价|最低价|能少|少点|让点|砍价|赠送|送什么|\bdiscounts?|\bdeals?\b|cheaper|lower (the )?price|best price|promo|coupon|\bspecials?\b|negotiat|price match|knock off|come down|lowest|do better|best you can do",
    "compare": r"别家|其他家|另一家|另外一家|隔壁|对比|比较|比一比|货比|人家(报|才|只)|外面|\bcompar|other (places?|shops?|clinics?|dealers?|dealerships?|offices?|compan|firms?|centers?|contractors?|quotes?|lawyers?|attorneys?)|another (place|shop|clinic|dealer|dealership|office|company|firm|center|contractor|quote|lawyer|attorney)|elsewhere|competitor|\bvs\.?\b|versus|quoted me|got a quote|(\d|two|three|four|several|few|multiple) quotes|quotes? (vary|range|from)|why so different|差这么多|差别这么大|差距这么大|beat (that|their|it)",
    "time": r"多久|多长时间|多少天|几天|几周|几个月|周期|工期|疗程|见效|多快|什么时候能|维持多久|持续多久|能维持|恢复期|\bhow long|how soon|how quickly|timeline|turnaround|duration|\blasts? (long|for)|how long .{0,25}\blast|提车|交车|到货|现车|有货|in stock|when can (i|we|it)|how fast|downtime|how many (weeks|months|days|sessions|visits|appointments|treatments)",
    "process": r"流程|步骤|怎么做|怎么弄|过程|怎么进行|怎么操作|需要准备|要带什么|要准备|怎么开始|process|procedure|\bsteps?\b|how does (it|this|that) work|what happens|what to expect|how do i (start|get started|begin)|what do i need|what should i bring",
    "pain": r"疼|痛|安全|风险|副作用|后遗症|危险|恢复|肿|淤青|麻药|麻醉|过敏|伤害|\bpain|\bhurts?\b|painful|\bsafe|\brisks?\b|side effect|complication|recovery|numb\b|numbing|anesthe|swell|bruis|allerg|scar|danger",
    "qual": r"资质|执照|执业|证书|资格|什么学历|经验|专业吗|正规|靠谱|口碑|谁来做|谁来上|谁操作|谁打|医生是|老师是|律师是|license|licensed|certif|qualif|credential|experience|board.certified|who (will|would|does|is doing)|trained|reviews?\b|reputable|legit|\binsured\b",
    "success": r"保证|保过|包过|提分|能提高|成功率|能赢|胜诉|打赢|赢吗|把握|几成|有效吗|有用吗|效果怎么样|效果好|效果如何|失败|会不会复发|能不能好|能批|guarantee|chances?\b|success|\bodds\b|will it work|does it work|\bwin\b|results?\b|effective|does it (really )?help|will (it|he|she|they|my \w+) (really )?improve|improve (his|her|their|my) (grades?|scores?)|worth it|failure|fail rate|get approved|质保|保修|warrant",
    "payment": r"医保|社保卡|保险|分期|付款|支付|刷卡|信用卡|花呗|支付宝|首付|月供|贷款|定金|订金|发票|报销|insurance|\bcovered\b|\bcovers?\b|payment|\bpay\b|financ|installment|monthly|credit card|\bhsa\b|\bfsa\b|medicare|medicaid|\bloan|\bapr\b|down payment|\bcash\b|\blease\b",
    "location": r"地址|在哪|哪里|位置|怎么走|怎么去|停车|地铁|营业时间|几点|开门|关门|上班时间|节假日|address|where are you|where is|located|location|parking|directions|\bhours\b|\bopen\b|\bclose\b|closing",
    "booking": r"预约|约个|约一下|挂号|试听|试课|报名|上门|量房|面诊|面谈|试驾|看车|到店|过来看|下一步|什么时候可以来|有空位|排期|appointment|\bbook\b|booking|schedule|sign up|enroll|register|come in|stop by|consultation|\btrial\b|test drive|next step|get started|\bslots?\b|\bestimate\b",
    "night": r"晚上|夜里|夜间|下班后|下班以后|白天没空|白天要上班|周末才|只能周末|evening|\bnights?\b|after work|after [5-8]\s*(pm)?|weekends? only|only on weekends|work during the day|day job|work full.time",
    "tradein": r"置换|旧车|trade.?in",
    "free_first": r"(上门|量房|面诊|咨询|测评|试听|试驾|评估|看一下|检测).{0,8}(收费|要钱|免费|收钱|花钱)|(收费|要钱|免费)吗|is (the |a )?(consult|consultation|estimate|assessment|appraisal|first visit|trial|test drive)\s*(free|\w* cost)|free (consult|consultation|estimate|assessment|trial)|charge for (the |a )?(consult|estimate|visit|assessment)",
    "refuse": r"不方便留|不想留|先不留|不留|不给|不用留|别打电话|不要打电话|不接电话|不要加微信|不加微信|先不用|不想被打扰|在这(里)?(聊|说|问)就|就在这(里)?(聊|说|问)|no thanks|rather not|prefer not|don'?t call|do not call|no calls|not comfortable|not ready to (give|share)|just (text|chat|message)|keep it here|here is fine|i'?ll pass|no phone|not giving|don'?t want to (give|share)",
    "thanks": r"谢谢|感谢|多谢|考虑一下|想想|再看看|商量|回头(再|联系)|再说吧|再见|拜拜|先这样|\bthanks?\b|\bthx\b|\bbye\b|think about it|talk to my|discuss (it )?with|get back to you|that'?s all|have a good",
    "greet": r"^\s*(你好|您好|在吗|在不在|哈喽|嗨|hi|hello|hey|good (morning|afternoon|evening))\b?[\s!！,，。.?？~]*$",
    "affirm": r"^\s*(好|好的|嗯|嗯嗯|行|可以|ok|okay|sure|yes|yeah|yep|sounds good|great|cool|对|是的|没问题)[\s!！。.~,，]*$",
}

SEGMENT_PATTERNS = {
    "parent": r"孩子|小孩|儿子|女儿|娃|成绩|跟不上|不及格|偏科|厌学|my (son|daughter|kid|child|boy|girl)|\d+.year.old|grades?\b|failing|struggl|falling behind|behind in",
    "adult": r"成人|我自己(想|学)|上班族|工作了|在职|考证|考研|雅思|托福|四六级|口语|\badult|for myself|\bi work|working professional|career|\bged\b|\besl\b|ielts|toefl|my english|i'?m \d{2}\b|i am \d{2}\b|after work",
    "elderly": r"老人|老年|父亲|母亲|我爸|我妈|老爸|老妈|爷爷|奶奶|外公|外婆|[6-9]\d岁|高血压|糖尿病|心脏|支架|抗凝|阿司匹林|骨质疏松|elderly|senior|my (dad|mom|father|mother|grandma|grandpa|grandmother|grandfather|parents?)\b|[6-9]\d.?(years? old|yo)\b|diabet|blood pressure|blood thinner|heart|osteoporosis|eliquis|warfarin",
    "first": r"第一次|没做过|从来没|新手|害怕|怕疼|紧张|first time|first.timer|never (done|had|tried)|nervous|scared|afraid",
    "urgent": r"紧急|很急|马上|明天(就)?开庭|被打|打人|报警|警察|拘留|被抓|威胁|起诉我|传票|急死|urgent|emergency|asap|police|arrest|threat|served|summons|court date|evict",
    "worried": r"着急|担心|焦虑|怎么办|睡不着|worried|anxious|stressed|don'?t know what to do|panick",
}

PRODUCT_PATTERNS = {
    "education": [("adult", SEGMENT_PATTERNS["adult"])],
    "dental": [
        (
            "implant",
            r"种植|种牙|植牙|种(一|两|二|三|几|\d)?颗|缺牙|掉了.{0,4}牙|implant|all.on.4|missing (a )?tooth|missing teeth",
        ),
        ("ortho", r"矫正|牙套|隐形|正畸|braces|invisalign|aligner"),
        ("denture", r"假牙|义齿|全口|denture|partial"),
        ("cleaning", r"洗牙|洁牙|洁治|牙结石|cleaning|deep clean"),
        ("filling", r"补牙|根管|蛀牙|龋|牙疼|牙痛|filling|root canal|cavity|cavities|toothache"),
        ("whitening", r"美白|whiten"),
        ("crown", r"牙冠|烤瓷|全瓷|\bcrowns?\b"),
    ],
    "legal": [
        (
            "labor",
            r"劳动|工资|辞退|开除|裁员|赔偿金|加班|社保|工伤|仲裁|fired|wages?|overtime|employer|laid off|let go|terminat|paycheck",
        ),
        (
            "contract",
            r"合同|欠款|欠钱|借钱|借条|不还钱|违约|货款|尾款|contract|owes? me|unpaid invoice|debt|breach|didn't pay me",
        ),
        ("family", r"离婚|抚养|财产分割|彩礼|婚前|divorce|custody|child support|alimony"),
        ("eviction", r"驱逐|赶我走|让我搬走|强制搬|清退|evict"),
        (
            "tenancy",
            r"房东|押金|租房|中介|退租|landlord|security deposit|\blease\b|evict|tenant|rent\b",
        ),
        ("injury", r"车祸|交通事故|受伤|被撞|accident|injur|hurt at|slip and fall"),
        (
            "criminal",
            r"刑事|取保|拘留|判刑|criminal|\bdui\b|\bdwi\b|arrested|charged with|misdemeanor|felony",
        ),
    ],
    "medical_aesthetics": [
        (
            "botox",
            r"肉毒|瘦脸|除皱|抬头纹|鱼尾纹|川字纹|瘦肩|保妥适|衡力|botox|dysport|xeomin|wrinkle|forehead lines|crow'?s feet|\b11s\b",
        ),
        (
            "filler",
            r"玻尿酸|填充|苹果肌|法令纹|丰唇|嘟嘟唇|下巴|泪沟|filler|juvederm|restylane|\blips?\b|cheek|smile lines|under.eye",
        ),
        ("hair", r"脱毛|hair removal"),
        ("acne", r"痘|痤疮|acne"),
        (
            "laser",
            r"光子|激光|祛斑|色斑|皮秒|热玛吉|超声炮|\bipl\b|laser|pigment|sun ?spots|photofacial|morpheus|peel",
        ),
    ],
    "home": [
        ("kitchen", r"厨房|橱柜|kitchen|cabinet"),
        ("bathroom", r"卫生间|厕所|浴室|淋浴|防水|漏水|bath|shower|\btub\b|leak"),
        ("basement", r"basement"),
        ("partial", r"刷墙|墙面|刷漆|局部|地板|瓷砖|paint|floor|drywall"),
        (
            "default",
            r"全屋|整装|全包|半包|毛坯|新房|二手房|旧房|翻新|whole (house|home)|entire house",
        ),
    ],
    "auto": [
        ("used", r"二手|认证车|used|pre.owned|\bcpo\b"),
        ("default", r"新车|new car|brand new"),
    ],
}

FREE_FIRST_STEP = {
    ("education", "zh"): "首次测评和试听都是免费的，不需要先交钱，也不会当场要求报名。",
    (
        "education",
        "en",
    ): "The first assessment and trial session are free - nothing to pay and no sign-up required on the day.",
    (
        "dental",
        "zh",
    ): "面诊挂号 ¥20（60岁以上免费）；种植需要拍CBCT ¥200，决定做的话抵扣。不做也不会再收其他费用。",
    (
        "dental",
        "en",
    ): "The implant consult with a 3D scan is $95, credited toward treatment if you go ahead; a regular new-patient exam is covered by most insurance plans.",
    (
        "legal",
        "zh",
    ): "首次20分钟电话咨询免费；需要律师详细看材料的面谈是 ¥500/小时，后续委托可以抵扣。",
    (
        "legal",
        "en",
    ): "The first 20-minute phone consult is free; an in-depth consult is $200 and credited if you hire us.",
    ("medical_aesthetics", "zh"): "面诊免费，医生看完不做也没关系，不会收任何费用。",
    (
        "medical_aesthetics",
        "en",
    ): "Consults are free, and there's no obligation to book anything afterwards.",
    ("home", "zh"): "上门量房/漏水检测都是免费的，设计方案和报价单也不收费，不签约也没关系。",
    (
        "home",
        "en",
    ): "The in-home estimate is free, including the itemized written quote - no obligation.",
    ("auto", "zh"): "试驾和旧车评估都是免费的，书面报价也不收费。",
    ("auto", "en"): "Test drives, trade-in appraisals and written quotes are all free.",
}

TOPIC_ORDER = [
    "free_first",
    "price",
    "tradein",
    "discount",
    "compare",
    "payment",
    "time",
    "process",
    "pain",
    "qual",
    "success",
    "night",
    "location",
    "booking",
]

CAR_MODELS = (
    r"rav4|camry|corolla|civic|accord|cr-?v|highlander|tacoma|tundra|f-?150|model [3ysx]|tesla|mustang|explorer|"
    r"rogue|altima|tucson|elantra|sonata|santa fe|telluride|sorento|cx-?5|cx-?50|outback|forester|wrangler|"
    r"silverado|tahoe|equinox|pilot|odyssey|sienna|prius|\b(xle|xse|lx|ex-?l|le|se|sel|limited|touring|trim)\b|"
    r"凯美瑞|卡罗拉|雷凌|汉兰达|雅阁|思域|本田|丰田|比亚迪|秦|宋|汉|唐|海豹|海鸥|元plus|朗逸|帕萨特|迈腾|速腾|途观|宝马|奔驰|"
    r"奥迪|特斯拉|理想|问界|小米su7|星越|博越|轩逸|哈弗|长安|吉利|蔚来|小鹏|零跑|配置|顶配|低配|中配|版"
)

TIME_PREF = r"上午|下午|晚上|中午|点以?后|点之?前|点前|周末|工作日|after \d|before \d|\d\s*(am|pm)|morning|afternoon|evening|weekend|lunch"

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")

PHONE_CN = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?!\d)")
PHONE_US = re.compile(r"(?<![\d$])(?:\+?1[-. ]?)?(\(?[2-9]\d{2}\)?[-. ]?\d{3}[-. ]?\d{4})(?![\d,])")
PHONE_CN_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3}-\d{7,8})(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
WECHAT = re.compile(
    r"(?:微信号?|威信|v信|vx|wx|wechat(?:\s*id)?|weixin)\s*(?:号|id)?\s*(?:是|为|:|：|-)?\s*([A-Za-z][-_A-Za-z0-9]{5,19})",
    re.IGNORECASE,
)
WECHAT_SAME = re.compile(
    r"微信(就是|同|跟|和)?(手机)?(号)?(同号|一样|相同|也是这个)|手机号?(就是|同)微信|same (number )?(for|on) wechat"
)


def _has(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text, re.IGNORECASE) is not None
    except re.error:
        return False


def detect_lang(text: str, locale: str | None) -> str:
    if CJK.search(text or ""):
        return "zh"
    if LATIN.search(text or ""):
        return "en"
    return "zh" if (locale or "").lower().startswith("zh") else "en"


def detect_intents(text: str, industry: str) -> set[str]:
    found = {name for name, pat in INTENT_PATTERNS.items() if _has(pat, text)}
    if industry == "legal":
        # "押金/deposit" in a law-firm chat is usually the dispute itself, not how to pay us.
        if "payment" in found and not _has(
            r"分期|付款|支付|刷卡|信用卡|insurance|financ|installment|credit card|\bpay\b", text
        ):
            found.discard("payment")
    if industry != "auto":
        found.discard("tradein")
    if "free_first" in found and not _has(r"多少钱|价格|how much|\bprices?\b|pricing", text):
        found.discard("price")
    if "greet" in found and len(found) > 1:
        found.discard("greet")
    return found


def detect_segments(text: str, industry: str) -> set[str]:
    segs = {name for name, pat in SEGMENT_PATTERNS.items() if _has(pat, text)}
    allowed = {
        "education": {"parent", "adult", "worried"},
        "dental": {"elderly", "first", "worried"},
        "legal": {"urgent", "worried"},
        "medical_aesthetics": {"first", "worried"},
        "home": {"worried"},
        "auto": {"worried"},
    }.get(industry, {"worried"})
    segs &= allowed
    if (
        "adult" in segs
        and "parent" in segs
        and _has(r"孩子|儿子|女儿|my (son|daughter|kid|child)", text)
    ):
        segs.discard("adult")
    return segs


def detect_product(texts: list[str], industry: str) -> str:
    for text in reversed(texts):
        for key, pat in PRODUCT_PATTERNS.get(industry, []):
            if _has(pat, text):
                return key
    return "default"


def extract_lead(texts: list[str]) -> dict:
    lead: dict = {}
    for text in texts:
        t = text or ""
        m = EMAIL.search(t)
        if m:
            lead["email"] = m.group(0)
        t_wo_email = EMAIL.sub(" ", t)
        m = PHONE_CN.search(t_wo_email)
        if m:
            lead["phone"] = re.sub(r"[- ]", "", m.group(1))
        else:
            m = PHONE_US.search(t_wo_email)
            if m:
                lead["phone"] = m.group(1).strip()
            else:
                m = PHONE_CN_LANDLINE.search(t_wo_email)
                if m:
                    lead["phone"] = m.group(1)
        m = WECHAT.search(t_wo_email)
        if m and not re.fullmatch(r"(同号|手机号?|same)", m.group(1), re.IGNORECASE):
            lead["wechat"] = m.group(1)
        elif WECHAT_SAME.search(t) and "phone" in lead:
            lead["wechat"] = lead["phone"]
    return lead


# ---------------------------------------------------------------------------------------------
# Reply building
# ---------------------------------------------------------------------------------------------


def _pick(value, product: str):
    """A knowledge-base entry may be a string or a dict keyed by product."""
    if isinstance(value, dict):
        return value.get(product) or value.get("default") or next(iter(value.values()), "")
    return value or ""


def _used(snippet: str, agent_texts: list[str]) -> bool:
    key = (snippet or "")[:28]
    return bool(key) and any(key in a for a in agent_texts)


def _topic_variants(
    topic: str,
    kb: dict,
    product: str,
    model_known: bool = False,
    industry: str = "",
    lang: str = "",
) -> list[str]:
    if topic == "price":
        first = _pick(kb["price"], product)
        if model_known and kb.get("price_model") and product == "default":
            first = kb["price_model"]
        out = [first, kb.get("factors", "")]
        return [v for v in out if v]
    if topic == "free_first":
        return (
            [FREE_FIRST_STEP.get((industry, lang), "")]
            if FREE_FIRST_STEP.get((industry, lang))
            else []
        )
    if topic in ("tradein",):
        return [kb.get("tradein", "")] if kb.get("tradein") else []
    value = kb.get(topic)
    if value is None:
        return []
    text = _pick(value, product)
    variants = [text]
    if (
        isinstance(value, dict)
        and product != "default"
        and value.get("default")
        and value["default"] != text
    ):
        variants.append(value["default"])
    return [v for v in variants if v]


def _in_hours(ts, hours: tuple[int, int]) -> bool:
    try:
        return hours[0] <= ts.hour < hours[1]
    except Exception:
        return True


def _latency(parts: list[str], lang: str) -> float:
    n = sum(len(p) for p in parts)
    per = 9.0 if lang == "zh" else 28.0
    return round(max(18.0, min(58.0, 16.0 + n / per)), 1)


def _split(parts: list[str], max_msgs: int = 4) -> tuple[str, list[str]]:
    parts = [p.strip() for p in parts if p and p.strip()]
    if not parts:
        return "", []
    msgs: list[str] = []
    for p in parts:
        if msgs and (len(msgs[-1]) + len(p) < 90 or len(msgs) >= max_msgs):
            msgs[-1] = msgs[-1] + "\n\n" + p
        else:
            msgs.append(p)
    return msgs[0], msgs[1:]


def _customer_batch(messages) -> tuple[str, list]:
    """Customer messages since the agent last spoke (people often send several in a row)."""
    batch = []
    for m in reversed(messages):
        if m.role == "agent":
            break
        if m.role == "customer":
            batch.append(m)
    batch.reverse()
    return "\n".join(m.text or "" for m in batch), batch


def _build(transcript: Transcript) -> AgentTurn:
    messages = list(transcript.messages or [])
    industry = transcript.industry if transcript.industry in KB else "education"
    customer_msgs = [m for m in messages if m.role == "customer"]
    agent_texts = [m.text or "" for m in messages if m.role == "agent"]
    for m in messages:
        if m.role == "agent":
            agent_texts.extend(
                m.meta.get("more", [])
                if isinstance(m.meta, dict) and isinstance(m.meta.get("more"), list)
                else []
            )
    all_customer_texts = [m.text or "" for m in customer_msgs]
    batch_text, batch = _customer_batch(messages)
    if not batch and customer_msgs:
        batch_text, batch = customer_msgs[-1].text or "", [customer_msgs[-1]]

    lang = detect_lang(batch_text or " ".join(all_customer_texts), transcript.locale)
    kb = KB[industry][lang]
    ph = PHRASES[lang]
    fmt = {
        "name": kb["name"],
        "person": kb["person"],
        "person_cap": kb["person"][:1].upper() + kb["person"][1:],
    }

    lead = extract_lead(all_customer_texts)
    lead_before = extract_lead(
        [m.text or "" for m in customer_msgs[: len(customer_msgs) - len(batch)]]
    )
    new_lead = {k: v for k, v in lead.items() if lead_before.get(k) != v}

    intents = detect_intents(batch_text, industry)
    segments = detect_segments(batch_text, industry)
    product = detect_product(all_customer_texts, industry)
    first_turn = not agent_texts
    model_known = industry == "auto" and any(_has(CAR_MODELS, t) for t in all_customer_texts)
    last_ts = batch[-1].ts if batch else None
    open_now = _in_hours(last_ts, kb["hours"]) if last_ts is not None else True

    markers = ph["contact_markers"] + [kb["contact"][:18]]
    asked_idx = next(
        (
            i
            for i, m in enumerate(messages)
            if m.role == "agent" and any(mk in (m.text or "") for mk in markers)
        ),
        None,
    )
    asked_before = asked_idx is not None
    declined = "refuse" in intents or any(
        _has(INTENT_PATTERNS["refuse"], t) for t in all_customer_texts
    )
    history_complaint = (
        any(
            _has(INTENT_PATTERNS["complaint"], t) for t in all_customer_texts[: -len(batch) or None]
        )
        if batch
        else False
    )

    parts: list[str] = []
    substantive = False
    greet_only = (
        intents == {"greet"}
        or not batch_text.strip()
        or (not intents and not segments and len(batch_text.strip()) <= 4)
    )

    # Opening line on the very first reply.
    if first_turn and "complaint" not in intents:
        opener = ph["hello"].format(**fmt)
        if greet_only:
            sep = "" if lang == "zh" else " "
            parts.append(
                opener
                + sep
                + kb["intro"]
                + sep
                + ("有什么可以帮您？" if lang == "zh" else "How can I help?")
            )
        else:
            parts.append(opener)

    # Contact details just given.
    if new_lead:
        when = ph["lead_when_open"] if open_now else ph["lead_when_closed"]
        if _has(TIME_PREF, batch_text):
            when = ph["lead_when_pref"]
            intents.discard("night")
            intents.discard("location")
        parts.append(
            ph["lead_thanks"].format(when=when, **fmt)
            + ("" if when == ph["lead_when_pref"] else ph["lead_ask_time"])
        )
        substantive = True
    elif "refuse" in intents:
        parts.append(ph["refuse_ok"])
        substantive = True

    # Situations that need acknowledging before facts.
    if "complaint" in intents:
        if _used(ph["complaint"], agent_texts):
            parts.append(ph["complaint_again"])
        else:
            parts.append(ph["complaint"])
        substantive = True
    if "fishing" in intents:
        parts.append(ph["fishing_again"] if _used(ph["fishing"], agent_texts) else ph["fishing"])
        substantive = True
    if "bot" in intents:
        parts.append(ph["bot"].format(**fmt))
        substantive = True

    if (
        industry == "legal"
        and ("urgent" in segments or not open_now)
        and "complaint" not in intents
    ):
        if not open_now and not _used(kb["late"], agent_texts) and not new_lead:
            parts.append(kb["late"])
        if "urgent" in segments and not _used(kb["urgent"], agent_texts):
            parts.append(kb["urgent"])
            substantive = True
    for seg in ("parent", "adult", "elderly", "first"):
        if seg in segments and kb.get(seg) and not _used(kb[seg], agent_texts):
            if seg == "adult" and "night" in intents:
                continue
            parts.append(kb[seg])
            substantive = True
            break

    # Legal: when the customer describes their dispute, say what usually matters for that kind of case.
    if industry == "legal":
        batch_product = detect_product([batch_text], industry)
        situation = kb["situation"].get(batch_product) if batch_product != "default" else None
        if situation and not _used(situation, agent_texts):
            parts.append(situation)
            substantive = True
            if batch_product == "criminal":
                intents.discard("price")

    # The actual questions.
    topics = [t for t in TOPIC_ORDER if t in intents]
    if "fishing" in intents:
        topics = [t for t in topics if t in ("location", "booking")]
    if "complaint" in intents:
        topics = [t for t in topics if t not in ("discount", "compare", "booking")]
    answered = 0
    overflow = False
    for topic in topics:
        if answered >= 6:
            overflow = True
            break
        variants = _topic_variants(topic, kb, product, model_known, industry, lang)
        fresh = [v for v in variants if not _used(v, agent_texts) and v not in parts]
        if fresh:
            parts.append(fresh[0])
        elif variants:
            parts.append(ph["repeat"] + " " + kb["clarify"])
        else:
            continue
        answered += 1
        substantive = True
    if overflow:
        parts.append(ph["too_many"])

    if (
        "worried" in segments
        and not substantive
        and "complaint" not in intents
        and not _used(ph["worried"], agent_texts)
    ):
        parts.append(ph["worried"])

    # Nothing recognised.
    if not substantive:
        if "thanks" in intents:
            pass
        elif (
            "affirm" in intents
            and asked_before
            and not lead
            and not declined
            and asked_idx
            == max((i for i, m in enumerate(messages) if m.role == "agent"), default=-1)
        ):
            parts.append(ph["lead_prompt"])
            substantive = True
        elif "affirm" in intents and not first_turn:
            if not _used(ph["affirm_more"], agent_texts[-2:]):
                parts.append(ph["affirm_more"])
            elif not _used(kb["booking"], agent_texts):
                parts.append(kb["booking"])
            else:
                parts.append(ph["more_q"])
        elif product != "default" and not _used(_pick(kb["price"], product), agent_texts):
            parts.append(_pick(kb["price"], product))
            substantive = True
        elif first_turn and not greet_only:
            parts.append(kb["intro"])
            parts.append(kb["clarify"])
        elif not first_turn:
            if "greet" in intents:
                parts.append(ph["more_q"])
            elif _used(kb["clarify"], agent_texts[-1:]):
                parts.append(ph["unknown"] + " " + ph["more_q"])
            elif new_lead:
                pass
            else:
                if _has(r"[?？吗呢]", batch_text):
                    parts.append(ph["unknown"])
                parts.append(kb["clarify"])

    # Goodbye.
    if "thanks" in intents and not _has(r"[?？]", batch_text):
        thanked = _has(r"谢|thank|thx|appreciate", batch_text)
        if lang == "zh":
            fmt["thx"] = "不客气！" if thanked else "感谢您的咨询！"
        else:
            fmt["thx"] = "You're welcome!" if thanked else "Thanks for chatting with us!"
        if lead:
            parts.append(ph["bye_lead"].format(**fmt))
        else:
            loc = (
                kb["location"].split("。")[0] + "。"
                if lang == "zh"
                else kb["location"].split(". ")[0] + "."
            )
            if _used(loc[:28], agent_texts):
                loc = ""
            parts.append(ph["bye"].format(loc=loc, **fmt).replace("  ", " "))

    # One polite offer to take contact details.
    customer_turns = len(customer_msgs)
    want_offer = (
        not lead
        and not asked_before
        and not declined
        and "fishing" not in intents
        and "refuse" not in intents
        and (
            customer_turns >= 2
            or "booking" in intents
            or "complaint" in intents
            or "urgent" in segments
            or (answered >= 1 and "price" in intents and product != "default")
        )
        and not greet_only
    )
    if want_offer:
        if "complaint" in intents or history_complaint:
            parts.append(ph["complaint_contact"])
        elif "thanks" in intents:
            parts.append(kb["contact"])
        else:
            parts.append(kb["contact"])

    if not parts:
        parts.append(kb["clarify"])

    # De-duplicate within this reply while keeping order.
    seen: set[str] = set()
    unique = []
    for p in parts:
        if p and p not in seen:
            seen.add(p)
            unique.append(p)
    text, more = _split(unique)
    return AgentTurn(
        text=text, more=more, latency_s=_latency(unique, lang), lead=(dict(lead) if lead else None)
    )


def reply(transcript: Transcript) -> AgentTurn:
    try:
        turn = _build(transcript)
        if turn.text and turn.text.strip():
            return turn
    except Exception:
        pass
    try:
        zh = (getattr(transcript, "locale", "") or "").lower().startswith("zh")
        for m in reversed(getattr(transcript, "messages", []) or []):
            if getattr(m, "role", "") == "customer":
                zh = bool(CJK.search(m.text or "")) or (zh and not LATIN.search(m.text or ""))
                break
    except Exception:
        zh = False
    text = (
        "您好，收到您的消息了。方便再具体说一下您想了解的内容吗？我尽量给您准确的答复。"
        if zh
        else "Thanks for your message! Could you tell me a bit more about what you're looking for? I'll give you an accurate answer."
    )
    return AgentTurn(text=text, latency_s=25.0)
