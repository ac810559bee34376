#!/usr/bin/env python3
"""Writes the generated cases of the bad-input corpus (Tests/Fixtures/bad-input/).

Every case is input yusuan must refuse: exit 2, a Chinese message that says where (file:line, or the option), no
crash, nothing half-applied. `BadInputCorpusTests` runs each through the real binary; see README.md here.

The generator owns the files whose names start with three digits and a dash (`012-…`) and rewrites them on each
run, deterministically; a hand-written case (any other name) is left alone. The workbook cases need the built
binary (`swift build` first): they start from a real workbook and damage it.

    python3 Tests/Fixtures/bad-input/generate.py
"""
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(ROOT, "..", "..", ".."))
GENERATED = re.compile(r"^\d{3}-")
counts = {}


def zput(z, name, data):
    """A zip entry with a fixed date, so that the generated files are the same on every run."""
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data)


def clean(category):
    d = os.path.join(ROOT, category)
    os.makedirs(d, exist_ok=True)
    for name in os.listdir(d):
        if GENERATED.match(name):
            os.remove(os.path.join(d, name))


def slug(s):
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:40] or "case"


def write(category, name, data):
    n = counts.get(category, 0) + 1
    counts[category] = n
    path = os.path.join(ROOT, category, "%03d-%s" % (n, name))
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# Entry scripts: a valid line before and after the bad one, so that a half-applied run shows in the export.
BEFORE = '职责 "负责会议的准备工作。"'
AFTER = '任务 "完成年度工作目标。"'


def script(category, name, bad, nl="\n", before=BEFORE, after=AFTER):
    """A script whose third line is `bad` (str or bytes); the header says which line the error must name."""
    enc = lambda s: s.encode("utf-8") if isinstance(s, str) else s
    lines = [b"# expect: line 3", enc(before), enc(bad), enc(after)]
    write(category, name + ".ys", enc(nl).join(lines) + enc(nl))


# ---------------------------------------------------------------- amounts
AMOUNTS = [
    ("letters", "abc"), ("digits-letter", "12a"), ("two-points", "1.2.3"), ("trailing-point", "457.90."),
    ("double-point", "1..2"), ("leading-point", ".5"), ("point-only-end", "5."), ("negative", "-5"),
    ("minus-sign", "−5"), ("fullwidth-minus", "－５"), ("comma-misplaced", "1,23"), ("comma-groups", "12,34,567"),
    ("leading-comma", ",123"), ("comma-after-point", "1,234.5,6"), ("three-decimals", "12.345"),
    ("four-decimals-wan", "1.2345万元"), ("three-decimals-yuan", "1.005元"), ("exponent", "1e5"),
    ("exponent-upper", "1E3"), ("hex", "0x10"), ("nan", "NaN"), ("inf", "inf"), ("infinity-sign", "∞"),
    ("fullwidth-letter", "１２３ａ"), ("keycap", "５⃣"), ("keycap-ascii", "5⃣"), ("zwsp-inside", "12\u200b3"),
    ("narrow-nbsp-inside", "12\u202f345"), ("thin-space-inside", "12\u2009345"), ("figure-space", "12\u2007345"),
    ("percent", "12%"), ("yuan-sign", "￥12"), ("dollar", "$12"), ("double-unit", "12元元"), ("unit-only", "万元"),
    ("yuan-only", "元"), ("unit-twice", "12万元元"), ("too-large", "100000000.01"),
    ("huge", "999999999999999999999"), ("huge-grouped", "1,000,000,000,000"), ("yi", "12亿"),
    ("chinese-numeral", "十二"), ("capital-numeral", "壹佰"), ("parenthesised", "(12)"), ("bracketed", "[12]"),
    ("fraction-slash", "12/3"), ("underscore", "1_000"), ("apostrophe", "12'000"), ("arabic-indic", "١٢٣"),
    ("devanagari", "१२३"), ("math-bold", "𝟏𝟐"), ("vulgar-half", "½"), ("superscript", "12²"),
    ("plus-minus", "+-12"), ("double-minus", "--12"), ("trailing-minus", "12-"), ("trailing-plus", "12+"),
    ("yuan-then-digit", "0.5元5"), ("circled-digit", "①②"), ("roman", "Ⅻ"), ("ideographic-point", "12。5。"),
    ("space-unit-mix", "12万 元"), ("plus-only", "+"), ("minus-zero-decimals", "-0.00"),
]
AMOUNT_CONTEXTS = [
    ("expenditure", "支出 2010301 基本 {a}"),
    ("prior", "支出 2010301 基本 10 上年 {a}"),
]
# Fewer contexts for the rest: one amount each, in another command.
OTHER_CONTEXTS = [
    ("revenue", "收入 一般公共预算 {a}"), ("economic", "经济 30101 {a}"), ("three-public", "三公 公务接待费 {a}"),
    ("operating", "机关运行经费 {a}"), ("project", '项目 "调研活动经费" 类型 日常运转类 金额 {a}'),
    ("procurement", '采购 货物 "办公设备" 金额 {a}'), ("check-figure", "核对 T5 合计 合计 {a}"),
    ("asset-value", "资产 原值 {a}"), ("goal-total", '绩效 "调研活动经费" 总额 {a} 目标 "完成调研。"'),
    ("prior-aggregate", "上年 201 {a}"),
]


def amounts():
    clean("amounts")
    for cname, ctx in AMOUNT_CONTEXTS:
        for name, a in AMOUNTS:
            script("amounts", "%s-%s" % (cname, name), ctx.format(a=a))
    for i, (cname, ctx) in enumerate(OTHER_CONTEXTS):
        for name, a in AMOUNTS[i * 3:i * 3 + 3]:
            script("amounts", "%s-%s" % (cname, name), ctx.format(a=a))


# ---------------------------------------------------------------- codes
CODES = [
    ("letter-o", "20103O1"), ("letters", "abc"), ("trailing-letter", "2010301a"), ("fullwidth-letter", "２０１０３０１ａ"),
    ("dash", "2010-301"), ("point", "2010.301"), ("ideographic-point", "２０１０３０１．"), ("slash", "201/03/01"),
    ("zwsp", "2010\u200b301"), ("nbsp-narrow", "2010\u202f301"), ("comma", "2,010,301"), ("plus", "+2010301"),
    ("minus", "-2010301"), ("chinese", "二〇一〇三〇一"), ("circled", "②⓪①"), ("keycap", "2⃣010301"),
    ("arabic-indic", "٢٠١٠٣٠١"), ("math-bold", "𝟐𝟎𝟏𝟎𝟑𝟎𝟏"), ("superscript", "201²"), ("name-instead", "行政运行"),
]


def codes():
    clean("codes")
    for name, c in CODES:
        script("codes", "expenditure-" + name, "支出 %s 基本 10" % c)
    for name, c in CODES[:8]:
        script("codes", "economic-" + name, "经济 %s 5" % c)
    for name, c in CODES[:6]:
        script("codes", "project-subject-" + name, '项目 "调研活动经费" 类型 日常运转类 科目 %s 金额 5' % c)
    for name, c in CODES[:4]:
        script("codes", "reason-" + name, '原因 %s "压减一般性支出"' % c)
    script("codes", "missing-code", "支出 基本 10")
    script("codes", "missing-economic-code", "经济 5")
    script("codes", "missing-after-option", '项目 "调研活动经费" 类型 日常运转类 金额 5 科目')
    script("codes", "code-then-comment", "支出 # 2010301 基本 10")


# ---------------------------------------------------------------- text and encoding
CONTROL_NAMES = {0: "nul", 7: "bel", 8: "bs", 11: "vt", 12: "ff", 27: "esc", 127: "del"}


def text():
    clean("text")
    commands = ['职责 "负责{x}会议"', '任务 "完成{x}任务"', '单位 "示例{x}办" 机关', '项目 "调研{x}经费" 类型 日常运转类 金额 5',
                '原因 2010301 "压减{x}支出"', '说明 T8 "没有政府性基金{x}预算"']
    controls = [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + [0x7F, 0x80, 0x85, 0x9B, 0x9F]
    for i, c in enumerate(controls):
        name = CONTROL_NAMES.get(c, "u%04x" % c)
        script("text", "control-" + name, commands[i % len(commands)].format(x=chr(c)))
    script("text", "osc8-hyperlink", '职责 "负责\x1b]8;;https://example.com\x1b\\会议\x1b]8;;\x1b\\"')
    script("text", "csi-clear-screen", '职责 "\x1b[2J\x1b[H负责会议"')
    script("text", "control-outside-quotes", "支出 2010301 基本 10\x07")
    script("text", "control-in-comment", "支出 2010301 基本 10 # 注释\x1b[31m")
    invisible = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x00AD, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D,
                 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C, 0x180E,
                 0xFFF9, 0xFFFA, 0xFFFB, 0xE0001, 0xE0041, 0x034F]
    for i, c in enumerate(invisible):
        if c == 0x034F:  # a combining mark, not a format character: shows only as an unknown word
            script("text", "invisible-u%04x-keyword" % c, "支出\u034f 2010301 基本 10")
            continue
        script("text", "invisible-u%04x" % c, commands[i % len(commands)].format(x=chr(c)))
    script("text", "zwsp-in-keyword", "支\u200b出 2010301 基本 10")
    script("text", "zwj-in-name", '单位 "示例\u200d办" 机关')
    # Not UTF-8.
    script("text", "gbk", "职责 \"负责会议\"".encode("gbk"))
    script("text", "latin1", "职责 \"".encode() + "café\"".encode("latin-1"))
    script("text", "lone-continuation", b'\xe8\x81\x8c\xe8\xb4\xa3 "\x80"')
    script("text", "overlong-slash", b'\xe8\x81\x8c\xe8\xb4\xa3 "\xc0\xaf"')
    script("text", "truncated-sequence", b'\xe8\x81\x8c\xe8\xb4\xa3 "\xe8\x81"')
    script("text", "encoded-surrogate", b'\xe8\x81\x8c\xe8\xb4\xa3 "\xed\xa0\x80"')
    script("text", "byte-ff", b'\xe8\x81\x8c\xe8\xb4\xa3 "\xff"')
    script("text", "beyond-unicode", b'\xe8\x81\x8c\xe8\xb4\xa3 "\xf4\x90\x80\x80"')
    write("text", "utf16le-bom.ys", "\ufeff# expect: line 1\n职责 \"负责会议\"\n".encode("utf-16-le"))
    write("text", "utf16be.ys", "# expect: line 2\n职责 \"负责会议\"\n".encode("utf-16-be"))
    # Quotes.
    script("text", "unclosed-ascii-quote", '职责 "负责会议')
    script("text", "unclosed-curly-quote", "职责 “负责会议")
    script("text", "unclosed-corner-quote", "职责 「负责会议")
    script("text", "word-after-quote", '职责 "负责会议"的准备')
    script("text", "quote-inside-word", '职责 负责"会议"')
    script("text", "escaped-last-quote", '职责 "负责会议\\"')
    script("text", "mismatched-curly", "职责 “负责会议“")
    # Blank names and texts.
    for name, line in [("unit-empty", '单位 "" 机关'), ("unit-ideographic-space", '单位 "　" 机关'),
                       ("unit-spaces", '单位 "   " 事业'), ("vehicle-category-empty", '资产 车辆 "" 1'),
                       ("project-empty", '项目 "" 类型 日常运转类 金额 5'), ("unit-option-empty", '支出 2010301 基本 5 单位 ""'),
                       ("name-option-blank", '支出 2010301 基本 5 名称 " "'), ("procurement-empty", '采购 货物 "" 金额 5'),
                       ("duty-empty", '职责 ""'), ("reason-empty", '原因 2010301 ""'), ("note-empty", '说明 T8 ""'),
                       ("indicator-value-empty", '指标 "调研活动经费" 产出指标 数量指标 "次数" ""')]:
        script("text", "blank-" + name, line)
    # Texts longer than their field takes (TextLimit): names, a unit, a reason, a goal, a duty.
    for name, line in [("project-name", '项目 "%s" 类型 日常运转类 金额 5' % ("长" * 61)),
                       ("unit-name", '单位 "%s" 机关' % ("长" * 41)),
                       ("unit-option", '支出 2010301 基本 5 单位 "%s"' % ("长" * 41)),
                       ("reason", '支出 2010301 基本 5 上年 4 原因 "%s"' % ("长" * 201)),
                       ("goal", '绩效 "调研活动经费" 总额 5 目标 "%s"' % ("长" * 501)),
                       ("duty", '职责 "%s"' % ("长" * 2001)),
                       ("procurement-name", '采购 货物 "%s" 金额 5' % ("长" * 61))]:
        script("text", "too-long-" + name, line)


# ---------------------------------------------------------------- scripts
def scripts():
    clean("scripts")
    for w in ["支付", "Expense", "zhichu", "职责：", "zhize", "收入支出", "支", "ZHICHU", "１２３", "—", "…", "支出支出"]:
        script("scripts", "unknown-command-" + slug(w) if slug(w) != "case" else "unknown-command-%d" % len(w.encode()),
               "%s 2010301 基本 10" % w)
    for k in ["支出", "职责", "项目"]:
        script("scripts", "quoted-command-%s" % {"支出": "expenditure", "职责": "duty", "项目": "project"}[k], '"%s" 2010301 基本 10' % k)
    bare = {"职责": "duty", "单位": "unit", "任务": "task", "收入": "revenue", "支出": "expenditure", "上年": "prior",
            "原因": "reason", "经济": "economic", "项目": "project", "三公": "three-public", "资产": "asset",
            "采购": "procurement", "购买服务": "services", "绩效": "goal", "指标": "indicator", "机关运行经费": "operating",
            "说明": "note", "核对": "check-figure", "删除": "remove"}
    for k, name in bare.items():
        script("scripts", "bare-" + name, k)
    for name, line in [("expenditure", "支出 2010301 基本 10 多余"), ("unit", '单位 "示例办" 机关 多余'),
                       ("three-public", "三公 公务接待费 1 上年 1 多余"), ("vehicle", "资产 车辆 机要通信用车 1 2"),
                       ("duty", '职责 "负责会议。" "第二段"'), ("revenue-missing-amount", "收入 一般公共预算"),
                       ("expenditure-missing-kind", "支出 2010301 10"), ("prior-missing-amount", "支出 2010301 基本 10 上年"),
                       ("reason-missing-text", "原因 2010301"), ("goal-missing-objective", '绩效 "调研活动经费" 总额 5'),
                       ("project-missing-type", '项目 "调研活动经费" 金额 5'), ("project-missing-amount", '项目 "调研活动经费" 类型 日常运转类'),
                       ("services-missing-amount", '购买服务 "网站运维" 方式 "公开招标" 期限 "全年"')]:
        script("scripts", "args-" + name, line)
    for name, line in [("unit-nature", '单位 "示例办" 机构'), ("revenue-source", "收入 自筹资金 10"),
                       ("expenditure-kind", "支出 2010301 其他 10"), ("three-public-item", "三公 招待费 1"),
                       ("asset-kind", "资产 房屋 1"), ("procurement-kind", '采购 其它 "办公设备" 金额 5'),
                       ("indicator-level1", '指标 "调研活动经费" 过程指标 数量指标 "次数" "≥1"'),
                       ("source-option", "支出 2010301 基本 10 来源 银行贷款"), ("purchase-kind", '资产 购置 房屋 "办公楼" 1 金额 5'),
                       ("economic-category", "经济 30101 5 工资"), ("check-table", "核对 T99 合计 合计 5"),
                       ("prior-subject", "上年 其他 5")]:
        script("scripts", "choice-" + name, line)
    for name, line in [("prior-twice", "支出 2010301 基本 10 上年 5 上年 6"),
                       ("general-twice", '项目 "调研活动经费" 类型 日常运转类 金额 5 一般公共预算 5'),
                       ("unit-twice", '支出 2010301 基本 10 单位 "甲" 单位 "乙"'),
                       ("reason-twice", '支出 2010301 基本 10 原因 "甲" 原因 "乙"')]:
        script("scripts", "repeated-" + name, line)
    for name, n in [("minus-zero", "-0"), ("plus-one", "+1"), ("decimal", "1.5"), ("chinese-one", "一"),
                    ("liang", "两"), ("half", "1辆半"), ("negative", "-2"), ("huge", "10000000"), ("keycap", "1⃣")]:
        script("scripts", "vehicle-count-" + name, "资产 车辆 机要通信用车 %s" % n)
    for name, line in [("zero", '职责 0 "负责会议。"'), ("thousand", '职责 1000 "负责会议。"'), ("plus", '职责 +1 "负责会议。"'),
                       ("minus", '任务 -1 "完成任务。"'), ("indicator-zero", '指标 "调研活动经费" 0 产出指标 数量指标 "次数" "≥1"'),
                       ("indicator-minus", '指标 "调研活动经费" -3 产出指标 数量指标 "次数" "≥1"'),
                       ("vehicle-total-plus", "资产 原值 100 车辆数 +2"), ("vehicle-total-letters", "资产 原值 100 车辆数 两")]:
        script("scripts", "ordinal-" + name, line)
    for t in ["随便类", "一次性项目", "日常运转", "特定目标类项目"]:
        script("scripts", "project-type-" + slug(t) if slug(t) != "case" else "project-type-%d" % len(t),
               '项目 "调研活动经费" 类型 %s 科目 2010302 金额 5' % t)
    for i, o in enumerate(["随便", "新增", "续建项目", "延续"]):
        script("scripts", "project-origin-%d" % (i + 1), '绩效 "调研活动经费" 总额 5 项目来源 %s 目标 "完成调研。"' % o)
    for name, line in [("expenditure", "删除 支出 2010350 基本"), ("unit", '删除 单位 "不存在的单位"'),
                       ("duty", "删除 职责 9"), ("project", '删除 项目 "不存在的项目"'), ("economic", "删除 经济 30101"),
                       ("nothing", "删除"), ("unknown", "删除 甲乙")]:
        script("scripts", "remove-" + name, line)
    # Line endings: the error is named on its own line whatever the file's line ends are.
    script("scripts", "crlf", "支出 2010301 基本 abc", nl="\r\n")
    script("scripts", "cr-only", "支出 2010301 基本 abc", nl="\r")
    write("scripts", "mixed-endings.ys", b"# expect: line 4\r\n" + BEFORE.encode() + b"\n" + AFTER.encode() + b"\r" + "支出 2010301 基本 abc\r\n".encode())
    write("scripts", "bom-crlf.ys", "\ufeff# expect: line 3\r\n".encode() + BEFORE.encode() + b"\r\n" + "支出 2010301 基本 abc\r\n".encode())
    write("scripts", "long-line.ys", "# expect: line 2\n职责 \"%s\" 多余\n" % ("很长的职责文字。" * 1200))
    write("scripts", "error-on-last-line-no-newline.ys", "# expect: line 3\n%s\n支出 2010301 基本 abc" % BEFORE)
    write("scripts", "binary-garbage.ys", b"# expect: line 2\n" + bytes(range(0x80, 0x100)) + b"\n")


# ---------------------------------------------------------------- csv (import)
HEADER = "科目编码,科目名称,基本支出,项目支出"


def csv():
    clean("csv")
    good = "2010301,行政运行,1000,0"
    write("csv", "unterminated-quote-name.csv", "\n".join([HEADER, good, '2010302,"一般行政管理事务,0,500', "2010350,事业运行,300,0"]) + "\n")
    write("csv", "unterminated-quote-last-cell.csv", "\n".join([HEADER, good, '2010302,一般行政管理事务,0,"500']) + "\n")
    write("csv", "unterminated-quote-header.csv", '"科目编码,科目名称,基本支出,项目支出\n' + good + "\n")
    write("csv", "unterminated-quote-crlf.csv", "\r\n".join([HEADER, good, '2010302,"事务,0,500']) + "\r\n")
    write("csv", "gbk.csv", (HEADER + "\n" + good + "\n").encode("gbk"))
    write("csv", "utf16.csv", (HEADER + "\n" + good + "\n").encode("utf-16"))
    write("csv", "empty.csv", "")
    write("csv", "header-only.csv", HEADER + "\n")
    write("csv", "no-code-column.csv", "名称,基本支出\n行政运行,1000\n")
    write("csv", "no-amount-columns.csv", "科目编码,科目名称\n2010301,行政运行\n")
    write("csv", "only-subtotals.csv", HEADER + "\n201,一般公共服务支出,1000,0\n20103,政府办公厅,1000,0\n")
    write("csv", "binary.csv", bytes(range(256)) * 4)
    for name, a in [("letters", "abc"), ("two-points", "1.2.3"), ("negative", "-5"), ("three-decimals-wan", "1.234万元"),
                    ("exponent", "1e5"), ("percent", "12%"), ("keycap", "５⃣"), ("zwsp", "10\u200b0"), ("huge", "99999999999999999999"),
                    ("chinese", "一千"), ("comma-misplaced", "1,00"), ("trailing-point", "100."), ("nan", "NaN"),
                    ("narrow-nbsp", "1\u202f000"), ("yuan-three-decimals", "10.005")]:
        cell = '"%s"' % a if "," in a else a
        write("csv", "amount-%s.csv" % name, "\n".join([HEADER, good, "2010302,一般行政管理事务,%s,0" % cell]) + "\n")
    kind_header = "科目编码,科目名称,金额,支出类型"
    write("csv", "kind-unknown.csv", kind_header + "\n2010301,行政运行,1000,其他\n")
    write("csv", "kind-empty.csv", kind_header + "\n2010301,行政运行,1000,\n")
    src_header = "科目编码,科目名称,基本支出,项目支出,资金来源"
    write("csv", "source-unknown.csv", src_header + "\n2010301,行政运行,1000,0,银行贷款\n")
    write("csv", "source-garbled.csv", src_header + "\n2010301,行政运行,1000,0,\u200b\n")
    for name, ch in [("esc", "\x1b[31m"), ("nul", "\x00"), ("bel", "\x07"), ("zwsp", "\u200b"), ("rlo", "\u202e"), ("line-separator", "\u2028")]:
        write("csv", "name-%s.csv" % name, "\n".join([HEADER, good, "2010302,一般行政%s管理事务,0,500" % ch]) + "\n")
    unit_header = "科目编码,科目名称,基本支出,项目支出,单位名称"
    write("csv", "unit-control.csv", unit_header + "\n2010301,行政运行,1000,0,示例\x1b]8;;x\x07办\n")
    write("csv", "code-zwsp-only-row.csv", HEADER + "\n2010301\u200b,行政运行,1000,0\n")


# ---------------------------------------------------------------- xlsx (import)
def xlsx_bytes(sheet_rows_xml, shared=None, extra=None, sheet_name="xl/worksheets/sheet1.xml", raw_sheet=None):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        zput(z, "[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        zput(z, "xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>')
        if shared is not None:
            sis = "".join("<si><t>%s</t></si>" % s for s in shared)
            zput(z, "xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s</sst>' % sis)
        if sheet_name:
            body = raw_sheet if raw_sheet is not None else (
                '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % sheet_rows_xml)
            zput(z, sheet_name, body)
        for k, v in (extra or {}).items():
            zput(z, k, v)
    return b.getvalue()


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


def num(ref, v):
    return '<c r="%s"><v>%s</v></c>' % (ref, v)


HEADER_ROW = '<row r="1">%s</row>' % "".join(inline(c + "1", t) for c, t in zip("ABCD", ["科目编码", "科目名称", "基本支出", "项目支出"]))


def xrow(r, code, name, basic, project="0"):
    return '<row r="%d">%s%s%s%s</row>' % (r, inline("A%d" % r, code), inline("B%d" % r, name), inline("C%d" % r, basic), num("D%d" % r, project))


def xlsx():
    clean("xlsx")
    good = xrow(2, "2010301", "行政运行", "1000")
    write("xlsx", "not-a-zip.xlsx", "科目编码,科目名称\n2010301,行政运行\n")
    write("xlsx", "empty.xlsx", b"")
    whole = xlsx_bytes(HEADER_ROW + good)
    write("xlsx", "truncated.xlsx", whole[: len(whole) // 2])
    write("xlsx", "zip-without-sheet.xlsx", xlsx_bytes("", sheet_name=None))
    write("xlsx", "sheet-not-xml.xlsx", xlsx_bytes("", raw_sheet="这不是 XML <<<"))
    write("xlsx", "sheet-truncated-xml.xlsx", xlsx_bytes("", raw_sheet='<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>科目'))
    write("xlsx", "shared-string-minus-one.xlsx", xlsx_bytes('<row r="1"><c r="A1" t="s"><v>-1</v></c></row>', shared=["科目编码"]))
    write("xlsx", "shared-string-out-of-range.xlsx", xlsx_bytes('<row r="1"><c r="A1" t="s"><v>99</v></c></row>', shared=["科目编码"]))
    write("xlsx", "shared-string-not-a-number.xlsx", xlsx_bytes('<row r="1"><c r="A1" t="s"><v>abc</v></c></row>', shared=["科目编码"]))
    write("xlsx", "ref-twenty-letters.xlsx", xlsx_bytes('<row r="1"><c r="ABCDEFGHIJKLMNOPQRST1" t="inlineStr"><is><t>x</t></is></c></row>'))
    write("xlsx", "ref-zzzzzzz.xlsx", xlsx_bytes('<row r="1"><c r="ZZZZZZZ999999999" t="inlineStr"><is><t>x</t></is></c></row>'))
    write("xlsx", "ref-row-zero.xlsx", xlsx_bytes('<row r="0"><c r="A0" t="inlineStr"><is><t>x</t></is></c></row>'))
    write("xlsx", "ref-row-too-large.xlsx", xlsx_bytes('<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>'))
    write("xlsx", "ref-column-xfe.xlsx", xlsx_bytes('<row r="1"><c r="XFE1" t="inlineStr"><is><t>x</t></is></c></row>'))
    write("xlsx", "header-only.xlsx", xlsx_bytes(HEADER_ROW))
    write("xlsx", "amount-letters.xlsx", xlsx_bytes(HEADER_ROW + good + xrow(3, "2010302", "一般行政管理事务", "abc")))
    write("xlsx", "amount-negative.xlsx", xlsx_bytes(HEADER_ROW + good + xrow(3, "2010302", "一般行政管理事务", "-5")))
    write("xlsx", "amount-keycap.xlsx", xlsx_bytes(HEADER_ROW + good + xrow(3, "2010302", "一般行政管理事务", "５⃣")))
    write("xlsx", "name-control.xlsx", xlsx_bytes(HEADER_ROW + good + xrow(3, "2010302", "一般&#x1B;]8;;x&#x7;事务", "5")))
    write("xlsx", "name-zwsp.xlsx", xlsx_bytes(HEADER_ROW + good + xrow(3, "2010302", "一般\u200b事务", "5")))
    write("xlsx", "no-code-column.xlsx", xlsx_bytes('<row r="1">%s</row>' % inline("A1", "名称") + '<row r="2">%s</row>' % inline("A2", "行政运行")))
    write("xlsx", "xls-ole-header.xlsx", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    write("xlsx", "docx-renamed.xlsx", docx_bytes("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"))
    # A sheet part declared far larger than any export (a zip bomb stops at the declared size, before inflating).
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        zput(z, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData>" + b" " * (65 * 1024 * 1024) + b"</sheetData></worksheet>")
    write("xlsx", "inflates-past-limit.xlsx", b.getvalue())


# ---------------------------------------------------------------- docx (audit, import)
def docx_bytes(body_xml, raw=None, with_document=True):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        zput(z, "[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        if with_document:
            doc = raw if raw is not None else (
                '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body_xml)
            zput(z, "word/document.xml", doc)
    return b.getvalue()


def docx():
    clean("docx")
    write("docx", "not-a-zip.docx", "这是一个文本文件，不是 Word 文档。\n")
    write("docx", "empty.docx", b"")
    whole = docx_bytes("<w:p><w:r><w:t>部门预算</w:t></w:r></w:p>" * 50)
    write("docx", "truncated.docx", whole[: len(whole) // 3])
    write("docx", "zip-without-document.docx", docx_bytes("", with_document=False))
    write("docx", "document-not-xml.docx", docx_bytes("", raw="这不是 XML <<< >>>"))
    write("docx", "document-empty.docx", docx_bytes("", raw=""))
    write("docx", "pdf-renamed.docx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n")
    write("docx", "xlsx-renamed.docx", xlsx_bytes(HEADER_ROW))
    write("docx", "png-renamed.docx", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(64))
    write("docx", "body-empty.docx", docx_bytes(""))
    write("docx", "gzip-renamed.docx", bytes.fromhex("1f8b0800000000000003") + bytes(32))
    write("docx", "import-no-tables.docx", docx_bytes("<w:p><w:r><w:t>本部门2025年没有需要说明的事项。</w:t></w:r></w:p>"))
    write("docx", "import-not-a-zip.docx", "不是 Word 文档\n")
    write("docx", "import-empty.docx", b"")


# ---------------------------------------------------------------- pdf (audit, import)
def pdf_bytes(content=b"", pages=1):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def pdf():
    clean("pdf")
    write("pdf", "not-a-pdf.pdf", "这是一个文本文件。\n")
    write("pdf", "empty.pdf", b"")
    write("pdf", "header-only.pdf", b"%PDF-1.4\n")
    blank = pdf_bytes()
    write("pdf", "blank-page-no-text.pdf", blank)
    write("pdf", "truncated.pdf", blank[: len(blank) // 2])
    write("pdf", "garbage-after-header.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8)
    write("pdf", "png-renamed.pdf", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(64))
    write("pdf", "docx-renamed.pdf", docx_bytes("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"))
    write("pdf", "drawing-only.pdf", pdf_bytes(b"0 0 m 100 100 l S"))
    write("pdf", "import-no-text.pdf", blank)
    write("pdf", "import-not-a-pdf.pdf", "不是 PDF\n")


# ---------------------------------------------------------------- txt (audit, import)
def txt():
    clean("txt")
    write("txt", "empty.txt", b"")
    write("txt", "nul-bytes.txt", b"\x00\x01\x02\x03abc\x00")
    write("txt", "utf16le-no-bom.txt", "部门预算公开\n".encode("utf-16-le"))
    write("txt", "binary.txt", bytes((i * 131 + 7) % 256 for i in range(4096)))
    write("txt", "png-renamed.txt", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(64))
    write("txt", "import-empty.txt", b"")
    write("txt", "import-no-tables.txt", "本部门2025年度没有需要说明的事项。\n")
    write("txt", "import-binary.txt", bytes((i * 97 + 3) % 256 for i in range(2048)))
    write("txt", "import-unknown-extension.xyz", bytes((i * 89 + 5) % 256 for i in range(2048)))
    write("txt", "import-only-blank-lines.txt", "\n\n　\n\t\n")


# ---------------------------------------------------------------- catalogs (catalog import)
def catalogs():
    clean("catalogs")
    h = "科目编码,科目名称"
    for name, body in [
        ("unterminated-quote", h + '\n201,一般公共服务支出\n20101,"人大事务\n2010101,行政运行\n'),
        ("empty", ""), ("header-only-wrong", "编码号,名字\n201,一般公共服务支出\n"),
        ("missing-name", h + "\n201,\n"), ("missing-code", h + "\n,一般公共服务支出\n"),
        ("six-digit-code", h + "\n201011,行政运行\n"), ("letters-in-code", h + "\n20a,一般公共服务支出\n"),
        ("duplicate", h + "\n201,一般公共服务支出\n201,一般公共服务\n"), ("unknown-system", h + "\n401,其他\n"),
        ("zwsp-in-name", h + "\n201,一般\u200b公共服务支出\n"), ("esc-in-name", h + "\n201,一般\x1b[31m公共服务支出\n"),
        ("nul-in-code", h + "\n20\x001,一般公共服务支出\n"), ("four-digit-code", h + "\n2010,一般公共服务\n"),
        ("only-header", h + "\n"), ("item-under-wrong-class", h + "\n2010a01,行政运行\n"),
    ]:
        write("catalogs", name + ".csv", body)
    write("catalogs", "gbk.csv", (h + "\n201,一般公共服务支出\n").encode("gbk"))
    write("catalogs", "binary.csv", bytes(range(256)) * 2)


# ---------------------------------------------------------------- workbooks (check)
def workbooks():
    clean("workbooks")
    write("workbooks", "empty.yusuan", b"")
    write("workbooks", "text.yusuan", "这不是工作簿。\n")
    write("workbooks", "random-bytes.yusuan", bytes((i * 37 + 11) % 256 for i in range(8192)))
    write("workbooks", "sqlite-header-only.yusuan", b"SQLite format 3\x00" + bytes(84))
    tmp = tempfile.mkdtemp()
    try:
        other = os.path.join(tmp, "other.db")
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
        con.execute("INSERT INTO notes(body) VALUES ('another program')")
        con.commit(); con.close()
        write("workbooks", "another-programs-database.yusuan", open(other, "rb").read())
        binary = os.path.join(REPO, ".build", "debug", "yusuan")
        if not os.access(binary, os.X_OK):
            sys.exit("build first (swift build): the workbook cases start from a real workbook")
        env = dict(os.environ, YUSUAN_FORMS=os.path.join(REPO, "forms"))
        base = os.path.join(tmp, "base.yusuan")
        subprocess.run([binary, "new", base, "--department", "示例办", "--year", "2025"], check=True, env=env, capture_output=True)
        s = os.path.join(tmp, "s.ys")
        open(s, "w").write('职责 "负责会议的准备工作。"\n支出 2010301 基本 10\n')
        subprocess.run([binary, "run", base, s], check=True, env=env, capture_output=True)

        def damaged(name, sql):
            p = os.path.join(tmp, name)
            shutil.copy(base, p)
            con = sqlite3.connect(p)
            con.executescript(sql)
            con.commit()
            con.execute("VACUUM")  # no trace of the undamaged pages, the same bytes on every run
            con.close()
            write("workbooks", name, open(p, "rb").read())
        # Fixed times, so that the generated files are the same on every run.
        con = sqlite3.connect(base)
        con.execute("UPDATE meta SET value = '2025-01-01T00:00:00.000Z' WHERE key = 'created'")
        con.execute("UPDATE journal SET at = '2025-01-01T00:00:00.000Z', location = 's.ys:' || seq")
        con.commit()
        con.execute("VACUUM")
        con.close()
        damaged("fact-not-json.yusuan", "UPDATE facts SET body = '{\"expenditure\": 12';")
        damaged("fact-wrong-shape.yusuan", "UPDATE facts SET body = '[1, 2, 3]';")
        damaged("fact-unknown-kind.yusuan", "UPDATE facts SET body = '{\"spaceship\": {}}';")
        damaged("meta-missing.yusuan", "DELETE FROM meta;")
        damaged("meta-year-not-a-number.yusuan", "UPDATE meta SET value = 'abc' WHERE key = 'year';")
        damaged("edition-unknown.yusuan", "UPDATE meta SET value = 'no-such-edition' WHERE key = 'edition';")
        damaged("facts-table-dropped.yusuan", "DROP TABLE facts;")
        full = open(base, "rb").read()
        write("workbooks", "truncated.yusuan", full[: len(full) // 2])
    finally:
        shutil.rmtree(tmp)


# ---------------------------------------------------------------- command lines
CMDLINES = [
    # (name, expect token, arguments); {W} a copy of the corpus workbook, {TMP} an empty folder, {CASES} this folder.
    ("run-no-script", "录入脚本", "run {W}"),
    ("run-no-arguments", "工作簿", "run"),
    ("run-missing-script", "不存在.ys", "run {W} {TMP}/不存在.ys"),
    ("run-folder-as-script", "{TMP}", "run {W} {TMP}"),
    ("run-missing-workbook", "无此工作簿.yusuan", "run {TMP}/无此工作簿.yusuan {CASES}/amounts/001-expenditure-letters.ys"),
    ("run-unknown-option", "--dry-run", "run {W} --dry-run {CASES}/amounts/001-expenditure-letters.ys"),
    ("check-no-workbook", "工作簿", "check"),
    ("check-format-xml", "--format", "check {W} --format xml"),
    ("check-format-missing", "--format", "check {W} --format"),
    ("check-unknown-option", "--zzz", "check {W} --zzz"),
    ("check-misspelt-option", "--formt", "check {W} --formt json"),
    ("check-missing-workbook", "没有.yusuan", "check {TMP}/没有.yusuan"),
    ("check-empty-folder", "{TMP}", "check {TMP}"),
    ("export-format-pdf", "--format", "export {W} --format pdf"),
    ("export-extra-argument", "多余", "export {W} 多余"),
    ("export-no-workbook", "工作簿", "export"),
    ("new-no-year", "--year", "new {TMP}/新.yusuan --department 甲"),
    ("new-year-letters", "--year", "new {TMP}/新.yusuan --department 甲 --year abc"),
    ("new-year-1800", "1800", "new {TMP}/新.yusuan --department 甲 --year 1800"),
    ("new-year-five-digits", "20255", "new {TMP}/新.yusuan --department 甲 --year 20255"),
    ("new-year-fullwidth", "--year", "new {TMP}/新.yusuan --department 甲 --year ２０２５"),
    ("new-no-department", "部门名称", "new {TMP}/新.yusuan --year 2025"),
    ("new-department-esc", "U+001B", "new {TMP}/新.yusuan --department 甲\x1b]8;;x\x07局 --year 2025"),
    ("new-department-zwsp", "U+200B", "new {TMP}/新.yusuan --department 甲\u200b局 --year 2025"),
    ("new-edition-unknown", "nope", "new {TMP}/新.yusuan --department 甲 --year 2025 --edition nope"),
    ("new-catalog-unknown", "nope", "new {TMP}/新.yusuan --department 甲 --year 2025 --catalog nope"),
    ("new-existing", "{W}", "new {W} --department 甲 --year 2025"),
    ("new-from-missing", "上年.yusuan", "new {TMP}/新.yusuan --year 2026 --from {TMP}/上年.yusuan"),
    ("new-from-text-file", "text.yusuan", "new {TMP}/新.yusuan --year 2026 --from {CASES}/workbooks/002-text.yusuan"),
    ("new-from-later-year", "2024", "new {TMP}/新.yusuan --year 2024 --from {W}"),
    ("new-in-missing-folder", "不存在的目录", "new {TMP}/不存在的目录/新.yusuan --department 甲 --year 2025"),
    ("new-value-missing", "--department", "new {TMP}/新.yusuan --year 2025 --department"),
    ("compile-no-out", "--out", "compile {W}"),
    ("compile-format-bogus", "bogus", "compile {W} --out {TMP}/输出 --format bogus"),
    ("compile-format-empty", "格式", "compile {W} --out {TMP}/输出 --format ,"),
    ("compile-draft-value", "--draft", "compile {W} --out {TMP}/输出 --draft=yes"),
    ("compile-out-under-file", "输出", "compile {W} --out {W}/输出 --format md --draft"),
    ("import-no-document", "文件", "import {W}"),
    ("import-as-other", "--as", "import {W} {CASES}/csv/001-unterminated-quote-name.csv --as later"),
    ("import-missing-document", "没有.csv", "import {W} {TMP}/没有.csv --as current"),
    ("import-map-bad", "--map", "import {W} {CASES}/csv/009-no-code-column.csv --as current --map code"),
    ("import-map-unknown-key", "color", "import {W} {CASES}/csv/009-no-code-column.csv --as current --map color=名称"),
    ("audit-no-document", "文件", "audit"),
    ("audit-html-without-out", "--out", "audit {CASES}/docx/001-not-a-zip.docx --format html"),
    ("audit-format-bogus", "--format", "audit {CASES}/docx/001-not-a-zip.docx --format xml"),
    ("audit-missing", "没有.docx", "audit {TMP}/没有.docx"),
    ("catalog-no-subcommand-file", "目录文件", "catalog import"),
    ("catalog-unknown-subcommand", "export", "catalog export"),
    ("catalog-missing-file", "没有.csv", "catalog import {TMP}/没有.csv"),
    ("unknown-subcommand", "bogus", "bogus"),
    ("unknown-subcommand-chinese", "录入", "录入 {W}"),
    ("version-option", "--version", "--version"),
    ("repl-no-workbook-piped", "repl", "repl"),
    ("repl-extra-argument", "多余", "repl {W} 多余"),
]


def cmdlines():
    clean("cmdline")
    for name, token, args in CMDLINES:
        write("cmdline", name + ".args", "# expect: 2 %s\n%s\n" % (token, args))


def main():
    amounts(); codes(); text(); scripts(); csv(); xlsx(); docx(); pdf(); txt(); catalogs(); workbooks(); cmdlines()
    total = 0
    for category in sorted(counts):
        hand = [n for n in os.listdir(os.path.join(ROOT, category)) if not GENERATED.match(n) and not n.startswith(".")]
        total += counts[category] + len(hand)
        print("%-10s %4d generated %3d by hand" % (category, counts[category], len(hand)))
    print("%-10s %4d" % ("total", total))


if __name__ == "__main__":
    main()
