#!/usr/bin/env python3
"""Write tests/fixtures/multilingual/thai-newmm.jsonl: PyThaiNLP's newmm word segmentation
(`pythainlp.tokenize.word_tokenize(text, engine="newmm")`, all defaults: keep_whitespace=True,
join_broken_num=True, the default dictionary) of a few hundred texts, the reference for
`src/text/segment/thai.rs`.

Set-up (PyPI only):

    python3 -m venv /tmp/mrvenv
    /tmp/mrvenv/bin/pip install pythainlp==5.4.0 multilingual-rouge
    /tmp/mrvenv/bin/python scripts/multilingual/thai_fixture.py [--out PATH]

(`multilingual-rouge` is optional: with it, the space-joined cases are made by its own
BasicTokenizer; without it, by the small stand-in below.) The committed fixture was made with
pythainlp 5.4.0 on Python 3.11.

Each output line: {"text": ..., "tokens": [...]}; the tokens concatenate to the text. The cases
(all deterministic, fixed seeds):

* hand-written Thai news-style sentences, as they are and as multilingual-rouge's MultiTokenizer
  hands them to newmm (lowercased, BERT's BasicTokenizer: punctuation dropped, words joined by
  single spaces);
* sentences made of random dictionary words (seeded), with spaces, numbers (2.5, 1,000, 12:30,
  127.0.0.1), Thai digits, Latin words, punctuation, other scripts, newlines, tabs, CR/LF,
  repeated characters and out-of-dictionary syllables mixed in;
* single characters (every character of the Thai block), Thai character-cluster shapes, and
  edge cases (empty text, lone marks, numbers straddling dictionary words);
* long texts, with and without spaces (newmm's safe mode would chunk them; the default does
  not), and highly ambiguous runs (words of consonants only) that pass newmm's graph-size
  cutoff.
"""

import argparse
import json
import os
import random
import sys
import unicodedata

from pythainlp import __version__ as PYTHAINLP_VERSION
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

try:
    from multilingual_rouge.tokenizers import BasicTokenizer
except ImportError:  # a stand-in with the same behaviour on these texts
    BasicTokenizer = None

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "fixtures", "multilingual", "thai-newmm.jsonl")

SENTENCES = [
    "นายกรัฐมนตรีเดินทางไปประชุมที่กรุงเทพมหานครเมื่อวานนี้",
    "กระทรวงสาธารณสุขรายงานว่ามีผู้ติดเชื้อรายใหม่เพิ่มขึ้น 1,250 ราย",
    "ธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.5 ต่อปี",
    "ราคาน้ำมันดีเซลปรับตัวสูงขึ้นลิตรละ 0.50 บาท ตั้งแต่เวลา 05:00 น. ของวันพรุ่งนี้",
    "กรมอุตุนิยมวิทยาเตือนประชาชนให้ระวังฝนตกหนักและน้ำท่วมฉับพลัน",
    "ทีมชาติไทยเอาชนะเวียดนาม 2-1 ในการแข่งขันฟุตบอลชิงแชมป์อาเซียน",
    "ผู้ว่าราชการจังหวัดเชียงใหม่สั่งการให้เจ้าหน้าที่เร่งช่วยเหลือผู้ประสบภัย",
    "ตลาดหลักทรัพย์แห่งประเทศไทยปิดตลาดที่ 1,432.15 จุด ลดลง 8.64 จุด",
    "รัฐบาลอนุมัติงบประมาณ 3,000 ล้านบาท เพื่อพัฒนาระบบขนส่งมวลชน",
    "นักวิทยาศาสตร์ค้นพบวิธีการใหม่ในการรักษาโรคมะเร็ง",
    "สำนักงานคณะกรรมการการเลือกตั้งประกาศผลการเลือกตั้งอย่างเป็นทางการ",
    "บริษัท ปตท. จำกัด (มหาชน) รายงานผลประกอบการไตรมาสที่ 3",
    "ประชาชนจำนวนมากเดินทางกลับภูมิลำเนาในช่วงเทศกาลสงกรานต์",
    "โรงเรียนหลายแห่งในภาคอีสานขาดแคลนครูและอุปกรณ์การเรียนการสอน",
    "การท่องเที่ยวแห่งประเทศไทยคาดว่าจะมีนักท่องเที่ยวต่างชาติ 35 ล้านคนในปีนี้",
    "เจ้าหน้าที่ตำรวจจับกุมผู้ต้องหาคดียาเสพติดได้ที่ด่านตรวจชายแดน",
    "ศาลฎีกาพิพากษายืนตามศาลอุทธรณ์ให้จำคุกจำเลยเป็นเวลา 5 ปี",
    "กรุงเทพฯ มีฝุ่นละอองขนาดเล็ก PM2.5 เกินค่ามาตรฐานในหลายพื้นที่",
    "นายสมชาย ใจดี อายุ 45 ปี ได้รับรางวัลเกษตรกรดีเด่นแห่งชาติ",
    "องค์การอนามัยโลก (WHO) แนะนำให้ฉีดวัคซีนเข็มกระตุ้น",
    "เศรษฐกิจไทยในไตรมาสแรกขยายตัวร้อยละ ๒.๗ เมื่อเทียบกับช่วงเดียวกันของปีก่อน",
    "สมาคมผู้ส่งออกข้าวไทยคาดการณ์ว่าการส่งออกข้าวจะเพิ่มขึ้นเป็น 8 ล้านตัน",
    "ภาพยนตร์ไทยเรื่องใหม่ทำรายได้กว่า 100 ล้านบาทภายในสัปดาห์แรก",
    "มหาวิทยาลัยเกษตรศาสตร์เปิดรับสมัครนักศึกษาใหม่ประจำปีการศึกษา ๒๕๖๗",
    "ชาวบ้านร่วมกันปลูกป่าชายเลนเพื่ออนุรักษ์ระบบนิเวศ",
    "นักกีฬาเทควันโดไทยคว้าเหรียญทองโอลิมปิก",
    "คณะรัฐมนตรีมีมติเห็นชอบร่างพระราชบัญญัติการศึกษาแห่งชาติ",
    "พายุโซนร้อนกำลังเคลื่อนตัวเข้าสู่ชายฝั่งทะเลอ่าวไทย",
    "ผู้ประกอบการร้านอาหารได้รับผลกระทบจากราคาวัตถุดิบที่สูงขึ้น",
    "แพทย์แนะนำให้ดื่มน้ำวันละ 8 แก้ว และออกกำลังกายสม่ำเสมอ",
    "การไฟฟ้านครหลวงประกาศดับไฟเพื่อบำรุงรักษาระบบในวันอาทิตย์นี้",
    "เกิดเหตุไฟไหม้โกดังสินค้าย่านบางนา ไม่มีผู้ได้รับบาดเจ็บ",
    "ตำรวจทางหลวงเตรียมพร้อมรับมือการจราจรหนาแน่นช่วงวันหยุดยาว",
    "ค่าเงินบาทแข็งค่าขึ้นมาอยู่ที่ 34.25 บาทต่อดอลลาร์สหรัฐ",
    "สภาผู้แทนราษฎรลงมติรับหลักการร่างกฎหมายในวาระแรก",
    "กรมควบคุมโรคเตือนภัยไข้เลือดออกระบาดในช่วงฤดูฝน",
    "ร้านกาแฟเล็ก ๆ ในซอยนี้ขายดีมากจนต้องต่อคิวยาว",
    "เด็ก ๆ สนุกสนานกับการเล่นน้ำในวันสงกรานต์",
    "วันนี้อากาศร้อนมากๆ อุณหภูมิสูงถึง 40 องศาเซลเซียส",
    "เขาบอกว่า \"ไม่เป็นไร\" แล้วก็เดินจากไป",
    "โครงการรถไฟความเร็วสูงกรุงเทพ-หนองคายคืบหน้าไปแล้วกว่าร้อยละ 30",
    "สถานทูตสหรัฐอเมริกาประจำประเทศไทยออกแถลงการณ์แสดงความเสียใจ",
    "ผลสำรวจความคิดเห็นพบว่าประชาชนร้อยละ 62.8 พอใจการทำงานของรัฐบาล",
    "การประชุมสุดยอดเอเปค (APEC) จัดขึ้นที่ศูนย์การประชุมแห่งชาติสิริกิติ์",
    "ชาวนาในจังหวัดสุพรรณบุรีเริ่มเก็บเกี่ยวข้าวนาปรัง",
    "กระทรวงศึกษาธิการปรับหลักสูตรใหม่ให้เน้นทักษะการคิดวิเคราะห์",
    "รถโดยสารประจำทางสาย 8 ประสบอุบัติเหตุบนถนนพหลโยธิน",
    "บริษัทเทคโนโลยีรายใหญ่ลงทุนสร้างศูนย์ข้อมูล (data center) ในไทย",
    "นักท่องเที่ยวชาวจีนนิยมเดินทางมาเที่ยวภูเก็ตและพัทยา",
    "กองทัพเรือส่งเรือรบไปช่วยเหลือชาวประมงที่ประสบภัยกลางทะเล",
    "ราคาทองคำแท่งขายออกบาทละ 41,350 บาท",
    "อัตราเงินเฟ้อทั่วไปเดือนมีนาคมอยู่ที่ร้อยละ -0.47",
    "สำนักงานสถิติแห่งชาติเผยอัตราการว่างงานลดลงเหลือร้อยละ 1.01",
    "ผู้ชุมนุมรวมตัวกันหน้าทำเนียบรัฐบาลตั้งแต่เช้าตรู่",
    "ศิลปินแห่งชาติสาขาทัศนศิลป์จัดแสดงนิทรรศการภาพวาดสีน้ำมัน",
    "ฟ้าผ่าต้นไม้ใหญ่ล้มทับบ้านเรือนประชาชนเสียหายหลายหลัง",
    "ทางด่วนขั้นที่สามเปิดให้บริการฟรีตลอดสัปดาห์",
    "แม่น้ำเจ้าพระยามีระดับน้ำสูงขึ้นต่อเนื่อง",
    "นักวิจัยไทยพัฒนาชุดตรวจโควิด-19 ที่รู้ผลภายใน 15 นาที",
    "เว็บไซต์ www.example.co.th ปิดปรับปรุงชั่วคราว ติดต่อ 02-123-4567",
    "ข่าวดี! ลดราคาสินค้าสูงสุด 70% ถึงวันที่ 31 ธ.ค. นี้เท่านั้น",
    "พ.ศ. ๒๕๖๖ ตรงกับ ค.ศ. 2023",
    "ดร.สมศักดิ์ กล่าวว่า การวิจัยครั้งนี้ใช้เวลา ๓ ปี",
    "ศ.นพ.ประเวศ วะสี เป็นราษฎรอาวุโส",
    "ฯพณฯ นายกรัฐมนตรี เป็นประธานในพิธีเปิด",
    "ฯลฯ",
    "อ่านหนังสือวันละนิดจิตแจ่มใส",
    "ตากลมตากลมตากลม",
    "คนขับรถขับรถชนรถ",
    "ไปไหนมาสามวาสองศอก",
    "ความสุขของประชาชนคือเป้าหมายสูงสุด",
    "กินข้าวหรือยัง",
    "สวัสดีครับ ยินดีต้อนรับสู่ประเทศไทย",
    "ขอบคุณมากค่ะ",
    "ผมชื่อจอห์น สมิธ มาจาก London ประเทศอังกฤษ",
    "Apple เปิดตัว iPhone รุ่นใหม่ราคาเริ่มต้น 32,900 บาท",
    "ไวรัส SARS-CoV-2 กลายพันธุ์เป็นสายพันธุ์ใหม่",
    "หุ้น AOT ปรับตัวขึ้น +2.15% ปิดที่ 68.75 บาท",
    "ปทท.94.0 และ มท.1 และ จส.100 เป็นคำในพจนานุกรม",
    "สงครามโลกครั้งที่2 สิ้นสุดลงในปี 1945",
    "เซเว่น-อีเลฟเว่น เปิด 24 ชั่วโมง",
    "ถนนวิภาวดี-รังสิต รถติดมาก",
    "กรุงเทพมหานคร อมรรัตนโกสินทร์ มหินทรายุธยา มหาดิลกภพ",
    "มือไม่พาย เอาเท้าราน้ำ",
    "ว่าส่ง ๆ ไปอย่างนั้นเอง",
    "ภาษาไทยเป็นภาษาที่มีวรรณยุกต์ ๕ เสียง",
    "เมื่อวันที่ ๑๒ สิงหาคม ๒๕๖๕ เวลา ๐๙.๓๐ น.",
    "อุณหภูมิ 25°C ความชื้น 80%",
    "ผลการแข่งขัน: ไทย 3 – 0 มาเลเซีย",
    "โทร. 1669 สายด่วนกู้ชีพ",
    "ราคา ฿1,500.00 รวม VAT 7%",
    "日本 และ 中国 เป็นประเทศในเอเชียตะวันออก",
    "ภาษาอาหรับเขียนว่า العربية ตัวเลข ٠١٢٣٤",
    "Привет แปลว่า สวัสดี ในภาษารัสเซีย",
    "ยิ้ม 😀 แล้วโลกจะยิ้มตาม 🌏",
    "วันนี้\nพรุ่งนี้\r\nมะรืนนี้\rเมื่อวาน",
    "หัวข้อ\tรายละเอียด\tหมายเหตุ",
    "เสียงหัวเราะ 5555555 ฮ่าาาาาา",
    "จริงงงงงง มากกกก",
    "โอ้ยยยยย เจ็บบบบ",
    "เอ๋ออออ",
    "สุดยอดดดด!!!",
    "อาจารย์ศาสตราจารย์กิตติคุณ",
    "ภูมิศาสตร์ประวัติศาสตร์วิทยาศาสตร์คณิตศาสตร์",
    "เครื่องปรับอากาศประหยัดพลังงานเบอร์ห้า",
    "กระเป๋าสตางค์หายที่สถานีรถไฟฟ้า",
    "พระบาทสมเด็จพระเจ้าอยู่หัวเสด็จพระราชดำเนินไปทรงเปิดงาน",
    "สมเด็จพระเทพรัตนราชสุดาฯ สยามบรมราชกุมารี",
    "เขาไปโรงเรียนทุกวันตั้งแต่เช้าจนเย็น",
    "ฉันชอบกินส้มตำไก่ย่างข้าวเหนียว",
    "ต้มยำกุ้งเป็นอาหารไทยที่มีชื่อเสียงไปทั่วโลก",
    "แมวดำนอนหลับอยู่บนหลังคาบ้าน",
    "น้ำตกเอราวัณอยู่ในจังหวัดกาญจนบุรี",
    "เกาะสมุยมีชายหาดที่สวยงาม",
    "เพลงลูกทุ่งได้รับความนิยมในต่างจังหวัด",
    "สุนัขจรจัดกว่า 500 ตัวได้รับการทำหมัน",
    "ผู้ป่วยโรคเบาหวานควรหลีกเลี่ยงอาหารหวาน",
    "เที่ยวบิน TG 660 ล่าช้ากว่ากำหนด 2 ชม.",
    "ศึกษาต่อปริญญาโทที่ University of Oxford",
    "กฟผ. กปภ. กทม. ขสมก. รฟท.",
    "บ.ก. นสพ. ไทยรัฐ",
    "เก้าอี้ตัวนี้ราคาเก้าร้อยเก้าสิบเก้าบาท",
    "หนึ่งสองสามสี่ห้าหกเจ็ดแปดเก้าสิบ",
    "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ",
    "ะาำิีึืฺุู฿เแโใไๅๆ็่้๊๋์ํ๎๏๐๑๒๓๔๕๖๗๘๙๚๛",
    "เกาะ เกือก เกี๊ยะ เกลือ เขียน เคี้ยว แก็ง แข็ง โต๊ะ ใคร ไหน",
    "เล็ก เปรี้ยว เปลี่ยน เกิน เดิน เทิด เงิน ก็ อึ หึ",
    "กัว กั๊ว ผัวะ จั๊วะ ชั่ว ยั่ว",
    "สิงห์ จันทร์ ศุกร์ พระลักษมณ์ อาทิตย์ กษัตริย์",
    "ปรากฏการณ์ทางธรรมชาติ",
    "เตียงเตี้ยเกี่ยวเขียว",
    "เศรษฐกิจพอเพียง",
    "เกี",
    "เกีย",
    "เกีย\n",
    "เกียเ",
    "เกียก",
    "เปลี่ย\n",
    "กออสเตรีย\n",
    "กออสเตรีย\nกออสเตรีย\n",
    "แก็",
    "เก็",
    "กร์",
    "์",
    "่",
    "ๆ",
    "ๆๆๆ",
    "ฯ",
    "๐",
    "๑๒๓",
    "๑,๐๐๐.๕",
    "๑.๒.๓",
    "a",
    "-",
    "--a-b-",
    "1",
    "1.",
    ".1",
    "1..2",
    "1,2,3",
    "12:30:45",
    "1.2.3.4.5",
    "1.a.2",
    "x1.5y",
    "ก1.5ข",
    "ก๑.๕ข",
    "3.14159",
    "99.99%",
    " ",
    "   ",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\r\r\n",
    " \t \n ",
    "\u00a0",
    "ก\u00a0ข",
    "\u3000ไทย\u3000",
    "\u200bไทย\u200bคำ",
    "\ufeffสวัสดี",
    "a\u0e01b",
    "ไทยEnglishไทย",
    "ภาษาไทย123ภาษาอังกฤษ",
    "Thai123abc",
    "ABC-DEF",
    "e-mail อีเมล",
    "#hashtag #แฮชแท็ก @mention",
    "(วงเล็บ) [ก้ามปู] {ปีกกา}",
    "“อัญประกาศ” ‘เดี่ยว’",
    "…",
    "หา…ไม่",
    "ว/ด/ป",
    "บ/ช",
    "ส.ค.1 ส.ค.1,000 ปทท.94.0.1 มท.1.5",
    "พ.ศ.2566",
    "ค.ศ.1999",
    "ร.ต.อ.",
    "ศ.ดร.",
]

# Out-of-dictionary syllables (made up, or rare spellings).
UNKNOWN = [
    "ฆฺ", "ญฐ", "ฒฎ", "ฮฺฮ", "เฌิฌ", "ฦๅ", "ฤๅษี", "โฬ", "ฃฅ", "ฅน", "ฃวด", "เฑฺ", "ฉึ๋ฎ",
    "ษฺษฺ", "ฌฺฌ", "ฬๆฬ", "ฑญฒ", "ปิ๋ว", "ขฺข", "บึ๊ม", "ตึ๋ง", "เฆ็ฆ", "กึ๊กกึ๊ก", "ฮฺาฮฺา",
]

LATIN = ["hello", "world", "ABC", "iPhone", "COVID", "e-mail", "Bangkok", "x", "ok", "AI"]
NUMBERS = ["2.5", "1,000", "12:30", "127.0.0.1", "3", "1,234.56", "0.5", "100", "2566",
           "๑๒๓", "๒.๕", "๑,๐๐๐", "٣٤", "１２", "1.", ".5", "9:9:9"]
PUNCT = [".", ",", "!", "?", "(", ")", "\"", "'", ":", ";", "-", "/", "…", "“", "”", "%", "฿", "ๆ", "ฯ"]
OTHER = ["日本", "中文", "한국어", "العربية", "русский", "😀", "🇹🇭", "αβγ", "ñ", "é", "\u00a0",
         "\u200b", "\u0301", "ـ"]
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", " \n "]


def basic_tokens(text):
    """multilingual-rouge's MultiTokenizer input to newmm: lowercased, BasicTokenizer,
    words joined by single spaces."""
    text = text.lower().strip()
    if BasicTokenizer is not None:
        return " ".join(BasicTokenizer()(text))
    out = []
    for word in text.split():
        cur = []
        for ch in word:
            cp = ord(ch)
            punct = (33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126
                     or unicodedata.category(ch).startswith("P"))
            if punct:
                if cur:
                    out.append("".join(cur))
                cur = []
            elif unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\t\n\r":
                cur.append(ch)
        if cur:
            out.append("".join(cur))
    return " ".join(out)


def random_texts(words, rng, count):
    texts = []
    for i in range(count):
        n = rng.randint(1, 25)
        parts = []
        for _ in range(n):
            r = rng.random()
            if r < 0.62:
                parts.append(rng.choice(words))
            elif r < 0.70:
                parts.append(rng.choice(UNKNOWN))
            elif r < 0.76:
                parts.append(rng.choice(NUMBERS))
            elif r < 0.81:
                parts.append(rng.choice(LATIN))
            elif r < 0.87:
                parts.append(rng.choice(PUNCT))
            elif r < 0.90:
                parts.append(rng.choice(OTHER))
            elif r < 0.93:
                # a repeated character or syllable
                parts.append(rng.choice(["ๆ", "า", "ะ", "5", "ก", "ย", "อ", "ฮ่า", "์", "่"]) * rng.randint(2, 8))
            else:
                parts.append(rng.choice(SPACES))
            # words written together (Thai style) most of the time
            if rng.random() < 0.25:
                parts.append(rng.choice(SPACES[:4]))
        texts.append("".join(parts))
    return texts


def long_text(rng, pool, min_len, spaces):
    parts = []
    total = 0
    while total < min_len:
        s = rng.choice(pool)
        if not spaces:
            s = s.replace(" ", "")
        parts.append(s)
        total += len(s)
        if spaces and rng.random() < 0.5:
            parts.append(" ")
            total += 1
    return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    if PYTHAINLP_VERSION != "5.4.0":
        print(f"warning: pythainlp {PYTHAINLP_VERSION}, the fixture was made with 5.4.0", file=sys.stderr)

    words = sorted(thai_words())
    rng = random.Random(20240531)
    thai_only = [s for s in SENTENCES if any("\u0e01" <= c <= "\u0e2e" for c in s) and len(s) > 12]

    texts = [""]
    texts += SENTENCES
    texts += [basic_tokens(s) for s in SENTENCES]
    # every character of the Thai block alone, and after a consonant
    texts += [chr(cp) for cp in range(0x0E00, 0x0E80)]
    texts += ["ก" + chr(cp) + "า" for cp in range(0x0E00, 0x0E80)]
    randoms = random_texts(words, rng, 250)
    texts += randoms
    texts += [basic_tokens(t) for t in randoms[:100]]
    # sentences run together, as Thai is written (several sentences per text)
    for _ in range(40):
        k = rng.randint(2, 6)
        texts.append("".join(rng.choice(thai_only) for _ in range(k)))
    # texts longer than newmm's safe-mode chunk limit (140 characters): with and without spaces
    for n in (141, 160, 300, 1000, 5000):
        texts.append(long_text(rng, thai_only, n, spaces=False))
        texts.append(long_text(rng, thai_only, n, spaces=True))
    texts.append(basic_tokens(long_text(rng, thai_only, 3000, spaces=True)))
    texts.append(long_text(rng, [" ".join(rng.choice(words) for _ in range(5)) for _ in range(50)], 4000, True))
    texts.append("".join(rng.choice(words) for _ in range(1500)))
    # ambiguous runs: many overlapping dictionary words (newmm's graph-size cutoff)
    texts += ["ตากลม" * 30, "ไปมา" * 60, "มากมาย" * 40, "การ" * 100, "ความ" * 80,
              "นาน" * 70, "กากา" * 50, "ยายาย" * 30, "ก" * 300, "ๆ" * 200, "5" * 400,
              "ภูมิศาสตร์ประวัติศาสตร์" * 15, "สามารถ" * 40]
    # words of consonants only overlap everywhere: repeated, or at random, they keep the graph
    # ambiguous past newmm's cutoff of 50 edges (`_MAX_GRAPH_SIZE`)
    consonantal = [w for w in words if 2 <= len(w) <= 6 and all("\u0e01" <= c <= "\u0e2e" for c in w)]
    overlapping = ["รอบนอก", "บงกชกร", "กรรมกร", "หนอนกอ", "มองออก", "นอกคอก", "ทรงกลม",
                   "กองกอย", "ออกรบ", "ลมกรด", "กกกอด", "กรรม"]
    for w in overlapping:
        texts.append(w * rng.randint(12, 40))
    for _ in range(15):
        texts.append("".join(rng.choice(overlapping) for _ in range(rng.randint(8, 30))))
    for _ in range(30):
        k = rng.randint(10, 60)
        texts.append("".join(rng.choice(consonantal) for _ in range(k)))
    for _ in range(10):
        k = rng.randint(10, 40)
        run = "".join(rng.choice(consonantal) for _ in range(k))
        texts.append(rng.choice(thai_only) + run + " " + rng.choice(NUMBERS) + rng.choice(thai_only))
    # overlapping dictionary words at random
    for _ in range(10):
        texts.append("".join(rng.choice([w for w in words if len(w) <= 3]) for _ in range(200)))

    seen = set()
    cases = []
    for text in texts:
        if text in seen:
            continue
        seen.add(text)
        tokens = word_tokenize(text, engine="newmm")
        assert "".join(tokens) == text, (text, tokens)
        cases.append({"text": text, "tokens": tokens})

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases, {os.path.getsize(args.out)} bytes -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
