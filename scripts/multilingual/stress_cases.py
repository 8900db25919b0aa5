#!/usr/bin/env python3
"""Write the multilingual stress cases (issue 16): pairs in Chinese, Japanese, Thai and
Burmese built from sentences written for sumbench (no third-party text); pairs in every other
language of datasets/multilingual/pairs.jsonl recombined from that file's own sentences; all
combined with a fixed seed into one- and several-line candidates and references; plus random
strings of Burmese letters and signs that exercise every rule of multilingual-rouge's
syllable breaker.

    python3 scripts/multilingual/stress_cases.py > tests/fixtures/multilingual/stress.jsonl
    python3 scripts/multilingual/oracle.py tests/fixtures/multilingual/stress.jsonl \\
        --out tests/fixtures/multilingual/stress.mrouge.jsonl
"""

import json
import random

SENTENCES = {
    "zh": [
        "市议会周二批准了中央图书馆的翻修工程。",
        "工程预计耗资250万欧元，为期两年。",
        "市长表示，新馆将于2027年春天重新开放。",
        "反对派议员认为这笔钱应该用于修路和学校。",
        "图书馆每年接待约40万名读者，其中一半是学生。",
        "施工期间，部分藏书将暂时转移到城东的仓库。",
        "据当地媒体报道，设计方案由一家柏林公司提供。",
        "“我们必须为下一代保留公共空间，”馆长说。",
        "去年的调查显示，68%的居民支持这一计划。",
        "新馆将增加儿童阅读区、咖啡厅和300个座位。",
        "环保组织希望屋顶安装太阳能电池板。",
        "议会将在下个月公布招标结果。",
    ],
    "ja": [
        "市議会は火曜日、中央図書館の改修計画を承認した。",
        "工事費は約250万ユーロで、期間は2年の見込みだ。",
        "市長は新しい図書館が2027年の春に再開すると述べた。",
        "野党の議員は、その予算を道路や学校に使うべきだと主張している。",
        "図書館には毎年およそ40万人が訪れ、その半数は学生だという。",
        "工事中、蔵書の一部は市の東にある倉庫へ一時的に移される。",
        "地元紙によると、設計はベルリンの会社が担当する。",
        "「次の世代のために公共の場を守らなければならない」と館長は話した。",
        "昨年の調査では、住民の68%が計画に賛成した。",
        "新館には子ども向けの読書コーナーやカフェ、300席が設けられる。",
    ],
    "th": [
        "สภาเทศบาลอนุมัติการปรับปรุงห้องสมุดกลางเมื่อวันอังคาร",
        "ค่าใช้จ่ายของงานประมาณ 2.5 ล้านยูโร และจะใช้เวลาสองปี",
        "นายกเทศมนตรีกล่าวว่าห้องสมุดใหม่จะเปิดอีกครั้งในฤดูใบไม้ผลิปี 2027",
        "สมาชิกสภาฝ่ายค้านเห็นว่าควรนำเงินไปซ่อมถนนและโรงเรียน",
        "ห้องสมุดมีผู้อ่านประมาณ 400,000 คนต่อปี ครึ่งหนึ่งเป็นนักเรียน",
        "ระหว่างการก่อสร้าง หนังสือบางส่วนจะถูกย้ายไปเก็บที่โกดังทางตะวันออกของเมือง",
        "ตามรายงานของสื่อท้องถิ่น บริษัทจากเบอร์ลินเป็นผู้ออกแบบ",
        "“เราต้องรักษาพื้นที่สาธารณะไว้ให้คนรุ่นต่อไป” ผู้อำนวยการห้องสมุดกล่าว",
        "ผลสำรวจเมื่อปีที่แล้วพบว่าประชาชน 68% สนับสนุนโครงการนี้",
        "อาคารใหม่จะมีมุมอ่านหนังสือสำหรับเด็ก ร้านกาแฟ และที่นั่ง 300 ที่",
    ],
    "my": [
        "မြို့တော်ကောင်စီသည် အင်္ဂါနေ့တွင် ဗဟိုစာကြည့်တိုက် ပြုပြင်ရေးကို အတည်ပြုခဲ့သည်။",
        "ကုန်ကျစရိတ်မှာ ယူရို ၂.၅ သန်းခန့် ရှိပြီး နှစ်နှစ်ကြာမည်။",
        "မြို့တော်ဝန်က စာကြည့်တိုက်အသစ်ကို ၂၀၂၇ ခုနှစ် နွေဦးတွင် ပြန်ဖွင့်မည်ဟု ပြောသည်။",
        "အတိုက်အခံ ကောင်စီဝင်များက ထိုငွေကို လမ်းနှင့် ကျောင်းများအတွက် သုံးသင့်သည်ဟု ဆိုသည်။",
        "စာကြည့်တိုက်သို့ တစ်နှစ်လျှင် လူ ၄၀၀,၀၀၀ ခန့် လာရောက်ကြသည်။",
        "ဆောက်လုပ်ရေးကာလအတွင်း စာအုပ်အချို့ကို မြို့အရှေ့ဘက်ရှိ ဂိုဒေါင်သို့ ရွှေ့ထားမည်။",
        "“နောက်မျိုးဆက်အတွက် အများပိုင်နေရာကို ထိန်းသိမ်းရမည်” ဟု တိုက်မှူးက ပြောသည်။",
        "မြန်မာနိုင်ငံ ရန်ကုန်မြို့ ဗိုလ်ချုပ်လမ်း",
    ],
}

# Burmese letters, signs and marks for the random strings (consonants, vowel signs, medials,
# asat, dot below, virama, digits, independent vowels, the zero-width non-joiner, a space)
BURMESE = ("ကခဂငစဆဇညတထဒနပဖဗမယရလဝသဟအ" "ါာိီုူေဲံ့း" "ျြွှ" "်" "္" "၀၁၂" "ဣဥဦ"
           "\u200c" " ")


def dataset_sentences():
    """The sentences of datasets/multilingual/pairs.jsonl per language, for the languages
    written with spaces (split after . ! ? and the Devanagari danda)."""
    import os
    import re
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets",
                        "multilingual", "pairs.jsonl")
    out = {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if d["lang"] in SENTENCES:
            continue
        for text in [d["candidate"], *d["references"]]:
            for sent in re.split(r"(?<=[.!?\u0964])\s+", text.strip()):
                if sent and sent not in out.setdefault(d["lang"], []):
                    out[d["lang"]].append(sent)
    return out


def main():
    rng = random.Random(16)
    out = []
    for lang, sents in dataset_sentences().items():
        for i in range(8):
            def text():
                picked = [rng.choice(sents) for _ in range(rng.randint(1, 3))]
                return rng.choice(["\n", " "]).join(picked)
            out.append({"id": f"{lang}-mix-{i + 1}", "lang": lang, "candidate": text(),
                        "references": [text() for _ in range(rng.randint(1, 2))]})
    for lang, sents in SENTENCES.items():
        for i in range(12):
            def text(k):
                picked = rng.sample(sents, k)
                sep = rng.choice(["\n", "", " "])
                return sep.join(picked)
            cand = text(rng.randint(1, 3))
            refs = [text(rng.randint(1, 4)) for _ in range(rng.randint(1, 2))]
            out.append({"id": f"{lang}-seg-{i + 1}", "lang": lang, "candidate": cand, "references": refs})
    for i in range(40):
        def rand_text():
            return "".join(rng.choice(BURMESE) for _ in range(rng.randint(0, 40)))
        out.append({"id": f"my-rand-{i + 1}", "lang": "my", "candidate": rand_text(),
                    "references": [rand_text()]})
    for d in out:
        print(json.dumps(d, ensure_ascii=False))


if __name__ == "__main__":
    main()
