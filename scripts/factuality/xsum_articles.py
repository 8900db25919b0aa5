#!/usr/bin/env python3
"""scripts/factuality/xsum_articles.py: build /tmp/factuality/raw/xsum_articles.jsonl ({"id": bbcid, "article": text}) for the
500 Maynez et al. (2020) XSum test ids, from git mirrors obtained with the `fetch` tool:
  github:google-research-datasets/xsum_hallucination_annotations  (ids)
  github:EdinburghNLP/XSum        (refs/pull/31/head = commit 9f8caca, owanr fork: *.data files)
  github:DavidFanzz/llm_decoding  (data/xsum/test.jsonl, 1000-row HF XSum test sample with id)
  github:shailaja183/st_xsum      (brat-master/example-data/tutorials/xsum/<id>_gold.txt)
article = XSum 'document' = RESTBODY (first sentence excluded; it is the reference summary)."""
import csv, io, json, os, re, subprocess, sys
M = '/work/.mirror'
def git(repo, *a): return subprocess.run(['git', '-C', f'{M}/{repo}/repo', *a], capture_output=True, check=True).stdout
ann = git('google-research-datasets+xsum_hallucination_annotations', 'show', 'HEAD:hallucination_annotations_xsum_summaries.csv').decode()
ids = sorted({r['bbcid'] for r in csv.DictReader(io.StringIO(ann))}); idset = set(ids)
SHARE_START = {'Share this with', 'Rhannu hwn ar'}
SHARE = SHARE_START | {'Email', 'Ebost', 'Facebook', 'Messenger', 'Twitter', 'Pinterest', 'WhatsApp', 'LinkedIn', 'Linkedin',
         'Copy this link', 'Copïo’r ddolen yma', 'These are external links and will open in a new window',
         'Mae’r rhain yn ddolenni allanol ac yn agor mewn ffenest newydd'}
def clean_share(lines):  # re-downloaded 2023 pages contain a social-share widget absent from original XSum
    out, k = [], 0
    while k < len(lines):
        if lines[k] in SHARE_START:
            k += 1
            while k < len(lines) and lines[k] in SHARE: k += 1
            continue
        out.append(lines[k]); k += 1
    return out
art, prov = {}, {}
# priority 1: EdinburghNLP/XSum PR #31 (commit 9f8caca0a0f61b8cfd917c2c08a796b3966480f4)
C = '9f8caca0a0f61b8cfd917c2c08a796b3966480f4'
for p in git('EdinburghNLP+XSum', 'ls-tree', '-r', '--name-only', C).decode().splitlines():
    m = re.search(r'xsum-extracts-from-downloads_(?:Filtered|Leftover)/(\d+)\.data$', p)
    if m and m.group(1) in idset:
        body = git('EdinburghNLP+XSum', 'show', f'{C}:{p}').decode('utf-8').split('[XSUM]RESTBODY[XSUM]\n', 1)[1]
        art[m.group(1)] = '\n'.join(clean_share([l.strip() for l in body.split('\n') if l.strip()])); prov[m.group(1)] = 'EdinburghNLP/XSum@9f8caca:' + p
# priority 2: DavidFanzz/llm_decoding data/xsum/test.jsonl
for l in git('DavidFanzz+llm_decoding', 'show', 'HEAD:data/xsum/test.jsonl').decode().splitlines():
    r = json.loads(l); i = str(r['id'])
    if i in idset and i not in art: art[i] = r['document'].strip(); prov[i] = 'DavidFanzz/llm_decoding:data/xsum/test.jsonl'
# priority 3: shailaja183/st_xsum brat files (sentences joined by spaces, no line breaks)
for c in git('shailaja183+st_xsum', 'rev-list', '--all').decode().split():
    for p in git('shailaja183+st_xsum', 'ls-tree', '-r', '--name-only', c).decode().splitlines():
        m = re.search(r'xsum/(\d{8})_gold\.txt$', p)
        if m and m.group(1) in idset and m.group(1) not in art:
            t = git('shailaja183+st_xsum', 'show', f'{c}:{p}').decode('utf-8')
            if '\nArticle\n' in t: art[m.group(1)] = t.split('\nArticle\n', 1)[1].strip(); prov[m.group(1)] = f'shailaja183/st_xsum@{c[:7]}:{p}'
os.makedirs('/tmp/factuality/raw', exist_ok=True)
with open('/tmp/factuality/raw/xsum_articles.jsonl', 'w') as f:
    for i in ids:
        if i in art: f.write(json.dumps({'id': i, 'article': art[i]}, ensure_ascii=False) + '\n')
json.dump(prov, open('/tmp/factuality/raw/xsum_articles.provenance.json', 'w'), indent=0)
missing = [i for i in ids if i not in art]
open('/tmp/factuality/raw/xsum_articles.missing_ids.txt', 'w').write('\n'.join(missing) + '\n')
print(f'{len(ids)} ids; wrote {len(art)} articles; missing {len(missing)}', file=sys.stderr)
