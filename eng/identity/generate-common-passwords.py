#!/usr/bin/env python3
"""Writes src/Identity.Api/Domain/Passwords/common-passwords.txt: weak passwords of at least 12
characters built from well-known patterns (common words, names of the mechanism, keyboard walks,
sequences, seasons and years, with the usual capitalisations and suffixes). Generated here, not
copied from any third-party list. Run: python3 eng/identity/generate-common-passwords.py"""
import itertools
import pathlib

MIN_LENGTH = 12  # shorter passwords are refused by the length rule anyway

WORDS = """password passw0rd p@ssword p@ssw0rd letmein welcome welcome1 iloveyou trustno1 sunshine
princess football baseball basketball superman batman dragon monkey shadow master starwars
whatever freedom qwerty qwertyuiop asdfghjkl zxcvbnm computer internet administrator admin
changeme secret default login access password1 summer winter spring autumn
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
secretariat mechanism reviewmechanism untoc unodc vienna newyork geneva united nations
unitednations government ministry embassy mission permanentmission focalpoint expert observer
review country convention protocol crime organizedcrime trafficking smuggling firearms
justice police security office officer director manager""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "!!", "#1", "@123",
            "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027", "01", "00", "99", "007"]
PREFIXES = ["", "my", "the", "1", "123"]

KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx", "qazwsx", "1q2w3e4r", "1q2w3e4r5t",
            "q1w2e3r4t5", "zaq12wsx", "!qaz@wsx", "qwerty123", "azerty", "azertyuiop", "qwertz",
            "qwertzuiop", "1234qwer", "asdf1234", "qweasdzxc", "poiuytrewq", "mnbvcxz", "lkjhgfdsa"]

SEASONS = ["spring", "summer", "autumn", "fall", "winter"]


def capitalisations(word):
    # The validator compares case-insensitively: one spelling is enough.
    yield word.lower()


def sequences():
    digits = "01234567890123456789"
    for start in range(10):
        for length in range(MIN_LENGTH, 17):
            yield digits[start:start + length]
            yield digits[start:start + length][::-1]
    letters = "abcdefghijklmnopqrstuvwxyz"
    for start in range(0, 15):
        yield letters[start:start + MIN_LENGTH]
    for ch in "0123456789abcdefghijklmnopqrstuvwxyz!*.x":
        for length in range(MIN_LENGTH, 17):
            yield ch * length
    for pair in ["12", "ab", "abc", "123", "1234", "qwe", "asd", "xo", "ha", "la", "69", "007"]:
        yield (pair * 10)[:MIN_LENGTH]
        yield (pair * 10)[:MIN_LENGTH + len(pair)]


def main():
    out = set()
    for prefix, word, suffix in itertools.product(PREFIXES, WORDS, SUFFIXES):
        for w in capitalisations(word):
            out.add(prefix + w + suffix)
    for word in WORDS:
        out.add(word + word)
    for walk in KEYBOARD:
        for suffix in SUFFIXES:
            for w in capitalisations(walk):
                out.add(w + suffix)
        out.add(walk + walk)
    for season, year in itertools.product(SEASONS, range(1990, 2036)):
        for sep in ["", "@", "_", "."]:
            for end in ["", "!", "!!", "#", "1"]:
                out.add(f"{season}{sep}{year}{end}")
    for word, year in itertools.product(WORDS[:40], range(2015, 2031)):
        for sep in ["", "@"]:
            for end in ["", "!", "1"]:
                out.add(f"{word}{sep}{year}{end}")
    out.update(sequences())
    kept = sorted({p.lower() for p in out if len(p) >= MIN_LENGTH})
    path = pathlib.Path(__file__).resolve().parents[2] / "src/Identity.Api/Domain/Passwords/common-passwords.txt"
    path.write_text("\n".join(kept) + "\n")
    print(f"{len(kept)} passwords written to {path}")


if __name__ == "__main__":
    main()
