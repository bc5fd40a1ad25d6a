"""Plain-words explanations (Chinese and English) of each scoring factor.

Each factor has three functions of the posting-side and seeker-side profiles
of one pair and the factor score: a *key* naming everything its words depend
on, the *words* ``(zh, en, parts)`` (kept per key: pages and fairs repeat
titles, skill sets, places and salaries), and the *reason* dict, built fresh
for every pair from the words and the profiles, so no caller shares a
mutable object with another.
"""
import math

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


def _title_key(posting, seeker, score):
    return posting.raw_titles, seeker.raw_titles, score


def _title_words(posting, seeker, score):
    wanted = _zh(seeker.raw_titles) or "未填写"
    offered = _zh(posting.raw_titles) or "未填写"
    return (
        f"职位名称相似度 {score:.0%}：{offered} ↔ {wanted}",
        f"Title similarity {score:.0%}: {_en(posting.raw_titles) or 'not given'} vs {_en(seeker.raw_titles) or 'not given'}",
        None,
    )


def _title_reason(score, weight, words, posting, seeker):
    return {"factor": "title", "score": score, "weight": weight, "text": {"zh": words[0], "en": words[1]},
            "required": list(posting.raw_titles), "actual": list(seeker.raw_titles)}


def _occupation_key(posting, seeker, score):
    return posting.occupations[:1], posting.occupation_names[:1], seeker.occupations[:1], seeker.occupation_names[:1], score


def _occupation_words(posting, seeker, score):
    if not posting.occupations or not seeker.occupations:
        return "职业类别未知", "Occupation unknown", None
    offered, offered_code = posting.occupation_names[0], posting.occupations[0]
    wanted, wanted_code = seeker.occupation_names[0], seeker.occupations[0]
    if score >= 0.85:
        return f"职业类别一致：{offered}", f"Same occupation: {offered} ({offered_code})", None
    if score >= 0.6:
        zh, en = "职业同属一个小类", "Closely related occupation"
    elif score >= 0.4:
        zh, en = "职业同属一个中类", "Occupation in the same group"
    elif score >= 0.2:
        zh, en = "职业同属一个大类", "Occupation in the same broad field"
    else:
        zh, en = "职业不同", "Different occupation"
    return f"{zh}：{offered} / {wanted}", f"{en}: {offered_code} / {wanted_code}", None


def _occupation_reason(score, weight, words, posting, seeker):
    return {"factor": "occupation", "score": score, "weight": weight, "text": {"zh": words[0], "en": words[1]},
            "required": [{"code": c, "name": n} for c, n in zip(posting.occupations, posting.occupation_names)],
            "actual": [{"code": c, "name": n} for c, n in zip(seeker.occupations, seeker.occupation_names)]}


def _skills_key(posting, seeker, score):
    held = seeker.skill_keys
    return posting.skills, tuple([key in held for key, _ in posting.skills])


def _skills_words(posting, seeker, score):
    required = dict(posting.skills)
    held = seeker.skill_keys
    matched = tuple(name for key, name in required.items() if key in held)
    missing = tuple(name for key, name in required.items() if key not in held)
    credentials = tuple(name for key, name in required.items() if key not in held and is_credential(key))
    parts = (matched, missing, tuple(required.values()), credentials)
    if not required:
        return "岗位未列出技能要求", "The posting lists no required skills", parts
    matched_en = [skill_label(key, name)[1] for key, name in required.items() if key in held]
    missing_en = [skill_label(key, name)[1] for key, name in required.items() if key not in held]
    zh = f"技能匹配：{_zh(matched) or '无'}" + (f"；缺少：{_zh(missing)}" if missing else "")
    en = f"Skills matched: {_en(matched_en) or 'none'}" + (f"; missing: {_en(missing_en)}" if missing else "")
    if credentials:
        credentials_en = [skill_label(key, name)[1] for key, name in required.items() if name in credentials]
        zh += f"（必需证照未见：{_zh(credentials)}）"
        en += f" (required licence or certificate not shown: {_en(credentials_en)})"
    return zh, en, parts


def _skills_reason(score, weight, words, posting, seeker):
    zh, en, (matched, missing, required, credentials) = words
    return {"factor": "skills", "score": score, "weight": weight, "text": {"zh": zh, "en": en},
            "matched": list(matched), "missing": list(missing), "required": list(required),
            "actual": [name for _, name in seeker.skills], "missing_credentials": list(credentials)}


def _text_key(posting, seeker, score):
    return score


def _text_words(posting, seeker, score):
    return (
        f"简历与岗位描述的文字相似度 {score:.0%}",
        f"Resume and job description text similarity {score:.0%}",
        None,
    )


def _text_reason(score, weight, words, posting, seeker):
    return {"factor": "text", "score": score, "weight": weight, "text": {"zh": words[0], "en": words[1]}}


def _education_key(posting, seeker, score):
    return posting.education, seeker.education


def _education_words(posting, seeker, score):
    if posting.education_rank < 0:
        return "岗位不限学历", "No minimum education", None
    need_zh, need_en = EDUCATION_LABELS[posting.education]
    if seeker.education_rank < 0:
        return f"学历要求{need_zh}，求职者未填写", f"Requires {need_en}; the seeker did not say", None
    have_zh, have_en = EDUCATION_LABELS[seeker.education]
    if seeker.education_rank >= posting.education_rank:
        return (f"学历符合：{have_zh}（要求{need_zh}）",
                f"Education meets the minimum: {have_en} (requires {need_en})", None)
    return (f"学历低于要求：{have_zh}（要求{need_zh}）",
            f"Education below the minimum: {have_en} (requires {need_en})", None)


def _education_reason(score, weight, words, posting, seeker):
    return {"factor": "education", "score": score, "weight": weight, "text": {"zh": words[0], "en": words[1]},
            "required": posting.education, "actual": seeker.education}


def _experience_key(posting, seeker, score):
    return posting.experience, seeker.experience


def _experience_words(posting, seeker, score):
    need, have = number(posting.experience), number(seeker.experience)
    parts = (need, have)
    if need is None or need <= 0:
        return "岗位不要求工作经验", "No experience required", parts
    if have is None:
        return f"要求{need}年经验，求职者未填写", f"Requires {need} years of experience; the seeker did not say", parts
    if have >= need:
        return f"经验符合：{have}年（要求{need}年）", f"Experience meets the minimum: {have} years (requires {need})", parts
    return f"经验不足：{have}年（要求{need}年）", f"Less experience than required: {have} years (requires {need})", parts


def _experience_reason(score, weight, words, posting, seeker):
    zh, en, (need, have) = words
    return {"factor": "experience", "score": score, "weight": weight, "text": {"zh": zh, "en": en},
            "required": need, "actual": have}


def _salary_key(posting, seeker, score):
    return posting.salary_low, posting.salary_high, seeker.salary_low


def _salary_words(posting, seeker, score):
    low, high, want = number(posting.salary_low), number(posting.salary_high), number(seeker.salary_low)
    parts = (low, high, want)
    if high is None:
        return "岗位未标明薪资", "The posting gives no salary", parts
    if want is None:
        return f"薪资{low}–{high}元，求职者未填写期望", f"Pays {low}–{high} CNY; the seeker gave no expectation", parts
    if want <= high:
        return (f"期望薪资{want}元在范围内（{low}–{high}元）", f"Expected salary {want} CNY fits the range {low}–{high} CNY",
                parts)
    return f"期望薪资{want}元高于岗位上限{high}元", f"Expected salary {want} CNY is above the maximum {high} CNY", parts


def _salary_reason(score, weight, words, posting, seeker):
    zh, en, (low, high, want) = words
    return {"factor": "salary", "score": score, "weight": weight, "text": {"zh": zh, "en": en},
            "required": {"min": low, "max": high}, "actual": want}


def _location_key(posting, seeker, score):
    return posting.place_names, seeker.place_names, score >= 0.85, score > 0


def _location_words(posting, seeker, score):
    where, wanted = _zh(posting.place_names), _zh(seeker.place_names)
    if not posting.place_names:
        return "岗位未标明工作地点", "The posting gives no location", None
    if not seeker.place_names:
        return f"工作地点{where}，求职者未填写意向地点", f"Works in {where}; the seeker gave no preferred place", None
    if score >= 0.85:
        return f"工作地点相符：{where}", f"Location matches: {where}", None
    if score > 0:
        return f"工作地点相近：{where}（意向：{wanted}）", f"Location nearby: {where} (prefers {_en(seeker.place_names)})", None
    return (f"工作地点不在意向范围：{where}（意向：{wanted}）",
            f"Location outside the preferred places: {where} (prefers {_en(seeker.place_names)})", None)


def _location_reason(score, weight, words, posting, seeker):
    return {"factor": "location", "score": score, "weight": weight, "text": {"zh": words[0], "en": words[1]},
            "required": list(posting.place_names), "actual": list(seeker.place_names)}


_FACTORS = {
    "title": (_title_key, _title_words, _title_reason),
    "occupation": (_occupation_key, _occupation_words, _occupation_reason),
    "skills": (_skills_key, _skills_words, _skills_reason),
    "text": (_text_key, _text_words, _text_reason),
    "education": (_education_key, _education_words, _education_reason),
    "experience": (_experience_key, _experience_words, _experience_reason),
    "salary": (_salary_key, _salary_words, _salary_reason),
    "location": (_location_key, _location_words, _location_reason),
}
# Per factor: key -> (zh, en, parts); immutable values, shared by all indexes.
_WORDS = {factor: {} for factor in _FACTORS}
_MAX_WORDS = 16384


def explain_page(query, candidates, query_is_posting, scores, weights):
    """One list of JSON-ready reasons (one per factor, in the order of ``scores``) per candidate.

    ``scores`` maps factor names to one score per candidate, already rounded
    for display; ``weights`` maps factor names to their shown weights.
    """
    pairs = [(query, candidate) for candidate in candidates] if query_is_posting else \
        [(candidate, query) for candidate in candidates]
    pages = [[] for _ in candidates]
    for factor, column in scores.items():
        key_of, words_of, reason_of = _FACTORS[factor]
        known, weight = _WORDS[factor], weights.get(factor, 0.0)
        for reasons, (posting, seeker), score in zip(pages, pairs, column):
            key = key_of(posting, seeker, score)
            words = known.get(key)
            if words is None:
                if len(known) >= _MAX_WORDS:
                    known.clear()
                words = known[key] = words_of(posting, seeker, score)
            reasons.append(reason_of(score, weight, words, posting, seeker))
    return pages
