#!/usr/bin/env bash
# Loads Gloss's spaCy export into spaCy (a development check, not part of the test command):
#   scripts/interop.sh [TEXT...]        (default: the fixture articles, tests/fixtures/*.txt)
# Installs spaCy (pinned) in a virtual environment under target/interop/, annotates the texts
# with `gloss annotate --format spacy`, and in Python builds each document twice: from the
# export's tokens (Doc(words, spaces), spans by token_start/token_end) and from its text with
# spaCy's own tokenizer (Doc.char_span, strict). It checks that every span aligns, or reports
# it, and that a DocBin of the documents round-trips. Prints counts and exits 1 on a mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."
SPACY_VERSION=3.8.18
venv=target/interop/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import spacy, sys; sys.exit(spacy.__version__ != '$SPACY_VERSION')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "spacy==$SPACY_VERSION"
fi
cargo build --release --quiet
if [ $# -eq 0 ]; then set -- tests/fixtures/*.txt; fi
out=target/interop/gloss-spacy.jsonl
: > "$out"
for f in "$@"; do
  ./target/release/gloss annotate --format spacy --date 2025-12-21 "$f" >> "$out"
done
"$venv/bin/python" - "$out" <<'PY'
import json
import sys

import spacy
from spacy.tokens import Doc, DocBin

nlp = spacy.blank("en")
docs, spans, by_tokens_ok, strict_ok, misaligned = [], 0, 0, 0, []
for number, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    record = json.loads(line)
    text = record["text"]
    # 1. The export's own tokens: the text is rebuilt exactly, every span is a token range.
    words = [t["text"] for t in record["tokens"]]
    spaces = [t["ws"] for t in record["tokens"]]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc.text == text, f"line {number}: tokens do not rebuild the text"
    ents = []
    for s in record["spans"]:
        spans += 1
        span = doc[s["token_start"] : s["token_end"] + 1]
        span.label_ = s["label"]
        if span.text == text[s["start"] : s["end"]] and span.start_char == s["start"]:
            by_tokens_ok += 1
        else:
            misaligned.append((number, "tokens", s, span.text))
        ents.append(span)
    doc.spans["gloss"] = ents
    docs.append(doc)
    # 2. spaCy's own tokenizer on the plain text: char_span in strict mode.
    own = nlp(text)
    for s in record["spans"]:
        if own.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict") is not None:
            strict_ok += 1
        else:
            misaligned.append((number, "spaCy tokenizer", s, text[s["start"] : s["end"]]))

bin_ = DocBin(store_user_data=True)
for doc in docs:
    bin_.add(doc)
back = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
same = all(
    a.text == b.text and [(x.start_char, x.end_char, x.label_) for x in a.spans["gloss"]]
    == [(x.start_char, x.end_char, x.label_) for x in b.spans["gloss"]]
    for a, b in zip(docs, back)
)
print(f"spaCy {spacy.__version__}: {len(docs)} documents, {spans} spans")
print(f"  from the export's tokens: {by_tokens_ok} of {spans} spans align")
print(f"  spaCy's own tokenizer, char_span strict: {strict_ok} of {spans} align")
print(f"  DocBin round trip ({len(bin_.to_bytes())} bytes): {'identical' if same else 'DIFFERENT'}")
for number, how, s, got in misaligned:
    print(f"  line {number} ({how}): {s['label']} {s['start']}-{s['end']} {got!r} does not align")
sys.exit(0 if same and by_tokens_ok == spans else 1)
PY
