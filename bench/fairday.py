#!/usr/bin/env python3
"""Replay the reference fair day against a running fairmatch service over HTTP.

The reference fair (长寿区 2024 春风行动): 520 employers offering 13,500
positions in about 2,700 postings, 18,000 seekers arriving through 40 kiosks
in one day, 10,000 of them with a resume, about 6,500 of them reaching an
agreement with an employer.

The script starts the service itself (``fairmatch serve`` on a free loopback
port, on a temporary SQLite file or a private redis-server) or attaches to one
with ``--url``; it creates the fair, replays the day with a pool of keep-alive
HTTP clients, keeps its own ground truth and checks that the organizer's final
statistics equal it exactly. It prints throughput, latency percentiles per
endpoint, errors, peak memory of the service's processes, the duration of the
day and the freshness lag of a new seeker across workers.

Exit status: 0 when every request succeeded and every count matched, 1
otherwise, 2 when the service could not be started.

Examples::

    python bench/fairday.py --store redis --workers 2 --scale 0.1
    python bench/fairday.py --store sqlite --workers 2
    python bench/fairday.py --store redis --workers 2 --scale 10 --clients 64
    python bench/fairday.py --url http://127.0.0.1:5000 --organizer-token fmo_...
"""
from __future__ import annotations

import argparse
import collections
import gc
import hashlib
import http.client
import ipaddress
import json
import math
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

try:
    # The service's own dependency. The bench shares the cores with the service
    # and json.loads of the 150 KB shortlists was two thirds of its CPU.
    from orjson import loads as parse_json
except ImportError:
    parse_json = json.loads

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The reference fair, at scale 1.0 (only seekers scale).
EMPLOYERS = 520
POSTINGS = 2700
POSITIONS = 13500
KIOSKS = 40
SEEKERS = 18000
RESUMES = 10000
AGREEMENT_TARGET = 6500

UPDATE_SHARE = 0.10  # seekers who come back to a kiosk and resubmit their phone
RESUME_ON_UPDATE_SHARE = 0.3  # of those with a resume, share who add it on the second visit
ENGLISH_RESUME_SHARE = 0.04
MARKS_PER_SEEKER = ((0, 0.22), (1, 0.36), (2, 0.26), (3, 0.16))  # postings a seeker marks
REPEAT_MARK_SHARE = 0.05  # seekers who press "interested" twice (must count once)
SHORTLIST_PULLS_PER_SEEKER = 0.5  # employer booth refreshes during the day
EMPLOYER_FIRST_SHARE = 0.1  # of candidates an employer would accept, share it marks first
BATCH_SIZE = 25
SHORTLIST_LIMIT = 50
AGREEMENTS_LIMIT = 200  # the booth reads its agreements and its postings a page of the API's largest at a time
RECOMMEND_LIMIT = 10  # the kiosk shows ten, and asks for one more to know whether to offer "show more"
MORE_SHARE = 0.2  # seekers who tap "show more jobs" once
SEARCH_SHARE = 0.3  # seekers who search the fair's jobs by a word of their trade (its name or a skill)
PROBE_TIMEOUT = 10.0
PROBE_POLL_INTERVAL = 0.02
PIN_ATTEMPTS = 200  # new connections tried to reach every worker once

# --------------------------------------------------------------------------
# Realistic fair data: job kinds seen at 长寿区's fair and the usual industrial
# job boards. Each kind: titles as employers write them, skills, education
# range, experience range, salary band (CNY/month), English name.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class JobKind:
    key: str
    name_zh: str
    name_en: str
    titles: tuple
    skills: tuple
    education: tuple
    experience: tuple  # (min, max) years
    salary: tuple  # (low, high) monthly CNY
    duties: tuple


KINDS = (
    JobKind("rd", "研发工程师", "R&D engineer",
            ("研发工程师", "机械研发工程师", "电气研发工程师", "嵌入式软件工程师", "结构工程师",
             "研发工程师（新能源汽车）", "产品研发工程师 8-15K", "R&D Engineer"),
            ("SolidWorks", "AutoCAD", "C语言", "嵌入式", "PLC", "Python", "CAN总线", "有限元分析",
             "UG", "电路设计", "Altium Designer", "产品设计"),
            ("associate", "bachelor", "bachelor", "master"), (1, 6), (8000, 20000),
            ("负责新产品结构设计与样机验证", "负责控制程序开发与调试", "配合生产解决工艺问题")),
    JobKind("operator", "技术操作员", "production operator",
            ("技术操作员", "生产操作工", "普工+包吃包住", "流水线操作员", "化工操作工",
             "设备操作员（倒班）", "普工 五险一金 月休4天", "包装工"),
            ("设备操作", "5S管理", "质量检验", "倒班", "化工生产", "DCS操作", "安全生产", "包装"),
            ("none", "junior_high", "high_school", "vocational"), (0, 2), (4500, 7000),
            ("按作业指导书操作生产设备", "做好交接班记录与设备点检", "配合班组完成产量")),
    JobKind("designer", "设计师", "designer",
            ("平面设计师", "UI设计师", "室内设计师", "工业设计师", "包装设计师", "美工"),
            ("Photoshop", "Illustrator", "CorelDRAW", "3ds Max", "Figma", "SketchUp", "C4D", "排版"),
            ("vocational", "associate", "bachelor"), (0, 4), (5000, 12000),
            ("负责产品包装与宣传物料设计", "负责店铺页面与活动海报", "与客户沟通设计方案")),
    JobKind("accountant", "会计", "accountant",
            ("会计", "出纳", "成本会计", "财务会计（有证优先）", "税务会计", "总账会计"),
            ("用友", "金蝶", "Excel", "纳税申报", "成本核算", "初级会计职称", "财务报表"),
            ("associate", "bachelor"), (0, 5), (4500, 9000),
            ("负责日常账务处理与凭证审核", "负责月度纳税申报", "编制财务报表")),
    JobKind("driver", "司机", "driver",
            ("司机", "货车司机（A2）", "商务车司机", "通勤班车司机", "配送司机", "网约车司机"),
            ("A1驾照", "A2驾照", "B2驾照", "C1驾照", "熟悉重庆路况", "安全驾驶", "车辆保养"),
            ("none", "junior_high", "high_school"), (2, 10), (5000, 9000),
            ("负责公司货物配送", "负责员工通勤接送", "做好车辆日常保养")),
    JobKind("welder", "焊工", "welder",
            ("焊工", "电焊工", "氩弧焊工", "二保焊工", "焊接技术员", "焊工 计件 多劳多得"),
            ("氩弧焊", "二氧化碳保护焊", "电焊", "焊工证", "识图", "不锈钢焊接", "管道焊接"),
            ("junior_high", "vocational", "high_school"), (1, 6), (6000, 11000),
            ("按图纸完成钢结构焊接", "负责管道与压力容器焊接", "保证焊缝质量")),
    JobKind("cnc", "数控操作工", "CNC machinist",
            ("CNC操作工", "数控车床操作工", "CNC编程", "数控铣工", "加工中心操作员", "车工"),
            ("数控车床", "加工中心", "FANUC系统", "UG编程", "Mastercam", "看图纸", "游标卡尺", "G代码"),
            ("junior_high", "vocational", "associate"), (1, 5), (6000, 11000),
            ("负责数控设备上下料与首件检验", "编写加工程序并调试", "保证零件加工精度")),
    JobKind("forklift", "叉车司机", "forklift driver",
            ("叉车司机", "叉车工（持证）", "仓库叉车工", "电动叉车司机"),
            ("叉车证", "N1叉车", "仓储管理", "装卸", "WMS系统", "安全操作"),
            ("junior_high", "high_school"), (1, 5), (5000, 7500),
            ("负责仓库物料装卸与转运", "按单据完成出入库", "做好叉车日常检查")),
    JobKind("cook", "厨师", "cook",
            ("厨师", "中餐厨师", "食堂厨师", "面点师", "火锅厨师", "帮厨", "配菜打荷"),
            ("川菜", "火锅", "面点", "食品安全", "刀工", "厨师证", "大锅菜"),
            ("none", "junior_high", "vocational"), (1, 8), (4500, 9000),
            ("负责员工食堂三餐", "负责川菜热菜出品", "保证后厨卫生")),
    JobKind("sales", "销售", "sales representative",
            ("销售代表", "销售经理", "电话销售", "汽车销售顾问", "区域销售", "Sales Representative"),
            ("客户开发", "谈判", "CRM", "市场调研", "商务礼仪", "销售技巧", "电商"),
            ("high_school", "associate", "bachelor"), (0, 5), (4000, 15000),
            ("开发与维护区域客户", "完成月度销售目标", "收集市场信息")),
    JobKind("electrician", "电工", "electrician",
            ("电工", "维修电工", "高压电工", "设备电工", "电气维修工", "水电工"),
            ("电工证", "高压电工证", "低压电工证", "PLC", "电气线路", "变频器", "设备维修"),
            ("high_school", "vocational", "associate"), (1, 6), (5500, 9500),
            ("负责厂区供配电设备维护", "排查设备电气故障", "做好巡检记录")),
    JobKind("security", "保安", "security guard",
            ("保安", "保安员", "门卫", "安保队长", "监控员"),
            ("保安证", "消防设施操作", "监控系统", "巡逻", "应急处理"),
            ("none", "junior_high", "high_school"), (0, 5), (3500, 5500),
            ("负责厂区门岗与巡逻", "值守监控室", "协助处理突发事件")),
    JobKind("qc", "质检员", "quality inspector",
            ("质检员", "品质检验员", "QC质检", "来料检验员", "质量工程师"),
            ("质量检验", "卡尺", "千分尺", "ISO9001", "SPC", "8D报告", "来料检验"),
            ("high_school", "vocational", "associate"), (0, 3), (4500, 8000),
            ("负责来料与成品检验", "填写检验报告", "跟踪不合格品处理")),
    JobKind("warehouse", "仓管员", "warehouse keeper",
            ("仓管员", "仓库管理员", "库管", "物料员"),
            ("ERP", "Excel", "盘点", "出入库管理", "WMS系统", "物料管理"),
            ("high_school", "vocational", "associate"), (0, 3), (4000, 6500),
            ("负责物料收发与账务", "每月盘点", "维护ERP库存数据")),
    JobKind("service", "客服", "customer service",
            ("客服专员", "电话客服", "在线客服", "售后客服"),
            ("普通话标准", "打字速度快", "沟通能力", "Office", "投诉处理"),
            ("high_school", "vocational", "associate"), (0, 2), (3800, 6000),
            ("接听客户来电并记录问题", "处理售后投诉", "回访客户")),
    JobKind("ecommerce", "电商运营", "e-commerce operator",
            ("电商运营", "直播运营 7-12K", "淘宝运营", "新媒体运营", "短视频剪辑"),
            ("抖音", "直播", "数据分析", "短视频剪辑", "文案", "淘宝后台"),
            ("associate", "bachelor"), (0, 3), (5000, 10000),
            ("负责店铺日常运营", "策划直播与短视频内容", "分析销售数据")),
    JobKind("care", "养老护理员", "care worker",
            ("养老护理员", "护理员", "护工（包住）"),
            ("养老护理证", "护理", "急救", "康复护理"),
            ("junior_high", "vocational", "high_school"), (0, 3), (4000, 6000),
            ("照顾老人日常起居", "协助康复训练", "做好护理记录")),
    JobKind("mechanic", "机修工", "maintenance mechanic",
            ("机修工", "设备维修工", "机电维修", "钳工"),
            ("机械维修", "液压", "气动", "钳工", "设备保养", "电工证"),
            ("vocational", "high_school", "associate"), (1, 6), (5500, 9500),
            ("负责生产设备维修保养", "排查机械故障", "改进设备工装")),
)
KIND_BY_KEY = {kind.key: kind for kind in KINDS}

INDUSTRIES = (  # industry, company word, job kinds it hires, share of employers
    ("机械制造", "机械", ("operator", "welder", "cnc", "qc", "mechanic", "forklift", "rd", "electrician", "warehouse"), 0.20),
    ("化工", "化工", ("operator", "qc", "electrician", "rd", "security", "driver", "warehouse", "mechanic"), 0.14),
    ("汽车零部件", "汽车配件", ("operator", "cnc", "welder", "qc", "rd", "forklift", "sales"), 0.14),
    ("新材料", "新材料", ("rd", "operator", "qc", "electrician", "mechanic", "accountant"), 0.08),
    ("物流", "物流", ("driver", "forklift", "warehouse", "service", "security"), 0.09),
    ("餐饮", "餐饮管理", ("cook", "service", "sales"), 0.07),
    ("电子商务", "电子商务", ("ecommerce", "designer", "service", "sales"), 0.07),
    ("建筑装饰", "建筑装饰工程", ("designer", "electrician", "welder", "sales", "accountant"), 0.07),
    ("物业服务", "物业管理", ("security", "electrician", "service", "cook", "mechanic"), 0.07),
    ("养老健康", "健康养老", ("care", "cook", "service", "accountant"), 0.04),
    ("商贸", "商贸", ("sales", "accountant", "warehouse", "driver", "service"), 0.03),
)
PLACES = ("重庆", "长寿", "重庆长寿", "四川", "成都", "川渝", "重庆渝北", "涪陵")
TRADE_NAMES = "华益 参天 益锐 长江 川维 晏家 凤城 渝联 鑫达 恒通 万里 宏达 瑞丰 天力 金鹏 德众 顺安 博远 康泰 中盛 永兴 利民 科创 海川 新峰 嘉禾 安鑫 众力 同舟 东方".split()
COMPANY_SUFFIXES = ("有限公司", "有限公司", "股份有限公司", "集团有限公司", "有限责任公司")
LOCATIONS = ("凤城街道", "晏家街道", "江南街道", "渡舟街道", "菩提街道", "长寿经开区", "邻封镇", "但渡镇", "渝北区", "涪陵区")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰飞鹏辉俊红梅琳雪建国志斌文浩宇婷晨欣怡嘉豪子涵思远诗雨佳琪一鸣浩然梓轩雅婷"
MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
                   "166", "173", "177", "180", "181", "182", "186", "187", "188", "189", "191", "198", "199")
EDUCATION_ZH = {"none": "无学历要求", "junior_high": "初中", "high_school": "高中", "vocational": "中专/技校",
                "associate": "大专", "bachelor": "本科", "master": "硕士", "doctorate": "博士"}
EDUCATION_EN = {"none": "no formal", "junior_high": "junior high school", "high_school": "high school",
                "vocational": "vocational school", "associate": "associate degree", "bachelor": "bachelor's degree",
                "master": "master's degree", "doctorate": "doctorate"}
EDUCATION_ORDER = ("none", "junior_high", "high_school", "vocational", "associate", "bachelor", "master", "doctorate")

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def credit_code(rng: random.Random) -> str:
    """A well-formed 统一社会信用代码 (GB 32100-2015) in 长寿区 (500115)."""
    org = [str(rng.randrange(10)) for _ in range(8)]
    org_sum = sum(int(ch) * w for ch, w in zip(org, ORG_CODE_WEIGHTS))
    org_check = 11 - org_sum % 11
    org.append({10: "X", 11: "0"}.get(org_check, str(org_check)))
    body = "91" + "500115" + "".join(org)
    check = (31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(body, USCC_WEIGHTS)) % 31) % 31
    return body + USCC_CHARS[check]


def unit(seed: int, *parts) -> float:
    """A deterministic number in [0, 1) for the given parts, independent of thread timing."""
    digest = hashlib.blake2b(repr((seed,) + parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2 ** 64


def acceptance_for_target(target_share: float) -> float:
    """The employer's acceptance probability that makes ``target_share`` of seekers agree somewhere."""
    low, high = 0.0, 1.0
    for _ in range(50):
        mid = (low + high) / 2
        share = sum(weight * (1 - (1 - mid) ** marks) for marks, weight in MARKS_PER_SEEKER)
        low, high = (mid, high) if share < target_share else (low, mid)
    return (low + high) / 2


# --------------------------------------------------------------------------
# The generated fair
# --------------------------------------------------------------------------


@dataclass
class Employer:
    index: int
    body: dict
    kinds: tuple
    postings: list = field(default_factory=list)  # posting indices
    id: int | None = None
    token: str | None = None


@dataclass
class Posting:
    index: int
    employer: int
    kind: str
    body: dict
    id: int | None = None


@dataclass
class Seeker:
    index: int
    kind: str
    body: dict  # first submission
    update: dict | None  # second submission (same phone) or None
    marks: int  # postings this seeker will mark from the recommendations
    kiosk: int
    update_kiosk: int
    id: int | None = None
    created: threading.Event = field(default_factory=threading.Event)


def make_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def make_phones(rng: random.Random, count: int) -> list[str]:
    numbers = rng.sample(range(10 ** 8), count)
    return [rng.choice(MOBILE_PREFIXES) + f"{number:08d}" for number in numbers]


def make_headcounts(rng: random.Random, count: int, total: int) -> list[int]:
    """``count`` headcounts >= 1, skewed like a real fair (many 1-5, a few 20-50), summing to ``total``."""
    raw = [max(1.0, rng.lognormvariate(1.2, 0.9)) for _ in range(count)]
    scale = (total - count) / sum(value - 1 for value in raw)
    heads = [1 + int((value - 1) * scale) for value in raw]
    for i in rng.sample(range(count), total - sum(heads)):
        heads[i] += 1
    return heads


def make_posting_body(rng: random.Random, kind: JobKind, headcount: int) -> dict:
    title = rng.choice(kind.titles)
    skills = rng.sample(kind.skills, rng.randint(2, min(4, len(kind.skills))))
    low, high = kind.salary
    salary_min = rng.randrange(low, (low + high) // 2, 500)
    salary_max = salary_min + rng.choice((1000, 1500, 2000, 3000, 5000))
    body = {
        "title": title,
        "description": f"{rng.choice(kind.duties)}。要求：{'、'.join(skills)}。五险一金，包工作餐。",
        "skills": skills,
        "headcount": headcount,
        "education_min": rng.choice(kind.education),
        "experience_min_years": rng.randint(kind.experience[0], max(kind.experience[0], kind.experience[1] // 2)),
        "salary_min": salary_min,
        "salary_max": salary_max,
        "location": rng.choice(LOCATIONS),
        "job_type": "full_time",
    }
    if kind.key in ("service", "cook", "sales") and rng.random() < 0.1:
        body["job_type"] = "part_time"
    elif kind.key in ("rd", "designer", "ecommerce", "accountant") and rng.random() < 0.08:
        body["job_type"] = "internship"
    return body


def make_resume(rng: random.Random, kind: JobKind, profile: dict) -> str:
    skills = profile["skills"]
    years = profile["experience_years"]
    if rng.random() < ENGLISH_RESUME_SHARE:
        return (f"{kind.name_en.capitalize()} with {years} years of experience, "
                f"{EDUCATION_EN[profile['education']]} education. Skills: {', '.join(skills)}. "
                f"Previously at a manufacturer in Chongqing; {rng.choice(('shift work', 'team lead', 'on-site support'))}. "
                f"Looking for work in {profile['locations'][0]}, about {profile['salary_expectation']} CNY a month.")
    company = rng.choice(PLACES) + rng.choice(TRADE_NAMES) + rng.choice(("机械", "化工", "物流", "餐饮", "科技")) + "有限公司"
    return (f"{EDUCATION_ZH[profile['education']]}学历，{years}年{kind.name_zh}工作经验。"
            f"熟悉{'、'.join(skills)}。曾在{company}担任{rng.choice(kind.titles).split(' ')[0]}，"
            f"{rng.choice(kind.duties)}。吃苦耐劳，服从安排。期望工作地点{profile['locations'][0]}，"
            f"期望月薪{profile['salary_expectation']}元。")


def make_seeker_profile(rng: random.Random, kind: JobKind, name: str, phone: str) -> dict:
    titles = [rng.choice(kind.titles).split(" ")[0].split("+")[0]]
    if rng.random() < 0.25:
        titles.append(rng.choice(kind.titles).split(" ")[0])
    low, high = kind.salary
    return {
        "name": name,
        "phone": phone,
        "consent": True,
        "desired_titles": list(dict.fromkeys(titles)),
        "skills": rng.sample(kind.skills, rng.randint(1, min(4, len(kind.skills)))),
        "education": rng.choice(kind.education),
        "experience_years": rng.randint(0, kind.experience[1] + 3),
        "salary_expectation": rng.randrange(low, high, 500),
        "locations": rng.sample(LOCATIONS, rng.randint(1, 2)),
    }


def posting_mirror(posting: Posting, name: str, phone: str) -> dict:
    """A seeker profile copied from a posting: it should rank at the top of that posting's shortlist.

    The resume is the posting's description, so that the copy outranks the
    day's other perfect fits instead of tying with them (ties keep arrival
    order, and at 10x there were more than a page of them).
    """
    body = posting.body
    return {
        "name": name, "phone": phone, "consent": True,
        "desired_titles": [body["title"]], "skills": list(body["skills"]),
        "education": body["education_min"], "experience_years": body["experience_min_years"] + 1,
        "salary_expectation": body["salary_min"], "locations": [body["location"]],
        "resume_text": body["description"],
    }


@dataclass
class Fair:
    employers: list
    postings: list
    seekers: list
    probes: list  # (seeker index, posting index) pairs
    tasks: list  # ("seeker", i) | ("update", i) | ("review", posting index)


def generate_fair(seed: int, scale: float, probes: int) -> Fair:
    """Everything the day will submit, drawn from ``seed`` (the same seed gives the same fair)."""
    rng = random.Random(seed)
    shares = [share for *_, share in INDUSTRIES]
    employers, names = [], set()
    for i in range(EMPLOYERS):
        industry, word, kinds, _ = rng.choices(INDUSTRIES, weights=shares)[0]
        name = f"{rng.choice(PLACES)}{rng.choice(TRADE_NAMES)}{word}{rng.choice(COMPANY_SUFFIXES)}"
        if name in names:  # a second company of the same name is a branch office
            name = f"{name}{rng.choice(('长寿', '晏家', '江南', '涪陵', '渝北'))}分公司（{i + 1}号展位）"
        names.add(name)
        body = {"name": name, "industry": industry, "credit_code": credit_code(rng),
                "contact_name": make_name(rng), "contact_phone": make_phones(rng, 1)[0],
                "booth": f"{'ABCDEFGH'[i * 8 // EMPLOYERS]}{i % (EMPLOYERS // 8) + 1:02d}"}  # 8 halls
        employers.append(Employer(i, body, kinds))

    # Postings per employer: a few big recruiters, most with 2-8 postings; exactly POSTINGS in total.
    per_employer = [1] * EMPLOYERS
    weights = [min(rng.paretovariate(1.6), 12.0) for _ in range(EMPLOYERS)]
    for i in rng.choices(range(EMPLOYERS), weights=weights, k=POSTINGS - EMPLOYERS):
        per_employer[i] += 1
    headcounts = make_headcounts(rng, POSTINGS, POSITIONS)
    postings = []
    for employer, count in zip(employers, per_employer):
        for _ in range(count):
            # An industry hires mostly its first trades (operators at a factory, cooks at a caterer).
            kind = KIND_BY_KEY[rng.choices(employer.kinds, weights=range(len(employer.kinds), 0, -1))[0]]
            if rng.random() < 0.04:
                kind = KIND_BY_KEY["accountant"]
            index = len(postings)
            postings.append(Posting(index, employer.index, kind.key, make_posting_body(rng, kind, headcounts[index])))
            employer.postings.append(index)

    # Seekers look for the kinds of work on offer, weighted by positions.
    positions_by_kind = collections.Counter()
    for posting in postings:
        positions_by_kind[posting.kind] += posting.body["headcount"]
    kind_keys = sorted(positions_by_kind)
    kind_weights = [positions_by_kind[key] ** 0.8 for key in kind_keys]
    seeker_count = round(SEEKERS * scale)
    phones = make_phones(rng, seeker_count)
    with_resume = set(rng.sample(range(seeker_count), round(RESUMES * scale)))
    updating = set(rng.sample(range(seeker_count), round(seeker_count * UPDATE_SHARE)))
    probe_indices = rng.sample(sorted(set(range(seeker_count)) - updating), min(probes, seeker_count))
    probe_targets = rng.sample(range(POSTINGS), len(probe_indices))
    probe_of = dict(zip(probe_indices, probe_targets))
    seekers = []
    for i in range(seeker_count):
        kind = KIND_BY_KEY[rng.choices(kind_keys, weights=kind_weights)[0]]
        name = make_name(rng)
        if i in probe_of:
            body = posting_mirror(postings[probe_of[i]], name, phones[i])
        else:
            body = make_seeker_profile(rng, kind, name, phones[i])
        resume = make_resume(rng, kind, body) if i in with_resume else ""
        update = None
        if i in updating:
            update = dict(body, salary_expectation=body["salary_expectation"] + 500,
                          skills=list(dict.fromkeys(body["skills"] + [rng.choice(kind.skills)])))
            if resume and rng.random() < RESUME_ON_UPDATE_SHARE:
                update["resume_text"] = resume
                resume = ""
            elif resume:
                update["resume_text"] = resume
        if resume:
            body["resume_text"] = resume
        marks = rng.choices([m for m, _ in MARKS_PER_SEEKER], weights=[w for _, w in MARKS_PER_SEEKER])[0]
        seekers.append(Seeker(i, kind.key, body, update, marks, rng.randrange(KIOSKS), rng.randrange(KIOSKS)))

    # The day's order: seekers in arrival order, their second visits a while later,
    # employer booth refreshes spread through the day.
    timeline = [(i, "seeker", i) for i in range(seeker_count) if i not in probe_of]
    timeline += [(i + rng.randint(300, 3000) + 0.5, "update", i) for i in sorted(updating)]
    posting_weights = [posting.body["headcount"] for posting in postings]
    reviews = rng.choices(range(POSTINGS), weights=posting_weights, k=round(seeker_count * SHORTLIST_PULLS_PER_SEEKER))
    timeline += [(rng.uniform(0, seeker_count), "review", posting_index) for posting_index in reviews]
    tasks = [(kind, index) for _, kind, index in sorted(timeline)]
    return Fair(employers, postings, seekers, list(probe_of.items()), tasks)


# --------------------------------------------------------------------------
# HTTP: one keep-alive connection per client thread, latencies and errors recorded
# --------------------------------------------------------------------------


class Recorder:
    """Latencies per endpoint, errors by (endpoint, status), worker pids seen."""

    def __init__(self):
        self.latencies = collections.defaultdict(list)
        self.errors = collections.Counter()
        self.error_samples = {}
        self.worker_hits = collections.Counter()
        self.reconnects = 0
        self.lock = threading.Lock()

    def error(self, endpoint: str, status, message: str) -> None:
        with self.lock:
            self.errors[(endpoint, status)] += 1
            self.error_samples.setdefault((endpoint, status), message[:300])


class Connection:
    """A minimal HTTP/1.1 keep-alive connection: all the replay needs.

    ``http.client`` parses every response's headers with the ``email``
    package; with 64 clients on the service's own cores, that was CPU taken
    from the service being measured.
    """

    def __init__(self, host: str, port: int, timeout: float):
        self.host_header = f"Host: {host}:{port}\r\n"
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.reader = self.sock.makefile("rb")

    def close(self) -> None:
        self.reader.close()
        self.sock.close()

    def request(self, method: str, path: str, headers: dict, payload: bytes | None):
        """Send a request and read the response: ``(status, headers, body, will_close)``."""
        head = [f"{method} {path} HTTP/1.1\r\n", self.host_header]
        head += [f"{name}: {value}\r\n" for name, value in headers.items()]
        if payload is not None:
            head.append(f"Content-Length: {len(payload)}\r\n")
        self.sock.sendall("".join(head).encode("latin-1") + b"\r\n" + (payload or b""))
        status_line = self.reader.readline(65537)
        if not status_line:
            raise ConnectionResetError("the server closed the connection")
        status = int(status_line.split(None, 2)[1])
        response_headers = {}
        while True:
            line = self.reader.readline(65537)
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            response_headers[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
        if response_headers.get("transfer-encoding", "").lower() == "chunked":
            body = b"".join(iter(self._chunk, b""))
        else:
            body = self.reader.read(int(response_headers.get("content-length", 0)))
        return status, response_headers, body, response_headers.get("connection", "").lower() == "close"

    def _chunk(self) -> bytes:
        size = int(self.reader.readline(65537).split(b";")[0], 16)
        data = self.reader.read(size) if size else b""
        self.reader.readline(65537)  # the CRLF after the chunk (or the end of the trailer)
        return data


class Client:
    """A kiosk, tablet or organizer screen: one persistent HTTP/1.1 connection."""

    def __init__(self, host: str, port: int, recorder: Recorder, timeout: float):
        self.host, self.port, self.recorder, self.timeout = host, port, recorder, timeout
        self.conn = None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def call(self, endpoint: str, method: str, path: str, token: str | None = None, body=None,
             expect=(200,), fresh: bool = False):
        """Send one request; returns (status, json body or None, worker pid or None).

        Anything but an expected status is recorded as an error of ``endpoint``.
        """
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = None
        if body is not None:
            payload = json.dumps(body, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        if fresh:
            self.close()
        for attempt in (1, 2):
            reused = self.conn is not None
            started = time.perf_counter()
            try:
                if self.conn is None:
                    self.conn = Connection(self.host, self.port, self.timeout)
                status, response_headers, raw, will_close = self.conn.request(method, path, headers, payload)
            except (ConnectionResetError, BrokenPipeError) as exc:
                # The server closed an idle keep-alive connection before reading our request:
                # retry once on a new connection, as urllib3 does.
                self.close()
                if reused and attempt == 1:
                    with self.recorder.lock:
                        self.recorder.reconnects += 1
                    continue
                self.recorder.error(endpoint, type(exc).__name__, str(exc))
                return None, None, None
            except (OSError, ValueError) as exc:
                self.close()
                self.recorder.error(endpoint, type(exc).__name__, str(exc))
                return None, None, None
            elapsed = time.perf_counter() - started
            break
        if will_close:
            self.close()
        self.recorder.latencies[endpoint].append(elapsed)
        worker = response_headers.get("x-worker-pid")
        if worker:
            self.recorder.worker_hits[worker] += 1
        data = None
        if raw and response_headers.get("content-type", "").startswith("application/json"):
            try:
                data = parse_json(raw)
            except ValueError:
                self.recorder.error(endpoint, "bad-json", raw[:200].decode("utf-8", "replace"))
        if status not in expect:
            self.recorder.error(endpoint, status, raw[:300].decode("utf-8", "replace"))
        return status, data, worker


def run_parallel(clients: int, make_client, items, work, deadline: float) -> int:
    """Run ``work(client, item)`` over ``items`` on ``clients`` threads; returns items skipped by the deadline."""
    items = list(items)
    cursor = iter(range(len(items)))
    cursor_lock = threading.Lock()
    skipped = [0]

    def loop():
        client = make_client()
        try:
            while True:
                with cursor_lock:
                    position = next(cursor, None)
                if position is None:
                    return
                if time.monotonic() > deadline:
                    with cursor_lock:
                        skipped[0] += 1
                    continue
                try:
                    work(client, items[position])
                except Exception as exc:  # a bug or an unexpected response shape: count it, keep going
                    client.recorder.error("bench", type(exc).__name__, f"{items[position]}: {exc!r}")
        finally:
            client.close()

    threads = [threading.Thread(target=loop, daemon=True) for _ in range(min(clients, max(1, len(items))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return skipped[0]


# --------------------------------------------------------------------------
# Processes: the store, the service, their memory
# --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_command(port: int, *args: str) -> str:
    """One command to a loopback redis-server; returns the reply (status, integer or bulk string) as text."""
    request = f"*{len(args)}\r\n" + "".join(f"${len(arg.encode())}\r\n{arg}\r\n" for arg in args)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request.encode())
        reply = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                raise OSError("redis-server closed the connection")
            reply += chunk
            header, separator, rest = reply.partition(b"\r\n")
            if not separator:
                continue
            if not header.startswith(b"$"):
                return header.decode()
            if len(rest) >= int(header[1:]) + 2:
                return rest[:int(header[1:])].decode("utf-8", "replace")


def redis_command_stats(port: int) -> dict[str, tuple[int, int]]:
    """``INFO commandstats``: command -> (calls, microseconds spent in redis-server)."""
    found = {}
    for match in re.finditer(r"cmdstat_([^:]+):calls=(\d+),usec=(\d+)", redis_command(port, "INFO", "commandstats")):
        found[match.group(1)] = (int(match.group(2)), int(match.group(3)))
    return found


def proc_children() -> dict[int, list[int]]:
    children = collections.defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children[ppid].append(int(entry))
    return children


def descendants(root: int) -> list[int]:
    children = proc_children()
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        for child in children.get(pid, ()):
            found.append(child)
            stack.append(child)
    return found


def proc_status(pid: int) -> dict:
    values = {}
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    values[key] = int(value.split()[0]) * 1024
        with open(f"/proc/{pid}/stat") as handle:
            stat = handle.read()
        fields = stat[stat.rindex(")") + 2:].split()
        values["cpu"] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            values["cmd"] = handle.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()[:80]
    except (OSError, ValueError, IndexError):
        return {}
    return values


class MemorySampler(threading.Thread):
    """Samples VmHWM / VmRSS / CPU of the service's processes every second (workers may be replaced)."""

    def __init__(self, roots_fn):
        super().__init__(daemon=True)
        self.roots_fn = roots_fn
        self.seen = {}  # pid -> latest status (VmHWM is already the peak)
        self.leaves = set()
        self.stop_event = threading.Event()

    def sample(self) -> None:
        for root in self.roots_fn():
            family = [root] + descendants(root)
            children = proc_children()
            for pid in family:
                status = proc_status(pid)
                if status:
                    self.seen[pid] = status
                    if not children.get(pid):
                        self.leaves.add(pid)

    def run(self) -> None:
        while not self.stop_event.wait(1.0):
            self.sample()


@dataclass
class Service:
    host: str
    port: int
    organizer_token: str
    server_pid: int | None = None
    process: subprocess.Popen | None = None
    redis_process: subprocess.Popen | None = None
    redis_port: int | None = None
    workdir: str | None = None
    log_path: str | None = None
    store_file: str | None = None

    def stop(self) -> None:
        for process in (self.process, self.redis_process):
            if process is None or process.poll() is not None:
                continue
            process.terminate()
            try:
                process.wait(timeout=45)  # gunicorn lets in-flight requests finish (graceful_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def fairmatch_command() -> list[str]:
    """The ``fairmatch`` console script's entry point, run from this checkout (never a stale install)."""
    return [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())"]


def tail(path: str, lines: int = 30) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return ""


def export_revision(revision: str, workdir: str) -> str:
    """A clean copy of the code at a git revision (``git archive``), so edits in progress do not leak in."""
    target = os.path.join(workdir, "code")
    os.makedirs(target)
    archive = subprocess.run(["git", "-C", REPO_ROOT, "archive", "--format=tar", revision],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", target], input=archive, check=True)
    return target


def start_service(store: str, workers: int, revision: str | None) -> Service:
    """Start a private store and ``fairmatch serve`` on free loopback ports."""
    workdir = tempfile.mkdtemp(prefix="fairday-")
    code = export_revision(revision, workdir) if revision else REPO_ROOT
    env = dict(os.environ, FAIRMATCH_SECRET_KEY=secrets.token_hex(32),
               PYTHONPATH=code + os.pathsep + os.environ.get("PYTHONPATH", ""))
    redis_process = redis_port = store_file = None
    if store == "redis":
        redis_port = free_port()
        redis_process = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", workdir, "--logfile", os.path.join(workdir, "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                if "PONG" in redis_command(redis_port, "PING"):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("redis-server did not answer PING within 10 s")
        env["FAIRMATCH_STORE_URL"] = f"redis://127.0.0.1:{redis_port}/0"
    else:
        store_file = os.path.join(workdir, "fair.db")
        env["FAIRMATCH_STORE_URL"] = f"sqlite:///{store_file}"
    command = fairmatch_command()
    created = subprocess.run(command + ["create-organizer", "fairday organizer"], cwd=workdir, env=env,
                             capture_output=True, text=True, timeout=120)
    lines = created.stdout.strip().splitlines()
    if created.returncode != 0 or not lines:
        if redis_process:
            redis_process.terminate()
        raise RuntimeError(f"fairmatch create-organizer failed ({created.returncode}): {created.stderr[-2000:]}")
    token = lines[-1].strip()
    port = free_port()
    log_path = os.path.join(workdir, "serve.log")
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command + ["serve", "--host", "127.0.0.1", "--port", str(port),
                                              "--workers", str(workers)],
                                   cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    service = Service("127.0.0.1", port, token, process.pid, process, redis_process, redis_port,
                      workdir, log_path, store_file)
    started = time.monotonic()
    while time.monotonic() - started < 90:
        if process.poll() is not None:
            service.stop()
            raise RuntimeError(f"fairmatch serve exited with {process.returncode}:\n{tail(log_path)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                conn.close()
                return service
            conn.close()
        except OSError:
            pass
        time.sleep(0.2)
    service.stop()
    raise RuntimeError(f"fairmatch serve was not ready within 90 s:\n{tail(log_path)}")


def attach_service(url: str, organizer_token: str | None, server_pid: int | None) -> Service:
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme != "http" or not parsed.hostname:
        raise SystemExit("--url must be http://host:port on a loopback address")
    address = socket.gethostbyname(parsed.hostname)
    if not ipaddress.ip_address(address).is_loopback:
        raise SystemExit(f"--url {url} is not a loopback address; this bench only talks to this machine")
    if not organizer_token:
        raise SystemExit("--url needs --organizer-token (from `fairmatch create-organizer`)")
    return Service(address, parsed.port or 80, organizer_token, server_pid)


# --------------------------------------------------------------------------
# The day
# --------------------------------------------------------------------------


class Truth:
    """What the organizer's statistics must say, kept from the responses the bench received."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seekers = set()  # seeker indices created
        self.resumes = set()  # seeker indices whose resume text became non-empty
        self.seeker_marks = set()  # (posting index, seeker index)
        self.employer_marks = set()
        self.uncertain_marks = set()  # (side, posting index, seeker index): the request failed
        self.uncertain_seekers = set()
        self.pending = collections.defaultdict(list)  # posting index -> seekers who marked it, unreviewed
        self.seeker_by_id = {}
        self.stats_seen = []

    def agreements(self) -> set:
        return self.seeker_marks & self.employer_marks


class Day:
    def __init__(self, args, service: Service, fair: Fair, recorder: Recorder):
        self.args, self.service, self.fair, self.recorder = args, service, fair, recorder
        self.truth = Truth()
        self.acceptance = acceptance_for_target(AGREEMENT_TARGET / SEEKERS)
        self.fair_id = None
        self.kiosk_tokens = []
        self.contract_violations = collections.Counter()
        self.progress = 0
        self.probe_results = []
        self.day_done = threading.Event()

    def client(self) -> Client:
        return Client(self.service.host, self.service.port, self.recorder, self.args.timeout)

    def violation(self, what: str, detail: str) -> None:
        with self.truth.lock:
            self.contract_violations[what] += 1
        self.recorder.error("contract", what, detail)

    # -- setup ---------------------------------------------------------------
    def setup(self, deadline: float) -> None:
        organizer = self.service.organizer_token
        client = self.client()
        status, fair, _ = client.call("POST fairs", "POST", "/api/v1/fairs", organizer, {
            "name": "长寿区2024年春风行动专场招聘会（fairday 回放）", "date": "2024-02-19",
            "venue": "长寿区行政中心广场", "city": "重庆市", "district": "长寿区"}, expect=(201,))
        client.close()
        if status != 201:
            raise RuntimeError(f"could not create the fair: {status} {fair}")
        self.fair_id = fair["id"]
        base = f"/api/v1/fairs/{self.fair_id}"

        def create_employer(client, employer):
            status, data, _ = client.call("POST employers", "POST", f"{base}/employers", organizer,
                                          employer.body, expect=(201,))
            if status == 201:
                employer.id, employer.token = data["id"], data["token"]

        def create_kiosk(client, number):
            status, data, _ = client.call("POST kiosks", "POST", f"{base}/kiosks", organizer,
                                          {"label": f"{number + 1}号自助机"}, expect=(201,))
            return data["token"] if status == 201 else None

        run_parallel(self.args.clients, self.client, self.fair.employers, create_employer, deadline)
        tokens = [None] * KIOSKS

        def kiosk_work(client, number):
            tokens[number] = create_kiosk(client, number)
        run_parallel(self.args.clients, self.client, range(KIOSKS), kiosk_work, deadline)
        if any(token is None for token in tokens) or any(e.token is None for e in self.fair.employers):
            raise RuntimeError("could not create every employer and kiosk")
        self.kiosk_tokens = tokens

        def post_batches(client, employer):
            for start in range(0, len(employer.postings), BATCH_SIZE):
                chunk = employer.postings[start:start + BATCH_SIZE]
                status, data, _ = client.call(
                    "POST postings/batch", "POST", f"{base}/postings/batch", employer.token,
                    {"postings": [self.fair.postings[i].body for i in chunk]}, expect=(201,))
                if status == 201:
                    for posting_index, posting_id in zip(chunk, data["created"]):
                        self.fair.postings[posting_index].id = posting_id
        run_parallel(self.args.clients, self.client, self.fair.employers, post_batches, deadline)
        if any(posting.id is None for posting in self.fair.postings):
            raise RuntimeError("could not create every posting")
        self.posting_by_id = {posting.id: posting for posting in self.fair.postings}
        self.postings_by_kind = collections.defaultdict(list)
        for posting in self.fair.postings:
            self.postings_by_kind[posting.kind].append(posting.index)

    # -- seekers -------------------------------------------------------------
    def submit(self, client: Client, seeker: Seeker, body: dict, kiosk: int, again: bool) -> bool:
        expected = 200 if again and seeker.id is not None else 201
        endpoint = "POST seekers (update)" if again else "POST seekers (new)"
        status, data, _ = client.call(endpoint, "POST", f"/api/v1/fairs/{self.fair_id}/seekers",
                                      self.kiosk_tokens[kiosk], body, expect=(expected,))
        truth = self.truth
        if status not in (200, 201) or not data:
            with truth.lock:
                truth.uncertain_seekers.add(seeker.index)
            return False
        if seeker.id is not None and data["id"] != seeker.id:
            self.violation("update-changed-id", f"phone resubmitted: id {seeker.id} became {data['id']}")
        seeker.id = data["id"]
        with truth.lock:
            truth.seekers.add(seeker.index)
            truth.seeker_by_id[seeker.id] = seeker.index
            if body.get("resume_text"):
                truth.resumes.add(seeker.index)
        return True

    def ranked_postings(self, client: Client, seeker: Seeker, endpoint: str, query: dict,
                        word: str | None = None) -> list[int]:
        """The posting indexes of a kiosk's page of recommendations (or of a search for ``word``), as shown."""
        query = {"limit": RECOMMEND_LIMIT + 1, **query, **({"q": word} if word else {})}
        status, data, _ = client.call(endpoint, "GET", f"/api/v1/seekers/{seeker.id}/recommendations?"
                                      f"{urllib.parse.urlencode(query)}", self.kiosk_tokens[seeker.kiosk])
        if status != 200 or not data:
            return []
        results = data.get("results", [])
        self.check_ranked(results, RECOMMEND_LIMIT + 1, endpoint)
        self.check_booths(results)
        if word:
            self.check_found(results, word)
        return [self.posting_by_id[r["posting_id"]].index for r in results[:RECOMMEND_LIMIT]
                if r["posting_id"] in self.posting_by_id]

    def recommend_and_mark(self, client: Client, seeker: Seeker, marks: int, rng: random.Random) -> None:
        offered = self.ranked_postings(client, seeker, "GET recommendations", {})
        if unit(self.args.seed, "more", seeker.index) < MORE_SHARE:
            offered += self.ranked_postings(client, seeker, "GET recommendations (more)",
                                            {"offset": RECOMMEND_LIMIT})
        found = []
        if unit(self.args.seed, "search", seeker.index) < SEARCH_SHARE:
            kind = KIND_BY_KEY[seeker.kind]
            found = self.ranked_postings(client, seeker, "GET recommendations?q=", {},
                                        word=rng.choice((kind.name_zh, *kind.skills)))
        # Seekers pick mostly among the top recommendations; with too few, they walk the booths of their trade.
        chosen = [posting_index for posting_index in offered if rng.random() < 0.6][:marks]
        others = found + [posting_index for posting_index in offered if posting_index not in chosen]
        others += rng.sample(self.postings_by_kind[seeker.kind], min(marks, len(self.postings_by_kind[seeker.kind])))
        for posting_index in others:
            if len(chosen) == marks:
                break
            if posting_index not in chosen:
                chosen.append(posting_index)
        for posting_index in chosen:
            self.mark(client, "seeker", posting_index, seeker)
        if chosen and unit(self.args.seed, "repeat", seeker.index) < REPEAT_MARK_SHARE:
            self.mark(client, "seeker", chosen[0], seeker)

    def mark(self, client: Client, side: str, posting_index: int, seeker: Seeker) -> dict | None:
        """One side's mark; returns the pair's intent as answered, None when the request failed."""
        posting = self.fair.postings[posting_index]
        token = self.kiosk_tokens[seeker.kiosk] if side == "seeker" else self.fair.employers[posting.employer].token
        status, data, _ = client.call(f"PUT intent ({side})", "PUT",
                                      f"/api/v1/postings/{posting.id}/intents/{seeker.id}", token, {})
        truth = self.truth
        pair = (posting_index, seeker.index)
        with truth.lock:
            if status != 200 or not data:
                truth.uncertain_marks.add((side,) + pair)
                return None
            if side == "seeker":
                if pair not in truth.seeker_marks:
                    truth.pending[posting_index].append(seeker.index)
                truth.seeker_marks.add(pair)
            else:
                truth.employer_marks.add(pair)
        if not data.get(f"{side}_interested"):
            self.violation("intent-not-set", f"PUT {side} intent returned {data}")
        return data

    def seeker_session(self, client: Client, index: int) -> None:
        seeker = self.fair.seekers[index]
        rng = random.Random(self.args.seed * 1_000_003 + index)
        ok = self.submit(client, seeker, seeker.body, seeker.kiosk, again=False)
        seeker.created.set()
        if ok:
            self.recommend_and_mark(client, seeker, seeker.marks, rng)

    def update_session(self, client: Client, index: int) -> None:
        seeker = self.fair.seekers[index]
        seeker.created.wait(timeout=self.args.timeout * 3)
        rng = random.Random(self.args.seed * 1_000_033 + index)
        if self.submit(client, seeker, seeker.update, seeker.update_kiosk, again=True):
            self.recommend_and_mark(client, seeker, rng.choice((0, 0, 1)), rng)

    # -- employers -----------------------------------------------------------
    def accepts(self, posting_index: int, seeker_index: int) -> bool:
        """The employer's (deterministic) verdict on a candidate: the same whenever it is asked."""
        return unit(self.args.seed, "accept", posting_index, seeker_index) < self.acceptance

    def review(self, client: Client, posting_index: int, endpoint: str = "GET shortlist") -> None:
        posting = self.fair.postings[posting_index]
        employer = self.fair.employers[posting.employer]
        status, data, _ = client.call(endpoint, "GET",
                                      f"/api/v1/postings/{posting.id}/shortlist?limit={SHORTLIST_LIMIT}",
                                      employer.token)
        candidates = []
        if status == 200 and data:
            results = data.get("results", [])
            self.check_ranked(results, SHORTLIST_LIMIT, "shortlist")
            self.check_privacy(results)
            # An employer also reaches out first to a few strong candidates on its shortlist.
            for result in results[:10]:
                seeker_index = self.truth.seeker_by_id.get(result["seeker_id"])
                if seeker_index is not None and self.accepts(posting_index, seeker_index) \
                        and unit(self.args.seed, "first", posting_index, seeker_index) < EMPLOYER_FIRST_SHARE \
                        and not (result.get("intent") or {}).get("employer_interested"):
                    candidates.append(seeker_index)
        with self.truth.lock:
            waiting = self.truth.pending.pop(posting_index, [])
        candidates += [s for s in waiting if self.accepts(posting_index, s) and s not in candidates]
        for seeker_index in candidates:
            intent = self.mark(client, "employer", posting_index, self.fair.seekers[seeker_index])
            self.after_booth_mark(client, posting, employer, intent)
        if candidates:
            self.agreements_tab(client, employer)

    def after_booth_mark(self, client: Client, posting: Posting, employer: Employer, intent: dict | None) -> None:
        """What the booth page reads after a mark: its postings (their counts moved) and, when the
        mark made an agreement, the seeker's row again (the contact it reveals)."""
        client.call("GET postings (booth)", "GET",
                    f"/api/v1/fairs/{self.fair_id}/postings?employer_id={employer.id}&limit={AGREEMENTS_LIMIT}",
                    employer.token)
        if intent and intent.get("agreed"):
            status, data, _ = client.call("GET shortlist row (agreed)", "GET",
                                          f"/api/v1/postings/{posting.id}/shortlist?seeker_id={intent['seeker_id']}",
                                          employer.token)
            if status == 200 and data:
                results = data.get("results", [])
                self.check_privacy(results)
                if not any(result.get("seeker", {}).get("phone") for result in results):
                    self.violation("agreement-hides-contact", f"row of an agreed pair: {results}")

    def agreements_tab(self, client: Client, employer: Employer) -> None:
        """Having said yes to someone, the booth looks at its agreements: its own, with contact details."""
        status, data, _ = client.call("GET agreements (booth)", "GET",
                                      f"/api/v1/fairs/{self.fair_id}/agreements?limit={AGREEMENTS_LIMIT}",
                                      employer.token)
        if status == 200 and data:
            others = [item for item in data.get("items", ())
                      if (item.get("posting") or {}).get("employer_id") != employer.id]
            if others:
                self.violation("agreements-of-others", f"{len(others)} agreements of other employers")

    # -- checks on what the service returns -----------------------------------
    def check_ranked(self, results: list, limit: int, what: str) -> None:
        scores = [result.get("score") for result in results]
        if len(results) > limit:
            self.violation(f"{what}-over-limit", f"{len(results)} results for limit {limit}")
        if any(not isinstance(s, (int, float)) or not 0 <= s <= 1 for s in scores):
            self.violation(f"{what}-score-range", f"scores {scores[:5]}")
        elif scores != sorted(scores, reverse=True):
            self.violation(f"{what}-order", f"scores not best first: {scores[:5]}")

    def check_booths(self, results: list) -> None:
        """Each job a kiosk shows names its employer's booth, as registered."""
        for result in results:
            posting = self.posting_by_id.get(result.get("posting_id"))
            booth = (result.get("posting") or {}).get("employer_booth")
            if posting is not None and booth != self.fair.employers[posting.employer].body["booth"]:
                self.violation("booth", f"posting {result.get('posting_id')} shows booth {booth!r}")

    def check_found(self, results: list, word: str) -> None:
        """Each posting a search found mentions the word (or its employer's name does)."""
        for result in results:
            posting = result.get("posting") or {}
            occupation = posting.get("occupation") or {}
            text = " ".join([posting.get("title") or "", posting.get("description") or "", *(posting.get("skills") or []),
                             posting.get("location") or "", occupation.get("name") or "",
                             occupation.get("name_en") or "", posting.get("employer_name") or ""])
            if word.lower() not in text.lower():
                self.violation("search-not-mentioned", f"{word!r} not in posting {result.get('posting_id')}")

    def check_privacy(self, results: list) -> None:
        for result in results:
            agreed = bool((result.get("intent") or {}).get("agreed"))
            seeker = result.get("seeker") or {}
            shows_contact = bool(seeker.get("name") or seeker.get("phone"))
            if shows_contact != agreed:
                self.violation("shortlist-privacy", f"agreed={agreed} but seeker carries name/phone={shows_contact}")

    # -- organizer -----------------------------------------------------------
    def poll_stats(self) -> None:
        client = self.client()
        previous = None
        try:
            while not self.day_done.wait(self.args.stats_every):
                status, data, _ = client.call("GET stats", "GET", f"/api/v1/fairs/{self.fair_id}/stats",
                                              self.service.organizer_token)
                if status != 200 or not data:
                    continue
                if previous:
                    for key in ("seekers", "resumes", "seeker_intents", "employer_intents"):
                        if isinstance(data.get(key), int) and data[key] < previous.get(key, 0):
                            self.violation("stats-went-back", f"{key} {previous[key]} -> {data[key]}")
                previous = data
                with self.truth.lock:
                    self.truth.stats_seen.append((time.monotonic(), data.get("seekers")))
        finally:
            client.close()

    # -- freshness -------------------------------------------------------------
    def probe(self) -> None:
        """Create the probe seekers through the day; time until each shows in its posting's shortlist on every worker."""
        probes = self.fair.probes
        total = max(1, len(self.fair.tasks))
        client = self.client()
        try:
            for number, (seeker_index, posting_index) in enumerate(probes):
                target = total * (number + 1) / (len(probes) + 1)
                while self.progress < target and not self.day_done.is_set():
                    time.sleep(0.1)
                self.probe_results.append(self.probe_one(client, seeker_index, posting_index))
        finally:
            client.close()

    def pin_workers(self) -> dict:
        """One keep-alive connection per known worker (a connection stays with the worker that accepted it)."""
        known = set(self.recorder.worker_hits)
        pinned = {}
        for _ in range(PIN_ATTEMPTS):
            if known <= set(pinned):
                break
            client = self.client()
            _, _, worker = client.call("GET healthz (probe)", "GET", "/healthz")
            if worker is None or worker in pinned:
                client.close()
            else:
                pinned[worker] = client
        return pinned

    def probe_one(self, client: Client, seeker_index: int, posting_index: int) -> dict:
        seeker = self.fair.seekers[seeker_index]
        posting = self.fair.postings[posting_index]
        token = self.fair.employers[posting.employer].token
        pinned = self.pin_workers() or {None: client}
        if not self.submit(client, seeker, seeker.body, seeker.kiosk, again=False):
            return {"ok": False, "reason": "create failed"}
        seeker.created.set()
        created_at = time.perf_counter()
        seen, missing = {}, {}
        path = f"/api/v1/postings/{posting.id}/shortlist?limit={SHORTLIST_LIMIT}"

        def poll(pinned_worker, worker_client):
            # Each worker is polled on its own thread, so one slow answer does not delay the others.
            while time.perf_counter() - created_at < PROBE_TIMEOUT:
                sent = time.perf_counter() - created_at
                status, data, worker = worker_client.call("GET shortlist (probe)", "GET", path, token)
                received = time.perf_counter() - created_at
                if worker == pinned_worker:  # otherwise the server closed the pinned connection: no news
                    if status == 200 and data and any(r["seeker_id"] == seeker.id for r in data.get("results", ())):
                        seen[worker] = received
                        return
                    missing[worker] = sent
                time.sleep(PROBE_POLL_INTERVAL)

        pollers = [threading.Thread(target=poll, args=item, daemon=True) for item in pinned.items()]
        for thread in pollers:
            thread.start()
        for thread in pollers:
            thread.join(PROBE_TIMEOUT + self.args.timeout)
        for worker_client in pinned.values():
            worker_client.close()
        stale = sorted(str(w) for w in set(pinned) - set(seen))
        # The lag on a worker lies between its last poll without the seeker and its first poll with it.
        return {"ok": not stale, "lags": seen, "stale": stale, "workers": len(pinned),
                "all_workers": max(seen.values()) if not stale else None,
                "all_workers_missing": max(missing.values(), default=0.0)}

    # -- the whole day -----------------------------------------------------------
    def run_day(self, deadline: float) -> int:
        fair = self.fair
        progress_lock = threading.Lock()

        def work(client, task):
            kind, index = task
            if kind == "seeker":
                self.seeker_session(client, index)
            elif kind == "update":
                self.update_session(client, index)
            else:
                self.review(client, index)
            with progress_lock:
                self.progress += 1

        pollers = [threading.Thread(target=self.poll_stats, daemon=True),
                   threading.Thread(target=self.probe, daemon=True)]
        for thread in pollers:
            thread.start()
        skipped = run_parallel(self.args.clients, self.client, fair.tasks, work, deadline)
        self.day_done.set()
        for thread in pollers:
            thread.join(timeout=PROBE_TIMEOUT + self.args.timeout)
        # Closing time: every employer goes through the interest it has not answered yet.
        with self.truth.lock:
            unreviewed = sorted(self.truth.pending)
        skipped += run_parallel(self.args.clients, self.client, unreviewed,
                                lambda client, p: self.review(client, p, "GET shortlist (closing)"), deadline)
        return skipped

    def reconcile(self) -> None:
        """Read back the pairs and seekers whose request failed, so the count check stays exact."""
        truth, client, organizer = self.truth, self.client(), self.service.organizer_token
        for side, posting_index, seeker_index in sorted(truth.uncertain_marks):
            posting, seeker = self.fair.postings[posting_index], self.fair.seekers[seeker_index]
            if seeker.id is None:
                continue
            status, data, _ = client.call("GET intent (reconcile)", "GET",
                                          f"/api/v1/postings/{posting.id}/intents/{seeker.id}", organizer)
            if status == 200 and data and data.get(f"{side}_interested"):
                (truth.seeker_marks if side == "seeker" else truth.employer_marks).add((posting_index, seeker_index))
        for seeker_index in sorted(truth.uncertain_seekers):
            seeker = self.fair.seekers[seeker_index]
            status, data, _ = client.call("POST seekers/lookup (reconcile)", "POST",
                                          f"/api/v1/fairs/{self.fair_id}/seekers/lookup", organizer,
                                          {"phone": seeker.body["phone"]}, expect=(200, 404))
            if status == 200 and data:
                truth.seekers.add(seeker_index)
                if data.get("resume_text"):
                    truth.resumes.add(seeker_index)
        client.close()

    def expected_stats(self) -> dict:
        truth = self.truth
        agreements = truth.agreements()
        return {
            "employers": EMPLOYERS, "kiosks": KIOSKS, "postings": POSTINGS, "positions": POSITIONS,
            "seekers": len(truth.seekers), "resumes": len(truth.resumes),
            "seeker_intents": len(truth.seeker_marks), "employer_intents": len(truth.employer_marks),
            "agreements": len(agreements), "seekers_with_agreement": len({s for _, s in agreements}),
        }

    def check_stats(self) -> tuple[dict, list[str]]:
        client = self.client()
        status, stats, _ = client.call("GET stats (final)", "GET", f"/api/v1/fairs/{self.fair_id}/stats",
                                       self.service.organizer_token)
        client.close()
        if status != 200 or not stats:
            return {}, [f"final stats request failed with {status}"]
        expected = self.expected_stats()
        mismatches = [f"{key}: service {stats.get(key)!r}, truth {value}"
                      for key, value in expected.items() if stats.get(key) != value]
        # Per employer: the same counts, from the bench's own pairs.
        by_employer = collections.defaultdict(collections.Counter)
        for kind, pairs in (("seeker_intents", self.truth.seeker_marks), ("employer_intents", self.truth.employer_marks),
                            ("agreements", self.truth.agreements())):
            for posting_index, _ in pairs:
                by_employer[self.fair.postings[posting_index].employer][kind] += 1
        for employer in self.fair.employers:
            by_employer[employer.index]["postings"] = len(employer.postings)
            by_employer[employer.index]["positions"] = sum(self.fair.postings[i].body["headcount"] for i in employer.postings)
        rows = {row.get("employer_id"): row for row in stats.get("by_employer") or ()}
        wrong_rows = []
        for employer in self.fair.employers:
            row = rows.get(employer.id, {})
            for key, value in by_employer[employer.index].items():
                if row.get(key, 0) != value:
                    wrong_rows.append(f"employer {employer.id} {key}: service {row.get(key)!r}, truth {value}")
        if wrong_rows:
            mismatches.append(f"by_employer: {len(wrong_rows)} wrong values, e.g. {wrong_rows[:3]}")
        for key in ("seekers", "seeker_intents", "agreements"):
            hourly = sum(row.get(key, 0) for row in stats.get("by_hour") or ())
            if hourly != expected[key]:
                mismatches.append(f"by_hour sum of {key}: service {hourly}, truth {expected[key]}")
        return stats, mismatches


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def latency_table(recorder: Recorder) -> list[dict]:
    rows = []
    for endpoint, values in sorted(recorder.latencies.items()):
        rows.append({"endpoint": endpoint, "count": len(values),
                     "p50_ms": 1000 * percentile(values, 0.50), "p95_ms": 1000 * percentile(values, 0.95),
                     "p99_ms": 1000 * percentile(values, 0.99), "max_ms": 1000 * max(values),
                     "errors": sum(n for (e, _), n in recorder.errors.items() if e == endpoint)})
    return rows


PROJECT_FRAME = re.compile(r"\((service|matching|schemas)/")


def summarize_profile(path: str, top: int = 15) -> list[str]:
    """Top functions of a py-spy ``--format raw`` (collapsed stacks) file.

    Self time over all frames; inclusive time over the project's own frames
    (service/, matching/, schemas/), where the framework's frames would crowd the list.
    """
    own, inclusive, total = collections.Counter(), collections.Counter(), 0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack or not count.isdigit():
                continue
            count = int(count)
            frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
            total += count
            own[frames[-1]] += count
            for frame in {frame for frame in frames if PROJECT_FRAME.search(frame)}:
                inclusive[frame] += count
    if not total:
        return ["  (no samples)"]
    lines = [f"  {total} samples of busy threads; self time:"]
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in own.most_common(top)]
    lines.append("  inclusive time in fairmatch's own code:")
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in inclusive.most_common(top)]
    return lines


def start_profilers(directory: str, pids: list[int], label: str) -> list[subprocess.Popen]:
    os.makedirs(directory, exist_ok=True)
    profilers = []
    for pid in pids:
        output = os.path.join(directory, f"{label}-{pid}.txt")
        profilers.append(subprocess.Popen(
            # --gil: only the thread holding the GIL, i.e. where the worker's CPU goes.
            ["py-spy", "record", "--pid", str(pid), "--rate", "50", "--gil", "--format", "raw",
             "--output", output], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        profilers[-1].output = output
    return profilers


def stop_profilers(profilers: list[subprocess.Popen]) -> None:
    for profiler in profilers:
        profiler.send_signal(signal.SIGINT)
    for profiler in profilers:
        try:
            profiler.wait(timeout=60)
        except subprocess.TimeoutExpired:
            profiler.kill()
            profiler.wait(timeout=10)


def mb(value: int) -> str:
    return f"{value / 2 ** 20:.0f} MB"


# --------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="attach to a running service (loopback only) instead of starting one")
    parser.add_argument("--organizer-token", help="organizer token for --url")
    parser.add_argument("--server-pid", type=int, help="with --url: the server's master pid, for memory figures")
    parser.add_argument("--store", choices=("sqlite", "redis"), default="redis")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--revision", help="serve the code of this git revision (e.g. HEAD) instead of the "
                                           "working tree, which others may be editing")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the 18,000 seekers (10 -> 180,000)")
    parser.add_argument("--clients", type=int, default=64, help="concurrent HTTP clients")
    parser.add_argument("--seed", type=int, default=20240219)
    parser.add_argument("--stats-every", type=float, default=3.0, help="organizer stats poll interval, seconds")
    parser.add_argument("--probes", type=int, default=30, help="freshness probes through the day")
    parser.add_argument("--timeout", type=float, default=60.0, help="per-request timeout, seconds")
    parser.add_argument("--deadline", type=float, help="stop the day after this many seconds "
                                                       "(default 900 + 1200 x scale)")
    parser.add_argument("--profile", metavar="DIR", help="record each worker with py-spy during the day")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.deadline is None:
        args.deadline = 900 + 1200 * args.scale
    return args


class CollectorPauses:
    """The bench client's own garbage collections while the day runs.

    A collection stops every client thread, so it adds its length to every
    request in flight: at 10x the day's plan alone was 2 million objects and
    a full pass took ~1.1 s, which the table would have charged to the service.
    """

    def __init__(self):
        self.pauses = collections.defaultdict(list)  # generation -> seconds
        self._started = None

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif self._started is not None:
            self.pauses[info["generation"]].append(time.perf_counter() - self._started)

    def __enter__(self):
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc_info):
        gc.callbacks.remove(self)


@dataclass
class Run:
    """What one replay measured."""

    setup_seconds: float = 0.0
    day_seconds: float = 0.0
    day_requests: int = 0
    service_cpu: float = 0.0
    client_cpu: float = 0.0
    skipped: int = 0
    load_before: float = 0.0  # other work on the machine skews every figure
    stats: dict = field(default_factory=dict)
    mismatches: list = field(default_factory=list)
    redis_peak: int | None = None
    redis_commands: dict = field(default_factory=dict)  # command -> (calls, microseconds) during the day
    store_bytes: int | None = None
    profiles: list = field(default_factory=list)
    client_pauses: dict = field(default_factory=dict)  # generation -> pause lengths, seconds


def replay(args, service: Service, day: Day, sampler: MemorySampler, deadline: float) -> Run:
    """Set the fair up, replay the day, check the final statistics."""
    run, recorder = Run(), day.recorder
    started = time.monotonic()
    day.setup(deadline)
    run.setup_seconds = time.monotonic() - started
    sampler.sample()
    profilers = []
    if args.profile:
        workers = sorted(sampler.leaves) or sorted(sampler.seen)
        profilers = start_profilers(args.profile, workers, f"{args.store}-w{args.workers}-s{args.scale:g}")
    try:
        run.load_before = os.getloadavg()[0]
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        service_cpu_before = {pid: status.get("cpu", 0) for pid, status in sampler.seen.items()}
        requests_before = sum(len(values) for values in recorder.latencies.values())
        commands_before = redis_command_stats(service.redis_port) if service.redis_port else {}
        # The plan and the set-up live all day: out of the client's collections (see CollectorPauses).
        gc.collect()
        gc.freeze()
        started = time.monotonic()
        with CollectorPauses() as pauses:
            run.skipped = day.run_day(deadline)
        run.day_seconds = time.monotonic() - started
        run.client_pauses = dict(pauses.pauses)
        run.day_requests = sum(len(values) for values in recorder.latencies.values()) - requests_before
        if service.redis_port:
            run.redis_commands = {
                command: (calls - commands_before.get(command, (0, 0))[0], usec - commands_before.get(command, (0, 0))[1])
                for command, (calls, usec) in redis_command_stats(service.redis_port).items()}
        cpu_after = resource.getrusage(resource.RUSAGE_SELF)
        run.client_cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
        sampler.sample()
        run.service_cpu = sum(status.get("cpu", 0) - service_cpu_before.get(pid, 0)
                              for pid, status in sampler.seen.items())
    finally:
        stop_profilers(profilers)
    run.profiles = [profiler.output for profiler in profilers]
    day.reconcile()
    run.stats, run.mismatches = day.check_stats()
    sampler.sample()
    if service.redis_port:
        match = re.search(r"used_memory_peak:(\d+)", redis_command(service.redis_port, "INFO", "memory"))
        run.redis_peak = int(match.group(1)) if match else None
    if service.store_file and os.path.exists(service.store_file):
        run.store_bytes = os.path.getsize(service.store_file)
    return run


def report(args, fair: Fair, day: Day, sampler: MemorySampler, run: Run, generate_seconds: float) -> bool:
    """Print the figures; True when the day passed (no errors, exact counts, fresh shortlists)."""
    recorder, expected = day.recorder, day.expected_stats()
    cores = os.cpu_count()
    described = ["describe", "--always", args.revision] if args.revision else ["describe", "--always", "--dirty"]
    revision = subprocess.run(["git", "-C", REPO_ROOT, *described],
                              capture_output=True, text=True).stdout.strip() or "unknown"
    print(f"fairday: store={'attached' if args.url else args.store} workers={args.workers} scale={args.scale:g} "
          f"clients={args.clients} seed={args.seed} cores={cores} code={revision} "
          f"load average before the day {run.load_before:.1f}")
    print(f"generated the fair in {generate_seconds:.1f} s; setup (fair, {EMPLOYERS} employers, {KIOSKS} kiosks, "
          f"{POSTINGS} postings / {POSITIONS} positions in batches of {BATCH_SIZE}) took {run.setup_seconds:.1f} s")
    updates = sum(1 for seeker in fair.seekers if seeker.update)
    print(f"day: {expected['seekers']} seekers ({expected['resumes']} resumes, {updates} resubmissions, "
          f"{len(fair.probes)} freshness probes), {expected['seeker_intents']} seeker marks, "
          f"{expected['employer_intents']} employer marks, {expected['agreements']} agreements, "
          f"{expected['seekers_with_agreement']} seekers with an agreement")
    print(f"the whole day took {run.day_seconds:.1f} s ({run.day_seconds / 60:.2f} min): {run.day_requests} requests, "
          f"{run.day_requests / max(run.day_seconds, 1e-9):.0f} req/s; CPU used during the day: service "
          f"{run.service_cpu:.0f} s, bench client {run.client_cpu:.0f} s, of {cores * run.day_seconds:.0f} core-seconds")
    if run.skipped:
        print(f"DEADLINE: {run.skipped} tasks skipped after {args.deadline:.0f} s")
    print("bench client's garbage collections during the day (each stops every client thread): " + ", ".join(
        f"generation {generation}: {len(pauses)}, longest {max(pauses) * 1000:.0f} ms"
        for generation, pauses in sorted(run.client_pauses.items())))

    rows = latency_table(recorder)
    print(f"\n{'endpoint':34} {'count':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    for row in rows:
        print(f"{row['endpoint']:34} {row['count']:8} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
              f"{row['p99_ms']:8.1f} {row['max_ms']:8.1f} {row['errors']:7}")
    print_errors(recorder)
    if recorder.reconnects:
        print(f"keep-alive connections the server closed, reopened: {recorder.reconnects}")
    if recorder.worker_hits:
        print("requests per worker (X-Worker-Pid): "
              + ", ".join(f"{pid}: {count}" for pid, count in sorted(recorder.worker_hits.items())))

    print("\npeak memory (VmHWM) of the service's processes:")
    for pid, status in sorted(sampler.seen.items()):
        role = "worker" if pid in sampler.leaves else "parent"
        print(f"  {role:6} {pid:>7} {mb(status.get('VmHWM', 0)):>8}  {status.get('cmd', '')}")
    if run.redis_peak:
        print(f"  redis-server used_memory_peak {mb(run.redis_peak)}")
    if run.store_bytes:
        print(f"  SQLite file {mb(run.store_bytes)}")
    if run.redis_commands:
        calls = sum(c for c, _ in run.redis_commands.values())
        busy = sum(u for _, u in run.redis_commands.values()) / 1e6
        top = sorted(run.redis_commands.items(), key=lambda item: -item[1][0])[:8]
        print(f"redis during the day: {calls} commands, {calls / max(run.day_requests, 1):.1f} per HTTP request, "
              f"{busy:.1f} s inside redis-server; most called: "
              + ", ".join(f"{command} {c / max(run.day_requests, 1):.2f}/req" for command, (c, _) in top))

    results = day.probe_results
    every = [r["all_workers"] for r in results if r.get("all_workers") is not None]
    first = [min(r["lags"].values()) for r in results if r.get("lags")]
    failed = [r for r in results if not r.get("ok")]
    print(f"\nfreshness ({len(results)} probes): from a new seeker's 201 until its posting's shortlist shows it, "
          f"polled on one kept-alive connection per worker")
    if first:
        print(f"  first worker: p50 {1000 * percentile(first, .5):.0f} ms, max {1000 * max(first):.0f} ms")
    if every:
        still_missing = [r["all_workers_missing"] for r in results if r.get("all_workers") is not None]
        print(f"  every worker ({results[0].get('workers')}): p50 {1000 * percentile(every, .5):.0f} ms, "
              f"p95 {1000 * percentile(every, .95):.0f} ms, max {1000 * max(every):.0f} ms; "
              f"last poll still without it: p50 {1000 * percentile(still_missing, .5):.0f} ms, "
              f"max {1000 * max(still_missing):.0f} ms")
    for result in failed:
        print(f"  FAILED probe: {result}")

    print("\nstats check against the bench's ground truth:")
    for line in run.mismatches:
        print(f"  MISMATCH {line}")
    if not run.mismatches:
        print(f"  OK: {', '.join(f'{k}={v}' for k, v in expected.items())}; by_employer and by_hour agree")
    if day.contract_violations:
        print(f"contract violations: {dict(day.contract_violations)}")
    for path in run.profiles:
        print(f"\npy-spy profile {path}:")
        print("\n".join(summarize_profile(path)) if os.path.exists(path) else "  (not written)")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({
                "store": args.store, "workers": args.workers, "scale": args.scale, "clients": args.clients,
                "cores": cores, "seed": args.seed, "code": revision, "load_before": run.load_before, "setup_seconds": run.setup_seconds,
                "day_seconds": run.day_seconds, "day_requests": run.day_requests,
                "service_cpu_seconds": run.service_cpu, "client_cpu_seconds": run.client_cpu,
                "latency": rows, "expected": expected, "stats": {k: run.stats.get(k) for k in expected},
                "mismatches": run.mismatches, "skipped": run.skipped,
                "errors": {f"{endpoint} {status}": n for (endpoint, status), n in recorder.errors.items()},
                "peak_memory": {str(pid): status.get("VmHWM") for pid, status in sampler.seen.items()},
                "redis_peak": run.redis_peak, "redis_commands": run.redis_commands, "freshness_every_worker": every, "freshness_first": first,
                "freshness_still_missing": [r["all_workers_missing"] for r in results if r.get("all_workers") is not None],
            }, handle, ensure_ascii=False, indent=1)
    return not run.mismatches and not recorder.errors and not run.skipped and not failed


def print_errors(recorder: Recorder) -> None:
    if not recorder.errors:
        print("errors: none")
        return
    print("errors by endpoint and status:")
    for (endpoint, status), count in sorted(recorder.errors.items(), key=lambda item: -item[1]):
        print(f"  {endpoint:34} {str(status):22} {count:7}  e.g. {recorder.error_samples[(endpoint, status)][:160]}")


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.revision:  # pinned now: the branch may move while the day runs
        args.revision = subprocess.run(["git", "-C", REPO_ROOT, "rev-parse", "--short", args.revision],
                                       capture_output=True, text=True, check=True).stdout.strip()
    signal.signal(signal.SIGTERM, stop_on_sigterm)  # so that the service and redis-server are stopped too
    started = time.monotonic()
    deadline = started + args.deadline
    fair = generate_fair(args.seed, args.scale, args.probes)
    generate_seconds = time.monotonic() - started
    try:
        service = (attach_service(args.url, args.organizer_token, args.server_pid) if args.url
                   else start_service(args.store, args.workers, args.revision))
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"fairday: could not start the service: {exc}", file=sys.stderr)
        return 2
    recorder = Recorder()
    day = Day(args, service, fair, recorder)

    def roots():
        pids = [service.server_pid] if service.server_pid else []
        return pids + [int(w) for w in recorder.worker_hits if w.isdigit() and int(w) not in pids]
    sampler = MemorySampler(roots)
    sampler.sample()
    sampler.start()
    try:
        run = replay(args, service, day, sampler, deadline)
    except RuntimeError as exc:
        print(f"fairday: setup failed: {exc}", file=sys.stderr)
        print_errors(recorder)
        if service.log_path:
            print(f"service log ({service.log_path}):\n{tail(service.log_path)}", file=sys.stderr)
        return 1
    finally:
        sampler.stop_event.set()
        service.stop()
    passed = report(args, fair, day, sampler, run, generate_seconds)
    print(f"\nfairday: {'PASS' if passed else 'FAIL'}")
    if service.workdir and passed:
        shutil.rmtree(service.workdir, ignore_errors=True)
    elif service.workdir:
        print(f"service log and store kept in {service.workdir}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
