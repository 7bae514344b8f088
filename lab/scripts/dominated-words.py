#!/usr/bin/env python3
"""Which words of jieba's dictionary the segmenter would never miss.

A word is never chosen by jieba's route (the most probable path through
the dictionary's words) when its own characters split into other words
(the dictionary's, with the packed dictionary's quantised frequencies)
more probably than the word itself: leaving it out changes no cut. With
the HMM (reading mode) that holds only if the better split is not all
single characters, as a run of single characters that is a dictionary
word is kept apart instead of going to the HMM. Names (nr, ns, nt, nz…)
are counted apart, as the annotation looks them up.

    python3 lab/scripts/dominated-words.py [data/jieba/dict.txt]

(Reads jieba's dictionary alone, without the places build.rs merges in.)
"""
import math
import sys
from collections import Counter

EXACT, STEPS = 64, 16.0
KEPT = {"nr", "nrfg", "nrt", "ns", "nt", "nz"}


def packed_freq(f):
    """The frequency as the packed dictionary keeps it (src/words/dict.rs)."""
    if f < EXACT:
        return f
    return round(EXACT * math.exp((min(255, round(EXACT + math.log(f / EXACT) * STEPS)) - EXACT) / STEPS))


def main():
    freq, tag = {}, {}
    for line in open(sys.argv[1] if len(sys.argv) > 1 else "data/jieba/dict.txt", encoding="utf8"):
        parts = line.split()
        if parts and parts[0] not in freq:
            freq[parts[0]] = packed_freq(int(parts[1]) if len(parts) > 1 else 0)
            tag[parts[0]] = parts[2] if len(parts) > 2 else ""
    log_total = math.log(sum(freq.values()))
    log = lambda f: math.log(f) if f > 0 else float("-inf")
    dominated, names, singles, prunable = 0, 0, 0, []
    for w, f in freq.items():
        n = len(w)
        if n < 2:
            continue
        # The best route through w without w itself, as jieba's calc does
        # (an unknown character counts as frequency 1).
        best, multi = [0.0] * (n + 1), [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            b, m, end = None, False, -1
            for j in range(i + 1, n + 1):
                if (i, j) == (0, n):
                    continue
                s = w[i:j]
                if s in freq:
                    score = log(freq[s]) - log_total + best[j]
                elif j == i + 1:
                    score = -log_total + best[j]
                else:
                    continue
                if b is None or score > b or (score == b and j > end):
                    b, end, m = score, j, (j - i > 1) or multi[j]
            best[i], multi[i] = b, m
        if best[0] > log(f) - log_total + 1e-9:
            dominated += 1
            if tag[w] in KEPT:
                names += 1
            elif not multi[0]:
                singles += 1
            else:
                prunable.append(w)
    print(f"{len(freq)} words; {dominated} never chosen by the route: {names} names, "
          f"{singles} whose better split is all single characters (the HMM would see them), "
          f"{len(prunable)} that could go without changing a cut")
    print("of those, by length:", sorted(Counter(len(w) for w in prunable).items()))


if __name__ == "__main__":
    main()
