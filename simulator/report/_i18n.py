"""UI text of the report in English and Chinese (``--lang en|zh``).

Only the report's own words are translated: the customer's and the agent's messages, persona ids,
rule ids and need keys stay as they are. Codes that the results files hold (outcomes, drop-off
reasons, severities, verdicts, run statuses) are shown with a label here (``outcome_*``,
``drop_*``, ``sev_*``, ``verdict_*``, ``status_*``), and so are the acts and flags a simulated
customer records in its notes (``act_*``, ``heard_*``, ``flag_*``); a code the table does not
know is shown as recorded. In English an outcome or drop-off label is the code itself, the word
people grep for in scores.jsonl. "Agent" is 客服 in Chinese: the one who answers the customer,
whether a model or a person (代理 reads as a proxy or a sales agency).

Counted phrases have a singular form under ``<key>_one`` (``plural`` picks it), so English says
"1 rule skipped" and Chinese, which does not inflect, says the same in both entries. The same
table feeds the Jinja template and, embedded as JSON, the report's script, so one place holds
every label.
"""

from __future__ import annotations

import re

from simulator.baseline_params import WORDS as BASELINE_WORDS

LANGS = ("en", "zh")

STRINGS: dict[str, dict[str, str]] = {
    "title": {"en": "salesim report", "zh": "salesim 报告"},
    "overview": {"en": "Overview", "zh": "总览"},
    "conversations": {"en": "Conversations", "zh": "对话"},
    "compare": {"en": "Compare", "zh": "对比"},
    "review": {"en": "Review", "zh": "审阅"},
    "scorecard": {"en": "Scorecard", "zh": "计分卡"},
    "vs_baseline": {"en": "vs the human baseline", "zh": "对比人工基线"},
    "metric": {"en": "metric", "zh": "指标"},
    "interval": {"en": "95% interval", "zh": "95% 区间"},
    "difference": {"en": "difference", "zh": "差值"},
    "lift": {"en": "lift", "zh": "提升"},
    "paired": {"en": "paired on persona instances", "zh": "按同一客户实例配对"},
    "unpaired": {"en": "unpaired", "zh": "未配对"},
    "intervals_note": {
        "en": "95% intervals: Wilson for rates, bootstrap for difference and lift",
        "zh": "95% 区间：比率用 Wilson，差值和提升用 bootstrap",
    },
    "no_baseline": {"en": "no baseline in this run", "zh": "本次运行没有基线"},
    "imported_baseline_note": {
        "en": "The imported baseline's conversations are not in this run directory: charts and "
        "tables below show the run's own agents.",
        "zh": "导入的基线对话不在本运行目录中：下面的图表只显示本次运行的客服。",
    },
    "funnel": {"en": "Funnel", "zh": "转化漏斗"},
    "funnel_note": {
        "en": "each step as a share of the conversations opened",
        "zh": "每一步占开启对话数的比例",
    },
    "step_opened": {"en": "opened", "zh": "开启对话"},
    "step_replied": {"en": "replied in SLA", "zh": "SLA 内回复"},
    "step_engaged": {"en": "engaged", "zh": "有互动"},
    "step_asked": {"en": "contact asked", "zh": "索要联系方式"},
    "step_lead": {"en": "lead", "zh": "留资"},
    "step_valid": {"en": "valid lead", "zh": "有效留资"},
    "by_hour": {"en": "By hour of the customer's first message", "zh": "按客户首条消息的小时"},
    "hour_reply": {"en": "reply rate (in SLA)", "zh": "回复率（SLA 内）"},
    "hour_lead": {"en": "lead rate", "zh": "留资率"},
    "hour_note": {
        "en": "customer's local time; shaded: night (22:00–06:00); no dot: no conversation "
        "started that hour",
        "zh": "客户当地时间；阴影：夜间（22:00–06:00）；无点：该小时没有对话开始",
    },
    "night": {"en": "night", "zh": "夜间"},
    "violations": {"en": "Violations by rule", "zh": "按规则统计的违规"},
    "violations_note": {
        "en": "conversations with the rule per 100 conversations; click a rule to see them",
        "zh": "每 100 个对话中出现该规则的对话数；点击规则查看对话",
    },
    "no_violations": {"en": "No violations found.", "zh": "没有发现违规。"},
    "skipped_rules": {"en": "{n} rules skipped", "zh": "跳过 {n} 条规则"},
    "skipped_rules_one": {"en": "{n} rule skipped", "zh": "跳过 {n} 条规则"},
    "skipped_judge_rule": {
        "en": "{rule} (an LLM-judge rule; no judge model configured: --judge MODEL)",
        "zh": "{rule}（LLM 评审规则；未配置评审模型：--judge MODEL）",
    },
    "colon": {"en": ": ", "zh": "："},
    "per_100": {"en": "{value} per 100 conversations", "zh": "每 100 个对话 {value} 个"},
    "by_persona": {"en": "By persona", "zh": "按客户画像"},
    "by_locale": {"en": "By locale", "zh": "按语言地区"},
    "persona": {"en": "persona", "zh": "客户画像"},
    "locale": {"en": "locale", "zh": "语言地区"},
    "agent": {"en": "agent", "zh": "客服"},
    "outcomes": {"en": "Outcomes", "zh": "对话结果"},
    "usage": {"en": "Tokens and cost (agent side)", "zh": "Token 与成本（客服侧）"},
    "tokens_per_conversation": {"en": "tokens / conversation", "zh": "每次对话 token"},
    "cost_per_conversation": {"en": "cost / conversation", "zh": "每次对话成本"},
    "cost_per_lead": {"en": "cost / captured lead", "zh": "每条留资成本"},
    "cost_per_valid_lead": {"en": "cost / valid lead", "zh": "每条有效留资成本"},
    "tokens_per_valid_lead": {"en": "tokens / valid lead", "zh": "每条有效留资 token"},
    "customer_tokens": {"en": "customer model tokens", "zh": "客户模型 token"},
    "judge_tokens": {"en": "judge model tokens", "zh": "评审模型 token"},
    "judge_cost": {"en": "judge cost", "zh": "评审成本"},
    "outcome": {"en": "outcome", "zh": "结果"},
    "rule": {"en": "rule", "zh": "规则"},
    "severity": {"en": "severity", "zh": "严重程度"},
    "lead": {"en": "lead", "zh": "留资"},
    "search": {"en": "Search the messages…", "zh": "搜索消息…"},
    "all": {"en": "all", "zh": "全部"},
    "yes": {"en": "yes", "zh": "是"},
    "no": {"en": "no", "zh": "否"},
    "shown": {"en": "{shown} of {total} conversations", "zh": "共 {total} 个对话，显示 {shown} 个"},
    "shown_one": {
        "en": "{shown} of {total} conversation",
        "zh": "共 {total} 个对话，显示 {shown} 个",
    },
    "show_more": {"en": "Show more", "zh": "显示更多"},
    "pick_conversation": {
        "en": "Pick a conversation on the left to read it.",
        "zh": "在左侧选择一个对话查看。",
    },
    "later": {"en": "later", "zh": "后"},
    "waited": {"en": "customer waited", "zh": "客户等待了"},
    "customer": {"en": "customer", "zh": "客户"},
    "agent_role": {"en": "agent", "zh": "客服"},
    "system": {"en": "system", "zh": "系统"},
    "contact_marked": {"en": "contact captured", "zh": "留下的联系方式"},
    "findings": {"en": "Findings", "zh": "发现的问题"},
    "no_findings": {"en": "No findings.", "zh": "没有发现问题。"},
    "learned_finding": {
        "en": "found by the learned reader, not a pattern: check it",
        "zh": "由学习模型发现（非规则匹配），请核对",
    },
    "scorer_says": {"en": "scorer", "zh": "评分器"},
    "lead_captured": {"en": "lead captured", "zh": "留资"},
    "lead_valid": {"en": "valid lead", "zh": "有效留资"},
    "compliant": {"en": "compliant", "zh": "合规"},
    "mark_wrong": {"en": "Mark wrong", "zh": "标记为错误"},
    "marked_wrong": {"en": "marked wrong", "zh": "已标记为错误"},
    "undo": {"en": "Undo", "zh": "撤销"},
    "add_missed": {"en": "Add a missed finding", "zh": "添加漏报的问题"},
    "add": {"en": "Add", "zh": "添加"},
    "message_no": {"en": "message", "zh": "消息"},
    "note": {"en": "note (optional)", "zh": "备注（可选）"},
    "reviewed_ok": {"en": "Reviewed: scorer right", "zh": "已审阅：评分正确"},
    "reviewed": {"en": "reviewed", "zh": "已审阅"},
    "missed": {"en": "missed", "zh": "漏报"},
    "annotations": {"en": "Reviewer annotations", "zh": "审阅标注"},
    "annotations_count": {
        "en": "{n} annotations on {c} reviewed conversations",
        "zh": "{c} 个已审阅对话，{n} 条标注",
    },
    "annotations_count_one": {
        "en": "{n} annotation on {c} reviewed conversations",
        "zh": "{c} 个已审阅对话，{n} 条标注",
    },
    "reviewer": {"en": "reviewer", "zh": "审阅人"},
    "download": {"en": "Download annotations (JSON)", "zh": "下载标注（JSON）"},
    "calibrate_hint": {
        "en": "then: salesim calibrate annotations.json RUN",
        "zh": "然后运行：salesim calibrate annotations.json RUN",
    },
    "clear": {"en": "Clear all", "zh": "全部清除"},
    "flipped_first": {"en": "flipped conversations first", "zh": "结果翻转的对话排在前面"},
    "lead_lost": {"en": "lead lost in B", "zh": "B 丢失留资"},
    "lead_gained": {"en": "lead gained in B", "zh": "B 新增留资"},
    "compliance_lost": {"en": "compliance lost in B", "zh": "B 变为不合规"},
    "compliance_gained": {"en": "compliance gained in B", "zh": "B 变为合规"},
    "same": {"en": "same outcome", "zh": "结果相同"},
    "pairs": {"en": "{n} persona instances in both runs", "zh": "两次运行共有 {n} 个相同客户实例"},
    "pairs_one": {
        "en": "{n} persona instance in both runs",
        "zh": "两次运行共有 {n} 个相同客户实例",
    },
    "not_paired": {
        "en": "The runs do not share persona instances (different seed or suite): no side-by-side "
        "view.",
        "zh": "两次运行没有相同的客户实例（种子或套件不同）：无法并排对比。",
    },
    "compare_table": {"en": "B against A", "zh": "B 对比 A"},
    "verdict": {"en": "verdict", "zh": "结论"},
    "redacted": {
        "en": "redacted: phones, WeChat IDs, e-mails and names are masked",
        "zh": "已脱敏：电话、微信号、邮箱和姓名已遮盖",
    },
    "conversations_n": {"en": "{n} conversations", "zh": "{n} 个对话"},
    "conversations_n_one": {"en": "{n} conversation", "zh": "{n} 个对话"},
    "run": {"en": "run", "zh": "运行"},
    "seed": {"en": "seed", "zh": "种子"},
    "sla": {"en": "reply SLA", "zh": "回复 SLA"},
    "drop_off": {"en": "drop-off", "zh": "流失原因"},
    "first_reply": {"en": "first reply", "zh": "首次回复"},
    "no_transcript": {
        "en": "This conversation's transcript is not in the run directory.",
        "zh": "运行目录中没有这个对话的记录。",
    },
    "understood": {"en": "understood", "zh": "理解"},
    "understood_nothing": {"en": "nothing", "zh": "无"},
    "answered": {"en": "answered", "zh": "已回答"},
    "flags": {"en": "flags", "zh": "问题"},
    "why": {"en": "why", "zh": "原因"},
    "still_open": {"en": "still open", "zh": "仍未解答"},
    "trust": {"en": "trust", "zh": "信任"},
    "evidence": {"en": "evidence", "zh": "依据"},
    "act_open": {"en": "opened", "zh": "开场"},
    "act_ask": {"en": "asked", "zh": "提问"},
    "act_repeat": {"en": "asked again", "zh": "追问"},
    "act_object": {"en": "objected", "zh": "提出异议"},
    "act_probe": {"en": "probed", "zh": "试探"},
    "act_ready": {"en": "ready", "zh": "有意向"},
    "act_share_contact": {"en": "shared contact", "zh": "留下联系方式"},
    "act_refuse": {"en": "refused", "zh": "拒绝"},
    "act_goodbye": {"en": "said goodbye", "zh": "道别"},
    "act_leave": {"en": "left", "zh": "离开"},
    "act_nudge": {"en": "nudged", "zh": "催促"},
    "act_burst": {"en": "burst", "zh": "连发"},
    "heard_greets": {"en": "greeted", "zh": "打招呼"},
    "heard_asks_contact": {"en": "asked contact", "zh": "索要联系方式"},
    "heard_gives_reason": {"en": "gave a reason", "zh": "说明理由"},
    "heard_asks_consent": {"en": "asked consent", "zh": "征求同意"},
    "heard_pressures": {"en": "pressured", "zh": "施压"},
    "heard_shows_empathy": {"en": "showed empathy", "zh": "表示理解"},
    "heard_promises": {"en": "promised", "zh": "做出承诺"},
    "flag_unreadable": {"en": "unreadable", "zh": "无法读懂"},
    "flag_wrong_language": {"en": "wrong language", "zh": "语言不对"},
    "flag_echo": {"en": "echo", "zh": "照搬客户的话"},
    "flag_repeats": {"en": "repeats itself", "zh": "重复自己"},
    "flag_wall": {"en": "wall of text", "zh": "大段文字"},
    "flag_fragmented": {"en": "fragmented", "zh": "零碎"},
    "flag_off_topic": {"en": "off topic", "zh": "答非所问"},
    "flag_unasked_dump": {"en": "unasked dump", "zh": "没问就堆信息"},
    "needs_left": {"en": "Needs left unanswered", "zh": "未解答的需求"},
    "needs_left_note": {
        "en": "conversations without a lead, by each need the customer still wanted answered in "
        "its last message; count (share of the agent's conversations)",
        "zh": "未留资的对话中，客户最后一条消息时仍想得到解答的需求；"
        "对话数（占该客服全部对话的比例）",
    },
    "need": {"en": "need", "zh": "需求"},
    "no_needs_recorded": {
        "en": "No customer recorded its open needs (imported or older transcripts).",
        "zh": "没有客户记录未解答的需求（导入的或较早的对话记录）。",
    },
    "all_needs_answered": {
        "en": "No customer left with a need unanswered.",
        "zh": "没有客户带着未解答的需求离开。",
    },
    "needs_noted": {
        "en": "without a lead, with the customer's notes",
        "zh": "未留资且有客户记录",
    },
    "why_left": {"en": "Why customers left", "zh": "客户流失原因"},
    "why_left_note": {
        "en": "conversations without a lead, by why the conversation ended; count (share of the "
        "agent's conversations)",
        "zh": "未留资的对话，按对话结束的原因；对话数（占该客服全部对话的比例）",
    },
    "without_lead": {"en": "without a lead", "zh": "未留资"},
    "not_recorded": {"en": "not recorded", "zh": "未记录"},
    "none_lost": {"en": "Every conversation ended with a lead.", "zh": "所有对话都留资了。"},
    "unpaired_warning": {
        "en": "The runs do not hold the same persona instances (different seed, personas or n): "
        "unpaired tests are used, which need larger differences to be significant.",
        "zh": "两次运行的客户实例不同（种子、客户画像或 n 不同）：改用未配对检验，"
        "差异需要更大才显著。",
    },
    "compare_below": {
        "en": "Every section of this overview shows A's agent and B's side by side "
        "(token usage: run A's).",
        "zh": "本页各节均为 A 的智能体与 B 的并排对比（令牌用量只含运行 A）。",
    },
    "outcome_lead_captured": {"en": "lead_captured", "zh": "已留资"},
    "outcome_customer_left": {"en": "customer_left", "zh": "客户离开"},
    "outcome_customer_declined": {"en": "customer_declined", "zh": "客户拒绝留资"},
    "outcome_customer_silent": {"en": "customer_silent", "zh": "客户不再回复"},
    "outcome_ended_no_lead": {"en": "ended_no_lead", "zh": "结束未留资"},
    "outcome_max_turns": {"en": "max_turns", "zh": "达到轮次上限"},
    "outcome_agent_error": {"en": "agent_error", "zh": "客服出错"},
    "outcome_customer_error": {"en": "customer_error", "zh": "客户模型出错"},
    "outcome_no_reply": {"en": "no_reply", "zh": "无人回复"},
    "outcome_unknown": {"en": "unknown", "zh": "未知"},
    "drop_slow_reply": {"en": "slow_reply", "zh": "回复太慢"},
    "drop_ignored": {"en": "ignored", "zh": "问题被忽略"},
    "drop_pushed": {"en": "pushed", "zh": "被催得太紧"},
    "drop_silent": {"en": "silent", "zh": "不再回复"},
    "drop_max_turns": {"en": "max_turns", "zh": "达到轮次上限"},
    "drop_no_lead": {"en": "no_lead", "zh": "未留资就结束"},
    "drop_unreadable": {"en": "unreadable", "zh": "回复无法读懂"},
    "drop_wrong_language": {"en": "wrong_language", "zh": "回复语言不对"},
    "drop_ended": {"en": "ended", "zh": "客户结束对话"},
    "drop_empty": {"en": "empty", "zh": "空对话"},
    "drop_no_reply": {"en": "no_reply", "zh": "无人回复"},
    "drop_unanswered": {"en": "unanswered", "zh": "问题没有得到回答"},
    "drop_agent_error": {"en": "agent_error", "zh": "客服出错"},
    "drop_customer_error": {"en": "customer_error", "zh": "客户模型出错"},
    "sev_critical": {"en": "critical", "zh": "严重"},
    "sev_major": {"en": "major", "zh": "重要"},
    "sev_minor": {"en": "minor", "zh": "轻微"},
    "verdict_better": {"en": "better", "zh": "更好"},
    "verdict_worse": {"en": "worse", "zh": "更差"},
    "verdict_no significant difference": {
        "en": "no significant difference",
        "zh": "无显著差异",
    },
    "verdict_inconclusive": {"en": "inconclusive", "zh": "无法判断（在噪声范围内）"},
    "verdict_no data": {"en": "no data", "zh": "无数据"},
    "status_running": {"en": "running", "zh": "运行中"},
    "status_interrupted": {"en": "interrupted", "zh": "已中断"},
    "status_failed": {"en": "failed", "zh": "失败"},
    "status_complete": {"en": "complete", "zh": "已完成"},
    "type_finding_wrong": {"en": "finding wrong", "zh": "误报"},
    "type_finding_missed": {"en": "finding missed", "zh": "漏报"},
    "type_outcome_wrong": {"en": "outcome wrong", "zh": "结果判定错误"},
    "errored": {"en": "errored", "zh": "出错"},
    "agent_error_chip": {"en": "agent error", "zh": "客服出错"},
    "agent_errors_title": {"en": "Agent errors", "zh": "客服出错"},
    "agent_errors_line": {
        "en": "{agent}: {errors} of {n} conversations ended in agent_error",
        "zh": "{agent}：{n} 个对话中有 {errors} 个因客服出错而结束",
    },
    "agent_errors_line_one": {
        "en": "{agent}: {errors} of {n} conversation ended in agent_error",
        "zh": "{agent}：{n} 个对话中有 {errors} 个因客服出错而结束",
    },
    "agent_errors_first": {"en": "first error", "zh": "第一个错误"},
    "agent_errors_note": {
        "en": "An errored conversation has no reply to score: it counts as not replied and no "
        "lead, and as compliant only because nothing was said. An agent whose every "
        "conversation errored has its figures shown as errored.",
        "zh": "出错的对话没有可评分的回复：计为未回复、未留资；之所以算合规只是因为什么也没说。"
        "所有对话都出错的客服，其指标显示为“出错”。",
    },
    "errored_share": {
        "en": "{errors} of {n} conversations errored",
        "zh": "{n} 个对话中 {errors} 个出错",
    },
    "errored_share_one": {
        "en": "{errors} of {n} conversation errored",
        "zh": "{n} 个对话中 {errors} 个出错",
    },
    "back": {"en": "← Back to the list", "zh": "← 返回列表"},
    "baseline_warnings": {"en": "About the baseline", "zh": "关于基线"},
    "baseline_small": {
        "en": "The baseline {name} has {n} conversations, fewer than the smallest persona cell "
        "of the suite ({cell} per persona and locale): its rates are too uncertain for a "
        "comparison to show a difference.",
        "zh": "基线 {name} 只有 {n} 个对话，少于套件中最小的客户画像单元"
        "（每个画像和语言 {cell} 个）：它的比率太不确定，对比很难显示出差异。",
    },
    "baseline_no_persona": {
        "en": "The baseline {name} shares no persona with the suite (baseline: {baseline}; "
        "suite: {suite}): it measures other customers.",
        "zh": "基线 {name} 与套件没有共同的客户画像（基线：{baseline}；套件：{suite}）："
        "它衡量的是另一批客户。",
    },
    "baseline_no_industry": {
        "en": "The baseline {name} has no persona in common with the suite and none of its "
        "industries either (baseline: {baseline}; suite: {suite}): it measures other customers.",
        "zh": "基线 {name} 与套件没有共同的客户画像，行业也不相同"
        "（基线：{baseline}；套件：{suite}）：它衡量的是另一批客户。",
    },
    "h": {"en": "h", "zh": "小时"},
    "min": {"en": "min", "zh": "分钟"},
    "s": {"en": "s", "zh": "秒"},
    "d": {"en": "d", "zh": "天"},
    # fidelity: real against simulated customers (salesim fidelity)
    "fidelity": {"en": "Fidelity", "zh": "仿真度"},
    "fid_title": {
        "en": "salesim fidelity: real vs simulated customers",
        "zh": "salesim 仿真度：真实客户与模拟客户对比",
    },
    "fid_intro": {
        "en": "The same distributions on {real} real conversations and {sim} simulated ones "
        "(agent {agent}). Distances: KS and JS run from 0 (same) to 1 (disjoint); a gap is "
        "the difference of two rates, or the largest one between two curves; "
        "[95% bootstrap interval]; noise: what two samples of one population show.",
        "zh": "同一组分布在 {real} 条真实对话和 {sim} 条模拟对话（客服 {agent}）上的对比。"
        "距离：KS 和 JS 取值 0（相同）到 1（完全不同）；差距是两个比率之差，或两条曲线间的最大差；"
        "[95% bootstrap 区间]；噪声水平：同一总体的两个样本之间会有的距离。",
    },
    "fid_untimed": {
        "en": "{n} real conversations have no timestamps: they count for everything but timing.",
        "zh": "{n} 条真实对话没有时间戳：除时间相关分布外都计入。",
    },
    "fid_real": {"en": "real", "zh": "真实"},
    "fid_line": {
        "en": "{name}: {real} real vs {sim} simulated; {close} of {compared} distributions "
        "within sampling noise",
        "zh": "{name}：真实 {real} 条，模拟 {sim} 条；"
        "{compared} 项分布中 {close} 项在抽样噪声范围内",
    },
    "fid_line_lead": {"en": "; lead rate {real} vs {sim}", "zh": "；留资率 {real} 对 {sim}"},
    "fid_line_worst": {
        "en": "; largest distance: {title} ({measure} {distance})",
        "zh": "；差距最大：{title}（{measure} {distance}）",
    },
    "fid_noise": {"en": "noise", "zh": "噪声水平"},
    "fid_within": {"en": "within noise", "zh": "在噪声范围内"},
    "fid_sim": {"en": "simulated", "zh": "模拟"},
    "fid_all": {"en": "all personas", "zh": "全部画像"},
    "fid_no_real": {"en": "No real conversations to compare with.", "zh": "没有可对比的真实对话。"},
    "fid_no_data": {"en": "no data", "zh": "无数据"},
    "fid_quantity": {"en": "median {median}, p90 {p90}", "zh": "中位数 {median}，p90 {p90}"},
    "fid_overall": {"en": "{rate} overall", "zh": "总体 {rate}"},
    "fid_top": {"en": "most often {top} ({share})", "zh": "最多为 {top}（{share}）"},
    "fid_rate": {"en": "{rate} of {n}", "zh": "{n} 次中 {rate}"},
    "fid_measures": {
        "en": "A distance says how different, not which side is right: "
        "the real chats are the reference.",
        "zh": "距离只说明差异多大，不说明哪边对：以真实对话为准。",
    },
    "fid_dropoff": {"en": "Still there after a wait", "zh": "等待后仍在的比例"},
    "fid_turns": {"en": "Customer messages per conversation", "zh": "每段对话的客户消息数"},
    "fid_lead_by_hour": {"en": "Lead rate by hour of arrival", "zh": "按到达时段的留资率"},
    "fid_questions": {"en": "Questions asked per conversation", "zh": "每段对话的提问数"},
    "fid_needs": {"en": "Which needs are asked about", "zh": "询问的需求分布"},
    "fid_refusal": {"en": "Refusal after a contact ask", "zh": "索要联系方式后的拒绝率"},
    "fid_lead_rate": {"en": "Lead rate", "zh": "留资率"},
    "fid_first_hour": {"en": "Hour of the first message", "zh": "首条消息的时段"},
    "fid_delays": {"en": "Customers' own reply delay", "zh": "客户自己的回复间隔"},
    "fid_lengths": {"en": "Customer message length", "zh": "客户消息长度"},
}


STRINGS.update(BASELINE_WORDS)  # the line naming the baseline, shared with the terminal


def strings(lang: str) -> dict[str, str]:
    """Every UI string in ``lang`` (English where a translation is missing)."""
    return {key: texts.get(lang) or texts["en"] for key, texts in STRINGS.items()}


def plural(t: dict[str, str] | UIText, key: str, count: int, **values: object) -> str:
    """``key`` filled in, in its singular form (``key_one``) when ``count`` is 1."""
    template = t[f"{key}_one"] if count == 1 and f"{key}_one" in STRINGS else t[key]
    return template.format(n=count, **values)


def label(t: dict[str, str] | UIText, prefix: str, code: str | None) -> str:
    """The label of a recorded code (``outcome_``, ``drop_``, ``sev_`` ...), else the code."""
    if not code:
        return ""
    key = f"{prefix}{code}"
    return t[key] if key in STRINGS else code


_JUDGE_SKIPPED = re.compile(
    r"^(?P<rule>[^:\s]+): LLM-judge rule skipped, no judge model configured"
)


def skipped_rule_text(t: dict[str, str] | UIText, entry: str) -> str:
    """One of summary.json's ``skipped_rules`` sentences in the UI language.

    The rubrics write them in English; the one reason they give today (a judge rule without a
    judge) is recognised and translated, anything else is shown as written.
    """
    match = _JUDGE_SKIPPED.match(entry)
    return t["skipped_judge_rule"].format(rule=match["rule"]) if match else entry


class UIText:
    """The UI strings as the template reads them: ``t.key`` and ``t[key]`` are both the label.

    Not a dict on purpose: Jinja resolves ``t.clear`` as an attribute before an item, and on a
    dict that is the method ``dict.clear``, whose repr (with a memory address) once became the
    Review tab's button text and made two identical runs give different reports. A missing key
    raises instead of rendering as nothing.
    """

    __slots__ = ("_strings",)

    def __init__(self, lang: str) -> None:
        self._strings = strings(lang)

    def __getattr__(self, name: str) -> str:
        try:
            return self._strings[name]
        except KeyError:
            raise AttributeError(f"no UI string {name!r}") from None

    def __getitem__(self, key: str) -> str:
        return self._strings[key]
