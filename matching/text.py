"""Text preparation shared by the normaliser and the scorer.

Everything here is deterministic and idempotent: ``clean_title(clean_title(t))
== clean_title(t)`` and the same for :func:`fold`.
"""
import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "to_simplified", "clean_title", "has_han", "latin_words", "char_ngrams", "text_features", "tokenize",
           "word_ends", "on_a_word_boundary", "longest_first", "amount"]

_SPACES = re.compile(r"\s+")
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ENGLISH_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                    "ten": 10}


def amount(number):
    """The quantity a duration's number says: digits, 半, Chinese numerals (两 2, 十二 12, 二十 20; 三五,
    three to five, as the first) or English ones to ten.

    Examples
    --------
    >>> amount("1.5"), amount("半"), amount("两"), amount("十二"), amount("二十"), amount("three")
    (1.5, 0.5, 2, 12, 20, 3)
    """
    if number == "半":
        return 0.5
    if number in _ENGLISH_NUMBERS:
        return _ENGLISH_NUMBERS[number]
    if number[0].isdigit():
        return float(number)
    tens, ten, ones = number.partition("十")
    return (_CHINESE_DIGITS.get(tens, 1) * 10 + _CHINESE_DIGITS.get(ones, 0)) if ten else _CHINESE_DIGITS[number[0]]


# Traditional characters common in job titles and in personal names, to their simplified forms (a
# hand-made table, pairs): titles compare in either form, and service/domain.py finds a seeker's name
# in a resume written in the other form.
_TRADITIONAL = str.maketrans(dict(pair for pair in (
    "會会 計计 稅税 務务 員员 師师 幣币 書书 長长 門门 開开 關关 馬马 車车 東东 買买 賣卖 電电 話话 網网 絡络 銷销 "
    "業业 語语 聽听 說说 讀读 寫写 貨货 運运 輸输 經经 營营 產产 質质 檢检 驗验 設设 廠厂 區区 縣县 鎮镇 鄉乡 機机 "
    "構构 財财 總总 監监 護护 衛卫 醫医 藥药 劑剂 導导 購购 顧顾 問问 諮谘 詢询 價价 評评 審审 調调 廣广 傳传 視视 "
    "頻频 輯辑 編编 記记 攝摄 實实 習习 專专 職职 線线 倉仓 庫库 飾饰 飲饮 廳厅 廚厨 麵面 餅饼 煙烟 飯饭 館馆 壽寿 "
    "險险 銀银 證证 貸贷 資资 權权 結结 帳账 據据 統统 們们 個个 來来 時时 對对 為为 與与 後后 發发 動动 學学 課课 "
    "練练 範范 園园 圖图 際际 國国 華华 韓韩 貿贸 藝艺 術术 創创 辦办 轉转 換换 應应 請请 報报 費费 優优 標标 準准 "
    "級级 興兴 鋼钢 鐵铁 鋁铝 銅铜 錶表 鐘钟 紡纺 織织 縫缝 紉纫 廢废 環环 遊游 戲戏 樂乐 團团 兒儿 嬰婴 養养 殯殡 "
    "裝装 維维 係系 氣气 熱热 燈灯 齒齿 顏颜 髮发 膚肤 農农 漁渔 獸兽 糧粮 劃划 畫画 寵宠 雞鸡 魚鱼 麥麦 濟济 軟软 "
    "體体 測测 試试 碼码 數数 雲云 點点 頭头 項项 領领 夥伙 協协 議议 訂订 單单 駕驾 駛驶 歷历 績绩 獎奖 勞劳 傭佣 "
    "僱雇 場场 備备 燒烧 鍋锅 爐炉 戶户 鋪铺 櫃柜 檯台 臺台 豐丰 擔担 盤盘 輛辆 鏟铲 邊边 揀拣 遞递 郵邮 處处 選选 "
    "參参 觀观 聯联 續续 萬万 億亿 雜杂 簡简 譯译 註注 紀纪 錄录 臨临 輕轻 鬆松 緊紧 條条 纜缆 鍍镀 塗涂 噴喷 膠胶 "
    "壓压 鑄铸 鍛锻 鉗钳 銑铣 鑽钻 寶宝 貴贵 錢钱 兌兑 廠厂 髮发 務务 匯汇 億亿 號号 務务 歲岁 鮮鲜 潔洁 顧顾 "
    "張张 陳陈 劉刘 楊杨 黃黄 趙赵 吳吴 孫孙 羅罗 鄭郑 謝谢 許许 馮冯 鄧邓 蕭萧 蔣蒋 葉叶 蘇苏 呂吕 盧卢 鍾钟 "
    "譚谭 陸陆 賈贾 韋韦 鄒邹 閻阎 龍龙 賀贺 龔龚 嚴严 湯汤 溫温 齊齐 喬乔 龐庞 莊庄 聶聂 魯鲁 歐欧 陽阳 蘭兰 "
    "寧宁 畢毕 駱骆 藍蓝 鮑鲍 饒饶 繆缪 連连 婁娄 竇窦 黨党 宮宫 閔闵 鄔邬 欒栾 榮荣 叢丛 鞏巩 遲迟 鄺邝 談谈 "
    "荊荆 儲储 諶谌 藺蔺 樓楼 滿满 聞闻 厲厉 闞阚 強强 帥帅 蓋盖 晉晋 闕阙 烏乌 況况 諸诸 戰战 賓宾 淩凌 偉伟 "
    "麗丽 紅红 軍军 傑杰 濤涛 輝辉 鵬鹏 飛飞 靜静 豔艳 艷艳 貞贞 鳳凤 鳴鸣 慶庆 剛刚 嬌娇 穎颖 瑩莹 錦锦 倫伦 "
    "韻韵 曉晓 鋒锋 愛爱 義义 禮礼 順顺 儀仪 瑋玮 銘铭 澤泽 濱滨 瀾澜 賢贤 聰聪 誠诚 勝胜 頌颂 瑤瑶 鶴鹤 鷹鹰 "
    "燁烨 煒炜 暉晖 聖圣 靈灵 雙双 劍剑 彥彦 紹绍 綠绿 瓊琼 嶺岭 嵐岚 鴻鸿 蓮莲 祿禄 進进 達达 遠远 誌志 節节 "
    "楓枫 瀟潇 灝灏 綺绮 詩诗 夢梦 嫻娴 鈺钰 錚铮 銳锐 騰腾 駿骏 驍骁 爍烁 亞亚 歡欢 蕓芸 鶯莺 燦灿 暢畅 揚扬 "
    "颯飒 凱凯 愷恺 軒轩 崢峥 嶸嵘 巖岩 儷俪 嬋婵 紋纹 綿绵 絲丝 紗纱 絢绚 縈萦 繡绣 蔭荫 蘊蕴 貝贝 賽赛 贇赟 "
    "遙遥 鈞钧 錫锡 鏡镜 閣阁 霽霁 韜韬 頤颐 顥颢 風风 飄飘 馳驰 驥骥 鵑鹃 鸞鸾 齡龄 瑪玛 琺珐 潤润 濃浓 瀅滢 "
    "灣湾 璣玑"
).split()))

_ANY_TRADITIONAL = re.compile("[" + "".join(map(chr, _TRADITIONAL)) + "]")


def fold(text):
    """Unicode-normalise (full width to half width), lower-case, simplify common traditional characters, squeeze spaces.

    Examples
    --------
    >>> fold("  ＣＮＣ　操作工 ")
    'cnc 操作工'
    >>> fold("會計")
    '会计'
    """
    if not text:
        return ""
    text = to_simplified(unicodedata.normalize("NFKC", str(text)).lower())
    return _SPACES.sub(" ", text).strip()


def to_simplified(text):
    """The traditional characters of ``text`` that the table knows, simplified, one for one.

    Nothing else changes, so a position in the result is the same in ``text``.

    Examples
    --------
    >>> to_simplified("張偉，會計 Accountant")
    '张伟，会计 Accountant'
    """
    if _ANY_TRADITIONAL.search(text):  # translate looks up every character: a resume is mostly without any
        return text.translate(_TRADITIONAL)
    return text


# Bracketed asides in ad titles are locations, shifts or perks: 销售代表（曹县市场）; but the field of an
# engineer's title is the title (研发工程师（软件） is no 研发工程师（机械）).
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|<[^<>]*>|「[^「」]*」|〔[^〔〕]*〕|《[^《》]*》")
_FIELD_IN_BRACKETS = re.compile(r"([\u4e00-\u9fff]+)\s*\((软件|硬件|机械|电气|电子|结构|土建|化工|工艺|自动化|暖通|给排水|嵌入式|前端|后端|"
                                r"测试|算法|光学|模具|电控|液压|机电|数控|通信|网络|java|python|c\+\+)\)")
_UNCLOSED_BRACKET = re.compile(r"[(\[【<「〔《][^)\]】>」〕》]*$")
_NUMBER = r"\d+(?:\.\d+)?"
_SALARY = re.compile(
    rf"(?:综合|月|年|日|时)?(?:薪资|薪水|工资|底薪|月薪|年薪|日薪|时薪|收入|保底|到手|月入|年入|提成)?"
    rf"{_NUMBER}\s*(?:[-~～至到]\s*{_NUMBER})?\s*"
    rf"(?:k|w|千|万|元|块|rmb|年|/h|/小时|/天|/月|每小时|一天|一小时|一月|小时|天|/日|起|以上|左右|\+)+"
    rf"(?:/(?:月|天|日|时|小时|h|年))?"
)
# A headcount says how many, not what: 美容师店长1名.
_HEADCOUNT = re.compile(rf"{_NUMBER}\s*(?:名|位)")
_BARE_NUMBER = re.compile(rf"(?<![a-z0-9]){_NUMBER}(?![a-z0-9])")
# Perks, urgency and recruiting verbs that say nothing about the occupation.
_NOISE_WORDS = (
    "包吃包住", "包吃住", "包食宿", "包住宿", "包住", "包吃", "管吃住", "五险一金", "六险一金", "五险", "社保",
    "双休", "单休", "大小周", "长白班", "长白", "白班", "夜班", "两班倒", "倒班", "坐岗", "站岗",
    "急招", "急需", "高薪", "直招", "热招", "诚招",
    "日结", "周结", "月结", "可借支", "借支", "0元入职", "免费入职", "入职", "可兼职", "兼职", "全职",
    "月入过万", "过万", "上万", "综合薪资", "薪资", "工资", "底薪", "提成", "高提成", "年终奖", "奖金",
    "无经验", "经验不限", "可小白", "小白", "学历不限", "不限", "可培训", "带薪培训", "包培训",
    "优先", "待遇优厚", "待遇好", "福利好", "环境好", "轻松", "稳定", "正式工", "临时工", "小时工",
    "工作轻松", "多劳多得", "男女不限", "男女", "18-45岁", "包车", "厂车", "宿舍",
    "无责底薪", "纯底薪", "无责", "接受小白", "接受无经验", "无需经验", "有社保", "可日结", "可周结",
    "不加班", "餐补", "房补", "月休", "周末双休", "无试用期",
    "年底双薪", "年终双薪", "十三薪", "双薪", "若干名", "若干", "数名", "多名", "月薪", "年薪", "日薪", "时薪", "熟手",
)
_NOISE = re.compile("|".join(sorted(map(re.escape, _NOISE_WORDS), key=len, reverse=True)))
_RECRUITING_VERBS = ("招聘", "诚聘", "急聘", "直聘", "招募")
_LEADING_VERB = re.compile(r"^(?:招聘|诚聘|急聘|直聘|招募)(?!专员|主管|经理|助理|顾问|总监|官|师)(?=.{2})")
# "招司机", "聘炼钢工": a bare 招 or 聘 recruits too, unless it starts a word of its own (招商, 招生, 招标, 聘用...).
_LEADING_BARE_VERB = re.compile(r"^(?:招(?![商生标投聘募揽待])|聘(?![用任请期书]))(?=.{2})")
# How a seeker types the job they want at a kiosk: 想做仓管, 想找个看门的, 会开叉车, 在超市上班.
_WANTING = re.compile(r"^(?:我想|我要|想|希望|愿意)(?:找个|找|做|当|干|学|去|进|在|从事)?(?=.{2})")
_CAN_DO = re.compile(r"^(?:会|能|可以)(?=开|做|修|带|照顾|烧|炒|干|跑|看|送|搬|扫|洗|种|养|当|唱|跳|砌|刷|画|教|写|装|剪|拍)(?=.{2})")
_WORKING = re.compile(r"(?<=..)(?<!社会)(?<!社区)(?:上班|工作|的活儿?|的)$")
# A part that is only a place says where, not what: 福建 区域经理, 注册会计师 福州市.
_PROVINCES = (
    "北京", "上海", "天津", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
    "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门", "全国",
)
# Chongqing's districts and counties (profile.py scores places by them) and a district, town or
# industrial park named as such (晏家工业园, 长寿经开区), but a community (社区) or an estate (小区).
CHONGQING_DISTRICTS = (
    "渝中", "江北", "南岸", "九龙坡", "沙坪坝", "大渡口", "渝北", "巴南", "北碚", "两江新区",
    "璧山", "江津", "合川", "永川", "长寿", "涪陵", "綦江", "大足", "铜梁", "潼南", "荣昌", "南川",
    "万州", "黔江", "开州", "梁平", "武隆", "城口", "丰都", "垫江", "忠县", "云阳", "奉节", "巫山",
    "巫溪", "石柱", "秀山", "酉阳", "彭水", "西部科学城", "高新区", "经开区",
)
_PLACE_PART = re.compile(
    rf"(?:(?<= )|^)(?:(?:{'|'.join(_PROVINCES)})(?:省|市|自治区)?|[\u4e00-\u9fff]{{2,3}}[省市县]"
    rf"|(?:{'|'.join(CHONGQING_DISTRICTS)})[区县]?|(?!社区|小区)[\u4e00-\u9fff]{{2,4}}(?:区|镇|街道)"
    rf"|[\u4e00-\u9fff]{{2,6}}(?:工业园区?|产业园|工业区|园区|开发区|经开区|高新区))(?= |$)"
)
# "重庆某某化工有限公司包装工": a company's registered name says who hires, not for what.
_COMPANY = re.compile(r"^.*?有限(?:责任)?公司(?=.{2})")
# A level of seniority is no occupation (初级装配工 was 初级中学教师), but a school's: 高级中学教师.
_SENIORITY = re.compile(r"^(?:初级|中级|高级|资深|熟练)(?!中学)(?=.{2})|^(?:senior|junior|sr\.?|jr\.?) (?=[a-z]{2})")
# The English of ads around a title: "Urgent hiring: welder x3 (night shift)".
_LATIN_NOISE = re.compile(
    r"\b(?:(?:we are|we're|now) hiring|hiring|urgent(?:ly)?|wanted|needed|experienced|vacanc(?:y|ies)|positions?"
    r"|(?:full|part)[ -]time|(?:night|day) shifts?|x\d+|chongqing|changshou)\b"
)
# "焊工岗位": the word for post says nothing more.
_POST_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:岗位|职位)(?= |$)")
_SEPARATORS = re.compile(r"[+＋/|｜丨、,，;；:：!！~～·•*#＃&＆\-—_=\s]+")


def _strip_brackets(text):
    text = _FIELD_IN_BRACKETS.sub(r"\2\1", text)  # as the field is said before the title: 机械研发工程师
    previous = None
    while previous != text:
        previous, text = text, _BRACKETS.sub(" ", text)
    return _UNCLOSED_BRACKET.sub(" ", text)


def clean_title(title):
    """Strip salary, perk, bracket and company-name noise from a job-ad title.

    Returns the folded remainder with parts separated by single spaces; the
    result is a fixed point (cleaning it again changes nothing).

    Examples
    --------
    >>> clean_title("普工+包吃包住+综合薪资5-6k+汽车厂")
    '普工 汽车厂'
    >>> clean_title("明安保安招聘保安")
    '保安'
    """
    text = fold(title)
    # Removing one kind of noise can expose another ("c0~k" -> "c0 k"): clean to a fixed point.
    while True:
        cleaned = _clean_once(text)
        if cleaned == text:
            return cleaned
        text = cleaned


def _clean_once(text):
    if not text:
        return ""
    text = _strip_brackets(text)
    # "<company>招聘<title>": the title is what follows the recruiting verb;
    # a bare "招聘专员" is a title of its own (recruiting specialist).
    for verb in _RECRUITING_VERBS:
        head, sep, tail = text.rpartition(verb)
        if sep and head and len(tail.strip(" +/|-")) >= 2 and not _SEPARATORS.fullmatch(head[-1:]):
            text = tail
            break
    text = _COMPANY.sub("", text)
    text = _LEADING_VERB.sub("", text)
    text = _SENIORITY.sub("", text)
    text = _LEADING_BARE_VERB.sub("", text)
    text = _CAN_DO.sub("", _WANTING.sub("", text))
    text = _WORKING.sub("", text)
    text = _SALARY.sub(" ", text)
    text = _HEADCOUNT.sub(" ", text)
    text = _NOISE.sub(" ", text)
    text = _BARE_NUMBER.sub(" ", text)
    text = _POST_SUFFIX.sub(" ", text)
    text = _LATIN_NOISE.sub(" ", text)
    text = _SPACES.sub(" ", _SEPARATORS.sub(" ", text)).strip()
    # A place goes only when something else is left.
    rest = _SPACES.sub(" ", _PLACE_PART.sub(" ", text)).strip()
    return rest or text


_HAN = re.compile(r"[\u3400-\u9fff]")


def has_han(text):
    """Whether ``text`` holds a Chinese character (else it is in Latin script, digits or symbols).

    Examples
    --------
    >>> has_han("java开发"), has_han("Forklift driver")
    (True, False)
    """
    return _HAN.search(text) is not None


_LATIN_WORD = re.compile(r"[a-z0-9+#]+")


def latin_words(folded):
    """Whole Latin words of folded text, plural ``s`` dropped.

    Examples
    --------
    >>> sorted(latin_words("forklift drivers"))
    ['driver', 'forklift']
    """
    return {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in _LATIN_WORD.findall(folded)}


def char_ngrams(text, ngram_range=(1, 2)):
    """Character n-grams of folded text; spaces are kept out of the grams.

    Latin words contribute whole-word grams as well so that "java" and
    "python" do not only match through their letters.

    Examples
    --------
    >>> char_ngrams("叉车司机", (2, 2))
    ['叉车', '车司', '司机']
    """
    low, high = ngram_range
    grams = []
    for chunk in fold(text).split(" "):
        length = len(chunk)
        for size in range(low, high + 1):
            grams.extend(chunk[start:start + size] for start in range(length - size + 1))
        if chunk.isascii() and length > high:
            grams.append(chunk)
    return grams


_RUNS = re.compile(r"[a-z0-9][a-z0-9+#.]*|[\u3400-\u9fff]+")


def text_features(text):
    """Features of free text for the text factor: Chinese character bigrams, Latin words.

    A lone Chinese character counts as itself; digits and punctuation split runs.

    Examples
    --------
    >>> text_features("熟悉Python3，会开叉车")
    ['熟悉', 'python3', '会开', '开叉', '叉车']
    """
    features = []
    for run in _RUNS.findall(fold(text)):
        if run[0] <= "z":
            if len(run) > 1:
                features.append(run)
        elif len(run) == 1:
            features.append(run)
        else:
            features.extend(run[start:start + 2] for start in range(len(run) - 1))
    return features


_JIEBA = None


def _jieba():
    """Import and initialise jieba once, quietly (it logs to stderr)."""
    global _JIEBA
    if _JIEBA is None:
        import logging
        import warnings

        with warnings.catch_warnings():
            # jieba 0.42 imports pkg_resources, deprecated in recent setuptools.
            warnings.simplefilter("ignore")
            import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _JIEBA = jieba
    return _JIEBA


def tokenize(text):
    """Word tokens of folded text: jieba for Chinese, whole words for Latin script.

    Examples
    --------
    >>> tokenize("熟练使用Python开发")
    ['熟练', '使用', 'python', '开发']
    """
    text = fold(text)
    if not text:
        return []
    return [token for token in _jieba().lcut(text) if token.strip() and not _SEPARATORS.fullmatch(token)]


def word_ends(text):
    """Offsets in ``text`` where a word of jieba's dictionary ends (its guesses at unknown words left out:
    they glue a word to the next character, 钢筋|工和|木工).

    Examples
    --------
    >>> sorted(word_ends("做过钢筋工和木工"))
    [1, 2, 4, 5, 6, 8]
    """
    return {end for _, _, end in _jieba().tokenize(text, HMM=False)}


def is_a_word(text):
    """Whether ``text`` is a word of jieba's dictionary.

    Examples
    --------
    >>> is_a_word("装配"), is_a_word("配工")
    (True, False)
    """
    return bool(_jieba().dt.FREQ.get(text))


_AROUND = 4  # characters on each side of a name that decide where the words around it start and end


def on_a_word_boundary(text, start, end):
    """Whether ``text[start:end]`` starts or ends where a word of jieba's dictionary does (:func:`word_ends`):
    木工 does in 会木工 and 做过木工活, 会计 in 从事会计工作, but neither 木工 in 土木工程 nor 电工 in 机电工程.

    Only where a dictionary word spans both offsets can neither be a boundary, so only then are the
    characters around the name segmented (a whole resume costs several times more).

    Examples
    --------
    >>> on_a_word_boundary("会木工", 1, 3), on_a_word_boundary("从事会计工作", 2, 4), on_a_word_boundary("土木工程", 1, 3)
    (True, True, False)
    """
    words = _jieba().dt.FREQ  # every word with its count, and each word's prefixes with 0
    left, right = max(0, start - _AROUND), min(len(text), end + _AROUND)

    def spanned(offset):
        for first in range(left, offset):
            for last in range(first + 1, right + 1):
                count = words.get(text[first:last])
                if count is None:
                    break  # no word starts so
                if count and last > offset:
                    return True
        return False

    if not spanned(start) or not spanned(end):
        return True
    ends = _word_ends_of(text[left:right]) | {0}
    return start - left in ends or end - left in ends


@lru_cache(maxsize=65536)
def _word_ends_of(window):
    return frozenset(word_ends(window))


def longest_first(words):
    """A regex matching any of ``words``, the longest where several start at the same place.

    Written as a trie (``叉车(?:操作证|证)``), so each position costs a walk down
    shared prefixes instead of one try per word: 2.7 times faster on resumes
    than the alternation of all the skills' names, longest first, with the same matches.
    """
    trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node):
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy: the longer words through this node are tried before the one ending at it.
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)
