#!/usr/bin/env python3
"""Writes the synthetic Shanghai-layout workbook the PDF reader tests convert with LibreOffice.

Tests/Fixtures/pdf/shanghai-layout.xlsx (and shanghai-layout-borderless.xlsx without rules, shanghai-layout-titles.xlsx
with the title block repeated on every page): one sheet, a 2025 部门支出预算总表 in the Shanghai layout — the unit on the
编制部门 line (单位：元), a three-row header with merged cells, 类/款/项 in three columns, amounts in 元 with thousands
separators, blank cells, a name long enough to wrap in its cell, enough rows to run onto a second page with the
header repeated there (print titles), a page number in the footer, and one deliberately wrong 类 subtotal
(类 208 printed 1,000.00 above its 款) so the audit has one real defect to find.

Run it again only to change the fixture. It also writes the expected reading (shanghai-layout.expected.csv) from the
same data, so the reader is checked against the source, not against itself; the rendered PDF was looked at by eye.
"""
from decimal import Decimal
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side, Font
from openpyxl.worksheet.page import PageMargins

thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
wb = Workbook()
ws = wb.active
ws.title = "支出总表"
ws.column_dimensions["A"].width = 6
ws.column_dimensions["B"].width = 5
ws.column_dimensions["C"].width = 5
ws.column_dimensions["D"].width = 26
for col in "EFG":
    ws.column_dimensions[col].width = 17

ws.merge_cells("A1:G1")
ws["A1"] = "2025年部门支出预算总表"
ws["A1"].font = Font(size=14, bold=True)
ws["A1"].alignment = Alignment(horizontal="center")
ws["A2"] = "编制部门：上海市示例区示例委员会"
ws["G2"] = "单位：元"
ws["G2"].alignment = Alignment(horizontal="right")

# Header: 项目 | 支出预算 / 功能分类科目编码 | 功能分类科目名称 | 合计 | 基本支出 | 项目支出 / 类 | 款 | 项
ws.merge_cells("A3:D3"); ws["A3"] = "项目"
ws.merge_cells("E3:G3"); ws["E3"] = "支出预算"
ws.merge_cells("A4:C4"); ws["A4"] = "功能分类科目编码"
ws.merge_cells("D4:D5"); ws["D4"] = "功能分类科目名称"
ws.merge_cells("E4:E5"); ws["E4"] = "合计"
ws.merge_cells("F4:F5"); ws["F4"] = "基本支出"
ws.merge_cells("G4:G5"); ws["G4"] = "项目支出"
ws["A5"], ws["B5"], ws["C5"] = "类", "款", "项"

items = [  # (类, 款, 项, name, basic, project)
    ("201", "03", "01", "行政运行", "11919501.84", "110000.00"),
    ("201", "03", "02", "一般行政管理事务", "0", "46140000.00"),
    ("201", "03", "50", "事业运行", "3767295.58", "40000.00"),
    ("201", "03", "99", "其他政府办公厅（室）及相关机构事务支出", "0", "20120000.00"),
    ("201", "13", "01", "行政运行", "5200000.00", "0"),
    ("201", "13", "08", "招商引资", "0", "8800000.00"),
    ("208", "05", "01", "行政单位离退休", "1554220.00", "0"),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", "1763159.52", "0"),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", "881579.76", "0"),
    ("208", "05", "99", "其他行政事业单位养老支出", "14820.00", "0"),
    ("210", "11", "01", "行政单位医疗", "782855.28", "0"),
    ("210", "11", "02", "事业单位医疗", "314218.15", "0"),
    ("221", "02", "01", "住房公积金", "1741445.22", "0"),
    ("221", "02", "03", "购房补贴", "1867680.00", "0"),
]
# Padding 项 under 215/08 so the table runs onto a second page.
for k in range(1, 31):
    items.append(("215", "08", f"{k:02d}" if k < 30 else "99", f"支持中小企业发展专项{k}" if k < 30 else "其他支持中小企业发展和管理支出", "0", f"{100000 + k * 1000}.00"))

def fmt(d):
    return "" if d == 0 else f"{d:,.2f}"

rows = []
classes = {}
for c, k, i, name, b, p in items:
    classes.setdefault(c, {}).setdefault(k, []).append((i, name, Decimal(b), Decimal(p)))
names = {"201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务", "20113": "商贸事务", "208": "社会保障和就业支出",
         "20805": "行政事业单位养老支出", "210": "卫生健康支出", "21011": "行政事业单位医疗", "215": "资源勘探工业信息等支出",
         "21508": "支持中小企业发展和管理支出", "221": "住房保障支出", "22102": "住房改革支出"}
grand_b = grand_p = Decimal(0)
for c in sorted(classes):
    cb = sum(b for k in classes[c] for _, _, b, _ in classes[c][k]); cp = sum(p for k in classes[c] for _, _, _, p in classes[c][k])
    shown_cb = cb + (Decimal("1000.00") if c == "208" else 0)  # the planted defect: 208's 基本支出 is 1,000.00 too high
    rows.append((c, "", "", names[c], shown_cb + cp, shown_cb, cp))
    grand_b += cb; grand_p += cp
    for k in sorted(classes[c]):
        kb = sum(b for _, _, b, _ in classes[c][k]); kp = sum(p for _, _, _, p in classes[c][k])
        rows.append((c, k, "", names[c + k], kb + kp, kb, kp))
        for i, name, b, p in classes[c][k]:
            rows.append((c, k, i, name, b + p, b, p))

r = 6
for c, k, i, name, t, b, p in rows:
    ws.cell(r, 1, c); ws.cell(r, 2, k); ws.cell(r, 3, i); ws.cell(r, 4, name)
    for col, v in ((5, t), (6, b), (7, p)):
        ws.cell(r, col, fmt(v)).alignment = Alignment(horizontal="right")
    ws.cell(r, 4).alignment = Alignment(wrap_text=True, vertical="center")
    if len(name) > 16:
        ws.row_dimensions[r].height = 28  # room for the wrapped name: it stays inside its cell
    r += 1
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
ws.cell(r, 1, "合计").alignment = Alignment(horizontal="center")
for col, v in ((5, grand_b + grand_p), (6, grand_b), (7, grand_p)):
    ws.cell(r, col, fmt(v)).alignment = Alignment(horizontal="right")
for row in ws.iter_rows(min_row=3, max_row=r, min_col=1, max_col=7):
    for cell in row:
        cell.border = box
ws.print_title_rows = "3:5"
ws.oddFooter.center.text = "第 &P 页"
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.6, bottom=0.8)
ws.print_options.horizontalCentered = True
wb.save("Tests/Fixtures/pdf/shanghai-layout.xlsx")
# The same with the title block (title, 编制部门 and unit lines) repeated on every page, as Excel's print titles do:
# the continued parts must still join into one table.
ws.print_title_rows = "1:5"
wb.save("Tests/Fixtures/pdf/shanghai-layout-titles.xlsx")
ws.print_title_rows = "3:5"
# The same table printed without rules (many published tables are): read by the stream mode, same expected cells.
from openpyxl.styles import Border as _NoBorder
for row in ws.iter_rows():
    for cell in row:
        cell.border = _NoBorder()
wb.save("Tests/Fixtures/pdf/shanghai-layout-borderless.xlsx")

# The expected reading, from the data above (not from any reader): codes joined, amounts as printed, blanks blank.
import csv
with open("Tests/Fixtures/pdf/shanghai-layout.expected.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"])
    for c, k, i, name, t, b, p in rows:
        w.writerow([c + k + i, name, fmt(t), fmt(b), fmt(p)])
    w.writerow(["", "合计", fmt(grand_b + grand_p), fmt(grand_b), fmt(grand_p)])
print("wrote Tests/Fixtures/pdf/shanghai-layout.xlsx with", len(rows), "body rows")

# A scanned page among text pages (Tests/Fixtures/pdf/scanned-page.pdf): the workbook printed by LibreOffice, its
# page 2 replaced by a 60 dpi grey image of itself. Needs soffice, poppler-utils (pdfseparate, pdftoppm, pdfunite)
# and Pillow; skipped with a note when one is missing.
import shutil, subprocess, tempfile, glob, os
if all(shutil.which(t) for t in ["soffice", "pdfseparate", "pdftoppm", "pdfunite"]):
    try:
        from PIL import Image
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, "Tests/Fixtures/pdf/shanghai-layout.xlsx"], check=True, capture_output=True)
            subprocess.run(["pdfseparate", os.path.join(tmp, "shanghai-layout.pdf"), os.path.join(tmp, "p%d.pdf")], check=True)
            subprocess.run(["pdftoppm", "-r", "60", "-png", os.path.join(tmp, "p2.pdf"), os.path.join(tmp, "img")], check=True)
            Image.open(sorted(glob.glob(os.path.join(tmp, "img*.png")))[0]).convert("L").save(os.path.join(tmp, "image2.pdf"), resolution=60)
            pages = sorted(glob.glob(os.path.join(tmp, "p[0-9]*.pdf")), key=lambda p: int(os.path.basename(p)[1:-4]))
            pages = [os.path.join(tmp, "image2.pdf") if p.endswith("/p2.pdf") else p for p in pages]
            subprocess.run(["pdfunite", *pages, "Tests/Fixtures/pdf/scanned-page.pdf"], check=True)
        print("wrote Tests/Fixtures/pdf/scanned-page.pdf")
    except ImportError:
        print("Pillow missing: Tests/Fixtures/pdf/scanned-page.pdf not remade")
else:
    print("soffice or poppler-utils missing: Tests/Fixtures/pdf/scanned-page.pdf not remade")
