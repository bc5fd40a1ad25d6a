"""Whether ad noise around a title changes the occupation it maps to.

Run from the repository root:  python bench/title_noise.py [--show N]

Common titles of a Chongqing fair (Chinese and English) are wrapped in the
noise job ads put around them (company names, perks, headcounts, places,
seniority, the English of ads) and normalised with the packaged normaliser.
Reported: per language, how many noisy forms map to the same occupation as
the plain title, and the first ``--show`` that do not.  It measures only
robustness: whether the plain title maps right is titles-dev's business
(``bench/quality.py --skip-ranking``).
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.occupations import default_normalizer  # noqa: E402

CHINESE_TITLES = (
    "焊工 叉车司机 普工 会计 出纳 电工 数控车工 质检员 仓管员 货车司机 厨师 保安 保洁员 销售代表 行政文员 机修工 注塑工 "
    "装配工 研发工程师 平面设计师 安全工程师 化工操作工 吊车司机 喷漆工 包装工 快递员 客服专员 护士 幼师 司机 电气工程师 "
    "机械工程师 采购员 跟单员 文员"
).split()
CHINESE_NOISE = (
    "长安汽车招聘{}", "{}（五险一金）", "急招{}8000+包吃住", "【长寿区】{}", "{}/双休/年底双薪", "诚聘{}数名", "{}-晏家工业园",
    "高薪{}（可接受应届生）", "{}岗位", "{} 长寿", "招{}3名 长白班", "{}（长寿经开区）", "重庆某某化工有限公司{}",
    "{}（男）", "{}（限男性）", "{}（18-45岁）", "{}(夜班)", "{}（晏家）", "{}—月薪6000", "{}，包食宿", "【急聘】{}",
    "{}（有证优先）", "{}（应届生可）", "{} 熟手", "熟练{}", "资深{}", "高级{}", "初级{}",
)
ENGLISH_TITLES = (
    "welder", "forklift driver", "accountant", "electrician", "truck driver", "cashier", "security guard", "cook",
    "nurse", "sales representative", "software engineer", "graphic designer", "warehouse keeper", "quality inspector",
    "cleaner",
)
ENGLISH_NOISE = (
    "{} - urgent", "{} (night shift)", "{}, 5000-8000 RMB", "{} wanted", "Hiring: {}", "Urgent hiring {}", "{} x3",
    "{} (Changshou)", "{} - Chongqing", "Experienced {}", "{} needed", "We are hiring {}", "{} / full time",
    "{} (2 positions)", "Senior {}", "{} position",
)


def robustness(titles, patterns, normalizer):
    """``(same, total, differing)``: noisy forms mapping as their plain title, all forms, and the others."""
    differing = []
    for title in titles:
        plain = normalizer.normalize(title)
        for pattern in patterns:
            noisy = pattern.format(title)
            found = normalizer.normalize(noisy)
            if (found and found.code) != (plain and plain.code):
                differing.append((noisy, plain and plain.name, found and found.name))
    total = len(titles) * len(patterns)
    return total - len(differing), total, differing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=10, help="how many differing forms to list per language")
    args = parser.parse_args(argv)
    normalizer = default_normalizer()
    for language, titles, patterns in (("Chinese", CHINESE_TITLES, CHINESE_NOISE),
                                       ("English", ENGLISH_TITLES, ENGLISH_NOISE)):
        same, total, differing = robustness(titles, patterns, normalizer)
        print(f"{language}: {len(titles)} titles x {len(patterns)} noisy forms: {same} of {total} map as the plain title")
        for noisy, plain, found in differing[: args.show]:
            print(f"  {noisy}: {found} (plain: {plain})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
