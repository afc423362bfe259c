#!/usr/bin/env python3
"""Request bodies for the wrk load run, from a gen_corpus.py corpus.jsonl ({"id", "body"} per line).

    make-bodies.py CORPUS OUT_DIR [COUNT]      (COUNT default 2000)

writes OUT_DIR/check.jsonl ({"title": "", "body": altered text}) and OUT_DIR/diff.jsonl
({"from": {"title": "", "body": text}, "to": {"title": "", "body": altered text}}), one JSON per line.
Same arguments give byte-identical files.
"""
import json
import os
import random
import re
import sys

SEED = 20261125
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def alter(doc_id, body):
    # Seeded by the id, so a document is altered the same way whatever COUNT is.
    rng = random.Random(f"{SEED}:{doc_id}")
    paras = [p for p in body.split("\n\n") if p.strip()]
    # Drop one sentence: the stored original stays a near-duplicate (REVISION or DUPLICATE), not an exact copy.
    long_paras = [i for i, p in enumerate(paras) if len(SENTENCE_END.split(p)) > 1]
    if long_paras:
        i = rng.choice(long_paras)
        sentences = SENTENCE_END.split(paras[i])
        del sentences[rng.randrange(len(sentences))]
        paras[i] = " ".join(sentences)
    # Half the time also move a paragraph, so /diff reports a MOVED as well as a MODIFIED.
    if len(paras) > 2 and rng.random() < 0.5:
        p = paras.pop(rng.randrange(len(paras)))
        paras.insert(rng.randrange(len(paras) + 1), p)
    return "\n\n".join(paras)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    corpus, out_dir = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) == 4 else 2000

    # Two passes, so a corpus of millions of documents never has to fit in memory.
    with open(corpus, encoding="utf-8") as f:
        total = sum(1 for line in f if line.strip())
    if total == 0:
        sys.exit(f"{corpus}: no documents")
    # Spread over the whole corpus; a COUNT above the corpus size repeats documents.
    picks = sorted(random.Random(SEED).sample(range(total), min(count, total)))
    picks = (picks * (count // len(picks) + 1))[:count]
    wanted = set(picks)

    docs = {}
    with open(corpus, encoding="utf-8") as f:
        for n, line in enumerate(l for l in f if l.strip()):
            if n in wanted:
                doc = json.loads(line)
                docs[n] = (doc["id"], doc["body"])

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "check.jsonl"), "w", encoding="utf-8") as check, \
            open(os.path.join(out_dir, "diff.jsonl"), "w", encoding="utf-8") as diff:
        for n in picks:
            doc_id, body = docs[n]
            altered = alter(doc_id, body)
            check.write(json.dumps({"title": "", "body": altered}) + "\n")
            diff.write(json.dumps({"from": {"title": "", "body": body},
                                   "to": {"title": "", "body": altered}}) + "\n")
    print(f"{count} check and diff bodies from {total} documents in {out_dir}")


if __name__ == "__main__":
    main()
