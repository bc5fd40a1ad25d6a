"""Plain-words explanations (Chinese and English) of each scoring factor.

Each function gets the posting-side and seeker-side profiles of one pair and
the factor score, and returns ``(zh, en, details)``.
"""
import math
from operator import attrgetter

from .profile import EDUCATION_LABELS
from .skills import is_credential, skill_label

__all__ = ["explain_page"]


def _zh(items):
    return "、".join(str(item) for item in items)


def _en(items):
    return ", ".join(str(item) for item in items)


def number(value):
    """JSON-friendly number: ``None`` for NaN, int when whole."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if float(value).is_integer() else float(value)


def _title(posting, seeker, score):
    wanted = _zh(seeker.raw_titles) or "未填写"
    offered = _zh(posting.raw_titles) or "未填写"
    return (
        f"职位名称相似度 {score:.0%}：{offered} ↔ {wanted}",
        f"Title similarity {score:.0%}: {_en(posting.raw_titles) or 'not given'} vs {_en(seeker.raw_titles) or 'not given'}",
        {"required": list(posting.raw_titles), "actual": list(seeker.raw_titles)},
    )


def _occupation(posting, seeker, score):
    details = {
        "required": [{"code": c, "name": n} for c, n in zip(posting.occupations, posting.occupation_names)],
        "actual": [{"code": c, "name": n} for c, n in zip(seeker.occupations, seeker.occupation_names)],
    }
    if not posting.occupations or not seeker.occupations:
        return "职业类别未知", "Occupation unknown", details
    offered, offered_code = posting.occupation_names[0], posting.occupations[0]
    wanted, wanted_code = seeker.occupation_names[0], seeker.occupations[0]
    if score >= 0.85:
        return f"职业类别一致：{offered}", f"Same occupation: {offered} ({offered_code})", details
    if score >= 0.6:
        zh, en = "职业同属一个小类", "Closely related occupation"
    elif score >= 0.4:
        zh, en = "职业同属一个中类", "Occupation in the same group"
    elif score >= 0.2:
        zh, en = "职业同属一个大类", "Occupation in the same broad field"
    else:
        zh, en = "职业不同", "Different occupation"
    return f"{zh}：{offered} / {wanted}", f"{en}: {offered_code} / {wanted_code}", details


def _skills(posting, seeker, score):
    required = dict(posting.skills)
    held = seeker.skill_keys
    matched = [name for key, name in required.items() if key in held]
    missing = [name for key, name in required.items() if key not in held]
    credentials = [name for key, name in required.items() if key not in held and is_credential(key)]
    details = {
        "matched": matched,
        "missing": missing,
        "required": list(required.values()),
        "actual": [name for _, name in seeker.skills],
        "missing_credentials": credentials,
    }
    if not required:
        return "岗位未列出技能要求", "The posting lists no required skills", details
    matched_en = [skill_label(key, name)[1] for key, name in required.items() if key in held]
    missing_en = [skill_label(key, name)[1] for key, name in required.items() if key not in held]
    zh = f"技能匹配：{_zh(matched) or '无'}" + (f"；缺少：{_zh(missing)}" if missing else "")
    en = f"Skills matched: {_en(matched_en) or 'none'}" + (f"; missing: {_en(missing_en)}" if missing else "")
    if credentials:
        credentials_en = [skill_label(key, name)[1] for key, name in required.items() if name in credentials]
        zh += f"（必需证照未见：{_zh(credentials)}）"
        en += f" (required licence or certificate not shown: {_en(credentials_en)})"
    return zh, en, details


def _text(posting, seeker, score):
    return (
        f"简历与岗位描述的文字相似度 {score:.0%}",
        f"Resume and job description text similarity {score:.0%}",
        {},
    )


def _education(posting, seeker, score):
    details = {"required": posting.education, "actual": seeker.education}
    if posting.education_rank < 0:
        return "岗位不限学历", "No minimum education", details
    need_zh, need_en = EDUCATION_LABELS[posting.education]
    if seeker.education_rank < 0:
        return f"学历要求{need_zh}，求职者未填写", f"Requires {need_en}; the seeker did not say", details
    have_zh, have_en = EDUCATION_LABELS[seeker.education]
    if seeker.education_rank >= posting.education_rank:
        return (f"学历符合：{have_zh}（要求{need_zh}）",
                f"Education meets the minimum: {have_en} (requires {need_en})", details)
    return (f"学历低于要求：{have_zh}（要求{need_zh}）",
            f"Education below the minimum: {have_en} (requires {need_en})", details)


def _experience(posting, seeker, score):
    need, have = number(posting.experience), number(seeker.experience)
    details = {"required": need, "actual": have}
    if need is None or need <= 0:
        return "岗位不要求工作经验", "No experience required", details
    if have is None:
        return f"要求{need}年经验，求职者未填写", f"Requires {need} years of experience; the seeker did not say", details
    if have >= need:
        return f"经验符合：{have}年（要求{need}年）", f"Experience meets the minimum: {have} years (requires {need})", details
    return f"经验不足：{have}年（要求{need}年）", f"Less experience than required: {have} years (requires {need})", details


def _salary(posting, seeker, score):
    low, high, want = number(posting.salary_low), number(posting.salary_high), number(seeker.salary_low)
    details = {"required": {"min": low, "max": high}, "actual": want}
    if high is None:
        return "岗位未标明薪资", "The posting gives no salary", details
    if want is None:
        return f"薪资{low}–{high}元，求职者未填写期望", f"Pays {low}–{high} CNY; the seeker gave no expectation", details
    if want <= high:
        return f"期望薪资{want}元在范围内（{low}–{high}元）", f"Expected salary {want} CNY fits the range {low}–{high} CNY", details
    return f"期望薪资{want}元高于岗位上限{high}元", f"Expected salary {want} CNY is above the maximum {high} CNY", details


def _location(posting, seeker, score):
    details = {"required": list(posting.place_names), "actual": list(seeker.place_names)}
    where, wanted = _zh(posting.place_names), _zh(seeker.place_names)
    if not posting.place_names:
        return "岗位未标明工作地点", "The posting gives no location", details
    if not seeker.place_names:
        return f"工作地点{where}，求职者未填写意向地点", f"Works in {where}; the seeker gave no preferred place", details
    if score >= 0.85:
        return f"工作地点相符：{where}", f"Location matches: {where}", details
    if score > 0:
        return f"工作地点相近：{where}（意向：{wanted}）", f"Location nearby: {where} (prefers {_en(seeker.place_names)})", details
    return (f"工作地点不在意向范围：{where}（意向：{wanted}）",
            f"Location outside the preferred places: {where} (prefers {_en(seeker.place_names)})", details)


_EXPLAIN = {
    "title": _title,
    "occupation": _occupation,
    "skills": _skills,
    "text": _text,
    "education": _education,
    "experience": _experience,
    "salary": _salary,
    "location": _location,
}


# What each factor's explanation reads from a profile, besides its score.
_READS = {
    "title": attrgetter("raw_titles"),
    "occupation": attrgetter("occupations", "occupation_names"),
    "skills": attrgetter("skills", "skill_keys"),
    "text": lambda profile: None,
    "education": attrgetter("education", "education_rank"),
    "experience": attrgetter("experience"),
    "salary": attrgetter("salary_low", "salary_high"),
    "location": attrgetter("place_names"),
}


def explain_page(query, candidates, query_is_posting, scores, weights):
    """One list of JSON-ready reasons (one per factor, in the order of ``scores``) per candidate.

    ``scores`` maps factor names to one score per candidate, already rounded
    for display.  Candidates of a page repeat titles, skill sets and places, so
    a factor is explained once per distinct (candidate fields, score): equal
    reasons within a page are one shared, read-only dict.
    """
    pages = [[] for _ in candidates]
    for factor, column in scores.items():
        build, read, weight = _EXPLAIN[factor], _READS[factor], weights.get(factor, 0.0)
        seen = {}
        for reasons, candidate, score in zip(pages, candidates, column):
            key = (read(candidate), score)
            reason = seen.get(key)
            if reason is None:
                posting, seeker = (query, candidate) if query_is_posting else (candidate, query)
                zh, en, details = build(posting, seeker, score)
                reason = seen[key] = {"factor": factor, "score": score, "weight": weight,
                                      "text": {"zh": zh, "en": en}, **details}
            reasons.append(reason)
    return pages
