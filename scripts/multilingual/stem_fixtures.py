#!/usr/bin/env python3
"""Write the stem fixtures of multilingual-rouge's Turkish and Bengali stemmers (issue 16):

    /tmp/mrvenv/bin/python scripts/multilingual/stem_fixtures.py [--out tests/fixtures/multilingual]

writes `stems-tr.tsv` and `stems-bn.tsv` there, one `word<TAB>stem` line per word (UTF-8, `\\n`
line ends, words in the order generated, each once). `src/text/lang_stem/{turkish,bengali}.rs`
assert every line.

The venv is the one `scripts/multilingual/oracle.py` sets up (`python3 -m venv /tmp/mrvenv;
/tmp/mrvenv/bin/pip install multilingual-rouge==0.0.1 unidic-lite`): it brings the two
stemmers multilingual-rouge 0.0.1 uses,

* Turkish: `TurkishStemmer().stem(word)` of the PyPI package `TurkishStemmer` 1.3;
* Bengali: `RafiStemmer().stem_word(word)` of `multilingual_rouge.bengali_stemmer.parser`.

The Bengali stemmer reads its rules from a file `common.rules` beside `parser.py`, which the
PyPI package of multilingual-rouge does not ship (its RECORD lists only `__init__.py` and
`parser.py`, so stemming Bengali fails there with FileNotFoundError). The file is the one of
the stemmer's repository, github.com/abhik1505040/bengali-stemmer (MIT), at
`bengali_stemmer/rafikamal2014/common.rules` (commit 375186caee8e50e3260dd6bc02d20d50277f3e39,
the only version of the file there; sha256 5ce1e310...1a719591), kept byte for byte in
`data/bengali/common.rules`. This script hands that file to `RafiStemmer` (its constructor
takes a file object of rules: the same text its default path would read), so the venv is
not modified; `--rules` names another copy.

The words are generated (seeded, so the files are reproducible): word forms built from a few
hundred stems and each stemmer's suffixes (harmonic Turkish forms with the merging letters and
consonant softening, plus random suffix chains that break the rules), the words of the
dataset's pairs and of a few sentences written for this fixture, and edge cases: empty and
one-letter words, uppercase (both stemmers leave it as it is: TurkishStemmer stems only words
of lowercase Turkish letters; multilingual-rouge lowercases before stemming and stems only
tokens longer than three characters, but the fixture tests the stemmers on any word), digits,
punctuation, other scripts, combining marks, and for Bengali both spellings of য় (U+09DF and
U+09AF U+09BC), vowel signs alone and the rules' literal `.`.
"""

import argparse
import hashlib
import io
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RULES_SHA256 = "5ce1e31033d9376616bbdb3e32e2a5a7b11558c6f8f5a4106df9477f1a719591"

# ---------------------------------------------------------------------------------------------
# Turkish

TR_VOWELS = "aeıioöuü"
TR_FRONT = "eiöü"
TR_ROUND = "oöuü"
TR_VOICELESS = "çfhkpsşt"
TR_SOFTEN = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}

TR_NOUNS = """
ev okul kitap kalem masa araba çocuk kedi köpek ağaç kapı pencere göz yol gün yıl ay su deniz
dağ şehir köy ülke dünya insan kadın adam kız oğlan anne baba kardeş arkadaş öğretmen öğrenci
doktor hastane kale ekmek yemek çay kahve süt et balık tavuk meyve elma armut üzüm portakal
domates patates soğan sebze renk dergi mektup kağıt defter saat zaman hafta sabah akşam gece
yaz kış bahar hava rüzgar yağmur kar güneş yıldız bulut toprak taş demir altın para banka iş
işçi fabrika şirket devlet hükümet bakan başkan seçim parti meclis halk millet ordu asker savaş
barış haber televizyon radyo telefon bilgisayar internet program proje sorun çözüm soru cevap
fikir düşünce duygu sevgi aşk korku umut hayat ölüm sağlık hastalık ilaç tedavi ekonomi fiyat
piyasa dolar lira ihracat büyüme vergi bütçe yatırım üretim enerji petrol gaz elektrik kömür
belediye kütüphane üye merkez maliyet milyon avro salı pazartesi çarşamba perşembe cuma
cumartesi pazar ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
kitaplık gazete makine lamba perde tablet bilet sepet robot tenis servis kumanda yardım oyun
uzun yıldız zemin bilgi belge gemi numara odun soyad fırsat kağıt bisiklet diyet general
aparat kartuş talimat tanıt tabak kulak bıçak dudak yaprak çiçek yürek bardak sokak durak
ayak kaşık köpük tüfek örnek kepçe köprü göl ırmak orman bahçe tarla köşe sınıf okuma yazı
dil tarih coğrafya matematik müzik resim spor futbol takım maç gol kupa lig oyuncu hakem
seyirci stadyum kulüp başarı zafer yenilgi sonuç karar kanun hukuk mahkeme hakim avukat suç
ceza polis güvenlik sınır göç mülteci nüfus şehirli köylü ülkemiz toplum kültür sanat tiyatro
sinema film dizi kitapçı yazar şair roman hikaye masal şarkı türkü ses söz kelime cümle
""".split()

TR_VERBS = """
gel git yap et ol al ver gör bil iste söyle bak kal çık düşün başla bul oku yaz konuş çalış
sev anla otur kalk koş yürü uyu iç ye aç kapat bekle dinle izle sat öde kazan kaybet yaşa
öl doğ büyü artır azal düş yüksel onayla yenile tahmin açıkla belirt ilet hazırla seç
""".split()

TR_NOUN_SUFFIXES = ["lAr", "(U)m", "(U)mUz", "(U)n", "(U)nUz", "(s)U", "lArU", "(y)U", "nU",
                    "(n)Un", "(y)A", "nA", "DA", "nDA", "DAn", "nDAn", "(y)lA", "ki", "(n)cA"]
TR_VERB_SUFFIXES = ["(y)Um", "sUn", "(y)Uz", "sUnUz", "lAr", "m", "n", "k", "nUz", "DUr",
                    "cAsUnA", "(y)DU", "(y)sA", "(y)mUş", "(y)ken"]
TR_DERIV_SUFFIXES = ["lU", "lUk", "CU", "CUk", "lAş", "lA", "lAn", "CA", "sUz"]
TR_TENSES = ["Uyor", "DU", "mUş", "(y)AcAk", "Ur", "Ar", "mAlU", "sA", "mAk", "mA", "(y)Up",
             "(y)ArAk", "(y)An", "DUk", "(y)AcAğ", "mAz", "(U)l", "(U)n", "DUr"]

TR_TEXT = """
Belediye meclisi salı günü kütüphanenin yenilenmesini onayladı. Çalışmalar 2,5 milyon avroya
mal olacak. Salı günü belediye meclis üyeleri merkez kütüphanenin yenilenmesini onayladılar.
Çalışmaların maliyeti 2,5 milyon avro olarak tahmin ediliyor. Okuldakilerden biri bana
kitaplarımızı getirdi. Çocuklarımmış, dediler. Kalelerimizdekilerden haber gelmedi. Kitabımızdı
bu. Kedileriyle birlikte evlerine döndüler. Doktoruymuşsunuz, bilmiyordum. Çocuğuymuşumcasına
bana baktı. Ankara'da yaşayanlar İstanbul'a taşınıyor. Öğretmenlerimizin söylediklerini
unutmadık. Yarınki toplantıya katılacaklarını açıkladılar. Hükümetin ekonomi politikası
tartışılıyor. Seçimlerden sonra yeni bakanlar göreve başladı. Futbol takımımız dün akşamki
maçta iki gol attı. Kütüphanedeki kitapların çoğu eskimiş. Türkiye'nin ihracatı geçen yıl
yüzde on arttı. Gazetelerde yazılanlara inanmıyorum. Arabalarımızı garaja koyduk. Lityum
pillerin fiyatları düştü. Ağaçların yaprakları sararmış. Köpeğimin adı Karabaş. Bıçağı
masanın üstüne bıraktı. İnternetteki haberlere göre yağmur yarın da sürecekmiş.
"""


def tr_last_vowel(word):
    for c in reversed(word):
        if c in TR_VOWELS:
            return c
    return "e"


def tr_realize(stem, template, rng):
    """`stem` followed by the suffix `template` (A: a/e, U: ı/i/u/ü, D: d/t, C: c/ç, (x): a
    merging letter), in vowel harmony, softening a final p/ç/t/k before a vowel mostly."""
    body = template
    if template.startswith("("):
        opt, body = template[1], template[3:]
        ends_vowel = stem[-1:] in tuple(TR_VOWELS)
        if opt == "U":
            if not ends_vowel:
                body = "U" + body
        elif ends_vowel:
            body = opt + body
    out = stem
    if body and body[0] in "AUaeıioöuü" and out[-1:] in TR_SOFTEN and rng.random() < 0.8:
        if sum(c in TR_VOWELS for c in out) > 1 or rng.random() < 0.3:
            out = out[:-1] + TR_SOFTEN[out[-1]]
    for ch in body:
        lv = tr_last_vowel(out)
        if ch == "A":
            ch = "e" if lv in TR_FRONT else "a"
        elif ch == "U":
            ch = ("ü" if lv in TR_ROUND else "i") if lv in TR_FRONT else ("u" if lv in TR_ROUND else "ı")
        elif ch == "D":
            ch = "t" if out[-1:] in tuple(TR_VOICELESS) else "d"
        elif ch == "C":
            ch = "ç" if out[-1:] in tuple(TR_VOICELESS) else "c"
        out += ch
    return out


def tr_surfaces(template):
    """Every surface form of a suffix template, harmony ignored."""
    choices = {"A": "ae", "U": "ıiuü", "D": "dt", "C": "cç"}
    forms = [""]
    body = template
    if template.startswith("("):
        forms += list(choices.get(template[1], template[1]))
        body = template[3:]
    for ch in body:
        forms = [f + c for f in forms for c in choices.get(ch, ch)]
    return forms


def tr_words(n_generated, seed=16):
    rng = random.Random(seed)
    words = {}

    def add(w):
        if "\t" not in w and "\n" not in w and "\r" not in w:
            words.setdefault(w, None)

    edge = ["", "a", "ı", "ev", "su", "al", "ad", "at", "ked", "kedi", "ne", "ve", "bir", "iki",
            "A", "EV", "Ev", "Evler", "EVLER", "İstanbul", "istanbul", "İSTANBUL", "ıstanbul",
            "i̇stanbul", "evler1", "2023", "2,5", "3.", "evler!", "ev-ler", "ev'ler", "ankara'da",
            "Ankara’da", "x", "xyz", "wifi", "quiz", "evlerw", "évler", "evlêr", "kâğıt", "hâlâ",
            "rüzgâr", "kalpler", "lityum", "lityumlar", "evlerde", "çocuklarımmış",
            "okuldakilerden", "kalelerimizdekilerden", "çocuğuymuşumcasına", "kedileriyle",
            "kitabımızdı", "doktoruymuşsunuz", "lar", "ler", "larlar", "lerler", "ki", "kiki",
            "mış", "muş", "ymış", "yken", "ken", "ca", "casına", "y", "yy", "yı", "yım", "sı",
            "nın", "ının", "aaaa", "eeee", "ııı", "bcd", "kçk", "ğğğ", "ablar", "ablarımız",
            "авто", "книги", "كتاب", "বই", "书", "évlerimiz", "ev\u0307ler", "ev\u00a0ler",
            "evler\u200b", "🙂", "ev🙂", "ʼev", "ev_ler", "EVleri", "evLeri", "ñandu"]
    for w in edge:
        add(w)
    for w in TR_NOUNS + TR_VERBS:
        add(w)
    # the dataset's and the text's words, as multilingual-rouge tokenises (lowercased) and as
    # written
    path = os.path.join(ROOT, "datasets", "multilingual", "pairs.jsonl")
    texts = [TR_TEXT]
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            if d["lang"] == "tr":
                texts += [d["candidate"]] + d["references"]
    for text in texts:
        for raw in text.split():
            w = raw.strip(".,!?;:\"()")
            add(w)
            add(w.lower())
            for part in w.lower().replace("’", "'").split("'"):
                add(part)
    # every surface form of one or two suffixes on a few stems
    templates = TR_NOUN_SUFFIXES + TR_VERB_SUFFIXES + TR_DERIV_SUFFIXES
    for stem in ["ev", "kitap", "okul", "kale", "göz", "lamba", "gel"]:
        for t in templates:
            for s in tr_surfaces(t):
                add(stem + s)
    # harmonic chains
    count = 0
    while count < n_generated:
        if rng.random() < 0.7:
            w = rng.choice(TR_NOUNS)
            for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
                w = tr_realize(w, rng.choice(TR_DERIV_SUFFIXES), rng)
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
                w = tr_realize(w, rng.choice(TR_NOUN_SUFFIXES), rng)
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                w = tr_realize(w, rng.choice(TR_VERB_SUFFIXES), rng)
        else:
            w = tr_realize(rng.choice(TR_VERBS), rng.choice(TR_TENSES), rng)
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                w = tr_realize(w, rng.choice(TR_VERB_SUFFIXES + TR_NOUN_SUFFIXES), rng)
        r = rng.random()
        if r < 0.08:
            # a random chain of surface forms, harmony ignored
            w = rng.choice(TR_NOUNS + TR_VERBS)
            for _ in range(rng.randint(1, 4)):
                w += rng.choice(tr_surfaces(rng.choice(templates)))
        elif r < 0.1:
            w = w.capitalize()
        elif r < 0.12:
            i = rng.randrange(len(w) + 1)
            w = w[:i] + rng.choice("âîûwqx0'-") + w[i:]
        if w not in words:
            count += 1
        add(w)
    return list(words)


def tr_stems(words):
    from TurkishStemmer import TurkishStemmer

    stemmer = TurkishStemmer()
    return [stemmer.stem(w) for w in words]


# ---------------------------------------------------------------------------------------------
# Bengali

BN_NOUNS = """
বই ঘর মানুষ ছেলে মেয়ে বাবা মা ভাই বোন বন্ধু শিক্ষক ছাত্র বাড়ি গ্রাম শহর দেশ নদী পাহাড় গাছ ফুল
ফল পাখি কুকুর বিড়াল গরু মাছ ভাত ডাল পানি জল চা দুধ রাস্তা গাড়ি বাস ট্রেন স্কুল কলেজ
বিশ্ববিদ্যালয় হাসপাতাল ডাক্তার রোগী সরকার মন্ত্রী প্রধানমন্ত্রী রাষ্ট্রপতি দল নির্বাচন ভোট সংসদ
আইন আদালত পুলিশ সেনা যুদ্ধ শান্তি খবর সংবাদ পত্রিকা টেলিভিশন মোবাইল কম্পিউটার ইন্টারনেট
টাকা লাখ কোটি দাম বাজার ব্যবসা কৃষক শ্রমিক কারখানা অর্থনীতি উন্নয়ন প্রকল্প সমস্যা সমাধান
প্রশ্ন উত্তর কথা ভাষা বাংলা গান কবিতা গল্প উপন্যাস লেখক কবি শিল্পী ছবি চলচ্চিত্র খেলা ক্রিকেট
ফুটবল দলীয় জয় পরাজয় পৌরসভা মঙ্গলবার গ্রন্থাগার সংস্কার অনুমোদন কাজ খরচ কাউন্সিলর কেন্দ্র
রহিম করিম আমি তুমি সে আমরা তোমরা তারা এটা সেটা ওটা এক দুই তিন দশ একশ হাজার দিন রাত সকাল
বিকাল সন্ধ্যা সপ্তাহ মাস বছর সময় জীবন মৃত্যু স্বাস্থ্য রোগ ওষুধ চিকিৎসা শিক্ষা পরীক্ষা ফলাফল
বাংলাদেশ ভারত ঢাকা কলকাতা চট্টগ্রাম মানুষজন জনগণ নারী পুরুষ শিশু বৃদ্ধ পরিবার সমাজ সংস্কৃতি
""".split()

BN_VERBS = """
কর বল খা যা আস দেখ শোন পড় লেখ চল বস হাস নাচ রাখ গা পার ভাব খেল ধর দিয় নিয় হ পা বুঝ জান
""".split()

BN_TEXT = """
পৌরসভা মঙ্গলবার গ্রন্থাগার সংস্কারের অনুমোদন দিয়েছে। কাজে ২৫ লাখ টাকা খরচ হবে। মঙ্গলবার পৌর
কাউন্সিলররা কেন্দ্রীয় গ্রন্থাগারের সংস্কার অনুমোদন করেছেন। কাজের খরচ ২৫ লাখ টাকা ধরা হয়েছে।
আমি বাংলায় গান গাই। ছেলেরা মাঠে খেলছিল। রহিমের বইগুলো টেবিলের উপরে রাখা আছে। তারা কাল
ঢাকায় যাচ্ছিলেন। আমরা সবাই মিলে নদীর ধারে বেড়াতে গিয়েছিলাম। মেয়েটি হেসেছিলেন কিনা জানি না।
সরকার নতুন প্রকল্পের ঘোষণা করবে। খেলোয়াড়দের জন্য নতুন মাঠ তৈরি হচ্ছে। এটাই আমাদের শেষ কথা।
বাংলাদেশের অর্থনীতি গত বছর দ্রুত বেড়েছে। শিক্ষার্থীরা পরীক্ষার ফলাফলের জন্য অপেক্ষা করছে।
"""


def bn_rules_groups(rules):
    """The rules' groups of suffixes (the parser's own reading, for generating words)."""
    from multilingual_rouge.bengali_stemmer.parser import RafiStemmerRuleParser

    return RafiStemmerRuleParser(rules).groups


def bn_words(rules, n_generated, seed=16):
    rng = random.Random(seed)
    words = {}

    def add(w):
        if "\t" not in w and "\n" not in w and "\r" not in w:
            words.setdefault(w, None)

    groups = bn_rules_groups(rules)
    suffixes = [s for g in groups for s in g]
    signs = ["া", "ি", "ী", "ে", "ু", "ূ", "ো", "ৈ", "ৌ", "ং", "ঃ", "ঁ", "্", "়"]
    edge = ["", "া", "ি", "ে", "ো", "াি", "েে", "ই", "ও", "কে", "তে", "রা", "টি", "টা", "ে",
            "াই", "িও", "েকে", "ের", "ার", "দের", "ছি", "য়", "য়", "য়ে", "য়ে", "হয়", "হয়", "খায়",
            "খায়", "গেয়ে", "গেয়ে", "পেয়েছিল", "পেয়েছিল", "হয়েছিল", "হয়েছিল", "হেসে", "নেচে", "রেখে",
            "হেসেছিলেন", "হে.েছিলেন", "ে.েছিলেন", "হে.ে", "ে.ে", "কে.ে", "রছ", "রব", "করছ", "পারব",
            "আমি", "বাংলায়", "গান", "গাই", "ভাতের", "এটাই", "সেটাও", "হয়তো", "এটাকে", "রহিমরা",
            "খাচ্ছি", "হচ্ছিল", "যাচ্ছিলেন", "দেখেছ", "করেছেন", "গেল", "খেলো", "যাওয়া", "বলেছিল",
            "করলেন", "রহিমদের", "চলার", "দেখবেন", "দেখিস", "করছিস", "দেখছিলি", "করলি", "দেখবি",
            "একটি", "একটির", "রহিমেরটা", "করিমেরটার", "এগুলো", "তারগুলোর", "রহিমেরগুলো",
            "করিমেরগুলোর", "বইগুলোতেই", "ছেলেদেরকেও", "abc", "ABC", "Bangla", "বইbook", "bookবই",
            "বই১২৩", "১২৩", "২৫", "123", "বই।", "বই,", "বই-টা", "বই.টা", "হিন্দি", "हिंदी", "हिंदीটা",
            "বই\u200cটা", "বই\u200dটা", "কর\u200cছি", "🙂", "বই🙂", "ঢাকা।", "কি", "কী", "ঐ", "ঔ",
            "ক্ষ", "জ্ঞান", "শ্রী", "ৎ", "হঠাৎ", "ঋতু", "ৠ", "ৱ", "ৰ"]
    for w in edge:
        add(w)
    for w in BN_NOUNS + BN_VERBS:
        add(w)
    path = os.path.join(ROOT, "datasets", "multilingual", "pairs.jsonl")
    texts = [BN_TEXT]
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            if d["lang"] == "bn":
                texts += [d["candidate"]] + d["references"]
    for text in texts:
        for raw in text.split():
            add(raw)
            add(raw.strip("।,.!?;:"))
    # every suffix alone and on a few stems, and with the decomposed য়
    for s in suffixes:
        add(s)
        add(s.replace("য়", "য়"))
        for stem in ["বই", "কর", "রহিম", "ছেলে", "বাড়ি", "হ", "া", "ক"]:
            add(stem + s)
    count = 0
    while count < n_generated:
        stem = rng.choice(BN_NOUNS + BN_VERBS)
        w = stem
        # suffixes from the innermost group (the last) outwards, as the stemmer strips them
        for g in reversed(groups):
            if rng.random() < 0.45:
                w += rng.choice(g)
        r = rng.random()
        if r < 0.15:
            w = "".join(rng.choice(suffixes) for _ in range(rng.randint(1, 4)))
            if rng.random() < 0.5:
                w = rng.choice(BN_NOUNS) + w
        elif r < 0.2:
            w = "".join(rng.choice(signs + list("কখগরলমনতদয়য")) for _ in range(rng.randint(1, 6)))
        elif r < 0.25:
            w = w.replace("য়", "য়")
        elif r < 0.27:
            i = rng.randrange(len(w) + 1)
            w = w[:i] + rng.choice([".", "a", "১", "\u200c", "ঃ", "্"]) + w[i:]
        if w not in words:
            count += 1
        add(w)
    return list(words)


def bn_stems(rules, words):
    from multilingual_rouge.bengali_stemmer.parser import RafiStemmer

    stemmer = RafiStemmer(io.StringIO(rules))
    return [stemmer.stem_word(w) for w in words]


# ---------------------------------------------------------------------------------------------


def write(path, words, stems):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for w, s in zip(words, stems):
            assert "\t" not in w + s and "\n" not in w + s, (w, s)
            f.write(f"{w}\t{s}\n")
    changed = sum(w != s for w, s in zip(words, stems))
    print(f"{len(words)} words ({changed} stemmed) -> {path}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "multilingual"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "data", "bengali", "common.rules"))
    ap.add_argument("--tr", type=int, default=4000, help="generated Turkish words")
    ap.add_argument("--bn", type=int, default=3000, help="generated Bengali words")
    a = ap.parse_args()
    raw = open(a.rules, "rb").read()
    if hashlib.sha256(raw).hexdigest() != RULES_SHA256:
        sys.exit(f"{a.rules} is not the bengali-stemmer's common.rules (sha256 differs)")
    rules = raw.decode("utf-8")
    os.makedirs(a.out, exist_ok=True)
    words = tr_words(a.tr)
    write(os.path.join(a.out, "stems-tr.tsv"), words, tr_stems(words))
    words = bn_words(rules, a.bn)
    write(os.path.join(a.out, "stems-bn.tsv"), words, bn_stems(rules, words))


if __name__ == "__main__":
    main()
