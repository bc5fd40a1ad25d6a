"""The demo fair: a believable Chongqing job fair on a fresh SQLite file.

About 60 employers, 250 postings across the job kinds a city fair sees
(R&D engineers to forklift drivers), 360 seekers with Chinese profiles and
resumes (a few in English), and some interest marks and agreements spread
over the last hours. Everything is generated from a fixed seed, so two runs
look alike; employer names are invented.
"""
from __future__ import annotations

import os
import random
import secrets
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from service import create_app, domain
from service.config import DEFAULT_TIMEZONE
from service.store import open_store

SEED = 2026
SEEKER_COUNT = 360
DEMO_DB = "demo.db"

DISTRICTS = ["渝北区", "江北区", "两江新区", "沙坪坝区", "九龙坡区", "南岸区", "渝中区", "巴南区",
             "北碚区", "大渡口区", "璧山区", "江津区", "长寿区", "涪陵区", "永川区"]

# kind -> titles (as employers write them), skills, education_min, years, salary range, industries
JOB_KINDS = {
    "rd": (["软件研发工程师", "嵌入式软件工程师", "汽车电子研发工程师", "Java开发工程师", "算法工程师"],
           ["Python", "Java", "C语言", "嵌入式", "Linux", "CAN总线", "机器学习"], "bachelor", 2, (9000, 18000),
           ["软件", "汽车", "电子"]),
    "operator": (["普工", "生产操作工", "装配工", "流水线操作工", "包装工"],
                 ["装配", "质检", "5S管理", "吃苦耐劳"], "junior_high", 0, (4500, 6500),
                 ["汽车", "电子", "食品", "摩托车"]),
    "designer": (["平面设计师", "UI设计师", "室内设计师", "工业设计师"],
                 ["Photoshop", "Illustrator", "Figma", "CAD", "3ds Max"], "associate", 1, (6000, 11000),
                 ["广告", "软件", "装饰"]),
    "accountant": (["会计", "出纳", "成本会计", "财务主管"],
                   ["用友", "金蝶", "Excel", "税务申报", "初级会计职称"], "associate", 1, (5000, 9000),
                   ["制造", "商贸", "物流"]),
    "driver": (["货车司机", "驾驶员", "商务司机", "配送司机"],
               ["B2驾照", "A2驾照", "C1驾照", "熟悉重庆路况"], "junior_high", 2, (6000, 10000),
               ["物流", "商贸", "食品"]),
    "welder": (["电焊工", "氩弧焊工", "二保焊工", "焊工"],
               ["电焊", "氩弧焊", "二氧化碳保护焊", "焊工证", "看图纸"], "junior_high", 1, (6500, 10000),
               ["汽车", "钢结构", "摩托车"]),
    "cook": (["厨师", "火锅厨师", "面点师", "川菜厨师", "厨房帮工"],
             ["川菜", "火锅底料", "面点", "健康证", "刀工"], "none", 1, (5000, 9000), ["餐饮", "酒店"]),
    "forklift": (["叉车司机", "叉车工", "仓库叉车员"],
                 ["叉车证", "仓储管理", "装卸"], "junior_high", 1, (5500, 7500), ["物流", "汽车", "仓储"]),
    "cnc": (["数控车床操作工", "CNC操作员", "加工中心操作工", "数控编程员"],
            ["数控车床", "加工中心", "FANUC", "看图纸", "游标卡尺"], "vocational", 1, (6000, 9500),
            ["机械", "汽车", "摩托车"]),
    "electrician": (["电工", "维修电工", "设备电工", "高压电工"],
                    ["电工证", "PLC", "低压电工作业", "设备维修"], "vocational", 2, (6000, 9000),
                    ["制造", "物业", "汽车"]),
    "sales": (["销售代表", "销售经理", "电话销售", "门店销售", "Sales Representative"],
              ["客户开发", "谈判", "普通话", "Excel", "English"], "high_school", 0, (4500, 12000),
              ["商贸", "汽车", "软件", "房地产"]),
    "security": (["保安", "安保员", "门卫", "监控员"],
                 ["保安证", "消防知识", "监控设备", "退伍军人"], "junior_high", 0, (3800, 5000),
                 ["物业", "酒店", "商贸"]),
    "quality": (["质检员", "品质工程师", "来料检验员"],
                ["质检", "三坐标", "游标卡尺", "ISO9001"], "vocational", 1, (5000, 8000), ["汽车", "电子"]),
    "warehouse": (["仓管员", "仓库管理员", "物料员"],
                  ["仓储管理", "WMS", "Excel", "盘点"], "high_school", 0, (4500, 6500), ["物流", "商贸"]),
}

INDUSTRY_WORDS = {
    "软件": "软件科技", "汽车": "汽车零部件", "电子": "电子科技", "食品": "食品", "摩托车": "摩托车",
    "广告": "文化传媒", "装饰": "装饰工程", "制造": "机械制造", "商贸": "商贸", "物流": "物流",
    "钢结构": "钢结构工程", "餐饮": "餐饮管理", "酒店": "酒店管理", "仓储": "供应链", "机械": "精密机械",
    "物业": "物业服务", "房地产": "置业",
}
NAME_WORDS = ["渝兴", "两江", "山城", "嘉陵", "长江", "巴渝", "朝天门", "缙云", "南山", "歌乐",
              "金佛", "鹅岭", "磁器口", "龙湖", "江城", "渝东", "川渝", "渝新", "西永", "礼嘉",
              "悦来", "蔡家", "寸滩", "茶园", "界石", "鱼洞", "大学城", "空港", "果园", "双福"]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀英", "霞", "平", "刚", "桂英", "建华", "小龙", "春梅", "志强", "海燕", "晓东", "雪", "琳", "浩然",
         "子涵", "欣怡", "宇航", "梓萱", "俊杰", "思远", "红梅", "建国", "德明"]
SCHOOLS = {"bachelor": ["重庆大学", "西南大学", "重庆邮电大学", "重庆交通大学", "重庆理工大学"],
           "associate": ["重庆电子工程职业学院", "重庆工业职业技术学院", "重庆城市管理职业学院"],
           "vocational": ["重庆市工业学校", "重庆市龙门浩职业中学", "重庆市渝北职教中心"]}
EDUCATION_ZH = {"none": "无", "junior_high": "初中", "high_school": "高中", "vocational": "中专/技校",
                "associate": "大专", "bachelor": "本科", "master": "硕士"}
EDUCATION_STEPS = ["junior_high", "high_school", "vocational", "associate", "bachelor", "master"]


def _employers(rng: random.Random) -> list[dict]:
    employers, used = [], set()
    kinds = list(JOB_KINDS)
    while len(employers) < 60:
        main_kind = rng.choice(kinds)
        industry = rng.choice(JOB_KINDS[main_kind][5])
        word = rng.choice(NAME_WORDS)
        name = f"重庆{word}{INDUSTRY_WORDS[industry]}有限公司"
        if name in used:
            continue
        used.add(name)
        surname = rng.choice(SURNAMES)
        employers.append({
            "data": {"name": name, "industry": industry, "contact_name": f"{surname}{rng.choice(['经理', '女士', '先生', '主管'])}",
                     "contact_phone": f"023-{rng.randint(6000, 8999)}{rng.randint(1000, 9999)}"},
            "kinds": [main_kind] + rng.sample(kinds, 2),
        })
    return employers


def _posting(rng: random.Random, kind: str, district: str) -> dict:
    titles, skills, education, years, (low, high), _ = JOB_KINDS[kind]
    title = rng.choice(titles)
    salary_min = rng.randrange(low, (low + high) // 2, 500)
    picked = rng.sample(skills, min(len(skills), rng.randint(2, 4)))
    return {
        "title": title,
        "description": f"岗位：{title}。要求：{'、'.join(picked)}。工作地点{district}，"
                       f"{rng.choice(['五险一金', '包吃住', '提供宿舍', '双休', '年终奖', '节日福利'])}，"
                       f"{rng.choice(['长白班', '两班倒', '做六休一', '弹性工作'])}。",
        "skills": picked,
        "headcount": rng.choice([1, 1, 2, 3, 5, 10, 20]) if kind in ("operator", "security") else rng.choice([1, 1, 2, 3]),
        "education_min": education,
        "experience_min_years": max(0, years + rng.choice([-1, 0, 0, 1])),
        "salary_min": salary_min,
        "salary_max": salary_min + rng.randrange(1000, 4001, 500),
        "location": district,
        "job_type": rng.choice(["full_time"] * 8 + ["part_time", "internship"]),
    }


def _seeker(rng: random.Random, number: int) -> dict:
    kind = rng.choice(list(JOB_KINDS))
    titles, skills, education_min, years, (low, high), _ = JOB_KINDS[kind]
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    # Most people meet their kind's usual minimum; some fall one step short or exceed it.
    usual = EDUCATION_STEPS.index(education_min) if education_min in EDUCATION_STEPS else 0
    step = max(0, min(len(EDUCATION_STEPS) - 1, usual + rng.choice([-1, 0, 0, 1, 1])))
    education = EDUCATION_STEPS[step]
    experience = max(0, years + rng.randint(-2, 6))
    own_skills = rng.sample(skills, min(len(skills), rng.randint(1, 4)))
    desired = rng.sample(titles, min(len(titles), rng.randint(1, 2)))
    home = rng.sample(DISTRICTS, rng.randint(1, 2))
    age = 19 + experience + rng.randint(0, 8)
    school = rng.choice(SCHOOLS.get(education, ["重庆市第八中学", "重庆市南开中学", "巴蜀中学"]))
    if kind in ("rd", "sales") and rng.random() < 0.25:
        resume = (f"{name}, {age}. {experience} years as {desired[0]}; skills: {', '.join(own_skills)}. "
                  f"Graduated from {school}. Looking for a position in {home[0]}, Chongqing.")
    else:
        resume = (f"{name}，{'男' if rng.random() < 0.6 else '女'}，{age}岁，{EDUCATION_ZH.get(education, '高中')}学历，"
                  f"毕业于{school}。从事{desired[0]}工作{experience}年，熟悉{'、'.join(own_skills)}。"
                  f"曾在{rng.choice(NAME_WORDS)}{rng.choice(list(INDUSTRY_WORDS.values()))}公司任职，"
                  f"{rng.choice(['工作踏实', '吃苦耐劳', '责任心强', '服从安排', '善于沟通'])}，希望在{home[0]}附近工作。")
    return {
        "name": name,
        "phone": f"1{rng.choice('3456789')}{rng.randint(0, 9)}{number:08d}",
        "consent": True,
        "desired_titles": desired,
        "skills": own_skills,
        "education": education,
        "experience_years": experience,
        "salary_expectation": rng.randrange(low, high + 1, 500),
        "locations": home,
        "resume_text": resume if rng.random() < 0.85 else "",
    }, kind


def _clock(start: datetime, span: timedelta, count: int):
    """``count`` increasing ISO times spread over ``span`` from ``start``."""
    step = span / max(1, count)
    return [(start + step * number).isoformat(timespec="seconds") for number in range(count)]


def populate(store, *, secret_key: str, timezone: str = DEFAULT_TIMEZONE) -> dict:
    """Fill ``store`` with the demo fair; returns tokens and ids for :func:`describe`."""
    rng = random.Random(SEED)
    zone = ZoneInfo(timezone)
    current = datetime.now(zone).replace(microsecond=0)
    opening = current - timedelta(hours=5)
    at = opening.isoformat()

    organizer, organizer_token = domain.create_organizer(store, "重庆市人力资源市场组委会", secret_key=secret_key, now=at)
    fair = store.create_fair(organizer["id"], {
        "name": "2026年重庆春风行动专场招聘会", "date": current.date().isoformat(),
        "venue": "重庆人力资源服务产业园", "city": "重庆", "district": "渝北区"}, now=at)
    fair_id = fair["id"]

    employers = []
    for spec in _employers(rng):
        record = domain.create_employer(store, fair_id, spec["data"], secret_key=secret_key, now=at)
        employers.append((record, spec["kinds"]))
    kiosks = [domain.create_kiosk(store, fair_id, {"label": label}, secret_key=secret_key, now=at)
              for label in ("A区1号登记台", "A区2号登记台", "B区1号登记台", "C区自助机")]

    postings_by_kind: dict[str, list[dict]] = {}
    posting_total = 0
    for (employer, kinds), count in zip(employers, [4] * 10 + [5] * 30 + [3] * 20):
        district = rng.choice(DISTRICTS)
        items = [_posting(rng, rng.choice(kinds[:2] if number else kinds[:1]), district) for number in range(count)]
        created = domain.create_postings(store, fair_id, employer["id"], items, now=at)
        posting_total += len(created)
        for item, record in zip(items, created):
            kind = next(k for k, spec in JOB_KINDS.items() if item["title"] in spec[0])
            postings_by_kind.setdefault(kind, []).append(record)

    times = _clock(opening + timedelta(minutes=20), timedelta(hours=4, minutes=30), SEEKER_COUNT)
    agreements = 0
    for number, when in enumerate(times):
        data, kind = _seeker(rng, number)
        seeker, _ = domain.upsert_seeker(store, fair_id, data, now=when)
        candidates = postings_by_kind.get(kind, [])
        if not candidates or rng.random() < 0.35:
            continue
        for posting in rng.sample(candidates, min(len(candidates), rng.randint(1, 3))):
            store.set_intent(posting["id"], seeker["id"], "seeker", True, now=when)
            if rng.random() < 0.12:
                intent = store.set_intent(posting["id"], seeker["id"], "employer", True, now=when)
                agreements += intent["agreed"]

    return {
        "fair": fair,
        "organizer_token": organizer_token,
        "employers": [(employer["name"], employer["token"]) for employer, _ in employers[:3]],
        "kiosks": [(kiosk["label"], kiosk["token"]) for kiosk in kiosks[:2]],
        "counts": {"employers": len(employers), "postings": posting_total, "seekers": SEEKER_COUNT,
                   "agreements": agreements},
    }


def build(instance_dir: str):
    """A fresh demo database under ``instance_dir`` and an app serving it: ``(app, summary)``."""
    os.makedirs(instance_dir, exist_ok=True)
    path = os.path.join(instance_dir, DEMO_DB)
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    url = f"sqlite:///{path}"
    secret_key = secrets.token_hex(32)
    app = create_app({"STORE_URL": url, "SECRET_KEY": secret_key})
    store = open_store(url)
    try:
        summary = populate(store, secret_key=secret_key, timezone=app.config["TIMEZONE"])
    finally:
        store.close()  # workers open their own connections after the fork
    summary["store_url"] = url
    return app, summary


def describe(summary: dict, *, host: str, port: int) -> str:
    """What to print for a newcomer: counts, tokens and the pages to open."""
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    base = f"http://{shown_host}:{port}"
    counts = summary["counts"]
    lines = [
        f"fairmatch demo — {summary['fair']['name']} (fair id {summary['fair']['id']})",
        f"  {counts['employers']} employers, {counts['postings']} postings, {counts['seekers']} seekers, "
        f"{counts['agreements']} agreements; store {summary['store_url']}",
        "",
        "Tokens (paste into the pages, or send as 'Authorization: Bearer <token>'):",
        f"  organizer  {summary['organizer_token']}",
    ]
    lines += [f"  employer   {token}   ({name})" for name, token in summary["employers"]]
    lines += [f"  kiosk      {token}   ({label})" for label, token in summary["kiosks"]]
    lines += [
        "",
        "Open (each link signs its page in):",
        f"  kiosk       {base}/kiosk#token={summary['kiosks'][0][1]}",
        f"  employer    {base}/employer#token={summary['employers'][0][1]}",
        f"  dashboard   {base}/dashboard#token={summary['organizer_token']}",
        f"  setup       {base}/setup#token={summary['organizer_token']}",
        f"  API docs    {base}/docs",
        "",
    ]
    return "\n".join(lines)
