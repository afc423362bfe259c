#!/usr/bin/env python3
"""Request bodies for the wrk load run, from a gen_corpus.py corpus.jsonl ({"id", "body"} per line).

    make-bodies.py CORPUS OUT_DIR [COUNT]      (COUNT default 2000)

writes OUT_DIR/check.jsonl ({"title": "", "body": ...}) and OUT_DIR/diff.jsonl
({"from": {"title": "", "body": text}, "to": {"title": "", "body": altered text}}), one JSON per line.
The /check texts mix what editors send: half a stored text lightly altered (a near-duplicate), a quarter
heavily cut and reordered (a revision), a quarter new text made of sentences from six other documents (no
match, but candidates to verify). Same arguments give byte-identical files.
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


def cut(doc_id, body):
    # Keep about half the paragraphs, in a new order: a revision found through paragraph evidence.
    rng = random.Random(f"{SEED}:cut:{doc_id}")
    paras = [p for p in body.split("\n\n") if p.strip()]
    kept = rng.sample(paras, max(2, len(paras) // 2)) if len(paras) > 2 else paras
    return "\n\n".join(kept)


def mixture(doc_id, bodies):
    # Sentences from six other documents, five paragraphs: shares words and some runs, not a story.
    rng = random.Random(f"{SEED}:mix:{doc_id}")
    sentences = []
    for body in rng.sample(bodies, min(6, len(bodies))):
        all_sentences = [s for p in body.split("\n\n") for s in SENTENCE_END.split(p) if s.strip()]
        sentences += rng.sample(all_sentences, min(3, len(all_sentences)))
    rng.shuffle(sentences)
    size = max(1, len(sentences) // 5)
    return "\n\n".join(" ".join(sentences[i:i + size]) for i in range(0, len(sentences), size))


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
        bodies = [docs[n][1] for n in sorted(docs)]
        for k, n in enumerate(picks):
            doc_id, body = docs[n]
            altered = alter(doc_id, body)
            sent = altered if k % 4 < 2 else cut(doc_id, body) if k % 4 == 2 else mixture(doc_id, bodies)
            check.write(json.dumps({"title": "", "body": sent}) + "\n")
            diff.write(json.dumps({"from": {"title": "", "body": body},
                                   "to": {"title": "", "body": altered}}) + "\n")
    print(f"{count} check and diff bodies from {total} documents in {out_dir}")


if __name__ == "__main__":
    main()
