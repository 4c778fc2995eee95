"""SYNTHETIC registry exports, for tests and benchmarks only: never shipped, never under data/raw.

Every company here is made up (合成样例 "synthetic sample" in every name, 测试人 for every person);
only the geography is real: Zhejiang's cities and districts with their administrative division
codes, as a registry would list them. Credit codes get their check digit from this module's own
arithmetic (GB 32100-2015: weights 3^i mod 31, over the 31 characters left when I, O, Z, S, V
are dropped), not from the importer's code.
"""

from __future__ import annotations

import csv
import random
import string
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ALPHABET = "".join(c for c in string.digits + string.ascii_uppercase if c not in "IOZSV")
HEADERS = ["企业名称", "统一社会信用代码", "法定代表人", "成立日期", "注册资本", "登记状态", "所属省份", "所属城市",
           "所属区县", "经营范围", "企业类型", "联系电话", "备注"]
UNKNOWN_HEADERS = ["联系电话", "备注"]

# Zhejiang: city -> (division code, districts). Real administrative geography.
ZHEJIANG = {
    "杭州市": ("330100", ["西湖区", "上城区", "拱墅区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区",
                        "桐庐县", "淳安县", "建德市"]),
    "宁波市": ("330200", ["海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "象山县", "宁海县", "余姚市", "慈溪市"]),
    "温州市": ("330300", ["鹿城区", "龙湾区", "瓯海区", "洞头区", "乐清市", "瑞安市"]),
    "嘉兴市": ("330400", ["南湖区", "秀洲区", "海宁市", "桐乡市"]),
    "湖州市": ("330500", ["吴兴区", "南浔区", "德清县", "长兴县", "安吉县"]),
    "绍兴市": ("330600", ["越城区", "柯桥区", "上虞区", "诸暨市"]),
    "金华市": ("330700", ["婺城区", "金东区", "义乌市", "东阳市", "永康市"]),
    "衢州市": ("330800", ["柯城区", "衢江区", "江山市"]),
    "舟山市": ("330900", ["定海区", "普陀区"]),
    "台州市": ("331000", ["椒江区", "黄岩区", "路桥区", "临海市", "温岭市"]),
    "丽水市": ("331100", ["莲都区", "龙泉市"]),
}

# Business scopes in the registry's standard wording, and the activity each should be classified as.
SCOPES = {
    "animation": "一般项目：动漫游戏开发；数字内容制作服务；许可项目：广播电视节目制作经营",
    "production": "许可项目：电影摄制服务；广播电视节目制作经营；电影发行；一般项目：组织文化艺术交流活动；会议及展览服务",
    "post-production": "一般项目：影视特效制作；数字内容制作服务；技术服务、技术开发、技术咨询",
    "cinema": "许可项目：电影放映；食品销售；一般项目：停车场服务；日用百货销售",
    "distribution": "许可项目：电影发行；一般项目：版权代理；组织文化艺术交流活动",
    "other": "一般项目：广告设计、代理；电影放映设备销售；文化用品设备出租",
}
TYPES = ["有限责任公司(自然人投资或控股)", "有限责任公司(自然人独资)", "股份有限公司(非上市)", "其他有限责任公司"]
STATUSES = ["存续", "在业", "存续", "存续", "注销"]


def check_digit(first17: str) -> str:
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return ALPHABET[-total % 31]


def credit_code(division: str, serial: int) -> str:
    body = "91" + division + "MA" + f"{serial:07d}"
    return body + check_digit(body)


def broken_check_digit(code: str) -> str:
    return code[:17] + ALPHABET[(ALPHABET.index(code[17]) + 1) % 31]


@dataclass
class Case:
    """One row of a synthetic export and what the import must make of it."""
    cells: dict[str, object]
    expect: str  # accepted | rejected | duplicate
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (column, start of reason) for a rejected row
    activity: str = ""
    matched_by: str = ""  # for a duplicate: credit_code | name+city


def _row(serial: int, city: str, district_index: int, activity: str, *, founded: object = "2018-05-20",
         capital: object = "500万元") -> dict[str, object]:
    division, districts = ZHEJIANG[city]
    return {
        "企业名称": f"{city[:-1]}合成样例{serial:05d}影视有限公司", "统一社会信用代码": credit_code(division, serial),
        "法定代表人": f"测试人{serial:05d}", "成立日期": founded, "注册资本": capital, "登记状态": STATUSES[serial % 5],
        "所属省份": "浙江省", "所属城市": city, "所属区县": districts[district_index % len(districts)],
        "经营范围": SCOPES[activity], "企业类型": TYPES[serial % len(TYPES)],
        "联系电话": f"0000-{serial:08d}", "备注": "合成数据（测试用）",
    }


CURATED_NAME = "杭州合成样例传媒有限公司"  # the tests add a curated company of this name in Hangzhou


def cases() -> list[Case]:
    """The small export the tests check row by row: every rule, every outcome."""
    out: list[Case] = []
    cities = list(ZHEJIANG)
    activities = list(SCOPES)
    # 1. accepted: every city and activity, with the date and capital forms registries use
    forms = [("2018-05-20", "500万元"), ("2019/3/7", "1000万人民币"), ("2020年11月2日", "100万美元"),
             ("20150101", "1.5亿元"), ("2016-02-29", "人民币300万元"), ("2021.06.30", "50万港元")]
    for i in range(22):
        city, activity = cities[i % len(cities)], activities[i % len(activities)]
        founded, capital = forms[i % len(forms)]
        out.append(Case(_row(100 + i, city, i, activity, founded=founded, capital=capital), "accepted",
                        activity=activity))
    # a name with full-width brackets, letters and stray spaces: accepted, normalised
    row = _row(140, "杭州市", 0, "production")
    row["企业名称"] = "杭州合成样例 （ＡＢ）影视有限公司"
    out.append(Case(row, "accepted", activity="production"))
    # an empty date and capital are missing values, not errors
    out.append(Case(_row(141, "宁波市", 1, "other", founded="", capital="-"), "accepted", activity="other"))
    # 2. rejected: one reason each ...
    bad = _row(200, "杭州市", 2, "production")
    bad["统一社会信用代码"] = broken_check_digit(bad["统一社会信用代码"])
    out.append(Case(bad, "rejected", [("统一社会信用代码", "check digit is")]))
    bad = _row(201, "温州市", 0, "cinema")
    bad["统一社会信用代码"] = bad["统一社会信用代码"][:17]
    out.append(Case(bad, "rejected", [("统一社会信用代码", "has 17 characters")]))
    bad = _row(202, "嘉兴市", 0, "cinema")
    bad["统一社会信用代码"] = bad["统一社会信用代码"][:10] + "O" + bad["统一社会信用代码"][11:]
    out.append(Case(bad, "rejected", [("统一社会信用代码", "has characters outside the code's alphabet")]))
    bad = _row(203, "湖州市", 0, "cinema")
    bad["统一社会信用代码"] = ""
    out.append(Case(bad, "rejected", [("统一社会信用代码", "is empty")]))
    bad = _row(204, "绍兴市", 0, "cinema")
    bad["企业名称"] = ""
    out.append(Case(bad, "rejected", [("企业名称", "is empty")]))
    out.append(Case(_row(205, "金华市", 3, "production", founded="2021-02-30"), "rejected",
                    [("成立日期", "is not a real calendar date")]))
    out.append(Case(_row(206, "衢州市", 0, "production", founded="2031-01-01"), "rejected",
                    [("成立日期", "is after the export's date")]))
    out.append(Case(_row(207, "舟山市", 0, "production", founded="去年"), "rejected", [("成立日期", "is not a date")]))
    out.append(Case(_row(208, "台州市", 0, "production", capital="500万卢比"), "rejected",
                    [("注册资本", "has a unit this import does not know")]))
    out.append(Case(_row(209, "丽水市", 0, "production", capital="500"), "rejected", [("注册资本", "has no unit")]))
    # ... and one row with two reasons
    bad = _row(210, "杭州市", 4, "animation", founded="2019-13-01")
    bad["统一社会信用代码"] = broken_check_digit(bad["统一社会信用代码"])
    out.append(Case(bad, "rejected", [("统一社会信用代码", "check digit is"), ("成立日期", "is not a real calendar date")]))
    # 3. duplicates: the same code again, the same name and city with other spacing and widths, a curated company
    again = dict(out[0].cells)
    again["企业名称"] = "另一个合成样例名称有限公司"
    out.append(Case(again, "duplicate", matched_by="credit_code"))
    same_name = _row(300, "杭州市", 0, "production")
    same_name["企业名称"] = "杭州合成样例（AB） 影视有限公司"
    out.append(Case(same_name, "duplicate", matched_by="name+city"))
    curated = _row(301, "杭州市", 5, "production")
    curated["企业名称"] = CURATED_NAME
    out.append(Case(curated, "duplicate", matched_by="name+city"))
    # the same name in another city is another company
    elsewhere = _row(302, "宁波市", 0, "distribution")
    elsewhere["企业名称"] = "杭州合成样例（AB）影视有限公司"
    out.append(Case(elsewhere, "accepted", activity="distribution"))
    return out


def write_csv(path: Path, rows: list[dict[str, object]], encoding: str = "gbk") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        writer.writerows([_csv_cell(r.get(h, "")) for h in HEADERS] for r in rows)
    return path


def _csv_cell(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def write_xlsx(path: Path, rows: list[dict[str, object]], title_row: str | None = None) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("企业列表")
    if title_row:
        sheet.append([title_row])
    sheet.append(HEADERS)
    for r in rows:
        sheet.append([_xlsx_cell(h, r.get(h, "")) for h in HEADERS])
    book.save(path)
    _add_dimension(path, len(rows) + 1 + bool(title_row), len(HEADERS))
    return path


def _add_dimension(path: Path, n_rows: int, n_columns: int) -> None:
    """Give the sheet the <dimension> element Excel and WPS write before the data (openpyxl's
    write-only mode leaves it out, and openpyxl's reader then parses the whole sheet twice)."""
    import zipfile

    from openpyxl.utils import get_column_letter

    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet") and b"<dimension" not in data:
                ref = f'<dimension ref="A1:{get_column_letter(n_columns)}{n_rows}"/>'.encode()
                data = data.replace(b"<sheetData", ref + b"<sheetData", 1)
            dst.writestr(item, data)
    tmp.replace(path)


def _xlsx_cell(header: str, value: object) -> object:
    """A spreadsheet keeps ISO dates as date cells, as registry exports do."""
    if header == "成立日期" and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def bulk_rows(n: int, seed: int = 21) -> tuple[list[dict[str, object]], dict[str, int]]:
    """n rows for a benchmark: about 2% refused (check digit), 1% duplicate codes, the rest accepted;
    returns the rows and the counts the import must report."""
    rng = random.Random(seed)
    cities, activities = list(ZHEJIANG), list(SCOPES)
    rows, counts = [], {"accepted": 0, "rejected": 0, "duplicate": 0}
    for i in range(n):
        r = rng.random()
        if r < 0.01 and rows:
            row = dict(rows[rng.randrange(len(rows))])
            if not row["企业名称"].startswith("×"):
                rows.append({**row, "企业名称": "×" + row["企业名称"]})
                counts["duplicate"] += 1
                continue
        row = _row(1_000_000 + i, cities[i % len(cities)], i // len(cities), activities[rng.randrange(6)],
                   founded=f"{2000 + i % 24}-{1 + i % 12:02d}-{1 + i % 28:02d}")
        if r > 0.98:
            row["统一社会信用代码"] = broken_check_digit(row["统一社会信用代码"])
            row["企业名称"] = "×" + row["企业名称"]  # never the model of a duplicate
            counts["rejected"] += 1
        else:
            counts["accepted"] += 1
        rows.append(row)
    return rows, counts


def write_registry_input(path: Path, n: int, source_id: str, columns: list[str]) -> None:
    """n valid rows in the form `python -m etl import` writes to data/raw (for a warehouse benchmark)."""
    cities, activities = list(ZHEJIANG), list(SCOPES)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for i in range(n):
            city = cities[i % len(cities)]
            division, districts = ZHEJIANG[city]
            activity = activities[i % 6]
            name = f"{city[:-1]}合成样例{i:07d}影视有限公司"
            values = {
                "credit_code": credit_code(division, i), "name": name, "name_registry": name,
                "legal_representative": f"测试人{i:07d}", "founded": f"{2000 + i % 24}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "capital_amount": str(100 + i % 900), "capital_unit": "万元", "capital_currency": "CNY",
                "capital_base": str((100 + i % 900) * 10000), "registration_status": STATUSES[i % 5],
                "province": "浙江省", "city": city, "district": districts[i % len(districts)],
                "city_id": "hangzhou" if city == "杭州市" else "", "company_type": TYPES[i % len(TYPES)],
                "business_scope": SCOPES[activity], "activity": activity,
                "activity_keyword": "", "export_row": str(i + 2), "source_id": source_id,
            }
            writer.writerow([values[c] for c in columns])
