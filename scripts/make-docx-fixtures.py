#!/usr/bin/env python3
"""Writes the .docx fixtures whose tables are real Word tables (w:tbl), so the tests need no Python.

Run from the repository root: `pip install python-docx`, then `python3 scripts/make-docx-fixtures.py`.
Run it again only to change a fixture; the output is byte-for-byte the same on every run.

Tests/Fixtures/docx/seed-2021-tables.docx
    The 2021 seed (Tests/Fixtures/seeds/001_d4b356eb47825e97.txt) as a Word document: its prose as paragraphs and
    each of its tab-led tables as a Word table, the way a department would have it before copying it to a web page.
    Cells hold the seed's text unchanged (defects included: 457.90., codes 11, 2, 210305, 2050505); titles, 部门公开表N
    labels, unit lines and notes, which the text prints as one-cell rows, are paragraphs; merged cells are real
    merges (w:gridSpan across, w:vMerge down) where the text prints fewer cells than the table has columns. The
    expected reading is the seed's: Tests/Fixtures/readings/seed-2021/.

Tests/Fixtures/docx/shanghai-split-codes.docx
    A small table in the Shanghai layout: 类 | 款 | 项 in three columns under one merged 功能分类科目编码 header, the
    unit on the 编制部门 line (单位：元), amounts in 元 with thousands separators, 合计 merged across the code and
    name columns. Its expected reading (codes joined, separators dropped, per readings/FORMAT.md) is written from
    the same data to shanghai-split-codes.expected.csv.
"""
import csv
import io
import os
import re
import zipfile
from datetime import datetime
from decimal import Decimal

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

SEED = "Tests/Fixtures/seeds/001_d4b356eb47825e97.txt"
OUT = "Tests/Fixtures/docx"
FIXED_TIME = datetime(2021, 3, 1, 0, 0, 0)


# ---- Reading the seed into prose lines and rows, as the text reader does (Sources/Audit/Blocks.swift, LineRows) ----

def is_structural(t):
    """Lines that never continue a wrapped cell: 部门公开表N labels, table titles, unit lines, part headings, notes."""
    s = t.strip().replace(" ", "").replace("\u3000", "")
    return (re.match(r"^(部门公开表|公开表|附表|表)[0-9一二三四五六七八九十]+", s) is not None
            or (s.endswith("表") and 3 <= len(s) <= 60 and not any(p in s for p in "。，；"))
            or re.search(r"单位[：:](万元|千元|元)$", s) is not None
            or re.match(r"^第[一二三四五六七八九十]+部分", s) is not None
            or s.startswith("注：") or s.startswith("注:"))


def seed_events(text):
    """('text', line) and ('row', [cells]) in document order: tab-led lines are cells, blank lines end rows."""
    events, pending = [], None

    def flush():
        nonlocal pending
        if pending is not None:
            events.append(("row", pending))
        pending = None

    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith("\t"):
            if pending is None:
                pending = []
            pending += line.split("\t")[1:]
            continue
        assert "\t" not in line, line  # the seed has no tab-separated rows
        t = line.strip()
        if not t:
            flush()
            continue
        if pending and not is_structural(t):
            pending[-1] += "\n" + t  # a cell wrapped onto the next line (支出项目/ ⏎ /政府采购项目名称)
            continue
        flush()
        events.append(("text", t))
    flush()
    return events


def clean(cell):
    return cell.strip(" \u3000")


def is_total(cell):
    return cell.replace(" ", "").replace("\u3000", "") in ("合计", "总计")


def as_paragraph(cells):
    """A one-cell row that is a title, label, unit or note (or a row whose only text is the unit): a paragraph."""
    filled = [clean(c) for c in cells if clean(c)]
    if len(filled) == 1 and is_structural(filled[0]):
        return filled[0]
    return None


def spans(cells, width):
    """Column spans of a row printed with fewer cells than the table has columns."""
    n = len(cells)
    if n == width:
        return [1] * n
    first = clean(cells[0]).replace(" ", "")
    if is_total(first):
        return [width - n + 1] + [1] * (n - 1)  # 合计 across the label columns
    # A header row over two-level columns: 功能分类科目 / 经济分类科目 / 功能科目 over code and name, 收入 over
    # 项目 and 预算数; the last cell over the rest (预算数 over 合计/基本支出/项目支出, 2021年预算 over the sources).
    lead = 2 if first.endswith("科目") or first == "收入" else 1
    s = [lead] + [1] * (n - 1)
    s[-1] += width - sum(s)
    assert s[-1] >= 1, (cells, width)
    return s


def write_table(doc, rows):
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    layout = []
    for r, cells in enumerate(rows):
        sp = spans(cells, width)
        layout.append(sp)
        col = 0
        for text, span in zip(cells, sp):
            cell = table.cell(r, col)
            if span > 1:
                cell = cell.merge(table.cell(r, col + span - 1))
            cell.text = clean(text)  # a wrapped cell keeps its line break (w:br)
            col += span
    # A header cell over a blank cell below it is one cell printed over two rows: merge it down.
    if len(rows) >= 2 and len(rows[0]) < width:
        col = 0
        for text, span in zip(rows[0], layout[0]):
            below = [clean(rows[1][k]) if k < len(rows[1]) else "" for k in range(col, col + span)]
            if span == 1 and clean(text) and not below[0] and layout[1][col:col + 1] == [1]:
                table.cell(0, col).merge(table.cell(1, col))
            col += span
    return table


def seed_docx():
    text = open(SEED, encoding="utf-8").read()
    doc = Document()
    table_rows = []

    def end_table():
        nonlocal table_rows
        # Blank rows are printed grid rows: kept inside a table, never a table of their own.
        while table_rows and not any(clean(c) for c in table_rows[-1]):
            table_rows.pop()
        if table_rows:
            write_table(doc, table_rows)
        table_rows = []

    for kind, value in seed_events(text):
        if kind == "row":
            para = as_paragraph(value)
            if para is None and all(not clean(c) or re.search(r"单位[：:]", c) for c in value):
                para = next((clean(c) for c in value if clean(c)), None)
                if para is None and not table_rows:
                    continue  # a blank row before any table row
            if para is not None:
                end_table()
                doc.add_paragraph(para)
            else:
                table_rows.append(value)
        else:
            end_table()
            doc.add_paragraph(value)
    end_table()
    return doc


# ---- The Shanghai split-code table ----

SHANGHAI_ITEMS = [  # (类, 款, 项, name, 基本支出, 项目支出) in 元
    ("201", "03", "01", "行政运行", "11919501.84", "110000.00"),
    ("201", "03", "02", "一般行政管理事务", "0", "46140000.00"),
    ("201", "13", "08", "招商引资", "0", "8800000.00"),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", "1763159.52", "0"),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", "881579.76", "0"),
    ("221", "02", "01", "住房公积金", "1741445.22", "0"),
]
SHANGHAI_NAMES = {"201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务", "20113": "商贸事务",
                  "208": "社会保障和就业支出", "20805": "行政事业单位养老支出", "221": "住房保障支出", "22102": "住房改革支出"}


def shanghai_rows():
    rows, grand = [], [Decimal(0), Decimal(0)]
    classes = {}
    for c, k, i, name, b, p in SHANGHAI_ITEMS:
        classes.setdefault(c, {}).setdefault(k, []).append((i, name, Decimal(b), Decimal(p)))
    for c in sorted(classes):
        cb = sum(b for k in classes[c] for _, _, b, _ in classes[c][k])
        cp = sum(p for k in classes[c] for _, _, _, p in classes[c][k])
        rows.append((c, "", "", SHANGHAI_NAMES[c], cb + cp, cb, cp))
        grand[0] += cb; grand[1] += cp
        for k in sorted(classes[c]):
            kb = sum(b for _, _, b, _ in classes[c][k]); kp = sum(p for _, _, _, p in classes[c][k])
            rows.append((c, k, "", SHANGHAI_NAMES[c + k], kb + kp, kb, kp))
            for i, name, b, p in classes[c][k]:
                rows.append((c, k, i, name, b + p, b, p))
    return rows, grand


def shanghai_docx():
    def shown(d):
        return "" if d == 0 else f"{d:,.2f}"

    rows, (gb, gp) = shanghai_rows()
    doc = Document()
    title = doc.add_paragraph("2025年部门一般公共预算支出功能分类预算表")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("编制部门：上海市示例区示例委员会\u3000\u3000\u3000\u3000单位：元")
    table = doc.add_table(rows=2 + len(rows) + 1, cols=7)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 2)).text = "功能分类科目编码"
    for col, name in ((3, "功能分类科目名称"), (4, "合计"), (5, "基本支出"), (6, "项目支出")):
        table.cell(0, col).merge(table.cell(1, col)).text = name
    for col, name in enumerate(["类", "款", "项"]):
        table.cell(1, col).text = name
    for r, (c, k, i, name, t, b, p) in enumerate(rows, start=2):
        for col, v in enumerate([c, k, i, name, shown(t), shown(b), shown(p)]):
            table.cell(r, col).text = v
    last = 2 + len(rows)
    table.cell(last, 0).merge(table.cell(last, 3)).text = "合计"
    for col, v in ((4, gb + gp), (5, gb), (6, gp)):
        table.cell(last, col).text = shown(v)
    # The expected reading, from the data above (not from any reader): codes joined, amounts without separators.
    with open(f"{OUT}/shanghai-split-codes.expected.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"])
        plain = lambda d: "" if d == 0 else f"{d:.2f}"
        for c, k, i, name, t, b, p in rows:
            w.writerow([c + k + i, name, plain(t), plain(b), plain(p)])
        w.writerow(["", "合计", plain(gb + gp), plain(gb), plain(gp)])
    return doc


def save_reproducibly(doc, path):
    """python-docx stamps the time into docProps/core.xml and the ZIP entries: fix both so a rerun changes nothing."""
    props = doc.core_properties
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.author = props.last_modified_by = "yusuan fixtures"
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    src = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, src.read(info.filename))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    doc = seed_docx()
    save_reproducibly(doc, f"{OUT}/seed-2021-tables.docx")
    print(f"wrote {OUT}/seed-2021-tables.docx: {len(doc.tables)} tables, {len(doc.paragraphs)} paragraphs")
    doc = shanghai_docx()
    save_reproducibly(doc, f"{OUT}/shanghai-split-codes.docx")
    print(f"wrote {OUT}/shanghai-split-codes.docx and shanghai-split-codes.expected.csv")
