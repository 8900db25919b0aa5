#!/usr/bin/env python3
"""Write the stem fixtures of nltk's Arabic stemmer, as multilingual-rouge 0.0.1 uses it:

    NLTK_DATA=/tmp/mrvenv/nltk_data /tmp/mrvenv/bin/python scripts/multilingual/stem_fixture_ar.py \
        [--out tests/fixtures/multilingual]

writes there one `word<TAB>stem` line per word (UTF-8, `\\n` line ends, the words in the order
generated):

* `stems-ar.tsv`: `ArabicStemmer().stem(word)`, a new stemmer object for each word, no stop
  words (`src/text/lang_stem/arabic.rs`, `stem`);
* `stems-ar-mrouge.tsv`: one `SnowballStemmer("arabic", ignore_stopwords=True)` stemming the
  words in order, as multilingual-rouge's `MultiStemmer` does (`arabic::Stemmer` with NLTK's
  Arabic stop words). nltk's `stem` never resets its flag `suffixes_verb_step1_success`, so
  the object's answers depend on the words before: the sequence starts with a few words whose
  stem changes once the flag is set, before and after the first word that sets it (so they
  appear twice), then the other words of `stems-ar.tsv` in its order.

The venv is the one `scripts/multilingual/oracle.py` sets up (nltk 3.10.4); NLTK_DATA must hold
NLTK's `corpora/stopwords/arabic` (the oracle puts the lists in /tmp/mrvenv/nltk_data).

The words are generated (seeded, so the files are reproducible): forms built from a few hundred
nouns and verbs with the stemmer's prefixes and suffixes (conjunctions و ف, prepositions ب ك
ل, the article, the future س, imperfect prefixes, pronoun suffixes, plural and dual endings),
every prefix of the stemmer's tables with every suffix of them on a three-letter stem and now
and then on a shorter or longer one (its length thresholds), NLTK's stop words bare, with diacritics and with prefixes, the words of the
dataset's Arabic pair, and edge cases: diacritics (tashkeel), tatweel, every hamza form, the
marks nltk removes (، ؛ ؟ and U+0610..U+061A, `-`), alef maqsura, short and empty words,
Persian and Urdu letters, Latin, digits (ASCII, Arabic-Indic, Persian) and mixed strings.
"""

import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

NOUNS = """
كتاب مدرسة معلم طالب بيت سيارة حكومة وزير رئيس مدينة قرية دولة شعب جيش حرب سلام خبر
تلفزيون هاتف حاسوب مشكلة حل سؤال جواب فكرة حب خوف أمل حياة موت صحة مرض دواء علاج اقتصاد
سعر سوق دولار نفط غاز كهرباء بلدية مكتبة عضو مركز تكلفة مليون يورو ثلاثاء مجلس أعمال تجديد
شركة عمل عامل مهندس طبيب مستشفى جامعة كلية درس قلم ورقة باب نافذة شارع طريق بحر نهر جبل
شمس قمر نجم سماء أرض ماء هواء نار شجرة زهرة حديقة مطار طائرة قطار سفينة مسجد كنيسة صلاة
رجل امرأة ولد بنت أب أم أخ أخت صديق جار عائلة زوج زوجة طفل أطفال ناس إنسان قلب عين يد
رأس وجه لغة كلمة جملة قصة شعر أغنية موسيقى فيلم صورة لون أسبوع شهر سنة يوم ليلة صباح مساء
ساعة دقيقة وقت تاريخ مستقبل ماضي رياضة كرة فريق مباراة لاعب ملعب فوز هزيمة نتيجة قانون
محكمة قاضي شرطة أمن حدود هجرة لاجئ سكان مجتمع ثقافة فن مسرح سينما مؤلف كاتب رواية
مسؤول مؤتمر رئيسة بيئة شيء شاطئ مبادئ هدوء جزء ضوء سوء عبء نبأ ملجأ مبدأ خطأ مرفأ
منشأة مسألة مرآة مكافأة أسئلة رؤية رؤساء فئة هيئة سائق قائد مائدة جائزة إسلام إعلام إنتاج
آخر آلة آثار آمال قرآن مآذن استقلال استخدام استثمار انتخابات اجتماع اتفاق مفاوضات معلومات
جامعات مدرسون مهندسين مسلمون معلمات طالبات سيارات ساعات حيوان حيوانات ولايات متحدة عربية
مصر سوريا لبنان العراق الأردن المغرب تونس الجزائر ليبيا السودان فلسطين القدس بغداد دمشق
القاهرة الرياض فرنسا ألمانيا أمريكا روسيا الصين مصري سوري عربي دولي وطني اقتصادي سياسي
علمي تاريخي إسلامي عالمي مستشفيات مصطفى موسى عيسى ليلى هدى كبرى صغرى أخرى دعوى فتوى مستوى
معنى مبنى ملهى منتدى مرعى ذكرى
""".split()

# past-tense stems (third person masculine singular)
VERBS = """
كتب ذهب درس عمل قال كان أكل أخذ سأل قرأ جاء رأى بدأ استخدم استطاع تكلم تعلم انطلق اجتمع
وافق جدد كلف أعلن أكد أضاف أوضح شارك قدم حضر سافر رجع خرج دخل فتح أغلق لعب شرب نام قام
جلس وقف سمع فهم علم عرف ظن وجد ترك حمل بنى صنع زرع حصد باع اشترى دفع أرسل وصل انتظر
استقبل استمر انتهى اختار احتاج ساعد حاول نجح فشل فاز خسر قرر رفض قبل طلب سجل نشر
""".split()

VERB_IMPERFECT = """
يكتب يذهب يدرس يعمل يقول يكون يأكل يأخذ يسأل يقرأ يجيء يرى يبدأ يستخدم يستطيع يتكلم يتعلم
ينطلق يجتمع يوافق يجدد يكلف يعلن يؤكد يضيف يوضح يشارك يقدم يحضر يسافر يرجع يخرج يدخل يفتح
يغلق يلعب يشرب ينام يقوم يجلس يقف يسمع يفهم يعلم يعرف يظن يجد يترك يحمل يبني يصنع يستقبل
يستمر ينتهي يختار يحتاج يساعد يحاول ينجح يفشل يفوز يخسر يقرر يرفض يقبل يطلب يسجل ينشر
""".split()

TEXT = """
وافق المجلس البلدي يوم الثلاثاء على تجديد المكتبة. ستكلف الأعمال 2.5 مليون يورو.
وافق أعضاء المجلس البلدي يوم الثلاثاء على تجديد المكتبة المركزية. تقدر تكلفة الأعمال بـ2.5
مليون يورو. وقال رئيس البلدية إنّ المشروع سيبدأ في الربيع المقبل، وأضاف أنَّ المكتبةَ
ستُغلقُ أبوابَها ستّةَ أشهرٍ. فَلَمّا رَأَوْهُمْ قالوا: سَنَكْتُبُها لَكُمْ بِأَيْدينا. والمعلمون
والمعلمات يدرسون أولادهم في المدارس الحكومية. أفأنتم تستطيعون؟ استخدموها بحكمة، وسيستخدمونها
غداً. ولِلْمدينةِ تاريخٌ طويل. بالكتابِ وكالبحرِ وللطلاب فالمدرسة. اللغة العربيّة جميلة جداً.
ســـلام عليـــكم. هؤلاء الرؤساء اجتمعوا في القاهرة ومكة والرياض وبيروت.
"""

# the stemmer's tables (nltk 3.10.4), for the systematic part
PREFIXES = ["", "أ", "أأ", "أآ", "أؤ", "أا", "أإ", "فال", "وال", "ف", "و", "فا", "وا", "ال", "لل",
            "كال", "بال", "ب", "ك", "ل", "بب", "كك", "سي", "ست", "سن", "سأ", "يست", "نست", "تست",
            "آ", "إ", "ي", "ت", "ن", "س", "وس", "فس", "ولل", "وب", "فب", "وك"]
SUFFIXES = ["", "ه", "ك", "ني", "نا", "ها", "هم", "هن", "كم", "كن", "هما", "كما", "كمو", "ت", "ا",
            "ن", "ي", "تا", "تن", "ان", "ون", "ين", "تما", "وا", "تم", "و", "تمو", "ى", "ة", "ات",
            "تان", "تين", "يه", "ته", "اته", "وه", "تموه", "أ", "إ", "آ", "ؤ", "ئ", "ء"]
SHORT_STEMS = ["م", "در", "علمت", "مستقب"]

NOUN_PREFIXES = ["", "", "", "ال", "ال", "و", "ف", "وال", "فال", "ب", "ك", "ل", "بال", "كال", "لل",
                 "وب", "وبال", "ول", "ولل", "فب", "فل", "وك", "أ", "أب", "أفب"]
NOUN_SUFFIXES = ["", "", "", "ة", "ات", "ون", "ين", "ان", "تان", "تين", "ي", "ه", "ها", "هم", "هن",
                 "كم", "كما", "هما", "نا", "ك", "ية", "يات", "يون", "يين", "اء", "ى"]
PRONOUNS = ["", "", "", "ه", "ها", "هم", "هن", "هما", "كم", "كما", "كن", "ك", "ي", "نا", "ني"]
VERB_PREFIXES = ["", "", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل", "أ", "أف", "أو"]
IMPERFECT = ["ي", "ت", "ن", "أ"]
PAST_ENDINGS = ["", "ت", "تا", "تما", "تم", "تن", "نا", "وا", "ا", "ن", "تمو"]
PRESENT_ENDINGS = ["", "ون", "ين", "ان", "وا", "ن", "ا", "ي", "و"]

TASHKEEL = [chr(c) for c in range(0x64B, 0x653)]
MARKS = ["\u060c", "\u061b", "\u061f", "-", "\u0610", "\u0615", "\u061a", "\u060d", "\u0653",
         "\u0654", "\u0655", "\u0670", "\u06d6", "\u066a", "\u066b", "\u066c", "\u066d"]
LETTERS = [chr(c) for c in range(0x621, 0x63B)] + [chr(c) for c in range(0x641, 0x64B)]
HAMZAT = ["أ", "إ", "آ", "ؤ", "ئ", "ء"]

EDGE = ["", "ا", "ب", "أ", "إ", "آ", "ؤ", "ئ", "ء", "ى", "ة", "ـ", "َ", "ّ", "أأ", "آآ", "ال", "لل",
        "كال", "بال", "فال", "وال", "الا", "الة", "ات", "تات", "ها", "هما", "كمو", "تمو", "ستت",
        "يست", "است", "سأل", "سأ", "سأكتب", "سنكتب", "ستكتب", "سيكتب", "يستخدم", "نستخدم",
        "تستخدم", "يستخدمون", "سيستخدمونها", "أأكل", "أآمن", "أؤمن", "أاكل", "أإنك", "ككتاب",
        "كك", "ككت", "ككتب", "ببيت", "ببت", "بب", "بيت", "ولد", "فاز", "وادي", "فاكهة", "والد",
        "فالح", "الا", "الأ", "إلى", "على", "مستشفى", "موسيقى", "ابتدى", "مبنى", "كتابي",
        "كتابى", "ملء", "شيء", "شيئ", "شيأ", "جزأ", "جزؤ", "جزئ", "جزإ", "جزآ", "مبدأ", "لؤلؤ",
        "سئل", "يئس", "بئر", "رئيس", "مسؤول", "مسئول", "سؤال", "مؤمن", "تأثير", "هيئة", "إنشاء",
        "أإ", "ءا", "ءءء", "ـــ", "كـتـاب", "كتـــاب", "الـمـدرسـة", "كِتَابٌ", "الْكِتَابُ", "مَدْرَسَةٌ",
        "مدرسةٌ", "اَلكتاب", "الكتاب-", "-الكتاب", "ال-كتاب", "كتاب،", "كتاب؛", "كتاب؟", "؟؟؟؟",
        "،،،", "كتاب!", "كتاب.", "كتاب٬", "كتاب٫", "كتاب٪", "كتاب٭", "كتابٰ", "كتاب\u0653",
        "ك\u0654تاب", "قرآن", "قرءان", "مرآة", "هٰذا", "الرحمٰن", "ﷲ", "ﻻ", "ﺍﻟﻜﺘﺎﺏ", "لا", "لأ",
        "پنجره", "چای", "ژاله", "گل", "کتاب", "کتابی", "یک", "ی", "ک", "کتابها", "ہے", "ٹیلی",
        "ڈاک", "ں", "ۓ", "ے", "abc", "ABC", "Arabic", "al-kitab", "كتابbook", "bookكتاب", "123",
        "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "٢٠٢٣", "2.5", "بـ2.5", "كتاب123", "١٢٣كتاب", "ك1ت2ب",
        "🙂", "كتاب🙂", "كتاب\u200c", "كت\u200dاب", "\u200f", "كتاب\u200f", "\u202bكتاب",
        "ΑΒΓ", "книга", "书", "ক", "ह", "كتاب كتاب", "\u00a0", " ", "x", "xy", "xyz", "wxyz",
        "والكتابات", "بالمدرستين", "فسيكفيكهم", "أنلزمكموها", "وكتبتموها", "فأسقيناكموه",
        "ليستخرجوا", "المستشفيات", "الاستقلال", "استقلالهم", "بالاستثمارات", "للمعلمين",
        "لللغة", "وللمدرسة", "كالمعلمات", "وبالتالي", "فالكتاب", "والمكتبة", "فمدرستهم", "مكتبتها",
        "كتبوها", "كتبتها", "كتبتماها", "يكتبونها", "تكتبين", "يكتبان", "نكتب", "أكتب", "اكتبوا",
        "كتبن", "يكتبن", "كتبنا", "كتبناها", "معلموكم", "معلمو", "معلمي", "مسلمي", "مسلماتهم"]

# the sequence's first words: stems that change once nltk's sticky flag is set, then the first
# word that sets it (كتابه: a verb pronoun suffix), then the same words again
STATE_WORDS = ["كتبوا", "كتبتم", "يكتبو", "درستم", "فهموا", "المعلمون", "كتابه", "كتبوا", "كتبتم",
               "يكتبو", "درستم", "فهموا", "المعلمون"]


def arabic_pair_texts():
    path = os.path.join(ROOT, "datasets", "multilingual", "pairs.jsonl")
    texts = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            if d["lang"] == "ar":
                texts += [d["candidate"]] + d["references"]
    return texts


def sprinkle(w, rng, chars, p):
    """`w` with a character of `chars` after each letter with probability `p`."""
    out = []
    for c in w:
        out.append(c)
        if rng.random() < p:
            out.append(rng.choice(chars))
    return "".join(out)


def words(n_generated, stop_words, seed=16):
    rng = random.Random(seed)
    seen = {}

    def add(w):
        if "\t" not in w and "\n" not in w and "\r" not in w:
            seen.setdefault(w, None)

    for w in EDGE:
        add(w)
    for w in NOUNS + VERBS + VERB_IMPERFECT:
        add(w)
    for text in [TEXT] + arabic_pair_texts():
        for raw in text.split():
            add(raw)
            add(raw.strip(".,،؛؟:!\"«»()"))
    # NLTK's stop words: as listed, bare, with tatweel, with diacritics, with a prefix
    bare_of = lambda w: "".join(c for c in w if not ("\u064b" <= c <= "\u0652" or c == "\u0640"))
    for w in stop_words:
        add(w)
        add(bare_of(w))
        r = rng.random()
        if r < 0.2:
            add(sprinkle(w, rng, TASHKEEL, 0.5))
        elif r < 0.3:
            add(w[:1] + "\u0640" + w[1:])
        elif r < 0.45:
            add(rng.choice(["و", "ف", "ال", "ب"]) + w)
    # every table prefix on every table suffix on a three-letter stem, on the others now and then
    for p in PREFIXES:
        for s in SUFFIXES:
            add(p + "كتب" + s)
            if rng.random() < 0.4:
                add(p + rng.choice(SHORT_STEMS) + s)
    # short combinations of a few letters
    few = ["ا", "ل", "ب", "ك", "ت", "ي", "ن", "ه", "و", "أ", "ة", "ى", "س", "ف", "م"]
    for a in few:
        for b in few:
            add(a + b)
            add(a + b + rng.choice(few))
    count = 0
    while count < n_generated:
        r = rng.random()
        if r < 0.4:
            w = rng.choice(NOUN_PREFIXES) + rng.choice(NOUNS) + rng.choice(NOUN_SUFFIXES)
            if rng.random() < 0.3:
                w += rng.choice(PRONOUNS)
        elif r < 0.6:
            w = rng.choice(VERB_PREFIXES) + rng.choice(VERBS) + rng.choice(PAST_ENDINGS)
            w += rng.choice(PRONOUNS)
        elif r < 0.8:
            v = rng.choice(VERB_IMPERFECT)
            if rng.random() < 0.5:
                v = rng.choice(IMPERFECT) + v[1:]
            w = rng.choice(VERB_PREFIXES) + v + rng.choice(PRESENT_ENDINGS) + rng.choice(PRONOUNS)
        elif r < 0.88:
            # random chains of the tables' pieces
            w = "".join(rng.choice(PREFIXES) for _ in range(rng.randint(0, 2)))
            w += rng.choice(SHORT_STEMS + NOUNS[:40])
            w += "".join(rng.choice(SUFFIXES) for _ in range(rng.randint(0, 3)))
        else:
            w = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 8)))
        r = rng.random()
        if r < 0.12:
            w = sprinkle(w, rng, TASHKEEL, 0.4)
        elif r < 0.16:
            w = sprinkle(w, rng, ["\u0640"], 0.3)
        elif r < 0.22:
            w = "".join(rng.choice(HAMZAT) if c in "اأإآ" and rng.random() < 0.7 else c for c in w)
        elif r < 0.25:
            i = rng.randrange(len(w) + 1)
            w = w[:i] + rng.choice(MARKS) + w[i:]
        elif r < 0.27:
            i = rng.randrange(len(w) + 1)
            w = w[:i] + rng.choice(["1", "٣", "۵", "a", "Z", "\u200c", " ", "ک", "ی"]) + w[i:]
        if w not in seen:
            count += 1
        add(w)
    # the state words first (their order matters), each once
    rest = [w for w in seen if w not in STATE_WORDS]
    return list(dict.fromkeys(STATE_WORDS)), rest


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "multilingual"))
    ap.add_argument("--n", type=int, default=2000, help="generated words")
    a = ap.parse_args()

    import nltk
    from nltk.corpus import stopwords
    from nltk.stem.snowball import ArabicStemmer, SnowballStemmer

    if nltk.__version__ != "3.10.4":
        sys.exit(f"nltk {nltk.__version__}, not 3.10.4")
    stop = stopwords.words("arabic")
    head, rest = words(a.n, stop)
    # the head's words appear twice in the sequence (before and after the flag is set), in
    # the files once each: stems-ar.tsv has them once; stems-ar-mrouge.tsv keeps the sequence
    seq = STATE_WORDS + rest
    fresh = [(w, ArabicStemmer().stem(w)) for w in head + rest]
    mr = SnowballStemmer("arabic", ignore_stopwords=True)
    assert not getattr(mr.stemmer, "suffixes_verb_step1_success")
    sticky = [(w, mr.stem(w)) for w in seq]

    os.makedirs(a.out, exist_ok=True)
    for name, pairs in (("stems-ar.tsv", fresh), ("stems-ar-mrouge.tsv", sticky)):
        path = os.path.join(a.out, name)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for w, s in pairs:
                assert "\t" not in w + s and "\n" not in w + s, (w, s)
                f.write(f"{w}\t{s}\n")
        changed = sum(w != s for w, s in pairs)
        print(f"{len(pairs)} words ({changed} stemmed) -> {path}", file=sys.stderr)
    differ = sum(f != s for (_, f), (_, s) in zip(fresh[len(head):], sticky[len(STATE_WORDS):]))
    print(f"{differ} of {len(rest)} words stem differently once the flag is set or as stop words",
          file=sys.stderr)


if __name__ == "__main__":
    main()
